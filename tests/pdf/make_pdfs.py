#!/usr/bin/python3
"""Makes the PDF test files at test time (never downloaded, never copied from elsewhere).

    make_pdfs.py OUT_DIR

From the bundled sample (tests/data/samples/songjiang-2023.txt, re-laid as HTML tables by
tests/data/samples/make_variants.py) headless Chromium prints:
  songjiang-ruled.pdf     the eight forms as ruled tables (the usual case: tables with borders)
  songjiang-plain.pdf     the same tables without any border (columns by alignment only)
  prose-then-forms.pdf    two pages of unrelated prose, then the first two forms on later pages
  image-only.pdf          two pages holding only a picture (a scan without a text layer)
  long-table.pdf          one ruled table of 150 rows over several pages, its <thead> header
                          row repeated by Chromium on every page
qpdf (when installed) encrypts songjiang-ruled.pdf:
  encrypted-owner.pdf     owner password only (opens without a password)
  encrypted-user.pdf      a user password (cannot be opened without it)
and a few bytes make
  broken.pdf              a PDF header followed by garbage
  hand-made.pdf           a PDF written by hand: a table of stroked lines (m/l/re + S, as Office
                          draws them), a merged cell, Helvetica text (also the fuzzing seed)

Exit 77 (ctest SKIP_RETURN_CODE) when chromium is not installed. A file that cannot be made is
left out (its tests skip with a message); a stamp file lists what was made.
"""
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "data", "samples")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio", "--no-pdf-header-footer",
]

RULED_CSS = """
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 12pt; }
td, th { border: 0.75pt solid #000; padding: 2pt 3pt; font-weight: normal; text-align: left; vertical-align: middle; }
"""
PLAIN_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 8pt; }
table { border-collapse: collapse; margin-bottom: 24pt; }
td, th { border: none; padding: 3pt 14pt 3pt 0; font-weight: normal; text-align: left; vertical-align: top;
         white-space: nowrap; }
div.long { white-space: normal; width: 24em; }
"""
PROSE = ("本文件说明本区年度财政项目支出绩效自评工作的组织方式、时间安排和工作要求。"
         "各预算单位应当按照规定的格式填报自评表，如实反映项目资金使用和绩效目标完成情况。") * 6


def hand_made_pdf():
    """A small valid PDF: a 3 x 3 table of stroked lines whose first column's lower two cells are
    merged, a title above it, ASCII text in Helvetica."""
    def text(x, y, t):
        return "BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x, y, t)
    content = "0.5 w\n"
    # Rows at y = 700, 680, 660, 640 (PDF y goes up); columns at x = 50, 150, 250, 350.
    for y in (700, 680, 640):
        content += "50 %d m 350 %d l S\n" % (y, y)
    content += "150 660 m 350 660 l S\n"  # no line under the first column: a merged cell
    for x in (50, 150, 250, 350):
        content += "%d 640 m %d 700 l S\n" % (x, x)
    content += "400 600 20 20 re S\n"  # a lone square: not a table
    content += text(50, 720, "Performance self-evaluation")
    content += text(55, 686, "Indicator") + text(155, 686, "Target") + text(255, 686, "Actual")
    content += text(55, 656, "Output") + text(155, 666, "=7") + text(255, 666, "7")
    content += text(155, 646, ">=90%") + text(255, 646, "95%")
    stream = content.encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def load_variants():
    spec = importlib.util.spec_from_file_location("make_variants", os.path.join(SAMPLES, "make_variants.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def long_cells_wrapped(document):
    """Cells of more than 40 characters wrapped in a fixed-width block (the others stay on one line)."""
    def wrap(m):
        text = m.group(2)
        return m.group(1) + ('<div class="long">%s</div>' % text if len(text) > 40 else text) + "</td>"
    return re.sub(r"(<td[^>]*>)(.*?)</td>", wrap, document)


def with_css(document, css):
    return document.replace("</title></head>", "</title><style>" + css + "</style></head>", 1)


def png(width, height):
    """A grey-and-black striped PNG (no text), written with zlib only."""
    raw = b""
    for y in range(height):
        shade = 0 if (y // 8) % 2 else 160
        raw += b"\x00" + bytes([shade]) * width
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def print_pdf(browser, html_path, pdf_path):
    profile = tempfile.mkdtemp(prefix="jixiao-pdf-chromium-")
    try:
        p = subprocess.run([browser] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile,
                            "--print-to-pdf=" + pdf_path, "file://" + html_path],
                           capture_output=True, timeout=240)
        ok = p.returncode == 0 and os.path.exists(pdf_path) and os.path.getsize(pdf_path) > 500
        if not ok:
            sys.stderr.write("chromium failed on %s: %s\n" % (html_path, p.stderr.decode(errors="replace")[-800:]))
        return ok
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "hand-made.pdf"), "wb") as f:
        f.write(hand_made_pdf())
    browser = find_chromium()
    if not browser:
        print("skip: chromium is not installed")
        return SKIP
    variants = load_variants()
    rows = variants.read_rows()
    tables = variants.html_text(rows)
    first_two = tables.split("</table>")
    first_two = "</table>".join(first_two[:2]) + "</table>\n</body></html>\n"
    import base64
    picture = base64.b64encode(png(400, 300)).decode()

    pages = {
        "songjiang-ruled": with_css(tables, RULED_CSS),
        "songjiang-plain": with_css(long_cells_wrapped(tables.replace('<table border="1">', "<table>")), PLAIN_CSS),
        "prose-then-forms": with_css(first_two.replace(
            "<body>",
            "<body><h1>关于开展2023年度项目支出绩效自评工作的说明</h1>" +
            "".join("<p>%s</p>" % PROSE for _ in range(12)) +
            '<div style="page-break-before: always"></div>', 1), RULED_CSS),
        "long-table": with_css('<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>'
                               '<table><thead><tr><th>序号</th><th>项目名称</th><th>金额（元）</th></tr></thead><tbody>' +
                               "".join("<tr><td>%d</td><td>项目%d</td><td>%d.00</td></tr>" % (k, k, 1000 + k)
                                       for k in range(1, 151)) +
                               "</tbody></table></body></html>", RULED_CSS),
        "image-only": ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:0}'
                       'img{display:block;width:100%%}</style></head><body>'
                       '<img src="data:image/png;base64,%s">'
                       '<div style="page-break-before: always"></div>'
                       '<img src="data:image/png;base64,%s"></body></html>' % (picture, picture)),
    }
    work = tempfile.mkdtemp(prefix="jixiao-pdf-html-")
    made = []
    try:
        jobs = []
        for name, document in pages.items():
            html_path = os.path.join(work, name + ".html")
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(document)
            jobs.append((name, html_path, os.path.join(out, name + ".pdf")))
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda j: (j[0], print_pdf(browser, j[1], j[2])), jobs))
        made += [name + ".pdf" for name, ok in results if ok]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ruled = os.path.join(out, "songjiang-ruled.pdf")
    qpdf = shutil.which("qpdf")
    if qpdf and os.path.exists(ruled):
        for name, user in (("encrypted-owner.pdf", ""), ("encrypted-user.pdf", "user")):
            p = subprocess.run([qpdf, "--encrypt", user, "owner", "256", "--", ruled, os.path.join(out, name)],
                               capture_output=True)
            if p.returncode == 0:
                made.append(name)
            else:
                sys.stderr.write("qpdf failed: %s\n" % p.stderr.decode(errors="replace"))
    elif not qpdf:
        print("note: qpdf is not installed: no encrypted PDFs (apt-get install qpdf)")
    with open(os.path.join(out, "broken.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF body\n")
    made += ["broken.pdf", "hand-made.pdf"]
    with open(os.path.join(out, "made.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(made) + "\n")
    print("made:", " ".join(made))
    return 0 if "songjiang-ruled.pdf" in made else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Files shaped as finance bureaus publish them, made at test time by LibreOffice headless.

    make_published.py OUT_DIR

From the bundled sample (tests/data/samples/songjiang-2023.txt; nothing downloaded) it writes the
documents a publisher starts from, laid out for print as real forms are:
  published.xlsx         one form per sheet: thin borders on every cell of the form, wrapped
                         text, column widths, long texts merged across the blank cells after
                         them, the vertical 一级指标 / 二级指标 labels merged down, landscape A4
                         fitted to one page wide
  published.docx         each form's title as a centred paragraph above a ruled table of fixed
                         column widths (w:gridSpan across, w:vMerge down), landscape
  disclosure.docx        six pages of prose (a 部门决算 disclosure), then the first two forms, so
                         the forms are on pages 7 and after
and then has LibreOffice convert them, in one soffice run per target format (how publishers
make their PDFs and old binary files):
  published.xlsx.pdf     the workbook printed to PDF (calc_pdf_Export)
  published.docx.pdf     the document printed to PDF (writer_pdf_Export)
  disclosure.pdf         the disclosure printed to PDF
  published.xls          the workbook saved as Excel 97 (an OLE2 file)
  published.doc          the document saved as Word 97
  published.et           the .xls bytes under the name WPS gives its workbooks
  family-<name>.xlsx     the table fixtures of the other layout families
  family-<name>.pdf      (tests/data/import/families: national in 元, Hubei with fund sources, a
                         department form, a declaration, a rubric) as ruled workbooks, and printed
  rotated.pdf            published.docx.pdf with pages turned by /Rotate (qpdf, when installed):
                         pages 1-3 a quarter clockwise, 4-5 a quarter anticlockwise, 6 upside
                         down, as scanned or inserted landscape pages come

Exit 77 (ctest SKIP_RETURN_CODE) when soffice or openpyxl is missing; a stamp file
(`made.txt`) lists what was made. Needs Debian's libreoffice-calc-nogui,
libreoffice-writer-nogui and python3-openpyxl.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "data", "office"))
import make_office_fixtures as office  # noqa: E402  (read_rows, split_forms, label_spans, as_number)

TITLE = office.TITLE
# Column widths of the printed form (characters in Excel, twentieths of a point ×20 in Word):
# 一级指标, 二级指标, 三级指标, 指标值, 实际完成值, 分值, 得分, 偏差原因 — as the national template.
WIDTHS = [12, 14, 22, 14, 14, 9, 9, 16]
PROSE = ("本部门决算公开包括部门概况、收入支出决算总表、财政拨款收入支出决算表、一般公共预算财政拨款"
         "支出决算表、政府性基金预算财政拨款收入支出决算表以及项目支出绩效自评情况。") * 3


def across_spans(row):
    """{column: width} for the long texts of a row that the blank cells after them belong to."""
    spans = {}
    c = 0
    while c < len(row):
        text = row[c]
        if text and len(text) >= 16 and office.as_number(text) is None:
            end = c + 1
            while end < len(row) and row[end] == "":
                end += 1
            if end - c > 1:
                spans[c] = end - c
            c = end
        else:
            c += 1
    return spans


def wrapped_lines(text, room):
    """The lines `text` wraps to in a cell `room` characters wide (a CJK character is two)."""
    return max(max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) // max(room, 1)))
               for part in text.split("\n"))


def print_landscape_one_page_wide(ws):
    """A sheet printed on landscape A4, as many pages down as it needs and one across."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_workbook(forms, path):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for n, form in enumerate(forms, 1):
        ws = wb.create_sheet(f"表{n}")
        width = max(len(r) for r in form)
        for c in range(width):
            ws.column_dimensions[get_column_letter(c + 1)].width = WIDTHS[c] if c < len(WIDTHS) else 12
        down, covered = office.label_spans(form, n - 1)
        for i, r in enumerate(form):
            title_row = i < 2 and len([t for t in r if t]) == 1  # the title and the (2023年度) line
            for c in range(width):
                text = r[c] if c < len(r) else ""
                cell = ws.cell(row=i + 1, column=c + 1)
                if not title_row:
                    cell.border = border
                cell.alignment = wrap
                if (i, c) in covered or text == "":
                    continue
                number = office.as_number(text)
                if number is not None:
                    cell.value, cell.number_format = number
                else:
                    cell.value = text
                    if text.startswith("="):
                        cell.data_type = "s"
            if title_row:
                ws.merge_cells(start_row=i + 1, start_column=1, end_row=i + 1, end_column=width)
                ws.cell(row=i + 1, column=1).alignment = Alignment(horizontal="center")
                continue
            for c, span in across_spans(r).items():
                if not any((i, k) in covered or (i, k) in down for k in range(c, c + span)):
                    ws.merge_cells(start_row=i + 1, start_column=c + 1, end_row=i + 1, end_column=c + span)
            for c in range(len(r)):
                if (i, c) in down:
                    ws.merge_cells(start_row=i + 1, start_column=c + 1, end_row=i + down[(i, c)], end_column=c + 1)
            # The row as tall as its longest text wraps to (Calc prints a row at the height it is
            # given: the publisher makes it fit).
            across = across_spans(r)
            lines = 1
            for c, text in enumerate(r):
                if not text or (i, c) in covered:
                    continue
                cols = range(c, c + across.get(c, 1))
                room = sum(WIDTHS[k] if k < len(WIDTHS) else 12 for k in cols) - 2
                lines = max(lines, wrapped_lines(text, room))
            ws.row_dimensions[i + 1].height = 15 * lines + 3
        print_landscape_one_page_wide(ws)
    wb.save(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TABLE_BORDERS = ("<w:tblBorders>" + "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
LANDSCAPE = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' \
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'


def paragraph(text, centred=False, page_break_before=False):
    ppr = "<w:pPr>" + ('<w:pageBreakBefore/>' if page_break_before else "") + \
          ('<w:jc w:val="center"/>' if centred else "") + "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def ruled_table(form, n):
    width = max(len(r) for r in form)
    twips = [w * 110 for w in (WIDTHS + [12] * width)[:width]]
    down, covered = office.label_spans(form, n)
    rows = []
    for i, r in enumerate(form):
        r = r + [""] * (width - len(r))
        across = across_spans(r)
        cells = []
        c = 0
        while c < width:
            span = across.get(c, 1)
            if any((i, k) in covered or (i, k) in down for k in range(c, c + span)):
                span = 1
            pr = f'<w:tcW w:w="{sum(twips[c:c + span])}" w:type="dxa"/>'
            if span > 1:
                pr += f'<w:gridSpan w:val="{span}"/>'
            text = r[c]
            if (i, c) in down:
                pr += '<w:vMerge w:val="restart"/>'
            elif (i, c) in covered:
                pr += "<w:vMerge/>"
                text = ""
            cells.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{paragraph(text)}</w:tc>")
            c += span
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{t}"/>' for t in twips) + "</w:tblGrid>"
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f"{TABLE_BORDERS}</w:tblPr>{grid}" + "".join(rows) + "</w:tbl>")


def write_document(forms, path, prose_pages=0):
    body = []
    for p in range(prose_pages):
        body.append(paragraph(f"第{p + 1}部分 部门决算情况说明", centred=True, page_break_before=p > 0))
        body += [paragraph(PROSE) for _ in range(4)]
    for n, form in enumerate(forms):
        rows = [r for r in form if r]
        body.append(paragraph(rows[0][0], centred=True, page_break_before=n > 0 or prose_pages > 0))
        first = 1
        if len([t for t in rows[1] if t]) == 1:  # the (2023年度) line under the title
            body.append(paragraph(next(t for t in rows[1] if t), centred=True))
            first = 2
        body.append(ruled_table(rows[first:], n))
        body.append("<w:p/>")  # Word always ends a table with a paragraph (the body's last one too)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + LANDSCAPE + "</w:body></w:document>")
    office.save_docx(document, path)


# The fixtures of other layout families that are tables (every row of a pipe table starts with
# `|`, or tab-separated rows, or CSV); the others are text as PDF dumps print it, not tables.
FAMILIES = ["national-yuan-pipe.txt", "hubei-sources-pipe.txt", "department-tsv.txt", "declaration-tsv.txt", "rubric.csv"]


def family_rows(path):
    """The rows of a family fixture: CSV records, tab-separated lines, or pipe-table lines."""
    import csv
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if path.endswith(".csv"):
        return list(csv.reader(text.splitlines()))
    rows = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue  # the |---| separator
            rows.append(cells)
        elif "\t" in line:
            rows.append(line.split("\t"))
        elif stripped:
            rows.append([stripped])
        else:
            rows.append([])
    return rows


def write_family_workbook(rows, path):
    """A family's table as a publisher's workbook: a title merged over the width, ruled cells."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = openpyxl.Workbook()
    ws = wb.active
    width = max(len(r) for r in rows if r)
    for c in range(width):
        ws.column_dimensions[get_column_letter(c + 1)].width = 16
    for i, r in enumerate(rows, 1):
        alone = len([t for t in r if t]) == 1
        lines = 1
        for c, text in enumerate(r):
            cell = ws.cell(row=i, column=c + 1)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if text:
                cell.value = text
                if text.startswith("="):
                    cell.data_type = "s"
                lines = max(lines, wrapped_lines(text, 14))
            if not alone:
                cell.border = border
        if alone and i <= 3:  # the title and the year line above the table
            ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
            ws.cell(row=i, column=1).alignment = Alignment(horizontal="center")
            lines = 1
        ws.row_dimensions[i].height = 15 * lines + 3
    print_landscape_one_page_wide(ws)
    wb.save(path)


def soffice_convert(soffice, target, sources, out_dir, profile):
    """One soffice run converting `sources` to `target` into out_dir; returns the paths made."""
    cmd = [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
           "-env:UserInstallation=file://" + profile, "--convert-to", target, "--outdir", out_dir] + sources
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
    made = []
    for s in sources:
        p = os.path.join(out_dir, os.path.splitext(os.path.basename(s))[0] + "." + target.split(":")[0])
        if os.path.exists(p):
            made.append(p)
    return made


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    os.makedirs(out, exist_ok=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("skip: python3-openpyxl is not installed")
        return SKIP
    if not soffice:
        print("skip: LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui")
        return SKIP
    forms = office.split_forms(office.read_rows(), False)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, docx, disclosure = (os.path.join(tmp, n) for n in ("published.xlsx", "published.docx", "disclosure.docx"))
        write_workbook(forms, xlsx)
        write_document(forms, docx)
        write_document(forms[:2], disclosure, prose_pages=6)
        families = []
        for name in FAMILIES:
            path = os.path.join(tmp, "family-" + os.path.splitext(name)[0] + ".xlsx")
            write_family_workbook(family_rows(os.path.join(HERE, "..", "data", "import", "families", name)), path)
            families.append(path)
        profile = os.path.join(tmp, "profile")
        pdf_dir = os.path.join(tmp, "pdf")
        os.makedirs(pdf_dir)
        # The workbook's and the document's PDFs have the same stem: print them apart.
        pdfs = soffice_convert(soffice, "pdf", [xlsx], pdf_dir, profile)
        for p in pdfs:
            shutil.move(p, os.path.join(out, "published.xlsx.pdf"))
            made.append("published.xlsx.pdf")
        for p in soffice_convert(soffice, "pdf", [docx, disclosure] + families, pdf_dir, profile):
            base = os.path.basename(p)
            name = "published.docx.pdf" if base.startswith("published") else base
            shutil.move(p, os.path.join(out, name))
            made.append(name)
        for target, source in (("xls", xlsx), ("doc", docx)):
            for p in soffice_convert(soffice, target, [source], out, profile):
                made.append(os.path.basename(p))
        qpdf = shutil.which("qpdf")
        if qpdf and "published.docx.pdf" in made:
            rotated = os.path.join(out, "rotated.pdf")
            r = subprocess.run([qpdf, os.path.join(out, "published.docx.pdf"), "--rotate=+90:1-3", "--rotate=-90:4-5",
                                "--rotate=180:6", rotated], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if r.returncode in (0, 3) and os.path.exists(rotated):
                made.append("rotated.pdf")
        if os.path.exists(os.path.join(out, "published.xls")):
            shutil.copyfile(os.path.join(out, "published.xls"), os.path.join(out, "published.et"))
            made.append("published.et")
        for src in [xlsx, docx, disclosure] + families:
            shutil.copy(src, out)
            made.append(os.path.basename(src))
    with open(os.path.join(out, "made.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(made)) + "\n")
    print("made: " + ", ".join(sorted(made)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

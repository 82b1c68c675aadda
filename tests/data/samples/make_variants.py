#!/usr/bin/python3
"""Re-lays the tab-separated sample songjiang-2023.txt in the other grid shapes.

Run from anywhere with /usr/bin/python3; writes next to this script:
  songjiang-2023.pipe.txt     | a | b |   (a |---| separator row after each form's title row)
  songjiang-2023.lines.txt    one non-empty cell per line, rows separated by a blank line
  songjiang-2023.csv          RFC 4180, UTF-8 with a byte order mark, CRLF (as Excel saves it)
  songjiang-2023.gb18030.csv  the same CSV in GB18030, no BOM (as Chinese Excel saves it)
  songjiang-2023.html         one <table> per form; the merged 一级指标 / 二级指标 labels as rowspans

Documented differences from the tab-separated original (docs/readers.md):
  - lines: empty cells and rows without cells cannot be written, so they are absent;
  - html: blank lines (page breaks) are absent; a cell covered by a rowspan is an empty cell in
    the original and a from_span copy in the HTML grid; text such as <p> in a cell is escaped
    (&lt;p&gt;) so it reads back as the same text.
"""
import csv
import html
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = "财政项目支出绩效自评表"


def read_rows():
    with open(os.path.join(HERE, "songjiang-2023.txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") if line.strip(" ") != "" else [] for line in lines]


def write(name, data, mode="w", **kw):
    with open(os.path.join(HERE, name), mode, **kw) as f:
        f.write(data)


def pipe(rows):
    out = []
    for r in rows:
        if not r:
            out.append("")
            continue
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
        if r[0] == TITLE:
            out.append("|" + "|".join("---" for _ in r) + "|")
    return "\n".join(out) + "\n"


def lines(rows):
    blocks = []
    for r in rows:
        cells = [c for c in r if c != ""]
        if cells:
            blocks.append("\n".join(cells))
    return "\n\n".join(blocks) + "\n"


def csv_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for r in rows:
        if r:
            w.writerow(r)
        else:
            buf.write("\r\n")
    return buf.getvalue()


def html_text(rows):
    forms = []
    for r in rows:
        if not r:
            continue  # page breaks do not exist in HTML
        if r[0] == TITLE or not forms:
            forms.append([])
        forms[-1].append(r)

    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>松江区 2023 项目支出绩效自评表</title></head>', '<body>']
    for form in forms:
        # Where the indicator header row names 一级指标 / 二级指标, a label followed by rows that
        # leave that column empty becomes one cell with a rowspan (a merged cell).
        covered = set()  # (row index, column index) omitted because a rowspan covers them
        spans = {}
        level_columns = []
        for i, r in enumerate(form):
            if "一级指标" in r and "二级指标" in r:
                level_columns = [r.index("一级指标"), r.index("二级指标")]
                width = len(r)
                start = i + 1
                for col in level_columns:
                    for j in range(start, len(form)):
                        if (j, col) in covered:
                            continue
                        row = form[j]
                        if len(row) != width or row[col] == "" or "总分" in row:
                            continue
                        k = j + 1
                        while (k < len(form) and len(form[k]) == width and form[k][col] == ""
                               and "总分" not in form[k] and all(form[k][c] == "" for c in range(col))):
                            covered.add((k, col))
                            k += 1
                        if k - j > 1:
                            spans[(j, col)] = k - j
        out.append("<table border=\"1\">")
        for i, r in enumerate(form):
            cells = []
            for col, text in enumerate(r):
                if (i, col) in covered:
                    continue
                tag = "TH" if i == 0 else "td"
                attrs = f' rowspan="{spans[(i, col)]}"' if (i, col) in spans else ""
                cells.append(f"<{tag}{attrs}>{html.escape(text, quote=False)}</{tag}>")
            out.append("  <tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def main():
    rows = read_rows()
    write("songjiang-2023.pipe.txt", pipe(rows), encoding="utf-8", newline="")
    write("songjiang-2023.lines.txt", lines(rows), encoding="utf-8", newline="")
    text = csv_text(rows)
    write("songjiang-2023.csv", text, encoding="utf-8-sig", newline="")
    write("songjiang-2023.gb18030.csv", text.encode("gb18030"), mode="wb")
    write("songjiang-2023.html", html_text(rows), encoding="utf-8", newline="")


if __name__ == "__main__":
    main()

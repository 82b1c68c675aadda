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
import json
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


def golden_level2(n):
    """Name (spaces removed) -> 二级指标 label of the indicators of form n (0-based), as the golden
    reading has them (tests/data/forms/songjiang-2023-<n+1>.json)."""
    path = os.path.join(HERE, "..", "forms", "songjiang-2023-%d.json" % (n + 1))
    with open(path, encoding="utf-8") as f:
        form = json.load(f)
    return {"".join(i["name"].split()): i.get("level2_text", "") for i in form.get("indicators", [])}


def level_spans(form, n):
    """The merged 一级指标 / 二级指标 cells of form n as a publisher draws them:
    (row, column) -> rowspan of each merged label, and the positions the spans cover (their
    text is moved into the span's first row, so `form` may change).

    Where the indicator header row names 一级指标 / 二级指标, a label followed by rows that leave
    that column empty becomes one cell spanning them. Rows that the golden reading puts under the
    label after them (a merged cell cut by a page break of the original, its label printed on the
    next page: docs/import.md, label_from_next_page) start that label's span instead."""
    covered, spans = set(), {}
    golden = golden_level2(n)

    def label_of(row):
        for text in row:
            key = "".join(text.split())
            if key in golden:
                return golden[key]
        return None

    for i, r in enumerate(form):
        if "一级指标" in r and "二级指标" in r:
            cols = [r.index("一级指标"), r.index("二级指标")]
            width = len(r)
            for col in cols:
                for j in range(i + 1, len(form)):
                    row = form[j]
                    if (j, col) in covered or len(row) != width or row[col] == "" or "总分" in row:
                        continue
                    k = j + 1
                    while (k < len(form) and len(form[k]) == width and form[k][col] == ""
                           and "总分" not in form[k] and all(form[k][c] == "" for c in range(col))):
                        covered.add((k, col))
                        k += 1
                    if k - j > 1:
                        spans[(j, col)] = k - j
            # The 二级 column: rows at the end of a span that belong to the next label.
            col = cols[1]
            for (j, c) in sorted(spans):
                if c != col or (j, c) not in spans:
                    continue
                nxt = j + spans[(j, c)]
                if nxt >= len(form) or len(form[nxt]) <= col or form[nxt][col] == "":
                    continue
                label = form[nxt][col]
                k = nxt
                while k - 1 > j and label_of(form[k - 1]) == label and label_of(form[j]) != label:
                    k -= 1
                if k == nxt:
                    continue
                if k - j > 1:
                    spans[(j, c)] = k - j
                else:
                    del spans[(j, c)]
                form[k][col], form[nxt][col] = label, ""
                covered.discard((k, col))
                for m in range(k + 1, nxt + 1):
                    covered.add((m, col))
                spans[(k, col)] = spans.pop((nxt, col), 1) + (nxt - k)
    return spans, covered


def html_text(rows):
    forms = []
    for r in rows:
        if not r:
            continue  # page breaks do not exist in HTML
        if r[0] == TITLE or not forms:
            forms.append([])
        forms[-1].append(r)

    forms_done = []
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>松江区 2023 项目支出绩效自评表</title></head>', '<body>']
    for form in forms:
        spans, covered = level_spans(form, len(forms_done))
        forms_done.append(form)
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

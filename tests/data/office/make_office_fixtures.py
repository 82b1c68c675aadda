#!/usr/bin/python3
"""Office fixtures made at test time from the bundled sample (tests/data/samples/songjiang-2023.txt).

Usage: make_office_fixtures.py OUTPUT_DIR

Writes, from the tab-separated rows of the sample (nothing downloaded, nothing copied):
  songjiang-2023.xlsx           one form per sheet (openpyxl); the vertical 一级指标 / 二级指标
                                labels as merged cells (the ranges the HTML variant gives as
                                rowspans); numbers as number cells with number formats (0.00,
                                #,##0, 0.00%, General); a formula without a cached value in the
                                first sheet (cell T1) and a hidden third sheet of notes
  songjiang-2023-onesheet.xlsx  all forms in one sheet, page breaks as empty rows
  songjiang-2023.docx           hand-written WordprocessingML (zipfile): each form's title as a
                                paragraph above its table, the labels as w:vMerge, a deleted
                                revision (w:del) that must not be read
Needs Debian's python3-openpyxl.
"""
import os
import re
import sys
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "samples"))
import make_variants as variants  # noqa: E402  (level_spans: the merged labels)
SAMPLE = os.path.join(HERE, "..", "samples", "songjiang-2023.txt")
TITLE = "财政项目支出绩效自评表"


def read_rows():
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") if line.strip(" ") != "" else [] for line in lines]


def split_forms(rows, keep_breaks):
    """Forms as lists of rows (the title row starts a form)."""
    forms = []
    for r in rows:
        if r and r[0] == TITLE:
            forms.append([])
        if not forms:
            continue
        if r or keep_breaks:
            forms[-1].append(list(r))
    return forms


def label_spans(form, n):
    """The merged label cells of form n (0-based) as the HTML variant has them
    (make_variants.level_spans: its rowspans; the form's label texts may move up)."""
    return variants.level_spans(form, n)


# Cell text -> (number, format) for the shapes a workbook would hold as numbers.
def as_number(text):
    if re.fullmatch(r"[0-9]+\.[0-9]{2}", text):
        return Decimal(text), "0.00"
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", text):
        return int(text.replace(",", "")), "#,##0"
    if re.fullmatch(r"[0-9]+\.[0-9]{2}%", text):
        return Decimal(text[:-1]) / 100, "0.00%"
    if re.fullmatch(r"[1-9][0-9]{0,8}|0", text):
        return int(text), "General"
    return None


def fill_sheet(ws, form, first_row, merges, n=0):
    spans, covered = label_spans(form, n) if merges else ({}, set())
    for i, r in enumerate(form):
        for c, text in enumerate(r):
            if (i, c) in covered or text == "":
                continue
            cell = ws.cell(row=first_row + i, column=c + 1)
            number = as_number(text)
            if number is not None:
                cell.value, cell.number_format = number
            else:
                cell.value = text
                if text.startswith("="):
                    cell.data_type = "s"  # a string, never a formula (`=697家`): an inline string
        for c in range(len(r)):
            if (i, c) in spans:
                ws.merge_cells(start_row=first_row + i, start_column=c + 1,
                               end_row=first_row + i + spans[(i, c)] - 1, end_column=c + 1)


def write_xlsx(forms, path):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for n, form in enumerate(forms, 1):
        ws = wb.create_sheet(f"表{n}")
        fill_sheet(ws, form, 1, True, n - 1)
        if n == 1:
            ws["T1"] = "=SUM(1,2)"  # openpyxl writes no cached value
    notes = wb.create_sheet("说明")
    notes["A1"] = "本工作簿由测试生成"
    notes.sheet_state = "hidden"
    wb.save(path)


def write_onesheet(forms, path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "全部"
    row = 1
    for form in forms:
        fill_sheet(ws, form, row, False)
        row += len(form)
    wb.save(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(text):
    parts = text.split("\n")
    out = []
    for k, part in enumerate(parts):
        if k:
            out.append("<w:br/>")
        out.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return "<w:r>" + "".join(out) + "</w:r>"


def paragraph(text):
    return f"<w:p>{run(text) if text else ''}</w:p>"


def docx_table(form, n):
    spans, covered = label_spans(form, n)
    rows = []
    for i, r in enumerate(form):
        cells = []
        for c, text in enumerate(r):
            pr = ""
            if (i, c) in spans:
                pr = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
            elif (i, c) in covered:
                pr = "<w:tcPr><w:vMerge/></w:tcPr>"
                text = ""
            cells.append(f"<w:tc>{pr}{paragraph(text)}</w:tc>")
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return "<w:tbl><w:tblPr/>" + "".join(rows) + "</w:tbl>"


def save_docx(document, path):
    """A .docx of `document` (the word/document.xml text): the package parts Word needs."""
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)


def write_docx(forms, path):
    body = []
    for n, form in enumerate(forms):
        rows = [r for r in form if r]
        body.append(paragraph(rows[0][0]))  # the title, a paragraph above the table
        if n == 0:
            body.append('<w:p><w:del w:id="1" w:author="t"><w:r><w:delText>删除的文字</w:delText></w:r></w:del></w:p>')
        body.append(docx_table(rows[1:], n))
        body.append("<w:p/>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    save_docx(document, path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    os.makedirs(out, exist_ok=True)
    rows = read_rows()
    write_xlsx(split_forms(rows, False), os.path.join(out, "songjiang-2023.xlsx"))
    write_onesheet(split_forms(rows, True), os.path.join(out, "songjiang-2023-onesheet.xlsx"))
    write_docx(split_forms(rows, False), os.path.join(out, "songjiang-2023.docx"))


if __name__ == "__main__":
    main()

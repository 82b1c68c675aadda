"""Excel workbooks (openpyxl) into the recognizer.

A sheet becomes rows of :class:`jixiao.Cell`; a merged range becomes one cell with its
``row_span`` / ``col_span`` at the top-left and copies (``from_span=True``) in the positions it
covers, exactly as the HTML reader represents ``rowspan`` / ``colspan``. The grid is handed to
the C++ recognizer with format ``html`` (cells on a grid, merged cells as spans).

Cell values: text as is; integers as digits; other numbers from the shortest text that reads
back to the stored value (openpyxl has already turned the XML number into a float; the text it
came from is that shortest repr for anything Excel writes), shown as a percent when the cell's
number format is a percent format (``0.00%``: 1 -> ``100.00%``); dates in ISO form.
"""

from __future__ import annotations

import datetime as _dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, List, Optional, Sequence, Union

from . import _core


def _percent_places(number_format: str) -> Optional[int]:
    if "%" not in number_format:
        return None
    head = number_format.split("%")[0]
    return len(head.split(".")[1]) if "." in head else 0


def cell_text(value: Any, number_format: str = "General") -> str:
    """The text of a cell value as a form would print it (no float arithmetic on numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        number = _core.to_decimal(value, allow_float=True)  # shortest repr of the stored number
        places = _percent_places(number_format or "")
        if places is not None:
            return _core.format_decimal(number * 100, places) + "%"
        text = format(number, "f")
        if "." in text and isinstance(value, float) and number == number.to_integral_value():
            text = text.split(".")[0]  # 524760.0 -> 524760
        return text
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def sheet_rows(sheet: Any) -> List[List["_core.Cell"]]:
    """The rows of one openpyxl worksheet as Cells, merged ranges honoured."""
    spans = {}
    covered = {}
    for rng in sheet.merged_cells.ranges:
        top, left = rng.min_row, rng.min_col
        spans[(top, left)] = (rng.max_row - top + 1, rng.max_col - left + 1)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (top, left):
                    covered[(r, c)] = (top, left)
    texts = {}
    max_row = sheet.max_row or 0
    max_col = sheet.max_column or 0
    for row in sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
        for c in row:
            if getattr(c, "row", None) is None:
                continue
            texts[(c.row, c.column)] = cell_text(c.value, getattr(c, "number_format", "General"))
    rows: List[List[_core.Cell]] = []
    for r in range(1, max_row + 1):
        cells = []
        for c in range(1, max_col + 1):
            if (r, c) in covered:
                top = covered[(r, c)]
                rs, cs = spans[top]
                cells.append(_core.Cell(texts.get(top, ""), line=r, column=c, row_span=rs, col_span=cs, from_span=True))
            else:
                rs, cs = spans.get((r, c), (1, 1))
                cells.append(_core.Cell(texts.get((r, c), ""), line=r, column=c, row_span=rs, col_span=cs))
        while cells and not cells[-1].text and not cells[-1].from_span:
            cells.pop()  # trailing blanks of a row
        rows.append(cells)
    return rows


def read_excel(path: Union[str, "os.PathLike[str]"], sheets: Optional[Sequence[Union[str, int]]] = None) -> "_core.ImportResult":
    """Forms from an Excel workbook; see the module documentation."""
    import openpyxl

    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(2, "no such file", str(p))
    try:
        workbook = openpyxl.load_workbook(p, data_only=True)
    except Exception as e:  # openpyxl raises zipfile, KeyError, OSError ... : the documented type
        error = _core.DocumentError(f"{p.name}: not a readable Excel workbook (openpyxl: {type(e).__name__}: {e})")
        error.code, error.offset, error.where = "corrupt_file", 0, str(p)
        error.message = str(error)
        raise error from e
    try:
        chosen = workbook.worksheets
        if sheets is not None:
            chosen = [workbook.worksheets[s] if isinstance(s, int) else workbook[s] for s in sheets]
        rows: List[List[_core.Cell]] = []
        for sheet in chosen:
            if rows:
                rows.append([])  # a blank row between sheets
            rows.extend(sheet_rows(sheet))
    finally:
        workbook.close()
    return _core.recognize(rows, format="html", source_name=p.name)

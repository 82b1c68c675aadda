"""Reading forms: text, CSV, HTML, JSON, Excel (openpyxl, merged cells) and grids built in Python."""

import pickle
from pathlib import Path

import pytest

import jixiao
from conftest import SAMPLES_DIR


def signature(forms):
    return [(f.project_name, f.year, len(f.indicators), f.total_score.text) for f in forms]


def test_read_the_bundled_sample(sample):
    forms, report = sample
    assert len(forms) == 8
    assert report.source == "songjiang-2023.txt"
    assert report.cells_mapped <= report.cells_total
    assert all(n.kind in ("repair", "unmapped", "warning") for n in report.notes)
    assert sum(len(report.notes_for(i)) for i in range(len(forms))) <= len(report.notes)


@pytest.mark.parametrize("name,reader", [
    ("songjiang-2023.csv", jixiao.read_csv), ("songjiang-2023.html", jixiao.read_html),
    ("songjiang-2023.csv", jixiao.read), ("songjiang-2023.gb18030.csv", jixiao.read),
    ("songjiang-2023.pipe.txt", jixiao.read), ("songjiang-2023.lines.txt", jixiao.read)])
def test_every_format_gives_the_same_forms(sample, name, reader):
    assert signature(reader(SAMPLES_DIR / name).forms) == signature(sample.forms)


def test_text_and_bytes_in_memory(sample):
    text = (SAMPLES_DIR / "songjiang-2023.txt").read_text(encoding="utf-8")
    assert signature(jixiao.read_text(text).forms) == signature(sample.forms)
    raw = (SAMPLES_DIR / "songjiang-2023.gb18030.csv").read_bytes()
    assert signature(jixiao.read_text(raw, format="csv").forms) == signature(sample.forms)
    html = (SAMPLES_DIR / "songjiang-2023.html").read_text(encoding="utf-8")
    assert signature(jixiao.read_html(html).forms) == signature(sample.forms)


def test_json_round_trip_through_files(tmp_path, sample):
    path = tmp_path / "forms.json"
    path.write_text(jixiao.write_json(sample.forms), encoding="utf-8")
    again = jixiao.read(path)
    assert list(again.forms) == list(sample.forms)
    assert again.report.notes == []


def test_grid_from_python_goes_through_the_same_recognizer(sample):
    grid = jixiao.read_grid((SAMPLES_DIR / "songjiang-2023.html").read_text(encoding="utf-8"))
    assert grid.format == "html" and len(grid) > 100
    rows = [[c.text for c in row] for row in grid.rows]          # plain strings
    assert signature(jixiao.recognize(rows).forms) == signature(sample.forms)
    assert signature(jixiao.recognize(grid).forms) == signature(sample.forms)


def test_errors_are_document_errors(tmp_path):
    with pytest.raises(jixiao.DocumentError) as info:
        jixiao.read_text("just some words\nand more words\n", format="tsv")
    assert info.value.code == "no_form_found"
    with pytest.raises(FileNotFoundError) as missing:  # an OSError, as open() raises
        jixiao.read(tmp_path / "missing.txt")
    assert missing.value.filename == str(tmp_path / "missing.txt")
    with pytest.raises(ValueError):
        jixiao.read_text("a,b", format="xls")


def test_import_results_pickle(sample):
    again = pickle.loads(pickle.dumps(sample))
    assert list(again.forms) == list(sample.forms)
    assert again.report == sample.report


def _write_xlsx(path: Path, merge: bool) -> None:
    """The HTML sample laid out on a sheet; with `merge`, spans become merged ranges."""
    import openpyxl
    grid = jixiao.read_grid((SAMPLES_DIR / "songjiang-2023.html").read_text(encoding="utf-8"))
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(grid.rows, start=1):
        for c in row:
            if c.from_span and merge:
                continue
            ws.cell(row=r, column=c.column, value=c.text or None)
        if merge:
            for c in row:
                if not c.from_span and (c.row_span > 1 or c.col_span > 1):
                    ws.merge_cells(start_row=r, start_column=c.column,
                                   end_row=r + c.row_span - 1, end_column=c.column + c.col_span - 1)
    wb.save(path)


@pytest.mark.parametrize("merge", [False, True])
def test_read_excel_honours_merged_cells(tmp_path, sample, merge):
    path = tmp_path / "forms.xlsx"
    _write_xlsx(path, merge)
    result = jixiao.read(path)
    assert result.report.source == "forms.xlsx"
    assert signature(result.forms) == signature(sample.forms)


def test_excel_cell_text_is_exact():
    from jixiao._excel import cell_text
    assert cell_text(524760.0) == "524760"
    assert cell_text(0.1) == "0.1"
    assert cell_text(1675799.58) == "1675799.58"
    assert cell_text(1, "0.00%") == "100.00%"
    assert cell_text(0.8618, "0.00%") == "86.18%"
    assert cell_text(None) == ""


FAMILIES_DIR = Path(__file__).resolve().parent.parent / "data" / "import" / "families"


def test_a_form_of_another_family_records_its_layout_and_survives_json_and_pickle():
    result = jixiao.read(FAMILIES_DIR / "sichuan-pipe.txt")
    form = result.forms[0]
    assert form.layout == "sichuan"
    assert str(form.indicators[0].target.text) == "≥120万平方米"  # 指标性质 | 指标值 | 度量单位 folded
    assert pickle.loads(pickle.dumps(form)).layout == "sichuan"


def test_an_empty_shell_is_not_scorable_and_has_no_grade():
    card = jixiao.score(jixiao.Form())
    assert card.scorable is False
    assert card.computed_grade == ""
    restored = pickle.loads(pickle.dumps(card))
    assert restored.scorable is False
    full = jixiao.read(FAMILIES_DIR / "sichuan-pipe.txt").forms[0]
    assert jixiao.score(full).scorable is True

"""Office files through the C++ readers: .xlsx and .docx made here from the bundled sample
(tests/data/office/make_office_fixtures.py), exact numbers, and the documented errors."""

import importlib.util
import zipfile
from decimal import Decimal

import pytest

import jixiao
from conftest import DATA_DIR


def _fixtures():
    spec = importlib.util.spec_from_file_location("make_office_fixtures", DATA_DIR / "office" / "make_office_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def office_dir(tmp_path_factory):
    pytest.importorskip("openpyxl")
    out = tmp_path_factory.mktemp("office")
    m = _fixtures()
    rows = m.read_rows()
    m.write_xlsx(m.split_forms(rows, False), str(out / "forms.xlsx"))
    m.write_docx(m.split_forms(rows, False), str(out / "forms.docx"))
    return out


@pytest.mark.parametrize("name", ["forms.xlsx", "forms.docx"])
def test_office_files_import_to_the_sample_forms(office_dir, sample, name):
    result = jixiao.read(office_dir / name)
    assert result.report.source == name
    assert result.report.format == name.split(".")[1]
    assert len(result.forms) == 8
    for got, want in zip(result.forms, sample.forms):
        assert got.project_name == want.project_name
        assert got.total_score == want.total_score
        assert [i.actual.text for i in got.indicators] == [i.actual.text for i in want.indicators]
        assert [i.weight.text for i in got.indicators] == [i.weight.text for i in want.indicators]


def test_read_excel_without_sheets_uses_the_cpp_reader_and_notes_the_formula(office_dir):
    result = jixiao.read_excel(office_dir / "forms.xlsx")
    notes = " ".join(result.report.reader_notes)
    assert "cell T1: the formula `SUM(1,2)` has no cached value" in notes
    assert "`说明` is hidden" in notes


def test_read_docx_takes_bytes(office_dir):
    data = (office_dir / "forms.docx").read_bytes()
    assert len(jixiao.read_docx(data).forms) == 8


def test_xlsx_numbers_are_exact(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = 0.0900000762939453
    ws["B1"] = Decimal("0.8619")
    ws["B1"].number_format = "0.00%"
    ws["C1"] = 3.5
    ws["C1"].number_format = '0.00"万元"'
    path = tmp_path / "n.xlsx"
    wb.save(path)
    grid = jixiao._core.read_grid(path.read_bytes(), None)
    texts = [c.text for c in grid.rows[0]]
    assert texts == ["0.0900000762939453", "86.19%", "3.50万元"]


def test_old_binary_and_corrupt_files_raise_document_error(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "Workbook".encode("utf-16-le"))
    with pytest.raises(jixiao.DocumentError) as e:
        jixiao.read(old, convert=False)
    assert e.value.code == "unknown_format"
    assert "soffice --headless --convert-to xlsx" in e.value.message
    assert e.value.where == "old.xls"
    slides = tmp_path / "slides.ppt"
    slides.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "PowerPoint Document".encode("utf-16-le"))
    with pytest.raises(jixiao.DocumentError) as e:
        jixiao.read(slides)
    assert e.value.code == "unknown_format" and "neither a workbook nor a Word document" in e.value.message
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook><sheets>")
    with pytest.raises(jixiao.ParseError) as e2:
        jixiao.read(broken)
    assert e2.value.code == "corrupt_file"
    assert "xl/workbook.xml is not well-formed XML" in e2.value.message


def test_write_xlsx_writes_exact_numbers_and_reads_back(tmp_path, sample):
    evaluations = jixiao.evaluate_batch(sample)
    path = tmp_path / "out.xlsx"
    jixiao.write_xlsx(evaluations, path)
    grid = jixiao._core.read_grid(path.read_bytes(), "xlsx")
    first_rows = [[c.text for c in row][:6] for row in grid.rows[:2]]
    assert first_rows[0] == ["序号", "来源文件", "项目名称", "主管部门", "自评总分", "复核总分"]
    assert first_rows[1][0] == "1" and first_rows[1][5] == "100.00"
    jixiao.write_xlsx(evaluations, tmp_path / "en.xlsx", english=True)
    grid = jixiao._core.read_grid((tmp_path / "en.xlsx").read_bytes(), None)
    assert [c.text for c in grid.rows[0]][:2] == ["form", "source"]
    with pytest.raises(jixiao.DocumentError) as e:
        jixiao.write_xlsx(evaluations, tmp_path / "missing-dir" / "x.xlsx")
    assert e.value.code == "io_error"

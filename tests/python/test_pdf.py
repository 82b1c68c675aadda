"""PDF input through the Python module, when it was built with the PDF reader (docs/readers.md)."""
import importlib.util
import os
from pathlib import Path

import pytest

import jixiao
from jixiao import _core

HERE = Path(__file__).resolve().parent


def hand_made_pdf():
    spec = importlib.util.spec_from_file_location("make_pdfs", HERE.parent / "pdf" / "make_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.hand_made_pdf()


def test_the_module_says_whether_it_reads_pdf():
    assert isinstance(_core.has_pdf_reader, bool)


@pytest.mark.skipif(not _core.has_pdf_reader, reason="built without the PDF reader (JIXIAO_WITH_PDF=OFF)")
def test_a_pdf_gives_a_grid_with_pages_and_boxes(tmp_path):
    data = hand_made_pdf()
    assert _core.detect_format(data) == "pdf"
    grid = _core.read_grid(data)
    assert grid.format == "pdf"
    texts = [[c.text for c in row] for row in grid.rows]
    assert texts[1] == ["Indicator", "Target", "Actual"]
    output = grid.rows[2][0]
    assert (output.text, output.row_span, output.page, output.bounds) == ("Output", 2, 1, (5000, 11200, 15000, 15200))
    assert any("1 table from ruling lines" in n for n in grid.notes)
    # No form in it: the document error, with its code.
    path = tmp_path / "table.pdf"
    path.write_bytes(data)
    with pytest.raises(jixiao.DocumentError) as e:
        jixiao.read(path)
    assert e.value.code == "no_form_found"


@pytest.mark.skipif(not _core.has_pdf_reader, reason="built without the PDF reader (JIXIAO_WITH_PDF=OFF)")
def test_a_broken_pdf_is_a_document_error():
    with pytest.raises(jixiao.DocumentError) as e:
        _core.read_grid(b"%PDF-1.7\nnot a pdf\n")
    assert e.value.code == "invalid_document"


def printed_pdf(name):
    """A PDF printed by tests/pdf/make_pdfs.py (ctest runs this file again as `pdf_python`, after
    the fixture made them, with JIXIAO_PDF_FILES_DIR set); skips when it is not there."""
    folder = os.environ.get("JIXIAO_PDF_FILES_DIR")
    if not folder or not (Path(folder) / name).exists():
        pytest.skip(f"{name} was not printed (run through ctest: pdf_python, after pdf_make_files)")
    return Path(folder) / name


@pytest.mark.skipif(not _core.has_pdf_reader, reason="built without the PDF reader (JIXIAO_WITH_PDF=OFF)")
def test_forms_from_a_multi_page_pdf_carry_their_pages(tmp_path):
    forms, report = jixiao.read(printed_pdf("songjiang-ruled.pdf"))
    assert len(forms) == 8
    starts = [f.where.page for f in forms]
    assert starts[0] == 1 and starts == sorted(starts) and starts[-1] >= 5
    for f in forms:
        pages = [ind.where.page for ind in f.indicators]
        assert pages and all(p >= f.where.page for p in pages) and pages == sorted(pages)
        assert f.where.place == f"p. {f.where.page}"
    assert all(n.where.page >= 1 for n in report.notes if n.where.row)
    # The page survives JSON and pickling, and the frames have it.
    back = jixiao.Form.from_json(forms[3].to_json())
    assert [i.where.page for i in back.indicators] == [i.where.page for i in forms[3].indicators]
    import pickle
    assert pickle.loads(pickle.dumps(forms[3].indicators[0].where)) == forms[3].indicators[0].where
    # A finding on an indicator cites its page in the HTML report.
    evaluations = jixiao.evaluate_batch(jixiao.read(printed_pdf("songjiang-ruled.pdf")))
    cited = [(e, fd) for e in evaluations for fd in e.findings if fd.indicator is not None and fd.where.page]
    assert cited
    html = jixiao.report_html(evaluations)
    e, fd = cited[0]
    assert f"· {fd.field} · p. {fd.where.page}</span>" in html
    assert " · line " not in html
    assert pickle.loads(pickle.dumps(e)).findings[0].where == e.findings[0].where

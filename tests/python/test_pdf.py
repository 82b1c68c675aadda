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

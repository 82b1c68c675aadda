"""The Python package on scans (tests/ocr/make_scans.py): read() of an image by OCR, the
confidence of each cell, ocr="never". The tests that need the scans skip without them (the ctest
ocr_python runs this file with JIXIAO_SCANS_DIR set, after the fixture made them)."""
import json
import os

import pytest

import jixiao
from jixiao import _core

SCANS = os.environ.get("JIXIAO_SCANS_DIR", "")
needs_scans = pytest.mark.skipif(not (SCANS and os.path.exists(os.path.join(SCANS, "clean-200.png"))),
                                 reason="the scans are made by the ctest fixture ocr_scans")
needs_ocr = pytest.mark.skipif(not _core.has_ocr_reader, reason="built without the OCR reader (JIXIAO_WITH_OCR=OFF)")


def test_the_build_says_whether_it_reads_scans():
    assert isinstance(_core.has_ocr_reader, bool)


@needs_ocr
@needs_scans
def test_an_image_is_read_by_ocr_with_a_confidence_per_cell():
    path = os.path.join(SCANS, "clean-200.png")
    grid = jixiao.read_grid(open(path, "rb").read())
    assert grid.format == "image"
    cells = [c for row in grid.rows for c in row if c.text and not c.from_span]
    assert cells and all(c.confidence is not None and 0 <= c.confidence <= 100 for c in cells)
    assert any(c.text == "548760.00" for c in cells)
    forms, report = jixiao.read(path)
    assert len(forms) == 1
    funds = json.loads(forms[0].to_json())["funds"]["rows"]["total"]
    assert funds["initial_budget"]["value"] == "548760.00"
    assert any(n.code == "ocr_uncertain" for n in report.notes) or all(c.confidence >= 80 for c in cells)


@needs_ocr
@needs_scans
def test_ocr_never_refuses_a_scan():
    with pytest.raises(jixiao.DocumentError, match="OCR is turned off"):
        jixiao.read(os.path.join(SCANS, "clean-200.png"), ocr="never")
    with pytest.raises(ValueError):
        jixiao.read(os.path.join(SCANS, "clean-200.png"), ocr="sometimes")


def test_a_text_cell_has_no_confidence():
    grid = jixiao.read_grid("项目名称\t测试\n")
    assert grid.rows[0][0].confidence is None
    assert grid.rows[0][0].as_read == ""

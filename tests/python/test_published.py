"""Old binary Office files through the Python module: the .xls and .doc LibreOffice saved from the
published workbook and document (tests/office/make_published.py) read to the forms of the .xlsx /
.docx they came from; convert=False refuses them. The files are made by the ctest fixture
office_published; without it (python_tests, or no LibreOffice) these tests skip."""
import json
import os
from pathlib import Path

import pytest

import jixiao

PUBLISHED = Path(os.environ.get("JIXIAO_PUBLISHED_DIR", "/nonexistent"))


def made(name):
    path = PUBLISHED / name
    if not path.exists():
        pytest.skip("%s was not made (run through ctest: the office_published fixture, LibreOffice)" % name)
    return path


def summary(forms):
    """The forms' canonical JSON without where each thing was read."""
    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k not in ("where", "source")}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v
    return [strip(json.loads(f.to_json())) for f in forms]


@pytest.mark.parametrize("old, new", [("published.xls", "published.xlsx"), ("published.doc", "published.docx")])
def test_an_old_binary_file_is_converted_by_libreoffice_and_reads_like_its_twin(old, new):
    forms, report = jixiao.read(made(old))
    twin, _ = jixiao.read(made(new))
    assert len(forms) == 8
    assert summary(forms) == summary(twin)
    assert any("converted to ." in n and "LibreOffice" in n for n in report.reader_notes)


def test_convert_false_refuses_an_old_binary_file_and_says_how_to_read_it():
    with pytest.raises(jixiao.DocumentError) as e:
        jixiao.read(made("published.xls"), convert=False)
    assert "LibreOffice" in str(e.value) and "soffice --headless --convert-to xlsx" in str(e.value)


def test_a_folder_of_downloads_reads_every_kind_of_file(tmp_path):
    # LibreOffice is not needed for these: .et is refused unconverted, and said why.
    for name in ("published.docx", "published.xlsx.pdf", "published.xlsx", "published.et"):
        (tmp_path / name).write_bytes(made(name).read_bytes())
    batch = jixiao.read(tmp_path, convert=False)
    expected = 24 if jixiao._core.has_pdf_reader else 16
    assert len(batch.forms) == expected
    assert [(s.rsplit("/", 1)[-1], "LibreOffice" in why) for s, why in batch.files_not_read] == [("published.et", True)]

"""Chinese first: every import note the recognizer writes on the fixtures has a Chinese sentence,
so that no `message_zh` of an import finding falls back to the bare code."""

import re

import pytest

import jixiao
from conftest import DATA_DIR, SAMPLES_DIR

FIXTURES = sorted(p for p in (DATA_DIR / "import").rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".csv", ".tsv", ".md"})
FIXTURES += sorted(SAMPLES_DIR.glob("songjiang-2023*.*"))
FIXTURES = [p for p in FIXTURES if p.suffix != ".py"]


def test_there_are_fixtures_to_scan():
    assert len(FIXTURES) > 20


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_import_finding_is_chinese(path):
    try:
        result = jixiao.read(path)
    except jixiao.ParseError:
        pytest.skip("not a form")  # deliberately broken fixtures
    for e in jixiao.evaluate_batch(result):
        for f in e.findings:
            if not f.code.startswith("import."):
                continue
            assert "导入说明（" not in f.message_zh, f.message_zh
            head = f.message_zh.split("（原文")[0]
            assert not re.search(r"[A-Za-z]{2,}", head), f.message_zh

"""The bad-input corpus tests/data/bad/ through the Python module: every case of manifest.json
gives the outcome the manifest names (an errc name, or "ok"), exactly as in the C++ test
tests/cpp/robustness/bad_inputs_test.cpp. Errors surface as jixiao.ParseError subclasses whose `.code` is
the errc name.

Bytes that are not UTF-8 cannot be a Python `str`: entry points that take text (decimal, value,
json, rulebook) are given the bytes themselves where the binding accepts them, and such cases are
skipped where it does not (the C++ test covers them).
"""
import json
from pathlib import Path

import pytest

import jixiao
from jixiao import _core

BAD_DIR = Path(__file__).resolve().parents[1] / "data" / "bad"
MANIFEST = json.loads((BAD_DIR / "manifest.json").read_text(encoding="utf-8"))


def _text(data: bytes):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _run(entry: str, data: bytes):
    text = _text(data)
    if entry == "decimal":
        if text is None:
            pytest.skip("not UTF-8: to_decimal takes str only")
        return _core.to_decimal(text)
    if entry == "value":
        return _core.parse_value(text if text is not None else data)
    if entry == "json":
        return _core.read_forms_json(text if text is not None else data)
    if entry == "rulebook":
        return _core.Rulebook.from_json(text if text is not None else data)
    if entry == "import":
        return _core.import_text(data)
    if entry.startswith("grid:"):
        return _core.read_grid(data, entry[len("grid:"):])
    raise AssertionError("unknown entry " + entry)


@pytest.mark.parametrize("case", MANIFEST["cases"], ids=[c["file"] for c in MANIFEST["cases"]])
def test_bad_input_gives_its_documented_outcome(case):
    data = (BAD_DIR / case["file"]).read_bytes()
    try:
        _run(case["entry"], data)
    except TypeError as e:  # the binding does not take bytes for this entry point
        if _text(data) is None:
            pytest.skip(f"not UTF-8 and the binding takes str only: {e}")
        raise
    except jixiao.ParseError as e:
        assert e.code == case["expect"], f"{case['file']}: {case['why']}: {e}"
        assert e.message
        return
    assert case["expect"] == "ok", f"{case['file']}: {case['why']}: expected {case['expect']}, got a result"

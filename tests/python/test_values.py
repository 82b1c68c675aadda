"""The shared value-string table (tests/data/values.json), read through the Python layer."""

import json
from decimal import Decimal

import pytest

import jixiao
from conftest import DATA_DIR

TABLE = json.loads((DATA_DIR / "values.json").read_text(encoding="utf-8"))
CASES = TABLE["cases"]
OK = [c for c in CASES if "error" not in c]
BAD = [c for c in CASES if "error" in c]


@pytest.mark.parametrize("case", OK, ids=[c["input"] for c in OK])
def test_value_table_reads_every_case(case):
    v = jixiao.parse_value(case["input"])
    assert v.text == case["input"]
    assert v.kind == case["kind"]
    assert v.canonical() == case["canonical"]
    assert str(v) == case["canonical"]
    if "comparator" in case:
        assert v.comparator == case["comparator"]
    if "number" in case:
        assert isinstance(v.amount.number, Decimal)
        assert v.amount.number == Decimal(case["number"])
        assert str(v.amount.number) == case["number"]  # the scale is kept (3.50, not 3.5)
        assert v.amount.unit.symbol == case["unit"]
    if "unit_key" in case:
        assert v.amount.unit.key == case["unit_key"]
    if "upper" in case:
        assert v.upper.number == Decimal(case["upper"])
        assert v.upper.unit.symbol == case["upper_unit"]
    if "when" in case:
        assert v.when.month == case["when"].get("month")
        assert v.when.year == case["when"].get("year")
        assert v.when.part == case["when"]["part"]
    if "quality" in case:
        assert v.quality == case["quality"]
    if "label" in case:
        assert v.label == case["label"]
    if "subject" in case:
        assert v.subject == case["subject"]


@pytest.mark.parametrize("case", OK, ids=[c["input"] for c in OK])
def test_canonical_spelling_reads_back_to_the_same_meaning(case):
    v = jixiao.parse_value(case["input"])
    again = jixiao.parse_value(v.canonical())
    assert again.canonical() == v.canonical()
    assert again.kind == v.kind


@pytest.mark.parametrize("case", BAD, ids=[c["input"] for c in BAD])
def test_malformed_values_raise_with_code_and_offset(case):
    with pytest.raises(jixiao.ValueExpressionError) as info:
        jixiao.parse_value(case["input"])
    e = info.value
    assert isinstance(e, jixiao.ParseError) and isinstance(e, ValueError)
    assert e.code == case["error"]
    assert e.offset == case["offset"]
    assert e.message


@pytest.mark.parametrize("case", TABLE["comparisons"], ids=[f"{c['actual']} vs {c['target']}" for c in TABLE["comparisons"]])
def test_comparisons_of_the_table(case):
    assert jixiao.compare_actual(jixiao.parse_value(case["actual"]), jixiao.parse_value(case["target"])) == case["outcome"]


def test_reported_value_keeps_the_text_of_a_bad_cell():
    cell = jixiao.ReportedValue(">=1.2.3%")
    assert cell.state == "invalid"
    assert cell.text == ">=1.2.3%"
    assert cell.value is None
    assert isinstance(cell.problem, jixiao.ValueExpressionError)
    assert cell.problem.offset == 5

"""The form model from Python: building, editing (live views), JSON, pickle; property tests
that random forms survive JSON and pickle round trips unchanged."""

import copy
import json
import pickle
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import jixiao
from conftest import DATA_DIR

VALUE_INPUTS = [c["input"] for c in json.loads((DATA_DIR / "values.json").read_text(encoding="utf-8"))["cases"]]

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
number_texts = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**9, max_value=10**9, places=2).map(str),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.sampled_from(["", "—", "/", "无", "1,675,799.58", "100.00%", "12a4", "-"]),
    texts,
)
value_texts = st.one_of(st.sampled_from(VALUE_INPUTS), texts)
categories = st.sampled_from(["unknown", "output", "cost", "effect", "satisfaction"])
subcategories = st.sampled_from(["unknown", "quantity", "quality", "timeliness", "cost", "economic_benefit",
                                 "social_benefit", "ecological_benefit", "sustainability", "service_satisfaction"])
small = st.integers(min_value=0, max_value=10**6)


@st.composite
def indicators(draw):
    ind = jixiao.Indicator()
    ind.level1 = draw(categories)
    ind.level2 = draw(subcategories)
    ind.level1_text = draw(texts)
    ind.level2_text = draw(texts)
    ind.name = draw(texts)
    ind.target = draw(value_texts)
    ind.actual = draw(value_texts)
    ind.weight = draw(number_texts)
    ind.score = draw(st.one_of(number_texts, st.decimals(allow_nan=False, allow_infinity=False, places=2,
                                                         min_value=0, max_value=100)))
    ind.deviation_note = draw(texts)
    ind.extra = [jixiao.ExtraCell(draw(texts), draw(texts)) for _ in range(draw(st.integers(0, 2)))]
    where = jixiao.SourceLocation()
    where.file, where.line, where.row, where.column = draw(texts), draw(small), draw(small), draw(small)
    where.page = draw(st.one_of(st.just(0), small))  # 0: not from a paged source
    ind.where = where
    return ind


@st.composite
def forms(draw):
    f = jixiao.Form()
    f.title = draw(texts)
    f.year = draw(st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)))
    f.project_name = draw(texts)
    f.department = draw(texts)
    f.implementing_unit = draw(texts)
    f.money.unit = draw(st.sampled_from(["yuan", "ten_thousand_yuan"]))
    for row in jixiao.Funds.rows:
        for column in jixiao.Funds.columns:
            f.money.set(row, column, draw(number_texts))
    f.money.weight = draw(number_texts)
    f.money.set_scoring("total", "execution_rate", draw(number_texts))
    f.money.score = draw(number_texts)
    f.annual_goal = jixiao.Goal(draw(texts), draw(texts))
    f.indicators = draw(st.lists(indicators(), max_size=6))
    f.total_weight = draw(number_texts)
    f.total_score = draw(number_texts)
    f.reported_grade = draw(st.sampled_from(["", "优", "良", "中", "差"]))
    f.notes = draw(texts)
    return f


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms())
def test_random_forms_survive_json_round_trip(f):
    assert jixiao.Form.from_json(f.to_json()) == f
    assert jixiao.Form.from_json(f.to_json(indent=-1)) == f
    assert jixiao.read_forms_json(jixiao._core.write_json([f, f])) == [f, f]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms())
def test_random_forms_survive_pickle_and_copy(f):
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(f, protocol=protocol)) == f
    assert copy.deepcopy(f) == f
    assert f.copy() == f


def test_canonical_forms_round_trip(canonical_forms):
    assert canonical_forms
    for f in canonical_forms:
        assert jixiao.Form.from_json(f.to_json()) == f
        assert pickle.loads(pickle.dumps(f)) == f


def test_indicator_list_is_a_live_view(canonical_forms):
    f = canonical_forms[0].copy()
    f.indicators[0].weight = Decimal("12.5")
    f.indicators[0].actual = "=8个"
    assert f.indicators[0].weight.value == Decimal("12.5")
    assert f.indicators[0].actual.value.amount.number == 8
    f.money.set("total", "executed", "600,000.00")
    assert f.money.at("total", "executed").value == Decimal("600000.00")
    assert f != canonical_forms[0]
    n = len(f.indicators)
    f.indicators.append(jixiao.Indicator())
    assert len(f.indicators) == n + 1
    f.indicators = list(f.indicators)[:2]
    assert len(f.indicators) == 2


def test_reported_numbers_keep_text_state_and_problem():
    cell = jixiao.ReportedNumber("1,675,799.58")
    assert (cell.state, cell.value, cell.text) == ("value", Decimal("1675799.58"), "1,675,799.58")
    assert jixiao.ReportedNumber("—").state == "not_applicable"
    assert jixiao.ReportedNumber("").state == "missing"
    assert jixiao.ReportedNumber("100.00%", percent=True).value == Decimal("100.00")
    bad = jixiao.ReportedNumber("12a4")
    assert bad.state == "invalid" and bad.value is None
    assert isinstance(bad.problem, jixiao.DecimalError) and bad.problem.offset == 2
    assert pickle.loads(pickle.dumps(bad)) == bad
    assert jixiao.ReportedNumber.of(Decimal("3.50")).text == "3.50"


def test_bad_json_raises_json_error_with_position():
    with pytest.raises(jixiao.JSONError) as info:
        jixiao.Form.from_json('{"title": ')
    assert info.value.code == "json_syntax"
    assert info.value.offset > 0
    with pytest.raises(jixiao.JSONError) as info:
        jixiao.read_forms_json('{"format":"jixiao.forms","version":1,"forms":[{"indicators":[{"weight":{"text":5}}]}]}')
    assert info.value.code == "json_schema"
    assert info.value.where.startswith("/forms/0/indicators/0/weight")


def test_enum_fields_reject_unknown_names():
    ind = jixiao.Indicator()
    with pytest.raises(ValueError):
        ind.level1 = "outputs"
    f = jixiao.Form()
    with pytest.raises(ValueError):
        f.money.unit = "dollars"
    with pytest.raises(ValueError):
        f.money.at("totals", "executed")
    assert jixiao.category_name("output") == "产出指标"


def test_kind_and_funds_lines_of_the_other_forms_of_the_cycle():
    f = jixiao.Form()
    assert f.kind == "project_self_evaluation"
    f.kind = "department_self_evaluation"
    assert f.kind_zh == "部门整体支出绩效自评表"
    with pytest.raises(ValueError):
        f.kind = "other"
    line = jixiao.FundsLine("其中：基本支出")
    line.set("executed", "900.47")
    f.money.breakdown = [line]
    assert f.money.breakdown[0].at("executed").value == Decimal("900.47")
    back = jixiao.Form.from_json(f.to_json())
    assert back.kind == "department_self_evaluation"
    assert back == f
    assert pickle.loads(pickle.dumps(f)) == f
    assert jixiao.forms_frame([f])["kind"].tolist() == ["department_self_evaluation"]

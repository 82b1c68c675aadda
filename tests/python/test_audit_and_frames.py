"""Audit findings, evaluations, portfolios and their pandas frames (shapes, dtypes, keys)."""

import pickle
from decimal import Decimal

import pandas as pd
import pytest

import jixiao


@pytest.fixture(scope="module")
def cards(forms, book):
    return jixiao.score_batch(forms, book)


@pytest.fixture(scope="module")
def findings(forms, cards, sample, book):
    return jixiao.audit_batch(forms, cards, book, report=sample.report)


def test_audit_returns_sorted_findings_with_messages(forms, findings):
    assert len(findings) == len(forms)
    order = {"error": 0, "warning": 1, "notice": 2}
    for found in findings:
        assert isinstance(found, jixiao.Findings)
        levels = [order[f.severity] for f in found]
        assert levels == sorted(levels)
        for f in found:
            assert f.code and f.message_en and f.message_zh
            assert f.block in ("form", "funds", "goal", "indicators", "total", "import")
    codes = {f["code"] for f in jixiao.check_catalogue()}
    assert all(f.code in codes for found in findings for f in found)


def test_audit_computes_the_scorecard_when_not_given(forms, findings):
    assert list(jixiao.audit(forms[0])) == [f for f in findings[0] if not f.code.startswith("import.")]


def test_findings_pickle(findings):
    again = pickle.loads(pickle.dumps(findings))
    assert again == findings
    assert type(again[0]) is jixiao.Findings
    assert findings[0].summary["trust"] in ("trusted", "review", "untrusted")


def test_evaluations_and_portfolio(sample, book):
    evs = jixiao.evaluate_batch(sample)
    assert len(evs) == 8 and evs[0].source == "songjiang-2023.txt"
    assert pickle.loads(pickle.dumps(evs)) == evs
    p = jixiao.portfolio(evs)
    assert p.forms == 8
    assert sum(g["computed"] for g in p.grades) == 8
    assert sum(b["forms"] for b in p.execution_rates) == 8
    assert p.computed_total_sum == sum((e.scorecard.computed_total for e in evs), Decimal(0))
    assert jixiao.portfolio(sample.forms).forms == 8


def test_frames_have_one_row_per_thing_with_keys(forms, cards, findings):
    ff = jixiao.forms_frame(forms)
    assert ff.shape[0] == len(forms) and list(ff["form"]) == list(range(1, len(forms) + 1))  # 1-based, as the CLI
    ind = jixiao.indicators_frame(forms)
    assert ind.shape[0] == sum(len(f.indicators) for f in forms)
    sc = jixiao.scorecards_frame(cards, forms)
    assert sc.shape[0] == sum(len(c.lines) for c in cards)
    assert (sc["line"] == "execution").sum() == len(forms)
    fd = jixiao.findings_frame(findings, forms)
    assert fd.shape[0] == sum(len(x) for x in findings)
    pf = jixiao.portfolio_frame(forms, cards, findings)
    assert pf.shape[0] == len(forms)
    for frame in (ff, ind, sc, fd, pf):
        assert {"form", "project_name", "year"} <= set(frame.columns)
        assert frame["form"].dtype == "int64"
    # Exact numbers stay Decimal in object columns, never float.
    for frame, columns in ((ff, ["full_year_budget", "executed", "total_score"]),
                           (ind, ["weight", "reported_score", "target_number"]),
                           (sc, ["weight", "computed", "reported", "difference", "counted", "deviation"]),
                           (pf, ["computed_total", "reported_total", "execution_rate_percent"])):
        for column in columns:
            assert frame[column].dtype == object, column
            values = [v for v in frame[column] if v is not None and not (isinstance(v, float))]
            assert values and all(isinstance(v, Decimal) for v in values), column
    assert pf["errors"].dtype == "int64"
    assert sc["indicator"].dtype == "Int64"


def test_frames_from_evaluations_match(sample, forms, cards, findings):
    evs = jixiao.evaluate_batch(sample)
    pd.testing.assert_frame_equal(jixiao.portfolio_frame(evs), jixiao.portfolio_frame(forms, cards, findings))
    assert jixiao.scorecards_frame(evs).shape == jixiao.scorecards_frame(cards, forms).shape
    assert jixiao.findings_frame(evs).shape[0] == sum(len(e.findings) for e in evs)


def test_summary_by_grade_is_plain_pandas(forms, cards, findings):
    pf = jixiao.portfolio_frame(forms, cards, findings)
    by_grade = pf.groupby("computed_grade")["form"].count()
    assert by_grade.sum() == len(forms)
    assert sum(pf["computed_total"], Decimal(0)) == sum((c.computed_total for c in cards), Decimal(0))


def test_the_numeric_view_is_float_for_plotting_and_leaves_the_frame_exact(forms, cards, findings):
    pf = jixiao.portfolio_frame(forms, cards, findings)
    view = pf.jx.numeric()
    assert view["computed_total"].dtype == "float64" and view["full_year_budget"].dtype == "float64"
    assert view.attrs["jixiao_display_only"] is True
    described = view.describe()
    assert "computed_total" in described.columns and described.loc["count", "computed_total"] == len(forms)
    assert pf["computed_total"].dtype == object and isinstance(pf["computed_total"].iloc[0], Decimal)
    assert view["project_name"].dtype == object  # text stays text

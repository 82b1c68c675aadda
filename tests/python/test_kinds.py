"""Kinds of form in Python: the rulebook of each kind, declarations not scored, rubric lines
from their 评分标准, and the portfolio frames with a kind column and units side by side.
Fixtures: tests/data/forms/kinds/*.json."""

import pickle
from decimal import Decimal

import pytest

import jixiao
from conftest import DATA_DIR

KINDS = DATA_DIR / "forms" / "kinds"


def load(name):
    return jixiao.read_json(KINDS / name).forms[0]


@pytest.fixture(scope="module")
def batch():
    return [load("department-2023.json"), load("project-2023.json"), load("declaration-2024.json"),
            load("rubric-2023.json")]


def test_rulebook_by_kind():
    assert jixiao.book_for_kind("department_self_evaluation").id == "department-2020"
    assert jixiao.book_for_kind("rubric_evaluation").id == "rubric-2020"
    assert jixiao.book_for_kind("project_self_evaluation").id == "mof-2020"
    assert jixiao.book_for_kind("department_self_evaluation", "mof-2020").id == "mof-2020"
    assert jixiao._core.rulebook_name_for("transfer_self_evaluation") == "mof-2020"
    with pytest.raises(ValueError):
        jixiao._core.rulebook_name_for("no_such_kind")


def test_department_form_scored_by_its_rulebook():
    card = jixiao.score(load("department-2023.json"))
    assert card.rulebook_id == "department-2020"
    assert card.kind == "department_self_evaluation"
    assert card.computed_total == Decimal("98.70")
    assert card.computed_grade == "优"
    assert card.not_scored is None and card.not_scored_text == ""


def test_declaration_not_scored():
    decl = load("declaration-2024.json")
    for book in (None, "mof-2020", "department-2020"):
        card = jixiao.score(decl, book)
        assert not card.scorable
        assert card.not_scored == "declaration"
        assert card.computed_grade == ""
        assert {line.reason for line in card.lines} == {"not_scorable_kind"}
    assert card.not_scored_text_zh == "目标申报表不评分"
    again = pickle.loads(pickle.dumps(card))
    assert again == card and again.not_scored == "declaration" and again.kind == "project_declaration"


def test_rubric_lines_from_their_rules():
    card = jixiao.score(load("rubric-2023.json"))
    assert card.rulebook_id == "rubric-2020"
    reasons = [line.reason for line in card.indicators]
    assert reasons == ["as_reported", "rubric_linear", "rubric_band", "rubric_band", "rubric_completion",
                       "rubric_linear", "as_reported"]
    assert [line.counted for line in card.indicators] == [Decimal(x) for x in ("5", "16", "20", "6", "10", "18", "8")]
    assert card.computed_total == Decimal("83.00")
    assert card.indicators[3].trace.rule == "rubric.band"
    assert "clause 2 of 3" in card.indicators[3].trace.formula
    assert card.execution.reason == "execution_not_in_form"


def test_evaluate_batch_uses_each_kinds_rulebook(batch):
    evaluations = jixiao.evaluate_batch(batch)
    assert [e.scorecard.rulebook_id for e in evaluations] == ["department-2020", "mof-2020", "mof-2020", "rubric-2020"]
    # One rulebook given: every form by it (the declaration still not scored).
    same = jixiao.evaluate_batch(batch, "mof-2020")
    assert {e.scorecard.rulebook_id for e in same} == {"mof-2020"}
    assert same[2].scorecard.not_scored == "declaration"


def test_portfolio_frame_has_kind_and_units(batch):
    frame = jixiao.portfolio_frame(batch)
    assert list(frame["kind"]) == ["department_self_evaluation", "project_self_evaluation", "project_declaration",
                                   "rubric_evaluation"]
    assert set(frame["budget_unit"]) == {"上海市示例区教育局"}
    assert frame.loc[2, "computed_total"] is None
    assert frame.loc[2, "not_scored"] == "declaration"
    assert frame.loc[0, "computed_total"] == Decimal("98.70")
    assert frame["computed_grade"].isna().tolist() == [False, False, True, False]
    cards = jixiao.scorecards_frame(jixiao.evaluate_batch(batch))
    assert set(cards["kind"]) == {"department_self_evaluation", "project_self_evaluation", "project_declaration",
                                  "rubric_evaluation"}


def test_portfolio_kinds_and_groups(batch):
    p = jixiao.portfolio(batch, by="budget_unit")
    assert [k["kind"] for k in p.kinds] == ["project_self_evaluation", "department_self_evaluation",
                                            "project_declaration", "rubric_evaluation"]
    decl = p.kinds[2]
    assert decl["forms"] == 1 and decl["scored"] == 0 and decl["computed_total_mean"] is None
    assert decl["initial_budget_sum"] == Decimal("600000")
    assert sum(g["computed"] for g in p.grades) == 3  # the declaration is in no grade
    assert p.entries[2]["computed_total"] is None and p.entries[2]["kind"] == "project_declaration"
    (group,) = p.groups
    assert group["key"] == "上海市示例区教育局" and group["forms"] == 4 and group["scorable"] == 3
    assert len(group["kinds"]) == 4
    frame = jixiao.summary_by(batch, "预算单位")
    assert frame.loc[0, "forms_project_declaration"] == 1
    assert frame.loc[0, "mean_department_self_evaluation"] == Decimal("98.70")
    assert frame.loc[0, "mean_project_declaration"] is None


def test_notebook_display_of_a_declaration_says_not_scored():
    html = jixiao.score(load("declaration-2024.json"))._repr_html_()
    assert "not scored: a declaration · 目标申报表不评分" in html
    assert "kind project_declaration" in html
    assert "grade" not in html.split("reported")[0]
    scored = jixiao.score(load("department-2023.json"))._repr_html_()
    assert "<b>98.70</b> (grade 优)" in scored


def test_score_table_marks_the_declaration_not_scored(batch):
    table = jixiao.score_table(batch)
    assert table.scored == [True, True, False, True]
    assert table.totals(2)["scored"] is False and table.grades[2] == ""
    totals = table.totals_frame(batch)
    assert totals.loc[2, "computed_total"] is None
    assert totals.loc[1, "computed_total"] == Decimal("98.44")
    assert pickle.loads(pickle.dumps(table)).scored == table.scored

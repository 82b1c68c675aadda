"""Batch scoring into a ScoreTable: the same numbers as score(), line by line and form by form;
frames, pickling, threads, errors."""

import pickle
import sys
from decimal import Decimal

import pytest

import jixiao

sys.path.insert(0, str(__import__("conftest").EXAMPLES_DIR))
from dask_portfolio import vary  # noqa: E402


@pytest.fixture(scope="module")
def portfolio(forms):
    """Variations of the sample: unmet targets, changed amounts, so lines differ from form to form."""
    return [vary(forms[k % len(forms)], k) for k in range(200)]


def test_every_line_and_total_equals_score(portfolio, book):
    table = jixiao.score_table(portfolio, book)
    assert len(table) == len(portfolio)
    assert table.line_count == sum(1 + len(f.indicators) for f in portfolio)
    assert table.rulebook_id == book.id and table.rulebook_version == book.version
    statuses = set()
    for i, f in enumerate(portfolio):
        card = jixiao.score(f, book, traces=False)
        lines = table.lines(i)
        assert len(lines) == len(card.lines)
        for row, line in zip(lines, card.lines):
            assert row["indicator"] == line.index
            for key in ("weight", "computed", "difference", "counted", "status", "reason", "outcome",
                        "over_achieved"):
                assert row[key] == getattr(line, key), (i, key)
            assert row["reported"] == line.reported.value
            statuses.add(row["status"])
        totals = table.totals(i)
        assert totals["computed_total"] == card.computed_total
        assert totals["reported_total"] == card.reported_total.value
        assert totals["total_difference"] == card.total_difference
        assert totals["computed_grade"] == card.computed_grade
        assert totals["execution_rate_percent"] == card.execution_rate_percent
        assert totals["weight_total"] == card.weight_total
        assert totals["total_complete"] == card.total_complete
    assert len(statuses) >= 2  # the corpus is not all one kind of line
    cards = jixiao.score_batch(portfolio, book, traces=False)
    assert table.computed_totals == [c.computed_total for c in cards]
    assert table.grades == [c.computed_grade for c in cards]
    assert table.reported_totals == [c.reported_total.value for c in cards]
    assert table.complete == [c.total_complete for c in cards]
    assert table.execution_rates == [c.execution_rate_percent for c in cards]
    assert table.weight_totals == [c.weight_total for c in cards]
    assert table.total_differences == [c.total_difference for c in cards]


def test_numbers_are_decimals_with_their_scale(forms):
    table = jixiao.score_table(forms)
    assert all(isinstance(t, Decimal) and t == 100 for t in table.computed_totals)
    assert all(str(r) == "100.00" for r in table.execution_rates)
    assert all(g == "优" for g in table.grades)


def test_threads_give_the_same_table(portfolio, book):
    one = jixiao.score_table(portfolio, book)
    assert jixiao.score_table(portfolio, book, threads=3) == one
    assert jixiao.score_table(portfolio, book, threads=0) == one


def test_pickle_round_trip(portfolio):
    table = jixiao.score_table(portfolio[:30])
    back = pickle.loads(pickle.dumps(table))
    assert back == table
    assert back.lines(3) == table.lines(3)
    assert back.totals(29) == table.totals(29)


def test_frames_have_one_row_per_line_and_per_form(portfolio):
    table = jixiao.score_table(portfolio[:40])
    frame = table.to_frame(portfolio[:40])
    assert len(frame) == table.line_count
    assert list(frame.columns)[:3] == ["form", "project_name", "year"]
    assert frame["computed"].dtype == object
    first = frame[frame["form"] == 1]  # forms are numbered from 1, as in the CLI
    assert first.iloc[0]["line"] == "execution" and first.iloc[0]["name"] == "预算执行率"
    assert first.iloc[1]["name"] == portfolio[0].indicators[0].name
    assert list(first["computed"]) == [line.computed for line in jixiao.score(portfolio[0]).lines]
    assert str(frame["indicator"].dtype) == "Int64"
    bare = table.to_frame()
    assert bare["project_name"].isna().all() and len(bare) == len(frame)
    totals = table.totals_frame(portfolio[:40])
    assert len(totals) == 40
    assert list(totals["computed_total"]) == table.computed_totals
    assert list(totals["project_name"]) == [f.project_name for f in portfolio[:40]]
    with pytest.raises(ValueError):
        table.to_frame(portfolio[:39])


def test_empty_batch_and_bad_index(forms):
    empty = jixiao.score_table([])
    assert len(empty) == 0 and empty.line_count == 0 and empty.computed_totals == []
    assert len(empty.to_frame()) == 0
    table = jixiao.score_table(forms)
    with pytest.raises(IndexError):
        table.lines(len(forms))
    with pytest.raises(IndexError):
        table.totals(len(forms))
    with pytest.raises(TypeError):
        jixiao.score_table([object()])


def test_subclass_of_form_and_wrong_items_in_a_batch(forms, book):
    """Exact Form instances are read directly; a subclass takes the generic path; anything else
    is a TypeError naming the item."""

    class NamedForm(jixiao.Form):
        pass

    sub = NamedForm()
    sub.money = forms[0].money
    sub.indicators = forms[0].indicators
    batch = [forms[0], sub, forms[1]]
    table = jixiao.score_table(batch, book)
    cards = jixiao.score_batch(batch, book, traces=False)
    assert table.computed_totals[1] == jixiao.score(sub, book).computed_total == cards[1].computed_total
    assert table.computed_totals[1] == table.computed_totals[0]
    assert table.computed_totals[2] == cards[2].computed_total
    with pytest.raises(TypeError, match="item 2 is of type str"):
        jixiao.score_table([forms[0], sub, "form"], book)
    with pytest.raises(TypeError, match="item 0 is of type dict"):
        jixiao.score_batch([{}], book)


def test_display(forms):
    html = jixiao.score_table(forms)._repr_html_()
    assert "ScoreTable" in html and "mof-2020" in html and "优 8" in html
    assert html.count("<tr") == len(forms) + 1
    assert "more forms" in jixiao.score_table(forms * 3)._repr_html_()
    assert repr(jixiao.score_table(forms)).startswith("ScoreTable(forms=8")

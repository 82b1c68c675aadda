"""Scoring from Python: exact Decimals, batches (GIL released), rulebooks built or tweaked in
Python, pickling of scorecards and rulebooks."""

import json
import pickle
import threading
from decimal import Decimal
from fractions import Fraction

import pytest

import jixiao
from conftest import DATA_DIR


def test_score_recomputes_every_line_exactly(canonical_forms, book):
    f = canonical_forms[0]
    card = jixiao.score(f)
    assert card.rulebook_id == "mof-2020"
    assert len(card.indicators) == len(f.indicators)
    assert card.lines[0].is_execution() and card.lines[0].index is None
    assert all(isinstance(line.computed, Decimal) for line in card.lines if line.computed is not None)
    # The computed total is the sum of the counted parts, exactly.
    assert card.computed_total == sum((l.counted for l in card.lines if l.counted is not None), Decimal(0))
    # Execution: the exact rate is executed / budget.
    budget = f.money.at("total", "full_year_budget").value
    executed = f.money.at("total", "executed").value
    assert card.execution_rate == Fraction(executed) / Fraction(budget)
    assert card.execution.trace.rule and card.execution.trace.formula


def test_differences_are_computed_minus_reported(forms):
    for card in jixiao.score_batch(forms):
        for line in card.lines:
            if line.computed is not None and line.reported.value is not None:
                assert line.difference == line.computed - line.reported.value


def test_batch_equals_one_by_one_and_json_batch(forms, book):
    batch = jixiao.score_batch(forms, book)
    assert batch == [jixiao.score(f, book) for f in forms]
    assert jixiao._core.score_json_batch(jixiao.write_json(forms), book) == batch
    assert [c.computed_total for c in jixiao.score_batch(forms, traces=False)] == [c.computed_total for c in batch]
    assert jixiao.score_batch(forms, traces=False)[0].execution.trace.empty()
    many = forms * 40
    assert jixiao.score_batch(many, book, threads=2) == jixiao.score_batch(many, book)
    assert jixiao.evaluate_batch(many, book, threads=2) == jixiao.evaluate_batch(many, book)


def test_score_batch_releases_the_gil(forms, book):
    corpus = forms * 400
    ticks = []
    done = threading.Event()

    def ticker():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.0005)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        cards = jixiao.score_batch(corpus, book)
    finally:
        done.set()
        t.join()
    assert len(cards) == len(corpus)
    assert len(ticks) > 3  # the other thread ran while C++ scored


def test_scorecards_and_rulebooks_pickle(forms, book):
    cards = jixiao.score_batch(forms, book)
    assert pickle.loads(pickle.dumps(cards)) == cards
    assert pickle.loads(pickle.dumps(book)) == book
    line = cards[0].indicators[0]
    assert pickle.loads(pickle.dumps(line)) == line


def test_rulebook_names_files_dicts_and_tweaks(forms):
    assert "mof-2020" in jixiao.builtin_rulebooks()
    ratio = jixiao.rulebook("mof-2020-ratio")
    assert ratio.id == "mof-2020-ratio"
    from_file = jixiao.rulebook(DATA_DIR / "rulebooks" / "good-mof-2020-copy.json")
    assert isinstance(from_file, jixiao.Rulebook)
    whole = jixiao.rulebook("mof-2020", {"rounding": {"places": 0}}, id="whole-points")
    assert whole.id == "whole-points"
    assert json.loads(whole.to_json())["rounding"]["places"] == 0
    for card in jixiao.score_batch(forms, whole):
        for line in card.lines:
            if line.computed is not None:
                assert line.computed == line.computed.to_integral_value()
    built = jixiao.rulebook({"extends": "mof-2020", "id": "strict", "grades": [
        {"name": "优", "min": "95"}, {"name": "良", "min": 85}, {"name": "中", "min": Decimal("60")},
        {"name": "差", "min": "0"}]})
    assert built.grade_for(Decimal("94.99")) == "良"
    assert jixiao.score(forms[0], built).rulebook_id == "strict"


def test_rulebook_errors_and_float_refusal():
    with pytest.raises(jixiao.RulebookError) as info:
        jixiao.rulebook("no-such-book")
    assert info.value.code == "rulebook_not_found"
    with pytest.raises(jixiao.RulebookError) as info:
        jixiao.rulebook("mof-2020", {"rounding": {"places": "two"}})
    assert info.value.code == "rulebook_invalid"
    assert "rounding" in info.value.where
    with pytest.raises(TypeError, match="float"):
        jixiao.rulebook("mof-2020", {"audit": {"over_achievement_threshold": 0.3}})
    b = jixiao.rulebook("mof-2020", {"audit": {"over_achievement_threshold": 0.3}}, allow_float=True)
    assert json.loads(b.to_json())["audit"]["over_achievement_threshold"] == "0.3"
    with pytest.raises(jixiao.RulebookError):
        jixiao.Rulebook.from_file(str(DATA_DIR / "rulebooks" / "bad-negative-weight.json"))

"""The kind-aware audit and the link check from Python (issue 20): a declaration gets the
declaration checks and not those about scores; the link check finds the changes planted in
tests/data/audit/link-self-evaluation.json against link-declaration.json, and nothing on an
unchanged pair."""

from decimal import Decimal

import jixiao
from conftest import DATA_DIR

DECLARATION = DATA_DIR / "audit" / "link-declaration.json"
SELF_EVALUATION = DATA_DIR / "audit" / "link-self-evaluation.json"


def load(path):
    return jixiao.read_json(path).forms[0]


def test_a_declaration_gets_the_declaration_checks_and_no_score_checks():
    plan = load(DECLARATION)
    assert plan.kind == "project_declaration"
    codes = [f.code for f in jixiao.audit(plan)]
    assert codes == [], codes  # no actual, weight or score is required of it
    plan.indicators[1].target = "有效提升"
    hits = [f for f in jixiao.audit(plan) if f.code == "declaration.vague_target"]
    assert len(hits) == 1 and hits[0].indicator == 1
    assert hits[0].evidence_value("word") == "有效提升"
    assert "有效提升" in jixiao.vague_target_words()


def test_link_check_finds_each_planted_change():
    plan, done = load(DECLARATION), load(SELF_EVALUATION)
    found = jixiao.link_check([plan, done])
    by_code = {}
    for index, finding in found:
        assert index == 1  # on the self-evaluation, the later form of the pair
        by_code.setdefault(finding.code, []).append(finding)
    assert sorted(by_code) == ["link.indicator_added", "link.indicator_dropped", "link.target_lowered_to_actual"]
    lowered = by_code["link.target_lowered_to_actual"][0]
    assert lowered.severity == "error" and lowered.indicator == 1
    assert (lowered.evidence_value("declared"), lowered.evidence_value("target"), lowered.evidence_value("actual")) == (
        ">=95%", ">=85%", "85%")
    assert by_code["link.indicator_dropped"][0].evidence_value("declared_name") == "学员业务水平"
    assert by_code["link.indicator_added"][0].evidence_value("indicator_name") == "学员技能提升率"


def test_an_unchanged_pair_gives_nothing_and_names_match_by_normalisation():
    plan = load(DECLARATION)
    copy = load(DECLARATION)
    copy.kind = "project_self_evaluation"
    copy.project_name = "职工\u3000培训项目"
    assert jixiao.link_check([plan, copy]) == []
    assert jixiao.normalize_name(" 培训（一）") == "培训(一)"
    # a strict threshold still pairs equal names
    assert jixiao.link_check([plan, copy], name_similarity=Decimal("1")) == []


def test_evaluate_batch_adds_the_link_findings_to_the_self_evaluation():
    plan, done = load(DECLARATION), load(SELF_EVALUATION)
    evaluations = jixiao.evaluate_batch([plan, done])
    assert not any(f.code.startswith("link.") for f in evaluations[0].findings)
    link_codes = sorted(f.code for f in evaluations[1].findings if f.code.startswith("link."))
    assert link_codes == ["link.indicator_added", "link.indicator_dropped", "link.target_lowered_to_actual"]
    # made in parts, then linked
    parts = [jixiao.evaluate(plan), jixiao.evaluate(done)]
    linked = jixiao.flag_linked_forms(parts)
    assert [f.code for f in linked[1].findings] == [f.code for f in evaluations[1].findings]
    assert not any(f.code.startswith("link.") for f in parts[1].findings)  # a copy, the input untouched

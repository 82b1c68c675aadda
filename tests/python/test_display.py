"""Notebook display: _repr_html_ on forms, scorecards, findings, evaluations; everything escaped."""

import jixiao


def hostile_form():
    f = jixiao.Form()
    f.project_name = "<script>alert(1)</script>"
    f.year = 2023
    ind = jixiao.Indicator()
    ind.name = '"><img src=x onerror=alert(1)>'
    ind.target = ">=90%"
    ind.actual = "80%"
    ind.weight = "10"
    ind.score = "10"
    f.indicators = [ind]
    f.total_score = "10"
    return f


def test_form_html_is_the_official_layout_and_escaped(forms):
    html = forms[0]._repr_html_()
    for label in ("项目名称", "年初预算数", "全年执行数", "一级指标", "三级指标", "年度指标值", "实际完成值", "总分"):
        assert label in html
    assert forms[0].project_name in html
    bad = hostile_form()._repr_html_()
    assert "<script>" not in bad and "&lt;script&gt;" in bad
    assert "<img" not in bad


def test_scorecard_html_highlights_differences():
    f = hostile_form()
    card = jixiao.score(f)
    html = card._repr_html_()
    assert "jixiao-diff" in html  # 80% of >=90% scores 8.89, not the reported 10
    assert "computed" in html and "reported" in html
    clean = jixiao.score(jixiao.Form())._repr_html_()
    assert "<table" in clean


def test_findings_and_evaluation_html(forms):
    found = jixiao.audit(hostile_form())
    html = found._repr_html_()
    assert "<script>" not in html and "jixiao-" in html
    ev = jixiao.evaluate(hostile_form())
    page = ev._repr_html_()
    assert "<script>alert" not in page
    assert jixiao.portfolio([ev])._repr_html_().count("<table") >= 2
    assert "<table" in jixiao.read_json(jixiao.write_json(forms))._repr_html_()

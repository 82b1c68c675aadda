"""Notebook display: ``_repr_html_`` for forms (the official table layout), scorecards
(computed beside reported, differences highlighted), findings, evaluations and portfolios.

Every text from a form is untrusted and escaped. Evaluations use the C++ HTML renderer
(``jixiao._core.html_form``) inside a sandboxed iframe so that its page style stays its own.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, List, Optional

from . import _core

# The printed labels of the official form (财政项目支出绩效自评表), in one place.
LABELS = {
    "title": "财政项目支出绩效自评表",
    "year": "年度",
    "project_name": "项目名称",
    "department": "主管部门",
    "implementing_unit": "实施单位",
    "funds": "项目资金",
    "yuan": "（元）",
    "ten_thousand_yuan": "（万元）",
    "initial_budget": "年初预算数",
    "full_year_budget": "全年预算数",
    "executed": "全年执行数",
    "weight": "分值",
    "execution_rate": "执行率",
    "score": "得分",
    "total": "年度资金总额",
    "current_appropriation": "其中：当年财政拨款",
    "prior_carryover": "上年结转资金",
    "other": "其他资金",
    "goal": "年度总体目标",
    "expected": "预期目标",
    "achieved": "实际完成情况",
    "indicators": "绩效指标",
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "target": "年度指标值",
    "actual": "实际完成值",
    "deviation_note": "偏差原因分析及改进措施",
    "total_score": "总分",
    "execution_line": "预算执行率",
}

_STYLE = ("<style>.jixiao-table{border-collapse:collapse;font-size:13px}"
          ".jixiao-table td,.jixiao-table th{border:1px solid #999;padding:2px 6px;vertical-align:top}"
          ".jixiao-table th{background:#f2f2f2}.jixiao-diff{background:#fde2e1;font-weight:bold}"
          ".jixiao-ok{color:#2a7a2a}.jixiao-error{background:#fde2e1}.jixiao-warning{background:#fff4d6}"
          ".jixiao-notice{background:#eef4ff}.jixiao-num{text-align:right;font-family:monospace}</style>")


def esc(text: Any) -> str:
    """Escaped text for HTML ('' for None)."""
    if text is None:
        return ""
    return html.escape(str(text), quote=True)


def _num(value: Any) -> str:
    return f'<td class="jixiao-num">{esc(value)}</td>'


def form_html(form: "_core.Form") -> str:
    """A form in the official layout (reported values only, as printed)."""
    m = form.money
    year = f"（{form.year} {LABELS['year']}）" if form.year is not None else ""
    out = [_STYLE, '<table class="jixiao-table">',
           f'<tr><th colspan="8">{esc(form.title or LABELS["title"])}{esc(year)}</th></tr>',
           f'<tr><th>{LABELS["project_name"]}</th><td colspan="7">{esc(form.project_name)}</td></tr>',
           f'<tr><th>{LABELS["department"]}</th><td colspan="3">{esc(form.department)}</td>'
           f'<th>{LABELS["implementing_unit"]}</th><td colspan="3">{esc(form.implementing_unit)}</td></tr>',
           f'<tr><th rowspan="5">{LABELS["funds"]}{LABELS.get(m.unit, "")}</th><th></th>'
           + "".join(f"<th>{LABELS[c]}</th>" for c in ("initial_budget", "full_year_budget", "executed",
                                                        "weight", "execution_rate", "score")) + "</tr>"]
    for row in _core.Funds.rows:
        cells = "".join(_num(m.at(row, c).text) for c in _core.Funds.columns)
        cells += "".join(_num(m.scoring_at(row, c).text) for c in ("weight", "execution_rate", "score"))
        out.append(f"<tr><th>{LABELS[row]}</th>{cells}</tr>")
    g = form.annual_goal
    out.append(f'<tr><th rowspan="2">{LABELS["goal"]}</th><th colspan="4">{LABELS["expected"]}</th>'
               f'<th colspan="3">{LABELS["achieved"]}</th></tr>')
    out.append(f'<tr><td colspan="4">{esc(g.expected)}</td><td colspan="3">{esc(g.achieved)}</td></tr>')
    out.append("<tr><th>" + "</th><th>".join(LABELS[k] for k in (
        "level1", "level2", "level3", "target", "actual", "weight", "score", "deviation_note")) + "</th></tr>")
    inds = list(form.indicators)
    # Merged cells: a level-1 / level-2 label spans the following lines that share it.
    for i, ind in enumerate(inds):
        cells = []
        if i == 0 or inds[i - 1].level1_text != ind.level1_text:
            span = 1
            while i + span < len(inds) and inds[i + span].level1_text == ind.level1_text:
                span += 1
            cells.append(f'<td rowspan="{span}">{esc(ind.level1_text)}</td>')
        if i == 0 or (inds[i - 1].level1_text, inds[i - 1].level2_text) != (ind.level1_text, ind.level2_text):
            span = 1
            while i + span < len(inds) and (inds[i + span].level1_text, inds[i + span].level2_text) == (
                    ind.level1_text, ind.level2_text):
                span += 1
            cells.append(f'<td rowspan="{span}">{esc(ind.level2_text)}</td>')
        cells.append(f"<td>{esc(ind.name)}</td><td>{esc(ind.target.text)}</td><td>{esc(ind.actual.text)}</td>")
        cells.append(_num(ind.weight.text) + _num(ind.score.text) + f"<td>{esc(ind.deviation_note)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append(f'<tr><th colspan="5">{LABELS["total_score"]}</th>{_num(form.total_weight.text)}'
               f'{_num(form.total_score.text)}<td>{esc(form.reported_grade)}</td></tr>')
    out.append("</table>")
    return "".join(out)


def scorecard_html(card: "_core.Scorecard", form: Optional["_core.Form"] = None) -> str:
    """A scorecard: one row per line, computed beside reported, differences highlighted."""
    diff_total = card.total_difference
    # A declaration (or an empty shell) has no total: say why instead of a 0.
    total = (f"<b>{esc(card.computed_total)}</b> (grade {esc(card.computed_grade)})" if card.scorable
             else f"<b>{esc(card.not_scored_text)} · {esc(card.not_scored_text_zh)}</b>")
    head = (f"<p>rulebook <b>{esc(card.rulebook_id)}</b> {esc(card.rulebook_version)} · kind {esc(card.kind)} · "
            f"computed total {total} · reported "
            f"<b>{esc(card.reported_total.text)}</b>"
            + (f' · <span class="jixiao-diff">difference {esc(diff_total)}</span>'
               if diff_total is not None and diff_total != 0 else "")
            + ("" if card.total_complete or not card.scorable else " · <i>incomplete: a line contributed nothing</i>")
            + "</p>")
    out = [_STYLE, head, '<table class="jixiao-table"><tr><th>#</th><th>line</th><th>weight</th>'
           "<th>reported</th><th>computed</th><th>difference</th><th>status</th><th>reason</th>"
           "<th>formula</th></tr>"]
    for line in card.lines:
        idx = line.index
        if idx is None:
            name = LABELS["execution_line"]
        elif form is not None and idx < len(form.indicators):
            name = form.indicators[idx].name
        else:
            name = ""
        flagged = (line.difference is not None and line.difference != 0) or line.status == "out_of_band"
        cls = ' class="jixiao-diff"' if flagged else ""
        out.append(f"<tr{cls}><td>{'' if idx is None else idx + 1}</td><td>{esc(name)}</td>"
                   f"{_num(line.weight)}{_num(line.reported.text)}{_num(line.computed)}{_num(line.difference)}"
                   f"<td>{esc(line.status)}</td><td title=\"{esc(line.reason_text)}\">{esc(line.reason)}</td>"
                   f"<td>{esc(line.trace.formula)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def score_table_html(table: "_core.ScoreTable", limit: int = 20) -> str:
    """A score table: its size and grades, then the totals of the first `limit` forms."""
    grades: dict = {}
    for g in table.grades:
        grades[g] = grades.get(g, 0) + 1
    counts = " · ".join(f"{esc(g)} {n}" for g, n in sorted(grades.items()))
    head = (f"<p>ScoreTable · rulebook <b>{esc(table.rulebook_id)}</b> {esc(table.rulebook_version)} · "
            f"{len(table)} forms, {table.line_count} lines" + (f" · grades: {counts}" if counts else "") + "</p>")
    out = [_STYLE, head, '<table class="jixiao-table"><tr><th>form</th><th>execution rate</th><th>reported</th>'
           "<th>computed</th><th>difference</th><th>grade</th></tr>"]
    shown = min(len(table), limit)
    for i in range(shown):
        t = table.totals(i)
        diff = t["total_difference"]
        cls = ' class="jixiao-diff"' if diff is not None and diff != 0 else ""
        out.append(f"<tr{cls}><td>{i}</td>{_num(t['execution_rate_percent'])}{_num(t['reported_total'])}"
                   f"{_num(t['computed_total'])}{_num(diff)}<td>{esc(t['computed_grade'])}</td></tr>")
    out.append("</table>")
    if shown < len(table):
        out.append(f"<p>… {len(table) - shown} more forms (<code>totals_frame()</code> has them all)</p>")
    return "".join(out)


def findings_html(findings: Iterable[Any]) -> str:
    """Findings as a table, one row per finding, coloured by severity."""
    items = list(findings)
    if not items:
        return "<p>No findings.</p>"
    out = [_STYLE, '<table class="jixiao-table"><tr><th>severity</th><th>code</th><th>where</th>'
           "<th>message</th><th>evidence</th></tr>"]
    for f in items:
        where = f.block + ("" if f.indicator is None else f" #{f.indicator + 1}") + (f" · {f.field}" if f.field else "")
        evidence = "; ".join(f"{esc(k)}={esc(v)}" for k, v in f.evidence)
        out.append(f'<tr class="jixiao-{esc(f.severity)}"><td>{esc(f.severity)}</td><td>{esc(f.code)}</td>'
                   f"<td>{esc(where)}</td><td>{esc(f.message_zh)}<br><small>{esc(f.message_en)}</small></td>"
                   f"<td><small>{evidence}</small></td></tr>")
    out.append("</table>")
    return "".join(out)


def evaluation_html(evaluation: Any) -> str:
    """An evaluation through the C++ renderer (html_form), isolated in a sandboxed iframe."""
    page = _core.html_form(evaluation)
    return (f'<iframe sandbox="" style="width:100%;height:640px;border:1px solid #ccc" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>')


def portfolio_html(p: Any) -> str:
    """A portfolio: grade distribution, execution-rate buckets and the most frequent findings."""
    grades = "".join(f"<tr><td>{esc(g['grade'] or '—')}</td>{_num(g['computed'])}{_num(g['reported'])}</tr>"
                     for g in p.grades)
    rates = "".join(f"<tr><td>{esc(b['label'])}</td>{_num(b['forms'])}</tr>" for b in p.execution_rates)
    codes = "".join(f"<tr class=\"jixiao-{esc(c['severity'])}\"><td>{esc(c['code'])}</td><td>{esc(c['title_zh'])}</td>"
                    f"{_num(c['findings'])}{_num(c['forms'])}</tr>" for c in p.findings_by_code[:15])
    return (_STYLE + f"<p><b>{p.forms}</b> forms · rulebook {esc(p.rulebook_id)} · mean computed total "
            f"{esc(p.computed_total_mean)}</p><div style=\"display:flex;gap:2em;align-items:flex-start\">"
            f'<table class="jixiao-table"><tr><th>grade</th><th>computed</th><th>reported</th></tr>{grades}</table>'
            f'<table class="jixiao-table"><tr><th>execution rate</th><th>forms</th></tr>{rates}</table>'
            f'<table class="jixiao-table"><tr><th>code</th><th>check</th><th>findings</th><th>forms</th></tr>{codes}'
            "</table></div>")


def import_result_html(r: "_core.ImportResult") -> str:
    """An import result: its forms and the counts of its report."""
    rep = r.report
    rows = "".join(f"<tr><td>{i + 1}</td><td>{esc(f.project_name)}</td><td>{esc(f.year)}</td>"
                   f"{_num(len(f.indicators))}{_num(f.total_score.text)}</tr>" for i, f in enumerate(r.forms))
    return (_STYLE + f"<p>{len(r.forms)} forms from <b>{esc(rep.source)}</b> ({esc(rep.format)}): "
            f"{rep.cells_mapped} of {rep.cells_total} cells mapped, {len(rep.notes)} notes</p>"
            f'<table class="jixiao-table"><tr><th>#</th><th>project</th><th>year</th><th>indicators</th>'
            f"<th>total</th></tr>{rows}</table>")


def install() -> None:
    """Attaches the ``_repr_html_`` methods to the compiled classes."""
    _core.Form._repr_html_ = form_html
    _core.Scorecard._repr_html_ = scorecard_html
    _core.ScoreTable._repr_html_ = score_table_html
    _core.ImportResult._repr_html_ = import_result_html
    _core.Evaluation._repr_html_ = evaluation_html
    _core.Portfolio._repr_html_ = portfolio_html
    _core.Finding._repr_html_ = lambda f: findings_html([f])

"""pandas views of forms, indicators, scorecards, findings and portfolios.

Every exact number is a ``decimal.Decimal`` in an ``object`` column (pandas has no exact decimal
dtype; converting to float is the caller's explicit choice). Missing numbers are ``None``.
Every frame carries the form keys ``form`` (the 1-based number in the batch, as the CLI numbers it), ``project_name`` and
``year`` so that frames join on ``form``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, List, Optional, Sequence

import pandas as pd

from . import _core

FORM_KEYS = ["form", "project_name", "year"]

FORM_COLUMNS = FORM_KEYS + [
    "kind", "department", "implementing_unit", "title", "money_unit", "initial_budget", "full_year_budget",
    "executed", "execution_rate_reported", "funds_weight", "funds_score", "total_weight",
    "total_score", "reported_grade", "indicators", "source"]
INDICATOR_COLUMNS = FORM_KEYS + [
    "indicator", "level1", "level2", "level1_text", "level2_text", "name", "target", "target_kind",
    "target_comparator", "target_number", "target_unit", "actual", "actual_kind", "actual_number",
    "actual_unit", "weight", "reported_score", "deviation_note", "line", "page"]
SCORECARD_COLUMNS = FORM_KEYS + [
    "kind", "line", "indicator", "name", "weight", "computed", "reported", "difference", "counted",
    "status", "reason", "outcome", "deviation", "over_achieved", "rule", "formula", "rulebook"]
SCORE_TABLE_COLUMNS = FORM_KEYS + [
    "line", "indicator", "name", "weight", "computed", "reported", "difference", "counted",
    "status", "reason", "outcome", "over_achieved", "rulebook"]
SCORE_TOTALS_COLUMNS = FORM_KEYS + [
    "execution_rate_percent", "weight_total", "computed_total", "reported_total", "total_difference",
    "total_complete", "computed_grade", "rulebook"]
FINDING_COLUMNS = FORM_KEYS + [
    "code", "severity", "block", "indicator", "field", "message_en", "message_zh", "evidence", "line", "page"]
PORTFOLIO_COLUMNS = FORM_KEYS + [
    "kind", "department", "implementing_unit", "budget_unit", "source", "full_year_budget", "executed", "execution_rate_percent",
    "reported_total", "computed_total", "not_scored", "total_difference", "total_complete", "computed_grade",
    "reported_grade", "errors", "warnings", "notices", "trust"]


def _frame(rows: Any, columns: List[str]) -> pd.DataFrame:
    """A frame of `columns` from a list of row dicts or a dict of column lists."""
    frame = pd.DataFrame(rows, columns=columns)
    # Keep Decimal / None columns as object (pandas would turn all-None columns into float).
    for column in columns:
        if frame[column].dtype == float:
            frame[column] = frame[column].astype(object)
    return frame


def _keys(index: int, form: Optional[_core.Form]) -> dict:
    """The form keys of the form at 0-based position `index`: its 1-based number, as the CLI's
    CSV, the JSON and the reports number it."""
    if form is None:
        return {"form": index + 1, "project_name": None, "year": None}
    return {"form": index + 1, "project_name": form.project_name, "year": form.year}


def _text_or_na(text: str) -> Any:
    """A text field, or pandas.NA when it is empty (a missing grade is NA, not '')."""
    return text if text else pd.NA


def _forms_of(items: Any) -> List[_core.Form]:
    if isinstance(items, _core.ImportResult):
        return list(items.forms)
    if isinstance(items, _core.Form):
        return [items]
    out = []
    for item in items:
        out.append(item.form if hasattr(item, "scorecard") and hasattr(item, "findings") else item)
    return out


def forms_frame(forms: Iterable[_core.Form]) -> pd.DataFrame:
    """One row per form: keys, header fields, the funds total row (in the form's money unit),
    reported totals and the number of indicators."""
    rows = []
    for i, f in enumerate(_forms_of(forms)):
        m = f.money
        rows.append({
            **_keys(i, f),
            "kind": f.kind,
            "department": f.department,
            "implementing_unit": f.implementing_unit,
            "title": f.title,
            "money_unit": m.unit,
            "initial_budget": m.at("total", "initial_budget").value,
            "full_year_budget": m.at("total", "full_year_budget").value,
            "executed": m.at("total", "executed").value,
            "execution_rate_reported": m.execution_rate.value,
            "funds_weight": m.weight.value,
            "funds_score": m.score.value,
            "total_weight": f.total_weight.value,
            "total_score": f.total_score.value,
            "reported_grade": _text_or_na(f.reported_grade),
            "indicators": len(f.indicators),
            "source": f.where.file,
        })
    return _frame(rows, FORM_COLUMNS)


def _value_parts(cell: _core.ReportedValue) -> tuple:
    v = cell.value
    if v is None:
        return (cell.state if cell.state != "value" else None, None, None, None)
    amount = v.amount
    return (v.kind, v.comparator if v.kind in ("quantity", "time_point") else None,
            amount.number if amount is not None else None, amount.unit.symbol if amount is not None else None)


def indicators_frame(forms: Iterable[_core.Form]) -> pd.DataFrame:
    """One row per indicator (三级指标) with its form keys: categories, target and actual (text,
    kind, comparator, exact number, unit), weight and reported score."""
    rows = []
    for i, f in enumerate(_forms_of(forms)):
        for j, ind in enumerate(f.indicators):
            t_kind, t_op, t_num, t_unit = _value_parts(ind.target)
            a_kind, a_op, a_num, a_unit = _value_parts(ind.actual)
            rows.append({
                **_keys(i, f), "indicator": j + 1, "level1": ind.level1, "level2": ind.level2,
                "level1_text": ind.level1_text, "level2_text": ind.level2_text, "name": ind.name,
                "target": ind.target.text, "target_kind": t_kind, "target_comparator": t_op,
                "target_number": t_num, "target_unit": t_unit,
                "actual": ind.actual.text, "actual_kind": a_kind, "actual_number": a_num, "actual_unit": a_unit,
                "weight": ind.weight.value, "reported_score": ind.score.value,
                "deviation_note": ind.deviation_note, "line": ind.where.line,
                "page": ind.where.page or None,  # the page of a PDF; <NA> for other sources
            })
    frame = _frame(rows, INDICATOR_COLUMNS)
    frame["page"] = frame["page"].astype("Int64")
    return frame


def _cards_and_forms(scorecards: Any, forms: Any) -> tuple:
    if isinstance(scorecards, _core.Scorecard):
        scorecards = [scorecards]
    scorecards = list(scorecards)
    if scorecards and hasattr(scorecards[0], "scorecard") and hasattr(scorecards[0], "findings"):
        return [e.scorecard for e in scorecards], [e.form for e in scorecards]
    if forms is None:
        return scorecards, [None] * len(scorecards)
    forms = _forms_of(forms)
    if len(forms) != len(scorecards):
        raise ValueError(f"jixiao: {len(forms)} forms but {len(scorecards)} scorecards")
    return scorecards, forms


def scorecards_frame(scorecards: Any, forms: Optional[Iterable[_core.Form]] = None) -> pd.DataFrame:
    """One row per scored line (the execution line first, then each indicator) with its form
    keys: weight, computed, reported, difference, counted (Decimals), status, reason, outcome,
    deviation (Decimal, 4 places), over-achievement flag, rule and formula of the trace.
    Accepts scorecards (with their forms for the keys and names) or evaluations."""
    cards, fs = _cards_and_forms(scorecards, forms)
    rows = []
    for i, (card, f) in enumerate(zip(cards, fs)):
        for line in card.lines:
            idx = line.index
            name = "预算执行率" if idx is None else (f.indicators[idx].name if f is not None else None)
            rows.append({
                **_keys(i, f), "kind": card.kind, "line": "execution" if idx is None else "indicator",
                "indicator": None if idx is None else idx + 1, "name": name, "weight": line.weight, "computed": line.computed,
                "reported": line.reported.value, "difference": line.difference, "counted": line.counted,
                "status": line.status, "reason": line.reason, "outcome": line.outcome,
                "deviation": line.deviation_rounded(4), "over_achieved": line.over_achieved,
                "rule": line.trace.rule, "formula": line.trace.formula, "rulebook": card.rulebook_id,
            })
    frame = _frame(rows, SCORECARD_COLUMNS)
    frame["indicator"] = frame["indicator"].astype("Int64")
    return frame


def _table_keys(table: _core.ScoreTable, forms: Optional[List[_core.Form]], form_index: List[int]) -> dict:
    """The FORM_KEYS columns for rows that belong to forms `form_index`."""
    if forms is None:
        return {"form": [i + 1 for i in form_index], "project_name": [None] * len(form_index),
                "year": [None] * len(form_index)}
    if len(forms) != len(table):
        raise ValueError(f"jixiao: {len(forms)} forms but a table of {len(table)}")
    return {"form": [i + 1 for i in form_index], "project_name": [forms[i].project_name for i in form_index],
            "year": [forms[i].year for i in form_index]}


def score_table_frame(table: _core.ScoreTable, forms: Optional[Iterable[_core.Form]] = None) -> pd.DataFrame:
    """One row per line of a ScoreTable (the execution line first, then each indicator) with its
    form keys: weight, computed, reported, difference, counted (Decimals), status, reason,
    outcome and the over-achievement flag. With the forms, also the project names and years and
    the indicator names."""
    fs = None if forms is None else _forms_of(forms)
    columns = table.row_columns()
    data = {**columns, **_table_keys(table, fs, columns["form"])}
    data["name"] = [None if fs is None else "预算执行率" if k is None else fs[i].indicators[k].name
                    for i, k in zip(columns["form"], columns["indicator"])]
    data["indicator"] = [None if k is None else k + 1 for k in columns["indicator"]]
    data["rulebook"] = [table.rulebook_id] * len(columns["form"])
    frame = _frame(data, SCORE_TABLE_COLUMNS)
    frame["indicator"] = frame["indicator"].astype("Int64")
    return frame


def score_totals_frame(table: _core.ScoreTable, forms: Optional[Iterable[_core.Form]] = None) -> pd.DataFrame:
    """One row per form of a ScoreTable: execution rate, weight total, computed and reported
    totals, their difference, completeness and the grade (Decimals as objects)."""
    n = len(table)
    data = {**_table_keys(table, None if forms is None else _forms_of(forms), list(range(n))),
            "execution_rate_percent": table.execution_rates, "weight_total": table.weight_totals,
            # A form not scored (a declaration, an empty shell) has no total.
            "computed_total": [t if s else None for t, s in zip(table.computed_totals, table.scored)],
            "reported_total": table.reported_totals,
            "total_difference": table.total_differences, "total_complete": table.complete,
            "computed_grade": [_text_or_na(g) for g in table.grades], "rulebook": [table.rulebook_id] * n}
    return _frame(data, SCORE_TOTALS_COLUMNS)


def findings_frame(findings: Any, forms: Optional[Iterable[_core.Form]] = None) -> pd.DataFrame:
    """One row per finding with its form keys: code, severity, block, indicator, field, the
    English and Chinese messages and the evidence (a dict). Accepts one list of findings per
    form (e.g. from audit_batch), or evaluations."""
    items = list(findings)
    if items and hasattr(items[0], "scorecard") and hasattr(items[0], "findings"):
        per_form = [e.findings for e in items]
        fs: List[Any] = [e.form for e in items]
    else:
        if items and isinstance(items[0], _core.Finding):
            items = [items]
        per_form = items
        fs = _forms_of(forms) if forms is not None else [None] * len(per_form)
    rows = []
    for i, (found, f) in enumerate(zip(per_form, fs)):
        for x in found:
            rows.append({
                **_keys(i, f), "code": x.code, "severity": x.severity, "block": x.block,
                "indicator": None if x.indicator is None else x.indicator + 1, "field": x.field,
                "message_en": x.message_en,
                "message_zh": x.message_zh, "evidence": dict(x.evidence), "line": x.where.line,
                "page": x.where.page or None,  # the page of a PDF; <NA> for other sources
            })
    frame = _frame(rows, FINDING_COLUMNS)
    frame["page"] = frame["page"].astype("Int64")
    frame["indicator"] = frame["indicator"].astype("Int64")
    return frame


_DEPARTMENT_KINDS = ("department_self_evaluation", "department_declaration")


def _department_unit(form: _core.Form) -> str:
    """The unit a department form names: 部门(单位)名称, else 实施单位, else 主管部门."""
    return form.project_name or form.implementing_unit or form.department


def _department_units(forms: Sequence[_core.Form]) -> set:
    return {_department_unit(f) for f in forms if f.kind in _DEPARTMENT_KINDS} - {""}


def _budget_unit(form: _core.Form, units: set) -> str:
    """The budget unit of a form, as ``summary --by budget_unit`` (C++ ``group_by::budget_unit``):
    a department form's own unit; another form joins the department form named by its 实施单位
    or else its 主管部门, else its 实施单位 (else 主管部门)."""
    if form.kind in _DEPARTMENT_KINDS:
        return _department_unit(form)
    for name in (form.implementing_unit, form.department):
        if name in units:
            return name
    return form.implementing_unit or form.department


def portfolio_frame(items: Any, scorecards: Optional[Sequence[_core.Scorecard]] = None,
                    findings: Optional[Sequence[Sequence[Any]]] = None, rulebook: Any = None) -> pd.DataFrame:
    """One row per form of a portfolio: its kind, units (``budget_unit``: the unit it is grouped
    under by ``summary_by(..., "budget_unit")``), budget and executed amounts (in the form's
    unit), execution rate, reported and computed totals (None for a declaration, with
    ``not_scored``) and their difference, grades, finding counts and the trust level. Accepts a Portfolio, evaluations, an ImportResult, or forms (with
    their scorecards and findings, computed when not given)."""
    from . import resolve_rulebook
    if isinstance(items, _core.Portfolio):
        raise TypeError("jixiao: pass the evaluations (the Portfolio holds no forms); "
                        "use pandas.DataFrame(portfolio.entries) for its entries")
    forms = _forms_of(items)
    first = list(items)[0] if not isinstance(items, (_core.ImportResult, _core.Form)) and len(forms) else None
    if first is not None and hasattr(first, "scorecard") and hasattr(first, "findings"):
        cards = [e.scorecard for e in items]
        found = [e.findings for e in items]
    else:
        from . import book_for_kind, score_batch
        cards = list(scorecards) if scorecards is not None else score_batch(forms, rulebook)
        if findings is not None:
            found = [list(x) for x in findings]
        else:
            found = [_core.audit(f, c, book_for_kind(f.kind, rulebook)) for f, c in zip(forms, cards)]
    default_book = resolve_rulebook(rulebook)
    books = {default_book.id: default_book}

    def book_of(card: _core.Scorecard) -> _core.Rulebook:
        """The rulebook a card was scored with (built-in by id), else the one given."""
        if card.rulebook_id not in books:
            try:
                books[card.rulebook_id] = resolve_rulebook(card.rulebook_id)
            except Exception:  # a rulebook from a file: its grades are the given one's
                books[card.rulebook_id] = default_book
        return books[card.rulebook_id]

    units = _department_units(forms)
    rows = []
    for i, (f, card, fd) in enumerate(zip(forms, cards, found)):
        counts = _core.summarize_findings(list(fd))
        rows.append({
            **_keys(i, f), "kind": f.kind, "department": f.department, "implementing_unit": f.implementing_unit,
            "budget_unit": _budget_unit(f, units), "source": f.where.file,
            "full_year_budget": f.money.at("total", "full_year_budget").value,
            "executed": f.money.at("total", "executed").value,
            "execution_rate_percent": card.execution_rate_percent,
            # A declaration (or an empty shell) has no total: None, and why in not_scored.
            "reported_total": card.reported_total.value,
            "computed_total": card.computed_total if card.scorable else None, "not_scored": card.not_scored,
            "total_difference": card.total_difference, "total_complete": card.total_complete,
            "computed_grade": _text_or_na(card.computed_grade),
            # As the portfolio, the CLI and the reports give it: as printed, else the grade of the
            # reported total.
            "reported_grade": _text_or_na(f.reported_grade or (
                book_of(card).grade_for(card.reported_total.value) if card.reported_total.value is not None else "")),
            "errors": counts["errors"], "warnings": counts["warnings"], "notices": counts["notices"],
            "trust": counts["trust"],
        })
    return _frame(rows, PORTFOLIO_COLUMNS)


@pd.api.extensions.register_dataframe_accessor("jx")
class JixiaoAccessor:
    """``frame.jx``: jixiao's helpers on any DataFrame (registered when jixiao's pandas layer is
    imported, i.e. by the first frame built)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def numeric(self) -> pd.DataFrame:
        """A copy for plotting and ``describe()``: every column that holds exact decimals
        (``Decimal`` objects, ``None`` for missing) becomes ``float64`` (``NaN`` for missing).
        **Display only**: floats are not exact (0.1 is not 0.1), so never compute a score, a
        total or a comparison from it; the copy says so in ``attrs["jixiao_display_only"]``."""
        out = self._frame.copy()
        for column in out.columns:
            series = out[column]
            if series.dtype != object:
                continue
            values = [v for v in series if v is not None and v is not pd.NA]
            if values and all(isinstance(v, Decimal) for v in values):
                out[column] = pd.array([float(v) if isinstance(v, Decimal) else float("nan") for v in series],
                                       dtype="float64")
        out.attrs["jixiao_display_only"] = True
        return out

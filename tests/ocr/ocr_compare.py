#!/usr/bin/env python3
"""Compares forms read by OCR with the forms read from the text they were rendered from.

Usage: ocr_compare.py GOLD.json OCR.json [REPORT.json] [--json | --summary]

Counts, over the golden forms (matched by position):
  - numeric cells: every funds amount, weight, rate and score, and every indicator's weight,
    score and the number of its target and actual value; read exactly when the OCR reading has
    the same value (Decimal equality) in the same place, and for a target or actual value the
    same comparison and unit (`≥90%` read as `=90%` is wrong);
  - indicator names: read exactly when the same string.
With REPORT (the import report of the OCR reading), every numeric cell read wrongly is looked up
among the report's `ocr_uncertain` notes (the cells marked for review) by its text as read.
"""
import json
import sys
from decimal import Decimal, InvalidOperation


def number(cell):
    """The number of a reported cell (amount, or a value expression), or None."""
    if not isinstance(cell, dict) or cell.get("state") != "value":
        return None
    v = cell.get("value")
    if isinstance(v, dict):
        v = v.get("number")
    try:
        return Decimal(v) if v is not None else None
    except (InvalidOperation, TypeError):
        return None


def reading(cell):
    """The comparison and unit of a value expression (`≥`, `万元`), or None for an amount."""
    v = cell.get("value") if isinstance(cell, dict) else None
    return (v.get("op"), v.get("unit")) if isinstance(v, dict) else None


def numeric_cells(form):
    """(place, reported cell) for every figure of a form."""
    out = []
    for row, cols in sorted(form.get("funds", {}).get("rows", {}).items()):
        for col, cell in sorted(cols.items()):
            out.append((f"funds.rows.{row}.{col}", cell))
    for i, ind in enumerate(form.get("indicators", [])):
        for key in ("target", "actual", "weight", "score"):
            out.append((f"indicators[{i}].{key}", ind.get(key)))
    for key in ("total_weight", "total_score"):
        out.append((key, form.get(key)))
    return [(p, c) for p, c in out if number(c) is not None]


def lookup(form, place):
    node = form
    for part in place.replace("]", "").replace("[", ".").split("."):
        if node is None:
            return None
        if part.isdigit():
            lst = node if isinstance(node, list) else None
            node = lst[int(part)] if lst is not None and int(part) < len(lst) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    return node


def compare(gold, ocr, report=None):
    marked = set()
    reports = report if isinstance(report, list) else [report] if report else []
    for r in reports:
        for n in r.get("notes", []):
            if n.get("code") == "ocr_uncertain":
                marked.add((n.get("form"), (n.get("text") or "").replace(" ", "")))  # the report counts forms from 1
    res = {"numbers": 0, "numbers_exact": 0, "names": 0, "names_exact": 0, "wrong": [], "unmarked_wrong": []}
    for fi, g in enumerate(gold["forms"]):
        o = ocr["forms"][fi] if fi < len(ocr["forms"]) else {}
        for place, cell in numeric_cells(g):
            res["numbers"] += 1
            got = lookup(o, place)
            if number(got) == number(cell) and reading(got) == reading(cell):
                res["numbers_exact"] += 1
            else:
                text = got.get("text") if isinstance(got, dict) else None
                wrong = {"form": fi, "place": place, "expected": cell.get("text"), "read": text}
                res["wrong"].append(wrong)
                if (fi + 1, (text or "").replace(" ", "")) not in marked and text not in ("", None):
                    res["unmarked_wrong"].append(wrong)
        gi = g.get("indicators", [])
        oi = o.get("indicators", [])
        for i, ind in enumerate(gi):
            res["names"] += 1
            if i < len(oi) and oi[i].get("name") == ind.get("name"):
                res["names_exact"] += 1
    res["numbers_rate"] = res["numbers_exact"] / max(1, res["numbers"])
    res["names_rate"] = res["names_exact"] / max(1, res["names"])
    res["forms_gold"] = len(gold["forms"])
    res["forms_read"] = len(ocr["forms"])
    return res


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    gold = json.load(open(args[0], encoding="utf-8"))
    ocr = json.load(open(args[1], encoding="utf-8"))
    report = json.load(open(args[2], encoding="utf-8")) if len(args) > 2 else None
    res = compare(gold, ocr, report)
    if "--json" in argv:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(f"forms {res['forms_read']}/{res['forms_gold']}; numeric cells {res['numbers_exact']}/{res['numbers']} "
              f"({100 * res['numbers_rate']:.1f}%); indicator names {res['names_exact']}/{res['names']} "
              f"({100 * res['names_rate']:.1f}%)" +
              (f"; {len(res['wrong']) - len(res['unmarked_wrong'])} of {len(res['wrong'])} wrong figures marked"
               if report is not None else ""))
        if "--summary" not in argv:
            for w in res["wrong"]:
                print("  wrong:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

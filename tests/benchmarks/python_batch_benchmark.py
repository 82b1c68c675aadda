#!/usr/bin/env python3
"""Python batch scoring: jixiao (C++ core) vs a straightforward pure-Python implementation of the
same default rules (mof-2020) written with the standard `decimal` module.

Same machine, same run, same corpus. The corpus is generated from the eight forms of the bundled
sample (tests/data/samples/songjiang-2023.txt): copies with varied executed amounts and actuals
(examples/dask_portfolio.py: `vary`). Two measurements:

1. from canonical JSON text to scores: `jixiao._core.score_json_batch(document, book)` vs the
   baseline reading the same document with `json.loads`, parsing every cell text itself and
   scoring;
2. scoring forms already in memory: `jixiao.score_table(forms)` (every line's numbers and every
   form's totals in one compact table, converted to Decimal on access) and
   `jixiao.score_batch(forms, traces=False)` (one Scorecard object per form; also with traces)
   vs the baseline scoring its own pre-parsed forms (one dict per line plus total and grade).

The baseline recomputes what the rules define (execution rate and score, capped; quantitative
>=, >, =, <=, <; met -> full weight) and counts the reported score for everything else, rounding
half away from zero to 2 places. It is checked against jixiao: the share of forms whose totals
agree is printed (the baseline is simpler: it knows fewer units and no special cases).

Usage:  PYTHONPATH=<build>/python /usr/bin/python3 tests/benchmarks/python_batch_benchmark.py [--forms N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import jixiao

ROOT = Path(os.environ.get("JIXIAO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(ROOT / "examples"))
from dask_portfolio import SAMPLE, vary  # noqa: E402

CENT = Decimal("0.01")

# ---- the baseline: pure Python + decimal ------------------------------------------------------

COMPARATORS = [(">=", ">="), ("≥", ">="), ("≧", ">="), ("＞＝", ">="), ("<=", "<="), ("≤", "<="), ("≦", "<="),
               ("＜＝", "<="), ("==", "="), ("=", "="), ("＝", "="), (">", ">"), ("＞", ">"), ("<", "<"), ("＜", "<")]
UNIT_SCALE = {"元": ("money", Decimal(1)), "万元": ("money", Decimal(10000)), "%": ("percent", Decimal("0.01")),
              "％": ("percent", Decimal("0.01"))}
QUANTITY = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(\S*?)\s*$")


def parse_number(text):
    text = (text or "").strip().replace(",", "")
    if text.endswith("%"):
        text = text[:-1]
    if not text or text in ("—", "-", "/", "无"):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_value(text):
    """(comparator, number in base unit, unit key) or None for anything not quantitative."""
    s = (text or "").strip()
    op = ""
    for spelling, name in COMPARATORS:
        if s.startswith(spelling):
            op, s = name, s[len(spelling):]
            break
    m = QUANTITY.match(s)
    if not m:
        return None
    number = Decimal(m.group(1).replace(",", ""))
    unit = m.group(2).replace(" ", "")
    key, scale = UNIT_SCALE.get(unit, ("count:" + unit, Decimal(1)))
    return op, number * scale, key


def half_up(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def baseline_score(form_dict):
    """One form under the default rules, straight from its cell texts: one dict per line
    (computed, reported, difference) plus the computed total and grade."""
    money = form_dict["funds"]["rows"]["total"]
    budget = parse_number(money["full_year_budget"]["text"])
    executed = parse_number(money["executed"]["text"])
    weight = parse_number(money["weight"]["text"])
    weight = weight if weight is not None else Decimal(10)
    lines = []
    total = Decimal(0)
    computed = None
    if budget is not None and executed is not None:
        rate = executed / budget if budget != 0 else Decimal(0)
        computed = half_up(min(weight * rate, weight))
        total += computed
    reported = parse_number(money["score"]["text"])
    lines.append({"computed": computed, "reported": reported,
                  "difference": computed - reported if computed is not None and reported is not None else None})
    for ind in form_dict.get("indicators", []):
        target = parse_value(ind["target"]["text"])
        actual = parse_value(ind["actual"]["text"])
        w = parse_number(ind["weight"]["text"])
        reported = parse_number(ind["score"]["text"])
        computed = None
        if w is not None and target and actual and target[2] == actual[2] and not actual[0]:
            op, t, _ = target
            a = actual[1]
            if op in (">=", ">", "="):
                met = a >= t if op != ">" else a > t
                if op == "=" and t == 0:
                    computed = w if a <= 0 else None
                elif met:
                    computed = w
                elif t > 0:
                    computed = w * a / t
            elif op in ("<=", "<"):
                met = a <= t if op == "<=" else a < t
                if met:
                    computed = w
                elif t > 0:
                    computed = max(w * (1 - (a - t) / t), Decimal(0))
        if computed is not None:
            computed = half_up(computed)
            total += computed
        elif w is not None and reported is not None and 0 <= reported <= w:
            total += reported
        lines.append({"computed": computed, "reported": reported,
                      "difference": computed - reported if computed is not None and reported is not None else None})
    grade = "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"
    return {"lines": lines, "total": total, "grade": grade}


def baseline_from_json(document):
    return [baseline_score(f) for f in json.loads(document)["forms"]]


# ---- measurement ------------------------------------------------------------------------------

def best_of(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        result = None  # free the previous results outside the timed part
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
        result = out
        del out
    return min(times), statistics.median(times), result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=5000, help="at most ~6000: the JSON reader takes 64 MiB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    seeds = list(jixiao.read(SAMPLE).forms)
    forms = [vary(seeds[k % len(seeds)], k) for k in range(args.forms)]
    document = jixiao.write_json(forms, indent=-1)
    book = jixiao.resolve_rulebook("mof-2020")
    loaded = json.loads(document)["forms"]  # the baseline's in-memory forms: dicts of cell texts
    n_ind = sum(len(f.indicators) for f in forms)

    rows = []
    t_t, _, table = best_of(lambda: jixiao.score_table(forms, book), args.repeat)
    rows.append(("loaded forms -> score table (jixiao)", t_t, None))
    t_c, _, cards = best_of(lambda: jixiao.score_batch(forms, book, traces=False), args.repeat)
    t_ct, _, _ = best_of(lambda: jixiao.score_batch(forms, book, traces=True), args.repeat)
    t_b, _, base = best_of(lambda: [baseline_score(f) for f in loaded], args.repeat)
    rows[0] = (rows[0][0], t_t, t_b)
    rows.append(("loaded forms -> scorecards (jixiao traces off)", t_c, t_b))
    rows.append(("loaded forms -> scorecards (jixiao traces on)", t_ct, t_b))
    t_t2, _, _ = best_of(lambda: jixiao.score_table(forms, book, threads=0), args.repeat)
    rows.append((f"loaded forms -> score table ({os.cpu_count()} threads)", t_t2, t_b))
    t_c2, _, _ = best_of(lambda: jixiao.score_batch(forms, book, traces=False, threads=0), args.repeat)
    rows.append((f"loaded forms -> scorecards (traces off, {os.cpu_count()} threads)", t_c2, t_b))
    t_cj, _, _ = best_of(lambda: jixiao._core.score_json_batch(document, book, traces=False), args.repeat)
    t_bj, _, _ = best_of(lambda: baseline_from_json(document), args.repeat)
    rows.append(("JSON document -> scorecards", t_cj, t_bj))

    agree = sum(1 for c, b in zip(cards, base) if c.computed_total == b["total"] and c.computed_grade == b["grade"])
    assert table.computed_totals == [c.computed_total for c in cards] and table.grades == [c.computed_grade for c in cards]
    print(f"corpus: {len(forms)} forms, {n_ind} indicators; Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs")
    print(f"baseline totals and grades equal to jixiao's: {agree}/{len(forms)} forms")
    print(f"{'measurement':50} {'jixiao':>12} {'baseline':>12} {'speed-up':>9}")
    for name, t_j, t_p in rows:
        print(f"{name:50} {t_j * 1e3:9.1f} ms {t_p * 1e3:9.1f} ms {t_p / t_j:8.1f}x   "
              f"({len(forms) / t_j:,.0f} vs {len(forms) / t_p:,.0f} forms/s)")
    return rows


if __name__ == "__main__":
    main()

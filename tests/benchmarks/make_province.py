#!/usr/bin/env python3
"""Generates a province-sized tab-separated document for the streaming benchmark
(tests/benchmarks/stream_benchmark.sh): the eight forms of the bundled sample
(tests/data/samples/songjiang-2023.txt) repeated until N forms, each copy with its own project
name (`（样本 K）` appended, so that the batch check finds no duplicates) and its own executed
amount (全年执行数 = 50% .. 105% of the budget, deterministic in K), so that the scores and the
findings vary. Pure text manipulation: no jixiao import needed.

Usage:  /usr/bin/python3 tests/benchmarks/make_province.py N OUT.txt
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "songjiang-2023.txt"
TITLE = "财政项目支出绩效自评表"
NAME = "项目名称"
TOTAL = "年度资金总额"


def split_forms(text: str) -> list[list[str]]:
    """The sample's lines cut before each title line (the recognizer's form start); lines
    before the first title (blank lines) stay with the first form."""
    forms: list[list[str]] = [[]]
    for line in text.splitlines(keepends=True):
        if line.split("\t", 1)[0].strip() == TITLE and any(l.strip() for l in forms[-1]):
            forms.append([])
        forms[-1].append(line)
    return forms


def vary(lines: list[str], key: int) -> str:
    out = []
    for line in lines:
        cells = line.rstrip("\r\n").split("\t")
        end = line[len(line.rstrip("\r\n")):]
        if cells[0].strip() == NAME and len(cells) > 1:
            cells[1] = f"{cells[1]}（样本 {key}）"
        elif len(cells) > 4 and cells[1].strip() == TOTAL:
            try:
                budget = Decimal(cells[3].replace(",", ""))
            except Exception:
                budget = None
            if budget is not None:
                percent = 50 + (key * 7919) % 56
                cells[4] = str((budget * percent / 100).quantize(Decimal("0.01"), ROUND_HALF_UP))
        out.append("\t".join(cells) + end)
    return "".join(out)


def main() -> None:
    n, path = int(sys.argv[1]), Path(sys.argv[2])
    seeds = split_forms(SAMPLE.read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8", newline="") as f:
        for k in range(n):
            f.write(vary(seeds[k % len(seeds)], k))
    print(f"{path}: {n} forms, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

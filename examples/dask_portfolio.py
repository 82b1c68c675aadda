#!/usr/bin/env python3
"""Score and audit a large generated corpus of forms with Dask.

The eight forms of the bundled sample are the seeds: each generated form is a copy of one of
them with its own project name, executed amount and reported total, so that the portfolio has
a spread of execution rates, grades and findings. Generation, scoring and auditing all happen
on the workers, partition by partition (only the eight seed forms travel, as canonical JSON);
the results come back as one pandas row per form.

Run it on a local cluster (default: 2 worker processes):

    /usr/bin/python3 examples/dask_portfolio.py --forms 200000 --partitions 32

or on any Dask cluster, the same code:

    /usr/bin/python3 examples/dask_portfolio.py --scheduler tcp://scheduler:8786 --forms 5000000

(every worker needs the jixiao package installed).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import jixiao

SOURCE_DIR = Path(os.environ.get("JIXIAO_SOURCE_DIR", Path(__file__).resolve().parents[1]))
SAMPLE = SOURCE_DIR / "tests" / "data" / "samples" / "songjiang-2023.txt"


def vary(seed: "jixiao.Form", key: int) -> "jixiao.Form":
    """A variant of a seed form: executed = budget x (50% .. 105%); some higher-is-better
    indicators fall short (actual = target x 40% .. 100%); reported scores stay as they were,
    so the audit has differences to find."""
    f = seed.copy()
    f.project_name = f"{seed.project_name}（样本 {key}）"
    for i, ind in enumerate(f.indicators):
        target = ind.target.value
        if (target is None or target.kind != "quantity" or target.comparator not in (">=", "=")
                or target.amount.number <= 0 or (key + i) % 3):
            continue
        share = 40 + (key * 31 + i * 17) % 61                   # 40 .. 100 (% of the target)
        number = target.amount.number * Decimal(share) / Decimal(100)
        places = max(0, -target.amount.number.as_tuple().exponent)
        ind.actual = f"{jixiao.round_decimal(number, places)}{target.amount.unit.symbol}"
    budget = f.money.at("total", "full_year_budget").value
    if budget is not None:
        percent = 50 + (key * 7919) % 56                       # 50 .. 105, deterministic
        executed = jixiao.round_decimal(budget * Decimal(percent) / Decimal(100), 2)
        f.money.set("total", "executed", executed)
        f.money.set_scoring("total", "execution_rate", f"{percent}.00%")
    return f


def make_partition(keys: Sequence[int], seeds_json: str) -> List[Tuple[int, "jixiao.Form"]]:
    """Runs on a worker: the forms of one partition, generated from the seeds."""
    seeds = jixiao.read_forms_json(seeds_json)
    return [(k, vary(seeds[k % len(seeds)], k)) for k in keys]


def run(n_forms: int, partitions: int, client=None):
    """Generates, scores and audits `n_forms` forms; returns (portfolio rows, findings by code)."""
    import dask.bag as db

    seeds = jixiao.read(SAMPLE).forms
    seeds_json = jixiao.write_json(seeds, indent=-1)
    keys = db.range(n_forms, npartitions=partitions)
    forms = keys.map_partitions(make_partition, seeds_json)
    book = jixiao.resolve_rulebook("mof-2020")
    rows = jixiao.dask.portfolio_dataframe(forms, book)
    found = jixiao.dask.findings_dataframe(forms, book)
    # Counted per partition on the workers; only the small per-partition counts travel back.
    per_partition = found.map_partitions(lambda part: part.groupby("code").size().rename("findings"),
                                         meta=("findings", "int64"))
    import dask
    rows_frame, counts = dask.compute(rows, per_partition)
    by_code = counts.groupby(level=0).sum().sort_values(ascending=False)
    return rows_frame.sort_values("key").reset_index(drop=True), by_code


def main(argv: Optional[Sequence[str]] = None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=20000, help="number of forms to generate")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    parser.add_argument("--threads", action="store_true", help="LocalCluster with threads instead of processes")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler (multi-machine)")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=not args.threads,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        start = time.perf_counter()
        rows, by_code = run(args.forms, args.partitions, client)
        seconds = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    print(f"{len(rows)} forms scored and audited in {seconds:.2f} s "
          f"({len(rows) / seconds:,.0f} forms/s) on {args.workers if not args.scheduler else 'the'} workers")
    print("\ncomputed grades:")
    print(rows.groupby("computed_grade")["key"].count().to_string())
    print("\ntrust levels:")
    print(rows.groupby("trust")["key"].count().to_string())
    print("\nmost frequent findings:")
    print(by_code.head(10).to_string())
    return rows, by_code


if __name__ == "__main__":
    main(sys.argv[1:])

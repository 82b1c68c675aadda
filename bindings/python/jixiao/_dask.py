"""Dask helpers: score and audit a corpus of forms partitioned across the workers of a cluster.

Forms, rulebooks, scorecards and findings pickle (forms and rulebooks through their canonical
JSON), so a ``dask.bag`` of forms can be spread over a ``LocalCluster`` or a multi-machine
cluster alike. Each partition is evaluated by the C++ engine (GIL released) and summarised as a
pandas DataFrame (one row per form, :data:`jixiao._pandas.PORTFOLIO_COLUMNS` plus ``key``)::

    import dask.bag as db, jixiao
    jd = jixiao.dask   # this module
    bag = db.from_sequence(list(enumerate(forms)), npartitions=8)   # (key, Form) pairs
    frame = jd.portfolio_dataframe(bag, rulebook="mof-2020").compute()
"""

from __future__ import annotations

from typing import Any, Iterable, List, Tuple

import pandas as pd  # noqa: E402  (the Dask helpers need pandas)

from . import _core
from ._pandas import FINDING_COLUMNS, PORTFOLIO_COLUMNS, findings_frame, portfolio_frame

PARTITION_COLUMNS = ["key"] + PORTFOLIO_COLUMNS
FINDINGS_PARTITION_COLUMNS = ["key"] + FINDING_COLUMNS


def _split(items: Iterable[Any]) -> Tuple[List[Any], List["_core.Form"]]:
    keys, forms = [], []
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            keys.append(item[0])
            forms.append(item[1])
        else:
            keys.append(i)
            forms.append(item)
    return keys, forms


def evaluate_partition(items: Iterable[Any], rulebook: Any = None) -> pd.DataFrame:
    """One partition: ``(key, Form)`` pairs (or bare forms, keyed by position) -> one row per
    form (keys, totals, grades, finding counts, trust)."""
    from . import resolve_rulebook
    keys, forms = _split(items)
    book = resolve_rulebook(rulebook)
    if not forms:
        return _empty(PARTITION_COLUMNS)
    evaluations = _core.evaluate_batch(forms, book, None, None, False)
    frame = portfolio_frame(evaluations)
    frame.insert(0, "key", keys)
    return frame


def findings_partition(items: Iterable[Any], rulebook: Any = None) -> pd.DataFrame:
    """One partition -> one row per finding (with the form's key)."""
    from . import resolve_rulebook
    keys, forms = _split(items)
    if not forms:
        return _empty(FINDINGS_PARTITION_COLUMNS)
    evaluations = _core.evaluate_batch(forms, resolve_rulebook(rulebook), None, None, False)
    frame = findings_frame(evaluations)
    frame.insert(0, "key", [keys[i - 1] for i in frame["form"]])  # form: 1-based within the partition
    return frame


def _empty(columns: List[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def _meta(columns: List[str]) -> pd.DataFrame:
    return _empty(columns)


def _records(frame: pd.DataFrame) -> List[dict]:
    return frame.to_dict("records")


def portfolio_dataframe(bag: Any, rulebook: Any = None):
    """A dask DataFrame with one row per form of ``bag`` (a dask.bag of ``(key, Form)`` pairs or
    of forms), evaluated partition by partition on the workers."""
    from . import resolve_rulebook
    book = resolve_rulebook(rulebook)
    rows = bag.map_partitions(_portfolio_records, book)
    return rows.to_dataframe(meta=_meta(PARTITION_COLUMNS))


def findings_dataframe(bag: Any, rulebook: Any = None):
    """A dask DataFrame with one row per finding of the forms of ``bag``."""
    from . import resolve_rulebook
    book = resolve_rulebook(rulebook)
    rows = bag.map_partitions(_findings_records, book)
    return rows.to_dataframe(meta=_meta(FINDINGS_PARTITION_COLUMNS))


def _portfolio_records(part: Iterable[Any], book: Any) -> List[dict]:
    return _records(evaluate_partition(list(part), book))


def _findings_records(part: Iterable[Any], book: Any) -> List[dict]:
    return _records(findings_partition(list(part), book))

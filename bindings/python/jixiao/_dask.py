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


# ---- a folder of files, read and evaluated on the workers ------------------------------------

def _read_and_evaluate(part: Iterable[Any], rulebook: Any, format: Any, convert: bool, ocr: str) -> List[dict]:
    """Runs on a worker: reads the files of one partition (``(file number, path)`` pairs), scores
    and audits their forms without the batch checks, and returns one record per form (its
    portfolio row, the form itself for the batch checks, its key) and one per file not read."""
    from . import ReadBatch, evaluate_batch, read_many
    batch = ReadBatch()
    keys: List[Tuple[int, int]] = []
    unread: List[dict] = []
    for index, path in part:
        one = read_many([path], format=format, convert=convert, ocr=ocr)  # the file as read_many reads it
        unread += [{"key": (index, -1), "source": source, "reason": reason} for source, reason in one.files_not_read]
        batch.forms += one.forms
        batch.sources += one.sources
        batch.notes += one.notes
        keys += [(index, i) for i in range(len(one.forms))]
    out: List[dict] = []
    if batch.forms:
        evaluations = evaluate_batch(batch, rulebook, traces=False, batch_checks=False)
        rows = portfolio_frame(evaluations, rulebook=rulebook).to_dict("records")
        for key, source, form, row in zip(keys, batch.sources, batch.forms, rows):
            out.append({"key": key, "source": source, "form": form, "row": row})
    return out + unread


def portfolio_of_files(sources: Any, rulebook: Any = None, *, npartitions: Any = None, format: Any = None,
                       convert: bool = True, ocr: str = "auto", client: Any = None) -> Tuple[pd.DataFrame, List[tuple]]:
    """The portfolio frame of many files, read, scored and audited on the workers of a Dask
    cluster: the same frame, row for row, as
    ``jixiao.portfolio_frame(jixiao.evaluate_batch(jixiao.read_many(sources), rulebook))`` in
    one process, and the same ``files_not_read``. Returns ``(frame, files_not_read)``.

    ``sources``: paths, folders and glob patterns, expanded here in :func:`jixiao.read_many`'s
    order; the files are spread over ``npartitions`` partitions (default: one per file, at most
    256). ``client``: a ``distributed.Client`` (default: Dask's current scheduler).

    Reading (PDF, Office files, OCR of scans), scoring and the per-form audit run on the
    workers; what needs the whole batch runs here, on the forms the workers send back (a form
    is a few KB): the batch checks (``batch.duplicate_form`` and ``link.*``, through
    ``_core.batch_findings``), whose findings are counted into the rows they concern, and the
    budget unit of each row (a form joins the department form of its unit, wherever that is)."""
    import dask.bag as db
    from . import _core as core, _expand
    from ._pandas import _budget_unit, _department_units
    paths = _expand(sources)
    if not paths:
        return _empty(PORTFOLIO_COLUMNS), []
    parts = min(len(paths), 256) if npartitions is None else max(1, min(int(npartitions), len(paths)))
    bag = db.from_sequence(list(enumerate(paths)), npartitions=parts)
    records = bag.map_partitions(_read_and_evaluate, rulebook, format, convert, ocr)
    got = (client.compute(records).result() if client is not None else records.compute())
    got = sorted(got, key=lambda r: r["key"])
    unread = [(r["source"], r["reason"]) for r in got if "reason" in r]
    done = [r for r in got if "reason" not in r]
    if not done:
        return _empty(PORTFOLIO_COLUMNS), unread
    forms = [r["form"] for r in done]
    extra = core.batch_findings(forms, [r["source"] for r in done])
    units = _department_units(forms)
    rows = []
    for number, (r, found) in enumerate(zip(done, extra), 1):
        row = dict(r["row"])
        row["form"] = number  # the position in the whole batch, as in one process
        row["budget_unit"] = _budget_unit(r["form"], units)
        if found:
            counts = core.summarize_findings(list(found))
            for level in ("errors", "warnings", "notices"):
                row[level] += counts[level]
            row["trust"] = core.trust_for(row["errors"], row["warnings"])
        rows.append(row)
    return pd.DataFrame(rows, columns=PORTFOLIO_COLUMNS), unread

"""jixiao — exact scoring and audit of China's project expenditure performance self-evaluation
forms (财政项目支出绩效自评表), for analysts in notebooks.

Read forms, score them exactly, audit them, and summarise a portfolio as pandas DataFrames::

    import jixiao
    forms, report = jixiao.read("tests/data/samples/songjiang-2023.txt")
    cards = jixiao.score_batch(forms)                  # rulebook "mof-2020" by default
    findings = jixiao.audit_batch(forms, cards)
    jixiao.portfolio_frame(forms, cards, findings)     # one row per form

Every number crosses as ``decimal.Decimal`` (never float); bad data raises a
:class:`ParseError` (a ``ValueError``) with ``.code``, ``.offset`` and ``.where``. Forms,
scorecards, findings and rulebooks pickle, so multiprocessing and Dask work. The compiled
core is :mod:`jixiao._core`; this package adds reading helpers, pandas frames, notebook display,
Excel reading and Dask helpers.
"""

from __future__ import annotations

import errno as _errno
import glob as _glob
import json as _json
import os as _os
from decimal import Decimal as _Decimal
from functools import lru_cache as _lru_cache
from pathlib import Path as _Path
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from ._core import (  # noqa: F401  (re-exported API)
    Cell,
    DecimalError,
    DocumentError,
    Evaluation,
    ExtraCell,
    Finding,
    Form,
    Funds,
    FundsLine,
    Goal,
    Grid,
    ImportNote,
    ImportReport,
    ImportResult,
    Indicator,
    IndicatorList,
    JSONError,
    ParseError,
    Portfolio,
    Quantity,
    ReportedNumber,
    ReportedValue,
    Rulebook,
    RulebookError,
    ScoreBand,
    ScoreLine,
    Scorecard,
    ScoreTable,
    ScoreTrace,
    SourceLocation,
    TimePoint,
    Unit,
    ValueExpr,
    ValueExpressionError,
    category_name,
    check_catalogue,
    compare_actual,
    detect_format,
    divide,
    find_unit,
    flag_linked_forms,
    format_decimal,
    link_check,
    normalize_name,
    parse_value,
    read_forms_json,
    read_grid,
    read_number_cell,
    read_value_cell,
    round_decimal,
    rounding_modes,
    subcategory_name,
    text_similarity,
    to_decimal,
    vague_target_words,
    write_json,
)

__version__ = "0.1.0"

DEFAULT_RULEBOOK = "mof-2020"

RulebookLike = Union[None, str, "_os.PathLike[str]", Rulebook, Mapping[str, Any]]


# ---- rulebooks ------------------------------------------------------------------------------

@_lru_cache(maxsize=None)
def _builtin(name: str) -> Rulebook:
    return Rulebook.builtin(name)


def _json_ready(value: Any, allow_float: bool, path: str) -> Any:
    """A dict/list tree with Decimals written as strings (the rulebook format reads them)."""
    if isinstance(value, Mapping):
        return {str(k): _json_ready(v, allow_float, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v, allow_float, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, bool) or value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, _Decimal):
        return format(to_decimal(value), "f")
    if isinstance(value, float):
        if not allow_float:
            raise TypeError(
                f"jixiao: refusing float {value!r} at {path}: write it as a str or a Decimal "
                "('0.30'), or pass allow_float=True to convert floats by their shortest repr")
        return str(to_decimal(value, allow_float=True))
    raise TypeError(f"jixiao: cannot put {type(value).__name__} into a rulebook (at {path})")


def _merge(base: Any, patch: Any) -> Any:
    """JSON merge patch (RFC 7386): objects merge recursively, None deletes, the rest replaces."""
    if not isinstance(patch, Mapping):
        return patch
    out = dict(base) if isinstance(base, Mapping) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = _merge(out.get(key), value)
    return out


def rulebook(spec: RulebookLike = None, changes: Optional[Mapping[str, Any]] = None, *,
             allow_float: bool = False, **fields: Any) -> Rulebook:
    """A rulebook, built or tweaked in Python and validated by the C++ loader.

    ``spec`` is a built-in name (``"mof-2020"``, the default), a path to a rulebook JSON file, a
    :class:`Rulebook`, or a dict in the rulebook format (it may ``"extends"`` a built-in).
    ``changes`` (and keyword ``fields``) are merged over it as a JSON merge patch, e.g.
    ``jixiao.rulebook("mof-2020", {"rounding": {"places": 0}}, id="whole-points")``.
    Decimal fields take ``Decimal``/``str``/``int``; floats are refused unless ``allow_float``.
    Raises :class:`RulebookError` (with ``.where`` = the JSON path) for an invalid result.
    """
    if isinstance(spec, Mapping):
        book = Rulebook.from_json(_json.dumps(_json_ready(spec, allow_float, "$"), ensure_ascii=False))
    else:
        book = resolve_rulebook(spec)
    patch = dict(changes or {})
    patch.update(fields)
    if not patch:
        return book
    merged = _merge(_json.loads(book.to_json()), _json_ready(patch, allow_float, "$"))
    return Rulebook.from_json(_json.dumps(merged, ensure_ascii=False))


def resolve_rulebook(spec: RulebookLike = None) -> Rulebook:
    """The Rulebook that ``spec`` names: None (the default ``mof-2020``), a built-in name, a
    path to a JSON file, a dict (see :func:`rulebook`) or a Rulebook (returned as is)."""
    if spec is None:
        return _builtin(DEFAULT_RULEBOOK)
    if isinstance(spec, Rulebook):
        return spec
    if isinstance(spec, Mapping):
        return rulebook(spec)
    if isinstance(spec, str) and spec in Rulebook.builtin_names():
        return _builtin(spec)
    if isinstance(spec, (str, _os.PathLike)):
        path = _Path(spec)
        if path.exists():
            return Rulebook.from_file(str(path))
        if isinstance(spec, str) and not spec.endswith(".json"):
            return _builtin(spec)  # raises RulebookError (rulebook_not_found)
        return Rulebook.from_file(str(path))
    raise TypeError(f"jixiao: not a rulebook: {type(spec).__name__}")


def builtin_rulebooks() -> List[str]:
    """Names of the built-in rulebooks (``mof-2020`` is the default)."""
    return list(Rulebook.builtin_names())


# ---- reading --------------------------------------------------------------------------------



def _looks_like_path(source: Any) -> bool:
    if isinstance(source, _os.PathLike):
        return True
    if isinstance(source, str) and "\n" not in source and len(source) < 4096:
        try:
            return _Path(source).is_file()
        except OSError:
            return False
    return False


def _read_one(path: Any, format: Optional[str], convert: bool = True, ocr: str = "auto") -> ImportResult:
    p = _Path(path)
    if not p.exists():
        raise FileNotFoundError(_errno.ENOENT, "no such file", str(p))
    if p.is_dir():
        raise IsADirectoryError(_errno.EISDIR, "a folder: read it with jixiao.read_many", str(p))
    if p.suffix.lower() == ".json" and format is None:
        return read_json(p)
    return _core.import_file(str(p), format=format, source_name=p.name, convert=convert, ocr=ocr)


def read(path: Any, format: Optional[str] = None, *, convert: bool = True,
         ocr: str = "auto") -> Union[ImportResult, "ReadBatch"]:
    """Reads the forms of a file: text extracted from PDFs (tab-separated), CSV, HTML, pipe
    tables, one cell per line, canonical JSON (``.json``), Excel (``.xlsx``) or Word
    (``.docx``) — the Office files through the C++ readers (exact numbers, merged cells as
    spans; the format is told from the content, not the suffix). ``path`` is a ``str`` or
    :class:`pathlib.Path`, or an open file object (binary or text; its ``name`` is the source).
    Returns an :class:`ImportResult` that unpacks as ``forms, report``.

    A list of paths, a folder or a glob pattern (``"forms/*.txt"``) is read by
    :func:`read_many` and gives a :class:`ReadBatch` (it unpacks as ``forms, reports``).

    An old binary Office file (``.xls``, WPS ``.et``, ``.doc``, WPS ``.wps``) is converted to
    .xlsx / .docx by LibreOffice headless when it is installed (``soffice``), then read;
    ``convert=False`` refuses it instead (as does a machine without LibreOffice, with a message
    saying how to install it).

    A scan (a PNG, JPEG or TIFF image, or a PDF page without text) is read by OCR when the
    package was built with the OCR reader (``jixiao._core.has_ocr_reader``): every cell read so keeps
    its confidence, and the cells to check are import notes ``ocr_uncertain`` (audit check
    ``ocr.uncertain``). A PDF page whose text layer is a poor OCR layer is read again too (noted);
    ``ocr="always"`` re-reads every PDF page, ``ocr="never"`` refuses scans.

    Raises ``FileNotFoundError`` for a missing file, :class:`DocumentError` (a
    :class:`ParseError`: no form found, unreadable or corrupt file, an old binary .xls/.doc
    that cannot be converted, the message starting with the file name) or :class:`JSONError`."""
    if hasattr(path, "read") and not isinstance(path, (str, bytes, _os.PathLike)):
        data = path.read()
        name = _os.path.basename(str(getattr(path, "name", "-"))) or "-"
        return _core.import_text(data, format=format, source_name=name, convert=convert, ocr=ocr)
    if isinstance(path, (list, tuple)) or _is_glob(path) or (isinstance(path, (str, _os.PathLike)) and _Path(path).is_dir()):
        return read_many(path, format=format, convert=convert, ocr=ocr)
    return _read_one(path, format, convert, ocr)


class ReadBatch:
    """The forms of many files (:func:`read_many`), in input order.

    ``forms``: every form read; ``sources``: the file of each form; ``notes``: the import
    notes of each form; ``reports``: one :class:`ImportReport` per file read;
    ``files_not_read``: ``(source, reason)`` for each file in which no form was read.
    Unpacks as ``forms, reports``; :func:`evaluate_batch` and :func:`portfolio` take it (each
    form keeps its source and notes; the portfolio lists the files not read)."""

    def __init__(self) -> None:
        self.forms: List[Form] = []
        self.sources: List[str] = []
        self.notes: List[List[ImportNote]] = []
        self.reports: List[ImportReport] = []
        self.files_not_read: List[tuple] = []

    def __iter__(self):
        return iter((self.forms, self.reports))

    def __len__(self) -> int:
        return len(self.forms)

    def __repr__(self) -> str:
        return (f"ReadBatch(forms={len(self.forms)}, files={len(self.reports)}, "
                f"files_not_read={len(self.files_not_read)})")


def _is_glob(path: Any) -> bool:
    return isinstance(path, str) and any(c in _os.path.basename(path) for c in "*?[")


def _expand(sources: Any) -> List[str]:
    if isinstance(sources, (str, _os.PathLike)):
        sources = [sources]
    out: List[str] = []
    for s in sources:
        text = _os.fspath(s)
        if _is_glob(text):
            matches = sorted(_glob.glob(text))
            out.extend(m for m in matches if _os.path.isfile(m))
            if not matches:
                out.append(text)  # reported as not found
        elif _os.path.isdir(text):
            out.extend(sorted(_os.path.join(text, n) for n in _os.listdir(text)
                              if _os.path.isfile(_os.path.join(text, n)) and not n.startswith(".")))
        else:
            out.append(text)
    return out


def read_many(sources: Any, format: Optional[str] = None, *, fail_fast: bool = False,
              progress: Any = None, convert: bool = True, ocr: str = "auto") -> ReadBatch:
    """Reads many files: paths, :class:`pathlib.Path` objects, folders (every file in them,
    sorted by name) and glob patterns, in order. Every readable file is read; a file in which
    no form can be read is listed in ``files_not_read`` with the reason (the same text as the
    CLI), unless ``fail_fast``, which raises on the first one.

    ``progress``: ``True`` shows a tqdm bar when tqdm is installed; a callable is called as
    ``progress(done, total, source)`` after each file."""
    paths = _expand(sources)
    batch = ReadBatch()
    bar = None
    if progress is True:
        try:
            from tqdm import tqdm as _tqdm  # optional
            bar = _tqdm(total=len(paths), unit="file")
        except ImportError:
            bar = None
    for done, path in enumerate(paths, 1):
        try:
            forms, report = _read_one(path, format, convert, ocr)
        except (OSError, ParseError) as e:
            if fail_fast:
                raise
            reason = str(e) if isinstance(e, ParseError) else f"{path}: {e.strerror or e}"
            batch.files_not_read.append((path, reason))
        else:
            for i, f in enumerate(forms):
                batch.forms.append(f)
                batch.sources.append(path)
                batch.notes.append(report.notes_for(i))
            batch.reports.append(report)
        if bar is not None:
            bar.update(1)
        elif callable(progress):
            progress(done, len(paths), path)
    if bar is not None:
        bar.close()
    return batch


def read_text(data: Union[str, bytes], format: Optional[str] = None, source_name: str = "-") -> ImportResult:
    """Recognizes the forms in a document given as text or bytes (any supported encoding:
    UTF-8, GB18030, UTF-16 with BOM); the format is detected unless given."""
    return _core.import_text(data, format=format, source_name=source_name)


def _read_as(source: Any, format: str) -> ImportResult:
    if _looks_like_path(source):
        p = _Path(source)
        return _core.import_file(str(p), format=format, source_name=p.name)
    return _core.import_text(source, format=format)


def read_csv(source: Union[str, bytes, "_os.PathLike[str]"]) -> ImportResult:
    """Forms from CSV: a path, or the CSV text/bytes itself."""
    return _read_as(source, "csv")


def read_html(source: Union[str, bytes, "_os.PathLike[str]"]) -> ImportResult:
    """Forms from the ``<table>`` elements of an HTML page: a path, or the HTML text itself."""
    return _read_as(source, "html")


def read_json(source: Union[str, "_os.PathLike[str]"]) -> ImportResult:
    """Forms from canonical JSON (format jixiao.forms): a path or the JSON text; the report is
    empty (nothing was recognized)."""
    if _looks_like_path(source):
        p = _Path(source)
        text = p.read_text(encoding="utf-8")
        name = p.name
    else:
        text, name = str(source), "-"
    return ImportResult(_core.read_forms_json(text), ImportReport(name))


def recognize(rows: Any, format: str = "html", source_name: str = "-") -> ImportResult:
    """Recognizes the forms in a grid built in Python: a :class:`Grid` or rows of cells (each a
    str, None or :class:`Cell` with its position and spans). ``format`` names the reader the
    rows stand for (``html`` for spreadsheets: cells on a grid, merged cells as spans)."""
    return _core.recognize(rows, format=format, source_name=source_name)


def read_excel(path: Union[str, "_os.PathLike[str]"], sheets: Optional[Sequence[Union[str, int]]] = None) -> ImportResult:
    """Forms from an Excel workbook. Every sheet: the C++ .xlsx reader (exact numbers from the
    XML digits under their number format, merged ranges as spans, notes on hidden sheets and
    formulas without a cached value). With ``sheets`` (names or 0-based indexes) only those
    sheets are read, through openpyxl (python3-openpyxl)."""
    if sheets is None:
        p = _Path(path)
        return _core.import_file(str(p), format="xlsx", source_name=p.name)
    from ._excel import read_excel as _read_excel
    return _read_excel(path, sheets=sheets)


def read_docx(source: Union[bytes, "_os.PathLike[str]", str]) -> ImportResult:
    """Forms from the tables of a Word document (``.docx``): a path, or the file's bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _core.import_text(bytes(source), format="docx")
    p = _Path(source)
    return _core.import_file(str(p), format="docx", source_name=p.name)


# ---- scoring and audit ----------------------------------------------------------------------

def book_for_kind(kind: str, rulebook: RulebookLike = None) -> Rulebook:
    """The rulebook a form of ``kind`` is scored by: ``rulebook`` when given, else the kind's
    own (``department-2020`` for department forms, ``rubric-2020`` for rubric evaluations),
    else ``mof-2020``. A declaration is never scored, whatever the rulebook."""
    if rulebook is not None:
        return resolve_rulebook(rulebook)
    return _builtin(_core.rulebook_name_for(kind))


def _by_kind(forms: Sequence[Form], rulebook: RulebookLike) -> bool:
    """Whether a batch needs more than one rulebook: none given and a kind has its own."""
    return rulebook is None and any(_core.kind_rulebook_name(f.kind) for f in forms)


def score(form: Form, rulebook: RulebookLike = None, *, traces: bool = True) -> Scorecard:
    """Scores one form under ``rulebook`` (default: the rulebook of the form's kind, see
    :func:`book_for_kind`): every line computed exactly beside the reported score, with a trace
    of rule, inputs and formula. A declaration is not scored (``Scorecard.not_scored``)."""
    return _core.score(form, book_for_kind(form.kind, rulebook), traces=traces)


def score_batch(forms: Iterable[Form], rulebook: RulebookLike = None, *, traces: bool = True,
                threads: int = 1) -> List[Scorecard]:
    """Scores many forms with one rulebook; the GIL is released while the C++ engine works.
    ``threads`` > 1 scores on that many threads (0: one per hardware thread). Without a
    rulebook, a form whose kind has its own (department, rubric) is scored by it."""
    fs = list(forms)
    if _by_kind(fs, rulebook):
        return [_core.score(f, book_for_kind(f.kind), traces=traces) for f in fs]
    return _core.score_batch(fs, resolve_rulebook(rulebook), traces=traces, threads=threads)


def score_table(forms: Iterable[Form], rulebook: RulebookLike = None, *, threads: int = 1) -> ScoreTable:
    """Scores many forms into one :class:`ScoreTable` (traces off): the numbers of every line and
    the totals of every form, held in C++ until asked for; ``to_frame()`` / ``totals_frame()``
    give DataFrames. Faster and a third of the size of :func:`score_batch` for portfolios; use
    :func:`score` for a line's trace. The GIL is released while scoring; ``threads`` as in
    :func:`score_batch`."""
    return _core.score_table(list(forms), resolve_rulebook(rulebook), threads=threads)


def _table_to_frame(self: ScoreTable, forms: Any = None) -> "pandas.DataFrame":  # noqa: F821
    """One row per line (execution first, then each indicator) with the form keys; pass the
    forms for project names, years and indicator names. Needs pandas."""
    from ._pandas import score_table_frame
    return score_table_frame(self, forms)


def _table_totals_frame(self: ScoreTable, forms: Any = None) -> "pandas.DataFrame":  # noqa: F821
    """One row per form: execution rate, totals, difference, completeness, grade. Needs pandas."""
    from ._pandas import score_totals_frame
    return score_totals_frame(self, forms)


ScoreTable.to_frame = _table_to_frame
ScoreTable.totals_frame = _table_totals_frame


class Findings(list):
    """The findings of one form: a list of :class:`Finding` that shows itself as a table in a
    notebook and converts to a DataFrame (:meth:`to_frame`)."""

    def to_frame(self):  # noqa: D401
        """The findings as a DataFrame (one row per finding)."""
        from ._pandas import findings_frame
        return findings_frame([self])

    @property
    def summary(self) -> dict:
        """Counts by severity and the trust level (trusted / review / untrusted)."""
        return _core.summarize_findings(list(self))

    def _repr_html_(self) -> str:
        from ._display import findings_html
        return findings_html(self)

    def __reduce__(self):
        return (Findings, (list(self),))


def _notes_of(notes: Any) -> Any:
    if isinstance(notes, ImportResult):
        raise TypeError("jixiao: pass report.notes_for(i) for one form, not a whole ImportResult")
    return notes


def audit(form: Form, scorecard: Optional[Scorecard] = None, rulebook: RulebookLike = None,
          notes: Optional[Iterable[ImportNote]] = None) -> Findings:
    """Audits one form: every finding (code, severity, location, zh/en message, evidence),
    sorted by severity. The scorecard is computed when not given; ``notes`` are the form's
    import notes (``report.notes_for(i)``), reported as ``import.*`` findings."""
    book = resolve_rulebook(rulebook)
    card = scorecard if scorecard is not None else _core.score(form, book)
    return Findings(_core.audit(form, card, book, None if notes is None else list(_notes_of(notes))))


def audit_batch(forms: Sequence[Form], scorecards: Optional[Sequence[Scorecard]] = None,
                rulebook: RulebookLike = None, report: Optional[ImportReport] = None) -> List[Findings]:
    """Audits many forms (one :class:`Findings` per form); ``report`` (the import report of
    the forms, in order) adds each form's import notes."""
    book = resolve_rulebook(rulebook)
    forms = list(forms)
    cards = list(scorecards) if scorecards is not None else _core.score_batch(forms, book)
    if len(cards) != len(forms):
        raise ValueError(f"jixiao: {len(forms)} forms but {len(cards)} scorecards")
    out = []
    for i, (f, c) in enumerate(zip(forms, cards)):
        notes = report.notes_for(i) if report is not None else None
        out.append(Findings(_core.audit(f, c, book, notes)))
    return out


def evaluate(form: Form, rulebook: RulebookLike = None, *, source: str = "",
             notes: Optional[Iterable[ImportNote]] = None, traces: bool = True) -> Evaluation:
    """Scores and audits one form: an :class:`Evaluation` (form, scorecard, findings), by the
    rulebook of its kind when none is given (:func:`book_for_kind`)."""
    return _core.evaluate(form, book_for_kind(form.kind, rulebook), source, None if notes is None else list(notes), traces)


def evaluate_batch(forms: Union[Sequence[Form], ImportResult, ReadBatch], rulebook: RulebookLike = None, *,
                   traces: bool = True, threads: int = 1, progress: Any = None,
                   chunk: int = 500, batch_checks: bool = True) -> List[Evaluation]:
    """Scores and audits many forms (GIL released; ``threads`` > 1 uses that many threads).
    Given an :class:`ImportResult` or a :class:`ReadBatch`, each form keeps its source name and
    import notes. A form that repeats an earlier one of the batch (same project, units, year
    and figures) gets a ``batch.duplicate_form`` finding naming the first; a self-evaluation
    whose declaration is in the batch gets the ``link.*`` findings (see :func:`link_check`).

    ``progress``: ``True`` shows a tqdm bar when tqdm is installed; a callable is called as
    ``progress(done, total)`` after every ``chunk`` forms. The result is the same either way.
    ``batch_checks=False`` leaves the two batch checks out (a part of a larger batch: the
    findings of the whole batch come from ``_core.batch_findings``, as :mod:`jixiao.dask` does)."""
    book = resolve_rulebook(rulebook)
    if isinstance(forms, ReadBatch):
        fs, sources, notes = list(forms.forms), list(forms.sources), list(forms.notes)
    elif isinstance(forms, ImportResult):
        report = forms.report
        fs = list(forms.forms)
        sources, notes = [report.source] * len(fs), [report.notes_for(i) for i in range(len(fs))]
    else:
        fs, sources, notes = list(forms), None, None
    if _by_kind(fs, rulebook):  # each form by the rulebook of its kind, then the batch check
        out = [_core.evaluate(f, book_for_kind(f.kind), "" if sources is None else sources[i],
                              None if notes is None else list(notes[i]), traces) for i, f in enumerate(fs)]
        return _core.flag_linked_forms(_core.flag_duplicate_forms(out)) if batch_checks else out
    if not progress:
        return _core.evaluate_batch(fs, book, sources, notes, traces, threads, batch_checks)
    bar = None
    if progress is True:
        try:
            from tqdm import tqdm as _tqdm  # optional
            bar = _tqdm(total=len(fs), unit="form")
        except ImportError:
            bar = None
    out: List[Evaluation] = []
    step = max(1, int(chunk))
    for start in range(0, len(fs), step):
        end = min(start + step, len(fs))
        out.extend(_core.evaluate_batch(fs[start:end], book, None if sources is None else sources[start:end],
                                        None if notes is None else notes[start:end], traces, threads, False))
        if bar is not None:
            bar.update(end - start)
        elif callable(progress):
            progress(end, len(fs))
    if bar is not None:
        bar.close()
    # the batch checks over the whole batch: duplicates, then declarations against self-evaluations
    return _core.flag_linked_forms(_core.flag_duplicate_forms(out)) if batch_checks else out


def _form_pairs(path: Any, format: Optional[str], chunk_bytes: int) -> Tuple[str, Iterator[Any]]:
    """(source name, iterator of (form, notes)) of the file at ``path``, as _read_one reads it."""
    p = _Path(_os.fsdecode(path) if isinstance(path, bytes) else path)
    if not p.exists():
        raise FileNotFoundError(_errno.ENOENT, "no such file", str(p))
    if p.is_dir():
        raise IsADirectoryError(_errno.EISDIR, "a folder: read it with jixiao.read_many", str(p))
    if p.suffix.lower() == ".json" and format is None:
        forms = read_json(p).forms  # canonical JSON is read whole
        return p.name, iter([(f, []) for f in forms])
    return p.name, iter(_core.FormStream(str(p), format, p.name, int(chunk_bytes)))


def iter_forms(path: Any, format: Optional[str] = None, *, notes: bool = False,
               chunk_bytes: int = 8 << 20) -> Iterator[Any]:
    """The forms of the file at ``path``, one at a time, in document order (the forms of
    :func:`read`): a UTF-8 tab-separated document is read in chunks of ``chunk_bytes`` and each
    form is released once handed out, so memory stays bounded however many forms the file
    holds; any other document (and canonical JSON) is read whole and its forms handed out one
    by one. ``notes=True`` yields ``(form, import_notes)`` pairs instead. Raises as
    :func:`read` does, when the first form is asked for (on the chunked path a limit error can
    come after forms were yielded)."""
    _, pairs = _form_pairs(path, format, chunk_bytes)
    for form, form_notes in pairs:
        yield (form, form_notes) if notes else form


def evaluate_iter(forms: Any, rulebook: RulebookLike = None, *, format: Optional[str] = None,
                  traces: bool = True, threads: int = 1, batch: int = 256) -> Iterator[Evaluation]:
    """Scores and audits forms as they come: ``forms`` is a path (read with :func:`iter_forms`,
    each form keeping its source name and import notes) or any iterable of :class:`Form`.
    Works ``batch`` forms at a time on ``threads`` threads (GIL released) and yields the
    :class:`Evaluation` objects in order, with the duplicate check of :func:`evaluate_batch`
    (a repeated form gets ``batch.duplicate_form``). The link check (``link.*``: a declaration
    against its self-evaluation) needs the whole batch: use :func:`evaluate_batch` for batches
    that hold declarations or department forms. With a path, the rulebook of each form's kind
    is used when none is given, as :func:`evaluate_batch` does."""
    book = resolve_rulebook(rulebook)
    tracker = _core.DuplicateTracker()
    if isinstance(forms, (str, bytes, _os.PathLike)):
        source, items = _form_pairs(forms, format, 8 << 20)
        with_notes = True
    else:
        items = iter(forms)
        with_notes = False
        source = ""
    step = max(1, int(batch))
    pending: List[Any] = []

    def run(part: List[Any]) -> List[Evaluation]:
        fs = [p[0] for p in part] if with_notes else list(part)
        notes = [list(p[1]) for p in part] if with_notes else None
        sources = [source] * len(fs) if with_notes else None
        if _by_kind(fs, rulebook):
            out = [_core.evaluate(f, book_for_kind(f.kind), "" if sources is None else sources[i],
                                  None if notes is None else notes[i], traces) for i, f in enumerate(fs)]
        else:
            out = _core.evaluate_batch(fs, book, sources, notes, traces, threads, False)
        for e in out:
            tracker.check(e)
        return out

    for item in items:
        pending.append(item)
        if len(pending) >= step:
            yield from run(pending)
            pending = []
    if pending:
        yield from run(pending)


def portfolio(evaluations: Union[Sequence[Evaluation], Sequence[Form], ImportResult, ReadBatch],
              rulebook: RulebookLike = None, *, files_not_read: Optional[Sequence[tuple]] = None,
              by: Optional[str] = None) -> Portfolio:
    """The portfolio summary (grades, execution-rate buckets, findings by code, one entry per
    form) of evaluations, or of forms (evaluated first). Given a :class:`ReadBatch`, its files
    not read are listed (``Portfolio.files_not_read``); ``files_not_read`` adds such pairs.
    ``by`` (``"department"``/``"主管部门"``, ``"unit"``/``"实施单位"``, ``"grade"``/``"等级"``,
    ``"file"``/``"文件"``, ``"budget_unit"``/``"预算单位"``) also groups it: ``Portfolio.groups``
    (each with its ``kinds`` side by side), as ``jixiao summary --by``. ``Portfolio.kinds``
    counts the forms by kind; declarations are in no grade count and no mean."""
    book = resolve_rulebook(rulebook)
    unread = list(files_not_read or [])
    if isinstance(evaluations, ReadBatch):
        unread = list(evaluations.files_not_read) + unread
        return _core.summarize_portfolio(evaluate_batch(evaluations, rulebook), book, unread, by or "")
    items = evaluations.forms if isinstance(evaluations, ImportResult) else list(evaluations)
    if isinstance(evaluations, ImportResult) or (items and isinstance(items[0], Form)):
        items = evaluate_batch(evaluations, rulebook)
    return _core.summarize_portfolio(list(items), book, unread, by or "")


def summary_by(evaluations: Any, by: str, rulebook: RulebookLike = None) -> "pandas.DataFrame":  # noqa: F821
    """The portfolio by 主管部门, 实施单位, grade, file or budget unit as a DataFrame, one row per
    group (forms, mean total, budget and executed in 元, rate, forms per grade, findings by
    severity, and per kind ``forms_<kind>`` / ``mean_<kind>``; Decimals as objects), as
    ``jixiao summary --by``; needs pandas."""
    import pandas as pd
    groups = portfolio(evaluations, rulebook, by=by).groups
    rows = []
    for g in groups:
        row = {k: v for k, v in g.items() if k not in ("grades", "kinds")}
        row.update({f"grade_{name or 'none'}": n for name, n in g["grades"].items()})
        # The kinds side by side: forms and mean total of each kind in the group.
        for k in g["kinds"]:
            row[f"forms_{k['kind']}"] = k["forms"]
            row[f"mean_{k['kind']}"] = k["computed_total_mean"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["key"] = frame["key"].replace("", pd.NA)
        for column in frame.columns:  # a kind absent from a group: 0 forms
            if column.startswith("forms_"):
                frame[column] = frame[column].fillna(0).astype(int)
    return frame


def report_html(evaluations: Sequence[Evaluation], rulebook: RulebookLike = None, *, title: str = "",
                files_not_read: Optional[Sequence[tuple]] = None, by: Optional[str] = None) -> str:
    """The self-contained HTML report (portfolio page + one section per form) of evaluations;
    ``files_not_read`` (``ReadBatch.files_not_read``) lists the files in which no form was read;
    ``by`` adds the portfolio by group (a chart and a table), as ``summary --by``."""
    book = resolve_rulebook(rulebook)
    evs = list(evaluations)
    p = _core.summarize_portfolio(evs, book, list(files_not_read or []), by or "")
    return _core.html_report(evs, p, title, f"jixiao {__version__}")


def write_xlsx(evaluations: Sequence[Evaluation], path: Union[str, "_os.PathLike[str]"], rulebook: RulebookLike = None,
               *, english: bool = False) -> None:
    """Writes an Excel workbook of evaluations: sheets 表单 (forms), 指标得分 (scored lines), 问题
    (findings) and 汇总 (portfolio), Chinese headers unless ``english``. Exact decimals become
    Excel numbers shown with exactly their places (text beyond 15 significant digits); text is
    never a formula. Raises :class:`DocumentError` (``io_error``) when the file cannot be written."""
    book = resolve_rulebook(rulebook)
    evs = list(evaluations)
    _core.write_xlsx(str(path), evs, _core.summarize_portfolio(evs, book), english)


# ---- pandas, display ------------------------------------------------------------------------

def forms_frame(forms: Any) -> "pandas.DataFrame":  # noqa: F821
    """One row per form (keys, header, funds total row, reported totals); needs pandas."""
    from ._pandas import forms_frame as impl
    return impl(forms)


def indicators_frame(forms: Any) -> "pandas.DataFrame":  # noqa: F821
    """One row per indicator with its form keys (Decimal columns); needs pandas."""
    from ._pandas import indicators_frame as impl
    return impl(forms)


def scorecards_frame(scorecards: Any, forms: Any = None) -> "pandas.DataFrame":  # noqa: F821
    """One row per scored line (execution + indicators), computed beside reported; needs pandas."""
    from ._pandas import scorecards_frame as impl
    return impl(scorecards, forms)


def findings_frame(findings: Any, forms: Any = None) -> "pandas.DataFrame":  # noqa: F821
    """One row per finding with its form keys; needs pandas."""
    from ._pandas import findings_frame as impl
    return impl(findings, forms)


def portfolio_frame(items: Any, scorecards: Any = None, findings: Any = None,
                    rulebook: RulebookLike = None) -> "pandas.DataFrame":  # noqa: F821
    """One row per form of a portfolio (totals, grades, execution rate, finding counts, trust);
    from evaluations, an ImportResult, or forms (scored and audited when not given); needs pandas."""
    from ._pandas import portfolio_frame as impl
    return impl(items, scorecards, findings, rulebook)


from . import _display  # noqa: E402


def __dir__() -> List[str]:
    """Only the API (``__all__`` and ``dask``), not the typing names this module imports."""
    return sorted(set(__all__) | {"dask"})


def __getattr__(name: str) -> Any:
    """``jixiao.dask``: the Dask helpers (module jixiao._dask), imported on first use."""
    if name == "dask":
        from . import _dask
        return _dask
    raise AttributeError(f"module 'jixiao' has no attribute {name!r}")

_display.install()

__all__ = [
    "Cell",
    "DEFAULT_RULEBOOK",
    "DecimalError",
    "DocumentError",
    "Evaluation",
    "ExtraCell",
    "Finding",
    "Findings",
    "Form",
    "Funds",
    "FundsLine",
    "Goal",
    "Grid",
    "ImportNote",
    "ImportReport",
    "ImportResult",
    "Indicator",
    "IndicatorList",
    "JSONError",
    "ParseError",
    "Portfolio",
    "Quantity",
    "ReportedNumber",
    "ReportedValue",
    "Rulebook",
    "RulebookError",
    "ScoreBand",
    "ScoreLine",
    "ScoreTrace",
    "ScoreTable",
    "Scorecard",
    "SourceLocation",
    "TimePoint",
    "Unit",
    "ValueExpr",
    "ValueExpressionError",
    "audit",
    "audit_batch",
    "book_for_kind",
    "builtin_rulebooks",
    "category_name",
    "check_catalogue",
    "compare_actual",
    "detect_format",
    "divide",
    "evaluate",
    "evaluate_batch",
    "evaluate_iter",
    "find_unit",
    "findings_frame",
    "format_decimal",
    "forms_frame",
    "indicators_frame",
    "parse_value",
    "portfolio",
    "portfolio_frame",
    "iter_forms",
    "read",
    "read_many",
    "ReadBatch",
    "read_csv",
    "read_excel",
    "read_docx",
    "write_xlsx",
    "read_forms_json",
    "read_grid",
    "read_html",
    "read_json",
    "read_number_cell",
    "read_text",
    "read_value_cell",
    "recognize",
    "report_html",
    "resolve_rulebook",
    "round_decimal",
    "rounding_modes",
    "rulebook",
    "score",
    "score_batch",
    "score_table",
    "scorecards_frame",
    "subcategory_name",
    "summary_by",
    "text_similarity",
    "vague_target_words",
    "link_check",
    "normalize_name",
    "flag_linked_forms",
    "to_decimal",
    "write_json",
    "__version__",
]

"""Type stubs of the `jixiao` package (hand-written; tests/python/test_stubs.py checks them)."""

import os
from types import ModuleType
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import pandas

from ._core import (
    Cell as Cell,
    DecimalError as DecimalError,
    DocumentError as DocumentError,
    Evaluation as Evaluation,
    ExtraCell as ExtraCell,
    Finding as Finding,
    Form as Form,
    Funds as Funds,
    FundsLine as FundsLine,
    Goal as Goal,
    Grid as Grid,
    ImportNote as ImportNote,
    ImportReport as ImportReport,
    ImportResult as ImportResult,
    Indicator as Indicator,
    IndicatorList as IndicatorList,
    JSONError as JSONError,
    ParseError as ParseError,
    Portfolio as Portfolio,
    Quantity as Quantity,
    ReportedNumber as ReportedNumber,
    ReportedValue as ReportedValue,
    Rulebook as Rulebook,
    RulebookError as RulebookError,
    ScoreBand as ScoreBand,
    ScoreLine as ScoreLine,
    Scorecard as Scorecard,
    ScoreTable as ScoreTable,
    ScoreTrace as ScoreTrace,
    SourceLocation as SourceLocation,
    TimePoint as TimePoint,
    Unit as Unit,
    ValueExpr as ValueExpr,
    ValueExpressionError as ValueExpressionError,
    category_name as category_name,
    check_catalogue as check_catalogue,
    compare_actual as compare_actual,
    detect_format as detect_format,
    divide as divide,
    find_unit as find_unit,
    flag_linked_forms as flag_linked_forms,
    link_check as link_check,
    normalize_name as normalize_name,
    format_decimal as format_decimal,
    parse_value as parse_value,
    read_forms_json as read_forms_json,
    read_grid as read_grid,
    read_number_cell as read_number_cell,
    read_value_cell as read_value_cell,
    round_decimal as round_decimal,
    rounding_modes as rounding_modes,
    subcategory_name as subcategory_name,
    text_similarity as text_similarity,
    to_decimal as to_decimal,
    vague_target_words as vague_target_words,
    write_json as write_json,
)

__version__: str
DEFAULT_RULEBOOK: str
dask: ModuleType

PathLike = Union[str, os.PathLike[str]]
RulebookLike = Union[None, str, os.PathLike[str], Rulebook, Mapping[str, Any]]

def rulebook(spec: RulebookLike = None, changes: Optional[Mapping[str, Any]] = None, *,
             allow_float: bool = False, **fields: Any) -> Rulebook: ...
def resolve_rulebook(spec: RulebookLike = None) -> Rulebook: ...
def builtin_rulebooks() -> List[str]: ...

def read(path: Any, format: Optional[str] = None, *, convert: bool = True,
         ocr: str = "auto") -> Union[ImportResult, ReadBatch]: ...
def iter_forms(path: Any, format: Optional[str] = None, *, notes: bool = False,
               chunk_bytes: int = ...) -> Iterator[Any]: ...
def evaluate_iter(forms: Any, rulebook: RulebookLike = None, *, format: Optional[str] = None,
                  traces: bool = True, threads: int = 1, batch: int = 256) -> Iterator[Evaluation]: ...
class ReadBatch:
    forms: List[Form]
    sources: List[str]
    notes: List[List[ImportNote]]
    reports: List[ImportReport]
    files_not_read: List[Tuple[str, str]]
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
def read_many(sources: Any, format: Optional[str] = None, *, fail_fast: bool = False,
              progress: Any = None, convert: bool = True, ocr: str = "auto") -> ReadBatch: ...
def read_text(data: Union[str, bytes], format: Optional[str] = None, source_name: str = "-") -> ImportResult: ...
def read_csv(source: Union[str, bytes, os.PathLike[str]]) -> ImportResult: ...
def read_html(source: Union[str, bytes, os.PathLike[str]]) -> ImportResult: ...
def read_json(source: PathLike) -> ImportResult: ...
def read_excel(path: PathLike, sheets: Optional[Sequence[Union[str, int]]] = None) -> ImportResult: ...
def read_docx(source: Union[bytes, PathLike]) -> ImportResult: ...
def recognize(rows: Any, format: str = "html", source_name: str = "-") -> ImportResult: ...

def book_for_kind(kind: str, rulebook: RulebookLike = None) -> Rulebook: ...
def score(form: Form, rulebook: RulebookLike = None, *, traces: bool = True) -> Scorecard: ...
def score_batch(forms: Iterable[Form], rulebook: RulebookLike = None, *, traces: bool = True,
                threads: int = 1) -> List[Scorecard]: ...
def score_table(forms: Iterable[Form], rulebook: RulebookLike = None, *, threads: int = 1) -> ScoreTable: ...

class Findings(List[Finding]):
    def to_frame(self) -> pandas.DataFrame: ...
    @property
    def summary(self) -> dict: ...
    def _repr_html_(self) -> str: ...

def audit(form: Form, scorecard: Optional[Scorecard] = None, rulebook: RulebookLike = None,
          notes: Optional[Iterable[ImportNote]] = None) -> Findings: ...
def audit_batch(forms: Sequence[Form], scorecards: Optional[Sequence[Scorecard]] = None,
                rulebook: RulebookLike = None, report: Optional[ImportReport] = None) -> List[Findings]: ...
def evaluate(form: Form, rulebook: RulebookLike = None, *, source: str = "",
             notes: Optional[Iterable[ImportNote]] = None, traces: bool = True) -> Evaluation: ...
def evaluate_batch(forms: Union[Sequence[Form], ImportResult, ReadBatch], rulebook: RulebookLike = None, *,
                   traces: bool = True, threads: int = 1, progress: Any = None,
                   chunk: int = 500, batch_checks: bool = True) -> List[Evaluation]: ...
def portfolio(evaluations: Union[Sequence[Evaluation], Sequence[Form], ImportResult, ReadBatch],
              rulebook: RulebookLike = None, *, files_not_read: Optional[Sequence[Tuple[str, str]]] = None,
              by: Optional[str] = None) -> Portfolio: ...
def summary_by(evaluations: Any, by: str, rulebook: RulebookLike = None) -> pandas.DataFrame: ...
def write_xlsx(evaluations: Sequence[Evaluation], path: PathLike, rulebook: RulebookLike = None, *, english: bool = False) -> None: ...
def report_html(evaluations: Sequence[Evaluation], rulebook: RulebookLike = None, *, title: str = "",
                files_not_read: Optional[Sequence[Tuple[str, str]]] = None, by: Optional[str] = None) -> str: ...

def forms_frame(forms: Any) -> pandas.DataFrame: ...
def indicators_frame(forms: Any) -> pandas.DataFrame: ...
def scorecards_frame(scorecards: Any, forms: Any = None) -> pandas.DataFrame: ...
def findings_frame(findings: Any, forms: Any = None) -> pandas.DataFrame: ...
def portfolio_frame(items: Any, scorecards: Any = None, findings: Any = None,
                    rulebook: RulebookLike = None) -> pandas.DataFrame: ...

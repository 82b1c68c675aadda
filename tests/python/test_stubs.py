"""The hand-written stubs name exactly what the modules hold, and every public name has a docstring."""

import ast
import inspect
from pathlib import Path

import pytest

import jixiao
from jixiao import _core

STUB_DIR = Path(__file__).resolve().parents[2] / "bindings" / "python" / "jixiao"


def stub_tree(name):
    return ast.parse((STUB_DIR / name).read_text(encoding="utf-8"))


def top_level_names(tree):
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    members.add(item.target.id)
            names[node.name] = members
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names[node.name] = None
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = None
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names[t.id] = None
        elif isinstance(node, ast.ImportFrom) and node.module == "_core":
            for alias in node.names:
                names[alias.asname or alias.name] = None
    return names


STUB_ALIASES = {"NumberLike", "ReportedNumberLike", "ReportedValueLike", "GridLike", "PathLike", "RulebookLike"}
OBJECT_MEMBERS = set(dir(object)) | {"__getstate__", "__setstate__", "__dict__", "__module__", "__weakref__"}


def public_members(cls):
    out = set()
    for name in dir(cls):
        if name.startswith("__") or name in OBJECT_MEMBERS:
            continue
        if name.startswith("_") and name != "_repr_html_" and name != "_pybind11_conduit_v1_":
            continue
        if name == "_pybind11_conduit_v1_":
            continue
        out.add(name)
    return out


def test_core_stub_names_match_the_module():
    stub = top_level_names(stub_tree("_core.pyi"))
    module = {n for n in dir(_core) if not n.startswith("_")}
    assert set(stub) - STUB_ALIASES == module


@pytest.mark.parametrize("cls_name", sorted(n for n in dir(_core) if inspect.isclass(getattr(_core, n))))
def test_core_stub_members_match_each_class(cls_name):
    cls = getattr(_core, cls_name)
    if issubclass(cls, BaseException):
        return
    stub = top_level_names(stub_tree("_core.pyi"))[cls_name]
    stub_public = {m for m in stub if not m.startswith("__") or m in ("__len__", "__iter__", "__getitem__")}
    actual = public_members(cls)
    if cls_name == "IndicatorList":
        actual |= {"__len__", "__iter__", "__getitem__"}
    else:
        stub_public -= {"__len__", "__iter__", "__getitem__"}
    assert stub_public == actual, cls_name


def test_package_stub_names_match_the_package():
    stub = top_level_names(stub_tree("__init__.pyi"))
    public = set(jixiao.__all__) - {"__version__"}
    assert set(stub) - STUB_ALIASES - {"__version__", "dask"} == public
    assert {n for n in stub if n in dir(_core)} <= set(dir(_core))


def test_py_typed_marker_is_shipped():
    assert (Path(jixiao.__file__).parent / "py.typed").exists()


def test_every_public_name_has_a_docstring():
    missing = []
    for name in jixiao.__all__:
        obj = getattr(jixiao, name)
        if callable(obj) and not (getattr(obj, "__doc__", None) or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member in public_members(obj):
                attr = getattr(obj, member)
                doc = getattr(attr, "__doc__", None) or ""
                if callable(attr) and member != "_repr_html_" and not doc.strip():
                    missing.append(f"{name}.{member}")
    assert not missing, missing

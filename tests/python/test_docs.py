"""The guides' snippets are true: every ```python block of docs/*.md and docs/howto/*.md that is
written in doctest style (``>>> ``) runs as a doctest, and every C++ block or output block that
a guide marks as a copy of an example (``<!-- include: examples/x.cpp [tag] -->`` or
``<!-- output: examples/expected/x.out -->`` on the line before it) equals that file.

Doctests of one page share one namespace (a page is one session, block after block) and run in
a scratch directory where ``tests/``, ``examples/`` and ``data/`` point into the source tree, so
the snippets use the same relative paths as a reader working in a clone, and whatever they
write stays out of the tree. Python blocks without ``>>>`` are compiled (syntax check).
"""

from __future__ import annotations

import doctest
import os
import re
import textwrap
from pathlib import Path

import pytest

from conftest import SOURCE_DIR

DOCS = SOURCE_DIR / "docs"
PAGES = sorted(list(DOCS.glob("*.md")) + list((DOCS / "howto").glob("*.md")))

FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
MARK = re.compile(r"<!--\s*(include|output|doctest):\s*([^>]*?)\s*-->\s*\n\s*$")


def blocks(page: Path):
    """(language, code, marker) for every fenced block of a page, in order; `marker` is the
    (kind, argument) of an HTML comment on the line just above the fence, or None."""
    text = page.read_text(encoding="utf-8")
    for m in FENCE.finditer(text):
        before = text[max(0, m.start() - 300):m.start()]
        mark = MARK.search(before)
        yield m.group(1), m.group(2), (mark.group(1), mark.group(2)) if mark else None


def pages_with(predicate):
    return [p for p in PAGES if any(predicate(lang, code, mark) for lang, code, mark in blocks(p))]


def is_doctest(lang, code, mark):
    return lang == "python" and ">>> " in code and not (mark and mark[0] == "doctest" and mark[1] == "skip")


def rel(p: Path) -> str:
    return str(p.relative_to(SOURCE_DIR))


@pytest.fixture()
def scratch(tmp_path, monkeypatch):
    for name in ("tests", "examples", "data", "docs"):
        (tmp_path / name).symlink_to(SOURCE_DIR / name, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JIXIAO_SOURCE_DIR", str(SOURCE_DIR))
    return tmp_path


@pytest.mark.parametrize("page", pages_with(is_doctest), ids=rel)
def test_python_snippets_run(page, scratch):
    # One session per page: the doctest blocks are joined (DocTest copies its globals, so
    # running block by block would not carry names from one block to the next).
    session = "\n".join(code for lang, code, mark in blocks(page) if is_doctest(lang, code, mark))
    test = doctest.DocTestParser().get_doctest(session, {"__name__": "__docs__"}, rel(page), str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test)
    examples, failures = result.attempted, result.failed
    assert examples > 0
    assert failures == 0, f"{failures} doctest example(s) of {rel(page)} failed (see the output above)"


@pytest.mark.parametrize("page", pages_with(lambda lang, code, mark: lang == "python" and ">>> " not in code),
                         ids=rel)
def test_python_scripts_compile(page):
    for i, (lang, code, mark) in enumerate(blocks(page)):
        if lang == "python" and ">>> " not in code:
            compile(code, f"{rel(page)}[block {i}]", "exec")


def region(path: Path, tag: str) -> str:
    """The lines of `path` between the two `// [tag]` (or `# [tag]`) marker lines, dedented;
    the whole file when `tag` is empty."""
    text = path.read_text(encoding="utf-8")
    if not tag:
        return text
    lines = text.splitlines(keepends=True)
    marks = [i for i, line in enumerate(lines) if line.strip() in (f"// [{tag}]", f"# [{tag}]")]
    assert len(marks) == 2, f"{path}: expected two [{tag}] markers, found {len(marks)}"
    return textwrap.dedent("".join(lines[marks[0] + 1:marks[1]]))


def copies():
    out = []
    for page in PAGES:
        for i, (lang, code, mark) in enumerate(blocks(page)):
            if mark and mark[0] in ("include", "output"):
                out.append(pytest.param(page, i, code, mark, id=f"{rel(page)}[{i}]"))
    return out


@pytest.mark.parametrize("page,index,code,mark", copies())
def test_quoted_examples_equal_their_files(page, index, code, mark):
    kind, argument = mark
    parts = argument.split()
    path = SOURCE_DIR / parts[0]
    tag = parts[1].strip("[]") if len(parts) > 1 else ""
    assert path.is_file(), f"{rel(page)} quotes {parts[0]}, which does not exist"
    expected = region(path, tag) if kind == "include" else path.read_text(encoding="utf-8")
    assert code == expected, f"{rel(page)} block {index} differs from {argument}"


def slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.*?)\s*(?:\{#[^}]*\})?$", text, re.M)}


def test_every_page_links_resolve():
    """Relative Markdown links between the guides point at files (and headings) that exist."""
    link = re.compile(r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)")
    broken = []
    for page in PAGES:
        for target, anchor in link.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
            if re.match(r"^[a-z]+:", target):
                continue
            path = (page.parent / target) if target else page
            if not path.exists():
                broken.append(f"{rel(page)} -> {target}")
            elif anchor and path.suffix == ".md" and anchor not in anchors(path):
                broken.append(f"{rel(page)} -> {target}#{anchor}")
    assert not broken, "broken links: " + ", ".join(broken)


def test_every_guide_has_both_languages():
    """Each guide (tutorial, how-to) exists in English and in Chinese."""
    english = [p for p in [DOCS / "tutorial.md"] + sorted((DOCS / "howto").glob("*.md"))
               if not p.name.endswith(".zh.md")]
    missing = [rel(p) for p in english if not p.with_name(p.stem + ".zh.md").exists()]
    assert not missing, "no Chinese version of: " + ", ".join(missing)

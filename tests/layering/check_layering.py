#!/usr/bin/env python3
"""The stages of the flow only look down: a file never includes a header of a higher stage.

    core < model < read < import < score < audit < report < cli (and bindings/python)

Each file of src/<stage>/ and each public header has a stage (public headers by the table
below); every `#include <jixiao/...>` and `#include "stage/..."` it holds must name a header
of its own stage or of a lower one. The umbrella header jixiao.hpp includes everything.

Usage: check_layering.py [ROOT]   (ROOT: the source tree, default: two folders up)
       check_layering.py --self-test   (checks that a bad include is caught)
Exit status 0 when every include looks down, 1 otherwise (each bad include is listed).
"""
import os
import re
import sys
import tempfile

STAGES = ["core", "model", "read", "import", "score", "audit", "report", "cli"]
RANK = {s: i for i, s in enumerate(STAGES)}

# Public headers (paths under include/jixiao/) and the stage that owns them.
PUBLIC = {
    "error.hpp": "core", "boxed.hpp": "core", "decimal.hpp": "core", "unit.hpp": "core",
    "value.hpp": "core", "vocabulary.hpp": "core", "detail/decimal_impl.hpp": "core",
    "detail/utf8.hpp": "core",
    "form.hpp": "model", "json.hpp": "model",
    "io/grid.hpp": "read", "io/pdf.hpp": "read", "io/ocr.hpp": "read",
    "io/import.hpp": "import", "io/layouts.hpp": "import", "io/form_stream.hpp": "import",
    "rulebook.hpp": "score", "scoring.hpp": "score", "score_table.hpp": "score", "rubric.hpp": "score",
    "audit.hpp": "audit",
    "portfolio.hpp": "report", "io/export.hpp": "report", "io/export_stream.hpp": "report",
    "jixiao.hpp": "cli",  # the umbrella: may include every stage
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def stage_of_header(name, bracket):
    """The stage of an included header, or None when it is not one of jixiao's."""
    if bracket == "<":
        if not name.startswith("jixiao/"):
            return None
        rel = name[len("jixiao/"):]
        if rel not in PUBLIC:
            return "unknown"
        return PUBLIC[rel]
    first = name.split("/", 1)[0]
    return first if first in RANK and "/" in name else None


def files_with_stage(root):
    inc = os.path.join(root, "include", "jixiao")
    for dirpath, _, names in os.walk(inc):
        for n in names:
            if n.endswith((".hpp", ".h", ".inc")):
                rel = os.path.relpath(os.path.join(dirpath, n), inc).replace(os.sep, "/")
                yield os.path.join(dirpath, n), PUBLIC.get(rel, "unknown"), "include/jixiao/" + rel
    src = os.path.join(root, "src")
    for stage in STAGES:
        base = os.path.join(src, stage)
        for dirpath, _, names in os.walk(base):
            for n in names:
                if n.endswith((".cpp", ".hpp", ".h", ".inc")):
                    p = os.path.join(dirpath, n)
                    yield p, stage, os.path.relpath(p, root).replace(os.sep, "/")


def check(root):
    problems = []
    for path, stage, shown in files_with_stage(root):
        if stage == "unknown":
            problems.append(f"{shown}: a public header with no stage: add it to PUBLIC in {__file__}")
            continue
        text = open(path, encoding="utf-8").read()
        for m in INCLUDE.finditer(text):
            bracket, name = m.group(1), m.group(2)
            target = stage_of_header(name, bracket)
            if target is None:
                continue
            line = text.count("\n", 0, m.start()) + 1
            if target == "unknown":
                problems.append(f"{shown}:{line}: includes <{name}>, a public header with no stage")
            elif RANK[target] > RANK[stage]:
                problems.append(f"{shown}:{line}: stage '{stage}' includes {name} of the higher stage '{target}'")
    # every stage folder says what it is
    for stage in STAGES:
        if os.path.isdir(os.path.join(root, "src", stage)) and \
                not os.path.exists(os.path.join(root, "src", stage, "README.md")):
            problems.append(f"src/{stage}/: no README.md")
    return problems


def self_test():
    """A tree with one include that looks up must fail; the same tree without it must pass."""
    with tempfile.TemporaryDirectory() as tmp:
        for stage in ("core", "score"):
            os.makedirs(os.path.join(tmp, "src", stage))
            open(os.path.join(tmp, "src", stage, "README.md"), "w").close()
        os.makedirs(os.path.join(tmp, "include", "jixiao"))
        open(os.path.join(tmp, "include", "jixiao", "decimal.hpp"), "w").write("#pragma once\n")
        good = os.path.join(tmp, "src", "core", "unit.cpp")
        open(good, "w").write('#include <jixiao/decimal.hpp>\n#include "core/x.hpp"\n#include <vector>\n')
        if check(tmp):
            print("self-test: a clean tree was reported:", check(tmp))
            return 1
        open(good, "a").write('#include <jixiao/scoring.hpp>\n#include "score/scoring_internal.hpp"\n')
        found = check(tmp)
        if len(found) != 2 or not all("higher stage 'score'" in p for p in found):
            print("self-test: the bad includes were not both caught:", found)
            return 1
    print("self-test: a bad include is caught (2 of 2), a clean tree passes")
    return 0


def main(argv):
    if "--self-test" in argv:
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f"layering: {len(problems)} include(s) look up the flow")
        return 1
    print("layering: every include looks down the flow (core < model < read < import < score < audit < report < cli)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

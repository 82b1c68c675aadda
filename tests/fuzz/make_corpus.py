#!/usr/bin/env python3
"""Writes the small seed corpora under tests/fuzz/corpus/<target>/ from the test data.

Larger seeds are not copied: scripts/fuzz.sh passes the data directories themselves
(tests/data/samples, tests/data/import, tests/data/forms, tests/data/rulebooks, data/rulebooks)
as extra read-only corpus directories. Run after the test data changes:
python3 tests/fuzz/make_corpus.py
"""
import hashlib
import json
import pathlib
import shutil

root = pathlib.Path(__file__).resolve().parents[2]
corpus = pathlib.Path(__file__).resolve().parent / "corpus"


def put(target: str, data: bytes) -> None:
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


for target in ("decimal", "value", "grid"):
    shutil.rmtree(corpus / target, ignore_errors=True)

values = json.loads((root / "tests/data/values.json").read_text(encoding="utf-8"))
for case in values["cases"]:
    put("value", case["input"].encode("utf-8"))
    if case.get("number"):
        put("decimal", case["number"].encode("utf-8"))
for cmp in values["comparisons"]:
    put("value", cmp["actual"].encode("utf-8"))
    put("value", cmp["target"].encode("utf-8"))
for number in ["1,675,799.58", "-0.00", "１２３．４５", "1e5", "1E-3", "+7", "0.1", "524760.00",
               "99999999999999999999999999.99", "-9223372036854775808", "1e10000", "1,000,000",
               "86.18%", " 12 ", "3.50"]:
    put("decimal", number.encode("utf-8"))

# Grid seeds: the first byte chooses the reader (0 tsv, 1 pipe, 2 cell_per_line, 3 csv, 4 html,
# 5+ detect); the rest is the start of a sample in that shape (whole lines, about 3 KiB).
samples = root / "tests/data/samples"
shapes = [(0, "songjiang-2023.txt"), (1, "songjiang-2023.pipe.txt"), (2, "songjiang-2023.lines.txt"),
          (3, "songjiang-2023.csv"), (4, "songjiang-2023.html"), (5, "songjiang-2023.gb18030.csv"),
          (5, "songjiang-2023.txt"), (5, "songjiang-2023.html")]
for selector, name in shapes:
    data = (samples / name).read_bytes()
    cut = data.rfind(b"\n", 0, 3072)
    put("grid", bytes([selector]) + data[: cut + 1 if cut > 0 else 3072])
for name in ("small.utf8.csv", "small.gb18030.csv"):
    data = (root / "tests/data/grid" / name).read_bytes()
    put("grid", b"\x03" + data)
    put("grid", b"\x05" + data)
put("grid", b"\x04<table><tr><td rowspan=\"2\">a</td><td colspan=\"2\">b &amp; c</td></tr><tr><td>d</td></tr></table>")
put("grid", b"\x03a,\"b\"\"c\",d\r\n1;2;3\n")
put("grid", b"\x01| a | b |\n|---|---|\n| 1 | 2 |\n")
put("grid", b"\x05\xff\xfea\x00\t\x00b\x00\n\x00")

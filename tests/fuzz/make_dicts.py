#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries tests/fuzz/dict/<target>.dict.

The Chinese vocabulary (labels, comparators, units, tier names) is taken from the one data place,
include/jixiao/vocabulary.hpp, so the dictionaries follow it; JSON keys come from the schemas in
docs/; the syntax tokens (numbers, CSV, HTML, JSON) are listed here. Run it after vocabulary or
schema changes:  python3 tests/fuzz/make_dicts.py
"""
import json
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = pathlib.Path(__file__).resolve().parent / "dict"


def escape(token) -> str:
    data = token if isinstance(token, bytes) else token.encode("utf-8")
    out = []
    for b in data:
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C):
            out.append(chr(b))
        else:
            out.append("\\x%02X" % b)
    return '"' + "".join(out) + '"'


def write(name: str, groups: dict) -> None:
    seen = set()
    lines = [f"# libFuzzer dictionary for fuzz_{name} (written by tests/fuzz/make_dicts.py)"]
    for title, tokens in groups.items():
        lines.append(f"# {title}")
        for t in tokens:
            if not t or t in seen or len(t if isinstance(t, bytes) else t.encode()) > 64:
                continue
            seen.add(t)
            lines.append(escape(t))
    (out_dir / f"{name}.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


vocab_text = (root / "include/jixiao/vocabulary.hpp").read_text(encoding="utf-8")
# Every string literal of the vocabulary that holds a non-ASCII character or a comparator.
literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"', vocab_text)
vocabulary = sorted({s for s in literals if any(ord(c) > 127 for c in s) or s in ("<", "<=", ">", ">=", "=", "~", "/")})

number_tokens = [
    "0", "1", "9", ".", ",", "-", "+", "e", "E", "e-", "E+", "1e10000", "1e-10000", "1e10001",
    "0.", ".5", "1,000", "1,675,799.58", "99999999999999999999", "9223372036854775807",
    "9223372036854775808", "-9223372036854775808", "0.00", "00", " ",
    "０", "１", "９", "．", "，", "－", "＋", "　",
]
csv_tokens = ["\"", "\"\"", ",", ";", "\r\n", "\n", "\r", "\t", "|", "| --- |", "|---|", "\n\n",
              b"\xef\xbb\xbf", "=", "+", "-", "@"]
html_tokens = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<tbody>",
               "<thead>", "<caption>", "<td rowspan=\"", "<td colspan=\"", "rowspan=", "colspan=",
               "\"65535\"", "\"0\"", "\"-1\"", "\"99999999999\"", "<br>", "<br/>", "<p>", "</p>",
               "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#", "&#x", "&#0;", "&#x110000;",
               "&#xD800;", "&#12345678901;", "<!--", "-->", "<![CDATA[", "]]>", "<script>",
               "</script>", "<style>", "</style>", "<!DOCTYPE html>", "<html>", "<body>", "=",
               "'", "\"", ">", "<", "/>"]
encoding_tokens = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xc0\x80", b"\xed\xa0\x80",
                   b"\xf4\x90\x80\x80", b"\xe4\xb8", b"\x80", b"\xff", b"\x81\x30\x81\x30"]


def schema_keys(path: pathlib.Path) -> list:
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "properties" and isinstance(v, dict):
                    keys.update(v.keys())
                if k == "enum" and isinstance(v, list):
                    keys.update(x for x in v if isinstance(x, str))
                if k == "const" and isinstance(v, str):
                    keys.add(v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(path.read_text(encoding="utf-8")))
    return sorted(keys)


json_tokens = ["{", "}", "[", "]", ":", ",", "\"", "\\u", "\\uD800", "\\uDC00", "\\u0000", "\\\"",
               "true", "false", "null", "1e999", "-0", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]
form_keys = ['"%s"' % k for k in schema_keys(root / "docs/form.schema.json")]
rulebook_keys = ['"%s"' % k for k in schema_keys(root / "docs/rulebook.schema.json")]
rulebook_names = ['"mof-2020"', '"mof-2020-ratio"', '"extends"']

write("decimal", {"number syntax": number_tokens})
write("value", {"number syntax": number_tokens, "vocabulary.hpp": vocabulary})
write("grid", {"CSV and line syntax": csv_tokens, "HTML syntax": html_tokens,
               "encodings": encoding_tokens, "vocabulary.hpp": vocabulary})
write("import", {"CSV and line syntax": csv_tokens, "HTML syntax": html_tokens,
                 "vocabulary.hpp": vocabulary, "number syntax": number_tokens})
write("json", {"JSON syntax": json_tokens, "docs/form.schema.json": form_keys,
               "vocabulary.hpp": vocabulary})
write("rulebook", {"JSON syntax": json_tokens, "docs/rulebook.schema.json": rulebook_keys,
                   "rulebooks": rulebook_names, "number syntax": number_tokens})

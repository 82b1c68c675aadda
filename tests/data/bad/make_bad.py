#!/usr/bin/env python3
"""Writes the bad-input corpus tests/data/bad/ and its manifest.json.

Each case: a file, the entry point that reads it (decimal | value | grid:<format> | import |
json | rulebook) and the expected outcome (an errc name, or "ok" for hostile input that must be
read without error). The C++ test tests/cpp/robustness/bad_inputs_test.cpp and the Python test
tests/python/test_bad_inputs.py both run every case. Run after editing:
python3 tests/data/bad/make_bad.py
"""
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
root = here.parents[2]
sample = (root / "tests/data/samples/songjiang-2023.txt").read_bytes()
form_json = (root / "tests/data/forms/songjiang-2023-1.json").read_bytes()
cases = []


def case(name, entry, expect, data, why):
    if isinstance(data, str):
        data = data.encode("utf-8")
    (here / name).write_bytes(data)
    cases.append({"file": name, "entry": entry, "expect": expect, "why": why})


# --- decimal::parse
case("decimal-empty.txt", "decimal", "empty_number", "", "no digits at all")
case("decimal-lone-sign.txt", "decimal", "empty_number", "-", "a sign without digits")
case("decimal-two-points.txt", "decimal", "multiple_points", "1.2.3", "second decimal point")
case("decimal-sign-inside.txt", "decimal", "misplaced_sign", "1-2", "sign after digits")
case("decimal-bad-grouping.txt", "decimal", "misplaced_separator", "1,23", "thousands group of two")
case("decimal-letters.txt", "decimal", "invalid_character", "12a", "a letter")
case("decimal-nul.txt", "decimal", "invalid_character", b"1\x002", "NUL byte inside a number")
case("decimal-invalid-utf8.txt", "decimal", "invalid_character", b"1\xff", "a byte that is not UTF-8")
case("decimal-exponent-too-large.txt", "decimal", "exponent_out_of_range", "1e10001", "exponent beyond 10,000")
case("decimal-exponent-huge.txt", "decimal", "exponent_out_of_range", "1e" + "9" * 5000, "5,000-digit exponent")
case("decimal-too-many-digits.txt", "decimal", "too_many_digits", "9" * 10001, "10,001 digits")
case("decimal-max-digits.txt", "decimal", "ok", "9" * 10000, "exactly 10,000 digits")
case("decimal-max-exponent.txt", "decimal", "ok", "1e10000", "exponent exactly 10,000")
# --- parse_value
case("value-comparator-only.txt", "value", "invalid_value", ">=", "comparator without a number")
case("value-range-open.txt", "value", "invalid_range", "9-", "range without an upper end")
case("value-range-dimensions.txt", "value", "invalid_range", "80%-9万元", "ends of different dimensions")
case("value-invalid-utf8.txt", "value", "invalid_utf8", b">=80\xff%", "a byte that is not UTF-8")
case("value-invalid-utf8-lead.txt", "value", "invalid_utf8", b"\xe4\xb8>=80%", "truncated UTF-8 sequence")
case("value-surrogate.txt", "value", "invalid_utf8", b"\xed\xa0\x80", "UTF-8-encoded surrogate")
case("value-overlong.txt", "value", "invalid_utf8", b"\xc0\xbe=5", "overlong encoding of '>'")
case("value-signs-subject.txt", "value", "ok", "--0.00%", "subject ending in a sign (fuzz_value finding)")
case("value-long-line.txt", "value", "ok", "很" * 100000, "300 KB of one character: free text")
case("value-huge-number.txt", "value", "invalid_value", ">=" + "9" * 10001 + "%", "a number of 10,001 digits")
# --- grid readers
case("grid-nul.csv", "grid:csv", "invalid_utf8", b"a,b\nc,\x00d\n", "NUL byte: binary data, not text")
case("grid-nul.tsv", "grid:tsv", "invalid_utf8", b"\x00\x00\x00\x00", "only NUL bytes")
case("grid-not-gb18030.tsv", "grid:tsv", "invalid_utf8", b"a\t\xff\xff\tb\n", "neither UTF-8 nor GB18030")
case("grid-utf16-odd.csv", "grid:csv", "encoding_error", b"\xff\xfea\x00,", "UTF-16 with an odd byte count")
case("grid-gb18030.csv", "grid:csv", "ok", "项目名称,金额\n".encode("gb18030"), "GB18030 is converted")
case("grid-mixed-encodings.tsv", "grid:tsv", "invalid_utf8",
     "项目名称\t".encode("utf-8") + "金额\n".encode("gb18030"), "UTF-8 and GB18030 in one file")
case("grid-unterminated-quote.csv", "grid:csv", "ok", 'a,"b\nc,d\n', "quote never closed: read, noted")
case("grid-long-line.tsv", "grid:tsv", "ok", ("x" * 1000 + "\t") * 1000 + "\n", "one line of 1 MB")
case("grid-deep-tags.html", "grid:html", "ok", "<table><tr><td>" + "<div>" * 50000 + "x" + "</div>" * 50000 +
     "</td></tr></table>", "50,000 nested elements in one cell")
case("grid-nested-tables.html", "grid:html", "ok", "<table><tr><td>" * 5000 + "x" + "</td></tr></table>" * 5000,
     "5,000 nested tables")
case("grid-huge-span.html", "grid:html", "ok", '<table><tr><td rowspan="999999999" colspan="999999999">x</td></tr></table>',
     "absurd spans (clamped by the reader)")
case("grid-bad-entities.html", "grid:html", "ok",
     "<table><tr><td>&#0;&#x110000;&#xD800;&#99999999999999999999;&bogus;&</td></tr></table>",
     "invalid character references")
# --- import_text
case("import-empty.txt", "import", "no_form_found", "", "empty document")
case("import-no-form.tsv", "import", "no_form_found", "a\tb\nc\td\n", "a table that is not a form")
case("import-binary.bin", "import", "invalid_utf8", bytes(range(256)) * 4, "binary data")
case("import-nul-in-sample.txt", "import", "invalid_utf8", sample[:2000] + b"\x00" + sample[2000:],
     "NUL byte inside a real form")
case("import-sample-ok.txt", "import", "ok", sample, "the seed sample itself (control)")
# --- read_forms_json
case("json-truncated.json", "json", "json_syntax", form_json[: len(form_json) // 2], "document cut in half")
case("json-not-object.json", "json", "json_schema", "[]", "an array, not a form or document")
case("json-version-3.json", "json", "unsupported_version", '{"format":"jixiao.forms","version":3,"forms":[]}',
     "a future version")
case("json-deep.json", "json", "limit_exceeded", "[" * 100000 + "]" * 100000, "nesting 100,000 deep")
case("json-invalid-utf8.json", "json", "json_syntax", b'{"format":"jixiao.forms","version":1,"forms":[{"project_name":"\xff"}]}',
     "invalid UTF-8 inside a string")
case("json-lone-surrogate.json", "json", "json_syntax", '{"format":"jixiao.forms","version":1,"forms":[{"project_name":"\\ud800"}]}',
     "escaped lone surrogate")
case("json-nul.json", "json", "json_syntax", b'{"format":"jixiao\x00.forms"}', "raw NUL inside a string")
case("json-number-not-string.json", "json", "json_schema",
     form_json.replace(b'"weight": {"text": "10"}', b'"weight": {"text": 10}', 1),
     "a number where a string is required")
# --- load_rulebook_json
case("rulebook-syntax.json", "rulebook", "json_syntax", '{"id": "x",', "document cut short")
case("rulebook-unknown-extends.json", "rulebook", "rulebook_not_found", '{"extends": "no-such-book", "id": "x"}',
     "extends an unknown built-in")
case("rulebook-negative-weight.json", "rulebook", "rulebook_invalid",
     '{"extends": "mof-2020", "id": "x", "execution": {"default_weight": "-10"}}', "a negative weight")
case("rulebook-deep.json", "rulebook", "limit_exceeded",
     '{"extends": "mof-2020", "id": "x", "deep": ' + "[" * 100000 + "]" * 100000 + "}", "nesting 100,000 deep in an unknown field")
case("rulebook-invalid-utf8.json", "rulebook", "json_syntax", b'{"extends": "mof-2020", "id": "\xff"}',
     "invalid UTF-8 inside a string")
case("rulebook-huge-decimal.json", "rulebook", "rulebook_invalid",
     '{"extends": "mof-2020", "id": "x", "execution": {"default_weight": "' + "9" * 10001 + '"}}', "a 10,001-digit weight")

manifest = {
    "format": "jixiao.bad-inputs",
    "version": 1,
    "description": "Hostile and broken inputs with the outcome each entry point must give "
                   "(an errc name, or ok). Written by make_bad.py; read by the C++ and Python tests.",
    "entries": ["decimal", "value", "grid:<tsv|pipe|cell_per_line|csv|html>", "import", "json", "rulebook"],
    "cases": cases,
}
(here / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(cases), "cases")

#!/usr/bin/python3
"""`jixiao import` reads the sample printed to PDF to the same forms as the text it came from.

    cli_pdf_test.py --jixiao BIN --files DIR --sample songjiang-2023.txt

Compares the canonical JSON (`jixiao import --json`) of songjiang-ruled.pdf with that of the
text sample, leaving out where each thing came from (file, line, row, column), and checks the
import report names the reader. Exit 77 (skip) when the fixture could not print the PDF.
"""
import argparse
import json
import os
import subprocess
import sys

SKIP = 77


def without_locations(value):
    """The JSON without where things came from; goal texts without spaces (a line wrap at a space
    between a Latin and a Chinese character cannot be seen in a PDF: docs/readers.md)."""
    if isinstance(value, dict):
        out = {k: without_locations(v) for k, v in value.items() if k not in ("where", "source")}
        if "goal" in out and isinstance(out["goal"], dict):
            out["goal"] = {k: v.replace(" ", "") if isinstance(v, str) else v for k, v in out["goal"].items()}
        return out
    if isinstance(value, list):
        return [without_locations(v) for v in value]
    return value


def run(args):
    p = subprocess.run(args, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit("FAIL: %s exited %d: %s" % (" ".join(args), p.returncode, p.stderr.decode(errors="replace")))
    return p.stdout.decode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", required=True)
    ap.add_argument("--files", required=True)
    ap.add_argument("--sample", required=True)
    a = ap.parse_args()
    pdf = os.path.join(a.files, "songjiang-ruled.pdf")
    if not os.path.exists(pdf):
        print("skip: %s was not made" % pdf)
        return SKIP
    from_pdf = json.loads(run([a.jixiao, "import", pdf, "--json", "-", "--quiet"]))
    from_text = json.loads(run([a.jixiao, "import", a.sample, "--json", "-", "--quiet"]))
    left, right = without_locations(from_pdf), without_locations(from_text)
    if left != right:
        print("FAIL: the PDF's forms differ from the text's")
        for i, (x, y) in enumerate(zip(left.get("forms", []), right.get("forms", []))):
            if x != y:
                for key in sorted(set(x) | set(y)):
                    if x.get(key) != y.get(key):
                        print("  form %d, %s:\n    pdf:  %s\n    text: %s" % (i + 1, key, json.dumps(x.get(key), ensure_ascii=False)[:400],
                                                                         json.dumps(y.get(key), ensure_ascii=False)[:400]))
        return 1
    # Reading a PDF is no error in `jixiao import --format pdf` either, and a wrong reader is.
    run([a.jixiao, "import", pdf, "--format", "pdf", "--json", "-", "--quiet"])
    p = subprocess.run([a.jixiao, "import", os.path.join(a.files, "encrypted-user.pdf"), "--quiet"], capture_output=True)
    if os.path.exists(os.path.join(a.files, "encrypted-user.pdf")):
        err = p.stderr.decode(errors="replace")
        if p.returncode != 3 or "password_required" not in err:
            print("FAIL: a locked PDF should exit 3 with password_required, got", p.returncode, err)
            return 1
    print("ok: %d forms from the PDF equal the text's" % len(left.get("forms", [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""`jixiao import` reads the sample printed to PDF to the same forms as the text it came from.

    cli_pdf_test.py --jixiao BIN --files DIR --sample songjiang-2023.txt

Compares the canonical JSON (`jixiao import --json`) of songjiang-ruled.pdf with that of the
text sample, leaving out where each thing came from (file, line, row, column), and checks the
import report names the reader, and that pages are cited (forms, report notes, the HTML
report's findings). Exit 77 (skip) when the fixture could not print the PDF.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

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


def check_pages(jixiao, pdf, forms_doc):
    """Pages are cited: in every `where` of the forms, in the import report's notes, and in the
    HTML report (`p. N`) for a finding on an indicator. Returns what is wrong, or None."""
    forms = forms_doc.get("forms", [])
    starts = [f.get("where", {}).get("page") for f in forms]
    if not starts or None in starts or starts != sorted(starts) or starts[-1] < 3:
        return "the forms' where.page should rise over the pages: %s" % starts
    for f in forms:
        pages = [i.get("where", {}).get("page") for i in f.get("indicators", [])]
        if None in pages or any(p < f["where"]["page"] for p in pages):
            return "indicators of %s without their page: %s" % (f.get("project_name"), pages)
    with tempfile.TemporaryDirectory() as tmp:
        report_path = os.path.join(tmp, "report.json")
        html_path = os.path.join(tmp, "report.html")
        findings_path = os.path.join(tmp, "findings.json")
        run([jixiao, "import", pdf, "--json", os.path.join(tmp, "forms.json"), "--report", report_path, "--quiet"])
        notes = json.load(open(report_path, encoding="utf-8"))[0]["notes"]
        unpaged = [n for n in notes if n["row"] and not n.get("page")]
        if not notes or unpaged:
            return "import notes without a page: %s" % unpaged[:3]
        run([jixiao, "audit", pdf, "--html", html_path, "--json", findings_path, "--quiet", "--fail-on", "none"])
        html = open(html_path, encoding="utf-8").read()
        evaluations = json.load(open(findings_path, encoding="utf-8"))["evaluations"]
        cited = [(e, fd) for e in evaluations for fd in e["findings"]["findings"]
                 if fd["indicator"] is not None and fd["where"].get("page")]
        if not cited:
            return "no finding on an indicator cites a page"
        e, fd = cited[0]
        loc = "%s · p. %d</span>" % (fd["field"], fd["where"]["page"])
        if loc not in html:
            return "the HTML report does not cite %r" % loc
        if " · line " in html:
            return "the HTML report cites a line of a PDF"
    return None


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
    failure = check_pages(a.jixiao, pdf, from_pdf)
    if failure:
        print("FAIL:", failure)
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

#!/usr/bin/python3
"""The jixiao command on files as publishers make them (make_published.py, LibreOffice headless).

    cli_published_test.py --jixiao BIN --files DIR --sample songjiang-2023.txt

Checks, against the text the files were made from (canonical JSON without where things came
from, as tests/pdf/cli_pdf_test.py compares):
  1. the workbook and the document, printed to PDF by LibreOffice, saved as .xls / .doc (and the
     .xls bytes named .et), and the .xlsx / .docx themselves, import to the same eight forms;
     the table fixtures of the other layout families, as workbooks and printed, to the forms of
     their text;
     and the document's PDF with six pages turned by /Rotate reads the same, the turns noted;
  2. the six-page disclosure with two forms after it: the two forms, on pages 7 and after, the
     pages of prose skipped and noted;
  3. `jixiao audit <the PDFs and workbooks> --html --json` finds, form by form, the same findings
     as the audit of the text (the import notes aside: they say how each source was read; the
     checks across forms find each form's copies in the later files), and the HTML report
     cites pages;
  4. --no-convert refuses the .xls, a damaged .xls reads no form (exit 3), and a machine without
     LibreOffice gets a message that says how to install it.
Exit 77 (skip) when the fixture made nothing; PDF checks are skipped when the command was built
without the PDF reader.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "pdf"))
from cli_pdf_test import without_locations  # noqa: E402

SKIP = 77
failures = []


def run(args, env=None, ok=(0, 1)):
    p = subprocess.run(args, capture_output=True, env=env)
    if p.returncode not in ok:
        return None, p
    return p.stdout.decode("utf-8"), p


def forms_of(jixiao, path):
    out, p = run([jixiao, "import", path, "--json", "-", "--quiet"])
    if out is None:
        failures.append("%s: import exited %d: %s" % (os.path.basename(path), p.returncode, p.stderr.decode(errors="replace")[:300]))
        return None
    return without_locations(json.loads(out)).get("forms", [])


def compare(name, got, want):
    if got is None:
        return
    if len(got) != len(want):
        failures.append("%s: %d forms, the text has %d" % (name, len(got), len(want)))
        return
    for i, (a, b) in enumerate(zip(got, want)):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                failures.append("%s: form %d, %s differs:\n    got:  %s\n    text: %s" % (
                    name, i + 1, key, json.dumps(a.get(key), ensure_ascii=False)[:300],
                    json.dumps(b.get(key), ensure_ascii=False)[:300]))


def finding_keys(evaluation):
    """What the findings say of the form, without where each was read (lines differ between a text
    and a PDF), without the import notes (import.*), which say how the source was read (a text
    dump needs repairs, such as a label taken from the next page, that a ruled PDF or a workbook,
    whose merged cells are drawn, does not), and without the checks across forms (batch.*: the
    same forms in four files are duplicates of each other, checked apart)."""
    return sorted((f["code"], f["severity"], f.get("indicator") if f.get("indicator") is not None else -1, f.get("field") or "")
                  for f in evaluation["findings"]["findings"] if not f["code"].startswith(("import.", "batch.")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", required=True)
    ap.add_argument("--files", required=True)
    ap.add_argument("--sample", required=True)
    a = ap.parse_args()
    made_path = os.path.join(a.files, "made.txt")
    if not os.path.exists(made_path):
        print("skip: the published files were not made (LibreOffice or openpyxl missing)")
        return SKIP
    made = set(open(made_path, encoding="utf-8").read().split())
    text = forms_of(a.jixiao, a.sample)
    if text is None:
        print("FAIL:", failures)
        return 1

    # Is the PDF reader built in?
    probe, p = run([a.jixiao, "import", os.path.join(a.files, "published.xlsx.pdf"), "--quiet"], ok=(0, 1, 3))
    pdf = "reader_unavailable" not in p.stderr.decode(errors="replace")

    # 1. Every file made, to the same eight forms.
    checked = []
    for name in ("published.xlsx", "published.docx", "published.xls", "published.et", "published.doc",
                 "published.xlsx.pdf", "published.docx.pdf"):
        if name not in made or (name.endswith(".pdf") and not pdf):
            continue
        compare(name, forms_of(a.jixiao, os.path.join(a.files, name)), text)
        checked.append(name)
    for needed in ("published.xlsx.pdf", "published.docx.pdf", "published.xls", "published.doc"):
        if needed not in made:
            failures.append("%s was not made by LibreOffice" % needed)

    # 1b. Pages turned by /Rotate read as if upright, and the report says which.
    if "rotated.pdf" in made and pdf:
        path = os.path.join(a.files, "rotated.pdf")
        compare("rotated.pdf", forms_of(a.jixiao, path), text)
        out, _ = run([a.jixiao, "import", path, "--report", "-", "--json", os.devnull, "--quiet"])
        turned = sum(1 for n in json.loads(out)[0]["reader_notes"] if "read turned upright" in n) if out else 0
        if turned != 6:
            failures.append("rotated.pdf: 6 pages should be noted as turned upright, %d were" % turned)
        checked.append("rotated.pdf")

    # 1c. The table fixtures of the other layout families, as workbooks and printed.
    families = os.path.join(HERE, "..", "data", "import", "families")
    sys.path.insert(0, HERE)
    from make_published import FAMILIES
    for name in FAMILIES:
        stem = "family-" + os.path.splitext(name)[0]
        want = forms_of(a.jixiao, os.path.join(families, name))
        for ext in (".xlsx", ".pdf"):
            if stem + ext not in made:
                failures.append("%s was not made" % (stem + ext))
            elif ext == ".xlsx" or pdf:
                compare(stem + ext, forms_of(a.jixiao, os.path.join(a.files, stem + ext)), want)
                checked.append(stem + ext)

    # 2. The disclosure: prose on six pages, then the first two forms.
    if "disclosure.pdf" in made and pdf:
        path = os.path.join(a.files, "disclosure.pdf")
        compare("disclosure.pdf", forms_of(a.jixiao, path), text[:2])
        out, _ = run([a.jixiao, "import", path, "--json", "-", "--quiet"])
        pages = [f.get("where", {}).get("page") for f in json.loads(out)["forms"]] if out else []
        if not pages or min(p or 0 for p in pages) < 7:
            failures.append("disclosure.pdf: the forms should start on page 7 or later, got pages %s" % pages)
        out, _ = run([a.jixiao, "import", path, "--report", "-", "--json", os.devnull, "--quiet"])
        notes = json.loads(out)[0]["reader_notes"] if out else []
        if not any(n.startswith("pages 1-6: no form title or block label") and "skipped" in n for n in notes):
            failures.append("disclosure.pdf: the six pages of prose should be noted as skipped: %s" % notes[:3])
        checked.append("disclosure.pdf")

    # 3. The audit of the downloads equals the audit of the text, form by form.
    with tempfile.TemporaryDirectory() as tmp:
        downloads = [os.path.join(a.files, n) for n in ("published.xlsx.pdf", "published.docx.pdf", "published.xlsx", "published.docx")
                     if n in made and (pdf or not n.endswith(".pdf"))]
        html_path, json_path = os.path.join(tmp, "report.html"), os.path.join(tmp, "audit.json")
        out, p = run([a.jixiao, "audit", *downloads, "--html", html_path, "--json", json_path, "--quiet", "--fail-on", "none"])
        text_json = os.path.join(tmp, "text.json")
        run([a.jixiao, "audit", a.sample, "--json", text_json, "--quiet", "--fail-on", "none"])
        if out is None or not os.path.exists(json_path):
            failures.append("audit of the downloads failed: %s" % p.stderr.decode(errors="replace")[:300])
        else:
            got = json.load(open(json_path, encoding="utf-8"))["evaluations"]
            want = [finding_keys(e) for e in json.load(open(text_json, encoding="utf-8"))["evaluations"]]
            if len(got) != len(want) * len(downloads):
                failures.append("audit: %d evaluations for %d files of %d forms" % (len(got), len(downloads), len(want)))
            else:
                for k, e in enumerate(got):
                    if finding_keys(e) != want[k % len(want)]:
                        failures.append("audit: form %d of %s: findings %s, the text's %s" % (
                            k % len(want) + 1, os.path.basename(downloads[k // len(want)]), finding_keys(e), want[k % len(want)]))
                        break
                # Every form is in every file: its copies in the files after the first are flagged
                # as duplicates of it.
                undoubled = [k for k, e in enumerate(got) if k >= len(want) and not any(
                    f["code"] == "batch.duplicate_form" for f in e["findings"]["findings"])]
                if len(downloads) > 1 and undoubled:
                    failures.append("audit: forms %s of the downloads are not flagged as duplicates" % undoubled[:5])
            html = open(html_path, encoding="utf-8").read()
            if pdf and " · p. " not in html:
                failures.append("the HTML report of the PDFs cites no page")

    # 4. Refusals and their messages.
    if "published.xls" in made:
        xls = os.path.join(a.files, "published.xls")
        out, p = run([a.jixiao, "import", xls, "--no-convert", "--quiet"], ok=(3,))
        err = p.stderr.decode(errors="replace")
        if out is None or "unknown_format" not in err or "LibreOffice" not in err:
            failures.append("--no-convert on an .xls should exit 3 naming LibreOffice, got %d: %s" % (p.returncode, err[:300]))
        env = dict(os.environ, PATH="/nonexistent")
        out, p = run([a.jixiao, "import", xls, "--quiet"], env=env, ok=(3,))
        err = p.stderr.decode(errors="replace")
        if out is None or "reader_unavailable" not in err or "apt-get install libreoffice" not in err:
            failures.append("without LibreOffice an .xls should exit 3 with how to install it, got %d: %s" % (p.returncode, err[:300]))
        with tempfile.TemporaryDirectory() as tmp:
            # The sector list of the header overwritten: LibreOffice makes an empty workbook of
            # it (or fails); either way nothing is read and the command says so.
            broken = os.path.join(tmp, "broken.xls")
            data = bytearray(open(xls, "rb").read())
            data[76:512] = b"\xff" * (512 - 76)
            open(broken, "wb").write(bytes(data))
            out, p = run([a.jixiao, "import", broken, "--quiet"], ok=(3,))
            err = p.stderr.decode(errors="replace")
            if out is None or ("no_form_found" not in err and "LibreOffice" not in err):
                failures.append("a damaged .xls should exit 3 (no form, or LibreOffice's failure), got %d: %s" % (p.returncode, err[:300]))
        checked.append("refusals")

    if failures:
        print("FAIL:")
        for f in failures:
            print("  " + f)
        return 1
    print("ok: %s" % ", ".join(checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())

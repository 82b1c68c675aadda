#!/usr/bin/python3
"""CLI tests: run the real `jixiao` binary and check outputs, exit codes and output safety.

Run from the source tree (ctest does): cli_test.py --jixiao BIN --oracle BIN --work DIR
Each check prints one line; the script exits 1 when any check fails.
"""
import argparse
import csv
import glob
import io
import json
import tempfile
import os
import shutil
import subprocess
import sys

FORMS = sorted(glob.glob("tests/data/forms/songjiang-2023-*.json"), key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0]))
SAMPLE = "tests/data/samples/songjiang-2023.txt"

failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)[:2000]))
    if not condition:
        failures.append(name)


def run(args, stdin=None, lang="C.UTF-8"):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG")}
    env["LANG"] = lang  # the outputs' language follows LANG: English unless a test asks
    p = subprocess.run([JIXIAO] + args, input=stdin, capture_output=True, timeout=120, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def golden():
    out = []
    for path in FORMS:
        with open(path, encoding="utf-8") as f:
            out.append(json.load(f))
    return out


def main():
    global JIXIAO
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", required=True)
    ap.add_argument("--oracle", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    JIXIAO = a.jixiao
    work = a.work
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    forms = golden()
    check("eight golden forms", len(FORMS) == 8, FORMS)
    n_lines = sum(1 + len(f["indicators"]) for f in forms)

    # --version and usage errors (exit 2)
    rc, out, err = run(["--version"])
    check("--version exits 0", rc == 0 and out.startswith("jixiao "), (rc, out, err))
    rc, out, err = run([])
    check("no subcommand is a usage error (2)", rc == 2, (rc, err))
    rc, out, err = run(["audit", FORMS[0], "--no-such-option"])
    check("unknown option is a usage error (2)", rc == 2, (rc, err))
    rc, out, err = run(["audit", FORMS[0], "--rulebook", "no-such-rulebook"])
    check("unknown rulebook is a usage error (2)", rc == 2 and "no-such-rulebook" in err, (rc, err))
    rc, out, err = run(["audit", FORMS[0], "--fail-on", "sometimes"])
    check("bad --fail-on is a usage error (2)", rc == 2, (rc, err))
    rc, out, err = run(["audit", FORMS[0], "--format", "xls"])
    check("unknown --format is a usage error (2)", rc == 2, (rc, err))
    rc, out, err = run(["audit", FORMS[0], "--format", "xlsx"])
    check("--format xlsx on a text file is an input error (3) saying so", rc == 3 and "not a ZIP archive" in err, (rc, err))

    # input errors (exit 3) name the file and the position
    rc, out, err = run(["audit", os.path.join(work, "missing.json")])
    check("missing file is an input error (3) naming the file", rc == 3 and "missing.json" in err, (rc, err))
    bad = os.path.join(work, "bad.json")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('{"format": "jixiao.forms", "version": 1,\n "forms": [ {"title": } ]}\n')
    rc, out, err = run(["audit", bad])
    check("malformed JSON is an input error (3) with file and line", rc == 3 and "bad.json:line 2" in err, (rc, err))
    rc, out, err = run(["audit", "tests/data/forms/nothing-*.json"])
    check("a glob that matches nothing is an input error (3)", rc == 3, (rc, err))

    # audit --json equals the library's evaluations_to_json
    out_json = os.path.join(work, "audit.json")
    rc, out, err = run(["audit"] + FORMS + ["--json", out_json, "--quiet"])
    check("audit exits 1 when errors are found (default --fail-on error)", rc == 1, (rc, err))
    with open(out_json, encoding="utf-8") as f:
        doc = json.load(f)
    oracle = subprocess.run([a.oracle, "mof-2020"] + FORMS, capture_output=True, timeout=120)
    check("oracle runs", oracle.returncode == 0, oracle.stderr)
    check("audit --json equals the library's JSON", doc == json.loads(oracle.stdout), "documents differ")
    check("audit --json has 8 evaluations", len(doc["evaluations"]) == 8)
    for i, (ev, f) in enumerate(zip(doc["evaluations"], forms)):
        check(f"form {i + 1}: project name kept", ev["form"]["project_name"] == f["project_name"])
    n_findings = sum(len(ev["findings"]["findings"]) for ev in doc["evaluations"])
    severities = [fd["severity"] for ev in doc["evaluations"] for fd in ev["findings"]["findings"]]

    # exit codes follow --fail-on
    rc, _, _ = run(["audit"] + FORMS + ["--quiet", "--fail-on", "none"])
    check("--fail-on none exits 0", rc == 0, rc)
    expect = 1 if any(s in ("error", "warning") for s in severities) else 0
    rc, _, _ = run(["audit"] + FORMS + ["--quiet", "--fail-on", "warning"])
    check("--fail-on warning", rc == expect, rc)
    clean = [p for p, ev in zip(FORMS, doc["evaluations"]) if ev["summary"]["errors"] == 0]
    if clean:
        rc, _, _ = run(["audit", clean[0], "--quiet"])
        check("a form without errors exits 0", rc == 0, rc)

    # --jobs does not change the result
    rc1, out1, _ = run(["audit"] + FORMS + ["--json", "--jobs", "1", "--fail-on", "none"])
    rc4, out4, _ = run(["audit"] + FORMS + ["--json", "--jobs", "4", "--fail-on", "none"])
    check("--jobs 1 and --jobs 4 give the same JSON", rc1 == rc4 == 0 and out1 == out4)

    # globs and stdin
    rc, out, err = run(["score", "tests/data/forms/songjiang-2023-*.json", "--json"])
    check("a quoted glob reads all eight forms", rc == 0 and len(json.loads(out)["scorecards"]) == 8, (rc, err))
    with open(FORMS[1], "rb") as f:
        rc, out, err = run(["score", "-", "--json"], stdin=f.read())
    check("stdin (-) is read", rc == 0 and json.loads(out)["scorecards"][0]["project_name"] == forms[1]["project_name"], (rc, err))

    # CSV row counts
    scores_csv = os.path.join(work, "scores.csv")
    rc, out, err = run(["score"] + FORMS + ["--csv", scores_csv])
    rows = read_csv(scores_csv)
    check("score --csv: one row per scored line plus a header", rc == 0 and len(rows) == 1 + n_lines, (len(rows), n_lines))
    check("score --csv: every row has the header's width", all(len(r) == len(rows[0]) for r in rows))
    findings_csv = os.path.join(work, "findings.csv")
    rc, out, err = run(["audit"] + FORMS + ["--csv", findings_csv, "--quiet"])
    with open(findings_csv, "rb") as f:
        check("a CSV file starts with a UTF-8 BOM by default (Excel on a Chinese Windows)", f.read(3) == b"\xef\xbb\xbf")
    rc, out, err = run(["audit"] + FORMS + ["--csv", "-", "--quiet"])
    check("CSV on stdout has no BOM unless --bom", rc in (0, 1) and out.startswith("source,"), out[:20])
    p = subprocess.run([JIXIAO, "audit"] + FORMS + ["--csv", "-", "--quiet", "--bom"], capture_output=True, timeout=120)
    check("--bom puts one on stdout too", p.stdout.startswith(b"\xef\xbb\xbf"), p.stdout[:10])
    nobom_csv = os.path.join(work, "findings-nobom.csv")
    run(["audit"] + FORMS + ["--csv", nobom_csv, "--no-bom", "--quiet"])
    with open(nobom_csv, "rb") as f:
        check("--no-bom drops it from a file", f.read(7) == b"source,")
    with open(findings_csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    check("audit --csv: one row per finding plus a header", len(rows) == 1 + n_findings, (len(rows), n_findings))
    summary_csv = os.path.join(work, "summary.csv")
    rc, out, err = run(["summary"] + FORMS + ["--csv", summary_csv, "--quiet"])
    check("summary --csv: one row per form", len(read_csv(summary_csv)) == 9)

    # HTML report: every form, its scores and its findings
    html_path = os.path.join(work, "report.html")
    rc, out, err = run(["audit"] + FORMS + ["--html", html_path])
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    check("audit --html prints a human summary", "8 forms" in out and "errors" in out, out)
    check("report has one section per form", html.count('<section class="form"') == 8)
    for ev in doc["evaluations"]:
        name = ev["form"]["project_name"]
        check(f"report shows {name}", name in html)
        check(f"report shows the computed total of {name}", ev["scorecard"]["computed_total"] in html)
        for fd in ev["findings"]["findings"]:
            if f'data-code="{fd["code"]}"' not in html:
                check(f"report lists finding {fd['code']}", False)
    check("report lists every finding", html.count('<li class="') == n_findings, (html.count('<li class="'), n_findings))
    check("report is self-contained (no external resource)",
          'src="http' not in html and "<link" not in html and "@import" not in html)

    # summary --json
    rc, out, err = run(["summary"] + FORMS + ["--json", "--fail-on", "none"])
    p = json.loads(out)
    check("summary --json: 8 forms", rc == 0 and p["forms"] == 8 and p["format"] == "jixiao.portfolio", (rc, err))
    check("summary --json equals the audit document's portfolio", p == doc["portfolio"])

    # render
    rc, out, err = run(["render", FORMS[0], "--form", "1", "--markdown"])
    check("render --markdown", rc == 0 and forms[0]["project_name"] in out and "| 三级指标 |" in out, (rc, err))
    render_html = os.path.join(work, "render.html")
    rc, out, err = run(["render"] + FORMS + ["--form", "2", "--html", render_html])
    with open(render_html, encoding="utf-8") as f:
        page = f.read()
    check("render --form 2 --html shows form 2 only",
          rc == 0 and forms[1]["project_name"] in page and forms[0]["project_name"] not in page, (rc, err))
    rc, out, err = run(["render"] + FORMS + ["--form", "9"])
    check("render --form beyond the input is a usage error (2)", rc == 2, (rc, err))

    # rulebooks
    rc, out, err = run(["rulebooks", "list"])
    check("rulebooks list names mof-2020", rc == 0 and "mof-2020" in out, (rc, out))
    rc, out, err = run(["rulebooks", "show", "mof-2020"])
    check("rulebooks show prints the rulebook as JSON", rc == 0 and json.loads(out)["id"] == "mof-2020", (rc, err))

    # layout families
    rc, out, err = run(["layouts", "list"])
    check("layouts list names the national and transfer families", rc == 0 and "national" in out and "transfer" in out, (rc, out))
    rc, out, err = run(["layouts", "show", "national"])
    check("layouts show prints a family as JSON", rc == 0 and json.loads(out)["header_fields"]["项目名称"] == "project_name", (rc, err))
    families = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "import", "families")
    rc, out, err = run(["import", os.path.join(families, "transfer-pipe.txt"), "--json", "-", "-q"])
    check("import reads a transfer-payment form by meaning", rc == 0 and len(json.loads(out)["forms"][0]["indicators"]) == 6, (rc, err))
    rc, out, err = run(["import", os.path.join(families, "dept-overall.txt"), "--json", "-", "-q"])
    dept = json.loads(out)["forms"] if rc == 0 else []
    check("import reads a department-wide form as its kind",
          rc == 0 and [f.get("kind") for f in dept] == ["department_self_evaluation"] and dept[0]["project_name"] == "示例县教育局",
          (rc, err))
    bad = os.path.join(tempfile.mkdtemp(), "bad-layout.json")
    with open(bad, "w", encoding="utf-8") as fh:
        fh.write('{"id": "x", "funds_columns": {"预算": "budget"}}')
    rc, out, err = run(["import", os.path.join(families, "transfer-pipe.txt"), "--layout", bad, "-q"])
    check("a broken --layout file is an input error with its JSON path", rc == 3 and "/funds_columns/" in err, (rc, err))

    # a form read by a layout family is scored by the rulebook the family names, unless --rulebook says
    sichuan = os.path.join(families, "sichuan-pipe.txt")
    rc, out, err = run(["score", sichuan, "--json", "-", "-q"])
    cards = json.loads(out)["scorecards"] if rc == 0 else []
    check("a Sichuan form is scored by sichuan-10-90 by default",
          rc == 0 and [c["rulebook"]["id"] for c in cards] == ["sichuan-10-90"], (rc, err, out[:300]))
    rc, out, err = run(["score", os.path.join(families, "exec20-pipe.txt"), "--json", "-", "-q"])
    card = json.loads(out)["scorecards"][0] if rc == 0 else {}
    check("a 20/80 form is scored by exec20-80: 20 points of execution",
          card.get("rulebook", {}).get("id") == "exec20-80" and card["execution"]["weight"] == "20"
          and card["execution"]["computed"] == "19.00", (rc, err, card.get("execution")))
    rc, out, err = run(["score", sichuan, SAMPLE])
    check("the summary names every rulebook used", rc == 0 and "sichuan-10-90 + mof-2020" in out, (rc, out, err))
    rc, out, err = run(["score", sichuan, "--rulebook", "mof-2020", "--json", "-", "-q"])
    check("--rulebook scores every form by the one it names",
          rc == 0 and json.loads(out)["scorecards"][0]["rulebook"]["id"] == "mof-2020", (rc, err))
    rc, out, err = run(["import", sichuan, "--json", "-", "-q"])
    check("import records the layout family of a form", rc == 0 and json.loads(out)["forms"][0].get("layout") == "sichuan", (rc, err))

    # the import report is written on failure too, naming the reader and why no form was found
    noform = os.path.join(work, "no-form.txt")
    with open(noform, "w", encoding="utf-8") as fh:
        fh.write("会议纪要\n\n出席人员\n")
    report_path = os.path.join(work, "failed-report.json")
    rc, out, err = run(["import", noform, os.path.join(families, "transfer-pipe.txt"), "--report", report_path, "--json", os.path.join(work, "some.json")])
    reports = json.load(open(report_path, encoding="utf-8")) if os.path.exists(report_path) else []
    check("import --report writes the report of an input without a form, then exits 3",
          rc == 3 and len(reports) == 2 and reports[0]["error"]["code"] == "no_form_found"
          and reports[0]["reader"] == "cell_per_line" and "no form found" in err and "cells_total" in reports[1],
          (rc, err, reports[:1]))

    # a batch finishes: the readable files are processed and written, the others listed, exit 3
    batch = os.path.join(work, "batch")
    os.makedirs(batch, exist_ok=True)
    shutil.copy(SAMPLE, os.path.join(batch, "a.txt"))
    shutil.copy(noform, os.path.join(batch, "b.txt"))
    with open(os.path.join(batch, "c.xlsx"), "wb") as fh:
        fh.write(b"PK\x03\x04 not a workbook")
    batch_json = os.path.join(work, "batch.json")
    batch_html = os.path.join(work, "batch.html")
    batch_md = os.path.join(work, "batch.md")
    rc, out, err = run(["summary", os.path.join(batch, "*"), "--json", batch_json, "--html", batch_html,
                        "--markdown", batch_md])
    summary = json.load(open(batch_json, encoding="utf-8")) if os.path.exists(batch_json) else {}
    unread = [u["source"] for u in summary.get("files_not_read", [])]
    check("summary of a folder with two bad files: 8 forms written, the two listed, exit 3",
          rc == 3 and summary.get("forms") == 8 and [os.path.basename(u) for u in unread] == ["b.txt", "c.xlsx"]
          and err.count("jixiao: error:") == 2 and "2 files not read" in out, (rc, err, out[:400], unread))
    page = open(batch_html, encoding="utf-8").read() if os.path.exists(batch_html) else ""
    check("the HTML report lists the files not read", 'id="files-not-read"' in page and "c.xlsx" in page, len(page))
    md = open(batch_md, encoding="utf-8").read() if os.path.exists(batch_md) else ""
    check("the Markdown report lists the files not read", "Files not read" in md and "b.txt" in md, md[:300])
    rc, out, err = run(["audit", os.path.join(batch, "b.txt"), SAMPLE, "--fail-fast", "--json", "-"])
    check("--fail-fast stops at the first unreadable file and writes nothing", rc == 3 and out == "", (rc, out[:200]))
    rc, out, err = run(["audit", os.path.join(work, "missing.txt"), SAMPLE, "--json", "-", "-q"])
    evaluations = json.loads(out)["evaluations"] if out.startswith("{") else []
    check("a missing file among good ones: the good one is audited, exit 3",
          rc == 3 and len(evaluations) == 8 and "missing.txt" in err, (rc, err))

    # summary --by: the portfolio by department, unit, grade or file
    by_csv = os.path.join(work, "by.csv")
    by_json = os.path.join(work, "by.json")
    by_html = os.path.join(work, "by.html")
    rc, out, err = run(["summary", SAMPLE, os.path.join(families, "sichuan-pipe.txt"), "--by", "主管部门",
                        "--csv", by_csv, "--json", by_json, "--html", by_html])
    rows = read_csv(by_csv) if os.path.exists(by_csv) else []
    doc = json.load(open(by_json, encoding="utf-8")) if os.path.exists(by_json) else {}
    check("summary --by 主管部门: one CSV row per department, forms adding up",
          rc in (0, 1) and rows and rows[0][0] == "department" and len(rows) == 3
          and sum(int(r[1]) for r in rows[1:]) == 9 and "by department:" in out, (rc, rows, err))
    check("summary --by: the JSON has the groups", doc.get("grouped_by") == "department" and len(doc.get("groups", [])) == 2,
          doc.get("groups"))
    page = open(by_html, encoding="utf-8").read() if os.path.exists(by_html) else ""
    check("summary --by: the HTML report has a table and a chart of the groups",
          'id="groups"' in page and "上海市松江区财政局" in page and "<svg" in page.split('id="groups"')[1][:3000], len(page))
    by_xlsx = os.path.join(work, "by.xlsx")
    rc, out, err = run(["summary", SAMPLE, os.path.join(families, "sichuan-pipe.txt"), "--by", "主管部门", "--xlsx", by_xlsx,
                        "--quiet"])
    sheets = ""
    if os.path.exists(by_xlsx):
        import zipfile
        with zipfile.ZipFile(by_xlsx) as z:
            sheets = z.read("xl/workbook.xml").decode("utf-8")
    check("summary --xlsx --by: the workbook has the portfolio and a sheet of the groups",
          rc in (0, 1) and "汇总" in sheets and "分组" in sheets and "表单" in sheets, (rc, err, sheets[:300]))
    rc, out, err = run(["summary", SAMPLE, "--by", "county"])
    check("summary --by with an unknown grouping is a usage error", rc == 2 and "--by" in err, (rc, err))

    # Chinese first: --lang zh, or LANG=zh_*, gives Chinese headers and summary
    rc, out, err = run(["summary", SAMPLE, "--csv", "-", "--lang", "zh"])
    check("--lang zh: Chinese CSV headers", out.startswith("序号,来源文件,项目名称,主管部门"), out[:60])
    check("--lang zh: the summary in Chinese", "共 8 张表" in err and "复核等级" in err, err[:200])
    rc, out, err = run(["audit", SAMPLE, "--csv", "-"], lang="zh_CN.UTF-8")
    check("LANG=zh_CN: Chinese headers by default", out.startswith("来源文件,序号,项目名称,代码"), out[:60])
    rc, out, err = run(["audit", SAMPLE, "--csv", "-", "--lang", "en"], lang="zh_CN.UTF-8")
    check("--lang en wins over LANG", out.startswith("source,form,project_name"), out[:60])

    # the same form submitted twice is reported once per copy, naming the first
    shutil.copy(SAMPLE, os.path.join(batch, "copy.txt"))
    rc, out, err = run(["audit", os.path.join(batch, "a.txt"), os.path.join(batch, "copy.txt"), "--json", "-", "-q"])
    evaluations = json.loads(out)["evaluations"] if out.startswith("{") else []
    dups = [[fd for fd in e["findings"]["findings"] if fd["code"] == "batch.duplicate_form"] for e in evaluations]
    check("a file given twice: 8 duplicate findings, on the second copy only, naming the first",
          len(evaluations) == 16 and all(not d for d in dups[:8]) and all(len(d) == 1 for d in dups[8:])
          and dups[9][0]["evidence"]["first_form"] == "2" and dups[9][0]["evidence"]["first_source"].endswith("a.txt"),
          (rc, err, [len(d) for d in dups]))
    rc, out, err = run(["audit", SAMPLE, "--json", "-", "-q"])
    evaluations = json.loads(out)["evaluations"] if out.startswith("{") else []
    check("eight different forms have no duplicate finding",
          len(evaluations) == 8 and not any(fd["code"] == "batch.duplicate_form" for e in evaluations for fd in e["findings"]["findings"]),
          (rc, err))

    # a declaration and its self-evaluation: the planted changes are found on the self-evaluation,
    # in the JSON and in the CSV, naming the declaration's file
    plan, done = "tests/data/audit/link-declaration.json", "tests/data/audit/link-self-evaluation.json"
    rc, out, err = run(["audit", plan, done, "--json", "-", "-q"])
    evaluations = json.loads(out)["evaluations"] if out.startswith("{") else []
    links = [sorted(fd["code"] for fd in e["findings"]["findings"] if fd["code"].startswith("link.")) for e in evaluations]
    lowered = [fd for e in evaluations for fd in e["findings"]["findings"] if fd["code"] == "link.target_lowered_to_actual"]
    check("audit of a declaration and its self-evaluation: link findings on the self-evaluation",
          links == [[], ["link.indicator_added", "link.indicator_dropped", "link.target_lowered_to_actual"]]
          and lowered[0]["indicator"] == 2 and lowered[0]["evidence"]["declaration_source"].endswith("link-declaration.json"),
          (rc, err, links))
    decl_codes = [fd["code"] for fd in evaluations[0]["findings"]["findings"]] if evaluations else None
    check("a clean declaration is not audited for actuals, scores or totals", decl_codes == [], decl_codes)
    csv_out = os.path.join(work, "link.csv")
    rc, out, err = run(["audit", plan, done, "--csv", csv_out, "-q"])
    rows = read_csv(csv_out) if os.path.exists(csv_out) else []
    check("the link findings are in the CSV", sum("link.target_lowered_to_actual" in r for r in rows) == 1, (rc, err))
    rc, out, err = run(["audit", done, "--json", "-", "-q"])
    alone = json.loads(out)["evaluations"] if out.startswith("{") else []
    check("a self-evaluation without its declaration has no link finding",
          len(alone) == 1 and not any(fd["code"].startswith("link.") for fd in alone[0]["findings"]["findings"]), (rc, err))

    # an empty shell: no grade, a warning, exit 1 with --fail-on warning
    shell = os.path.join(work, "empty-shell.txt")
    with open(shell, "w", encoding="utf-8") as fh:
        fh.write("部门预算项目支出绩效自评表(2024年度)\n项目名称 只有封面的项目\n主管部门 某局\n")
    rc, out, err = run(["audit", shell, "--fail-on", "warning"])
    check("an empty shell is not scorable and fails --fail-on warning",
          rc == 1 and "not scorable" in out and "差 1" not in out, (rc, out, err))
    rc, out, err = run(["score", shell, "--json", "-", "-q"])
    card = json.loads(out)["scorecards"][0] if rc == 0 else {}
    check("an empty shell's scorecard has no grade", card.get("scorable") is False and card.get("computed_grade") == "", (rc, card))

    # import: canonical JSON in, canonical JSON out
    rc, out, err = run(["import"] + FORMS)
    imported = json.loads(out) if rc == 0 else {}
    check("import of JSON forms writes a forms document", rc == 0 and len(imported.get("forms", [])) == 8, (rc, err))

    # injection: hostile project name, department and note
    hostile = json.loads(json.dumps(forms[0]))
    hostile["project_name"] = "<script>alert(1)</script>"
    hostile["department"] = '=HYPERLINK("http://x","y")'
    hostile["indicators"][0]["name"] = "<img src=x onerror=alert(2)>"
    hostile["indicators"][1]["deviation_note"] = '=HYPERLINK("http://x","y")'
    hostile_path = os.path.join(work, "hostile.json")
    with open(hostile_path, "w", encoding="utf-8") as f:
        json.dump(hostile, f, ensure_ascii=False)
    hostile_html = os.path.join(work, "hostile.html")
    hostile_csv = os.path.join(work, "hostile.csv")
    hostile_scores = os.path.join(work, "hostile-scores.csv")
    hostile_md = os.path.join(work, "hostile.md")
    rc, out, err = run(["audit", hostile_path, "--html", hostile_html, "--csv", hostile_csv,
                        "--scores-csv", hostile_scores, "--markdown", hostile_md, "--quiet"])
    check("hostile form is audited", rc in (0, 1), (rc, err))
    with open(hostile_html, encoding="utf-8") as f:
        page = f.read()
    check("no injected <script> reaches the HTML", "<script>alert" not in page and page.count("<script>") == 1)
    check("no injected <img> reaches the HTML", "<img src=x" not in page)
    check("the hostile name is shown escaped", "&lt;script&gt;alert(1)&lt;/script&gt;" in page)
    with open(hostile_md, encoding="utf-8") as f:
        md = f.read()
    check("no injected markup reaches the Markdown", "<script>" not in md and "<img" not in md)
    for path in (hostile_csv, hostile_scores):
        cells = [c for r in read_csv(path) for c in r]
        check(f"{os.path.basename(path)}: no cell starts a formula",
              not any(c[:1] in ("=", "@", "\t", "\r") or (c[:1] in "+-" and not c[1:].replace(".", "").isdigit() and c != "")
                      for c in cells if c))
    cells = [c for r in read_csv(hostile_scores) for c in r]
    check("the HYPERLINK cell is neutralised with a quote", "'=HYPERLINK(\"http://x\",\"y\")" in cells)

    # the README's main job: the bundled sample (needs the recognizer)
    sample_html = os.path.join(work, "sample.html")
    rc, out, err = run(["audit", SAMPLE, "--html", sample_html])
    if rc == 3 and "recognizer" in err:
        print("skip audit of the text sample: the recognizer is not in this build")
    else:
        check("audit of the text sample runs", rc in (0, 1), (rc, err))
        with open(sample_html, encoding="utf-8") as f:
            page = f.read()
        check("sample report shows the eight forms", page.count('<section class="form"') == 8)
        for f in forms:
            check(f"sample report shows {f['project_name']}", f["project_name"] in page)

    kinds_checks(work)

    print(f"{len(failures)} failed" if failures else "all CLI checks passed")
    return 1 if failures else 0


def kinds_checks(work):
    """Forms of every kind: the rulebook of each kind, a declaration not scored, the units side by side."""
    kinds = sorted(glob.glob("tests/data/forms/kinds/*.json"))
    rc, out, err = run(["score", *kinds, "--json", os.path.join(work, "kinds-scores.json")])
    check("score of every kind runs", rc == 0, (rc, err))
    check("score says a declaration is not scored", "1. 教师培训项目: not scored: a declaration" in out, out)
    check("score names the rulebooks of the kinds", "department-2020" in out and "rubric-2020" in out, out)
    with open(os.path.join(work, "kinds-scores.json"), encoding="utf-8") as f:
        cards = {c["kind"]: c for c in json.load(f)["scorecards"]}
    check("department form: 98.70 under department-2020",
          cards["department_self_evaluation"]["computed_total"] == "98.70"
          and cards["department_self_evaluation"]["rulebook"]["id"] == "department-2020", cards.keys())
    check("rubric form: 83.00 from its rules", cards["rubric_evaluation"]["computed_total"] == "83.00")
    check("declaration card: not scored, no grade",
          cards["project_declaration"].get("not_scored") == "declaration"
          and cards["project_declaration"]["computed_grade"] == "")
    rc, out, err = run(["score", *kinds, "--rulebook", "mof-2020"])
    check("--rulebook scores every kind by it, the declaration still not", rc == 0 and "department-2020" not in out
          and "not scored: a declaration" in out, out)
    rc, out, err = run(["summary", *kinds, "--by", "budget_unit", "--lang", "en", "--fail-on", "none"])
    with open("tests/data/forms/kinds/expected-summary.txt", encoding="utf-8") as f:
        expected = f.read()
    check("summary --by budget_unit equals its golden output", rc == 0 and out == expected, out)
    rc, out, err = run(["summary", *kinds, "--by", "budget_unit", "--fail-on", "none"], lang="zh_CN.UTF-8")
    check("summary --by budget_unit runs", rc == 0, (rc, err))
    check("summary lists the kinds", "表类：" in out and "目标申报表不评分" in out, out)
    check("summary groups the unit's forms", "上海市示例区教育局: 4 张表" in out.replace("：", ": "), out)
    check("summary grades leave the declaration out", "复核等级： 优 2 良 1" in out, out)
    csv_path = os.path.join(work, "kinds-groups.csv")
    rc, out, err = run(["summary", *kinds, "--by", "budget_unit", "--csv", csv_path, "--fail-on", "none", "--quiet"])
    rows = read_csv(csv_path)
    header = rows[0]
    check("groups CSV has the kinds side by side", "forms_project_declaration" in header
          and rows[1][header.index("forms_project_declaration")] == "1", rows)
    csv_path = os.path.join(work, "kinds-forms.csv")
    rc, out, err = run(["summary", *kinds, "--csv", csv_path, "--fail-on", "none", "--quiet"])
    rows = read_csv(csv_path)
    header = rows[0]
    decl = [r for r in rows[1:] if r[header.index("kind")] == "project_declaration"]
    check("forms CSV: the declaration has no total and says why", len(decl) == 1
          and decl[0][header.index("computed_total")] == "" and "目标申报表不评分" in decl[0][header.index("not_scored")], rows)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""`jixiao audit` on the streaming path writes the bytes of the whole path (`--no-stream`):
JSON, findings CSV, scores CSV, HTML report, the summary and the exit code, on the sample and
its variants (the variants take the whole path either way), on a generated document of 80
forms (tests/benchmarks/make_province.py), on two copies of the sample in one batch (the
duplicate check across files) and with the JSON on stdout. The 10k-form comparison is in
tests/benchmarks/stream_benchmark.sh (too slow for ctest)."""

import argparse
import os
import shutil
import subprocess
import sys

FAILURES = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name)
    if not condition:
        FAILURES.append(name)
        if detail:
            print("     " + str(detail)[:2000])


def audit(jixiao, inputs, out_dir, extra):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    args = [jixiao, "audit", *inputs, "--json", os.path.join(out_dir, "a.json"), "--csv", os.path.join(out_dir, "a.csv"),
            "--scores-csv", os.path.join(out_dir, "s.csv"), "--html", os.path.join(out_dir, "a.html"), *extra]
    p = subprocess.run(args, capture_output=True, timeout=300, env=dict(os.environ, LANG="C.UTF-8"))
    files = {}
    for name in sorted(os.listdir(out_dir)):
        with open(os.path.join(out_dir, name), "rb") as f:
            files[name] = f.read()
    return p.returncode, p.stdout, p.stderr, files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    samples = "tests/data/samples"
    generated = os.path.join(a.work, "province-80.txt")
    subprocess.run([sys.executable, "tests/benchmarks/make_province.py", "80", generated], check=True, capture_output=True)
    cases = {name: [os.path.join(samples, name)] for name in sorted(os.listdir(samples))
             if name.startswith("songjiang-2023.") and not name.endswith(".py")}
    cases["province-80"] = [generated]
    copy = os.path.join(a.work, "copy.txt")
    shutil.copyfile(os.path.join(samples, "songjiang-2023.txt"), copy)
    cases["sample twice"] = [os.path.join(samples, "songjiang-2023.txt"), copy, generated]
    for name, inputs in cases.items():
        for extra in ([], ["--jobs", "1"], ["--lang", "zh"]):
            s = audit(a.jixiao, inputs, os.path.join(a.work, "stream"), extra)
            w = audit(a.jixiao, inputs, os.path.join(a.work, "whole"), extra + ["--no-stream"])
            check(f"{name} {' '.join(extra)}: same files", s[3] == w[3] and len(s[3]) == 4,
                  [k for k in s[3] if s[3].get(k) != w[3].get(k)])
            check(f"{name} {' '.join(extra)}: same summary and exit code", s[:3] == w[:3], (s[:3], w[:3]))
    # The generated document: forms and findings really are there (the comparison is not of empty files).
    _, _, _, files = audit(a.jixiao, [generated], os.path.join(a.work, "stream"), [])
    check("province-80: 80 forms in the JSON", files["a.json"].count(b'"project_name": "') >= 80
          and b'"forms": 80' in files["a.json"], files["a.json"][:300])
    check("province-80: findings in the CSV", files["a.csv"].count(b"\r\n") > 80)
    _, _, _, files = audit(a.jixiao, cases["sample twice"], os.path.join(a.work, "stream"), [])
    check("sample twice: the copies are flagged", files["a.csv"].count(b",batch.duplicate_form,") == 8,
          files["a.csv"].count(b",batch.duplicate_form,"))
    # JSON on stdout.
    p1 = subprocess.run([a.jixiao, "audit", generated, "--json", "-", "--fail-on", "none"], capture_output=True, timeout=300)
    p2 = subprocess.run([a.jixiao, "audit", generated, "--json", "-", "--fail-on", "none", "--no-stream"],
                        capture_output=True, timeout=300)
    check("JSON on stdout: same bytes", p1.stdout == p2.stdout and p1.stderr == p2.stderr and len(p1.stdout) > 1000)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

"""One numbering, one meaning: the CLI's CSV and the Python frames number forms and indicators
alike (from 1), give the same reported grade, and NA (not '') for what is missing."""

import csv
import io
import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import jixiao

CLI = Path(os.environ.get("JIXIAO_BINARY_DIR", "")) / "src" / "cli" / "jixiao"


def cli_csv(*args):
    if not CLI.is_file():
        pytest.skip("the jixiao command is not built beside the module")
    out = subprocess.run([str(CLI), *args, "--csv", "-", "-q", "--no-bom", "--lang", "en"], capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr.decode()
    return list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))


def test_findings_csv_and_findings_frame_agree_row_by_row(sample_path):
    rows = cli_csv("audit", str(sample_path))
    frame = jixiao.findings_frame(jixiao.evaluate_batch(jixiao.read(sample_path)))
    assert len(rows) == len(frame) > 0
    for row, (_, f) in zip(rows, frame.iterrows()):
        assert int(row["form"]) == f["form"]
        assert row["code"] == f["code"]
        assert (row["indicator"] or None) == (None if pd.isna(f["indicator"]) else str(f["indicator"]))
        assert row["message_zh"] == f["message_zh"]


def test_scores_csv_and_scorecards_frame_number_indicators_alike(sample_path):
    rows = cli_csv("score", str(sample_path))
    frame = jixiao.scorecards_frame(jixiao.evaluate_batch(jixiao.read(sample_path)))
    assert len(rows) == len(frame) > 0
    for row, (_, f) in zip(rows, frame.iterrows()):
        assert int(row["form"]) == f["form"]
        shown = "execution" if pd.isna(f["indicator"]) else str(f["indicator"])
        assert row["line"] == shown
        assert row["indicator"] == f["name"]


def test_portfolio_csv_and_portfolio_frame_give_the_same_grades(sample_path):
    rows = cli_csv("summary", str(sample_path))
    frame = jixiao.portfolio_frame(jixiao.evaluate_batch(jixiao.read(sample_path)))
    p = jixiao.portfolio(jixiao.read(sample_path))
    assert len(rows) == len(frame) == 8
    for row, (_, f), entry in zip(rows, frame.iterrows(), p.entries):
        assert int(row["form"]) == f["form"]
        assert row["reported_grade"] == f["reported_grade"] == entry["reported_grade"] == "优"
        assert row["computed_grade"] == f["computed_grade"]


def test_a_missing_grade_is_na_not_an_empty_string():
    shell = jixiao.read_text("部门预算项目支出绩效自评表(2024年度)\n项目名称 只有封面的项目\n主管部门 某局\n").forms
    frame = jixiao.portfolio_frame(shell)
    assert frame["computed_grade"].isna().all()
    assert frame["reported_grade"].isna().all()
    assert jixiao.forms_frame(shell)["reported_grade"].isna().all()

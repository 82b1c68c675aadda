"""Batches that finish (issue: trust at the edges): many files read, the unreadable ones listed,
a form submitted twice reported, and what `read` accepts."""

import io
import shutil

import pytest

import jixiao


@pytest.fixture()
def folder(tmp_path, sample_path):
    """A folder with the sample, a file without a form and a broken workbook."""
    shutil.copy(sample_path, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text("会议纪要\n\n出席人员\n", encoding="utf-8")
    (tmp_path / "c.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    return tmp_path


def test_read_many_reads_every_readable_file_and_lists_the_others(folder):
    batch = jixiao.read_many(folder)
    assert len(batch.forms) == 8
    assert [name.rsplit("/", 1)[-1] for name, _ in batch.files_not_read] == ["b.txt", "c.xlsx"]
    reasons = dict(batch.files_not_read)
    assert "no form found" in reasons[str(folder / "b.txt")]
    assert "c.xlsx" in reasons[str(folder / "c.xlsx")]
    forms, reports = batch
    assert len(forms) == 8 and len(reports) == 1
    assert all(s.endswith("a.txt") for s in batch.sources)


def test_read_many_fail_fast_raises_on_the_first_bad_file(folder):
    with pytest.raises(jixiao.ParseError, match="b.txt"):
        jixiao.read_many([folder / "b.txt", folder / "a.txt"], fail_fast=True)


def test_read_many_progress_callback_sees_every_file(folder):
    seen = []
    jixiao.read_many(str(folder / "*"), progress=lambda done, total, source: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_the_portfolio_of_a_batch_lists_the_files_not_read(folder):
    batch = jixiao.read_many(folder)
    p = jixiao.portfolio(batch)
    assert p.forms == 8
    assert [s.rsplit("/", 1)[-1] for s, _ in p.files_not_read] == ["b.txt", "c.xlsx"]
    page = jixiao.report_html(jixiao.evaluate_batch(batch), files_not_read=batch.files_not_read)
    assert 'id="files-not-read"' in page and "c.xlsx" in page


def test_a_form_submitted_twice_is_reported_on_the_second_copy(folder, sample_path):
    shutil.copy(sample_path, folder / "copy.txt")
    evaluations = jixiao.evaluate_batch(jixiao.read_many([folder / "a.txt", folder / "copy.txt"]))
    assert len(evaluations) == 16
    dups = [[f for f in e.findings if f.code == "batch.duplicate_form"] for e in evaluations]
    assert all(not d for d in dups[:8])
    assert all(len(d) == 1 for d in dups[8:])
    assert dict(dups[10][0].evidence)["first_form"] == "3"
    assert "a.txt" in dups[10][0].message_en and "form 3" in dups[10][0].message_en


def test_different_forms_are_not_duplicates(sample):
    assert not any(f.code == "batch.duplicate_form" for e in jixiao.evaluate_batch(sample) for f in e.findings)


def test_read_takes_paths_file_objects_lists_and_folders(folder, sample_path):
    assert len(jixiao.read(sample_path).forms) == 8
    assert len(jixiao.read(str(sample_path)).forms) == 8
    with open(sample_path, "rb") as fh:
        result = jixiao.read(fh)
    assert len(result.forms) == 8 and result.report.source == "songjiang-2023.txt"
    text = sample_path.read_text(encoding="utf-8")
    assert len(jixiao.read(io.StringIO(text)).forms) == 8
    assert isinstance(jixiao.read([sample_path, sample_path]), jixiao.ReadBatch)
    assert len(jixiao.read(folder).forms) == 8


def test_a_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        jixiao.read(tmp_path / "missing.txt")


def test_dir_shows_only_the_api():
    names = dir(jixiao)
    assert "read_many" in names and "evaluate_batch" in names
    assert not {"Any", "List", "Optional", "Union"} & set(names)


def test_a_broken_workbook_through_openpyxl_is_a_document_error_naming_the_file(folder):
    pytest.importorskip("openpyxl")
    with pytest.raises(jixiao.DocumentError, match="c.xlsx") as info:
        jixiao.read_excel(folder / "c.xlsx", sheets=[0])
    assert isinstance(info.value, jixiao.ParseError) and info.value.code == "corrupt_file"
    with pytest.raises(FileNotFoundError):
        jixiao.read_excel(folder / "missing.xlsx", sheets=[0])
    with pytest.raises(jixiao.DocumentError, match="c.xlsx"):
        jixiao.read_excel(folder / "c.xlsx")  # the C++ reader


def test_summary_by_department_and_grade(sample):
    frame = jixiao.summary_by(sample, "主管部门")
    assert list(frame["forms"]) == [8] and frame["key"].iloc[0] == "上海市松江区财政局"
    assert frame["budget_sum"].iloc[0] == jixiao.portfolio(sample).budget_sum
    by_grade = jixiao.summary_by(jixiao.evaluate_batch(sample), "grade")
    assert list(by_grade["key"].fillna("")) == ["优", "良", "中", "差", ""]
    assert by_grade["forms"].sum() == 8
    p = jixiao.portfolio(sample, by="file")
    assert p.grouped_by == "file" and p.groups[0]["forms"] == 8
    assert 'id="groups"' in jixiao.report_html(jixiao.evaluate_batch(sample), by="unit")
    with pytest.raises(ValueError):
        jixiao.portfolio(sample, by="county")


def test_evaluate_batch_with_progress_gives_the_same_result_and_flags_duplicates_across_chunks(sample):
    forms = list(sample.forms) * 2  # the second half repeats the first
    seen = []
    chunked = jixiao.evaluate_batch(forms, progress=lambda done, total: seen.append((done, total)), chunk=3)
    whole = jixiao.evaluate_batch(forms)
    assert chunked == whole
    assert seen[-1] == (16, 16) and len(seen) == 6
    assert sum(f.code == "batch.duplicate_form" for e in chunked for f in e.findings) == 8

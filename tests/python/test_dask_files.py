"""A folder of files on a Dask cluster (issue 22): `jixiao.dask.portfolio_of_files` reads,
scores and audits on two worker processes of a distributed.LocalCluster and gives the frame
of the single-process run, row for row. The folder holds what makes a batch more than its
parts: the same form in two files (batch.duplicate_form across partitions), a declaration and
its self-evaluation in two files (link.* across partitions), a department form, and a file in
which no form can be read."""

import shutil

import pytest

import jixiao
from conftest import DATA_DIR, SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "songjiang-2023.txt"

pd = pytest.importorskip("pandas")
pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("province")
    shutil.copy(SAMPLE, d / "a-sample.txt")
    shutil.copy(SAMPLE, d / "b-sample-again.txt")  # every form a duplicate of one in a-sample.txt
    forms = jixiao.read(SAMPLE).forms
    for f in forms[:3]:
        f.project_name += "（变体）"
    (d / "c-variants.json").write_text(jixiao.write_json(forms[:3]), encoding="utf-8")
    shutil.copy(DATA_DIR / "audit" / "link-declaration.json", d / "d-declaration.json")
    shutil.copy(DATA_DIR / "audit" / "link-self-evaluation.json", d / "e-self-evaluation.json")
    shutil.copy(DATA_DIR / "import" / "families" / "department-tsv.txt", d / "f-department.txt")
    (d / "g-not-a-form.txt").write_text("这不是一张表\n", encoding="utf-8")
    return d


def single_process(folder):
    batch = jixiao.read_many(folder)
    frame = jixiao.portfolio_frame(jixiao.evaluate_batch(batch))
    return frame, list(batch.files_not_read)


def test_the_frame_of_a_cluster_is_the_frame_of_one_process(folder):
    want, want_unread = single_process(folder)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        got, unread = jixiao.dask.portfolio_of_files(folder, client=client)
        assert len(client.scheduler_info()["workers"]) == 2
    pd.testing.assert_frame_equal(got, want)
    assert unread == want_unread and len(unread) == 1
    # What only the whole batch shows came out across the partitions (one file each).
    codes = {f.code for e in jixiao.evaluate_batch(jixiao.read_many(folder)) for f in e.findings}
    assert "batch.duplicate_form" in codes
    assert any(c.startswith("link.") for c in codes)
    assert (got["source"].str.endswith("b-sample-again.txt") & (got["trust"] != "trusted")).any()


def test_partitions_of_several_files_give_the_same_frame(folder):
    want, _ = single_process(folder)
    got, _ = jixiao.dask.portfolio_of_files(folder, npartitions=3)  # Dask's local scheduler
    pd.testing.assert_frame_equal(got, want)


def test_a_folder_without_forms_gives_an_empty_frame_and_says_why(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    got, unread = jixiao.dask.portfolio_of_files(tmp_path)
    assert got.shape[0] == 0
    assert unread == list(jixiao.read_many(tmp_path).files_not_read) and len(unread) == 1

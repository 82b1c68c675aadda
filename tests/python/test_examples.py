"""The examples run: the analyst notebook executed headlessly (any cell error fails), and the
Dask example at small scale on a LocalCluster."""

import json
import os
import sys
from decimal import Decimal

import pytest

import jixiao
from conftest import EXAMPLES_DIR, SOURCE_DIR


def test_analyst_notebook_runs_without_errors(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    # A kernel spec that runs this very interpreter (and so imports this very jixiao).
    spec_dir = tmp_path / "jupyter" / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (jixiao tests)", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JIXIAO_SOURCE_DIR", str(SOURCE_DIR))
    package_parent = os.path.dirname(os.path.dirname(jixiao.__file__))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([package_parent, os.environ.get("PYTHONPATH", "")]))

    nb = nbformat.read(EXAMPLES_DIR / "analyst_tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False,
                                     resources={"metadata": {"path": str(EXAMPLES_DIR)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("三级指标" in h for h in html)  # the form in its official layout
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart


def test_dask_example_at_small_scale(monkeypatch):
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    sys.path.insert(0, str(EXAMPLES_DIR))
    try:
        import dask_portfolio
    finally:
        sys.path.pop(0)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        rows, by_code = dask_portfolio.run(200, 4, client)
    assert len(rows) == 200
    assert list(rows["key"]) == list(range(200))
    assert all(isinstance(x, Decimal) for x in rows["computed_total"])
    assert by_code.sum() > 0
    # Same numbers as scoring the same forms here, without Dask.
    seeds = jixiao.read(dask_portfolio.SAMPLE).forms
    local = [dask_portfolio.vary(seeds[k % len(seeds)], k) for k in range(200)]
    assert list(rows["computed_total"]) == [c.computed_total for c in jixiao.score_batch(local)]


def test_dask_helpers_on_plain_lists(forms):
    pytest.importorskip("dask")
    frame = jixiao.dask.evaluate_partition(list(enumerate(forms)))
    assert list(frame["key"]) == list(range(len(forms)))
    assert frame.shape[0] == len(forms)
    assert jixiao.dask.evaluate_partition([]).shape[0] == 0

"""Shared fixtures of the Python tests: paths into the source tree and the bundled sample."""

import os
import sys
from pathlib import Path

import tempfile

# Hypothesis keeps a cache directory; keep it out of the source tree.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "jixiao-hypothesis"))

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# No example database in the source tree; the same examples every run (bounded time in CI).
settings.register_profile("jixiao", database=None, derandomize=True)
settings.load_profile("jixiao")

SOURCE_DIR = Path(os.environ.get("JIXIAO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
DATA_DIR = SOURCE_DIR / "tests" / "data"
SAMPLES_DIR = DATA_DIR / "samples"
EXAMPLES_DIR = SOURCE_DIR / "examples"

import jixiao  # noqa: E402  (after the paths, so a failure to import is reported plainly)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLES_DIR / "songjiang-2023.txt"


@pytest.fixture(scope="session")
def sample(sample_path):
    """The eight forms of the bundled sample and their import report."""
    return jixiao.read(sample_path)


@pytest.fixture(scope="session")
def forms(sample):
    return list(sample.forms)


@pytest.fixture(scope="session")
def canonical_forms():
    """The hand-checked canonical JSON forms of tests/data/forms."""
    return [jixiao.Form.from_json(p.read_text(encoding="utf-8"))
            for p in sorted((DATA_DIR / "forms").glob("*.json"))]


@pytest.fixture(scope="session")
def book():
    return jixiao.resolve_rulebook("mof-2020")


def python_env() -> dict:
    """Environment for a child interpreter that must import the same jixiao."""
    env = dict(os.environ)
    package_parent = str(Path(jixiao.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([package_parent] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env["JIXIAO_SOURCE_DIR"] = str(SOURCE_DIR)
    return env


PYTHON = sys.executable

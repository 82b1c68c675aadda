"""The build backend of the Python package: setuptools, when the build can see it.

jixiao builds offline from Debian's packages (python3-setuptools, python3-wheel, pybind11-dev,
...): nothing can be downloaded, because PyPI is not reachable on the machines it targets. A
plain ``pip install .`` builds in an isolated environment, which sees no Debian package and
would ask PyPI for setuptools ("No matching distribution found for setuptools>=61"). This
backend requires nothing, so pip asks PyPI for nothing; it then hands every hook to
``setuptools.build_meta`` when setuptools is importable, and otherwise stops with the command
that works.
"""

from __future__ import annotations

FIX = (
    "jixiao builds offline against Debian's packages, which an isolated build cannot see.\n"
    "  Do this instead (it makes a venv that sees them, builds and checks the package):\n"
    "      scripts/install-python.sh [VENV]        (default VENV: ~/venvs/jixiao)\n"
    "  or, in a venv made with `/usr/bin/python3 -m venv --system-site-packages VENV`:\n"
    "      VENV/bin/python -m pip install --no-build-isolation --no-index .\n"
    "  Missing packages? `sudo scripts/install-deps.sh` installs python3-setuptools, python3-wheel,\n"
    "  pybind11-dev and the rest with apt-get."
)


def _setuptools():
    try:
        from setuptools import build_meta  # noqa: PLC0415
    except ImportError as e:  # an isolated build, or a venv without the Debian packages
        raise RuntimeError(f"setuptools is not available to this build ({e}).\n{FIX}") from None
    try:
        import wheel  # noqa: F401, PLC0415  (bdist_wheel)
    except ImportError:
        raise RuntimeError("the `wheel` package is not available to this build (invalid command 'bdist_wheel').\n"
                           + FIX) from None
    return build_meta


def get_requires_for_build_wheel(config_settings=None):
    return _setuptools().get_requires_for_build_wheel(config_settings)


def get_requires_for_build_sdist(config_settings=None):
    return _setuptools().get_requires_for_build_sdist(config_settings)


def get_requires_for_build_editable(config_settings=None):
    return _setuptools().get_requires_for_build_editable(config_settings)


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _setuptools().prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return _setuptools().prepare_metadata_for_build_editable(metadata_directory, config_settings)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _setuptools().build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _setuptools().build_editable(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    return _setuptools().build_sdist(sdist_directory, config_settings)

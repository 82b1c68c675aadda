"""Build of the Python package: setuptools runs CMake to build the compiled core.

`pip install --no-build-isolation .` builds the extension `jixiao._core` with CMake (Release,
library + module only) straight into the wheel's build directory; an editable install
(`pip install --no-build-isolation -e .`) builds it into bindings/python/jixiao/ so that the
source tree is the package. Environment knobs: JIXIAO_CMAKE_ARGS (extra -D options),
JIXIAO_BUILD_TYPE (default Release), CMAKE_BUILD_PARALLEL_LEVEL (default 2).
All build dependencies are Debian packages (cmake, ninja-build, g++, pybind11-dev,
libboost-dev, nlohmann-json3-dev); nothing is downloaded.
"""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    """An extension built by CMake (no sources of its own for setuptools)."""

    def __init__(self, name: str, target: str):
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    """Configures and builds the CMake target of each CMakeExtension."""

    def build_extension(self, ext):
        if not isinstance(ext, CMakeExtension):
            return super().build_extension(ext)
        out_file = Path(self.get_ext_fullpath(ext.name)).resolve()
        package_root = out_file.parent.parent  # <dir>/jixiao/_core... -> <dir>
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        config = os.environ.get("JIXIAO_BUILD_TYPE", "Release")
        args = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir), *generator,
            f"-DCMAKE_BUILD_TYPE={config}",
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DJIXIAO_BUILD_PYTHON=ON", "-DJIXIAO_BUILD_TESTS=OFF", "-DJIXIAO_BUILD_CLI=OFF",
            "-DJIXIAO_BUILD_DOCS=OFF", "-DJIXIAO_BUILD_BENCHMARKS=OFF", "-DJIXIAO_BUILD_EXAMPLES=OFF",
            f"-DJIXIAO_PYTHON_OUTPUT_DIR={package_root}",
            # setuptools copies the pure-Python files itself (or, editable, they are in place).
            "-DJIXIAO_PYTHON_COPY_PACKAGE=OFF",
        ]
        args += shlex.split(os.environ.get("JIXIAO_CMAKE_ARGS", ""))
        subprocess.check_call(args)
        env = dict(os.environ)
        env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", ext.target], env=env)
        built = list((package_root / "jixiao").glob("_core*" + Path(out_file).suffix))
        if not built:
            raise RuntimeError(f"CMake did not produce jixiao/_core in {package_root}")
        if built[0].resolve() != out_file:
            shutil.copy2(built[0], out_file)


setup(
    ext_modules=[CMakeExtension("jixiao._core", target="jixiao_python")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)

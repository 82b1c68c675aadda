#!/usr/bin/env bash
# Installs what is needed, builds once, and runs every test: C++ (GoogleTest), the header and
# install checks, Doxygen with warnings as errors, and the Python tests (pytest with Debian's
# /usr/bin/python3). .ci/run calls exactly this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs=$(nproc 2>/dev/null || echo 2)

bash scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"

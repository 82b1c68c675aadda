#!/usr/bin/env bash
# Installs the Python package into a virtual environment, offline, from Debian's packages:
#   scripts/install-python.sh [VENV]      (default: ~/venvs/jixiao)
# Makes VENV with Debian's /usr/bin/python3 and --system-site-packages (so that it sees
# python3-pandas, python3-setuptools, ...), builds the C++ core with CMake (Release; about two
# minutes on two cores) and imports the package to check it. Every step says what it does; a
# missing piece stops with the command that installs it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv=${1:-$HOME/venvs/jixiao}
py=/usr/bin/python3
step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\njixiao: %s\n' "$*" >&2; exit 1; }

step "checking Debian's interpreter and build packages"
[ -x "$py" ] || fail "$py not found: jixiao's Python package builds with Debian's interpreter (apt-get install python3)"
missing=()
"$py" -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
"$py" -c "import setuptools" 2>/dev/null || missing+=(python3-setuptools)
"$py" -c "import wheel" 2>/dev/null || missing+=(python3-wheel)
"$py" -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)
[ -f /usr/include/pybind11/pybind11.h ] || [ -d /usr/lib/cmake/pybind11 ] || missing+=(pybind11-dev)
[ -f /usr/include/nlohmann/json.hpp ] || missing+=(nlohmann-json3-dev)
[ -d /usr/include/boost/multiprecision ] || missing+=(libboost-dev)
if [ ${#missing[@]} -gt 0 ]; then
    fail "missing: ${missing[*]}. Install them with: sudo scripts/install-deps.sh (or: sudo apt-get install ${missing[*]})"
fi
echo "ok: $("$py" --version), cmake $(cmake --version | head -1 | awk '{print $3}')"

step "making the virtual environment $venv (--system-site-packages: it sees Debian's python3-* packages)"
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv --system-site-packages "$venv" || fail "could not make $venv (is python3-venv installed?)"
fi
"$venv/bin/python" -c "import sys; assert sys.version_info[:2] == $("$py" -c 'import sys; print(tuple(sys.version_info[:2]))')" \
    || fail "$venv was made by another interpreter: remove it or name another VENV"

step "building the C++ core and installing jixiao (CMake, Release: about two minutes on two cores)"
start=$(date +%s)
"$venv/bin/python" -m pip install --no-build-isolation --no-index -v . 2>&1 \
    | grep --line-buffered -E '^ *\[[0-9]+/[0-9]+\]|Successfully|ERROR|error:|RuntimeError' || true
"$venv/bin/python" -c "import jixiao" 2>/dev/null || fail "the build failed: run '$venv/bin/python -m pip install --no-build-isolation --no-index -v .' to see why"
echo "built in $(( $(date +%s) - start )) s"

step "checking the package"
"$venv/bin/python" -c "
import jixiao
forms, report = jixiao.read('tests/data/samples/songjiang-2023.txt')
print(f'jixiao {jixiao.__version__}: {len(forms)} sample forms read, mean total', jixiao.portfolio(forms).computed_total_mean)
"
printf '\ndone. Use it with: %s/bin/python  (or: source %s/bin/activate)\n' "$venv" "$venv"

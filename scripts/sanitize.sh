#!/usr/bin/env bash
# Sanitizer runs of the C++ code:
#   1. the `sanitize` preset (GCC, Debug, ASan + UBSan, no recovery): builds jixiao_tests and
#      runs the whole C++ test suite (every tests/cpp/<stage>/*_test.cpp) in one process, plus the
#      header self-containment check;
#   2. ThreadSanitizer: the library built with -fsanitize=thread and the small program
#      tests/tsan/concurrent_scoring.cpp (many threads scoring shared forms with one rulebook).
# Fails on any sanitizer report or test failure. Prints the time of each step.
#
# Environment: BUILD_DIR (default build/sanitize), TSAN_BUILD_DIR (default build/tsan),
# JOBS (default 2), TSAN_THREADS (default 8), TSAN_ROUNDS (default 5), SKIP_TSAN=1, SKIP_ASAN=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${BUILD_DIR:-build/sanitize}
tsan_build=${TSAN_BUILD_DIR:-build/tsan}
jobs=${JOBS:-2}
t0=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - t0 ))s so far)"; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [[ -z ${SKIP_ASAN:-} ]]; then
    step "ASan + UBSan: configure and build ($build)"
    cmake --preset sanitize -B "$build" >/dev/null
    cmake --build "$build" -j "$jobs" --target jixiao_tests jixiao_header_check
    step "ASan + UBSan: C++ test suite"
    "$build/tests/jixiao_tests" --gtest_brief=1
    asan_done=$(date +%s)
    echo "ASan + UBSan: clean ($(( asan_done - t0 ))s)"
fi

if [[ -z ${SKIP_TSAN:-} ]]; then
    t1=$(date +%s)
    step "TSan: build the library ($tsan_build)"
    cmake -S . -B "$tsan_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
        -DJIXIAO_BUILD_TESTS=OFF -DJIXIAO_BUILD_CLI=OFF -DJIXIAO_BUILD_PYTHON=OFF \
        -DJIXIAO_BUILD_EXAMPLES=OFF -DJIXIAO_BUILD_BENCHMARKS=OFF -DJIXIAO_BUILD_DOCS=OFF >/dev/null
    cmake --build "$tsan_build" -j "$jobs" --target jixiao
    ${CXX:-g++} -std=c++20 -O1 -g -fsanitize=thread -fno-omit-frame-pointer -Iinclude \
        tests/tsan/concurrent_scoring.cpp "$tsan_build/libjixiao.a" -o "$tsan_build/concurrent_scoring"
    step "TSan: concurrent scoring"
    TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} \
        "$tsan_build/concurrent_scoring" tests/data/forms "${TSAN_THREADS:-8}" "${TSAN_ROUNDS:-5}"
    echo "TSan: clean ($(( $(date +%s) - t1 ))s)"
fi
echo "== sanitize.sh: all clean in $(( $(date +%s) - t0 ))s"

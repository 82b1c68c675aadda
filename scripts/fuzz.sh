#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang++-14, ASan + UBSan) once and runs each
# for a bounded time with its seed corpus and dictionary; fails if any target finds a crash, a
# leak, undefined behaviour, a broken invariant, a timeout or an out-of-memory. Prints a summary.
#
#   scripts/fuzz.sh                       every target, FUZZ_SECONDS (default 20) each
#   FUZZ_SECONDS=300 scripts/fuzz.sh grid import   chosen targets, longer
#
# Environment: FUZZ_SECONDS (per target, default 20), BUILD_DIR (default build/fuzz),
# JOBS (build parallelism, default 2), FUZZ_ARGS (extra libFuzzer flags).
# New inputs go to $BUILD_DIR/fuzz-corpus/<target>/ (kept between runs); crashing inputs to
# $BUILD_DIR/fuzz-artifacts/. Reproduce one with: $BUILD_DIR/tests/fuzz/fuzz_<target> <file>.
# docs/robustness.md describes the targets, limits and what was found.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-20}
build=${BUILD_DIR:-build/fuzz}
jobs=${JOBS:-2}
all_targets=(decimal value grid import json rulebook office)
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

command -v clang++-14 >/dev/null || { echo "fuzz.sh: clang++-14 is needed (Debian: clang-14 libclang-rt-14-dev)" >&2; exit 2; }

start=$(date +%s)
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j "$jobs" --target fuzzers
built=$(date +%s)
# fuzz_pdf exists when the PDF reader jixiao::pdf is built (poppler installed).
if [[ $# -eq 0 && -x "$build/tests/fuzz/fuzz_pdf" ]]; then targets+=(pdf); fi

# Seeds: the small corpus in tests/fuzz/corpus/<target>/ plus test data read in place.
seeds_for() {
    case "$1" in
        decimal|value|grid|office) echo "tests/fuzz/corpus/$1" ;;
        import) echo "tests/data/samples tests/data/import tests/data/grid" ;;
        json) echo "tests/data/forms" ;;
        rulebook) echo "tests/data/rulebooks data/rulebooks" ;;
        pdf) echo "tests/fuzz/corpus/pdf" ;;
    esac
}
max_len_for() {
    case "$1" in
        decimal) echo 256 ;;
        value) echo 1024 ;;
        rulebook|import) echo 16384 ;;
        pdf) echo 262144 ;;
        office) echo 131072 ;;
        *) echo 65536 ;;
    esac
}

mkdir -p "$build/fuzz-artifacts" "$build/fuzz-logs"
summary=()
failed=0
for t in "${targets[@]}"; do
    exe="$build/tests/fuzz/fuzz_$t"
    [[ -x $exe ]] || { echo "fuzz.sh: no target fuzz_$t" >&2; exit 2; }
    work="$build/fuzz-corpus/$t"
    mkdir -p "$work"
    seeds=()
    for d in $(seeds_for "$t"); do [[ -d $d ]] && seeds+=("$d"); done
    log="$build/fuzz-logs/$t.log"
    echo "== fuzz_$t: ${seconds}s (log: $log)"
    set +e
    # -jobs is not used: one process per target (the machines have 2 shared cores).
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/fuzz/lsan.supp} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$exe" "$work" "${seeds[@]}" \
        -dict="tests/fuzz/dict/$t.dict" -max_total_time="$seconds" -max_len="$(max_len_for "$t")" \
        -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$t-" ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    set -e
    runs=$( (grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1) || true)
    cov=$( (grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*') || true)
    corpus=$(find "$work" -type f | wc -l)
    if [[ $rc -eq 0 ]]; then status=ok; else status="FAILED (exit $rc)"; failed=1; fi
    summary+=("$(printf '%-10s %8ss %12s runs %7s edges %6s new inputs  %s' "$t" "$seconds" "${runs:-?}" "${cov:-?}" "$corpus" "$status")")
    if [[ $rc -ne 0 ]]; then
        grep -E 'ERROR|SUMMARY|invariant|runtime error|Test unit written' "$log" | head -20 || true
    fi
done
end=$(date +%s)

echo
echo "== fuzz summary (build $((built - start))s, fuzzing $((end - built))s)"
printf '%s\n' "${summary[@]}"
ls "$build"/fuzz-artifacts/ 2>/dev/null | sed 's/^/artifact: /' || true
exit $failed

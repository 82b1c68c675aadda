#!/usr/bin/env bash
# Province-scale benchmark of the streaming path (issue 22; not a ctest test: timings on a shared
# machine are noisy). For each size N (forms) it generates a tab-separated document
# (make_province.py: the sample's eight forms repeated, names and executed amounts varied), then
# measures with /usr/bin/time -v (wall time, peak RSS):
#   audit-none   jixiao audit DOC --quiet                       (import + score + audit, no output)
#   audit-all    jixiao audit DOC --json --csv --html --quiet   (outputs to OUT, or /dev/null)
#   python-iter  sum(1 for e in jixiao.evaluate_iter(DOC))      (the Python iterator)
# and prints forms/s, MB/s (of input) and peak RSS as a Markdown table (docs/performance.md).
# With IDENTITY=1 it also runs `audit --no-stream` on the sizes up to 10,000 forms and checks
# that both paths write the same bytes (cmp).
#
# Usage: tests/benchmarks/stream_benchmark.sh BUILD_DIR WORK_DIR [N ...]   (default N: 10000 100000 400000)
#   OUT=/dev/null   write the outputs of audit-all there (the JSON and HTML still pass through
#                   temporary files: about 85 KB per form of disk in TMPDIR)
set -euo pipefail
build=${1:?build dir}; work=${2:?work dir}; shift 2
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 400000)
root=$(cd "$(dirname "$0")/../.." && pwd)
jixiao="$build/src/cli/jixiao"
py=/usr/bin/python3
mkdir -p "$work"
out=${OUT:-$work/out}

measure() {  # name doc forms cmd...
    local name=$1 doc=$2 forms=$3; shift 3
    local t="$work/time.txt"
    /usr/bin/time -v "$@" > /dev/null 2> "$t" || { echo "$name failed:"; tail -5 "$t"; return 1; }
    local wall rss bytes
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$t")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t")
    bytes=$(stat -c %s "$doc")
    awk -v n="$name" -v f="$forms" -v w="$wall" -v r="$rss" -v b="$bytes" \
        'BEGIN {printf "| %s | %d | %.0f | %.1f | %.0f | %.1f | %.1f |\n", n, f, b/1e6, w, f/w, b/1e6/w, r/1024}'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | forms | MB | s | forms/s | MB/s | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    doc="$work/province-$n.txt"
    [ -f "$doc" ] || "$py" "$root/tests/benchmarks/make_province.py" "$n" "$doc" > /dev/null
    measure audit-none "$doc" "$n" "$jixiao" audit "$doc" --quiet --fail-on none
    if [ "$out" = /dev/null ]; then
        measure audit-all "$doc" "$n" "$jixiao" audit "$doc" --json /dev/null --csv /dev/null --html /dev/null --quiet --fail-on none
    else
        mkdir -p "$out"
        measure audit-all "$doc" "$n" "$jixiao" audit "$doc" --json "$out/a.json" --csv "$out/a.csv" --html "$out/a.html" --quiet --fail-on none
    fi
    measure python-iter "$doc" "$n" env PYTHONPATH="$build/python" "$py" -c \
        "import sys, jixiao; print(sum(1 for e in jixiao.evaluate_iter(sys.argv[1], threads=0)))" "$doc"
    if [ "${IDENTITY:-0}" = 1 ] && [ "$n" -le 10000 ] && [ "$out" != /dev/null ]; then
        mkdir -p "$out/whole"
        "$jixiao" audit "$doc" --json "$out/whole/a.json" --csv "$out/whole/a.csv" --html "$out/whole/a.html" --quiet --fail-on none --no-stream
        for f in a.json a.csv a.html; do cmp "$out/$f" "$out/whole/$f"; done
        echo "identity: $n forms: streaming and --no-stream outputs are byte-identical"
    fi
done

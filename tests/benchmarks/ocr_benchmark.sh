#!/usr/bin/env bash
# OCR at sample size (not a timed test): every page of the sample printed by LibreOffice Calc,
# rendered clean at 200 and 300 dpi and damaged (turned 1-2 degrees, a red stamp, blur, JPEG 40)
# at 200 and 300 dpi (tests/ocr/make_scans.py --full), each read by `jixiao import`; prints the
# share of numeric cells and indicator names read exactly (tests/ocr/ocr_compare.py), how many
# wrong figures the import marked, pages per second and peak RSS. docs/performance.md quotes it.
#   usage: tests/benchmarks/ocr_benchmark.sh [BUILD_DIR]   (default build/dev; needs the office
#          fixture: ctest --preset dev -L office, or tests/office/make_published.py)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/dev}
jixiao="$build/src/cli/jixiao"
published="$build/tests/office/published"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -f "$published/published.xlsx.pdf" ]] || /usr/bin/python3 tests/office/make_published.py "$published"
/usr/bin/python3 tests/ocr/make_scans.py "$published" "$work/scans" --full
"$jixiao" import tests/data/samples/songjiang-2023.txt -o "$work/gold.json" -q
pages=$(pdfinfo "$published/published.xlsx.pdf" | awk '/^Pages:/ {print $2}')
printf '%-14s %6s %8s %9s %10s  %s\n' file pages seconds pages/s "peak RSS" "accuracy"
for f in clean-300.tif clean-200.tif noisy-300.tif noisy-200.tif; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$jixiao" import "$work/scans/$f" -o "$work/ocr.json" --report "$work/rep.json" -q
    read -r secs kb < "$work/time"
    acc=$(/usr/bin/python3 tests/ocr/ocr_compare.py "$work/gold.json" "$work/ocr.json" "$work/rep.json" --summary)
    printf '%-14s %6s %8s %9.2f %7d MB  %s\n' "$f" "$pages" "$secs" "$(awk -v p="$pages" -v s="$secs" 'BEGIN {print p / s}')" $((kb / 1024)) "$acc"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"

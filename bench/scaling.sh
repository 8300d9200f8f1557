#!/usr/bin/env bash
# Scaling study: throughput of the packaged service against worker threads and chunk size, on two
# workloads: an output-bound one (200,000 SKUs x 30 days, every row as CSV: 6 M rows, 210 MB) and a
# compute-bound one (100,000 SKUs x 3,650 days, summary view: 365 M simulated days, 100,000 rows out).
# Chunks are cut by chunk size alone here (chunk-max-rows lifted), so that it is the one variable.
# Writes docs/scaling.csv and, with matplotlib, docs/scaling.png.
#
#   bench/scaling.sh [--threads "1 2 3 4"] [--chunks "16 64 256 1024 4096 16384"] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."
threads="1 2 3 4" chunks="16 64 256 1024 4096 16384" runs=7
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --chunks) chunks=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_products.py 200000 "$work/rows.csv" --days 30 --floats --seed 3
python3 bench/gen_products.py 100000 "$work/summary.csv" --days 3650 --floats --seed 3
out=docs/scaling.csv
mkdir -p docs
echo "workload,threads,chunk_size,best_s,median_s,skus_per_s,rows_per_s" >"$out"
for workload in rows summary; do
  case $workload in
    rows) input=$work/rows.csv skus=200000 days=30 view=rows ;;
    summary) input=$work/summary.csv skus=100000 days=3650 view=summary ;;
  esac
  for t in $threads; do
    for c in $chunks; do
      result=$(BENCH_INPUT=$input bench/bench.sh --skus "$skus" --days "$days" --view "$view" --runs "$runs" --warmup 5 \
        --app "--stockcast.pool.threads=$t --stockcast.pool.chunk-size=$c --stockcast.pool.chunk-max-rows=100000000")
      python3 - "$workload" "$t" "$c" "$result" >>"$out" <<'PY'
import re, sys
workload, threads, chunk, text = sys.argv[1:5]
best, median = re.search(r"best ([\d.]+) s, median ([\d.]+) s", text).groups()
skus, rows = (float(v.replace(",", "")) for v in re.search(r"([\d,]+) SKUs/s, ([\d,]+) rows/s", text).groups())
print(f"{workload},{threads},{chunk},{best},{median},{skus:.0f},{rows:.0f}")
PY
      tail -1 "$out"
    done
  done
done
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
# Debian's python3-matplotlib: /usr/bin/python3, whichever python3 comes first on the PATH
/usr/bin/python3 bench/plot_scaling.py "$out" docs/scaling.png "$machine" || echo "no plot: apt-get install python3-matplotlib" >&2

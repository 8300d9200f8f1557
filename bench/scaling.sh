#!/usr/bin/env bash
# Scaling study: throughput of the packaged service against worker threads and chunk size, on two
# workloads: an output-bound one (100,000 SKUs x 30 days, every row as CSV: 3 M rows, 105 MB) and a
# compute-bound one (50,000 SKUs x 3,650 days, summary view: 182.5 M simulated days, 50,000 rows out).
# Chunks are cut by chunk size alone here (chunk-max-rows raised to chunk size x 3,650, the most rows a
# chunk of either workload has), so that it is the one variable. The admission control's memory budget
# is lifted (64GB): it reserves the chunks in flight at chunk-max-rows each, so with that raised it
# would refuse every request with 413 (docs/operations.md); the heap (-Xmx1536m) still bounds them.
#
# Every point is measured in --rounds rounds, and the rounds take turns across the configurations
# (round 1 runs every configuration once, then round 2, each round starting one configuration further
# along), so a slow spell on this shared machine falls on all of them rather than on one. Starting a
# service takes 20 to 60 s on this machine under load, so each configuration keeps one service (-Xmx1536m) for the
# whole study, all started and warmed up (--warmup requests per workload) before round 1; idle, they
# only poll for jobs once a second. In each round a configuration gets one more untimed request per
# workload, then --requests timed ones, of which the median is that round's figure. The one-minute
# load average is recorded before and after each configuration's turn.
#
# Writes docs/scaling-rounds.csv (one line per round, configuration and workload, with the load),
# docs/scaling.csv (per point: the median over the rounds, the quartiles, min and max, in SKUs/s) and,
# with matplotlib, docs/scaling.png (medians as lines, the interquartile range as a band, min-max as
# error bars).
#
#   bench/scaling.sh [--threads "1 2"] [--chunks "16 128 1024 4096"] [--rounds R]
#                    [--requests Q] [--warmup W] [--port P]
#
# The services listen on --port and the ports above it, one per configuration (8 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
threads="1 2" chunks="16 128 1024 4096" rounds=5 requests=3 warmup=3 port=18090
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --chunks) chunks=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
pids=()
trap 'if [ ${#pids[@]} -gt 0 ]; then kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; fi; rm -rf "$work"' EXIT
python3 bench/gen_products.py 100000 "$work/rows.csv" --days 30 --floats --seed 3
python3 bench/gen_products.py 50000 "$work/summary.csv" --days 3650 --floats --seed 3
configs=()
for t in $threads; do for c in $chunks; do configs+=("$t $c"); done; done
raw=docs/scaling-rounds.csv
mkdir -p docs
echo "round,workload,threads,chunk_size,skus,median_s,best_s,load_before,load_after" >"$raw"
load1() { cut -d' ' -f1 /proc/loadavg; }
# time_requests WORKLOAD PORT WARMUP: the median and best of $requests timed requests, after WARMUP
# untimed ones.
time_requests() {
  local input view port=$2
  case $1 in
    rows) input=$work/rows.csv view=rows ;;
    summary) input=$work/summary.csv view=summary ;;
  esac
  call() {
    curl -H "X-API-Key: $BENCH_KEY" -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: text/csv' \
      -H 'Accept: text/csv' --data-binary @"$input" "http://127.0.0.1:$port/forecasts?view=$view"
  }
  for _ in $(seq 1 "$3"); do call >/dev/null; done
  for _ in $(seq 1 "$requests"); do
    read -r code secs < <(call)
    # A refusal (413: the memory budget has no room for this chunk size's buffers) is recorded, not timed.
    [ "$code" = 200 ] && echo "$secs" || echo "HTTP $code on port $port ($1)" >&2
  done | sort -n | awk '{ t[NR] = $1 } END { if (NR == 0) print "NA,NA"; else printf "%s,%s\n", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1] }'
}
started=$(date +%s)
pids=()
for i in "${!configs[@]}"; do
  read -r t c <<<"${configs[$i]}"
  # shellcheck disable=SC2046
  java -Xmx1536m -jar "$jar" --server.port="$((port + i))" $(bench_service_args) --stockcast.data-dir="$work/data$i" \
    --stockcast.limits.max-products=2000000 --stockcast.admission.memory-budget=64GB --stockcast.pool.threads="$t" --stockcast.pool.chunk-size="$c" \
    --stockcast.pool.chunk-max-rows="$((c * 3650))" >"$work/service$i.log" 2>&1 &
  pids+=($!)
  # Two at a time: a dozen JVMs starting at once on 2 cores would each take minutes.
  if [ $((i % 2)) = 1 ]; then
    await_health "$((port + i - 1))" "${pids[$((i - 1))]}" "$work/service$((i - 1)).log" 300
    await_health "$((port + i))" "${pids[$i]}" "$work/service$i.log" 300
  fi
done
for i in "${!configs[@]}"; do
  await_health "$((port + i))" "${pids[$i]}" "$work/service$i.log" 300
  time_requests rows "$((port + i))" "$warmup" >/dev/null
  time_requests summary "$((port + i))" "$warmup" >/dev/null
done
echo "${#configs[@]} services started and warmed up in $(($(date +%s) - started)) s" >&2
n=${#configs[@]}
for round in $(seq 1 "$rounds"); do
  for k in $(seq 0 $((n - 1))); do
    i=$(((k + round - 1) % n))
    read -r t c <<<"${configs[$i]}"
    before=$(load1)
    rows=$(time_requests rows "$((port + i))" 1)
    summary=$(time_requests summary "$((port + i))" 1)
    after=$(load1)
    echo "$round,rows,$t,$c,100000,$rows,$before,$after" >>"$raw"
    echo "$round,summary,$t,$c,50000,$summary,$before,$after" >>"$raw"
    echo "round $round/$rounds, threads $t, chunk $c: rows $rows s, summary $summary s, load $before -> $after" \
      "($(($(date +%s) - started)) s so far)" >&2
  done
done
kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true; pids=()
python3 - "$raw" docs/scaling.csv <<'PY'
import csv, statistics, sys
from collections import defaultdict
points = defaultdict(list)
for r in csv.DictReader(open(sys.argv[1])):
    if r["median_s"] != "NA":
        points[(r["workload"], int(r["threads"]), int(r["chunk_size"]))].append(r)
with open(sys.argv[2], "w") as out:
    out.write("workload,threads,chunk_size,rounds,median_skus_per_s,q1_skus_per_s,q3_skus_per_s,"
              "min_skus_per_s,max_skus_per_s,median_s,load_min,load_max\n")
    for (workload, threads, chunk), rs in sorted(points.items()):
        rates = sorted(int(r["skus"]) / float(r["median_s"]) for r in rs)
        q1, _, q3 = statistics.quantiles(rates, n=4, method="inclusive") if len(rates) > 1 else rates * 3
        loads = [float(r[k]) for r in rs for k in ("load_before", "load_after")]
        out.write(f"{workload},{threads},{chunk},{len(rates)},{statistics.median(rates):.0f},{q1:.0f},{q3:.0f},"
                  f"{rates[0]:.0f},{rates[-1]:.0f},{statistics.median(float(r['median_s']) for r in rs):.3f},"
                  f"{min(loads):.2f},{max(loads):.2f}\n")
PY
echo "wrote $raw and docs/scaling.csv in $(($(date +%s) - started)) s" >&2
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
# matplotlib comes from Debian's python3-matplotlib, which only /usr/bin/python3 sees: the python3 first
# on the PATH may be another one (pyenv's) without it.
/usr/bin/python3 bench/plot_scaling.py docs/scaling.csv docs/scaling.png "$machine, $rounds rounds" ||
  echo "no plot: apt-get install python3-matplotlib" >&2

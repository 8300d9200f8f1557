#!/usr/bin/env bash
# Times the packaged service end to end over HTTP on generated product lists, after warm-up.
#
#   bench/bench.sh [--skus N] [--days D] [--accept text/csv|application/json|application/x-ndjson]
#                  [--view rows|summary] [--runs R] [--warmup W] [--jvm "-Xmx256m ..."]
#                  [--app "--stockcast.pool.threads=1 ..."] [--port P] [--perf]
#
# Prints the best and median wall time of R requests, SKUs/s, rows/s and MB/s of the answer, and the
# service's CPU time per request and peak resident memory (VmHWM); with --perf, also the service's
# instructions and cycles per request (perf stat), which the rest of the machine disturbs far less.
# BENCH_INPUT=file sends that product list instead of a generated one. Builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
skus=50000 days=30 accept=text/csv view=rows runs=5 warmup=3 jvm="" app="" port=18080 perf=0
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --accept) accept=$2; shift 2 ;;
    --view) view=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --jvm) jvm=$2; shift 2 ;;
    --app) app=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --perf) perf=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
# shellcheck disable=SC2086
java $jvm -jar "$jar" --server.port="$port" $(bench_service_args) --stockcast.data-dir="$work/data" \
  --stockcast.limits.max-products="$((skus > 2000000 ? skus : 2000000))" $app >"$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
await_health "$port" "$pid" "$work/service.log"
if [ -n "${BENCH_INPUT:-}" ]; then cp "$BENCH_INPUT" "$work/in.csv"; else python3 bench/gen_products.py "$skus" "$work/in.csv" --days "$days" --floats --seed 3; fi
[ "$view" = summary ] && rows=$skus || rows=$((skus * days))
url="http://127.0.0.1:$port/forecasts?view=$view"
call() {
  curl -H "X-API-Key: $BENCH_KEY" -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' -H 'Content-Type: text/csv' \
    -H "Accept: $accept" --data-binary @"$work/in.csv" "$url"
}
for _ in $(seq 1 "$warmup"); do call >/dev/null; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
: >"$work/times"
cpu_before=$(cpu_ticks)
if [ "$perf" = 1 ]; then  # instructions and cycles of the service alone: steadier than wall time on a busy machine
  perf stat -e instructions,cycles -p "$pid" -o "$work/perf" &
  perf_pid=$!
  sleep 0.2
fi
for _ in $(seq 1 "$runs"); do
  read -r code secs bytes < <(call)
  [ "$code" = 200 ] || { echo "service answered HTTP $code" >&2; exit 1; }
  echo "$secs $bytes" >>"$work/times"
done
cpu_after=$(cpu_ticks)
if [ "$perf" = 1 ]; then
  kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true
  awk -v runs="$runs" '/instructions|cycles/ { gsub(",", "", $1); printf "service %s per request: %.3g\n", $2, $1 / runs }' "$work/perf"
fi
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
cpu_per_request=$(python3 -c "print(($cpu_after - $cpu_before) / $(getconf CLK_TCK) / $runs)")
python3 - "$work/times" "$skus" "$rows" "$peak_kb" "$accept" "$view" "$days" "$cpu_per_request" <<'PY'
import statistics, sys
times = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
skus, rows, peak_kb = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
secs = sorted(t for t, _ in times)
best, median, size = secs[0], statistics.median(secs), times[0][1]
print(f"{skus} SKUs x {sys.argv[7]} days, view={sys.argv[6]}, Accept: {sys.argv[5]}: {rows} rows, {size / 1e6:.1f} MB")
print(f"best {best:.3f} s, median {median:.3f} s over {len(secs)} runs")
print(f"{skus / best:,.0f} SKUs/s, {rows / best:,.0f} rows/s, {size / best / 1e6:,.0f} MB/s (best run)")
print(f"service CPU time per request {float(sys.argv[8]):.3f} s (user + system, all threads)")
print(f"service peak RSS {peak_kb / 1024:.0f} MB")
PY

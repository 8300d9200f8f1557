#!/usr/bin/env bash
# Memory goal: an answer far larger than the heap streams through at a steady rate, and the heap
# after the request is what it was before. Starts the packaged service with a small heap, measures the
# live heap after a full GC, streams one big CSV answer while sampling its rate every quarter second, then
# measures the live heap again.
#
#   bench/memory.sh [--skus 200000] [--days 365] [--heap 256m] [--port P]
set -euo pipefail
cd "$(dirname "$0")/.."
skus=200000 days=365 heap=256m port=18082
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
java -Xmx"$heap" -jar "$jar" --server.port="$port" $(bench_service_args) --stockcast.data-dir="$work/data" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
await_health "$port" "$pid" "$work/service.log"
python3 bench/gen_products.py "$skus" "$work/in.csv" --days "$days" --floats --seed 3
live_heap() { # MB of heap in use right after a full collection
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/garbage-first heap|total.*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.1f", v / 1024; exit } }'
}
url="http://127.0.0.1:$port/forecasts"
curl -H "X-API-Key: $BENCH_KEY" -sf -o /dev/null -H 'Content-Type: text/csv' --data-binary @"$work/in.csv" "$url?view=summary"  # warm-up
before=$(live_heap)
echo "service started with -Xmx$heap; live heap after a full GC, before the request: $before MB"
curl -H "X-API-Key: $BENCH_KEY" -sfN -H 'Content-Type: text/csv' --data-binary @"$work/in.csv" "$url" | python3 -c '
import sys, time
src = sys.stdin.buffer
start = last = time.perf_counter(); total = window = lines = 0; rates = []
while chunk := src.read(1 << 20):
    total += len(chunk); window += len(chunk); lines += chunk.count(b"\n")
    now = time.perf_counter()
    if now - last >= 0.25:
        rates.append(window / (now - last) / 1e6); window = 0; last = now
elapsed = time.perf_counter() - start
print(f"{lines - 1:,} rows, {total / 1e9:.2f} GB in {elapsed:.1f} s: {total / elapsed / 1e6:.0f} MB/s on average")
if rates:
    steady = rates[1:-1] or rates
    print("MB/s each quarter second: " + " ".join(f"{r:.0f}" for r in rates))
    print(f"steady part: min {min(steady):.0f}, max {max(steady):.0f} MB/s")
'
after=$(live_heap)
echo "live heap after a full GC, after the request: $after MB (before: $before MB)"
echo "service peak RSS $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status") MB"

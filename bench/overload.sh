#!/usr/bin/env bash
# Overload: the packaged service with a small heap, started the documented way (exit on
# OutOfMemoryError) and the rate limit off, under the loads of issue 13, one after the other while the
# metrics port is scraped every half second:
#   1. --large-clients clients looping 200,000-product summaries (7.5 MB of CSV each);
#   2. --rows-clients clients looping 50,000 x 30 row answers (1.5 M rows, 45 MB each);
#   3. --slow connections sending a body at 2 bytes a second, and a normal client meanwhile.
# Clients wait as long as a refusal's Retry-After asks. Every answer is checked (bench/overload.py):
# a 200 counts only when its body is complete. Then: OutOfMemoryErrors and 500s in the log, readiness,
# and one answer compared with the one before the load.
#
#   bench/overload.sh [--heap 512m] [--seconds 60] [--large-clients 24] [--rows-clients 100] [--slow 300]
#                     [--java PATH] [--port P]
set -euo pipefail
cd "$(dirname "$0")/.."
heap=512m seconds=60 large=24 rows=100 slow=300 port=18090 java=java
while [ $# -gt 0 ]; do
  case "$1" in
    --heap) heap=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --large-clients) large=$2; shift 2 ;;
    --rows-clients) rows=$2; shift 2 ;;
    --slow) slow=$2; shift 2 ;;
    --java) java=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
mport=$((port + 1))
ulimit -n 8192
"$java" -Xmx"$heap" -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$port" \
  $(bench_service_args | sed 's/--management.server.port=0//') --management.server.port="$mport" \
  --stockcast.data-dir="$work/data" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
await_health "$port" "$pid" "$work/service.log"
python3 bench/gen_products.py 200000 "$work/large.csv" --floats --seed 5
python3 bench/gen_products.py 50000 "$work/rows.csv" --floats --seed 6 --days 30
python3 bench/gen_products.py 100 "$work/small.csv" --floats --seed 7
echo "service: -Xmx$heap -XX:+ExitOnOutOfMemoryError, $("$java" -version 2>&1 | head -1), $(nproc) cores"
url="http://127.0.0.1:$port/forecasts"
curl -sf -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' --data-binary @"$work/small.csv" "$url" >"$work/before.csv"
total=$((3 * seconds + 60))
python3 bench/overload.py scrapes --mport "$mport" --seconds "$total" >"$work/scrapes.json" &
scraper=$!
refusals() { python3 bench/overload.py refusals --mport "$mport" --state "$work/refusals.json"; }
drive() { python3 bench/overload.py "$@" --port "$port" --key "$BENCH_KEY"; refusals; }
refusals >/dev/null
drive large --input "$work/large.csv" --products 200000 --clients "$large" --seconds "$seconds"
drive rows --input "$work/rows.csv" --lines 1500001 --clients "$rows" --seconds "$seconds"
drive slow --input "$work/small.csv" --connections "$slow" --seconds "$seconds"
wait "$scraper"; cat "$work/scrapes.json"
curl -sf -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' --data-binary @"$work/small.csv" "$url" >"$work/after.csv"
echo "after the load: readiness $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")," \
  "answer $(cmp -s "$work/before.csv" "$work/after.csv" && echo 'the same as before' || echo DIFFERENT)," \
  "OutOfMemoryError lines in the log: $(grep -c OutOfMemoryError "$work/service.log" || true)," \
  "500 answers logged: $(grep -c 'Unexpected failure' "$work/service.log" || true)," \
  "live threads $(ls /proc/$pid/task | wc -l)"

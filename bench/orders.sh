#!/usr/bin/env bash
# view=orders (or view=exceptions) against view=summary on the same input, side by side on one service: 50,000 SKUs x 365
# days with order policies (bench/gen_products.py --orders), the two requests taking turns round after
# round so that a slow spell of this shared machine falls on both (docs/performance.md#planned-orders,
# #exceptions).
#
#   bench/orders.sh [ROUNDS] [VIEW]     (VIEW: orders, the default, or 'exceptions&within_days=7';
#                                        build first: ./mvnw -B -DskipTests package)
set -uo pipefail
runs=${1:-11}
view=${2:-orders}
cd "$(dirname "$0")/.."
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
java -jar "$jar" --server.port=18304 $(bench_service_args) --stockcast.data-dir="$work/data" >"$work/s.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
await_health 18304 $pid "$work/s.log"
echo "machine: $(nproc) cores; jar: $jar"
python3 bench/gen_products.py 50000 "$work/in.csv" --days 365 --floats --seed 3 --orders
python3 - "$runs" "$work" "$BENCH_KEY" "$view" <<'PY'
import statistics, subprocess, sys, time
runs, work, key, asked = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def post(view, out="/dev/null"):
    view = asked if view == "orders" else view
    return (f"curl -sf -o {out} -H 'X-API-Key: {key}' -H 'Content-Type: text/csv' --data-binary @{work}/in.csv "
            f"'http://127.0.0.1:18304/forecasts?view={view}'")
for view in ("summary", "orders"):
    for _ in range(3):
        subprocess.run(post(view), shell=True, check=True)
import os
subprocess.run(post("orders", f"{work}/orders.csv"), shell=True, check=True)
subprocess.run(post("summary", f"{work}/summary.csv"), shell=True, check=True)
lines = sum(1 for _ in open(f"{work}/orders.csv")) - 1
size = {v: os.path.getsize(f"{work}/{v}.csv") / 1e6 for v in ("orders", "summary")}
times = {"summary": [], "orders": []}
for r in range(runs):
    for view in (("summary", "orders") if r % 2 == 0 else ("orders", "summary")):
        t = time.perf_counter(); subprocess.run(post(view), shell=True, check=True)
        times[view].append(time.perf_counter() - t)
s, o = times["summary"], times["orders"]
print(f"view={asked}: 50,000 SKUs x 365 days, {lines} records ({size['orders']:.1f} MB of CSV; the summary {size['summary']:.1f} MB); "
      f"{runs} rounds taking turns; best (median) seconds")
print(f"view=summary {min(s):.3f} ({statistics.median(s):.3f})   view={asked.split('&')[0]} {min(o):.3f} ({statistics.median(o):.3f})   "
      f"ratio {min(o)/min(s):.2f} ({statistics.median(o)/statistics.median(s):.2f})")
PY

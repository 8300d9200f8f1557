#!/usr/bin/env bash
# The probabilistic forecast's throughput end to end: 50,000 SKUs x 365 days x 1,000 trials
# (18.25 G SKU-trial-days) through one synchronous request per demand model, summary view (one
# record per SKU; the trials are the work). Prints seconds and SKU-trial-days per second per core.
# With --orders every product has the plain reorder point computed from service_level=0.95 (lots of a
# week's demand, lead times of 3 to 7 days), so the summary also measures what it achieves
# (docs/forecast-contract.md#what-the-plan-achieves), with fixed lead times and with lead_time_std_days=2.
# Usage: bench/montecarlo.sh [--skus N] [--days D] [--trials T] [--port P] [--view summary|rows|totals] [--orders]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
skus=50000 days=365 trials=1000 port=18093 view=summary orders=0
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;; --days) days=$2; shift 2 ;; --trials) trials=$2; shift 2 ;;
    --port) port=$2; shift 2 ;; --view) view=$2; shift 2 ;; --orders) orders=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
# Products with a demand deviation of about a third of the rate, and no restocking for half of them.
python3 - "$skus" "$days" "$orders" > "$work/products.csv" <<'PY'
import random, sys
n, days, orders = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
rnd = random.Random(7)
print("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days,sales_std"
      + (",order_quantity,lead_time_days" if orders else ""))
for i in range(n):
    rate = round(rnd.uniform(0.5, 40), 2)
    row = (f"SKU{i},2024-01-01,{round(rnd.uniform(0, 20) * rate, 2)},{rate},"
           f"{round(rnd.uniform(0, rate), 2) if i % 2 else 0},{days},{round(rate / 3, 2)}")
    if orders:
        row = (f"SKU{i},2024-01-01,{round(rnd.uniform(5, 20) * rate, 2)},{rate},0,{days},{round(rate / 3, 2)},"
               f"{round(7 * rate, 2)},{3 + i % 5}")
    print(row)
PY
jar=$(packaged_jar)
# shellcheck disable=SC2046
java -jar "$jar" --server.port="$port" --stockcast.data-dir="$work/data" $(bench_service_args) \
  > "$work/service.log" 2>&1 &
pid=$!
await_health "$port" "$pid" "$work/service.log"
cores=$(nproc)
work_units=$(( skus * days * trials ))
echo "input: $skus SKUs x $days days x $trials trials = $work_units SKU-trial-days, view=$view, $cores cores"
queries=("demand=constant&trials=$trials" "demand=normal&trials=$trials" "demand=poisson&trials=$trials"
  "demand=normal&trials=$trials&policy=lost-sales")
if [ "$orders" = 1 ]; then
  queries=("demand=normal&trials=$trials&service_level=0.95"
    "demand=normal&trials=$trials&service_level=0.95&lead_time_std_days=2"
    "demand=poisson&trials=$trials&service_level=0.95")
fi
for query in "${queries[@]}"; do
  start=$(date +%s.%N)
  bytes=$(curl -sS -o "$work/answer" -w '%{size_download}' -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' \
    --data-binary @"$work/products.csv" "http://127.0.0.1:$port/forecasts?view=$view&seed=1&$query")
  end=$(date +%s.%N)
  head -c 300 "$work/answer" | grep -q '"status"' && { cat "$work/answer"; exit 1; }
  python3 -c "
s = $end - $start
print(f'{\"$query\":<48} {s:7.2f} s  {$work_units / s / 1e6:8.1f} M SKU-trial-days/s  '
      f'{$work_units / s / $cores / 1e6:7.1f} M per core  ({$bytes} bytes)')"
  if [ "$orders" = 1 ] && [ "$view" = summary ]; then
    python3 - "$work/answer" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for column in ("achieved_cycle_service_level", "achieved_fill_rate"):
    values = [float(r[column]) for r in rows if r[column]]
    print(f"  {column}: mean {statistics.mean(values):.4f}, median {statistics.median(values):.4f} over {len(values)} products")
PY
  fi
done

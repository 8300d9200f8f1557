#!/usr/bin/env bash
# The performance goals of docs/performance.md, measured side by side in one run on this machine
# against one packaged service started with its defaults:
#   1. the seed's Python vs the service, 50,000 SKUs x 30 days CSV (../shared/bench/compare-seed.sh,
#      when given or found next to the project; it checks the answer before timing it);
#   2. the transfer floor: nginx sending the service's finished CSV answer over loopback, timed the same
#      way as the service (best wall time of a curl process);
#   3. JSON and NDJSON answers against CSV for the same rows;
#   5. the summary view at retail scale (--retail N SKU-store rows in one request).
#
#   bench/goals.sh [--runs R] [--compare-seed PATH|none] [--retail N] [--port P] [--nginx-port P]
#
# Needs nginx (Debian's nginx-light; installed if missing) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10 port=18080 nginx_port=18081 retail=5000000 seed_script=""
[ -x ../shared/bench/compare-seed.sh ] && seed_script=../shared/bench/compare-seed.sh
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --compare-seed) seed_script=$2; shift 2 ;;
    --retail) retail=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --nginx-port) nginx_port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$seed_script" = none ] && seed_script=""
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "installing Debian's nginx-light for the transfer floor" >&2
  (apt-get update -qq && apt-get install -y -qq nginx-light) >/dev/null
fi
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
java -jar "$jar" --server.port="$port" $(bench_service_args) --stockcast.data-dir="$work/data" \
  --stockcast.limits.max-products="$((retail > 2000000 ? retail : 2000000))" >"$work/service.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
await_health "$port" "$pid" "$work/service.log"
url="http://127.0.0.1:$port/forecasts"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "service: $jar, default settings"

if [ -n "$seed_script" ]; then
  echo "== 1. seed Python vs service ($seed_script) =="
  # The seed's script sends no API key; curl takes one from the .curlrc in $CURL_HOME.
  printf 'header = "X-API-Key: %s"\n' "$BENCH_KEY" > "$work/.curlrc"
  CURL_HOME="$work" "$seed_script" --url "$url" --runs "$runs"
fi

best() { # best wall time in seconds of a shell command over $2 runs, as compare-seed.sh times it
  python3 - "$1" "$2" <<'PY'
import subprocess, sys, time
best = float("inf")
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    subprocess.run(sys.argv[1], shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - t)
print(f"{best:.4f}")
PY
}

echo "== 2. transfer floor and 3. formats: 50,000 SKUs x 30 days =="
python3 bench/gen_products.py 50000 "$work/in.csv" --days 30 --floats --seed 3
mkdir -p "$work/www"
post() { echo "curl -H 'X-API-Key: $BENCH_KEY' -sf -o $2 -H 'Content-Type: text/csv' -H 'Accept: $1' --data-binary @$work/in.csv '$url'"; }
eval "$(post text/csv "$work/www/answer.csv")"
for _ in 1 2 3 4 5; do  # warm-up: the JIT compiles the hot paths of every format before timing
  for accept in text/csv application/json application/x-ndjson; do eval "$(post $accept /dev/null)"; done
done
cat >"$work/nginx.conf" <<NGINX
daemon on; worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 64; }
http { access_log off; sendfile on; tcp_nopush on; server { listen 127.0.0.1:$nginx_port; root $work/www; } }
NGINX
nginx -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log"
chmod 755 "$work" "$work/www"; chmod 644 "$work/www/answer.csv"
for _ in $(seq 1 50); do curl -H "X-API-Key: $BENCH_KEY" -sf -o /dev/null "http://127.0.0.1:$nginx_port/answer.csv" && break; sleep 0.1; done
eval "$(post application/json "$work/www/answer.json")"
chmod 644 "$work/www/answer.json"
# The five requests take turns, round after round, so a slow spell of this shared machine falls on
# all of them alike; best and median of each are reported.
python3 - "$runs" "$(stat -c %s "$work/www/answer.csv")" "$(stat -c %s "$work/www/answer.json")" \
  "curl -H 'X-API-Key: $BENCH_KEY' -sf -o /dev/null http://127.0.0.1:$nginx_port/answer.csv" "$(post text/csv /dev/null)" \
  "$(post application/json /dev/null)" "$(post application/x-ndjson /dev/null)" \
  "curl -H 'X-API-Key: $BENCH_KEY' -sf -o /dev/null http://127.0.0.1:$nginx_port/answer.json" <<'PY'
import statistics, subprocess, sys, time
runs, csv_bytes, json_bytes = int(sys.argv[1]), int(sys.argv[2]) / 1e6, int(sys.argv[3]) / 1e6
names = ["floor", "csv", "json", "ndjson", "json_floor"]
times = {name: [] for name in names}
for _ in range(runs):
    for name, command in zip(names, sys.argv[4:9]):
        t = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - t)
best = {name: min(values) for name, values in times.items()}
median = {name: statistics.median(values) for name, values in times.items()}
print(f"{runs} rounds, curl to /dev/null over loopback; best (median) wall time")
print(f"nginx sends the CSV answer ({csv_bytes:.1f} MB):   {best['floor']:.4f} s ({median['floor']:.4f})   transfer floor")
print("service, CSV in, CSV out:".ljust(40) + f"{best['csv']:.4f} s ({median['csv']:.4f})   "
      f"= {best['csv'] / best['floor']:.1f} x the floor, best to best ({median['csv'] / median['floor']:.1f} x by medians; goal <= 10)")
for name, label in (("json", "JSON"), ("ndjson", "NDJSON")):
    print(f"service, CSV in, {label} out:".ljust(40) + f"{best[name]:.4f} s ({median[name]:.4f})   "
          f"= {best[name] / best['csv']:.2f} x CSV, best to best ({median[name] / median['csv']:.2f} x by medians; goal <= 1.5)")
print(f"nginx sends the JSON answer ({json_bytes:.1f} MB): {best['json_floor']:.4f} s ({median['json_floor']:.4f})   "
      f"its floor; the service is {best['json'] - best['json_floor']:.4f} s above it for JSON, "
      f"{best['csv'] - best['floor']:.4f} s above the CSV floor for CSV")
PY

if [ "$retail" -gt 0 ]; then
  echo "== 5. summary view, $retail SKU-store rows in one request =="
  python3 bench/gen_products.py "$retail" "$work/retail.csv" --days 30 --floats --seed 3
  summary=$(best "curl -H 'X-API-Key: $BENCH_KEY' -sf -o /dev/null -H 'Content-Type: text/csv' --data-binary @$work/retail.csv '$url?view=summary'" 3)
  python3 -c "print(f'input {$(stat -c %s "$work/retail.csv")/1e6:.0f} MB, best of 3: {$summary:.3f} s = {$retail/$summary/1e6:.2f} M SKUs/s (goal >= 1)')"
fi

#!/usr/bin/env bash
# Virtual threads against platform threads for request handling (spring.threads.virtual.enabled),
# side by side: two services from the same jar on one JVM (virtual threads need Java 21 or later; the
# project runs on 17, so give --java a newer one), timed in turns, round after round, on the normal
# answers: 50,000 x 30 rows as CSV (one client), and small summaries from 16 clients at once.
#
#   bench/threads.sh --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java [--rounds 8]
set -euo pipefail
cd "$(dirname "$0")/.."
java=java rounds=8 port=18070
while [ $# -gt 0 ]; do
  case "$1" in
    --java) java=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for mode in platform virtual; do
  p=$([ $mode = platform ] && echo $port || echo $((port + 1)))
  "$java" -Xmx1g -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$p" $(bench_service_args) \
    --spring.threads.virtual.enabled=$([ $mode = virtual ] && echo true || echo false) \
    --stockcast.data-dir="$work/$mode" >"$work/$mode.log" 2>&1 &
  pids+=($!)
  await_health "$p" "$!" "$work/$mode.log"
done
python3 bench/gen_products.py 50000 "$work/rows.csv" --days 30
python3 bench/gen_products.py 200 "$work/small.csv" --days 30
echo "$("$java" -version 2>&1 | head -1), $(nproc) cores"
python3 - "$work" "$port" "$rounds" <<'PY'
import concurrent.futures, statistics, subprocess, sys, time, os
work, port, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
key = os.environ["BENCH_KEY"]
def curl(p, body, path="/forecasts"):
    subprocess.run(["curl", "-sf", "-o", "/dev/null", "-H", "X-API-Key: " + key, "-H", "Content-Type: text/csv",
                    "--data-binary", "@" + body, f"http://127.0.0.1:{p}{path}"], check=True)
def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t
def burst(p):  # 16 clients x 20 small summaries each
    with concurrent.futures.ThreadPoolExecutor(16) as ex:
        list(ex.map(lambda _: [curl(p, f"{work}/small.csv", "/forecasts?view=summary") for _ in range(20)], range(16)))
res = {m: {"rows": [], "burst": []} for m in ("platform", "virtual")}
for m, p in (("platform", port), ("virtual", port + 1)):  # warm-up
    for _ in range(3): curl(p, f"{work}/rows.csv")
    burst(p)
for r in range(rounds):
    order = (("platform", port), ("virtual", port + 1)) if r % 2 == 0 else (("virtual", port + 1), ("platform", port))
    for m, p in order:
        res[m]["rows"].append(timed(lambda: curl(p, f"{work}/rows.csv")))
        res[m]["burst"].append(timed(lambda: burst(p)))
for what, label in (("rows", "50,000 x 30 rows, CSV, one client (s)"), ("burst", "320 small summaries, 16 clients (s)")):
    pl, vi = res["platform"][what], res["virtual"][what]
    print(f"{label}: platform best {min(pl):.3f} median {statistics.median(pl):.3f}; virtual best {min(vi):.3f} "
          f"median {statistics.median(vi):.3f}; virtual/platform {min(vi)/min(pl):.2f} (best), "
          f"{statistics.median(vi)/statistics.median(pl):.2f} (median)")
PY

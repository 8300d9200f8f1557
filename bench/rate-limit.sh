#!/usr/bin/env bash
# What the rate limit costs per request: the same small forecast (one product, 30 days, CSV answer),
# sent one after another on one keep-alive connection, to jars started side by side on PostgreSQL,
# taking turns round after round:
#   off     this jar, the limit off (requests-per-second=0): no bucket at all
#   shared  this jar, the limit on: the client's bucket in PostgreSQL, shared by every instance
#   old     --old JAR, the limit on (e.g. a jar from before the limit was shared: a bucket in memory)
# The limit is set high enough (1,000,000/s) that nothing is refused. Prints every round's mean per
# request and, per jar, the median and best of the rounds' means.
#
#   bench/rate-limit.sh [--old JAR] [--requests N] [--rounds R] [--server jdbc:postgresql://HOST:PORT]
#                       [--db-prefix NAME] [--port P]
#
# Needs a PostgreSQL server (default 127.0.0.1:5432, user postgres or STOCKCAST_TEST_POSTGRES_USER,
# trust auth or PGPASSWORD); makes databases NAME_new and NAME_old there, fresh each run.
set -euo pipefail
cd "$(dirname "$0")/.."
old="" requests=2000 rounds=5 server=jdbc:postgresql://127.0.0.1:5432 prefix=stockcast_bench_rate port=18090
while [ $# -gt 0 ]; do
  case "$1" in
    --old) old=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
    --db-prefix) prefix=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
user=${STOCKCAST_TEST_POSTGRES_USER:-postgres}
hostport=${server#jdbc:postgresql://}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
for db in "${prefix}_new" "${prefix}_old"; do
  psql -h "${hostport%:*}" -p "${hostport#*:}" -U "$user" -d postgres -qc "drop database if exists $db" \
    -c "create database $db" >/dev/null
done

names=() ports=()
start() { # name jar database rate
  local p=$((port + ${#names[@]}))
  # bench_service_args turns the limit off; this script sets it itself.
  java -jar "$2" --server.port="$p" $(bench_service_args | sed 's/--stockcast.security.rate-limit.requests-per-second=0//') \
    --spring.datasource.url="$server/$3" \
    --spring.datasource.username="$user" --stockcast.security.rate-limit.requests-per-second="$4" \
    --stockcast.security.rate-limit.burst=1000000 >"$work/$1.log" 2>&1 &
  pids+=($!)
  await_health "$p" "$!" "$work/$1.log"
  names+=("$1") ports+=("$p")
}
start off "$jar" "${prefix}_new" 0
start shared "$jar" "${prefix}_new" 1000000
[ -n "$old" ] && start old "$old" "${prefix}_old" 1000000

python3 - "$requests" "$rounds" "$BENCH_KEY" "${names[*]}" "${ports[*]}" <<'PY'
import http.client, socket, statistics, sys, time
requests, rounds, key = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
names, ports = sys.argv[4].split(), [int(p) for p in sys.argv[5].split()]
body = ("product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n"
        "SKU-1,2024-01-01,500,12.5,10,30\n").encode()
headers = {"Content-Type": "text/csv", "Accept": "text/csv", "X-API-Key": key}
def run(port, n):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.connect()
    c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms delayed-ACK stalls
    start = time.perf_counter()
    for _ in range(n):
        c.request("POST", "/forecasts", body, headers)
        r = c.getresponse(); r.read()
        if r.status != 200: raise SystemExit(f"port {port}: {r.status}")
    c.close()
    return (time.perf_counter() - start) / n * 1000
for port in ports: run(port, requests)  # warm-up
means = {n: [] for n in names}
for r in range(rounds):
    for name, port in zip(names, ports):
        means[name].append(run(port, requests))
    print(f"round {r + 1}: " + "  ".join(f"{n} {means[n][-1]:.3f} ms" for n in names), flush=True)
base = statistics.median(means["off"])
for n in names:
    med = statistics.median(means[n])
    print(f"{n:7s} median {med:.3f} ms/request, best {min(means[n]):.3f}; median - off: {med - base:+.3f} ms")
PY

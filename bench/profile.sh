#!/usr/bin/env bash
# Where the time goes: runs requests against the packaged service (after a warm-up) under Java Flight
# Recorder and prints the hottest methods (self time) and the stockcast and parser methods that take
# the most time (inclusive) among its samples.
#
#   bench/profile.sh [--skus N] [--days D] [--accept TYPE] [--view rows|summary|orders] [--orders] [--requests R] [--jvm "..."]
#
# Keeps the recording in target/profile.jfr for JDK Mission Control (jmc) or `jfr print`.
set -euo pipefail
cd "$(dirname "$0")/.."
skus=50000 days=30 accept=text/csv view=rows requests=40 jvm="" port=18085 orders=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --accept) accept=$2; shift 2 ;;
    --view) view=$2; shift 2 ;;
    --orders) orders=--orders; shift ;;
    --requests) requests=$2; shift 2 ;;
    --jvm) jvm=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
recording=$PWD/target/profile.jfr
# shellcheck disable=SC2086
java $jvm -jar "$jar" --server.port="$port" $(bench_service_args) \
  --stockcast.data-dir="$work/data" --stockcast.limits.max-products="$((skus > 2000000 ? skus : 2000000))" \
  >"$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
await_health "$port" "$pid" "$work/service.log"
python3 bench/gen_products.py "$skus" "$work/in.csv" --days "$days" --floats --seed 3 $orders
call() {
  curl -H "X-API-Key: $BENCH_KEY" -sf -o /dev/null -H 'Content-Type: text/csv' -H "Accept: $accept" --data-binary @"$work/in.csv" \
    "http://127.0.0.1:$port/forecasts?view=$view"
}
for _ in 1 2 3 4 5; do call; done  # warm-up, not recorded: the JIT's work and startup stay out of the profile
jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
for _ in $(seq 1 "$requests"); do call; done
jcmd "$pid" JFR.stop name=bench filename="$recording" >/dev/null
jfr print --events jdk.ExecutionSample --stack-depth 64 "$recording" | python3 -c '
import collections, re, sys
self_time, inclusive, samples, frames = collections.Counter(), collections.Counter(), 0, None
for line in sys.stdin:
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        frames = []
        samples += 1
    elif frames is not None and re.match(r"\s+[\w$./<>]+\(.*\)\s+line:", line):
        frames.append(re.sub(r"\(.*", "", line.strip()))
    elif frames is not None and line.strip() == "}":
        if frames:
            self_time[frames[0]] += 1
            inclusive.update(set(frames))
        frames = None
print(f"{samples} samples")
print("hottest methods, self time:")
for name, n in self_time.most_common(20):
    print(f"  {100 * n / samples:5.1f}%  {name}")
print("stockcast and parser methods, inclusive time:")
for name, n in inclusive.most_common():
    if re.search(r"com\.stockcast|fastcsv|jackson\.core|FloatingDecimal|coyote\.http11\.Http11OutputBuffer", name) \
            and 100 * n / samples >= 1:
        print(f"  {100 * n / samples:5.1f}%  {name}")
'

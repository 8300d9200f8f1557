#!/usr/bin/env bash
# Two builds side by side in one run: both jars up at once on the same machine, every request of
# goals 2, 3 and 5 (50,000 SKUs x 30 days as CSV, JSON, NDJSON, summary and totals; 5 M SKUs in
# the summary view) taking turns old/new round after round, so that a slow spell of this shared
# machine falls on both. With SEED=1 it also runs goal 1 (../shared/bench/compare-seed.sh) on each.
#
#   bench/side-by-side.sh OLD_JAR NEW_JAR [ROUNDS]
set -uo pipefail
old=$1 new=$2 runs=${3:-15}
cd "$(dirname "$0")/.."
. bench/lib.sh
work=$(mktemp -d)
start() { java -jar "$1" --server.port="$2" $(bench_service_args) --stockcast.data-dir="$work/data$2" --stockcast.limits.max-products=5000000 >"$work/s$2.log" 2>&1 & echo $!; }
po=$(start "$old" 18301); pn=$(start "$new" 18302)
trap 'kill $po $pn 2>/dev/null; wait $po $pn 2>/dev/null; rm -rf "$work"' EXIT
await_health 18301 $po "$work/s18301.log"; await_health 18302 $pn "$work/s18302.log"
echo "machine: $(nproc) cores; old: $old; new: $new"
python3 bench/gen_products.py 50000 "$work/in.csv" --days 30 --floats --seed 3
python3 bench/gen_products.py 5000000 "$work/retail.csv" --days 30 --floats --seed 3
for p in 18301 18302; do
  for _ in 1 2 3 4 5; do for a in text/csv application/json application/x-ndjson; do
    curl -s -o /dev/null -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' -H "Accept: $a" --data-binary @$work/in.csv http://127.0.0.1:$p/forecasts; done; done
  curl -s -o /dev/null -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' --data-binary @$work/retail.csv "http://127.0.0.1:$p/forecasts?view=summary"
done
cmp <(curl -s -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' --data-binary @$work/in.csv http://127.0.0.1:18301/forecasts) \
    <(curl -s -H "X-API-Key: $BENCH_KEY" -H 'Content-Type: text/csv' --data-binary @$work/in.csv http://127.0.0.1:18302/forecasts) && echo "50,000 x 30 CSV answers identical"
python3 - "$runs" "$work" "$BENCH_KEY" <<'PY'
import statistics, subprocess, sys, time
runs, work, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def post(port, accept, body="in.csv", query=""):
    return f"curl -sf -o /dev/null -H 'X-API-Key: {key}' -H 'Content-Type: text/csv' -H 'Accept: {accept}' --data-binary @{work}/{body} 'http://127.0.0.1:{port}/forecasts{query}'"
cases = [("50k x 30 CSV", "text/csv", "in.csv", ""), ("50k x 30 JSON", "application/json", "in.csv", ""),
         ("50k x 30 NDJSON", "application/x-ndjson", "in.csv", ""), ("50k x 30 summary CSV", "text/csv", "in.csv", "?view=summary"),
         ("50k x 30 totals CSV", "text/csv", "in.csv", "?view=totals")]
times = {(c[0], p): [] for c in cases for p in ("old", "new")}
for r in range(runs):
    for name, accept, body, query in cases:
        for p, port in ((("old", 18301), ("new", 18302)) if r % 2 == 0 else (("new", 18302), ("old", 18301))):
            t = time.perf_counter(); subprocess.run(post(port, accept, body, query), shell=True, check=True)
            times[(name, p)].append(time.perf_counter() - t)
retail = {"old": [], "new": []}
for r in range(3):
    for p, port in (("old", 18301), ("new", 18302)) if r % 2 == 0 else (("new", 18302), ("old", 18301)):
        t = time.perf_counter(); subprocess.run(post(port, "text/csv", "retail.csv", "?view=summary"), shell=True, check=True)
        retail[p].append(time.perf_counter() - t)
print(f"{runs} rounds, old and new taking turns; best (median) wall time in seconds, new/old ratio of bests (of medians)")
for name, *_ in cases:
    o, n = times[(name, "old")], times[(name, "new")]
    print(f"{name:24s} old {min(o):.4f} ({statistics.median(o):.4f})   new {min(n):.4f} ({statistics.median(n):.4f})   "
          f"ratio {min(n)/min(o):.2f} ({statistics.median(n)/statistics.median(o):.2f})")
o, n = min(retail["old"]), min(retail["new"])
print(f"5 M SKU summary, best of 3  old {o:.3f} s = {5/o:.2f} M SKUs/s   new {n:.3f} s = {5/n:.2f} M SKUs/s   ratio {n/o:.2f}")
PY
printf 'header = "X-API-Key: %s"\n' "$BENCH_KEY" > "$work/.curlrc"
if [ -n "${SEED:-}" ]; then
  for p in 18301 18302; do echo "== seed vs service on port $p =="; CURL_HOME="$work" ../shared/bench/compare-seed.sh --url http://127.0.0.1:$p/forecasts --runs 3 2>&1 | tail -4; done
fi

#!/usr/bin/env bash
# Async job storage rate on PostgreSQL, beside what COPY alone takes on the same server: submits a
# 50,000 SKUs x 365 days job (18.25 M rows) to the packaged service, times it from start to finish
# (the job's own started_at and finished_at), then copies the same rows with psql's \copy, one
# database row per output row, into an empty table with a primary key, one connection, as the
# ceiling to compare with.
#
# Then reads the stored job back: its rows and its summaries, each as CSV and as JSON, --rounds times
# (taking turns), and prints the best and median time and rate of each. With --read-jar, a second
# service (another build) reads the same stored job beside the first, taking turns with it request by
# request: an old jar against the new one on the very same data, in one run.
#
#   bench/jobs.sh [--skus N] [--days D] [--host 127.0.0.1] [--user postgres] [--port P] [--db NAME]
#                 [--embedded] [--jar path/to/stockcast.jar] [--read-jar other.jar] [--rounds R]
#                 [--no-ceiling]
#
# Uses (drops and creates) the database stockcast_bench (or --db) on the local PostgreSQL server; with
# --embedded, the service's embedded default database in a fresh folder instead (no COPY ceiling).
# --jar times another build, for a side-by-side run of an old jar against the new one; --no-ceiling
# skips the COPY ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
skus=50000 days=365 host=127.0.0.1 user=postgres port=18084 db=stockcast_bench embedded= jar= read_jar= rounds=3 ceiling=1
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --embedded) embedded=1; shift ;;
    --jar) jar=$2; shift 2 ;;
    --read-jar) read_jar=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --no-ceiling) ceiling=; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=${jar:-$(packaged_jar)}
work=$(mktemp -d)
if [ -n "$embedded" ]; then
  database=(--stockcast.data-dir="$work/data")
else
  psql -h "$host" -U "$user" -d postgres -qc "drop database if exists $db" -c "create database $db"
  database=(--spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://$host:5432/$db"
    --spring.datasource.username="$user")
fi
java -jar "$jar" --server.port="$port" $(bench_service_args) "${database[@]}" >"$work/service.log" 2>&1 &
pid=$!
pid2=
trap 'kill $pid $pid2 2>/dev/null; wait $pid $pid2 2>/dev/null || true; rm -rf "$work"' EXIT
await_health "$port" "$pid" "$work/service.log"
python3 bench/gen_products.py "$skus" "$work/in.csv" --days "$days" --floats --seed 3
location=$(curl -H "X-API-Key: $BENCH_KEY" -sf -D - -o /dev/null -H 'Prefer: respond-async' -H 'Content-Type: text/csv' \
  --data-binary @"$work/in.csv" "http://127.0.0.1:$port/forecasts" | awk 'tolower($1) == "location:" {print $2}' | tr -d '\r')
while :; do
  curl -H "X-API-Key: $BENCH_KEY" -sf "http://127.0.0.1:$port$location" >"$work/job.json"
  status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$work/job.json")
  case $status in succeeded) break ;; failed|cancelled) cat "$work/job.json"; exit 1 ;; esac
  sleep 1
done
python3 - "$work/job.json" <<'PY'
import json, sys
from datetime import datetime
job = json.load(open(sys.argv[1]))
secs = (datetime.fromisoformat(job["finished_at"].replace("Z", "+00:00"))
        - datetime.fromisoformat(job["started_at"].replace("Z", "+00:00"))).total_seconds()
print(f"job: {job['rows_total']:,} rows stored in {secs:.1f} s from start to finish: {job['rows_total'] / secs:,.0f} rows/s")
PY
# The reading service(s): this one, and with --read-jar another build on the same database (one port up).
ports=("$port") names=("$(basename "$jar")")
if [ -n "$read_jar" ]; then
  java -jar "$read_jar" --server.port="$((port + 1))" $(bench_service_args) "${database[@]}" >"$work/reader.log" 2>&1 &
  pid2=$!
  await_health "$((port + 1))" "$pid2" "$work/reader.log"
  ports+=("$((port + 1))") names+=("$(basename "$read_jar")")
fi
curl -H "X-API-Key: $BENCH_KEY" -sf -H 'Accept: text/csv' "http://127.0.0.1:$port$location/rows" >"$work/answer.csv"
rows=$(($(wc -l <"$work/answer.csv") - 1))
[ -n "$read_jar" ] && { curl -H "X-API-Key: $BENCH_KEY" -sf -H 'Accept: text/csv' "http://127.0.0.1:$((port + 1))$location/rows" \
  | cmp -s - "$work/answer.csv" || { echo "the two builds read different rows" >&2; exit 1; }; }
# Each read in turn, to /dev/null: rows and summaries as CSV and JSON, on each service, --rounds times.
: >"$work/times"
for round in $(seq 1 "$rounds"); do
  for resource in rows summary; do
    for accept in text/csv application/json; do
      for i in "${!ports[@]}"; do
        t=$(curl -H "X-API-Key: $BENCH_KEY" -sf -o /dev/null -w '%{time_total} %{size_download}' -H "Accept: $accept" \
          "http://127.0.0.1:${ports[$i]}$location/$resource")
        echo "${names[$i]} $resource $accept $t" >>"$work/times"
      done
    done
  done
done
python3 - "$work/times" "$rows" "$skus" <<'PY'
import collections, statistics, sys
times, rows, skus = collections.defaultdict(list), int(sys.argv[2]), int(sys.argv[3])
for line in open(sys.argv[1]):
    name, resource, accept, secs, size = line.split()
    times[(name, resource, accept)].append((float(secs), int(size)))
csv_median = {}
print(f"read back ({len(next(iter(times.values())))} rounds each, taking turns): best / median")
for (name, resource, accept), runs in times.items():
    n = rows if resource == "rows" else skus
    best, median = min(s for s, _ in runs), statistics.median(s for s, _ in runs)
    note = ""
    if accept == "text/csv":
        csv_median[(name, resource)] = median
    else:
        note = f"  ({median / csv_median[(name, resource)]:.2f}x the CSV median)"
    print(f"  {name:<32} {resource:<8} {accept:<17} {n:>11,} records, {runs[0][1] / 1e6:8.1f} MB: "
          f"{best:6.2f} s / {median:6.2f} s = {n / best:>11,.0f} / {n / median:>11,.0f} records/s{note}")
PY
[ -n "$embedded" ] || [ -z "$ceiling" ] && exit 0
# The ceiling: the same rows, one database row each as the typed table of schema version 3 held them,
# copied into an empty table of that shape (same primary key) over one connection.
awk -F, -v job="${location##*/}" 'NR > 1 { if ($1 != id) { id = $1; n++; k = 0 } print job "," n "," k++ "," $0 }' \
  "$work/answer.csv" >"$work/rows.csv"
psql -h "$host" -U "$user" -d "$db" -qc "create table copy_ceiling (job_id uuid not null, product_no integer not null, \
  period integer not null, product_id varchar(128) not null, update_date date not null, \
  inventory_level double precision not null, sales double precision not null, restocking double precision not null, \
  primary key (job_id, product_no, period))"
start=$(date +%s.%N)
psql -h "$host" -U "$user" -d "$db" -qc "\\copy copy_ceiling from '$work/rows.csv' csv"
end=$(date +%s.%N)
rows=$(psql -h "$host" -U "$user" -d "$db" -tAc "select count(*) from copy_ceiling")
python3 -c "print(f'COPY alone, one connection, same table shape: {$rows:,} rows in {$end - $start:.1f} s: {$rows / ($end - $start):,.0f} rows/s')"

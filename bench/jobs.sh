#!/usr/bin/env bash
# Async job storage rate on PostgreSQL, beside what COPY alone takes on the same server: submits a
# 50,000 SKUs x 365 days job (18.25 M rows) to the packaged service, times it from start to finish
# (the job's own started_at and finished_at), then copies the same rows with psql's \copy, one
# database row per output row, into an empty table with a primary key, one connection, as the
# ceiling to compare with.
#
# Then reads the stored rows back (GET /rows as CSV) and times that too.
#
#   bench/jobs.sh [--skus N] [--days D] [--host 127.0.0.1] [--user postgres] [--port P]
#                 [--embedded] [--jar path/to/stockcast.jar]
#
# Uses (drops and creates) the database stockcast_bench on the local PostgreSQL server; with
# --embedded, the service's embedded default database in a fresh folder instead (no COPY ceiling).
# --jar times another build, for a side-by-side run of an old jar against the new one.
set -euo pipefail
cd "$(dirname "$0")/.."
skus=50000 days=365 host=127.0.0.1 user=postgres port=18084 db=stockcast_bench embedded= jar=
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --embedded) embedded=1; shift ;;
    --jar) jar=$2; shift 2 ;;
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
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
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
start=$(date +%s.%N)
curl -H "X-API-Key: $BENCH_KEY" -sf -H 'Accept: text/csv' "http://127.0.0.1:$port$location/rows" >"$work/answer.csv"
end=$(date +%s.%N)
rows=$(wc -l <"$work/answer.csv")
python3 -c "print(f'read back: {$rows - 1:,} rows as CSV in {$end - $start:.1f} s: {($rows - 1) / ($end - $start):,.0f} rows/s')"
[ -n "$embedded" ] && exit 0
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

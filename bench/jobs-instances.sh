#!/usr/bin/env bash
# One async job on one instance against the same job on two, on one PostgreSQL database: how long a
# 20,000 SKUs x 365 days job (7.3 M rows stored) takes from its start to its finish (the job's own
# started_at and finished_at), and which instance computed how many of its chunks. Three configurations:
#
#   one     one instance, a pool of one worker per core (the default)
#   split   two instances, each with half that many workers: the same threads in total as "one"
#   full    two instances, each with the full default pool: twice the threads, on the same cores
#
# Each configuration has its own database (NAME_one, NAME_split, NAME_full), so that the idle services
# of the others never claim its chunks, and keeps its services for the whole run. After one warm-up
# job each, --rounds rounds take turns across the configurations (each round starting one further
# along), so a slow spell falls on all of them. Before each job the job tables are emptied.
#
# Which instance stored a chunk is not kept by the service (the lease owner is a token per claim,
# cleared when the chunk is done), so the script gives each instance its own PostgreSQL
# application_name (JDBC ApplicationName) and adds a trigger, in its own databases only, that logs
# (chunk, application_name) when a chunk turns done: the same transaction that stores its rows.
# It also counts the CPU time of the services and of their database connections' server processes
# (pg_stat_activity), the database's share of the work; PostgreSQL's own background writers are not
# in it.
#
# Writes docs/jobs-instances-rounds.csv (one line per job, with the load average before and after) and
# docs/jobs-instances.csv (per configuration: median, quartiles, min and max of the job time), and,
# with matplotlib, docs/jobs-instances.png.
#
#   bench/jobs-instances.sh [--skus N] [--days D] [--rounds R] [--port P] [--db NAME] [--host H] [--user U]
#
# The services listen on --port and the four ports above it. Drops and creates the three databases,
# and drops them again at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
skus=20000 days=365 rounds=6 port=18095 db=stockcast_instances host=127.0.0.1 user=postgres
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
jar=$(packaged_jar)
work=$(mktemp -d)
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true
  for c in one split full; do psql -h "$host" -U "$user" -d postgres -qc "drop database if exists ${db}_$c" || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cores=$(nproc)
half=$((cores / 2 > 0 ? cores / 2 : 1))
python3 bench/gen_products.py "$skus" "$work/in.csv" --days "$days" --floats --seed 3
sql() { psql -h "$host" -U "$user" -d "${db}_$1" -qAtX -c "$2"; }
# start CONFIG NAME PORT THREADS: a service on the configuration's database, as application_name NAME.
start() {
  # shellcheck disable=SC2046
  java -jar "$jar" --server.port="$3" $(bench_service_args) --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://$host:5432/${db}_$1?ApplicationName=$2" \
    --spring.datasource.username="$user" --stockcast.limits.max-products=2000000 \
    --stockcast.pool.threads="$4" >"$work/$2.log" 2>&1 &
  pids+=($!)
  echo "$! $3" >"$work/$2.service"
}
declare -A first_port
for c in one split full; do
  psql -h "$host" -U "$user" -d postgres -qc "drop database if exists ${db}_$c" -c "create database ${db}_$c"
done
# One at a time: the first of each database runs its migrations.
start one one-a "$port" "$cores"; first_port[one]=$port
start split split-a "$((port + 1))" "$half"; first_port[split]=$((port + 1))
start full full-a "$((port + 3))" 0; first_port[full]=$((port + 3))
for name in one-a split-a full-a; do read -r p q <"$work/$name.service"; await_health "$q" "$p" "$work/$name.log" 300; done
start split split-b "$((port + 2))" "$half"
start full full-b "$((port + 4))" 0
for name in split-b full-b; do read -r p q <"$work/$name.service"; await_health "$q" "$p" "$work/$name.log" 300; done
for c in one split full; do
  sql "$c" "create table bench_chunk_done (job_id uuid, chunk_no integer, instance text,
      at timestamp with time zone default clock_timestamp());
    create function bench_chunk_done() returns trigger language plpgsql as \$\$ begin
      insert into bench_chunk_done (job_id, chunk_no, instance)
        values (new.job_id, new.chunk_no, current_setting('application_name'));
      return new; end \$\$;
    create trigger bench_chunk_done after update of state on forecast_chunk for each row
      when (old.state = 'running' and new.state = 'done') execute function bench_chunk_done();"
done
instances() { case $1 in one) echo one-a ;; *) echo "$1-a $1-b" ;; esac; }
# cpu_ticks CONFIG: "services backends", the CPU ticks so far of the configuration's services and of its
# database's server processes (all of them, by pid, so that a later difference can be taken).
cpu_snapshot() {
  local name p q
  for name in $(instances "$1"); do
    read -r p q <"$work/$name.service"
    awk -v n="$name" '{print "jvm", n, $14 + $15}' "/proc/$p/stat"
  done
  for p in $(sql "$1" "select pid from pg_stat_activity where datname = '${db}_$1' and pid <> pg_backend_pid()"); do
    awk -v p="$p" '{print "db", p, $14 + $15}' "/proc/$p/stat" 2>/dev/null || true
  done
}
# run_job CONFIG: submits the job to the configuration's first instance and waits for it; prints the
# job as JSON.
run_job() {
  sql "$1" "truncate forecast_output, forecast_chunk, forecast_job, bench_chunk_done"
  local base="http://127.0.0.1:${first_port[$1]}" location status
  location=$(curl -H "X-API-Key: $BENCH_KEY" -sf -D - -o /dev/null -H 'Prefer: respond-async' -H 'Content-Type: text/csv' \
    --data-binary @"$work/in.csv" "$base/forecasts" | awk 'tolower($1) == "location:" {print $2}' | tr -d '\r')
  while :; do
    curl -H "X-API-Key: $BENCH_KEY" -sf "$base$location" >"$work/job.json"
    status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$work/job.json")
    case $status in succeeded) break ;; failed|cancelled) cat "$work/job.json" >&2; exit 1 ;; esac
    sleep 0.5
  done
}
raw=docs/jobs-instances-rounds.csv
echo "round,config,instances,threads_each,skus,days,rows,seconds,chunks,chunks_a,chunks_b,jvm_cpu_s,db_cpu_s,load_before,load_after" >"$raw"
configs=(one split full)
started=$(date +%s)
for c in "${configs[@]}"; do run_job "$c"; done  # warm-up: one job each, not counted
echo "warm-up jobs done in $(($(date +%s) - started)) s" >&2
for round in $(seq 1 "$rounds"); do
  for k in 0 1 2; do
    c=${configs[$(((k + round - 1) % 3))]}
    before=$(cut -d' ' -f1 /proc/loadavg)
    cpu_snapshot "$c" >"$work/cpu.before"
    run_job "$c"
    cpu_snapshot "$c" >"$work/cpu.after"
    after=$(cut -d' ' -f1 /proc/loadavg)
    counts=$(sql "$c" "select coalesce(sum((instance like '%-a')::int), 0) || ',' || coalesce(sum((instance like '%-b')::int), 0) from bench_chunk_done")
    case $c in one) n=1 threads=$cores ;; split) n=2 threads=$half ;; full) n=2 threads=$cores ;; esac
    python3 - "$work/job.json" "$work/cpu.before" "$work/cpu.after" "$(getconf CLK_TCK)" \
      "$round,$c,$n,$threads,$skus,$days" "$counts,%s,%s,$before,$after" >>"$raw" <<'PY'
import json, sys
from datetime import datetime
job = json.load(open(sys.argv[1]))
at = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
secs = (at(job["finished_at"]) - at(job["started_at"])).total_seconds()
def ticks(path):
    return {(kind, key): int(v) for kind, key, v in (line.split() for line in open(path))}
before, after, hz = ticks(sys.argv[2]), ticks(sys.argv[3]), int(sys.argv[4])
cpu = lambda kind: sum(v - before.get(k, 0) for k, v in after.items() if k[0] == kind) / hz
print(f"{sys.argv[5]},{job['rows_total']},{secs:.3f},{job['progress']['chunks_total']}," + sys.argv[6] % (f"{cpu('jvm'):.2f}", f"{cpu('db'):.2f}"))
PY
    echo "round $round/$rounds, $c: $(tail -1 "$raw") ($(($(date +%s) - started)) s so far)" >&2
  done
done
python3 - "$raw" docs/jobs-instances.csv <<'PY'
import csv, statistics, sys
from collections import defaultdict
by = defaultdict(list)
for r in csv.DictReader(open(sys.argv[1])):
    by[r["config"]].append(r)
med = lambda rs, k: statistics.median(float(r[k]) for r in rs)
with open(sys.argv[2], "w") as out:
    out.write("config,instances,threads_each,rounds,rows,median_s,q1_s,q3_s,min_s,max_s,median_rows_per_s,"
              "median_chunks_a,median_chunks_b,median_jvm_cpu_s,median_db_cpu_s,load_min,load_max\n")
    for config in ("one", "split", "full"):
        rs = by[config]
        secs = sorted(float(r["seconds"]) for r in rs)
        q1, _, q3 = statistics.quantiles(secs, n=4, method="inclusive")
        loads = [float(r[k]) for r in rs for k in ("load_before", "load_after")]
        out.write(f"{config},{rs[0]['instances']},{rs[0]['threads_each']},{len(rs)},{rs[0]['rows']},"
                  f"{statistics.median(secs):.2f},{q1:.2f},{q3:.2f},{secs[0]:.2f},{secs[-1]:.2f},"
                  f"{int(rs[0]['rows']) / statistics.median(secs):.0f},{med(rs, 'chunks_a'):.0f},{med(rs, 'chunks_b'):.0f},"
                  f"{med(rs, 'jvm_cpu_s'):.2f},{med(rs, 'db_cpu_s'):.2f},{min(loads):.2f},{max(loads):.2f}\n")
PY
cat docs/jobs-instances.csv
# matplotlib from Debian's python3-matplotlib, which only /usr/bin/python3 sees (see bench/scaling.sh)
/usr/bin/python3 bench/plot_scaling.py --jobs docs/jobs-instances-rounds.csv docs/jobs-instances.png \
  "$(nproc) cores, PostgreSQL on the same machine, $rounds rounds" || echo "no plot: apt-get install python3-matplotlib" >&2

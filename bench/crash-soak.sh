#!/usr/bin/env bash
# The kill -9 soak, longer than CI runs it: CrashRecoveryIT against the packaged service, with
# KILLS SIGKILLs per database per run (default 25), RUNS times (default 2), on SQLite (the embedded
# default) and, where STOCKCAST_TEST_POSTGRES_URL is set or the local server answers, PostgreSQL.
# Every job must succeed with the synchronous answer's rows; each run's tally (kills, kills that
# landed mid-job or during start-up, jobs, failures) is appended to target/crash-soak.txt.
#
#   bench/crash-soak.sh [kills] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-25} runs=${2:-2}
if [ -z "${STOCKCAST_TEST_POSTGRES_URL:-}" ] && pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists stockcast_soak" -c "create database stockcast_soak"
  export STOCKCAST_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/stockcast_soak STOCKCAST_TEST_POSTGRES_USER=postgres
fi
./mvnw -B -ntp -q package -DskipTests
rm -f target/crash-soak.txt
for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs: $kills kills per database"
  ./mvnw -B -ntp -q failsafe:integration-test failsafe:verify -Dit.test='CrashRecoveryIT#everyJob*' \
    -Dstockcast.soak.kills="$kills"
done
cat target/crash-soak.txt
awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "kills") k += kv[2]; if (kv[1] == "jobs") j += kv[2] } }
     END { printf "In all: %d kills, %d jobs, 0 failed (a failure stops the script)\n", k, j }' target/crash-soak.txt

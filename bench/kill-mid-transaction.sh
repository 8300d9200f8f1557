#!/usr/bin/env bash
# Kills a program that stores chunks the way the job store does (bench/crash/KillMidTransaction.java)
# with SIGKILL at random moments, restarts it on the same database file, and reports what each start
# found: rows of chunks that were never committed, or a chunk that can no longer be stored.
# Chunks are 100 products x 365 days (36,500 rows), as in CrashRecoveryIT; smaller transactions did
# not show the fault here.
#
#   bench/kill-mid-transaction.sh [rounds]     (default 60 per database)
#
# Runs H2 2.4.240 (the version Spring Boot 4.1 manages, the old embedded default), H2 2.5.252 (the
# newest) and SQLite 3.53.4.0 (the embedded default now, with the service's own connection settings).
# See docs/reliability.md for what it showed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-60}
work=$(mktemp -d)
trap 'pkill -9 -f KillMidTransaction 2>/dev/null || true; rm -rf "$work"' EXIT
javac -d "$work/classes" bench/crash/KillMidTransaction.java

jar() { # groupId artifactId version
  local path=~/.m2/repository/${1//.//}/$2/$3/$2-$3.jar
  [ -f "$path" ] || ./mvnw -q -ntp dependency:get -Dartifact="$1:$2:$3" >/dev/null
  echo "$path"
}

soak() { # name driver-jar url products-per-chunk
  local name=$1 cp=$2 url=$3 products=$4 stray=0 failed=0 starts=0
  for r in $(seq 1 "$rounds"); do
    java -cp "$cp:$work/classes" KillMidTransaction "$url" 2 "$products" > "$work/out" 2>&1 &
    local pid=$!
    sleep "$(awk -v s=$RANDOM 'BEGIN { srand(s); printf "%.2f", 2 + rand() * 6 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if grep -q START "$work/out"; then
      starts=$((starts + 1))
      grep -q "never-committed=0 " "$work/out" || { stray=$((stray + 1)); echo "  $name round $r: $(grep START "$work/out")"; }
      grep -q STORE-FAILED "$work/out" && { failed=$((failed + 1)); echo "  $name round $r: $(grep STORE-FAILED "$work/out" | cut -c1-240)"; }
    fi
    grep -q ALL-DONE "$work/out" && break
  done
  echo "$name: $r kills, $starts starts inspected, $stray found rows of uncommitted chunks, $failed could not store a chunk again"
}

# DATABASES picks some: DATABASES="h2-2.4" bench/kill-mid-transaction.sh 100
for db in ${DATABASES:-h2-2.4 h2-2.5 sqlite}; do
  case $db in
    h2-2.4) soak "H2 2.4.240" "$(jar com.h2database h2 2.4.240)" \
      "jdbc:h2:file:$work/h2-240/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" 100 ;;
    h2-2.5) soak "H2 2.5.252" "$(jar com.h2database h2 2.5.252)" \
      "jdbc:h2:file:$work/h2-252/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" 100 ;;
    sqlite) soak "SQLite 3.53.4.0" "$(jar org.xerial sqlite-jdbc 3.53.4.0)" \
      "jdbc:sqlite:$work/sqlite.db?journal_mode=WAL&synchronous=FULL&busy_timeout=60000&transaction_mode=IMMEDIATE" 100 ;;
  esac
done

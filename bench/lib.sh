# Shared by the bench scripts (sourced, not run).

# The packaged service jar, built first if target/ has none.
packaged_jar() {
  local jar
  jar=$(ls target/stockcast-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ]; then
    ./mvnw -q -B -DskipTests package >&2
    jar=$(ls target/stockcast-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# await_health PORT PID LOG: waits until the service on PORT answers its health check; if its
# process (PID) ends first, prints its LOG and fails.
await_health() {
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.5
  done
  echo "the service on port $1 did not become healthy in 60 s" >&2
  exit 1
}

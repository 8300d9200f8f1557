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

# The API key the bench scripts send (X-API-Key): made for this run; the service started by a script
# is given only its SHA-256, as a deployment would be (see docs/security.md).
BENCH_KEY=${BENCH_KEY:-sck_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export BENCH_KEY

# Settings for a service a bench script starts: the bench key (client "bench"), metrics on a free
# management port, and no rate limit, which would otherwise throttle the timed request loops.
bench_service_args() {
  echo "--stockcast.security.api-keys[0].client=bench" \
    "--stockcast.security.api-keys[0].sha256=$(printf %s "$BENCH_KEY" | sha256sum | cut -d' ' -f1)" \
    "--management.server.port=0" "--stockcast.security.rate-limit.requests-per-second=0"
}

# await_health PORT PID LOG [SECONDS]: waits until the service on PORT answers its health check, up to
# SECONDS (60); if its process (PID) ends first, prints its LOG and fails.
await_health() {
  for _ in $(seq 1 $((${4:-60} * 2))); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.5
  done
  echo "the service on port $1 did not become healthy in ${4:-60} s" >&2
  exit 1
}

#!/usr/bin/env bash
# Generates clients in four languages from the description a running service serves, builds those this
# machine can build, and runs the core flows through the TypeScript one (bench/clients/flows.ts).
# The Java client is built and run by the suite (GeneratedClientTest); this covers the others.
#
#   bench/clients.sh [--jar path/to/stockcast.jar] [--port 18085]
#
# Starts the packaged service (embedded defaults, in a fresh folder) with the bench key. Needs node and
# npm (TypeScript 5.9.3 is installed into target/clients). Python's client is byte-compiled only (its
# pydantic and urllib3 come from PyPI, which this machine cannot reach) and C#'s is generated only
# (no .NET SDK here).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
port=18085 jar=
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
jar=${jar:-$(packaged_jar)}
generator_version=7.25.0
out=target/clients
rm -rf "$out" && mkdir -p "$out"
./mvnw -q -B -ntp dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:$generator_version \
  -DoutputDirectory="$out" >/dev/null
generator="$out/openapi-generator-cli-$generator_version.jar"

data=$(mktemp -d)
# shellcheck disable=SC2046
(cd "$data" && exec java -jar "$OLDPWD/$jar" --server.port="$port" $(bench_service_args)) >"$out/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
await_health "$port" "$pid" "$out/service.log"
curl -sf "http://127.0.0.1:$port/v3/api-docs" >"$out/openapi.json"

# skipFormModel=false: the generator imports the multipart form's model but skips writing it
# (OpenAPITools/openapi-generator#24727); without it neither Java nor TypeScript compiles.
for generator_name in typescript-fetch python csharp java; do
  extra=()
  [ "$generator_name" = java ] && extra=(--library native)
  java -jar "$generator" generate --global-property skipFormModel=false -g "$generator_name" "${extra[@]}" \
    -i "$out/openapi.json" -o "$out/$generator_name" >"$out/$generator_name.log" 2>&1
  echo "generated  $generator_name ($(find "$out/$generator_name" -type f | wc -l) files)"
done

(cd "$out/python" && python3 -m compileall -q openapi_client >/dev/null) && echo "compiled   python (byte-compiled)"

ts="$out/ts"
mkdir -p "$ts/src"
cp -r "$out/typescript-fetch" "$ts/src/client"
cp bench/clients/flows.ts "$ts/src/flows.ts"
(cd "$ts" && npm install --silent --no-audit --no-fund typescript@5.9.3 >/dev/null \
  && ./node_modules/.bin/tsc --strict --target es2020 --module commonjs --lib es2020,dom --outDir build src/flows.ts)
echo "compiled   typescript-fetch (tsc --strict)"
node "$ts/build/flows.js" "http://127.0.0.1:$port" "$BENCH_KEY"

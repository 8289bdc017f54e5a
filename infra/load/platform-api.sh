#!/usr/bin/env bash
# Benchmark: wrk against GET /api/v1/me and GET /api/v1/users (a page of 50) on a fresh all-in-one
# Callisto with the embedded H2 database (or PostgreSQL when CALLISTO_DB_URL is set).
#   infra/load/platform-api.sh [duration=30s] [connections=64] [threads=2]
# Needs wrk (apt-get install wrk) and a built distribution (./callisto run builds it once).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
THREADS=${3:-2}
PORT=${BENCH_PORT:-18690}
DATA=$(mktemp -d /tmp/callisto-bench-XXXX)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
B=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -f infra/dist/target/callisto.jar ] || { echo "build first: ./mvnw -q -DskipTests install"; exit 1; }

CALLISTO_HTTP_HOST=127.0.0.1 CALLISTO_HTTP_PORT=$PORT CALLISTO_DATA_DIR=$DATA/data CALLISTO_PUBLIC_RATE_LIMIT=0 \
CALLISTO_CLUSTER=bench-$$ CALLISTO_CLUSTER_PORT=$((PORT + 1)) \
    "$JAVA" -Xms1g -Xmx1g -Djava.net.preferIPv4Stack=true -jar infra/dist/target/callisto.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; [ -n "${KEEP_DATA:-}" ] || rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "$B/observe/health" >/dev/null && break; sleep 1; done

json() { python3 -c "import json,sys;print(json.load(sys.stdin)['$1'])"; }
curl -sSf -XPOST "$B/api/v1/signup" -H 'content-type: application/json' \
    -d '{"companyName":"Bench Co","adminEmail":"bench@example.test","adminPassword":"Load-Test-Passw0rd-1","seats":50}' >/dev/null
TOKEN=$(curl -sf -XPOST "$B/api/v1/auth/token" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"Load-Test-Passw0rd-1"}' | json accessToken)
for i in $(seq 1 49); do
    curl -sf -XPOST "$B/api/v1/users" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
        -d "{\"email\":\"agent$i@example.test\",\"name\":\"Agent $i\",\"password\":\"Agent-Passw0rd-$i\",\"roles\":[\"AGENT\"]}" >/dev/null
done
[ "$(curl -sf "$B/api/v1/users?limit=50" -H "authorization: Bearer $TOKEN" | python3 -c 'import json,sys;print(len(json.load(sys.stdin)["items"]))')" = 50 ]

echo "== warm-up (10s each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "$B/api/v1/me" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "$B/api/v1/users?limit=50" >/dev/null
for path in /api/v1/me "/api/v1/users?limit=50"; do
    echo "== GET $path  (wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency)"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$B$path" \
        | grep -E 'Latency|Req/Sec|50%|75%|90%|99%|requests in|Requests/sec|Non-2xx|Socket errors'
done

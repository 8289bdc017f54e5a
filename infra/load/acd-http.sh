#!/usr/bin/env bash
# Benchmark: the ACD end to end over HTTP and the events WebSocket. Starts NODES platform nodes of the built
# distribution (CALLISTO_ROLE=platform: storage-enabled grid members sharing one cluster and one fresh PostgreSQL
# database), then the driver (AcdHttpBench): signs up tenants with agents over the REST API, connects every
# agent's events WebSocket, sets the agents AVAILABLE, posts tasks at a rising rate and measures POST send to
# `interaction.offered` on the offered agent's socket. Results: a markdown report (OUT) and the log.
#   infra/load/acd-http.sh [driver options]      defaults: --tenants=20 --agents=10 --steps=50,100,200,400
#       --step-seconds=20 --warmup-seconds=30 --handle-ms=100 (all options: infra/load/README.md)
# Environment: NODES=1 (or 3) NODE_HEAP=1g DRIVER_HEAP=1g BENCH_PORT=18700 (HTTP ports BENCH_PORT.., cluster port
# BENCH_PORT+90) OUT=<file.md> KEEP_DB=1 (keep the database) JFR=1 (a flight recording of every JVM).
# Needs a built distribution and module (./mvnw -q -DskipTests install) and PostgreSQL on 127.0.0.1:5432
# (trust authentication for the user postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=infra/load/acd-bench/target/acd-bench.jar
DIST=infra/dist/target/callisto.jar
NODES=${NODES:-1}
NODE_HEAP=${NODE_HEAP:-1g}
DRIVER_HEAP=${DRIVER_HEAP:-1g}
PORT=${BENCH_PORT:-18700}
CLUSTER_PORT=$((PORT + 90))
WORK=$(mktemp -d /tmp/callisto-acd-http-XXXX)
OUT=${OUT:-$WORK/acd-http-results.md}
DB=callisto_acd_http_$$
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

[ -f "$JAR" ] && [ -f "$DIST" ] || { echo "build first: ./mvnw -q -DskipTests install"; exit 1; }
jfr() { [ -n "${JFR:-}" ] && echo "-XX:StartFlightRecording=filename=$WORK/$1.jfr,settings=profile,dumponexit=true" || true; }

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "${KEEP_DB:-}" ] || "${PSQL[@]}" -c "drop database if exists $DB" || true
}
trap cleanup EXIT
"${PSQL[@]}" -c "create database $DB"

start_node() {
    local i=$1
    # shellcheck disable=SC2046
    CALLISTO_ROLE=platform CALLISTO_HTTP_HOST=127.0.0.1 CALLISTO_HTTP_PORT=$((PORT + i - 1)) \
    CALLISTO_CLUSTER=acd-http-$$ CALLISTO_CLUSTER_PORT=$CLUSTER_PORT CALLISTO_CLUSTER_WKA=127.0.0.1 \
    CALLISTO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB CALLISTO_DB_USER=postgres \
    CALLISTO_PUBLIC_RATE_LIMIT=0 CALLISTO_ACCESS_TOKEN_TTL=PT12H CALLISTO_DATA_DIR="$WORK/data-$i" \
        "$JAVA" -Xms"$NODE_HEAP" -Xmx"$NODE_HEAP" -XX:+UseG1GC -Djava.net.preferIPv4Stack=true $(jfr "node-$i") \
        -jar "$DIST" > "$WORK/node-$i.log" 2>&1 &
    PIDS+=($!)
}

await_healthy() {
    local i=$1
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$((PORT + i - 1))/observe/health" >/dev/null && return 0
        kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || { echo "node $i died:"; tail -20 "$WORK/node-$i.log"; exit 1; }
        sleep 0.5
    done
    echo "node $i was not healthy in 120 s:"; tail -20 "$WORK/node-$i.log"; exit 1
}

echo "== $NODES platform node(s), database $DB, cluster port $CLUSTER_PORT; logs in $WORK"
# The first node migrates the database schema and forms the cluster; the others start after it.
start_node 1
await_healthy 1
for i in $(seq 2 "$NODES"); do start_node "$i"; done
for i in $(seq 2 "$NODES"); do await_healthy "$i"; done
BASES=$(for i in $(seq 1 "$NODES"); do printf 'http://127.0.0.1:%d,' $((PORT + i - 1)); done)
echo "== nodes healthy: ${BASES%,} (pids ${PIDS[*]})"

# shellcheck disable=SC2046
if ! "$JAVA" -Xms"$DRIVER_HEAP" -Xmx"$DRIVER_HEAP" -Djava.net.preferIPv4Stack=true $(jfr driver) \
        -Djava.util.logging.config.file=infra/load/acd-bench/logging.properties -cp "$JAR" io.callisto.load.AcdHttpBench \
        --base="${BASES%,}" --node-pids="$(IFS=,; echo "${PIDS[*]}")" --out="$OUT" "$@" 2>&1 | tee "$WORK/driver.log"; then
    echo "== the driver failed; logs in $WORK"
    exit 1
fi
echo "== results: $OUT (logs in $WORK)"

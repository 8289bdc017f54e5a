#!/usr/bin/env bash
# Benchmark: ACD routing on the grid. Starts MEMBERS storage-enabled grid members (AcdGridMember: a platform
# node's grid part, each its own JVM on loopback, one cluster), then the driver (AcdGridBench), which joins
# storage-disabled, sets up the tenants, measures heap per logged-in agent and offers interactions at a rising
# rate until latency or errors climb. Results: a markdown report (OUT) and the log.
#   infra/load/acd-grid.sh [driver options]      defaults: --tenants=1000 --agents=10 --queues=2
#       --steps=100,200,500,1000,2000,5000,10000,15000,20000,30000 --step-seconds=20 --warmup-seconds=120
#       --handle-ms=100 (all options: infra/load/README.md)
# Environment: MEMBERS=3 MEMBER_HEAP=2g DRIVER_HEAP=2g HUB_LISTENERS=2 (members that also listen to every event,
# as the WebSocket hubs of the platform nodes do; the driver is one more) BENCH_CLUSTER_PORT=17574
# OUT=<file.md> (default: in the run's work directory) JFR=1 (a flight recording of every JVM).
# Needs a built module: ./mvnw -q -DskipTests install (or -pl infra/load/acd-bench -am package).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=infra/load/acd-bench/target/acd-bench.jar
MEMBERS=${MEMBERS:-3}
MEMBER_HEAP=${MEMBER_HEAP:-2g}
DRIVER_HEAP=${DRIVER_HEAP:-2g}
HUB_LISTENERS=${HUB_LISTENERS:-2}
PORT=${BENCH_CLUSTER_PORT:-17574}
CLUSTER=acd-bench-$$
WORK=$(mktemp -d /tmp/callisto-acd-grid-XXXX)
OUT=${OUT:-$WORK/acd-grid-results.md}
JVM=(-XX:+UseG1GC -Djava.net.preferIPv4Stack=true
     -Djava.util.logging.config.file=infra/load/acd-bench/logging.properties)

[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests install"; exit 1; }
jfr() { [ -n "${JFR:-}" ] && echo "-XX:StartFlightRecording=filename=$WORK/$1.jfr,settings=profile,dumponexit=true" || true; }

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

start_member() {
    local i=$1 hub=false
    [ "$i" -le "$HUB_LISTENERS" ] && hub=true
    # shellcheck disable=SC2046
    "$JAVA" -Xms"$MEMBER_HEAP" -Xmx"$MEMBER_HEAP" "${JVM[@]}" $(jfr "member-$i") -cp "$JAR" io.callisto.load.AcdGridMember \
        --cluster="$CLUSTER" --cluster-port="$PORT" --hub-listener=$hub --ready-file="$WORK/member-$i.ready" \
        > "$WORK/member-$i.log" 2>&1 &
    PIDS+=($!)
}

await_ready() {
    local i=$1
    for _ in $(seq 1 240); do
        [ -s "$WORK/member-$i.ready" ] && return 0
        kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || { echo "member $i died:"; tail -20 "$WORK/member-$i.log"; exit 1; }
        sleep 0.5
    done
    echo "member $i did not start in 120 s:"; tail -20 "$WORK/member-$i.log"; exit 1
}

echo "== cluster $CLUSTER on 127.0.0.1:$PORT: $MEMBERS storage members ($MEMBER_HEAP heap each); logs in $WORK"
# The first member forms the cluster; the others join it (all bind the same cluster port on loopback).
start_member 1
await_ready 1
for i in $(seq 2 "$MEMBERS"); do start_member "$i"; done
for i in $(seq 2 "$MEMBERS"); do await_ready "$i"; done
echo "== members ready: pids ${PIDS[*]}"

# shellcheck disable=SC2046
if ! "$JAVA" -Xms"$DRIVER_HEAP" -Xmx"$DRIVER_HEAP" "${JVM[@]}" $(jfr driver) -cp "$JAR" io.callisto.load.AcdGridBench \
        --cluster="$CLUSTER" --cluster-port="$PORT" --members="$MEMBERS" --out="$OUT" "$@" 2>&1 | tee "$WORK/driver.log"; then
    echo "== the driver failed; logs in $WORK"
    exit 1
fi
echo "== results: $OUT (logs in $WORK)"

#!/usr/bin/env bash
# Benchmark: the SIP edge. sipp as a carrier calls through Callisto's gateway (B2BUA, ACD, RTP relay) to sipp agent
# phones that answer and echo the audio: calls per second with zero failures, and concurrent relayed calls with CPU
# and memory per call. Optional peers on the same load generators: Kamailio (stateless forwarder, the upper bound of
# pure signalling) and Kamailio + rtpengine in userspace (the relay's reference cost). See README.md here.
#   infra/load/sip/sip-bench.sh [options]     defaults: --steps=10,20,50,100,200,300 --duration=30 --talk-ms=2000
#       --concurrency=100,250,500,1000 --hold=30 --ramp-cps=50 --agents=auto --tenants=auto
#   infra/load/sip/sip-bench.sh --agents=20 --steps=2,5 --duration=10 --concurrency=10 --hold=10 --warmup=5   # smoke
#   infra/load/sip/sip-bench.sh --kamailio --rtpengine                                                       # + peers
# Environment: HEAP=1g (Callisto's heap), DIST=<callisto.jar>, SIP_PORT=15060, RTP_PORTS=20000-40000, OUT=<file.md>,
# JFR=1, CALLISTO_DB_URL/CALLISTO_DB_USER (PostgreSQL instead of H2), the other ports (README.md).
# Needs: a JDK 25, sipp (Debian sip-tester), python3, root (sipp's pcap play sends through a raw socket); with
# --kamailio/--rtpengine the Debian packages kamailio / rtpengine-daemon (installed here with apt-get when missing).
# Everything runs on 127.0.0.1; files go to a fresh /tmp/callisto-sip-bench-XXXX (kept, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/../../.."

java_home() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 $(ls -d /usr/lib/jvm/*25* 2>/dev/null); do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] \
            && "$candidate/bin/java" -version 2>&1 | grep -q '"25'; then
            echo "$candidate"
            return
        fi
    done
    echo "no JDK 25 found (set JAVA_HOME)" >&2
    exit 1
}
JDK=$(java_home)
DIST=${DIST:-infra/dist/target/callisto.jar}

want_peer() { local arg; for arg in "$@"; do [ "$arg" = "$PEER_FLAG" ] && return 0; done; return 1; }
install_if_missing() {  # binary package
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing $2 (apt-get, no recommends)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$2" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
                 --no-install-recommends "$2" >/dev/null; }
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "$1 is missing: apt-get install $2"; exit 1; }
}
install_if_missing sipp sip-tester
command -v python3 >/dev/null || { echo "python3 is missing"; exit 1; }
PEER_FLAG=--kamailio; if want_peer "$@"; then install_if_missing kamailio kamailio; fi
PEER_FLAG=--rtpengine; if want_peer "$@"; then install_if_missing kamailio kamailio; install_if_missing rtpengine rtpengine-daemon; fi
[ "$(id -u)" = 0 ] || echo "WARNING: not root: sipp's pcap play (raw socket) may fail, and no audio would flow"

if [ ! -f "$DIST" ]; then
    echo "== $DIST is missing: building (./mvnw -q -o install -DskipTests)"
    JAVA_HOME=$JDK ./mvnw -q -o install -DskipTests
fi
newer=$(find platform tenant-admin billing webrtc-gateway infra/dist -path '*/src/main/*' -newer "$DIST" -type f 2>/dev/null \
    | head -3 || true)
[ -z "$newer" ] || echo "WARNING: sources are newer than $DIST (e.g. ${newer%%$'\n'*}): rebuild with ./mvnw -q -o install -DskipTests"

WORK=$(mktemp -d /tmp/callisto-sip-bench-XXXX)
cleanup() {
    # the driver stops what it started; this catches what is left if it was killed (pids it wrote, by pid only)
    if [ -f "$WORK/pids" ]; then
        while read -r pid name; do
            if kill -0 "$pid" 2>/dev/null; then
                echo "== stopping leftover $name (pid $pid)"
                kill "$pid" 2>/dev/null || true
                sleep 1
                kill -9 "$pid" 2>/dev/null || true
            fi
        done < "$WORK/pids"
    fi
}
trap cleanup EXIT

mkdir -p "$WORK/classes"
"$JDK/bin/javac" -d "$WORK/classes" infra/load/sip/RtpSink.java
echo "== work directory $WORK"
ORIGINAL=$(printf '%s\x1f' "$@")
# in the background, so that a TERM or INT to this script reaches the driver at once (it then stops what it started)
python3 -u infra/load/sip/sip_bench.py --work="$WORK" --java="$JDK/bin/java" --dist="$(realpath "$DIST")" \
    --original-args="${ORIGINAL%$'\x1f'}" ${OUT:+--out="$OUT"} "$@" &
DRIVER=$!
trap 'kill -TERM $DRIVER 2>/dev/null; wait $DRIVER; exit 130' INT TERM
wait $DRIVER

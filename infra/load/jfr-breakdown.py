#!/usr/bin/env python3
"""Where the CPU went in a benchmark JVM: its flight recording's execution samples, by what they were doing.

    infra/load/jfr-breakdown.py FILE.jfr [FILE.jfr ...]

The recordings come from JFR=1 infra/load/acd-grid.sh (member-N.jfr, driver.jfr) or acd-http.sh (node-N.jfr,
driver.jfr). Each sample is put in the first bucket whose frames all appear in its stack. Samples cover Java
code only: JIT compilation and GC are shown from the recording's own summaries below the table.
"""
import collections
import os
import re
import subprocess
import sys

JFR = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")

# (bucket, frames that must all be on the stack); first match wins.
BUCKETS = [
    ("grid: NextDeadline index extracts from the new state (deserializes it)", ["NextDeadline.extract"]),
    ("grid: RunCommand deserializes the tenant state", ["RunCommand.process", "getValue"]),
    ("grid: RunCommand writes the event batch and outbox entry", ["RunCommand.process", "EventOutbox.publish"]),
    ("grid: RunCommand applies the command (AcdEngine)", ["RunCommand.process"]),
    ("grid: TickDue (the ACD timer)", ["TickDue.process"]),
    ("grid: serializes the new state and the result", ["ConverterValueToBinary"]),
    ("grid: deserializes the entry processor", ["deserializeProcessor"]),
    ("grid: backups", ["Backup"]),
    ("grid: other entry-processor handling (locks, index, event dispatch)", ["onInvokeRequest"]),
    ("events: listener deserializes and handles batches (hub / driver)", ["GridAcdEvents$InsertListener"]),
    ("events: EventsHub JSON and WebSocket send", ["EventsHub"]),
    ("grid: outbox drainer", ["GridOutboxDrainer"]),
    ("grid: client side of invoke (driver / node)", ["GridAcd.execute"]),
    ("grid: messaging (TCMP, socket bus)", ["SocketBus"]),
    ("grid: messaging (TCMP, socket bus)", ["SelectionService"]),
    ("grid: messaging (TCMP, socket bus)", ["PacketPublisher"]),
    ("grid: messaging (TCMP, socket bus)", ["PacketReceiver"]),
    ("grid: messaging (TCMP, socket bus)", ["PacketListener"]),
    ("db: JPA / JDBC", ["org.eclipse.persistence"]),
    ("db: JPA / JDBC", ["org.postgresql"]),
    ("auth: Argon2 password hashing", ["Argon2"]),
    ("auth: JWT", ["com.nimbusds"]),
    ("http: JSON (Jackson)", ["com.fasterxml.jackson"]),
    ("http: WebSocket client (driver)", ["jdk.internal.net.http.websocket"]),
    ("http: HTTP client (driver)", ["jdk.internal.net.http"]),
    ("http: Helidon server", ["io.helidon"]),
    ("bench: driver", ["io.callisto.load"]),
]


def frames(sample):
    return re.findall(r"^\s+([\w.$<>/]+)\(", sample, re.M)


def bucket(stack):
    for name, needles in BUCKETS:
        if all(any(n in f for f in stack) for n in needles):
            return name
    return "other (" + (stack[0].rsplit(".", 2)[-2] if stack else "?") + ")"


def breakdown(path):
    out = subprocess.run([JFR, "print", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    samples = out.split("jdk.ExecutionSample {")[1:]
    counts = collections.Counter(bucket(frames(s)) for s in samples)
    others = collections.Counter()
    for name, n in list(counts.items()):
        if name.startswith("other ("):
            others[name] += n
            del counts[name]
    if others:
        counts["other"] = sum(others.values())
    print(f"\n## {path}: {len(samples)} Java execution samples\n")
    print("| share | what |\n|---:|---|")
    for name, n in counts.most_common():
        print(f"| {100.0 * n / max(1, len(samples)):.1f}% | {name} |")
    if others:
        print("\nlargest 'other' (top frame's class):", ", ".join(f"{k[7:-1]} {v}" for k, v in others.most_common(8)))
    stats = subprocess.run([JFR, "view", "compiler-statistics", path], capture_output=True, text=True).stdout
    total = re.search(r"Total Time:\s*(.+)", stats)
    gc = subprocess.run([JFR, "view", "gc-pauses", path], capture_output=True, text=True).stdout
    pauses = re.search(r"Total Pause Time:?\s*(.+)", gc)
    print(f"\nJIT compilation time: {total.group(1).strip() if total else '?'}; "
          f"GC pauses: {pauses.group(1).strip() if pauses else '?'}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for f in sys.argv[1:]:
        breakdown(f)

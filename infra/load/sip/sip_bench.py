#!/usr/bin/env python3
"""The SIP edge benchmark's driver (started by sip-bench.sh, which compiles RtpSink and cleans up).

Starts Callisto from the built distribution, provisions tenants, agents with SIP credentials, a queue, a trunk and a
number over the REST API, registers every agent's phone from one sipp process (agent_pool_register.xml, answering
with agent_pool_answer.xml and echoing RTP), then drives a sipp carrier (carrier_load.xml) through the gateway:

* CPS steps: calls at a rising rate, each step for --duration seconds, calls of --talk-ms with audio both ways;
* concurrency steps: ramp to C simultaneous relayed calls and hold them --hold seconds.

It samples the CPU and RSS of every process it started from /proc, reads sipp's statistics, the call detail records
and the live ACD statistics from the API, counts the echoed audio at the carrier's RTP port (RtpSink), and prints
one table per mode. Optional peers on the same load generators: Kamailio as a stateless forwarder (--kamailio, CPS
steps) and Kamailio + rtpengine in userspace (--rtpengine, concurrency steps). See README.md.
"""
import argparse
import concurrent.futures
import csv
import datetime
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "scenarios")
CLK_TCK = os.sysconf("SC_CLK_TCK")
PCAP_PACKETS_PER_S = 236 / 7.05  # g711a.pcap: 236 packets of 240 bytes (30 ms each) over 7.05 s
AGENT_PASSWORD = "Agent-Bench-Pass-42"
ADMIN_PASSWORD = "Admin-Bench-Pass-42"


def log(message):
    print(time.strftime("%H:%M:%S ") + message, flush=True)


# ---- processes -------------------------------------------------------------------------------------------------


class Processes:
    """Every process this run starts; their pids also go to WORK/pids, which sip-bench.sh's trap reads."""

    def __init__(self, work):
        self.work = work
        self.running = {}  # name -> Popen
        self.lock = threading.Lock()

    def start(self, name, command, cwd, env=None, stdout_name=None):
        out = open(os.path.join(cwd, stdout_name or (name + ".out")), "wb")
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        out.close()
        with self.lock:
            self.running[name] = process
            self._write()
        return process

    def stop(self, name, grace=10.0):
        with self.lock:
            process = self.running.pop(name, None)
            self._write()
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    def forget(self, name):
        with self.lock:
            self.running.pop(name, None)
            self._write()

    def stop_all(self):
        for name in list(reversed(list(self.running))):
            self.stop(name)

    def _write(self):
        with open(os.path.join(self.work, "pids"), "w") as f:
            for name, process in self.running.items():
                f.write("%d %s\n" % (process.pid, name))


def children_of(pid):
    """pid and all its descendants (for Kamailio, which forks its workers)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    rest = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(rest[1]), []).append(int(entry))
            except (OSError, IndexError):
                pass
    result, todo = [], [pid]
    while todo:
        p = todo.pop()
        result.append(p)
        todo.extend(parents.get(p, []))
    return result


def proc_cpu_rss(pid, tree=False):
    """(CPU seconds, RSS bytes) of a process, or of it and its descendants."""
    ticks, rss = 0, 0
    for p in (children_of(pid) if tree else [pid]):
        try:
            with open("/proc/%d/stat" % p) as f:
                rest = f.read().rsplit(")", 1)[1].split()
            ticks += int(rest[11]) + int(rest[12])
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1]) * 1024
        except (OSError, IndexError, ValueError):
            pass
    return ticks / CLK_TCK, rss


def machine_cpu():
    """(busy seconds, total seconds) of all cores since boot, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return (total - idle) / CLK_TCK, total / CLK_TCK


def udp_socket_drops(ours):
    """{inode: drops} of the UDP sockets whose local port satisfies ours(port) (/proc/net/udp's last column)."""
    drops = {}
    try:
        with open("/proc/net/udp") as f:
            next(f)
            for line in f:
                fields = line.split()
                port = int(fields[1].rsplit(":", 1)[1], 16)
                if ours(port):
                    drops[fields[9]] = int(fields[-1])
    except (OSError, IndexError, ValueError, StopIteration):
        pass
    return drops


class Sampler(threading.Thread):
    """Samples CPU and RSS of the watched processes every second; windows are computed from the samples."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.watched = {}  # role -> (pid, tree)
        self.samples = []  # (t, role, pid, cpu_s, rss)
        self.machine = []  # (t, busy_s, total_s, udp drops so far)
        self.ours = lambda port: False  # which local UDP ports are this run's (their receive drops are counted)
        self.drops_by_socket = {}
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.out = open(path, "w")
        self.out.write("time;role;pid;cpu_seconds;rss_bytes\n")

    def watch(self, role, pid, tree=False):
        with self.lock:
            self.watched[role] = (pid, tree)

    def unwatch(self, role):
        with self.lock:
            self.watched.pop(role, None)

    def run(self):
        while not self.stopped.is_set():
            self.sample()
            self.stopped.wait(1.0)

    def sample(self):
        t = time.time()
        with self.lock:
            watched = dict(self.watched)
        rows = []
        for role, (pid, tree) in watched.items():
            if os.path.exists("/proc/%d" % pid):
                cpu, rss = proc_cpu_rss(pid, tree)
                rows.append((t, role, pid, cpu, rss))
        busy, total = machine_cpu()
        # a socket's drop counter is lost when it closes (the relay's ports, per call): keep the last value seen
        self.drops_by_socket.update(udp_socket_drops(self.ours))
        drops = sum(self.drops_by_socket.values())
        with self.lock:
            self.samples.extend(rows)
            self.machine.append((t, busy, total, drops))
        for row in rows:
            self.out.write("%.3f;%s;%d;%.2f;%d\n" % row)
        self.out.flush()

    def window(self, t0, t1):
        """Per role: cpu % of one core, mean and max RSS in [t0, t1]; plus the machine's busy % of all cores."""
        with self.lock:
            samples = [s for s in self.samples if t0 <= s[0] <= t1]
            machine = [m for m in self.machine if t0 <= m[0] <= t1]
        result = {}
        by_role = {}
        for s in samples:
            by_role.setdefault((s[1], s[2]), []).append(s)
        for (role, _pid), rows in by_role.items():
            if len(rows) < 2:
                continue
            cpu = (rows[-1][3] - rows[0][3]) / (rows[-1][0] - rows[0][0]) * 100.0
            rss = [r[4] for r in rows]
            previous = result.get(role)
            if previous is None or len(rows) > previous["n"]:
                result[role] = {"cpu": cpu, "rss_mean": statistics.mean(rss), "rss_max": max(rss), "n": len(rows)}
        if len(machine) >= 2:
            busy = machine[-1][1] - machine[0][1]
            total = machine[-1][2] - machine[0][2]
            result["_machine"] = {"busy": 100.0 * busy / total if total else 0.0,
                                  "udp_drops": machine[-1][3] - machine[0][3]}
        return result


# ---- the REST API ----------------------------------------------------------------------------------------------


class Api:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, token=None, expect=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("accept", "application/json")
        if data is not None:
            request.add_header("content-type", "application/json")
        if token:
            request.add_header("authorization", "Bearer " + token)
        for attempt in range(5):
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    text = response.read().decode()
                    return json.loads(text) if text else None
            except urllib.error.HTTPError as e:
                text = e.read().decode(errors="replace")
                if e.code in (429, 503) and attempt < 4:
                    time.sleep(1 + attempt)
                    continue
                raise RuntimeError("%s %s -> %d %s" % (method, path, e.code, text[:500]))
            except (urllib.error.URLError, ConnectionError, socket.timeout) as e:
                if attempt < 4:
                    time.sleep(1 + attempt)
                    continue
                raise RuntimeError("%s %s failed: %s" % (method, path, e))
        raise RuntimeError("unreachable")

    def healthy(self):
        try:
            with urllib.request.urlopen(self.base + "/observe/health", timeout=2) as response:
                return response.status == 200
        except Exception:
            return False


def provision(api, tenants, agents, work, threads):
    """Tenants with a LONGEST_IDLE queue (no wrap-up), a trunk from 127.0.0.1, a number, and their agents."""
    run = "%x" % int(time.time())
    per = [agents // tenants + (1 if i < agents % tenants else 0) for i in range(tenants)]
    state = []
    for t in range(tenants):
        email = "admin%d-%s@sipbench.test" % (t, run)
        signup = api.call("POST", "/api/v1/signup", {"companyName": "SIP bench %d %s" % (t, run), "adminEmail": email,
                                                      "adminPassword": ADMIN_PASSWORD, "seats": max(1, per[t])})
        token = api.call("POST", "/api/v1/auth/token", {"email": email, "password": ADMIN_PASSWORD})["accessToken"]
        api.call("PUT", "/api/v1/seats", {"leased": max(1, per[t])}, token)
        queue = api.call("POST", "/api/v1/queues", {"name": "bench", "strategy": "LONGEST_IDLE", "wrapUpSeconds": 0},
                         token)
        trunk = api.call("POST", "/api/v1/trunks", {"name": "sipp carrier", "kind": "CARRIER", "host": "127.0.0.1",
                                                     "allowedIps": ["127.0.0.1/32"], "maxChannels": 10000}, token)
        number = "+1555%07d" % (1000000 + t)
        api.call("POST", "/api/v1/numbers", {"e164": number, "trunkId": trunk["id"],
                                             "target": {"type": "QUEUE", "queueId": queue["id"]}}, token)
        state.append({"tenantId": signup["tenantId"], "token": token, "queueId": queue["id"], "number": number,
                      "agents": []})
    jobs = [(t, i) for t in range(tenants) for i in range(per[t])]
    started = time.time()
    done = [0]
    lock = threading.Lock()

    def make(job):
        t, i = job
        tenant = state[t]
        sip_user = "a%dx%d" % (t, i)
        user = api.call("POST", "/api/v1/users", {"email": "%s-%s@sipbench.test" % (sip_user, run), "name": sip_user,
                                                  "password": AGENT_PASSWORD, "roles": ["AGENT"]}, tenant["token"])
        api.call("POST", "/api/v1/agents", {"userId": user["id"], "queueIds": [tenant["queueId"]],
                                            "sipUsername": sip_user, "sipPassword": "sip-%s-pw" % sip_user},
                 tenant["token"])
        with lock:
            done[0] += 1
            if done[0] % 100 == 0:
                log("  %d/%d agents created (%.0f s)" % (done[0], len(jobs), time.time() - started))
        return t, {"id": user["id"], "sip": sip_user, "password": "sip-%s-pw" % sip_user}

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        for t, agent in pool.map(make, jobs):
            state[t]["agents"].append(agent)
    with open(os.path.join(work, "tenants.json"), "w") as f:
        json.dump(state, f, indent=1)
    return state


def set_available(api, state, threads, only=None):
    jobs = [(tenant, agent) for tenant in state for agent in tenant["agents"]
            if only is None or agent["id"] in only]

    def go(job):
        tenant, agent = job
        api.call("PUT", "/api/v1/agents/%s/state" % agent["id"], {"state": "AVAILABLE"}, tenant["token"])

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(go, jobs))
    return len(jobs)


def agent_states(api, state):
    counts = {}
    by_agent = {}
    for tenant in state:
        snapshot = api.call("GET", "/api/v1/stats/realtime", token=tenant["token"])
        for agent in snapshot["agents"]:
            counts[agent["state"]] = counts.get(agent["state"], 0) + 1
            by_agent[agent["agentId"]] = agent["state"]
    return counts, by_agent


def call_records(api, state, t0, t1):
    """The call detail records of calls started in [t0, t1) (epoch seconds), all tenants."""
    def iso(t):
        return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    records = []
    for tenant in state:
        after = None
        while True:
            path = "/api/v1/calls?limit=200&from=%s&to=%s" % (iso(t0), iso(t1))
            if after:
                path += "&after=" + urllib.request.quote(after)
            page = api.call("GET", path, token=tenant["token"])
            records.extend(page["items"])
            after = page.get("next")
            if not after:
                break
    return records


def parse_iso(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def wait_idle(api, state, timeout=60.0):
    """Waits until no agent is busy or ringing; agents left AWAY (a missed offer) are set AVAILABLE again."""
    deadline = time.time() + timeout
    while True:
        counts, by_agent = agent_states(api, state)
        away = [a for a, s in by_agent.items() if s in ("AWAY", "OFFLINE")]
        busy = sum(v for k, v in counts.items() if k not in ("AVAILABLE", "AWAY", "OFFLINE"))
        if busy == 0 or time.time() > deadline:
            rearmed = set_available(api, state, 8, set(away)) if away else 0
            return counts, rearmed
        time.sleep(1.0)


# ---- sipp ------------------------------------------------------------------------------------------------------


def read_stats(path):
    """Rows of a sipp -trace_stat CSV as dicts (';'-separated)."""
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    if len(rows) < 2:
        return []
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:] if len(row) >= len(header) - 1]


def num(row, key):
    try:
        return int(float(row.get(key, "0") or 0))
    except ValueError:
        return 0


def elapsed(row):
    value = row.get("ElapsedTime(C)", "0:0:0")
    parts = [float(p) for p in value.split(":")]
    seconds = 0.0
    for p in parts[:3]:
        seconds = seconds * 60 + p
    return seconds + (parts[3] / 1e6 if len(parts) > 3 else 0.0)


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def rtt_values(directory):
    values = []
    for name in os.listdir(directory):
        if name.endswith("_rtt.csv"):
            with open(os.path.join(directory, name)) as f:
                for line in f:
                    parts = line.strip().split(";")
                    if len(parts) >= 2 and parts[1].replace(".", "", 1).isdigit():
                        values.append(float(parts[1]))
    return values


def read_sink(path):
    try:
        with open(path) as f:
            parts = f.read().split()
        return {"t": int(parts[0]) / 1000.0, "packets": int(parts[1]), "echoes": int(parts[2]), "other": int(parts[3])}
    except (OSError, IndexError, ValueError):
        return {"t": time.time(), "packets": 0, "echoes": 0, "other": 0}


def free_port(preferred, udp_and_tcp=True, span=1):
    """preferred if it (and the span-1 ports after it) can be bound on 127.0.0.1 over UDP (and TCP), else the next."""
    for port in range(preferred, preferred + 2000, max(2, span) if span > 1 else 1):
        try:
            socks = []
            for p in range(port, port + span):
                kinds = (socket.SOCK_DGRAM, socket.SOCK_STREAM) if udp_and_tcp else (socket.SOCK_DGRAM,)
                for kind in kinds:
                    s = socket.socket(socket.AF_INET, kind)
                    s.bind(("127.0.0.1", p))
                    socks.append(s)
            for s in socks:
                s.close()
            return port
        except OSError:
            for s in socks:
                s.close()
    raise RuntimeError("no free port near %d" % preferred)


# ---- the benchmark ---------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = args.work
        self.procs = Processes(self.work)
        self.sampler = Sampler(os.path.join(self.work, "samples.csv"))
        self.api = None
        self.state = None
        self.callisto = None
        self.cps_rows = []
        self.conc_rows = []
        self.notes = []
        self.pcap = args.pcap
        self.carrier_port = free_port(args.carrier_sip_port)
        self.carrier_mp = free_port(args.carrier_media_port, udp_and_tcp=False, span=6)
        self.agent_port = free_port(args.agent_sip_port)
        self.agent_mp = free_port(args.agent_media_port, udp_and_tcp=False, span=4)
        self.sink_stats = os.path.join(self.work, "sink.stats")
        # the UDP sockets whose receive drops count: every port of this run, the relays' ranges included
        self.our_ports = {self.carrier_port, self.carrier_mp, self.carrier_mp + 2, self.carrier_mp + 4,
                          self.agent_port, self.agent_mp, self.agent_mp + 2}
        low, high = (int(v) for v in args.rtp_ports.split("-"))
        self.our_ranges = [(low, high + 1)]
        if args.rtpengine:
            self.our_ranges.append((args.rtpengine_port_min, args.rtpengine_port_max))
        self.sampler.ours = lambda port: port in self.our_ports or any(a <= port <= b for a, b in self.our_ranges)
        self.far_end_stats = None  # the answering sipp's statistics (its failed calls count against a step)
        self.jcmd = os.path.join(os.path.dirname(args.java), "jcmd")

    # -- setup ------------------------------------------------------------------------------------------------

    def scenario(self, name, directory):
        """Copies a scenario into the run's directory, with the pcap's path filled in."""
        with open(os.path.join(SCENARIOS, name), encoding="iso-8859-1") as f:
            text = f.read().replace("PCAP_FILE", self.pcap)
        path = os.path.join(directory, name)
        with open(path, "w", encoding="iso-8859-1") as f:
            f.write(text)
        return path

    def start_sink(self):
        sink = self.procs.start("rtp-sink", [self.args.java, "-Xms32m", "-Xmx64m", "-XX:+UseSerialGC",
                                             "-XX:TieredStopAtLevel=1", "-cp", os.path.join(self.work, "classes"),
                                             "RtpSink", str(self.carrier_mp + 4), self.pcap, self.sink_stats],
                                self.work)
        self.sampler.watch("sink", sink.pid)
        for _ in range(100):
            if os.path.exists(self.sink_stats):
                return
            time.sleep(0.1)
        raise RuntimeError("RtpSink did not start: see %s/rtp-sink.out" % self.work)

    def start_callisto(self):
        a = self.args
        self.http_port = free_port(a.http_port, udp_and_tcp=False) if a.http_port else free_port(18800)
        self.sip_port = free_port(a.sip_port)
        self.our_ports.add(self.sip_port)
        cluster_port = free_port(a.cluster_port)
        env = dict(os.environ)
        env.update({
            "CALLISTO_ROLE": "all", "CALLISTO_HTTP_HOST": "127.0.0.1", "CALLISTO_HTTP_PORT": str(self.http_port),
            "CALLISTO_SIP_HOST": "127.0.0.1", "CALLISTO_SIP_PORT": str(self.sip_port),
            "CALLISTO_MEDIA_HOST": "127.0.0.1", "CALLISTO_RTP_PORTS": a.rtp_ports,
            "CALLISTO_DATA_DIR": os.path.join(self.work, "data"), "CALLISTO_PUBLIC_RATE_LIMIT": "0",
            "CALLISTO_ACCESS_TOKEN_TTL": "PT12H", "CALLISTO_CLUSTER": "sip-bench-%d" % os.getpid(),
            "CALLISTO_CLUSTER_WKA": "127.0.0.1", "CALLISTO_CLUSTER_HOST": "127.0.0.1",
            "CALLISTO_CLUSTER_PORT": str(cluster_port),
        })
        command = [a.java, "-Xms" + a.heap, "-Xmx" + a.heap, "-XX:+UseG1GC", "-Djava.net.preferIPv4Stack=true"]
        if a.jfr:
            command.append("-XX:StartFlightRecording=filename=%s/callisto.jfr,settings=profile,dumponexit=true"
                           % self.work)
        command += os.environ.get("CALLISTO_JAVA_OPTS", "").split()
        command += ["-jar", a.dist]
        log("starting Callisto: HTTP 127.0.0.1:%d, SIP 127.0.0.1:%d, RTP %s, heap %s, data %s/data"
            % (self.http_port, self.sip_port, a.rtp_ports, a.heap, self.work))
        self.callisto = self.procs.start("callisto", command, self.work, env, "callisto.log")
        self.api = Api("http://127.0.0.1:%d" % self.http_port)
        deadline = time.time() + 180
        while not self.api.healthy():
            if self.callisto.poll() is not None:
                raise RuntimeError("Callisto exited: see %s/callisto.log" % self.work)
            if time.time() > deadline:
                raise RuntimeError("Callisto not healthy in 180 s: see %s/callisto.log" % self.work)
            time.sleep(0.5)
        self.sampler.watch("callisto", self.callisto.pid)
        log("Callisto healthy (pid %d)" % self.callisto.pid)

    def start_agents(self):
        a = self.args
        directory = os.path.join(self.work, "agents")
        os.makedirs(directory, exist_ok=True)
        total = sum(len(t["agents"]) for t in self.state)
        with open(os.path.join(directory, "users.csv"), "w") as f:
            f.write("SEQUENTIAL\n")
            for tenant in self.state:
                for agent in tenant["agents"]:
                    f.write("%s;%s;[authentication username=%s password=%s]\n"
                            % (agent["sip"], tenant["tenantId"], agent["sip"], agent["password"]))
        command = ["sipp", "127.0.0.1:%d" % self.sip_port,
                   "-sf", self.scenario("agent_pool_register.xml", directory),
                   "-oocsf", self.scenario("agent_pool_answer.xml", directory),
                   "-inf", "users.csv", "-i", "127.0.0.1", "-bind_local", "-p", str(self.agent_port),
                   "-mi", "127.0.0.1", "-mp", str(self.agent_mp), "-rtp_echo", "-t", "u1",
                   "-r", str(a.reg_rate), "-rp", "1000", "-m", str(total), "-l", str(total + 1), "-nostdin",
                   "-trace_logs", "-log_file", "registered.log", "-trace_stat", "-stf", "stats.csv", "-fd", "1",
                   "-set", "ring_ms", str(a.ring_ms)]
        if os.environ.get("AGENT_TRACE_ERR"):
            # sipp logs every out-of-call INVITE there (a line per call), so only on request
            command += ["-trace_err", "-error_file", "errors.log"]
        log("registering %d agent phones from one sipp (SIP 127.0.0.1:%d, RTP echo on %d, %d REGISTER/s)"
            % (total, self.agent_port, self.agent_mp, a.reg_rate))
        process = self.procs.start("sipp-agents", command, directory, stdout_name="sipp.out")
        self.far_end_stats = os.path.join(directory, "stats.csv")
        self.sampler.watch("agents", process.pid)
        deadline = time.time() + total / a.reg_rate + 60
        path = os.path.join(directory, "registered.log")
        registered = 0
        while time.time() < deadline:
            if process.poll() is not None:
                raise RuntimeError("the agents' sipp exited: see %s" % directory)
            if os.path.exists(path):
                with open(path) as f:
                    registered = len({line.split()[-1] for line in f if "registered" in line})
                if registered >= total:
                    break
            time.sleep(0.5)
        if registered < total:
            raise RuntimeError("only %d of %d agents registered: see %s" % (registered, total, directory))
        log("all %d agents registered; setting them AVAILABLE" % total)
        set_available(self.api, self.state, 8)
        counts, _ = agent_states(self.api, self.state)
        log("agent states: %s" % counts)

    # -- one run of the carrier -------------------------------------------------------------------------------

    def carrier(self, directory, target_port, numbers, rate, calls, talk_ms, limit, timeout_s):
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "numbers.csv"), "w") as f:
            f.write("SEQUENTIAL\n")
            for n in numbers:
                f.write(n + "\n")
        command = ["sipp", "127.0.0.1:%d" % target_port, "-sf", self.scenario("carrier_load.xml", directory),
                   "-inf", "numbers.csv", "-i", "127.0.0.1", "-bind_local", "-p", str(self.carrier_port),
                   "-mi", "127.0.0.1", "-mp", str(self.carrier_mp), "-t", "u1",
                   "-r", str(rate), "-rp", "1000", "-m", str(calls), "-l", str(limit), "-nostdin",
                   "-timeout", "%ds" % timeout_s, "-timeout_error",
                   "-trace_stat", "-stf", "stats.csv", "-fd", "1", "-trace_rtt", "-rtt_freq", "1",
                   "-trace_err", "-error_file", "errors.log",
                   "-set", "talk_ms", str(talk_ms)]
        process = self.procs.start("sipp-carrier", command, directory, stdout_name="sipp.out")
        self.sampler.watch("carrier", process.pid)
        return process

    def finish_carrier(self, process, deadline):
        while process.poll() is None and time.time() < deadline:
            time.sleep(0.5)
        killed = process.poll() is None
        self.procs.stop("sipp-carrier")
        self.sampler.unwatch("carrier")
        return process.returncode, killed

    def idle_cpu(self, roles, seconds=5.0):
        """The SUT's CPU % with no calls (timers, GC, JIT), over a few seconds."""
        t0 = time.time()
        time.sleep(seconds)
        window = self.sampler.window(t0, time.time())
        return sum(window.get(r, {}).get("cpu", 0.0) for r in roles)

    def far_end_failed(self):
        rows = read_stats(self.far_end_stats) if self.far_end_stats else []
        return num(rows[-1], "FailedCall(C)") if rows else 0

    def load_cpu(self, window):
        return sum(window.get(role, {}).get("cpu", 0.0) for role in ("carrier", "agents", "uas", "sink"))


    # -- CPS steps ----------------------------------------------------------------------------------------------

    def cps_step(self, system, label, rate, target_port, numbers, sut_roles, check_cdrs, report=True, idle=0.0):
        a = self.args
        duration = a.duration if report else a.warmup
        talk_ms = a.talk_ms
        calls = int(round(rate * duration))
        directory = os.path.join(self.work, "%s-cps-%s" % (system, label))
        sink0 = read_sink(self.sink_stats)
        far0 = self.far_end_failed()
        t0 = time.time()
        limit = max(calls, 10)
        process = self.carrier(directory, target_port, numbers, rate, calls, talk_ms, limit,
                               int(duration + talk_ms / 1000 + 60))
        # the steady part of the step: calls have been up for a talk time, and the carrier still sends new ones
        w0 = t0 + min(talk_ms / 1000.0 + 1.0, duration / 2.0)
        w1 = t0 + duration
        while time.time() < w1 and process.poll() is None:
            time.sleep(0.2)
        rc, killed = self.finish_carrier(process, t0 + duration + talk_ms / 1000.0 + 45)
        t_end = time.time()
        time.sleep(2.0)
        sink1 = read_sink(self.sink_stats)
        window = self.sampler.window(w0, w1)
        whole = self.sampler.window(t0, time.time())
        rows = read_stats(os.path.join(directory, "stats.csv"))
        last = rows[-1] if rows else {}
        ok = num(last, "SuccessfulCall(C)")
        failed = num(last, "FailedCall(C)")
        created = num(last, "OutgoingCall(C)")
        peak = max([num(r, "CurrentCall") for r in rows] or [0])
        sending = [r for r in rows if 1.0 <= elapsed(r) <= duration - 0.5]
        if len(sending) >= 2:
            achieved = (num(sending[-1], "OutgoingCall(C)") - num(sending[0], "OutgoingCall(C)")) / max(
                0.001, elapsed(sending[-1]) - elapsed(sending[0]))
        else:
            achieved = created / duration if duration else 0.0
        rtts = rtt_values(directory)
        row = {"system": system, "step": label, "rate": rate, "calls": calls, "created": created, "ok": ok,
               "failed": failed, "achieved": achieved, "peak": peak, "rc": rc, "killed": killed,
               "rtt_p50": percentile(rtts, 50), "rtt_p99": percentile(rtts, 99),
               "echoes": sink1["echoes"] - sink0["echoes"], "other_rtp": sink1["other"] - sink0["other"],
               "udp_drops": whole.get("_machine", {}).get("udp_drops", 0),
               "window": window, "sut_cpu": sum(window.get(r, {}).get("cpu", 0.0) for r in sut_roles),
               "sut_rss": sum(window.get(r, {}).get("rss_max", 0) for r in sut_roles),
               "load_cpu": self.load_cpu(window), "busy": window.get("_machine", {}).get("busy", float("nan")),
               "dir": directory}
        # CPU time per call: the SUT's CPU in the window over the calls offered in the window (each lives talk_ms)
        row["cpu_ms_per_call"] = row["sut_cpu"] * 10.0 / rate if rate else float("nan")
        row["idle"] = idle
        row["net_ms_per_call"] = max(0.0, row["sut_cpu"] - idle) * 10.0 / rate if rate else float("nan")
        expected_echo_per_call = talk_ms / 1000.0 * PCAP_PACKETS_PER_S
        row["echo_ratio"] = row["echoes"] / (ok * expected_echo_per_call) if ok and expected_echo_per_call else 0.0
        reasons = []
        if killed:
            reasons.append("sipp killed at its deadline")
        if failed:
            reasons.append("%d failed calls" % failed)
        if ok < calls:
            reasons.append("%d of %d calls succeeded" % (ok, calls))
        if achieved < 0.95 * rate:
            reasons.append("achieved %.1f of %d CPS" % (achieved, rate))
        if row["echo_ratio"] < 0.8:
            reasons.append("echoed audio %.0f%% of expected" % (100 * row["echo_ratio"]))
        time.sleep(1.0)  # the far end's statistics are written every second
        row["far_failed"] = self.far_end_failed() - far0
        if row["far_failed"]:
            reasons.append("%d failed calls at the answering phones" % row["far_failed"])
        if check_cdrs:
            records = call_records(self.api, self.state, t0 - 1.0, t_end + 1.0)
            dispositions = {}
            connect = []
            for r in records:
                dispositions[r["disposition"]] = dispositions.get(r["disposition"], 0) + 1
                if r.get("answeredAt"):
                    connect.append(1000.0 * (parse_iso(r["answeredAt"]) - parse_iso(r["startedAt"])))
            row["answered"] = dispositions.get("ANSWERED", 0)
            row["dispositions"] = dispositions
            row["connect_p50"] = percentile(connect, 50)
            row["connect_p99"] = percentile(connect, 99)
            if row["answered"] < calls:
                reasons.append("%d of %d calls answered by an agent (%s)" % (row["answered"], calls, dispositions))
            counts, rearmed = wait_idle(self.api, self.state)
            row["rearmed"] = rearmed
            if rearmed:
                reasons.append("%d agents were AWAY or OFFLINE afterwards" % rearmed)
            if self.callisto.poll() is not None:
                reasons.append("Callisto exited")
        else:
            row["answered"] = None
            row["connect_p50"] = row["connect_p99"] = float("nan")
            time.sleep(2.0)
        row["pass"] = not reasons
        row["reasons"] = reasons
        log("%s %s: %d CPS offered, %.1f achieved, %d ok, %d failed, peak %d calls, SUT CPU %.0f%%, %s"
            % (system, label, rate, achieved, ok, failed, peak, row["sut_cpu"],
               "PASS" if row["pass"] else "FAIL: " + "; ".join(reasons)))
        if report:
            self.cps_rows.append(row)
        return row

    # -- concurrency steps --------------------------------------------------------------------------------------

    def heap_live(self):
        """Live heap bytes after a full GC (jcmd GC.class_histogram total), or None."""
        try:
            out = subprocess.run([self.jcmd, str(self.callisto.pid), "GC.class_histogram"], capture_output=True,
                                 text=True, timeout=120).stdout
            for line in reversed(out.splitlines()):
                if line.startswith("Total"):
                    return int(line.split()[2])
        except (OSError, subprocess.TimeoutExpired, ValueError, IndexError):
            pass
        return None

    def concurrency_step(self, system, target, target_port, numbers, sut_roles, callisto):
        a = self.args
        rate = min(a.ramp_cps, target)
        ramp = target / float(rate)
        settle = 5.0
        talk_ms = int((ramp + settle + a.hold + 2) * 1000)
        directory = os.path.join(self.work, "%s-conc-%d" % (system, target))
        # the baseline: idle, after the previous step's calls are gone
        time.sleep(3.0)
        b0 = time.time()
        time.sleep(3.0)
        base = self.sampler.window(b0, time.time())
        base_rss = sum(base.get(r, {}).get("rss_mean", 0) for r in sut_roles)
        base_cpu = sum(base.get(r, {}).get("cpu", 0.0) for r in sut_roles)
        base_heap = self.heap_live() if callisto and a.heap_histogram else None
        sink0 = read_sink(self.sink_stats)
        far0 = self.far_end_failed()
        t0 = time.time()
        process = self.carrier(directory, target_port, numbers, rate, target, talk_ms, target + 10,
                               int(ramp + talk_ms / 1000.0 + 60))
        w0 = t0 + ramp + settle
        w1 = w0 + a.hold
        while time.time() < w0:
            time.sleep(0.2)
        s0 = read_sink(self.sink_stats)
        busy_agents = None
        while time.time() < (w0 + w1) / 2:
            time.sleep(0.2)
        if callisto:
            counts, _ = agent_states(self.api, self.state)
            busy_agents = counts.get("BUSY", 0)
        rows_mid = read_stats(os.path.join(directory, "stats.csv"))
        current = num(rows_mid[-1], "CurrentCall") if rows_mid else 0
        while time.time() < w1:
            time.sleep(0.2)
        s1 = read_sink(self.sink_stats)
        window = self.sampler.window(w0, w1)
        hold_heap = self.heap_live() if callisto and a.heap_histogram else None
        rc, killed = self.finish_carrier(process, t0 + ramp + talk_ms / 1000.0 + 45)
        t_end = time.time()
        time.sleep(2.0)
        sink1 = read_sink(self.sink_stats)
        whole = self.sampler.window(t0, time.time())
        rows = read_stats(os.path.join(directory, "stats.csv"))
        last = rows[-1] if rows else {}
        ok, failed = num(last, "SuccessfulCall(C)"), num(last, "FailedCall(C)")
        hold_rss = sum(window.get(r, {}).get("rss_mean", 0) for r in sut_roles)
        sut_cpu = sum(window.get(r, {}).get("cpu", 0.0) for r in sut_roles)
        echo_pps = (s1["echoes"] - s0["echoes"]) / max(0.001, s1["t"] - s0["t"])
        row = {"system": system, "target": target, "rate": rate, "current": current, "busy_agents": busy_agents,
               "ok": ok, "failed": failed, "rc": rc, "killed": killed, "sut_cpu": sut_cpu,
               "cpu_per_call_ms_s": sut_cpu * 10.0 / target, "idle": base_cpu,
               "net_per_call_ms_s": max(0.0, sut_cpu - base_cpu) * 10.0 / target, "base_rss": base_rss, "hold_rss": hold_rss,
               "rss_per_call": (hold_rss - base_rss) / target,
               "heap_per_call": (hold_heap - base_heap) / target if base_heap and hold_heap else None,
               "echo_pps_per_call": echo_pps / target, "load_cpu": self.load_cpu(window),
               "busy": window.get("_machine", {}).get("busy", float("nan")),
               "udp_drops": whole.get("_machine", {}).get("udp_drops", 0),
               "echoes_total": sink1["echoes"] - sink0["echoes"], "window": window, "dir": directory,
               "roles": {r: window.get(r, {}).get("cpu", 0.0) for r in sut_roles}}
        reasons = []
        if killed:
            reasons.append("sipp killed at its deadline")
        if failed:
            reasons.append("%d failed calls" % failed)
        if ok < target:
            reasons.append("%d of %d calls succeeded" % (ok, target))
        if current < target:
            reasons.append("only %d calls up during the hold" % current)
        if busy_agents is not None and busy_agents < target:
            reasons.append("only %d agents BUSY during the hold" % busy_agents)
        expected = PCAP_PACKETS_PER_S
        time.sleep(1.0)
        row["far_failed"] = self.far_end_failed() - far0
        if row["far_failed"]:
            reasons.append("%d failed calls at the answering phones" % row["far_failed"])
        if row["echo_pps_per_call"] < 0.9 * expected:
            reasons.append("echo %.1f packets/s per call, expected %.1f" % (row["echo_pps_per_call"], expected))
        if callisto:
            records = call_records(self.api, self.state, t0 - 1.0, t_end + 1.0)
            answered = sum(1 for r in records if r["disposition"] == "ANSWERED")
            row["answered"] = answered
            if answered < target:
                reasons.append("%d of %d calls answered by an agent" % (answered, target))
            counts, rearmed = wait_idle(self.api, self.state)
            if rearmed:
                reasons.append("%d agents were AWAY or OFFLINE afterwards" % rearmed)
            if self.callisto.poll() is not None:
                reasons.append("Callisto exited")
        else:
            row["answered"] = None
            time.sleep(3.0)
        row["pass"] = not reasons
        row["reasons"] = reasons
        log("%s C=%d: %d up, SUT CPU %.0f%% (idle %.0f%%), RSS %.0f -> %.0f MB, echo %.1f pkt/s per call, %s"
            % (system, target, current, sut_cpu, base_cpu, base_rss / 2**20, hold_rss / 2**20,
               row["echo_pps_per_call"], "PASS" if row["pass"] else "FAIL: " + "; ".join(reasons)))
        self.conc_rows.append(row)
        return row

    # -- the runs -----------------------------------------------------------------------------------------------

    def run_callisto(self):
        a = self.args
        self.start_callisto()
        tenants = a.tenants
        log("provisioning %d tenant(s) with %d agents over the REST API" % (tenants, a.agents))
        started = time.time()
        self.state = provision(self.api, tenants, a.agents, self.work, a.setup_threads)
        log("provisioned in %.0f s" % (time.time() - started))
        self.start_agents()
        numbers = [t["number"] for t in self.state]
        roles = ["callisto"]
        if a.steps:
            if a.warmup > 0:
                log("warm-up: %d s at %d CPS (not reported)" % (a.warmup, a.steps[0]))
                self.cps_step("callisto", "warmup", a.steps[0], self.sip_port, numbers, roles, True, report=False)
            idle = self.idle_cpu(roles)
            log("Callisto idle: %.1f%% CPU" % idle)
            for rate in a.steps:
                row = self.cps_step("callisto", str(rate), rate, self.sip_port, numbers, roles, True, idle=idle)
                if not row["pass"] and not a.keep_going:
                    log("stopping the CPS climb at the first failed step (--keep-going to go on)")
                    break
        for target in a.concurrency:
            if target > a.agents:
                self.notes.append("C=%d skipped: only %d agents" % (target, a.agents))
                continue
            row = self.concurrency_step("callisto", target, self.sip_port, numbers, roles, True)
            if not row["pass"] and not a.keep_going:
                log("stopping the concurrency climb at the first failed step")
                break
        self.procs.stop("sipp-agents")
        self.sampler.unwatch("agents")
        self.procs.stop("callisto", grace=30)
        self.sampler.unwatch("callisto")

    def kamailio_config(self, name, uas_port, rtpengine_port):
        a = self.args
        port = free_port(a.kamailio_port)
        modules = ["pv", "sl", "rr", "maxfwd", "siputils", "textops"] + (["rtpengine"] if rtpengine_port else [])
        lines = ["#!KAMAILIO", "debug=1", "log_stderror=yes", "children=%d" % a.kamailio_children,
                 "auto_aliases=no", "listen=udp:127.0.0.1:%d" % port,
                 'mpath="%s"' % a.kamailio_modules]
        lines += ['loadmodule "%s.so"' % m for m in modules]
        if rtpengine_port:
            lines.append('modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:%d")' % rtpengine_port)
        offer = ('    if (is_method("INVITE") && has_body("application/sdp")) '
                 '{ rtpengine_offer("replace-origin replace-session-connection"); }')
        lines += [
            "request_route {",
            '    if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }',
            "    if (has_totag()) {",
            "        loose_route();"]
        if rtpengine_port:
            lines.append('        if (is_method("BYE")) { rtpengine_delete(); }')
        lines += [
            "        forward();",
            "        exit;",
            "    }",
            '    if (is_method("CANCEL|ACK")) { forward("127.0.0.1", %d); exit; }' % uas_port,
            "    record_route();"]
        if rtpengine_port:
            lines.append(offer)
        lines += ['    forward("127.0.0.1", %d);' % uas_port, "    exit;", "}"]
        if rtpengine_port:
            lines += ["onreply_route {",
                      '    if (has_body("application/sdp")) '
                      '{ rtpengine_answer("replace-origin replace-session-connection"); }', "}"]
        path = os.path.join(self.work, name + ".cfg")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path, port

    def start_uas(self):
        a = self.args
        directory = os.path.join(self.work, "uas")
        os.makedirs(directory, exist_ok=True)
        port = free_port(a.uas_sip_port)
        mp = free_port(a.uas_media_port, udp_and_tcp=False, span=4)
        command = ["sipp", "-sf", self.scenario("agent_pool_answer.xml", directory), "-i", "127.0.0.1", "-bind_local",
                   "-p", str(port), "-mi", "127.0.0.1", "-mp", str(mp), "-rtp_echo", "-t", "u1", "-nostdin",
                   "-trace_err", "-error_file", "errors.log", "-trace_stat", "-stf", "stats.csv", "-fd", "1",
                   "-set", "ring_ms", str(a.ring_ms)]
        process = self.procs.start("sipp-uas", command, directory, stdout_name="sipp.out")
        self.far_end_stats = os.path.join(directory, "stats.csv")
        self.our_ports.update({port, mp, mp + 2})
        self.sampler.watch("uas", process.pid)
        time.sleep(1.0)
        if process.poll() is not None:
            raise RuntimeError("the far end's sipp exited: see %s" % directory)
        return port

    def start_kamailio(self, name, uas_port, rtpengine_port):
        path, port = self.kamailio_config(name, uas_port, rtpengine_port)
        self.our_ports.add(port)
        check = subprocess.run([self.args.kamailio, "-f", path, "-c"], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError("kamailio -c %s failed:\n%s" % (path, check.stdout + check.stderr))
        process = self.procs.start(name, [self.args.kamailio, "-f", path, "-DD", "-E", "-m", "256", "-M", "16",
                                          "-w", self.work], self.work, stdout_name=name + ".log")
        time.sleep(2.0)
        if process.poll() is not None:
            raise RuntimeError("kamailio exited: see %s/%s.log" % (self.work, name))
        self.sampler.watch("kamailio", process.pid, tree=True)
        log("Kamailio %s on 127.0.0.1:%d (pid %d, %d workers)" % (name, port, process.pid, self.args.kamailio_children))
        return port

    def run_kamailio(self):
        a = self.args
        log("peer: Kamailio as a stateless forwarder, sipp carrier -> Kamailio -> sipp far end (RTP direct)")
        uas = self.start_uas()
        port = self.start_kamailio("kamailio", uas, None)
        numbers = ["+15550009999"]
        roles = ["kamailio"]
        if a.warmup > 0 and a.peer_steps:
            self.cps_step("kamailio", "warmup", a.peer_steps[0], port, numbers, roles, False, report=False)
        idle = self.idle_cpu(roles)
        for rate in a.peer_steps:
            row = self.cps_step("kamailio", str(rate), rate, port, numbers, roles, False, idle=idle)
            if not row["pass"] and not a.keep_going:
                break
        self.procs.stop("kamailio")
        self.sampler.unwatch("kamailio")
        self.procs.stop("sipp-uas")
        self.sampler.unwatch("uas")

    def run_rtpengine(self):
        a = self.args
        log("peer: rtpengine (userspace, --table=-1) behind Kamailio, sipp carrier -> Kamailio+rtpengine -> sipp")
        uas = self.start_uas()
        ng = free_port(a.rtpengine_ng_port, udp_and_tcp=False)
        command = [a.rtpengine, "--config-file=none", "--table=-1", "--interface=127.0.0.1",
                   "--listen-ng=127.0.0.1:%d" % ng, "--port-min=%d" % a.rtpengine_port_min,
                   "--port-max=%d" % a.rtpengine_port_max, "--foreground", "--log-stderr", "--log-level=4",
                   "--num-threads=%d" % a.rtpengine_threads, "--pidfile=%s/rtpengine.pid" % self.work]
        process = self.procs.start("rtpengine", command, self.work, stdout_name="rtpengine.log")
        time.sleep(1.5)
        if process.poll() is not None:
            raise RuntimeError("rtpengine exited: see %s/rtpengine.log" % self.work)
        self.sampler.watch("rtpengine", process.pid)
        port = self.start_kamailio("kamailio-rtpengine", uas, ng)
        numbers = ["+15550009999"]
        roles = ["kamailio", "rtpengine"]
        if a.warmup > 0 and a.rtpengine_cps:
            self.cps_step("rtpengine", "warmup", a.peer_steps[0], port, numbers, roles, False, report=False)
        idle = self.idle_cpu(roles) if a.rtpengine_cps else 0.0
        for rate in (a.peer_steps if a.rtpengine_cps else []):
            row = self.cps_step("kamailio+rtpengine", str(rate), rate, port, numbers, roles, False, idle=idle)
            if not row["pass"] and not a.keep_going:
                break
        for target in a.peer_concurrency:
            row = self.concurrency_step("kamailio+rtpengine", target, port, numbers, roles, False)
            if not row["pass"] and not a.keep_going:
                break
        self.procs.stop("kamailio-rtpengine")
        self.sampler.unwatch("kamailio")
        self.procs.stop("rtpengine")
        self.sampler.unwatch("rtpengine")
        self.procs.stop("sipp-uas")
        self.sampler.unwatch("uas")

    # -- the report ---------------------------------------------------------------------------------------------

    def report(self):
        a = self.args
        mhz = cpu_mhz()
        out = []
        out.append("# SIP edge benchmark, %s" % time.strftime("%Y-%m-%d %H:%M %Z"))
        out.append("")
        out.append("- Machine: %d CPUs (%s, %.0f MHz), %s; sipp %s" % (os.cpu_count(), cpu_model(), mhz,
                                                                      mem_total(), sipp_version()))
        out.append("- Command: `infra/load/sip/sip-bench.sh %s`" % " ".join(a.original_args))
        if a.callisto:
            out.append("- Callisto: `%s` (role all), heap %s, %s; %d tenant(s), %d agents registered from one sipp"
                       % (a.dist, a.heap, "CALLISTO_DB_URL " + os.environ["CALLISTO_DB_URL"]
                          if os.environ.get("CALLISTO_DB_URL") else "H2 in the run's directory", a.tenants, a.agents))
        if a.kamailio or a.rtpengine:
            out.append("- Peers: %s" % ", ".join(
                ([("Kamailio %s (stateless forwarding, record-route; media direct between the sipps)"
                   % tool_version([a.kamailio, "-v"], "version:"))] if a.kamailio else [])
                + ([("rtpengine %s in userspace (--table=-1, %d threads) driven by Kamailio's rtpengine module"
                     % (tool_version([a.rtpengine, "--version"], "Version:"), a.rtpengine_threads))]
                   if a.rtpengine else [])))
        out.append("- CPS steps: %d s each, calls of %d ms with audio (g711a.pcap, 30 ms packets) both ways; "
                   "concurrency: ramp at %d CPS, hold %d s" % (a.duration, a.talk_ms, a.ramp_cps, a.hold))
        out.append("- Work directory (logs, sipp traces, samples.csv): %s" % self.work)
        out.append("")
        if self.cps_rows:
            out.append("## Calls per second")
            out.append("")
            out.append("| system | offered CPS | achieved CPS | calls | failed | answered by agent | peak concurrent | "
                       "INVITE->200 p50/p99 ms | connect p50/p99 ms | echo | SUT CPU % (idle) | SUT CPU ms/call, net of idle | SUT RSS MB | "
                       "load gen CPU % (carrier/phones/sink) | machine busy % | UDP drops | result |")
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
            for r in self.cps_rows:
                out.append("| %s | %d | %.1f | %d | %d | %s | %d | %s | %s | %.0f%% | %.0f (%.0f) | %.2f | %.0f | %s | %.0f | "
                           "%d | %s |" % (r["system"], r["rate"], r["achieved"], r["calls"], r["failed"],
                                         "-" if r["answered"] is None else str(r["answered"]), r["peak"],
                                         pair(r["rtt_p50"], r["rtt_p99"]), pair(r["connect_p50"], r["connect_p99"]),
                                         100 * r["echo_ratio"], r["sut_cpu"], r["idle"], r["net_ms_per_call"],
                                         r["sut_rss"] / 2**20, load_detail(r), r["busy"], r["udp_drops"],
                                         "pass" if r["pass"] else "FAIL: " + "; ".join(r["reasons"])))
            out.append("")
        if self.conc_rows:
            out.append("## Concurrent relayed calls")
            out.append("")
            out.append("| system | target C | calls up | agents BUSY | failed | echo pkt/s per call | SUT CPU % (idle) | "
                       "CPU ms/s per call, net of idle | RSS idle MB | RSS held MB | RSS KB/call | live heap KB/call | "
                       "load gen CPU % (carrier/phones/sink) | machine busy % | UDP drops | result |")
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
            for r in self.conc_rows:
                sut = r["system"]
                if len(r["roles"]) > 1:
                    sut += " (" + ", ".join("%s %.0f%%" % kv for kv in r["roles"].items()) + ")"
                out.append("| %s | %d | %d | %s | %d | %.1f | %.0f (%.0f) | %.3f | %.0f | %.0f | %.1f | %s | %s | %.0f | %d | "
                           "%s |" % (sut, r["target"], r["current"],
                                    "-" if r["busy_agents"] is None else r["busy_agents"], r["failed"],
                                    r["echo_pps_per_call"], r["sut_cpu"], r["idle"], r["net_per_call_ms_s"],
                                    r["base_rss"] / 2**20, r["hold_rss"] / 2**20, r["rss_per_call"] / 1024,
                                    "-" if r["heap_per_call"] is None else "%.1f" % (r["heap_per_call"] / 1024),
                                    load_detail(r), r["busy"], r["udp_drops"],
                                    "pass" if r["pass"] else "FAIL: " + "; ".join(r["reasons"])))
            out.append("")
        out.append("## Summary")
        out.append("")
        out += self.summary(mhz)
        for note in self.notes:
            out.append("- Note: " + note)
        text = "\n".join(out) + "\n"
        print("\n" + text, flush=True)
        for path in {os.path.join(self.work, "results.md"), a.out}:
            if path:
                with open(path, "w") as f:
                    f.write(text)
        log("results: %s%s" % (os.path.join(self.work, "results.md"), "" if not a.out else " and " + a.out))

    def summary(self, mhz):
        lines = []
        best = {}
        for r in self.cps_rows:
            if r["pass"]:
                best[r["system"]] = max(best.get(r["system"], 0), r["rate"])
        for system in dict.fromkeys(r["system"] for r in self.cps_rows):
            top = max(r["rate"] for r in self.cps_rows if r["system"] == system)
            b = best.get(system)
            lines.append("- %s: highest CPS step with zero failures: %s%s" % (
                system, b if b else "none", " (the highest step offered)" if b == top else ""))
        conc = {}
        for r in self.conc_rows:
            if r["pass"]:
                if r["target"] >= conc.get(r["system"], {"target": 0})["target"]:
                    conc[r["system"]] = r
        for system, r in conc.items():
            cores = r["sut_cpu"] / 100.0
            per_ghz = r["target"] / (cores * mhz / 1000.0) if cores > 0 and mhz else float("nan")
            lines.append("- %s: %d concurrent relayed calls held with audio both ways: %.0f%% of a core, %.0f%% idle "
                         "(%.3f ms CPU per second per call net of idle; about %.0f calls per GHz-core, idle included), "
                         "RSS %+.1f KB per call%s"
                         % (system, r["target"], r["sut_cpu"], r["idle"], r["net_per_call_ms_s"], per_ghz,
                            r["rss_per_call"] / 1024,
                            "" if r["heap_per_call"] is None else ", live heap %+.1f KB per call"
                            % (r["heap_per_call"] / 1024)))
        # ratios against the peers, on the steps both passed
        by = {}
        for r in self.cps_rows:
            by.setdefault(r["rate"], {})[r["system"]] = r
        for rate, systems in sorted(by.items()):
            c, k = systems.get("callisto"), systems.get("kamailio")
            if c and k and c["pass"] and k["pass"]:
                lines.append("- at %d CPS, CPU per call net of idle: Callisto %.2f ms (signalling, ACD, relay of %d ms of "
                             "audio), Kamailio %.2f ms (stateless signalling only)%s"
                             % (rate, c["net_ms_per_call"], self.args.talk_ms, k["net_ms_per_call"],
                                ": ratio %.0fx" % (c["net_ms_per_call"] / k["net_ms_per_call"])
                                if k["net_ms_per_call"] > 0 else ""))
        if "callisto" in best and "kamailio" in best:
            lines.append("- highest passing CPS step: Callisto %d, Kamailio %d" % (best["callisto"], best["kamailio"]))
        byc = {}
        for r in self.conc_rows:
            byc.setdefault(r["target"], {})[r["system"]] = r
        for target, systems in sorted(byc.items()):
            c, p = systems.get("callisto"), systems.get("kamailio+rtpengine")
            if c and p and c["pass"] and p["pass"]:
                rtpe = p["roles"].get("rtpengine", 0.0)
                net = max(0.0, c["sut_cpu"] - c["idle"])
                lines.append("- at C=%d held calls: Callisto %.0f%% CPU (%.0f%% net of idle), rtpengine alone %.0f%%, "
                             "Kamailio+rtpengine %.0f%%: Callisto net / rtpengine %s; RSS per call %.1f KB vs %.1f KB"
                             % (target, c["sut_cpu"], net, rtpe, p["sut_cpu"],
                                "%.1fx" % (net / rtpe) if rtpe > 0 else "-",
                                c["rss_per_call"] / 1024, p["rss_per_call"] / 1024))
        lines.append("- Anchors (published, not measured here): Asterisk about 100 concurrent calls per GHz; "
                     "FreeSWITCH mod_callcenter users report overload near 20 CPS. Aim: 300 CPS and 1,000 "
                     "concurrent relayed calls on 2 cores.")
        return lines


def load_detail(row):
    """The load generators' CPU: total (carrier sipp / answering sipp / RtpSink)."""
    w = row["window"]
    far = w.get("agents", w.get("uas", {})).get("cpu", 0.0)
    return "%.0f (%.0f/%.0f/%.0f)" % (row["load_cpu"], w.get("carrier", {}).get("cpu", 0.0), far,
                                      w.get("sink", {}).get("cpu", 0.0))


def pair(a, b):
    if a != a:  # NaN
        return "-"
    return "%.0f / %.0f" % (a, b)


def cpu_mhz():
    try:
        with open("/proc/cpuinfo") as f:
            values = [float(line.split(":")[1]) for line in f if line.startswith("cpu MHz")]
        return statistics.mean(values) if values else 0.0
    except OSError:
        return 0.0


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def mem_total():
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return "%.0f GiB" % (kb / 2**20)
    except OSError:
        return "?"


def sipp_version():
    try:
        out = subprocess.run(["sipp", "-v"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "SIPp v" in line:
                return line.strip().split()[1].rstrip(".")
    except OSError:
        pass
    return "?"


def tool_version(command, prefix):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10)
        for line in (out.stdout + out.stderr).splitlines():
            if line.strip().startswith(prefix):
                return line.strip()[len(prefix):].strip().split()[0 if prefix == "Version:" else 1]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        pass
    return "?"


def int_list(text):
    return [int(v) for v in text.split(",") if v.strip() and int(v) > 0] if text else []


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", required=True)
    p.add_argument("--java", required=True)
    p.add_argument("--dist", required=True)
    p.add_argument("--agents", default="auto", help="agents (phones) to provision and register; default: enough "
                   "for the largest step")
    p.add_argument("--tenants", default="auto", help="tenants the agents are spread over (default: 1 per 100 agents)")
    p.add_argument("--steps", default="10,20,50,100,200,300", help="CPS steps ('' for none)")
    p.add_argument("--duration", type=int, default=30, help="seconds per CPS step")
    p.add_argument("--talk-ms", type=int, default=2000, help="call length in the CPS steps")
    p.add_argument("--warmup", type=int, default=60, help="seconds at the first step's rate before the steps")
    p.add_argument("--concurrency", default="100,250,500,1000", help="concurrency steps ('' for none)")
    p.add_argument("--hold", type=int, default=30, help="seconds each concurrency step holds its calls")
    p.add_argument("--ramp-cps", type=int, default=50, help="call rate of the ramp to a concurrency step")
    p.add_argument("--ring-ms", type=int, default=0, help="how long the agents' phones ring before answering")
    p.add_argument("--reg-rate", type=int, default=50, help="REGISTERs per second of the agent pool")
    p.add_argument("--keep-going", action="store_true", help="go on climbing after a failed step")
    p.add_argument("--no-heap-histogram", dest="heap_histogram", action="store_false",
                   help="skip the live-heap measurement (jcmd GC.class_histogram, a full GC) in concurrency steps")
    p.add_argument("--setup-threads", type=int, default=4)
    p.add_argument("--kamailio", action="store_true", help="also run the CPS steps through Kamailio (stateless)")
    p.add_argument("--rtpengine", action="store_true",
                   help="also run the concurrency steps through Kamailio + rtpengine (userspace)")
    p.add_argument("--rtpengine-cps", action="store_true", help="with --rtpengine, also its CPS steps")
    p.add_argument("--peer-steps", default=None, help="CPS steps of the peers (default: --steps)")
    p.add_argument("--peer-concurrency", default=None, help="concurrency steps of rtpengine (default: --concurrency)")
    p.add_argument("--no-callisto", dest="callisto", action="store_false", help="run the peers only")
    p.add_argument("--out", default=None, help="also write the report here")
    p.add_argument("--original-args", default="")
    args = p.parse_args()
    env = os.environ
    args.heap = env.get("HEAP", "1g")
    args.jfr = bool(env.get("JFR"))
    args.rtp_ports = env.get("RTP_PORTS", "20000-40000")
    args.sip_port = int(env.get("SIP_PORT", "15060"))
    args.http_port = int(env.get("HTTP_PORT", "0"))
    args.cluster_port = int(env.get("CLUSTER_PORT", "17574"))
    args.carrier_sip_port = int(env.get("CARRIER_SIP_PORT", "15070"))
    args.carrier_media_port = int(env.get("CARRIER_MEDIA_PORT", "17000"))
    args.agent_sip_port = int(env.get("AGENT_SIP_PORT", "15080"))
    args.agent_media_port = int(env.get("AGENT_MEDIA_PORT", "17010"))
    args.uas_sip_port = int(env.get("UAS_SIP_PORT", "15180"))
    args.uas_media_port = int(env.get("UAS_MEDIA_PORT", "17020"))
    args.kamailio_port = int(env.get("KAMAILIO_PORT", "15090"))
    args.kamailio_children = int(env.get("KAMAILIO_CHILDREN", "4"))
    args.kamailio = args.kamailio and env.get("KAMAILIO", shutil.which("kamailio") or "/usr/sbin/kamailio")
    args.kamailio_modules = env.get("KAMAILIO_MODULES", "/usr/lib/x86_64-linux-gnu/kamailio/modules/")
    args.rtpengine = args.rtpengine and env.get("RTPENGINE", shutil.which("rtpengine") or "/usr/bin/rtpengine")
    args.rtpengine_ng_port = int(env.get("RTPENGINE_NG_PORT", "22230"))
    args.rtpengine_port_min = int(env.get("RTPENGINE_PORT_MIN", "10000"))
    args.rtpengine_port_max = int(env.get("RTPENGINE_PORT_MAX", "15999"))
    args.rtpengine_threads = int(env.get("RTPENGINE_THREADS", "2"))
    args.pcap = env.get("PCAP", "/usr/share/sip-tester/g711a.pcap")
    args.original_args = args.original_args.split("\x1f") if args.original_args else []
    args.steps = int_list(args.steps)
    args.concurrency = int_list(args.concurrency)
    args.peer_steps = args.steps if args.peer_steps is None else int_list(args.peer_steps)
    args.peer_concurrency = args.concurrency if args.peer_concurrency is None else int_list(args.peer_concurrency)
    # the agents a step needs: each call holds one agent from the answer to the hang-up
    need = max([math.ceil(r * (args.talk_ms / 1000.0 + 0.5)) for r in args.steps] + args.concurrency + [1])
    if args.agents == "auto":
        args.agents = max(5, int(math.ceil(need * 1.1)))
    else:
        args.agents = int(args.agents)
        if args.agents < need:
            log("WARNING: the largest step needs about %d agents (rate x (talk + 0.5 s), or C) and there are %d: "
                "calls will wait and be abandoned" % (need, args.agents))
    args.tenants = max(1, int(math.ceil(args.agents / 100.0))) if args.tenants == "auto" else int(args.tenants)
    args.tenants = min(args.tenants, args.agents)

    bench = Bench(args)

    def stop(signum, _frame):
        raise KeyboardInterrupt("signal %d" % signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    bench.sampler.start()
    code = 0
    try:
        bench.start_sink()
        if args.callisto:
            bench.run_callisto()
        if args.kamailio:
            bench.run_kamailio()
        if args.rtpengine:
            bench.run_rtpengine()
    except KeyboardInterrupt as e:
        log("interrupted (%s)" % e)
        code = 130
    except Exception as e:  # noqa: BLE001 - report, then clean up and print what was measured
        log("ERROR: %s" % e)
        code = 1
    finally:
        bench.procs.stop_all()
        bench.sampler.stopped.set()
        if bench.cps_rows or bench.conc_rows:
            bench.report()
    return code


if __name__ == "__main__":
    sys.exit(main())

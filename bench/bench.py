"""The README's figures, for the coach and, in the same run, for Rasa's default assistant.

    make bench                              # everything (about 25 minutes on 2 cores)
    .venv/bin/python bench/bench.py --skip-cv --seconds 10    # quicker

The reference is the assistant `rasa init --no-prompt` creates (in a temporary
folder), trained with its default config and served with `rasa run`. For each:
training time and peak memory, launch to first answer, REST latency (median,
p95, p99) for 1, 10 and 50 users each sending their next message when the last
was answered (closed loop), throughput, and resident memory of the servers idle
and under load. For the coach only: a whole guided session (2 sets, both legs)
over REST, and the NLU figures (held-out intent macro F1 and entity F1, and a
5-fold cross-validation of the training data).

Writes bench/results.json and bench/results.md (the table for the README).
"""

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.coach_server import CoachServer, free_port  # noqa: E402

BIN = Path(sys.executable).parent
RASA = str(BIN / "rasa")
USERS = (1, 10, 50)
# Scaling out (README): 1 and 2 Rasa processes, on SQLite and on PostgreSQL + Redis.
SCALE_USERS = (10, 50)
SCALE_WORKERS = (1, 2)
# Two replicas loading their models at once on a loaded 2-core machine took more
# than 300 s; the limit is only there so that a broken start does not hang the bench.
START_TIMEOUT_SECONDS = 900

COACH_MESSAGES = [
    "how long do I hold the lift?",
    "how many reps?",
    "how often a week?",
    "which muscles does it work?",
    "how do I do it",
    "yes",
    "is there an easier version",
    "thanks",
]
# The reference knows greetings, moods and goodbyes.
REFERENCE_MESSAGES = [
    "hello",
    "I am feeling very good",
    "hi there",
    "I'm sad",
    "yes",
    "are you a bot?",
    "good morning",
    "bye",
]
GUIDED_SESSION = ["start my session", "ready", *["done"] * 20, "ready", *["done"] * 20]

# Runs a command and prints the peak resident memory (KB) of its process tree's
# largest member, so each training is measured on its own.
PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "sys.stderr.buffer.write(code.stderr[-4000:]) if code.returncode else None\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code.returncode)\n"
)


def timed_with_peak(command: list[str], cwd: Path) -> dict:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return {
        "train_seconds": round(time.monotonic() - started, 1),
        "train_peak_mb": int(result.stdout.split()[-1]) // 1024,
    }


# --- processes and memory -------------------------------------------------------------


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# CPU time: what bounds throughput on a shared machine (max messages/s on all cores is
# about cores * 1000 / CPU ms per message), and far less disturbed by other programs
# than wall-clock throughput. Each process's own and its children's time, so that
# PostgreSQL's backends (one per connection, forked) count towards PostgreSQL.
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()  # fields from the state on


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its descendants: the living ones' own time and
    the time of children they have waited for."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        fields = _stat_fields(current)
        if fields is None:
            continue
        # utime, stime, cutime, cstime are fields 14-17 of stat (11-14 from the state).
        total += sum(int(value) for value in fields[11:15])
        todo += children.get(current, [])
    return total / CLOCK_TICKS


class Server:
    """A running assistant: its URL and the processes whose memory counts."""

    def __init__(self, url: str, processes: dict[str, int], stop) -> None:
        self.url = url
        self.processes = processes  # role -> pid
        self.stop = stop

    def memory(self) -> dict[str, float]:
        return {role: rss_mb(pid) for role, pid in self.processes.items()}

    def cpu(self) -> dict[str, float]:
        return {role: cpu_seconds(pid) for role, pid in self.processes.items()}


class PeakMemory:
    """Samples the servers' memory in the background while load runs."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.peak: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            for role, value in self.server.memory().items():
                self.peak[role] = max(self.peak.get(role, 0.0), value)
            self._stop.wait(0.25)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()


# --- load -------------------------------------------------------------------------------


async def post(http: aiohttp.ClientSession, url: str, sender: str, text: str) -> float:
    started = time.perf_counter()
    async with http.post(url, json={"sender": sender, "message": text}) as reply:
        raw = await reply.text()
        if reply.status != 200 or not raw.startswith("["):
            raise RuntimeError(f"{reply.status}: {raw[:200]}")
        if not json.loads(raw):
            raise RuntimeError(f"{reply.status}: no reply")
    return (time.perf_counter() - started) * 1000


async def first_answer(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while True:
            try:
                await post(http, url + "/webhooks/rest/webhook", "bench-first", "hello")
                return
            except (aiohttp.ClientError, RuntimeError):
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


async def closed_loop(
    url: str, users: int, seconds: float, messages: list[str], server: "Server | None" = None
) -> dict:
    """`users` senders, each sending its next message when the last was answered; with
    `server`, also the CPU time each of its processes spent per answered message."""
    webhook = url + "/webhooks/rest/webhook"
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    run = f"{users}u-{time.monotonic_ns()}"

    async def user(index: int, http: aiohttp.ClientSession) -> None:
        # Each pass through the messages is a new person with a conversation of
        # that length, as real traffic is; one endless conversation would time
        # a tracker no real user grows.
        turn = 0
        while time.monotonic() < deadline:
            text = messages[(index + turn) % len(messages)]
            sender = f"bench-{run}-{index}-{turn // len(messages)}"
            try:
                latencies.append(await post(http, webhook, sender, text))
            except (RuntimeError, aiohttp.ClientError) as error:
                errors.append(str(error))  # counted and shown, not timed
            turn += 1

    connector = aiohttp.TCPConnector(limit=users)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        cpu_before = server.cpu() if server else {}
        client_before = time.process_time()
        started = time.monotonic()
        await asyncio.gather(*(user(index, http) for index in range(users)))
        elapsed = time.monotonic() - started
        client_cpu = time.process_time() - client_before
        cpu_after = server.cpu() if server else {}
    ordered = sorted(latencies)

    def pick(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)

    return {
        "requests": len(latencies),
        "median_ms": round(statistics.median(latencies), 1),
        "p95_ms": pick(0.95),
        "p99_ms": pick(0.99),
        "throughput_per_s": round(len(latencies) / elapsed, 1),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        **cpu_figures(cpu_before, cpu_after, client_cpu, len(latencies)),
    }


def cpu_figures(before: dict, after: dict, client_cpu: float, answered: int) -> dict:
    """CPU ms per answered message of each server process, their total, and the
    throughput that total allows on this machine's cores if nothing else ran."""
    if not before or not answered:
        return {}
    per_role = {
        role: round((after[role] - before[role]) * 1000 / answered, 2)
        for role in before
        if role in after
    }
    total = sum(per_role.values())
    return {
        "cpu_ms_per_message": per_role,
        "cpu_ms_per_message_total": round(total, 2),
        "cpu_bound_messages_per_s": round((os.cpu_count() or 1) * 1000 / total, 1)
        if total
        else None,
        # The load generator shares the cores too; not counted in the total.
        "load_generator_cpu_ms_per_message": round(client_cpu * 1000 / answered, 2),
    }


async def guided_sessions(url: str, sessions: int) -> dict:
    """Whole sessions, one after another, each by a new user: server time per session."""
    webhook = url + "/webhooks/rest/webhook"
    totals = []
    async with aiohttp.ClientSession() as http:
        for index in range(sessions):
            sender = f"bench-session-{time.monotonic_ns()}-{index}"
            totals.append(sum([await post(http, webhook, sender, t) for t in GUIDED_SESSION]))
    return {
        "session_messages": len(GUIDED_SESSION),
        "session_total_ms_median": round(statistics.median(totals)),
        "session_per_message_ms": round(statistics.median(totals) / len(GUIDED_SESSION), 1),
    }


def measure_serving(server: Server, startup: float, seconds: float, messages: list[str]) -> dict:
    results: dict = {"startup_to_first_answer_seconds": round(startup, 1)}
    results["idle_rss_mb"] = {role: round(mb) for role, mb in server.memory().items()}
    with PeakMemory(server) as peak:
        for users in USERS:
            results[f"users_{users}"] = asyncio.run(
                closed_loop(server.url, users, seconds, messages, server)
            )
    results["load_peak_rss_mb"] = {role: round(mb) for role, mb in peak.peak.items()}
    return results


# --- the two assistants ----------------------------------------------------------------


def start_coach(workdir: Path) -> tuple[Server, float]:
    coach = CoachServer(workdir)
    started = time.monotonic()
    coach.start(START_TIMEOUT_SECONDS)
    asyncio.run(first_answer(coach.url, START_TIMEOUT_SECONDS))
    startup = time.monotonic() - started
    processes = {"action_server": coach.action_server_pid(), "rasa_server": coach.rasa_server_pid()}
    return Server(coach.url, processes, coach.stop), startup


def rasa_pids(coach: CoachServer) -> list[int]:
    """Every Rasa server process serve.py started (one, or the replicas)."""
    replicas = coach.recorded().get("rasa_replicas") or {}
    found = [pid for pid in replicas.values() if isinstance(pid, int)]
    return sorted(found or [pid for pid in [coach.rasa_server_pid()] if pid])


async def every_replica_answers(coach: CoachServer, timeout: float) -> None:
    """Wait until each Rasa replica answers on its own port, not only the first one
    behind HAProxy: the load must not start while a replica is still loading."""
    ports = [int(port) for port in (coach.recorded().get("rasa_replicas") or {})]
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        for port in ports:
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/") as reply:
                        if reply.status == 200:
                            break
                except (TimeoutError, aiohttp.ClientError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Rasa replica on port {port} not answering")
                await asyncio.sleep(1)


def start_scaled(
    workdir: Path, workers: int, engines: dict | None, extra_env: dict | None = None
) -> tuple[Server, float]:
    """The coach with `workers` Rasa processes; on PostgreSQL + Redis when `engines`
    has their URLs, else on SQLite (with Redis as the lock store when workers > 1)."""
    env = {"COACH_RASA_WORKERS": str(workers), **(extra_env or {})}
    if engines:
        env["COACH_TRACKER_URL"] = engines["postgres"]
    if engines or workers > 1:
        env["COACH_LOCK_STORE_URL"] = engines["redis"] if engines else SCALE_REDIS["url"]
    coach = CoachServer(workdir, extra_env=env)
    started = time.monotonic()
    coach.start(START_TIMEOUT_SECONDS)
    asyncio.run(first_answer(coach.url, START_TIMEOUT_SECONDS))
    asyncio.run(every_replica_answers(coach, START_TIMEOUT_SECONDS))
    startup = time.monotonic() - started
    processes = {"action_server": coach.action_server_pid()}
    for number, pid in enumerate(rasa_pids(coach), 1):
        processes[f"rasa_server_{number}"] = pid
    if isinstance(coach.recorded().get("haproxy"), int):
        processes["haproxy"] = coach.recorded()["haproxy"]
    if engines:
        processes["postgres"] = engines["postgres_pid"]
    if engines or workers > 1:
        processes["redis"] = engines["redis_pid"] if engines else SCALE_REDIS["pid"]
    return Server(coach.url, processes, coach.stop), startup


SCALE_REDIS: dict = {}
UNCACHED = "_uncached"
UNCACHED_ENV = {"COACH_NLU_CACHE_SIZE": "0"}


def measure_scaled(server: Server, seconds: float) -> dict:
    results: dict = {}
    with PeakMemory(server) as peak:
        for users in SCALE_USERS:
            results[f"users_{users}"] = asyncio.run(
                closed_loop(server.url, users, seconds, COACH_MESSAGES, server)
            )
    rasa = [mb for role, mb in peak.peak.items() if role.startswith("rasa_server")]
    results["rasa_rss_mb_per_worker"] = round(sum(rasa) / len(rasa)) if rasa else None
    results["action_server_rss_mb"] = round(peak.peak.get("action_server", 0))
    return results


def scale_out(scratch: Path, seconds: float) -> dict:
    """Each arrangement in turn on throwaway PostgreSQL and Redis servers."""
    from tests.e2e.engines import Postgres, Redis

    postgres, redis = Postgres().start(), Redis().start()
    SCALE_REDIS.update(url=redis.url, pid=redis.process.pid)
    # The postmaster: its backends are its children.
    postgres_pid = int((postgres.data / "postmaster.pid").read_text().split()[0])
    figures: dict = {}
    try:
        shared = {
            "postgres": postgres.url,
            "postgres_pid": postgres_pid,
            "redis": redis.url,
            "redis_pid": redis.process.pid,
        }
        stores = ("sqlite", "postgres_redis")
        arrangements = [(store, workers, {}) for store in stores for workers in SCALE_WORKERS]
        # The bench's users repeat a few sentences, so every parse above after the first
        # comes from the parse cache; real users also say new things, which cost the NLU
        # pipeline: the same arrangement again with no text kept shows that end.
        arrangements.append(("postgres_redis", max(SCALE_WORKERS), UNCACHED_ENV))
        for store, workers, extra_env in arrangements:
            name = f"{store}_{workers}w" + (UNCACHED if extra_env else "")
            engines = shared if store == "postgres_redis" else None
            print(f"coach, scaled: {name}")
            workdir = ROOT / "results" / "bench-scale" / name  # kept: its server.log
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
            try:
                server, startup = start_scaled(workdir, workers, engines, extra_env)
            except RuntimeError as error:  # the other arrangements are still measured
                print(f"coach, scaled: {name} did not start: {error}")
                figures[name] = {"not_started": str(error)[-500:]}
                continue
            try:
                figures[name] = measure_scaled(server, seconds)
                figures[name]["startup_to_first_answer_seconds"] = round(startup, 1)
            finally:
                server.stop()
    finally:
        redis.stop()
        postgres.remove()
    return figures


CPU_GROUPS = (
    ("Rasa", "rasa_server"),
    ("actions", "action_server"),
    ("PostgreSQL", "postgres"),
    ("Redis", "redis"),
    ("HAProxy", "haproxy"),
)


def cpu_cells(figures: dict) -> str:
    """The CPU columns of one row: ms per message by process kind (the Rasa replicas
    together), their total, and the messages/s that total allows on this machine."""
    per_role = figures.get("cpu_ms_per_message")
    if not per_role:
        return "- | - | -"
    parts = []
    for label, prefix in CPU_GROUPS:
        found = [ms for role, ms in per_role.items() if role.startswith(prefix)]
        if found:
            parts.append(f"{label} {sum(found):.1f}")
    return (
        f"{', '.join(parts)} | {figures['cpu_ms_per_message_total']:.1f} |"
        f" {figures['cpu_bound_messages_per_s']}"
    )


def scale_table(results: dict) -> str:
    ref = results["reference"]
    base = ref["users_10"]["throughput_per_s"]
    cores = os.cpu_count() or 1
    lines = [
        "| arrangement | users | messages/s | median / p95 (ms) | messages/s against the"
        " reference's 10 users | CPU ms per message, by process | CPU ms per message, total"
        f" | messages/s that CPU allows on {cores} cores | Rasa RSS per worker (MB)"
        " | failed requests |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for users in SCALE_USERS:
        r = ref[f"users_{users}"]
        lines.append(
            f"| reference (`rasa init`), 1 process | {users} | {r['throughput_per_s']} |"
            f" {r['median_ms']} / {r['p95_ms']} | {ratio(r['throughput_per_s'], base)} |"
            f" {cpu_cells(r)} | {ref['load_peak_rss_mb']['rasa_server']} |"
            f" {r.get('errors', 0)} |"
        )
    labels = {"sqlite": "SQLite", "postgres_redis": "PostgreSQL + Redis"}
    for name, figures in results.get("scale", {}).items():
        store, workers = name.removesuffix(UNCACHED).rsplit("_", 1)
        label = f"coach, {labels[store]}, {workers[:-1]} worker{'s' if workers != '1w' else ''}"
        if store == "sqlite" and workers != "1w":
            label += " (Redis locks)"
        if name.endswith(UNCACHED):
            label += ", every text parsed (`COACH_NLU_CACHE_SIZE=0`)"
        if "not_started" in figures:
            lines.append(f"| {label} | - | did not start (see results/bench-scale/{name}) |"
                         " - | - | - | - | - | - | - |")  # fmt: skip
            continue
        for users in SCALE_USERS:
            c = figures[f"users_{users}"]
            lines.append(
                f"| {label} | {users} | {c['throughput_per_s']} | {c['median_ms']} /"
                f" {c['p95_ms']} | {ratio(c['throughput_per_s'], base)} | {cpu_cells(c)} |"
                f" {figures['rasa_rss_mb_per_worker']} | {c.get('errors', 0)} |"
            )
    return "\n".join(lines) + "\n"


REFERENCE_CREDENTIALS = "rest:\n"


def start_reference(project: Path) -> tuple[Server, float]:
    (project / "bench-credentials.yml").write_text(REFERENCE_CREDENTIALS)
    port = free_port()
    log = open(project / "server.log", "wb")  # noqa: SIM115 - closed by stop()
    started = time.monotonic()
    process = subprocess.Popen(
        [RASA, "run", "--model", "models", "--port", str(port)]
        + ["--credentials", "bench-credentials.yml"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    url = f"http://127.0.0.1:{port}"
    asyncio.run(first_answer(url, START_TIMEOUT_SECONDS))
    startup = time.monotonic() - started

    def stop() -> None:
        process.terminate()
        process.wait(timeout=60)
        log.close()

    return Server(url, {"rasa_server": process.pid}, stop), startup


# --- NLU quality -----------------------------------------------------------------------


def f1_of(report_path: Path, average: str) -> float | None:
    if not report_path.exists():
        return None
    return round(json.loads(report_path.read_text())[average]["f1-score"], 3)


def nlu_quality(out: Path, cross_validation: bool) -> dict:
    rasa_env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    heldout = out / "heldout"
    subprocess.run(
        [RASA, "test", "nlu", "--nlu", "tests/nlu/heldout.yml"]
        + ["--model", "models/coach.tar.gz", "--out", str(heldout)],
        cwd=ROOT, check=True, capture_output=True, env=rasa_env,
    )  # fmt: skip
    # `rasa test nlu` does not score a pre-trained extractor's entities; the
    # held-out check scores them with Rasa's own entity evaluation.
    subprocess.run(
        [sys.executable, "-m", "tests.rasa.test_rasa_checks", str(heldout)],
        cwd=ROOT, check=True, capture_output=True, env=rasa_env,
    )  # fmt: skip
    results = {
        "heldout_intent_macro_f1": f1_of(heldout / "intent_report.json", "macro avg"),
        "heldout_entity_micro_f1": f1_of(heldout / "SpacyEntityExtractor_report.json", "micro avg"),
    }
    if cross_validation:
        folds = out / "cv"
        started = time.monotonic()
        subprocess.run(
            [RASA, "test", "nlu", "--nlu", "data/nlu", "--config", "config.yml"]
            + ["--cross-validation", "--folds", "5", "--out", str(folds)],
            cwd=ROOT, check=True, capture_output=True, env=rasa_env,
        )  # fmt: skip
        results["cv5_intent_macro_f1"] = f1_of(folds / "intent_report.json", "macro avg")
        results["cv5_seconds"] = round(time.monotonic() - started)
    return results


# --- report ----------------------------------------------------------------------------


def ratio(coach: float, reference: float) -> str:
    return f"{coach / reference:.2f}x" if reference else "-"


def table(results: dict) -> str:
    coach, ref = results["coach"], results["reference"]
    rows = [
        ("training, wall (s)", coach["train_seconds"], ref["train_seconds"]),
        ("training, peak memory (MB)", coach["train_peak_mb"], ref["train_peak_mb"]),
        (
            "launch to first answer (s)",
            coach["startup_to_first_answer_seconds"],
            ref["startup_to_first_answer_seconds"],
        ),
    ]
    for users in USERS:
        c, r = coach[f"users_{users}"], ref[f"users_{users}"]
        label = f"{users} user{'s' if users > 1 else ''}"
        rows += [
            (f"{label}: median / p95 / p99 (ms)", c, r),
            (f"{label}: throughput (messages/s)", c["throughput_per_s"], r["throughput_per_s"]),
            (
                f"{label}: server CPU per message, all processes (ms)",
                c.get("cpu_ms_per_message_total"),
                r.get("cpu_ms_per_message_total"),
            ),
        ]
    for when, key in (("idle", "idle_rss_mb"), ("under load, peak", "load_peak_rss_mb")):
        rows.append(
            (f"Rasa server memory, {when} (MB)", coach[key]["rasa_server"], ref[key]["rasa_server"])
        )
        rows.append((f"action server memory, {when} (MB)", coach[key].get("action_server"), None))
    lines = [
        "| figure | coach | reference (`rasa init`) | coach / reference |",
        "| --- | --- | --- | --- |",
    ]
    for label, c, r in rows:
        if isinstance(c, dict):
            show_c = f"{c['median_ms']} / {c['p95_ms']} / {c['p99_ms']}"
            show_r = f"{r['median_ms']} / {r['p95_ms']} / {r['p99_ms']}"
            share = ratio(c["median_ms"], r["median_ms"]) + " (median)"
        else:
            show_c, show_r = c, ("-" if r is None else r)
            share = ratio(c, r) if isinstance(c, int | float) and r else "-"
        lines.append(f"| {label} | {show_c} | {show_r} | {share} |")
    if "gate_us_per_message" in coach:
        lines.append(
            f"| input gate (checks and limits) per message | {coach['gate_us_per_message']} µs"
            " | - | - |"
        )
    lines.append(
        f"| guided session over REST, {coach['session_messages']} messages: server time"
        f" | {coach['session_total_ms_median']} ms ({coach['session_per_message_ms']} ms a"
        " message) | - | - |"
    )
    for key, label in (
        ("heldout_intent_macro_f1", "NLU held-out intent macro F1"),
        ("heldout_entity_micro_f1", "NLU held-out entity F1 (micro)"),
        ("cv5_intent_macro_f1", "NLU 5-fold cross-validation, intent macro F1"),
    ):
        if coach.get(key) is not None:
            lines.append(f"| {label} | {coach[key]} | - | - |")
    return "\n".join(lines) + "\n"


def gate_cost(messages: int = 20_000) -> dict:
    """What the input gate (connectors/gateway.py) costs a normal user's message: the id,
    text and metadata checks, both rate limits and the typed-text check, in microseconds."""
    import timeit

    from connectors.gateway import (
        gate_from_environment,
        metadata_problem,
        sender_problem,
        text_problem,
    )

    gate = gate_from_environment({"COACH_RATE_LIMIT_PER_MINUTE": "0"})  # no refusals
    gate.per_address.per_second = 0
    metadata = {"timezone": "Europe/London", "voice": False}
    senders = [f"user-{n}" for n in range(500)]

    def one(n: int = 0) -> None:
        sender = senders[n % len(senders)]
        sender_problem(sender)
        text_problem("how long do I hold the lift?")
        metadata_problem(metadata)
        gate.refusal(sender, "203.0.113.7")
        gate.readable_text(sender, "how long do I hold the lift?")

    seconds = min(timeit.repeat(one, number=messages, repeat=5))
    return {"gate_us_per_message": round(seconds / messages * 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20, help="load time per user count")
    parser.add_argument("--sessions", type=int, default=5, help="guided sessions to time")
    parser.add_argument("--skip-cv", action="store_true", help="no cross-validation")
    parser.add_argument("--gate-only", action="store_true", help="only the input gate's cost")
    parser.add_argument(
        "--scale-only",
        action="store_true",
        help="only the reference and the scale-out figures (no training of the coach, no NLU)",
    )
    parser.add_argument("--skip-scale", action="store_true", help="no scale-out figures")
    args = parser.parse_args()
    if args.gate_only:
        print(json.dumps(gate_cost()))
        return
    if args.scale_only:
        scale_only(args.seconds)
        return
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    results: dict = {
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}",
        "load_seconds_per_user_count": args.seconds,
    }
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        reference = scratch / "reference"
        reference.mkdir()  # rasa init wants the folder to exist
        print("reference: rasa init --no-prompt (creates and trains the default assistant)")
        ref = timed_with_peak([RASA, "init", "--no-prompt", "--init-dir", str(reference)], scratch)
        print("coach: rasa train --force")
        coach = timed_with_peak(
            [RASA, "train", "--force", "--out", str(scratch / "coach-model")]
            + ["--config", "config.yml", "--domain", "domain.yml", "--data", "data"],
            ROOT,
        )
        for name, start, figures, messages in (
            ("reference", lambda: start_reference(reference), ref, REFERENCE_MESSAGES),
            ("coach", lambda: start_coach(scratch / "coach-run"), coach, COACH_MESSAGES),
        ):
            print(f"{name}: serving")
            (scratch / "coach-run").mkdir(exist_ok=True)
            server, startup = start()
            try:
                figures.update(measure_serving(server, startup, args.seconds, messages))
                if name == "coach":
                    figures.update(asyncio.run(guided_sessions(server.url, args.sessions)))
            finally:
                server.stop()
        if not args.skip_scale:
            results["scale"] = scale_out(scratch, args.seconds)
        print("coach: NLU quality")
        # Kept (results/ is not in git) for reading the per-intent reports and errors.
        coach.update(nlu_quality(ROOT / "results" / "bench-nlu", not args.skip_cv))
    coach.update(gate_cost())
    results["coach"], results["reference"] = coach, ref
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    markdown = table(results)
    if "scale" in results:
        markdown += "\n" + scale_table(results)
    (ROOT / "bench" / "results.md").write_text(markdown)
    print(markdown)


def scale_only(seconds: float) -> None:
    """The reference at 10 and 50 users and the scale-out figures, in one run; written to
    bench/scale-results.json and bench/scale-results.md."""
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    results: dict = {
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}",
        "load_seconds_per_user_count": seconds,
    }
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        reference = scratch / "reference"
        reference.mkdir()
        print("reference: rasa init --no-prompt (creates and trains the default assistant)")
        timed_with_peak([RASA, "init", "--no-prompt", "--init-dir", str(reference)], scratch)
        print("reference: serving")
        server, _ = start_reference(reference)
        try:
            ref: dict = {}
            with PeakMemory(server) as peak:
                for users in SCALE_USERS:
                    ref[f"users_{users}"] = asyncio.run(
                        closed_loop(server.url, users, seconds, REFERENCE_MESSAGES, server)
                    )
            ref["load_peak_rss_mb"] = {role: round(mb) for role, mb in peak.peak.items()}
        finally:
            server.stop()
        results["reference"] = ref
        results["scale"] = scale_out(scratch, seconds)
    (ROOT / "bench" / "scale-results.json").write_text(json.dumps(results, indent=2) + "\n")
    markdown = scale_table(results)
    (ROOT / "bench" / "scale-results.md").write_text(markdown)
    print(markdown)


if __name__ == "__main__":
    main()

"""Start the action server and the Rasa server together, and stop both together.

    python scripts/serve.py run     # serve over HTTP (REST, socket.io), no terminal needed
    python scripts/serve.py shell   # chat in this terminal

Both processes log to this process's stdout. SIGINT (Ctrl-C) or SIGTERM stops
both cleanly. If either server dies on its own it is started again after a
short pause (meanwhile the coach tells users it is having trouble, or its port
is closed); after MAX_CRASHES crashes of one server within
CRASH_WINDOW_SECONDS this gives up, stops the other and exits non-zero. A Rasa
server that exits cleanly (the shell's /stop) or refuses its conversation store
is not restarted. Once the coach answers, `run` prints where to chat with it.
The action server listens on the loopback address unless COACH_ACTIONS_HOST
says otherwise, and answers only calls carrying COACH_ACTION_TOKEN (a random
one for each run when unset).
With COACH_PID_FILE set, the process ids of this process and of the two
servers it last started are kept in that file, as JSON (the end-to-end tests
read them). Settings come from the environment (the Makefile sets the
defaults); a bad setting, a port already in use, or a conversation store that is not a database
or is locked stops start-up with one line saying which.

With COACH_RASA_WORKERS=N (N > 1, which needs COACH_LOCK_STORE_URL: see
connectors/scale.py) `run` starts N Rasa servers on loopback ports and Debian's
HAProxy on COACH_RASA_PORT in front of them (README: "Scaling out"): requests go
to the least busy replica, a browser stays on the replica its socket.io session
lives on (a cookie, or its address when it keeps no cookie), and a request that
cannot reach a dead replica is sent to another. Each replica and HAProxy is
restarted like the action server when it crashes.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from connectors import scale
from connectors.server_settings import SettingError, rasa_arguments
from connectors.tracker_store import EXIT_STORE_UNUSABLE, StoreUnusable, check_sqlite_store

ROOT = Path(__file__).resolve().parent.parent
# Adds the API and CORS settings inside Rasa's own process (no secrets in `ps`).
RASA_LAUNCHER = str(ROOT / "scripts" / "rasa_server.py")
STOP_GRACE_SECONDS = 20
CHAT_PAGE_PATH = "/webhooks/chat/"
POLL_SECONDS = 0.5
# Restarting a crashed action server: 1, 2, 4, 8 s, then give up, unless the
# crashes are spread over more than a minute (then it is not a crash loop).
FIRST_RESTART_DELAY = 1.0
MAX_RESTART_DELAY = 8.0
MAX_CRASHES = 5
CRASH_WINDOW_SECONDS = 60.0
PID_FILE_SETTING = "COACH_PID_FILE"


def setting(name: str, default: str) -> str:
    return os.environ.get(name) or default


def log(message: str) -> None:
    """A line in the servers' shared log, shaped like theirs."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"{stamp} WARNING  serve  - {message}", file=sys.stderr, flush=True)


def action_server_command() -> list[str]:
    port = setting("COACH_ACTIONS_PORT", "5055")
    server = str(ROOT / "scripts" / "action_server.py")
    return [sys.executable, server, "--actions", "actions", "--port", port]


def checkout_first(pythonpath: str) -> str:
    """PYTHONPATH for the servers: this checkout's code first, whichever checkout the
    virtualenv's editable install points at (a second worktree sharing the venv)."""
    rest = [part for part in pythonpath.split(os.pathsep) if part and part != str(ROOT)]
    return os.pathsep.join([str(ROOT), *rest])


def action_server_environment() -> dict[str, str]:
    """rasa_sdk reads its number of Sanic workers from ACTION_SERVER_SANIC_WORKERS."""
    return dict(os.environ, ACTION_SERVER_SANIC_WORKERS=str(scale.action_workers()))


HAPROXY = "haproxy"
HAPROXY_NAME = "load balancer (HAProxy)"  # in the log and the pid file's "haproxy"
# How often HAProxy asks each replica whether it is up, and after how many failed
# checks it stops sending it requests (a request that finds it dead is retried on
# another replica before that).
HEALTH_CHECK_SECONDS = 1
HAPROXY_CONFIG = """\
# Written by scripts/serve.py for this run: {replicas} Rasa replicas behind one port.
global
    maxconn 4096
defaults
    mode http
    # The replicas trust one proxy (SANIC_PROXIES_COUNT=1) for the client's address;
    # a local client is left local (connectors/identity.py).
    option forwardfor except 127.0.0.0/8
    option redispatch
    retries 2
    timeout connect 5s
    timeout client 150s
    timeout server 150s
    timeout tunnel 1h
    # A replica busy with turns may take seconds to answer its health check; only
    # one that refuses connections (dead) or stays silent this long is taken out.
    timeout check 30s
frontend coach
    bind {interface}:{port}
    use_backend pages if {{ path_beg /socket.io/ }}
    default_backend turns
# Turns: to the least busy replica (the shared lock store orders one user's turns).
backend turns
    balance leastconn
    option httpchk GET /
{turn_servers}
# socket.io keeps its sessions in the replica that opened them: a browser comes back
# with the cookie, a client without cookies by its address.
backend pages
    balance source
    hash-type consistent
    cookie COACH_REPLICA insert indirect nocache httponly
    option httpchk GET /
{page_servers}
"""


def haproxy_config(port: int, replica_ports: list[int], interface: str = "*") -> str:
    check = f"check inter {HEALTH_CHECK_SECONDS}s fall 2 rise 1"
    turns = [f"    server r{i} 127.0.0.1:{p} {check}" for i, p in enumerate(replica_ports, 1)]
    pages = [
        f"    server r{i} 127.0.0.1:{p} {check} cookie r{i}" for i, p in enumerate(replica_ports, 1)
    ]
    return HAPROXY_CONFIG.format(
        replicas=len(replica_ports),
        interface=interface,
        port=port,
        turn_servers="\n".join(turns),
        page_servers="\n".join(pages),
    )


def loopback_ports(count: int) -> list[int]:
    """Free loopback ports for the replicas, held until all are found."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def replica_environment() -> dict[str, str]:
    # HAProxy's X-Forwarded-For names the client (unless the operator set more proxies).
    return dict(os.environ, SANIC_PROXIES_COUNT=os.environ.get("SANIC_PROXIES_COUNT") or "1")


def rasa_command(mode: str, port: int | None = None) -> list[str]:
    command = [
        sys.executable,
        RASA_LAUNCHER,
        mode,
        "--model",
        setting("COACH_MODEL", str(ROOT / "models" / "coach.tar.gz")),
        "--endpoints",
        "endpoints.yml",
    ]
    if mode == "run":
        command += ["--credentials", "credentials.yml"]
        if port is None:
            command += ["--port", setting("COACH_RASA_PORT", "5005")]
        else:  # a replica behind HAProxy, reached only from this machine
            command += ["--port", str(port), "--interface", "127.0.0.1"]
    return command


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def banner() -> str:
    port = setting("COACH_RASA_PORT", "5005")
    base = setting("COACH_PUBLIC_URL", f"http://localhost:{port}").rstrip("/")
    api = "on (token or JWT needed)" if "--enable-api" in rasa_arguments() else "off"
    return (
        f"The coach is ready.\n"
        f"  Chat in your browser: {base}{CHAT_PAGE_PATH}\n"
        f"  REST: POST {base}/webhooks/rest/webhook\n"
        f"  Rasa HTTP API: {api}"
    )


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Restarts:
    """When to restart a crashed action server: a doubling pause, and None (give up)
    at the MAX_CRASHES-th crash within the window."""

    def __init__(
        self,
        first_delay: float = FIRST_RESTART_DELAY,
        max_delay: float = MAX_RESTART_DELAY,
        max_crashes: int = MAX_CRASHES,
        window: float = CRASH_WINDOW_SECONDS,
    ) -> None:
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.max_crashes = max_crashes
        self.window = window
        self.crashes: deque[float] = deque()

    def after_crash(self, now: float) -> float | None:
        self.crashes.append(now)
        while now - self.crashes[0] > self.window:
            self.crashes.popleft()
        if len(self.crashes) >= self.max_crashes:
            return None
        return min(self.first_delay * 2 ** (len(self.crashes) - 1), self.max_delay)


class Supervisor:
    """Runs both servers until a stop is requested, the Rasa server exits, or the
    action server keeps crashing; then stops whatever still runs."""

    def __init__(
        self,
        start_actions: Callable[[], subprocess.Popen],
        start_rasa: Callable[[], subprocess.Popen],
        restarts: Restarts | None = None,
        on_tick: Callable[[], None] = lambda: None,
        poll_seconds: float = POLL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        others: dict[str, Callable[[], subprocess.Popen]] | None = None,
    ) -> None:
        self.start_actions = start_actions
        self.start_rasa = start_rasa
        self.restarts = restarts or Restarts()
        self.rasa_restarts = Restarts(
            self.restarts.first_delay,
            self.restarts.max_delay,
            self.restarts.max_crashes,
            self.restarts.window,
        )
        self.on_tick = on_tick
        self.poll_seconds = poll_seconds
        self.clock = clock
        self.actions: subprocess.Popen | None = None
        self.rasa: subprocess.Popen | None = None
        self.stop_requested = False
        # More processes restarted like the action server: the other Rasa replicas
        # and HAProxy, by name.
        self.start_others = dict(others or {})
        self.others: dict[str, subprocess.Popen] = {}
        self.others_restarts = {
            name: Restarts(
                self.restarts.first_delay,
                self.restarts.max_delay,
                self.restarts.max_crashes,
                self.restarts.window,
            )
            for name in self.start_others
        }

    def request_stop(self) -> None:
        """Safe from a signal handler: the loop notices within one poll."""
        self.stop_requested = True

    def run(self) -> int:
        try:
            self.actions = self.start_actions()
            self.rasa = self.start_rasa()
            for name, start in self.start_others.items():
                self.others[name] = start()
            return self._watch()
        finally:
            stop(
                [
                    process
                    for process in (*self.others.values(), self.rasa, self.actions)
                    if process is not None
                ]
            )

    def _watch(self) -> int:
        assert self.actions is not None and self.rasa is not None
        actions_at: float | None = None  # when to start a crashed server again
        rasa_at: float | None = None
        others_at: dict[str, float] = {}
        while not self.stop_requested:
            for name, process in self.others.items():
                code = process.poll() if name not in others_at else None
                if code is None or self.stop_requested:
                    continue
                if code == EXIT_STORE_UNUSABLE:
                    log(f"The {name} stopped ({describe_exit(code)}); stopping the coach.")
                    return code
                at = self._after_crash(name, code, self.others_restarts[name])
                if at is None:
                    return 1
                others_at[name] = at
            for name, at in list(others_at.items()):
                if self.clock() >= at:
                    self.others[name] = self.start_others[name]()
                    del others_at[name]
                    log(f"The {name} was started again (pid {self.others[name].pid}).")
            code = self.rasa.poll() if rasa_at is None else None
            if code is not None and not self.stop_requested:
                if code in (0, EXIT_STORE_UNUSABLE):
                    if code:
                        log(f"The Rasa server stopped ({describe_exit(code)}); stopping the coach.")
                    return code
                rasa_at = self._after_crash("Rasa server", code, self.rasa_restarts)
                if rasa_at is None:
                    return 1
            code = self.actions.poll() if actions_at is None else None
            if code is not None and not self.stop_requested:
                actions_at = self._after_crash("action server", code, self.restarts)
                if actions_at is None:
                    return 1
            if rasa_at is not None and self.clock() >= rasa_at:
                self.rasa = self.start_rasa()
                rasa_at = None
                log(f"The Rasa server was started again (pid {self.rasa.pid}).")
            if actions_at is not None and self.clock() >= actions_at:
                self.actions = self.start_actions()
                actions_at = None
                log(f"The action server was started again (pid {self.actions.pid}).")
            self.on_tick()
            time.sleep(self.poll_seconds)
        return 0

    def _after_crash(self, server: str, code: int, restarts: Restarts) -> float | None:
        """When to start a crashed server again; None (and a log line) to give up."""
        delay = restarts.after_crash(self.clock())
        if delay is None:
            log(
                f"The {server} stopped ({describe_exit(code)}): {restarts.max_crashes} crashes "
                f"within {restarts.window:g} s, so giving up and stopping the coach. "
                "Its log above says why it stopped."
            )
            return None
        log(
            f"The {server} stopped ({describe_exit(code)}); restarting it in {delay:g} s. "
            "Until then users are told the coach is having trouble."
        )
        return self.clock() + delay


class PidFile:
    """The process ids of serve.py and of the servers it runs, written when they change."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.written: dict[str, object] = {}

    def update(self, supervisor: Supervisor, scale_out: dict | None = None) -> None:
        pids = {
            "serve": os.getpid(),
            "action_server": supervisor.actions.pid if supervisor.actions else None,
            "rasa_server": supervisor.rasa.pid if supervisor.rasa else None,
            **(scale_out or {}),
        }
        if pids != self.written:
            partial = self.path.with_name(self.path.name + ".part")
            partial.write_text(json.dumps(pids))
            partial.replace(self.path)  # never read half-written
            self.written = pids


def preflight(mode: str) -> str | None:
    """Why the coach cannot start, in one line; None when it can."""
    try:
        rasa_arguments()
        scale.check()
    except (SettingError, scale.ScaleSettingError) as error:
        return str(error)
    if mode == "run" and scale.rasa_workers() > 1 and not shutil.which(HAPROXY):
        return (
            "COACH_RASA_WORKERS needs HAProxy in front of the replicas "
            "(Debian: apt-get install haproxy)."
        )
    ports = [("COACH_ACTIONS_PORT", setting("COACH_ACTIONS_PORT", "5055"))]
    if mode == "run":
        ports.append(("COACH_RASA_PORT", setting("COACH_RASA_PORT", "5005")))
    for name, port in ports:
        if not port.isdigit() or not 0 < int(port) < 65536:
            return f"{name} must be a port number, not {port!r}"
        if port_open(int(port)):
            return f"port {port} ({name}) is already in use (is another coach running?)"
    tracker_url = os.environ.get("COACH_TRACKER_URL")
    if tracker_url:
        try:
            check_sqlite_store(tracker_url)
        except StoreUnusable as error:
            return str(error)
    return None


def main(mode: str) -> int:
    if mode not in ("run", "shell"):
        print(__doc__)
        return 2
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    # The key both servers share for this run (scripts/action_server.py).
    if not os.environ.get("COACH_ACTION_TOKEN", "").strip():
        os.environ["COACH_ACTION_TOKEN"] = secrets.token_hex(16)
    os.chdir(ROOT)  # where the servers run: a relative sqlite:///path is checked from here
    os.environ["PYTHONPATH"] = checkout_first(os.environ.get("PYTHONPATH", ""))
    problem = preflight(mode)
    if problem:
        print(f"Cannot start the coach: {problem}", file=sys.stderr)
        return 2
    # The shell reads this terminal; the HTTP server and the action server must not.
    rasa_stdin = None if mode == "shell" else subprocess.DEVNULL
    announced = mode != "run"
    rasa_port = int(setting("COACH_RASA_PORT", "5005")) if mode == "run" else 0

    pid_file = PidFile(setting(PID_FILE_SETTING, "")) if setting(PID_FILE_SETTING, "") else None

    ready_ports = [rasa_port]  # answering once these are open

    def scale_out_pids() -> dict:
        """With replicas: each one's pid by its port, and HAProxy's configuration."""
        if workers <= 1:
            return {}
        started = [supervisor.rasa] + [
            supervisor.others.get(f"Rasa replica {n}") for n in range(2, workers + 1)
        ]
        return {
            "rasa_replicas": {
                str(port): process.pid if process else None
                for port, process in zip(replica_ports, started, strict=True)
            },
            "haproxy_config": str(config),
            "haproxy": getattr(supervisor.others.get(HAPROXY_NAME), "pid", None),
        }

    def on_tick() -> None:
        nonlocal announced
        if pid_file:
            pid_file.update(supervisor, scale_out_pids())
        if not announced and all(port_open(port) for port in ready_ports):
            print(banner(), flush=True)
            announced = True

    workers = scale.rasa_workers() if mode == "run" else 1
    start_rasa = lambda: subprocess.Popen(rasa_command(mode), stdin=rasa_stdin)  # noqa: E731
    others: dict[str, Callable[[], subprocess.Popen]] = {}
    if workers > 1:
        replica_ports = loopback_ports(workers)
        ready_ports = [replica_ports[0], rasa_port]

        def replica(port: int) -> Callable[[], subprocess.Popen]:
            return lambda: subprocess.Popen(
                rasa_command(mode, port), stdin=rasa_stdin, env=replica_environment()
            )

        start_rasa = replica(replica_ports[0])
        for number, port in enumerate(replica_ports[1:], 2):
            others[f"Rasa replica {number}"] = replica(port)
        config = Path(tempfile.mkdtemp(prefix="coach-haproxy-")) / "haproxy.cfg"
        config.write_text(haproxy_config(rasa_port, replica_ports))
        others[HAPROXY_NAME] = lambda: subprocess.Popen(
            [HAPROXY, "-db", "-f", str(config)], stdin=subprocess.DEVNULL
        )
        log(f"{workers} Rasa replicas on ports {replica_ports}, HAProxy on port {rasa_port}.")

    supervisor = Supervisor(
        start_actions=lambda: subprocess.Popen(
            action_server_command(), stdin=subprocess.DEVNULL, env=action_server_environment()
        ),
        start_rasa=start_rasa,
        on_tick=on_tick,
        others=others,
    )
    # Signals only set a flag: raising in the middle of starting a server could
    # leave it running with no one to stop it.
    signal.signal(signal.SIGTERM, lambda *_: supervisor.request_stop())
    signal.signal(signal.SIGINT, lambda *_: supervisor.request_stop())
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "run"))

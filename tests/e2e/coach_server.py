"""Start and stop the real servers (`make run`) for end-to-end tests."""

import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from actions import red_flags
from tests.e2e.alexa_certs import SKILL_ID, make_certs

# The safety checklist a new user answers before a first session (actions/safety.py).
CHECKLIST = tuple(item.question for item in red_flags.CHECKLIST)


def asks_checklist(reply: str) -> bool:
    return any(question in reply for question in CHECKLIST)


def through_checklist(reply: str, say_no) -> str:
    """Answer the checklist "no" while the coach asks it; the coach's reply after it."""
    for _ in CHECKLIST:
        if not asks_checklist(reply):
            break
        reply = say_no()
    return reply


ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class CoachServer:
    """`make run` on free ports, with its own tracker database and log file."""

    def __init__(
        self, workdir: Path, action_url: str | None = None, extra_env: dict | None = None
    ) -> None:
        self.rasa_port = free_port()
        self.actions_port = free_port()
        self.database = workdir / "tracker.db"
        self.files = workdir / "files"
        self.log_path = workdir / "server.log"
        self.secrets = workdir / "secrets"
        self.action_token = "e2e-action-token-" + secrets.token_hex(8)
        # Headers every REST request of the tests carries (a token, when one is set).
        self.rest_headers: dict[str, str] = {}
        self.action_url = action_url or f"http://127.0.0.1:{self.actions_port}/webhook"
        # More settings (platform tokens, fake platform APIs, ...) for this server.
        self.extra_env = dict(extra_env or {})
        self.process: subprocess.Popen | None = None
        # Alexa requests are signed with this key; the server trusts only its test root.
        self.alexa_certs = workdir / "alexa-certs"
        self.alexa_key = make_certs(self.alexa_certs)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def environment(self) -> dict:
        """The environment `make run` gets: this server's ports, database and settings."""
        env = dict(
            os.environ,
            COACH_RASA_PORT=str(self.rasa_port),
            COACH_ACTIONS_PORT=str(self.actions_port),
            COACH_ACTION_URL=self.action_url,
            COACH_TRACKER_URL=f"sqlite:///{self.database}",
            COACH_FILES_DIR=str(self.files),
            COACH_PUBLIC_URL=self.url,
            # Messages may carry {"clock": ...}: weeks of sessions in a minute.
            COACH_TEST_CLOCK="1",
            COACH_ALEXA_SKILL_ID=SKILL_ID,
            COACH_ALEXA_TEST_CERTS=str(self.alexa_certs),
            # The tests replay weeks of sessions for one user in seconds, far faster
            # than a person types; the limit's own tests set it low again.
            COACH_RATE_LIMIT_PER_MINUTE="60000",
            COACH_RATE_LIMIT_BURST="1000",
            COACH_RATE_LIMIT_ADDRESS_PER_MINUTE="60000",
            COACH_RATE_LIMIT_ADDRESS_BURST="1000",
            # Known to the tests, so that they can also call the action server rightly.
            COACH_ACTION_TOKEN=self.action_token,
            COACH_SECRETS_DIR=str(self.secrets),
        )
        env.update(self.extra_env)
        return env

    def start(self) -> float:
        """Start `make run` and return the seconds until the coach answered."""
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        started = time.monotonic()
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            # Its own process group, so that stop() can kill the group as a last
            # resort without killing pytest.
            start_new_session=True,
        )
        self._log = log
        deadline = started + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make run exited early:\n{self.log_tail()}")
            if self.ready():
                return time.monotonic() - started
            time.sleep(1)
        self.stop()
        raise RuntimeError(f"coach not ready after {START_TIMEOUT_SECONDS}s:\n{self.log_tail()}")

    def ready(self) -> bool:
        if not (port_open(self.rasa_port) and port_open(self.actions_port)):
            return False
        try:
            status, _ = self.get("/webhooks/rest/")
        except OSError:
            return False
        return status == 200

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> int | None:
        """SIGTERM to `make run`, as a service manager would; returns its exit code."""
        if not self.process:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(os.getpgid(self.process.pid), signal.SIGKILL)
                self.process.wait()
        self._log.close()
        return self.process.returncode

    def run_until_exit(self, timeout: float) -> tuple[int, str, float]:
        """`make run` expected to refuse to start: its exit code, output and seconds taken."""
        started = time.monotonic()
        done = subprocess.run(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return done.returncode, done.stdout + done.stderr, time.monotonic() - started

    def server_pid(self, script: str) -> int | None:
        """The pid of the process under `make run` running scripts/<script>, if any."""
        if not self.running():
            return None
        for pid in descendants(self.process.pid):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue  # it has just exited
            if any(part.endswith(f"scripts/{script}".encode()) for part in command):
                return pid
        return None

    def action_server_pid(self) -> int | None:
        return self.server_pid("action_server.py")

    def rasa_server_pid(self) -> int | None:
        return self.server_pid("rasa_server.py")

    def supervisor_pid(self) -> int | None:
        """scripts/serve.py, which starts (and restarts) the two servers."""
        return self.server_pid("serve.py")

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def get(self, path: str) -> tuple[int, bytes]:
        with urllib.request.urlopen(self.url + path, timeout=10) as reply:
            return reply.status, reply.read()

    def post_raw(self, body: bytes, path: str = "/webhooks/rest/webhook") -> tuple[int, object]:
        headers = {"Content-Type": "application/json", **self.rest_headers}
        request = urllib.request.Request(self.url + path, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=120) as reply:
                return reply.status, json.loads(reply.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def replies(self, sender: str, text: str, metadata: dict | None = None) -> list[dict]:
        """Send a message over REST; return the coach's replies as the channel gives them."""
        body = {"sender": sender, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        status, replies = self.post_raw(json.dumps(body).encode())
        assert status == 200, (status, replies)
        return replies

    def say(self, sender: str, text: str, metadata: dict | None = None) -> list[str]:
        """Send a message over REST; return the coach's reply texts."""
        return [reply.get("text", "") for reply in self.replies(sender, text, metadata)]


def descendants(pid: int) -> list[int]:
    """Every living process under `pid` (from /proc: psutil is not in the lock)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name may hold spaces and brackets: the fields follow the last ')'.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":  # a zombie has exited already
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def stored_events(database: Path, sender: str, type_name: str) -> list[dict]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = ? ORDER BY id",
            (sender, type_name),
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def all_stored_data(database: Path) -> str:
    """Every stored event of every user, as one text to search."""
    with sqlite3.connect(database) as db:
        return "\n".join(data for (data,) in db.execute("SELECT data FROM events"))


def stored_event_count(database: Path, sender: str) -> int:
    with sqlite3.connect(database) as db:
        query = "SELECT COUNT(*) FROM events WHERE sender_id = ?"
        return db.execute(query, (sender,)).fetchone()[0]


def stored_user_texts(database: Path, sender: str) -> list[str]:
    return [event["text"] for event in stored_events(database, sender, "user")]


def stored_slot(database: Path, sender: str, name: str):
    """The latest value the tracker store holds for a slot."""
    values = [e["value"] for e in stored_events(database, sender, "slot") if e["name"] == name]
    return values[-1] if values else None

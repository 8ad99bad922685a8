"""Start and stop the real servers for end-to-end tests, and talk to them over HTTP.

The servers are started as `make run` starts them (scripts/serve.py, which runs and
restarts the action server and the Rasa server), with the environment the Makefile
would give them, but without make: nothing is installed or trained here. A missing
model stops the test with a clear message. serve.py records its servers' process
ids in a file (COACH_PID_FILE), so the tests know them without searching /proc.
"""

import json
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

from coach import red_flags
from tests.e2e.alexa_certs import SKILL_ID, make_certs

# The safety checklist a new user answers before a first session (coach/safety.py).
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
MODEL = ROOT / "models" / "coach.tar.gz"
SERVE = ROOT / "scripts" / "serve.py"
START_TIMEOUT_SECONDS = 300
HTTP_TIMEOUT_SECONDS = 120
# What the Makefile exports for `make run` (the settings are the servers' own).
MAKEFILE_ENVIRONMENT = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONWARNINGS": "ignore::DeprecationWarning",
}


class ModelMissing(RuntimeError):
    pass


# -- HTTP: what every end-to-end test sends -------------------------------------------


def request(
    url: str,
    method: str = "GET",
    headers: dict | None = None,
    body: bytes | object | None = None,
    timeout: float = HTTP_TIMEOUT_SECONDS,
) -> tuple[int, Message, bytes]:
    """Status, headers and body of one HTTP request; an error status is an answer too.
    A body that is not bytes is sent as JSON."""
    headers = dict(headers or {})
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body).encode()  # ensure_ascii: lone surrogates travel as \ud800
        headers.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post(url: str, body: bytes, headers: dict | None = None) -> tuple[int, bytes]:
    status, _, reply = request(url, "POST", headers, body)
    return status, reply


def post_json(url: str, body: object, headers: dict | None = None) -> tuple[int, object]:
    """A JSON body, and the reply read as JSON (None when empty)."""
    status, _, reply = request(url, "POST", headers, body)
    return status, json.loads(reply or b"null")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class CoachServer:
    """The coach's servers (scripts/serve.py run) on free ports, with their own tracker
    database and log file."""

    def __init__(
        self,
        workdir: Path,
        action_url: str | None = None,
        extra_env: dict | None = None,
        model: Path | None = None,
    ) -> None:
        self.rasa_port = free_port()
        self.actions_port = free_port()
        self.database = workdir / "tracker.db"
        self.files = workdir / "files"
        self.log_path = workdir / "server.log"
        self.secrets = workdir / "secrets"
        self.pid_file = workdir / "pids.json"
        self.model = Path(model or os.environ.get("COACH_MODEL") or MODEL)
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
        """The environment `make run` would give: this server's ports, database and settings."""
        env = {**MAKEFILE_ENVIRONMENT, **os.environ}
        env.update(
            COACH_MODEL=str(self.model),
            COACH_PID_FILE=str(self.pid_file),
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

    def command(self) -> list[str]:
        """scripts/serve.py run, as `make run` starts it; no make: no install, no training."""
        if not self.model.is_file():
            raise ModelMissing(
                f"No trained model at {self.model}: the end-to-end tests never train one. "
                "Run `make model` (or copy a trained models/coach.tar.gz) first."
            )
        return [sys.executable, str(SERVE), "run"]

    def start(self, timeout: float = START_TIMEOUT_SECONDS) -> float:
        """Start the servers and return the seconds until the coach answered; give up
        after `timeout` seconds (the bench allows more: it starts replicas under load)."""
        command = self.command()
        self.pid_file.unlink(missing_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        started = time.monotonic()
        self.process = subprocess.Popen(
            command,
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
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the coach exited early:\n{self.log_tail()}")
            if self.ready():
                return time.monotonic() - started
            time.sleep(1)
        self.stop()
        raise RuntimeError(f"coach not ready after {timeout:.0f}s:\n{self.log_tail()}")

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
        """SIGTERM to serve.py, as a service manager would; returns its exit code."""
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
        """The servers expected to refuse to start: exit code, output and seconds taken."""
        started = time.monotonic()
        done = subprocess.run(
            self.command(),
            cwd=ROOT,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return done.returncode, done.stdout + done.stderr, time.monotonic() - started

    def recorded(self) -> dict:
        """What serve.py recorded of what it started last; {} if not running."""
        if not self.running():
            return {}
        try:
            return json.loads(self.pid_file.read_text())
        except (OSError, ValueError):
            return {}  # not written yet

    def pids(self) -> dict[str, int]:
        """The process ids serve.py recorded for the servers it started last."""
        return {name: pid for name, pid in self.recorded().items() if isinstance(pid, int)}

    def action_server_pid(self) -> int | None:
        return self.pids().get("action_server")

    def rasa_server_pid(self) -> int | None:
        return self.pids().get("rasa_server")

    def supervisor_pid(self) -> int | None:
        """scripts/serve.py, which starts (and restarts) the two servers."""
        return self.process.pid if self.running() else None

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def get(self, path: str) -> tuple[int, bytes]:
        """GET a path of the Rasa server; an error status raises (urllib's HTTPError)."""
        with urllib.request.urlopen(self.url + path, timeout=10) as reply:
            return reply.status, reply.read()

    def post(self, path: str, body: bytes, headers: dict | None = None) -> tuple[int, object]:
        """POST raw bytes to a path of the Rasa server; the reply read as JSON."""
        status, reply = post(self.url + path, body, headers)
        return status, json.loads(reply or b"null")

    def post_raw(self, body: bytes, path: str = "/webhooks/rest/webhook") -> tuple[int, object]:
        """A REST request as the tests' client sends it (with its token, if any)."""
        return self.post(path, body, {"Content-Type": "application/json", **self.rest_headers})

    def replies(self, sender: str, text: str, metadata: dict | None = None) -> list[dict]:
        """Send a message over REST; return the coach's replies as the channel gives them."""
        body = {"sender": sender, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        status, replies = self.post_raw(json.dumps(body).encode())
        assert status == 200, (status, replies)
        return replies

    def say(self, sender: str, text: str, metadata: dict | None = None) -> list[str]:
        """Send a message over REST; return the coach's reply texts ("" for a message with none)."""
        return [reply.get("text") or "" for reply in self.replies(sender, text, metadata)]


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


def joined(replies: list[str]) -> str:
    return " ".join(replies)


def first_number(text: str) -> int:
    found = re.search(r"\d+", text)
    assert found, text
    return int(found.group())


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def start_set(server: CoachServer, sender: str, reps: int) -> None:
    """A new user through the checklist into set 1, with `reps` counted one by one."""
    said = joined(server.say(sender, "start my session"))
    said = through_checklist(said, lambda: joined(server.say(sender, "no")))
    assert "ready" in said.lower()
    assert "Set 1, left leg" in joined(server.say(sender, "ready"))
    for count in range(1, reps + 1):
        assert first_number(joined(server.say(sender, "done"))) == count

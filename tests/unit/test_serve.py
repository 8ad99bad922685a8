"""scripts/serve.py's supervision, with cheap stand-ins (sleeping Pythons) for the servers:
a crashed server (either) is started again, a crash loop gives up, the Rasa server
exiting on purpose or a stop request stops everything, and start-up refuses clearly."""

import importlib.util
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "serve.py"
_spec = importlib.util.spec_from_file_location("serve", SCRIPT)
serve = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(serve)

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
QUICK = 0.02  # poll and restart pauses in these tests, in seconds


def start_sleeper() -> subprocess.Popen:
    return subprocess.Popen(SLEEPER)


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


class Running:
    """A Supervisor running in a thread, stopped at the end whatever happens."""

    def __init__(self, supervisor) -> None:
        self.supervisor = supervisor
        self.result: list[int] = []
        self.thread = threading.Thread(target=lambda: self.result.append(supervisor.run()))

    def __enter__(self):
        self.thread.start()
        wait_for(lambda: self.supervisor.rasa is not None)
        return self

    def __exit__(self, *_):
        self.supervisor.request_stop()
        self.thread.join(timeout=30)
        for process in (self.supervisor.actions, self.supervisor.rasa):
            if process is not None and process.poll() is None:
                process.kill()

    def exit_code(self, timeout: float = 10.0) -> int:
        self.thread.join(timeout=timeout)
        assert not self.thread.is_alive(), "the supervisor did not return"
        return self.result[0]


def supervisor(start_actions=start_sleeper, start_rasa=start_sleeper, **restarts):
    return serve.Supervisor(
        start_actions=start_actions,
        start_rasa=start_rasa,
        restarts=serve.Restarts(**{"first_delay": QUICK, **restarts}),
        poll_seconds=QUICK,
    )


def test_restart_delays_double_then_a_crash_loop_gives_up():
    restarts = serve.Restarts()
    delays = [restarts.after_crash(now) for now in (0, 1, 2, 3, 4)]
    assert delays == [1, 2, 4, 8, None]


def test_crashes_spread_over_more_than_the_window_never_give_up():
    restarts = serve.Restarts()
    assert [restarts.after_crash(minute * 61.0) for minute in range(20)] == [1] * 20


def test_a_crashed_action_server_is_started_again_and_rasa_keeps_running(capsys):
    with Running(supervisor()) as running:
        first_actions, rasa = running.supervisor.actions, running.supervisor.rasa
        first_actions.send_signal(signal.SIGKILL)
        wait_for(lambda: running.supervisor.actions is not first_actions)
        assert running.supervisor.actions.poll() is None, "the new action server runs"
        assert running.supervisor.rasa is rasa and rasa.poll() is None, "Rasa untouched"
        running.supervisor.request_stop()
        assert running.exit_code() == 0
    assert running.supervisor.actions.poll() is not None and rasa.poll() is not None
    log = capsys.readouterr().err
    assert "The action server stopped (killed by SIGKILL); restarting it in 0.02 s" in log
    assert f"started again (pid {running.supervisor.actions.pid})" in log


def test_an_action_server_that_keeps_crashing_is_given_up_and_everything_stops(capsys):
    def crashing() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])

    started = time.monotonic()
    with Running(supervisor(start_actions=crashing, max_crashes=3)) as running:
        assert running.exit_code() == 1
        rasa = running.supervisor.rasa
    assert rasa.poll() is not None, "the Rasa server was stopped"
    assert time.monotonic() - started < 10
    log = capsys.readouterr().err
    assert log.count("restarting it in") == 2
    assert "3 crashes within 60 s, so giving up and stopping the coach" in log


@pytest.mark.parametrize(
    "rasa_command, code, said",
    [
        ("import time; time.sleep(0.3)", 0, "exit code 0"),  # `rasa shell` left by the user
        (
            f"import sys, time; time.sleep(0.3); sys.exit({serve.EXIT_STORE_UNUSABLE})",
            serve.EXIT_STORE_UNUSABLE,
            f"exit code {serve.EXIT_STORE_UNUSABLE}",
        ),
    ],  # fmt: skip
    ids=["exit-0", "store-unusable"],
)
def test_a_rasa_server_that_exits_on_purpose_stops_the_coach(capsys, rasa_command, code, said):
    def rasa() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", rasa_command])

    with Running(supervisor(start_rasa=rasa)) as running:
        assert running.exit_code() == code
        actions = running.supervisor.actions
    assert actions.poll() is not None, "the action server was stopped"
    log = capsys.readouterr().err
    assert "restarting it" not in log
    if code:
        assert f"The Rasa server stopped ({said}); stopping the coach." in log


@pytest.mark.parametrize(
    "rasa_command, said",
    [
        ("import sys, time; time.sleep(0.3); sys.exit(4)", "exit code 4"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "killed by SIGKILL"),
    ],
    ids=["exit-code", "killed"],
)
def test_a_crashed_rasa_server_is_started_again(capsys, rasa_command, said):
    started: list[subprocess.Popen] = []

    def rasa() -> subprocess.Popen:
        # The first one crashes; the one started again keeps running.
        command = rasa_command if not started else "import time; time.sleep(60)"
        started.append(subprocess.Popen([sys.executable, "-c", command]))
        return started[-1]

    with Running(supervisor(start_rasa=rasa)) as running:
        actions = running.supervisor.actions
        wait_for(lambda: len(started) == 2)
        assert running.supervisor.rasa is started[1] and started[1].poll() is None
        assert actions.poll() is None and running.supervisor.actions is actions
        running.supervisor.request_stop()
        assert running.exit_code() == 0
    log = capsys.readouterr().err
    assert f"The Rasa server stopped ({said}); restarting it in 0.02 s" in log
    assert f"The Rasa server was started again (pid {started[1].pid})" in log


def test_a_rasa_server_that_keeps_crashing_is_given_up(capsys):
    def crashing() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])

    with Running(supervisor(start_rasa=crashing, max_crashes=3)) as running:
        assert running.exit_code() == 1
        actions = running.supervisor.actions
    assert actions.poll() is not None, "the action server was stopped"
    log = capsys.readouterr().err
    assert log.count("restarting it in") == 2
    assert "Rasa server stopped (exit code 3): 3 crashes within 60 s, so giving up" in log


def test_a_stop_request_stops_both_and_restarts_nothing(capsys):
    with Running(supervisor()) as running:
        actions, rasa = running.supervisor.actions, running.supervisor.rasa
        running.supervisor.request_stop()
        assert running.exit_code() == 0
    assert actions.poll() is not None and rasa.poll() is not None
    assert running.supervisor.actions is actions
    assert "restarting" not in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def serve_env(tmp_path: Path, **settings: str) -> dict:
    """Free ports and a store in tmp_path (serve.main changes directory: tests undo it)."""
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        COACH_RASA_PORT=str(free_port()),
        COACH_ACTIONS_PORT=str(free_port()),
        COACH_TRACKER_URL=f"sqlite:///{tmp_path / 'tracker.db'}",
    )
    env.update(settings)
    return env


# serve.main with both servers replaced by sleepers: the real signal handling.
FAKE_SERVERS = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("serve", {str(SCRIPT)!r})
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)
serve.action_server_command = lambda: {SLEEPER!r}
serve.rasa_command = lambda mode: {SLEEPER!r}
sys.exit(serve.main("run"))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_sigterm_or_sigint_stops_both_servers(tmp_path, signum):
    process = subprocess.Popen(
        [sys.executable, "-c", FAKE_SERVERS], env=serve_env(tmp_path), cwd=tmp_path
    )
    try:
        wait_for(lambda: len(children(process.pid)) == 2, timeout=30)
        servers = children(process.pid)
        process.send_signal(signum)
        assert process.wait(timeout=30) == 0
        for pid in servers:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)  # reaped by serve.py: gone
    finally:
        if process.poll() is None:
            process.kill()


@pytest.fixture
def refused(monkeypatch, tmp_path):
    """For serve.main calls that must refuse to start: nothing may be started, and the
    directory it changes to is changed back."""
    monkeypatch.chdir(tmp_path)

    def started(*_args, **_kwargs):
        raise AssertionError("serve.py went on to start the servers")

    monkeypatch.setattr(serve, "Supervisor", started)


def corrupt(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def test_a_corrupt_store_stops_start_up_with_one_line(refused, tmp_path, capsys, monkeypatch):
    database = tmp_path / "tracker.db"
    corrupt(database)
    for name, value in serve_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    assert serve.main("run") == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        f"Cannot start the coach: The conversation store {database} is not a SQLite "
        "database, or is damaged. Move it aside to start with an empty store, or restore "
        "a backup."
    )


def test_a_locked_store_stops_start_up(refused, tmp_path, capsys, monkeypatch):
    database = tmp_path / "tracker.db"
    for name, value in serve_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(serve, "check_sqlite_store", _quick_check)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        assert serve.main("run") == 2
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert f"{database} is locked by another program" in err and "Traceback" not in err


def _quick_check(url: str) -> None:
    from connectors.tracker_store import check_sqlite_store

    check_sqlite_store(url, lock_wait_seconds=0.1)


def test_a_port_in_use_stops_start_up(refused, tmp_path, capsys, monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        for name, value in serve_env(tmp_path, COACH_RASA_PORT=port).items():
            monkeypatch.setenv(name, value)
        assert serve.main("run") == 2
    err = capsys.readouterr().err
    assert f"port {port} (COACH_RASA_PORT) is already in use" in err


@pytest.mark.parametrize("port", ["http", "0", "70000", "-1"])
def test_a_bad_port_setting_stops_start_up(refused, tmp_path, capsys, monkeypatch, port):
    for name, value in serve_env(tmp_path, COACH_ACTIONS_PORT=port).items():
        monkeypatch.setenv(name, value)
    assert serve.main("run") == 2
    assert f"COACH_ACTIONS_PORT must be a port number, not {port!r}" in capsys.readouterr().err


def test_a_relative_store_path_is_checked_where_the_servers_run(
    refused, tmp_path, capsys, monkeypatch
):
    root = tmp_path / "repo"
    (root / "var").mkdir(parents=True)
    (root / "var" / "tracker.db").write_text("not a database")
    monkeypatch.setattr(serve, "ROOT", root)
    for name, value in serve_env(tmp_path, COACH_TRACKER_URL="sqlite:///var/tracker.db").items():
        monkeypatch.setenv(name, value)
    assert serve.main("run") == 2
    err = capsys.readouterr().err
    assert "The conversation store var/tracker.db is not a SQLite database" in err


def test_a_tracker_url_that_is_no_url_stops_start_up(refused, tmp_path, capsys, monkeypatch):
    for name, value in serve_env(tmp_path, COACH_TRACKER_URL="var/tracker.db").items():
        monkeypatch.setenv(name, value)
    assert serve.main("run") == 2
    assert "COACH_TRACKER_URL is not a database URL" in capsys.readouterr().err


def test_the_pid_file_follows_the_servers_it_runs(tmp_path):
    pid_file = serve.PidFile(str(tmp_path / "pids.json"))
    with Running(supervisor()) as running:
        pid_file.update(running.supervisor)
        recorded = json.loads((tmp_path / "pids.json").read_text())
        first = running.supervisor.actions
        assert recorded == {
            "serve": os.getpid(),
            "action_server": first.pid,
            "rasa_server": running.supervisor.rasa.pid,
        }
        first.send_signal(signal.SIGKILL)
        wait_for(lambda: running.supervisor.actions is not first)
        pid_file.update(running.supervisor)
        recorded = json.loads((tmp_path / "pids.json").read_text())
        assert recorded["action_server"] == running.supervisor.actions.pid != first.pid


def test_the_servers_import_this_checkout_first_whatever_the_editable_install_says():
    checkout = str(serve.ROOT)
    elsewhere = "/somewhere/else"
    assert serve.checkout_first("") == checkout
    assert serve.checkout_first(elsewhere).split(os.pathsep) == [checkout, elsewhere]
    # Already there: moved to the front once, not repeated.
    joined = os.pathsep.join([elsewhere, checkout])
    assert serve.checkout_first(joined).split(os.pathsep) == [checkout, elsewhere]

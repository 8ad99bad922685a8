"""End to end, faults: the action server killed mid-set, the conversation store
locked mid-set, the Rasa server killed mid-set, a corrupt or locked store at
start-up, and 50 users counting reps at once.

The mid-set faults run on a server of their own: the failed turns put tracebacks
in its log (Rasa and the REST channel log them), and the shared server's log is
checked for tracebacks by the restart test in test_rest_e2e.py.
"""

import asyncio
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import aiohttp
import pytest

from coach import answers
from connectors.gateway import NOT_SAVED
from connectors.tracker_store import EXIT_STORE_UNUSABLE, LOCK_WAIT_SECONDS
from tests.e2e.coach_server import (
    ROOT,
    CoachServer,
    asks_checklist,
    first_number,
    joined,
    port_open,
    start_set,
    stored_event_count,
    stored_slot,
    stored_user_texts,
    wait_until,
)

COUNTED = re.compile(r"(\d+) of (\d+) done on your left leg")


def counted(server: CoachServer, sender: str) -> int:
    """The user's count on their left leg, as the coach tells it."""
    reply = joined(server.say(sender, "how many left"))
    found = COUNTED.search(reply)
    assert found, reply
    return int(found.group(1))


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """A coach of its own for the faults below (see the module's docstring)."""
    server = CoachServer(tmp_path_factory.mktemp("faults"))
    server.start()
    yield server
    server.stop()


def test_action_server_killed_mid_set_gets_trouble_then_the_set_resumes(faulty):
    sender = "fault-action-server"
    start_set(faulty, sender, reps=3)
    supervisor, killed = faulty.supervisor_pid(), faulty.action_server_pid()
    rasa = faulty.rasa_server_pid()
    assert supervisor and killed and rasa, faulty.log_tail()

    # serve.py restarts the action server after a second: it is frozen meanwhile,
    # so that the next message certainly meets the outage instead of racing it.
    os.kill(supervisor, signal.SIGSTOP)
    try:
        os.kill(killed, signal.SIGKILL)
        wait_until(lambda: not port_open(faulty.actions_port), 10, "the port to close")
        started = time.monotonic()
        assert faulty.say(sender, "done") == [answers.TROUBLE]
        assert time.monotonic() - started < 30
    finally:
        os.kill(supervisor, signal.SIGCONT)

    def back() -> bool:
        pid = faulty.action_server_pid()
        return pid not in (None, killed) and port_open(faulty.actions_port)

    wait_until(back, 120, "the action server to be restarted")
    log = faulty.log_path.read_text(errors="replace")
    assert "The action server stopped (killed by SIGKILL); restarting it in 1 s." in log
    assert "The action server was started again" in log
    assert faulty.rasa_server_pid() == rasa, "the Rasa server ran throughout"
    # Nothing lost: 3 counted; the rep said during the outage was answered
    # "try again", so the next one is the 4th.
    assert counted(faulty, sender) == 3
    assert first_number(joined(faulty.say(sender, "done"))) == 4


def test_a_store_locked_by_another_program_gets_trouble_not_a_hang(faulty):
    sender = "fault-store-locked"
    start_set(faulty, sender, reps=2)
    holder = sqlite3.connect(faulty.database, isolation_level=None, timeout=30)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # not even reads: the turn cannot see the count
        started = time.monotonic()
        assert faulty.say(sender, "done") == [NOT_SAVED]
        took = time.monotonic() - started
    finally:
        holder.close()
    assert took < LOCK_WAIT_SECONDS + 20, took
    assert counted(faulty, sender) == 2
    assert first_number(joined(faulty.say(sender, "done"))) == 3


def test_a_rep_is_confirmed_only_once_stored(faulty):
    """Another program holds the write lock: the turn cannot be saved, so the coach
    says so instead of "That's 3", and after a restart the count is what it said."""
    sender = "fault-store-busy"
    start_set(faulty, sender, reps=2)
    holder = sqlite3.connect(faulty.database, isolation_level=None, timeout=30)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer: reads work, the save waits and fails
        assert faulty.say(sender, "done") == [NOT_SAVED]
        assert faulty.say(sender, "done") == [NOT_SAVED]
    finally:
        holder.close()
    assert stored_slot(faulty.database, sender, "session")["reps"][0]["left"] == 2
    assert counted(faulty, sender) == 2, "nothing unsaved is carried on"
    assert first_number(joined(faulty.say(sender, "done"))) == 3
    assert stored_slot(faulty.database, sender, "session")["reps"][0]["left"] == 3


def test_delete_my_data_says_deleted_only_once_the_store_has_erased(faulty):
    sender = "fault-erase-locked"
    start_set(faulty, sender, reps=1)
    assert "delete" in joined(faulty.say(sender, "delete my data")).lower()
    before = stored_event_count(faulty.database, sender)
    holder = sqlite3.connect(faulty.database, isolation_level=None, timeout=30)
    try:
        holder.execute("BEGIN IMMEDIATE")
        reply = joined(faulty.say(sender, "yes"))
    finally:
        holder.close()
    assert reply == NOT_SAVED and "deleted" not in reply.lower()
    assert stored_event_count(faulty.database, sender) == before, "nothing half-done"
    # Asked again with the store free, the erase happens and is confirmed.
    assert "delete" in joined(faulty.say(sender, "delete my data")).lower()
    assert "deleted" in joined(faulty.say(sender, "yes")).lower()
    assert stored_event_count(faulty.database, sender) == 0


def test_the_rasa_server_killed_mid_set_is_restarted_and_loses_nothing(faulty):
    sender = "fault-rasa-server"
    start_set(faulty, sender, reps=4)
    killed = faulty.rasa_server_pid()
    os.kill(killed, signal.SIGKILL)

    def back() -> bool:
        pid = faulty.rasa_server_pid()
        return pid not in (None, killed) and faulty.ready()

    wait_until(back, 240, "the Rasa server to be restarted")
    assert faulty.running(), "make run carries on"
    log = faulty.log_path.read_text(errors="replace")
    assert "The Rasa server stopped (killed by SIGKILL); restarting it in 1 s." in log
    assert counted(faulty, sender) == 4
    assert first_number(joined(faulty.say(sender, "done"))) == 5


# -- the store at start-up -------------------------------------------------------------

BAD_STORES = {
    "random-bytes": lambda path: path.write_bytes(os.urandom(4096)),
    "text-file": lambda path: path.write_text('{"sender": "alice", "reps": 10}\n' * 100),
}


@pytest.mark.parametrize("make_bad", BAD_STORES.values(), ids=BAD_STORES.keys())
def test_a_corrupt_store_stops_make_run_with_one_clear_line(tmp_path, make_bad):
    server = CoachServer(tmp_path)
    make_bad(server.database)
    code, output, took = server.run_until_exit(timeout=180)
    assert code != 0, output
    assert (
        f"Cannot start the coach: The conversation store {server.database} is not a SQLite "
        "database, or is damaged. Move it aside to start with an empty store, or restore "
        "a backup." in output
    )
    assert "Traceback" not in output, output
    assert took < 60, took
    assert not port_open(server.actions_port) and not port_open(server.rasa_port)


def test_a_locked_store_stops_make_run_with_one_clear_line(tmp_path):
    server = CoachServer(tmp_path)
    holder = sqlite3.connect(server.database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        code, output, took = server.run_until_exit(timeout=180)
    finally:
        holder.close()
    assert code != 0, output
    assert f"The conversation store {server.database} is locked by another program" in output
    assert "Traceback" not in output, output
    assert took < LOCK_WAIT_SECONDS + 60, took
    assert not port_open(server.actions_port) and not port_open(server.rasa_port)


def test_the_rasa_server_itself_refuses_a_corrupt_store_without_a_traceback(tmp_path):
    """The same check inside the Rasa process (for a store that went bad after serve.py
    checked it, or Rasa started by hand), where Sanic would print a traceback."""
    server = CoachServer(tmp_path)
    server.database.write_text("not a database\n")
    env = dict(server.environment(), RASA_TELEMETRY_ENABLED="false")
    command = [sys.executable, "scripts/rasa_server.py", "run"]
    command += ["--model", str(ROOT / "models" / "coach.tar.gz"), "--endpoints", "endpoints.yml"]
    command += ["--credentials", "credentials.yml", "--port", str(server.rasa_port)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode == EXIT_STORE_UNUSABLE, output[-3000:]
    assert f"The conversation store {server.database} is not a SQLite database" in output
    assert "Traceback" not in output, output[-3000:]


# -- many users at once ---------------------------------------------------------------

USERS = 50


async def run_session(http: aiohttp.ClientSession, url: str, user: int) -> tuple[str, int, list]:
    """One user's session: their own number of reps (1 to 7), then their count and a stop."""
    sender, reps, sent = f"crowd-{user}", user % 7 + 1, []

    async def say(text: str) -> str:
        sent.append(text)
        body = {"sender": sender, "message": text}
        async with http.post(url, json=body) as reply:
            assert reply.status == 200, (sender, text, reply.status)
            return " ".join(message.get("text", "") for message in await reply.json())

    said = await say("start my session")
    while asks_checklist(said):
        said = await say("no")
    assert "ready" in said.lower(), sender
    assert "Set 1, left leg" in await say("ready"), sender
    for count in range(1, reps + 1):
        reply = await say("done")
        assert first_number(reply) == count, (sender, count, reply)
    found = COUNTED.search(await say("how many left"))
    assert found and int(found.group(1)) == reps, (sender, reps, found)
    stopped = await say("stop for today")
    assert f"set 1: left {reps}, right 0" in stopped, (sender, reps, stopped)
    return sender, reps, sent


async def crowd(url: str) -> list[tuple[str, int, list]]:
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        return await asyncio.gather(*(run_session(http, url, user) for user in range(USERS)))


def test_fifty_users_at_once_each_count_only_their_own_reps(coach, report_figure):
    started = time.monotonic()
    sessions = asyncio.run(crowd(coach.url + "/webhooks/rest/webhook"))
    took = time.monotonic() - started
    requests = sum(len(sent) for _, _, sent in sessions)
    report_figure(f"{USERS} concurrent users over REST", f"{requests} messages in {took:.0f} s")
    for sender, reps, sent in sessions:
        # The store holds each user's own messages, in their order, and nothing else.
        assert stored_user_texts(coach.database, sender) == sent, sender
        record = stored_slot(coach.database, sender, "history")[-1]
        assert record["reps"][0] == {"left": reps, "right": 0}, (sender, record)
        assert record["total_reps"] == reps, (sender, record)
        assert len(stored_slot(coach.database, sender, "history")) == 1, sender

"""The coach as two Rasa replicas behind HAProxy (COACH_RASA_WORKERS=2) on throwaway
PostgreSQL and Redis servers (tests/e2e/engines.py): a full session, a restart,
delete my data, a reminder that fires once even when the replica that set it is
killed, the web page, a replica killed mid-set, and Redis or PostgreSQL stopped for
a few seconds. One coach for the module: starting one costs a minute or two."""

import asyncio
import json
import os
import re
import signal
import time
import urllib.request
from pathlib import Path

import aiohttp
import pytest
import socketio

from coach import answers
from connectors.gateway import NOT_SAVED
from tests.e2e.coach_server import (
    CoachServer,
    first_number,
    joined,
    port_open,
    start_set,
    wait_until,
)
from tests.e2e.engines import Postgres, Redis
from tests.e2e.test_socketio_e2e import PollingSocketIO, ask_for_a_reminder

FAILED_TURN = (NOT_SAVED, answers.TROUBLE)
REMINDER_TEXT = "It's time for your prone leg lifts"


@pytest.fixture(scope="module")
def engines():
    postgres, redis = Postgres().start(), Redis().start()
    yield postgres, redis
    redis.stop()
    postgres.remove()


@pytest.fixture(scope="module")
def scaled_server(tmp_path_factory, engines):
    postgres, redis = engines
    server = CoachServer(
        tmp_path_factory.mktemp("scaled"),
        extra_env={
            "COACH_TRACKER_URL": postgres.url,
            "COACH_LOCK_STORE_URL": redis.url,
            "COACH_RASA_WORKERS": "2",
            "COACH_ACTION_WORKERS": "2",
        },
    )
    yield server
    server.stop()


@pytest.fixture
def scaled(scaled_server):
    if not scaled_server.running():
        scaled_server.start()
    return scaled_server


def stored(postgres: Postgres, sender: str, type_name: str) -> list[dict]:
    rows = postgres.query(
        "SELECT data FROM events WHERE sender_id = %s AND type_name = %s ORDER BY id",
        sender,
        type_name,
    )
    return [json.loads(data) for (data,) in rows]


def stored_slot(postgres: Postgres, sender: str, name: str):
    values = [e["value"] for e in stored(postgres, sender, "slot") if e["name"] == name]
    return values[-1] if values else None


def replica_pids(server: CoachServer) -> dict[int, int]:
    """The Rasa replicas serve.py started: their port -> pid."""
    replicas = server.recorded().get("rasa_replicas") or {}
    return {int(port): pid for port, pid in replicas.items() if isinstance(pid, int)}


def restarted(server: CoachServer, port: int, killed: int) -> bool:
    """serve.py has started a new replica on the port of the one killed, and it answers."""
    return replica_pids(server).get(port) not in (None, killed) and port_open(port)


def haproxy_config(server: CoachServer) -> str:
    """The configuration scripts/serve.py wrote for this coach's HAProxy."""
    path = server.recorded().get("haproxy_config")
    assert path, "no HAProxy recorded by serve.py"
    return Path(path).read_text()


def replica_serving_pages(server: CoachServer) -> int:
    """The port of the replica HAProxy gives this machine's socket.io requests."""
    request = urllib.request.Request(server.url + "/socket.io/?EIO=4&transport=polling")
    with urllib.request.urlopen(request, timeout=30) as reply:
        cookie = reply.headers.get("Set-Cookie", "")
    number = int(re.search(r"COACH_REPLICA=r(\d+)", cookie).group(1))
    ports = re.findall(r"server r\d+ 127\.0\.0\.1:(\d+)", haproxy_config(server))
    return int(ports[number - 1])


def test_two_replicas_run_a_session_that_survives_a_restart(scaled, engines):
    postgres, _ = engines
    assert len(replica_pids(scaled)) == 2
    sender = "scale-session"
    say = lambda text: joined(scaled.say(sender, text))  # noqa: E731
    start_set(scaled, sender, reps=4)
    assert "Switch to your right leg" in say("I did 10 with my left")
    reply = say("finished the set")
    assert "set 1 done" in reply and "ready" in reply.lower()
    assert "Set 2, left leg" in say("ready")
    assert "right leg" in say("did 10")
    reply = say("only managed 8")
    assert "set 1: left 10, right 10; set 2: left 10, right 8" in reply, reply
    history = stored_slot(postgres, sender, "history")
    assert history[-1]["reps"] == [{"left": 10, "right": 10}, {"left": 10, "right": 8}]
    # Every turn once: the user's texts are stored once each, in order.
    texts = [event["text"] for event in stored(postgres, sender, "user")]
    assert texts[-4:] == ["finished the set", "ready", "did 10", "only managed 8"]

    scaled.stop()
    scaled.start()
    assert "go ahead anyway" in say("let's exercise")
    assert stored_slot(postgres, sender, "history")[-1]["total_reps"] == 38


def test_delete_my_data_erases_the_user_in_postgres(scaled, engines):
    postgres, _ = engines
    sender = "scale-erase"
    start_set(scaled, sender, reps=2)
    assert stored(postgres, sender, "user")
    assert "delete" in joined(scaled.say(sender, "delete my data")).lower()
    assert "deleted" in joined(scaled.say(sender, "yes")).lower()
    assert postgres.query("SELECT count(*) FROM events WHERE sender_id = %s", sender) == [(0,)]


def test_the_web_page_is_served(scaled):
    status, page = scaled.get("/webhooks/chat/")
    assert status == 200 and b"<html" in page.lower()


async def over_a_websocket(url: str) -> tuple[str, str]:
    """A page that speaks socket.io over a websocket only: its transport and a reply."""
    client = socketio.AsyncClient()
    replied: asyncio.Future = asyncio.get_running_loop().create_future()

    @client.on("session_confirm")
    async def confirmed(session: str) -> None:
        await client.emit("user_uttered", {"message": "how many reps?", "session_id": session})

    @client.on("bot_uttered")
    async def uttered(data: dict) -> None:
        if not replied.done():
            replied.set_result(data.get("text") or "")

    await client.connect(url, transports=["websocket"])
    try:
        transport = client.transport()
        await client.emit("session_request", {"session_id": None})
        return transport, await asyncio.wait_for(replied, 60)
    finally:
        await client.disconnect()


def test_a_page_talks_over_a_websocket_through_haproxy(scaled):
    transport, reply = asyncio.run(over_a_websocket(scaled.url))
    assert transport == "websocket" and "reps" in reply, reply


class BrowserLikeSocketIO(PollingSocketIO):
    """Keeps cookies as a browser does (aiohttp drops cookies from an IP address by
    default), so HAProxy's cookie keeps it on its replica when the killed one is back."""

    async def __aenter__(self) -> "BrowserLikeSocketIO":
        self.http = aiohttp.ClientSession(
            headers=self.headers, cookie_jar=aiohttp.CookieJar(unsafe=True)
        )
        opened = (await self._poll())[0]
        self.base += "&sid=" + json.loads(opened[1:])["sid"]
        await self._send("40")
        return self


async def reconnected(url: str, timeout: float = 30) -> PollingSocketIO:
    deadline = time.monotonic() + timeout
    while True:
        client = BrowserLikeSocketIO(url)
        try:
            await client.__aenter__()
            return client
        except (ValueError, KeyError, AssertionError, aiohttp.ClientError):
            await client.__aexit__()
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(1)


async def reminder_arrives_once(server: CoachServer, kill_port: int) -> list[str]:
    """Ask for a reminder over socket.io, kill the replica that holds the page's
    socket (and the reminder's job), and collect what the page hears afterwards."""
    _, session = await ask_for_a_reminder(server.url)
    os.kill(replica_pids(server)[kill_port], signal.SIGKILL)
    heard: list[str] = []
    # The page reconnects, as socket.io's client does (again after a pause until it
    # gets through); HAProxy sends it to the replica still up.
    client = await reconnected(server.url)
    try:
        assert await client.start_session(session) == session
        # Until 20 s after the first reminder: long enough for a second to show up.
        until = time.monotonic() + 150
        while (remaining := until - time.monotonic()) > 0:
            try:
                event, data = await asyncio.wait_for(client.next_event(), remaining)
            except TimeoutError:
                break
            if event == "bot_uttered" and REMINDER_TEXT in (data.get("text") or ""):
                heard.append(data["text"])
                until = min(until, time.monotonic() + 20)
    finally:
        await client.__aexit__()
    return heard


def test_a_reminder_fires_once_when_the_replica_that_set_it_is_killed(scaled, engines):
    postgres, _ = engines
    port = replica_serving_pages(scaled)
    victim = replica_pids(scaled)[port]
    heard = asyncio.run(reminder_arrives_once(scaled, port))
    assert len(heard) == 1, heard
    fired = postgres.query(
        "SELECT count(*) FROM events WHERE type_name = 'user' AND data LIKE %s",
        '%"text": "EXTERNAL: continue_session"%',
    )
    assert fired == [(1,)]
    # The killed replica is started again by scripts/serve.py.
    wait_until(lambda: restarted(scaled, port, victim), 60, "the replica to be restarted")


def test_a_replica_killed_mid_set_loses_nothing(scaled, engines):
    postgres, _ = engines
    sender = "scale-kill"
    start_set(scaled, sender, reps=3)
    port, victim = next(iter(replica_pids(scaled).items()))
    os.kill(victim, signal.SIGKILL)
    # Between two messages: a request caught in flight by the kill gets HAProxy's 502
    # (it cannot know whether the dead replica had handled it, so it does not retry).
    wait_until(lambda: not port_open(port), 10, "the replica to be gone")
    # The next message is answered by the other replica (HAProxy retries elsewhere).
    assert first_number(joined(scaled.say(sender, "done"))) == 4
    assert first_number(joined(scaled.say(sender, "done"))) == 5
    assert stored_slot(postgres, sender, "session")["reps"][0]["left"] == 5
    wait_until(lambda: restarted(scaled, port, victim), 60, "the replica to be restarted")


@pytest.mark.parametrize("engine", ["redis", "postgres"])
def test_a_store_down_for_seconds_fails_turns_plainly_and_loses_nothing(scaled, engines, engine):
    postgres, redis = engines
    sender = f"scale-{engine}-down"
    start_set(scaled, sender, reps=2)
    down = redis if engine == "redis" else postgres
    down.stop()
    try:
        for _ in range(2):
            assert joined(scaled.say(sender, "done")) in FAILED_TURN
    finally:
        down.start()
    time.sleep(1)
    assert first_number(joined(scaled.say(sender, "done"))) == 3
    assert stored_slot(postgres, sender, "session")["reps"][0]["left"] == 3
    texts = [event["text"] for event in stored(postgres, sender, "user")]
    assert texts.count("done") == 3, "the failed turns were not stored"

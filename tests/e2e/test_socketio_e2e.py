"""End to end over socket.io, a channel that can push: the rest between sets is
timed by a Rasa reminder, and the coach starts the next set by itself."""

import asyncio
import json

import aiohttp

from coach import protocol as p
from tests.e2e.coach_server import CHECKLIST


class PollingSocketIO:
    """Just enough of socket.io (Engine.IO 4 over HTTP long-polling) for a test.

    Rasa 3.6's sanic server cannot serve the websocket upgrade on Python 3.11
    (see README), and python-socketio's client does not fall back cleanly, so
    this client stays on long-polling, which is what a browser ends up using.
    """

    def __init__(self, url: str, origin: str | None = None) -> None:
        self.base = url + "/socket.io/?EIO=4&transport=polling"
        self.pending: list[str] = []
        self.headers = {"Origin": origin} if origin else {}  # as a browser page sends

    async def __aenter__(self) -> "PollingSocketIO":
        self.http = aiohttp.ClientSession(headers=self.headers)
        opened = (await self._poll())[0]  # '0{"sid": ...}': engine.io open
        self.base += "&sid=" + json.loads(opened[1:])["sid"]
        await self._send("40")  # socket.io connect
        return self

    async def __aexit__(self, *_) -> None:
        await self.http.close()

    async def _poll(self) -> list[str]:
        async with self.http.get(self.base) as reply:
            return (await reply.text()).split("\x1e")

    async def _send(self, packet: str) -> None:
        async with self.http.post(self.base, data=packet.encode()) as reply:
            assert reply.status == 200, await reply.text()

    async def emit(self, event: str, data: dict) -> None:
        await self._send("42" + json.dumps([event, data]))

    async def start_session(self, token: str | None = None) -> str:
        """Join the conversation a kept token names (a new one if it names none, as the
        server decides); the token the server confirmed."""
        await self.emit("session_request", {"session_id": token})
        while True:
            event, data = await asyncio.wait_for(self.next_event(), 60)
            if event == "session_confirm":
                assert isinstance(data, str), data
                return data

    async def next_event(self) -> tuple[str, object]:
        while True:
            if not self.pending:
                self.pending = await self._poll()
            packet = self.pending.pop(0)
            if packet == "2":  # engine.io ping
                await self._send("3")
            elif packet.startswith("42"):
                event, *args = json.loads(packet[2:])
                return event, args[0] if args else None


async def socket_turns(url: str, session: str | None, texts: list[str]) -> list[str]:
    """Send the texts one after another, each once the previous was answered."""
    said = []
    async with PollingSocketIO(url) as client:
        session = await client.start_session(session)
        for text in texts:
            await client.emit("user_uttered", {"message": text, "session_id": session})
            while True:
                event, data = await asyncio.wait_for(client.next_event(), 60)
                if event == "bot_uttered" and data.get("text"):
                    said.append(data["text"])
                    break
    return said


async def rest_is_ended_by_the_coach(url: str) -> list[str]:
    said: list[str] = []
    async with PollingSocketIO(url) as client:
        session = await client.start_session()

        async def say(text: str, expect: str, timeout: float = 60) -> None:
            if text:
                await client.emit("user_uttered", {"message": text, "session_id": session})
            while True:
                event, data = await asyncio.wait_for(client.next_event(), timeout)
                if event == "bot_uttered":
                    said.append(data.get("text") or "")
                    if expect in said[-1]:
                        return

        await say("start my session", CHECKLIST[0])
        for question in CHECKLIST[1:]:
            await say("no", question)
        await say("no", "ready")
        await say("ready", "Set 1, left leg")
        await say("I did 10 with my left", "Set 1, right leg")
        await say("finished the right leg", "I'll tell you when")
        # Nobody speaks: the reminder fires after the protocol's rest.
        await say("", "Rest over", timeout=p.REST_BETWEEN_SETS_SECONDS + 60)
        await say("", "Set 2, left leg", timeout=10)
    return said


def test_rest_over_is_pushed_by_a_reminder(coach):
    said = asyncio.run(rest_is_ended_by_the_coach(coach.url))
    assert any("Rest over" in line for line in said), said


async def ask_for_a_reminder(url: str) -> tuple[str, str]:
    """What the coach said to "remind me in 1 minute", and the conversation's token."""
    async with PollingSocketIO(url) as client:
        session = await client.start_session()
        await client.emit(
            "user_uttered", {"message": "remind me in 1 minute", "session_id": session}
        )
        while True:
            event, data = await asyncio.wait_for(client.next_event(), 60)
            if event == "bot_uttered" and "remind you" in (data.get("text") or ""):
                return data["text"], session


async def wait_for_the_reminder(url: str, session: str, timeout: float) -> str:
    async with PollingSocketIO(url) as client:
        assert await client.start_session(session) == session, "the same conversation"
        while True:
            event, data = await asyncio.wait_for(client.next_event(), timeout)
            if event == "bot_uttered" and "leg lifts" in (data.get("text") or ""):
                return data["text"]


def test_a_reminder_set_before_a_restart_still_arrives(coach):
    said, session = asyncio.run(ask_for_a_reminder(coach.url))
    assert "I'll remind you today at" in said
    coach.stop()  # the scheduler's memory is gone with the process
    coach.start()
    reminder = asyncio.run(wait_for_the_reminder(coach.url, session, timeout=120))
    assert "It's time for your prone leg lifts" in reminder

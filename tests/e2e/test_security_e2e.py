"""The HTTP API, CORS and the per-sender rate limit, on real servers.

The shared server (`coach`) runs with the defaults: API off, no other origin.
`secured` is a second server with the API on (token and JWT), one partner
origin and a small rate limit, as a deployment would set them."""

import asyncio
import json
import os
import subprocess
import sys
import time
import uuid

import jwt
import pytest

from coach import answers
from connectors.gateway import TOO_LONG
from tests.e2e.coach_server import ROOT, CoachServer, request
from tests.e2e.test_socketio_e2e import PollingSocketIO, socket_turns

TOKEN = "e2e-api-token-" + uuid.uuid4().hex
JWT_SECRET = "e2e-jwt-secret-" + uuid.uuid4().hex
PARTNER = "https://partner.example"
ELSEWHERE = "https://elsewhere.example"
BURST = 3


@pytest.fixture(scope="module")
def secured(tmp_path_factory):
    server = CoachServer(
        tmp_path_factory.mktemp("secured"),
        extra_env={
            "COACH_ENABLE_API": "true",
            "COACH_API_TOKEN": TOKEN,
            "COACH_API_JWT_SECRET": JWT_SECRET,
            "COACH_CORS_ORIGINS": PARTNER,
            "COACH_RATE_LIMIT_PER_MINUTE": "6",
            "COACH_RATE_LIMIT_BURST": str(BURST),
        },
    )
    server.start()
    yield server
    server.stop()


def bearer(payload: dict, secret: str = JWT_SECRET) -> dict:
    return {"Authorization": "Bearer " + jwt.encode(payload, secret, algorithm="HS256")}


def test_the_rasa_api_is_off_by_default(coach):
    for method, path in [
        ("GET", "/status"),
        ("GET", "/conversations/anyone/tracker"),
        ("POST", "/model/parse"),
    ]:
        status, _, _ = request(coach.url + path, method, body={} if method == "POST" else None)
        assert status == 404, (method, path, status)


def test_the_api_needs_the_token(secured):
    assert request(secured.url + "/status")[0] == 401
    assert request(secured.url + "/status?token=wrong-" + TOKEN)[0] == 401
    status, _, body = request(secured.url + "/status?token=" + TOKEN)
    assert status == 200
    assert "coach" in json.loads(body)["model_file"]


def test_the_api_accepts_a_signed_jwt(secured):
    sender = f"e2e-jwt-{uuid.uuid4().hex[:8]}"
    assert secured.say(sender, "how long should I hold each lift?")
    tracker = f"{secured.url}/conversations/{sender}/tracker"

    admin = bearer({"user": {"username": "ops", "role": "admin"}})
    status, _, body = request(tracker, headers=admin)
    assert status == 200
    assert json.loads(body)["latest_message"]["text"] == "how long should I hold each lift?"
    # A user's token opens that user's own conversation only.
    own = bearer({"user": {"username": sender, "role": "user"}})
    assert request(tracker, headers=own)[0] == 200
    other = bearer({"user": {"username": "someone-else", "role": "user"}})
    assert request(tracker, headers=other)[0] == 403
    wrong_secret = "not-the-secret-" + uuid.uuid4().hex
    forged = bearer({"user": {"username": "ops", "role": "admin"}}, secret=wrong_secret)
    assert request(tracker, headers=forged)[0] == 401


def preflight(url: str, origin: str):
    headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}
    return request(url + "/webhooks/rest/webhook", "OPTIONS", headers=headers)


def test_cors_allows_the_configured_origin_only(secured, coach):
    _, headers, _ = preflight(secured.url, PARTNER)
    assert headers.get("Access-Control-Allow-Origin") == PARTNER
    _, headers, _ = preflight(secured.url, ELSEWHERE)
    assert headers.get("Access-Control-Allow-Origin") is None
    # The default is no other origin at all.
    _, headers, _ = preflight(coach.url, PARTNER)
    assert headers.get("Access-Control-Allow-Origin") is None


async def connect_reply(url: str, origin: str | None) -> str:
    """The socket.io answer to a connect: '40...' accepted, '44...' refused."""
    async with PollingSocketIO(url, origin=origin) as client:
        packets = await asyncio.wait_for(client._poll(), 30)
        return next(packet for packet in packets if packet.startswith("4"))


def test_socketio_accepts_only_the_coachs_own_and_configured_origins(secured):
    assert asyncio.run(connect_reply(secured.url, ELSEWHERE)).startswith("44")
    assert asyncio.run(connect_reply(secured.url, PARTNER)).startswith("40")
    assert asyncio.run(connect_reply(secured.url, secured.url)).startswith("40")  # its own page
    assert asyncio.run(connect_reply(secured.url, None)).startswith("40")  # not a browser


def test_rest_rate_limit_is_per_sender(secured):
    flooder = f"e2e-flood-{uuid.uuid4().hex[:8]}"
    body = {"sender": flooder, "message": "how many reps?"}
    webhook = secured.url + "/webhooks/rest/webhook"
    statuses = [request(webhook, "POST", body=body)[0] for _ in range(BURST)]
    assert statuses == [200] * BURST

    status, headers, reply = request(webhook, "POST", body=body)
    assert status == 429
    # One message every 10 s at 6 a minute; the burst itself took a few seconds at most.
    assert 6 <= int(headers["Retry-After"]) <= 10
    assert json.loads(reply) == [{"recipient_id": flooder, "text": answers.TOO_FAST}]

    # Someone else is answered as usual meanwhile.
    other = f"e2e-calm-{uuid.uuid4().hex[:8]}"
    said = secured.say(other, "how many reps?")
    assert said and answers.TOO_FAST not in said


async def flood_one_socket(url: str, messages: int) -> list[str]:
    """Send `messages` at once from one conversation; what the coach said until it
    said the limit's line (or a minute passed)."""
    said: list[str] = []
    async with PollingSocketIO(url) as client:
        session = await client.start_session()
        for _ in range(messages):
            await client.emit("user_uttered", {"message": "hi", "session_id": session})
        while answers.TOO_FAST not in said:
            event, data = await asyncio.wait_for(client.next_event(), 60)
            if event == "bot_uttered" and data.get("text"):
                said.append(data["text"])
    return said


def test_socketio_rate_limit_is_per_sender(secured):
    said = asyncio.run(flood_one_socket(secured.url, BURST + 1))
    assert said.count(answers.TOO_FAST) == 1
    calm = f"e2e-sio-calm-{uuid.uuid4().hex[:8]}"
    assert asyncio.run(socket_turns(secured.url, calm, ["hi"]))[0] != answers.TOO_FAST


async def raw_socket_replies(url: str, events: list[object]) -> list[str]:
    """The first reply text to each raw user_uttered payload."""
    said = []
    async with PollingSocketIO(url) as client:
        session = await client.start_session()
        for data in events:
            if isinstance(data, dict) and data.get("session_id") == "SESSION":
                data = {**data, "session_id": session}
            await client.emit("user_uttered", data)
            while True:
                event, reply = await asyncio.wait_for(client.next_event(), 60)
                if event == "bot_uttered" and reply.get("text"):
                    said.append(reply["text"])
                    break
    return said


def test_socketio_bad_input_gets_a_clear_reply(coach):
    said = asyncio.run(
        raw_socket_replies(
            coach.url,
            [
                "just a string",
                {"message": "", "session_id": "SESSION"},
                {"message": "hi", "session_id": "SESSION", "metadata": "{not json"},
                {"message": "x" * 20_001, "session_id": "SESSION"},
                {"message": "hi", "session_id": "SESSION", "metadata": {"a": [[[[[[[[[1]]]]]]]]]}},
                {"message": "how many reps?"},  # the socket's own conversation is used
            ],
        )
    )
    assert said[0].startswith("Sorry, I couldn't read that")
    assert said[1] == answers.EMPTY_MESSAGE
    assert "metadata" in said[2]
    assert said[3] == TOO_LONG
    assert "nested" in said[4]
    assert answers.TROUBLE not in said[5] and "couldn't read" not in said[5]  # still answering
    assert "Traceback" not in coach.log_path.read_text(errors="replace")


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"COACH_ENABLE_API": "true"}, "COACH_API_TOKEN"),
        ({"COACH_CORS_ORIGINS": "*"}, "COACH_CORS_ORIGINS"),
        ({"COACH_RATE_LIMIT_PER_MINUTE": "lots"}, "COACH_RATE_LIMIT_PER_MINUTE"),
    ],
)
def test_an_unsafe_or_bad_setting_stops_start_up_with_one_clear_line(settings, named):
    env = {**os.environ, **settings}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "scripts/serve.py", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert named in result.stderr and "Cannot start the coach" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert time.monotonic() - started < 30  # refused before any server starts

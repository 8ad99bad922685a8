"""The socket.io channel (the web chat page), with input checked before it reaches the dialogue.

Same events and settings as Rasa's SocketIOInput (credentials.yml), and adds:
- a clear reply instead of a silent drop or a server-side stack trace for a
  malformed, empty or over-long message;
- the per-sender rate limit of the REST channel;
- the "having trouble" reply when a turn produced nothing (action server down);
- browser origins limited to the coach's own and COACH_CORS_ORIGINS (Rasa lets
  a page from any origin open a socket);
- custom JSON from the actions delivered as {"custom": {...}}, as the REST
  channel gives it (Rasa's socket.io output passes it to emit() as keyword
  arguments, which fails for anything but emit's own parameters).
"""

import json
import logging
import os
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from actions import answers
from connectors.platforms import run_turn
from connectors.rate_limit import limiter_from_environment
from connectors.rest import MAX_MESSAGE_CHARS, MAX_SENDER_CHARS

logger = logging.getLogger(__name__)

CORS_SETTING = "COACH_CORS_ORIGINS"


def configured_origins(environ: dict | None = None) -> list[str]:
    """COACH_CORS_ORIGINS: origins (scheme://host[:port]) separated by commas or spaces."""
    environ = os.environ if environ is None else environ
    raw = environ.get(CORS_SETTING, "")
    return [origin.rstrip("/") for origin in raw.replace(",", " ").split() if origin]


def same_origins(environ: dict) -> list[str]:
    """The origin of the server the browser reached: its page may always connect."""
    host = environ.get("HTTP_HOST")
    if not host:
        return []
    origins = [f"{environ.get('wsgi.url_scheme', 'http')}://{host}"]
    # Behind a reverse proxy the browser saw the proxy's scheme and host.
    forwarded_host = environ.get("HTTP_X_FORWARDED_HOST", host).split(",")[0].strip()
    forwarded_proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip()
    origins.append(
        f"{forwarded_proto or environ.get('wsgi.url_scheme', 'http')}://{forwarded_host}"
    )
    return origins


def origin_allowed(environ: dict, configured: list[str]) -> bool:
    """Browsers send Origin; other clients (apps, tests, curl) do not, and are let through."""
    origin = environ.get("HTTP_ORIGIN")
    return not origin or origin in same_origins(environ) or origin in configured


class BadMessage(Exception):
    pass


def read_message(data: Any, metadata_key: str) -> tuple[str, dict]:
    """Text and metadata of a user_uttered event, or BadMessage saying what is wrong."""
    if not isinstance(data, dict):
        raise BadMessage("a message must be an object like {message, session_id}")
    text = data.get("message") or ""
    if not isinstance(text, str):
        raise BadMessage('"message" must be text')
    if len(text) > MAX_MESSAGE_CHARS:
        raise BadMessage(f"a message can be at most {MAX_MESSAGE_CHARS} characters")
    metadata = data.get(metadata_key) or {}
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            raise BadMessage("metadata must be a JSON object") from None
    if not isinstance(metadata, dict):
        raise BadMessage("metadata must be a JSON object")
    return text, metadata


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= MAX_SENDER_CHARS


class CoachSocketIOOutput(SocketIOOutput):
    async def send_custom_json(self, recipient_id: str, json_message: dict, **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class CoachSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> CoachSocketIOOutput | None:
        if self.sio is None:
            return super().get_output_channel()
        return CoachSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # Sanic-CORS (rasa run --cors) already answers CORS for the polling requests
        # (the socket server would add its headers twice); the Origin is checked at
        # connect, for every transport, websockets included.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        cors_origins = configured_origins()
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        limiter = limiter_from_environment()
        namespace = self.namespace

        async def tell(sid: str, text: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=namespace)

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict, auth: dict | None = None) -> bool:
            if not origin_allowed(environ, cors_origins):
                logger.warning("socket.io connection refused from %s", environ.get("HTTP_ORIGIN"))
                return False
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not valid_session_id(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                sio.enter_room(sid, session_id, namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> None:
            try:
                text, metadata = read_message(data, self.metadata_key)
            except BadMessage as error:
                logger.info("Bad socket.io message from %s: %s", sid, error)
                await tell(sid, f"Sorry, I couldn't read that: {error}.")
                return
            sender = sid
            if self.session_persistence:
                sender = data.get("session_id")
                if not valid_session_id(sender):
                    await tell(sid, "Sorry, I lost track of our chat. Please reload the page.")
                    return
                # After a server restart the browser reconnects with a new socket:
                # put it back in its conversation so the replies reach it.
                if sender not in sio.rooms(sid, namespace=namespace):
                    sio.enter_room(sid, sender, namespace=namespace)
            if limiter.wait_for(sender):
                await tell(sid, answers.TOO_FAST)
                return
            if not text.strip():
                await tell(sid, answers.EMPTY_MESSAGE)
                return
            output = CoachSocketIOOutput(sio, self.bot_message_evt)
            await run_turn(on_new_message, output, text, sender, self.name(), metadata)

        return blueprint

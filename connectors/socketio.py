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
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncRedisManager, AsyncServer

from connectors.gateway import Refusal, gate_from_environment, metadata_problem
from connectors.identity import SessionIds, session_secret
from connectors.scale import lock_store_url
from connectors.server_settings import configured_origins

logger = logging.getLogger(__name__)

LOST = "Sorry, I lost track of our chat. Please reload the page."


def shared_rooms() -> Any:
    """With several Rasa processes (a shared lock store), python-socketio's Redis
    manager: a message for a page, a reminder fired by another process for one,
    reaches it on whichever process its socket is open. None: this process only."""
    url = lock_store_url()
    return AsyncRedisManager(url, channel="coach-socketio") if url else None


def origin_of(url: str | None) -> str | None:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def same_origins(environ: Mapping[str, Any]) -> list[str]:
    """The coach's own origins: the server the browser reached, and COACH_PUBLIC_URL
    (behind a reverse proxy, the address the browser saw). A client's own
    X-Forwarded-* headers are not trusted: any client can send them."""
    origins = []
    host = environ.get("HTTP_HOST")
    if host:
        origins.append(f"{environ.get('wsgi.url_scheme', 'http')}://{host}")
    public = origin_of(os.environ.get("COACH_PUBLIC_URL"))
    if public:
        origins.append(public)
    return origins


def origin_allowed(environ: Mapping[str, Any], configured: list[str]) -> bool:
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
    metadata = data.get(metadata_key) or {}
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except (ValueError, RecursionError):
            raise BadMessage("metadata must be a JSON object") from None
    problem = metadata_problem(metadata)
    if problem:
        raise BadMessage(problem)
    return text, metadata


def client_address(environ: Mapping[str, Any]) -> str | None:
    """The connecting client's address, as Sanic sees it (engine.io's environ has none)."""
    request = environ.get("sanic.request")
    return (request.remote_addr or request.ip) if request is not None else None


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
        sio = AsyncServer(
            async_mode="sanic", cors_allowed_origins=[], client_manager=shared_rooms()
        )
        cors_origins = configured_origins()
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        gate = gate_from_environment()
        ids = SessionIds(session_secret())
        namespace = self.namespace
        # Per socket: the client's address, and the conversation the server confirmed.
        addresses: dict[str, str | None] = {}
        senders: dict[str, str] = {}

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
            if self.jwt_key:
                token = auth.get("token") if isinstance(auth, dict) else None
                if not (token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm)):
                    return False
            addresses[sid] = client_address(environ)
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str) -> None:
            addresses.pop(sid, None)
            senders.pop(sid, None)

        def join(sid: str, sender: str) -> None:
            senders[sid] = sender
            sio.enter_room(sid, sender, namespace=namespace)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any) -> None:
            # A page that kept its token carries on; any other id gets a new conversation.
            token = data.get("session_id") if isinstance(data, dict) else None
            sender = ids.sender_of(token)
            if sender is None:
                token = ids.issue()
                sender = ids.sender_of(token)
            old = senders.get(sid)
            if old and old != sender:
                sio.leave_room(sid, old, namespace=namespace)
            join(sid, sender)
            await sio.emit("session_confirm", token, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> None:
            try:
                text, metadata = read_message(data, self.metadata_key)
            except BadMessage as error:
                logger.info("Bad socket.io message from %s: %s", sid, error)
                await tell(sid, f"Sorry, I couldn't read that: {error}.")
                return
            sender = senders.get(sid)
            if sender is None:
                # After a server restart the page reconnects with its token: put it back
                # into its conversation.
                sender = ids.sender_of(data.get("session_id"))
                if sender is None:
                    await tell(sid, LOST)
                    return
                join(sid, sender)
            output = CoachSocketIOOutput(sio, self.bot_message_evt)
            outcome = await gate.handle(
                on_new_message,
                output,
                text,
                sender,
                self.name(),
                metadata,
                address=addresses.get(sid),
            )
            if isinstance(outcome, Refusal):
                await tell(sid, outcome.text)

        return blueprint

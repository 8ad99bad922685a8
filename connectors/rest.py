"""The REST channel, with input checked before it reaches the dialogue.

Rasa's RestInput lets a missing sender fall into one shared "default"
conversation and answers malformed JSON with a server error page. This keeps
its URL (/webhooks/rest/webhook) and reply format, and adds: clear 4xx
answers for bad requests, a per-sender rate limit (429 with Retry-After and a
reply to show), and a reply even when the turn produced none (for example
while the action server is down).
"""

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.gateway import (
    Refusal,
    gate_from_environment,
    metadata_problem,
    sender_problem,
)
from connectors.identity import rest_auth_from_environment
from connectors.rate_limit import retry_after_seconds

logger = logging.getLogger(__name__)

EXAMPLE = '{"sender": "alice", "message": "how many reps?"}'


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def parse_request(request: Request) -> tuple[str, str, dict | None]:
    """Sender, text and metadata from a webhook request, or BadRequest saying what is wrong."""
    # A JSON body only: a cross-site page can send text/plain without asking the browser.
    if request.content_type.split(";")[0].strip().lower() != "application/json":
        raise BadRequest(
            f"Send the message as JSON (Content-Type: application/json), for example {EXAMPLE}.",
            status=415,
        )
    try:
        body = request.json
    except Exception:  # sanic raises its own InvalidUsage for unparsable JSON
        body = None
    if not isinstance(body, dict):
        raise BadRequest(f"The body must be a JSON object, for example {EXAMPLE}.")
    sender = body.get("sender")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip():
        raise BadRequest(
            f'"sender" is required: a non-empty string naming the user, as in {EXAMPLE}.'
        )
    problem = sender_problem(sender)
    if problem:
        raise BadRequest(f'"sender": {problem}.')
    text = body.get("message", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise BadRequest(f'"message" must be a string, as in {EXAMPLE}.')
    metadata = body.get("metadata")
    problem = metadata_problem(metadata)
    if problem:
        raise BadRequest(f'"metadata": {problem}.')
    return sender.strip(), text, metadata


def client_address(request: Request) -> str:
    """The client's address: Sanic's, which honours forwarding headers only from the
    proxies it is told to trust (SANIC_PROXIES_COUNT, SANIC_FORWARDED_SECRET)."""
    return request.remote_addr or request.ip


def rest_reply(outcome: Refusal | list[dict], sender: str) -> HTTPResponse:
    """The gate's outcome in the REST channel's format: the replies, or the refusal
    as the coach's one message with its status (and Retry-After when limited)."""
    if not isinstance(outcome, Refusal):
        return response.json(outcome)
    headers = {}
    if outcome.retry_after:
        headers["Retry-After"] = str(retry_after_seconds(outcome.retry_after))
    return response.json(
        [{"recipient_id": sender, "text": outcome.text}], status=outcome.status, headers=headers
    )


class CoachRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("coach_rest_webhook", __name__)
        gate = gate_from_environment()
        auth = rest_auth_from_environment()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_request(request)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=error.status)
            failure = auth.check(sender, request.headers, request.ip)
            if failure:
                return response.json({"error": failure.message}, status=failure.status)
            collector = CollectingOutputChannel()
            outcome = await gate.handle(
                on_new_message,
                collector,
                text,
                sender,
                self.name(),
                metadata,
                address=client_address(request),
            )
            return rest_reply(outcome, sender)

        return webhook

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

from actions import answers
from connectors.rate_limit import limiter_from_environment, retry_after_seconds

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 20_000
MAX_SENDER_CHARS = 256
EXAMPLE = '{"sender": "alice", "message": "how many reps?"}'


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def parse_request(request: Request) -> tuple[str, str, dict | None]:
    """Sender, text and metadata from a webhook request, or BadRequest saying what is wrong."""
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
    if len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f'"sender" is longer than {MAX_SENDER_CHARS} characters.')
    text = body.get("message", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise BadRequest(f'"message" must be a string, as in {EXAMPLE}.')
    if len(text) > MAX_MESSAGE_CHARS:
        raise BadRequest(f'"message" is longer than {MAX_MESSAGE_CHARS} characters.', status=413)
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest('"metadata" must be a JSON object when given.')
    return sender.strip(), text, metadata


async def collect_replies(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    text: str,
    sender: str,
    channel: str,
    metadata: dict | None,
) -> list[dict]:
    """One user message through the dialogue; what the coach said ([] if the turn failed)."""
    collector = CollectingOutputChannel()
    try:
        await on_new_message(
            UserMessage(text, collector, sender, input_channel=channel, metadata=metadata)
        )
    except Exception:
        logger.exception("Message from %s could not be handled", sender)
    return collector.messages


class CoachRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("coach_rest_webhook", __name__)
        limiter = limiter_from_environment()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_request(request)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=error.status)
            wait = limiter.wait_for(sender)
            if wait:
                return response.json(
                    [{"recipient_id": sender, "text": answers.TOO_FAST}],
                    status=429,
                    headers={"Retry-After": str(retry_after_seconds(wait))},
                )
            if not text.strip():
                return response.json([{"recipient_id": sender, "text": answers.EMPTY_MESSAGE}])
            replies = await collect_replies(on_new_message, text, sender, self.name(), metadata)
            return response.json(replies or [{"recipient_id": sender, "text": answers.TROUBLE}])

        return webhook

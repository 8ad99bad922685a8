"""The Slack channel, set up from the environment: an InputChannel / OutputChannel of
Rasa's public API around slack_sdk's AsyncWebClient (the client Rasa's own channel uses).

POST /webhooks/slack/webhook is both the app's Event Subscriptions Request URL
and its Interactivity Request URL. Settings: COACH_SLACK_TOKEN (the bot token,
xoxb-...), COACH_SLACK_SIGNING_SECRET, and COACH_SLACK_API_URL (optional: the
Web API's base URL; the tests point it at a fake). Without the first two the
channel still registers, answers 503 and never calls Slack.

It does not build on rasa.core.channels.slack, whose classes it would have to
bypass (their constructors, private methods); what differs from it, and why:
- Every request's signature is checked first; a bad or missing one is 401 (Rasa:
  400) and nothing in it is read.
- Only direct messages are answered: the coach talks about someone's pain and
  history, which does not belong in a channel. Bots' messages (its own
  included), edits, joins and other subtypes are acknowledged and ignored.
- Slack delivers at least once and retries after 3 s: an event_id (or a button
  press) already handled is acknowledged, not handled again. Rasa dropped only
  retries for timeouts, and a retry after a real failure never came through.
- A button press replaces the buttons with the choice (chat.update), so a stale
  button cannot be pressed later; other interactive payloads get 200, not 500.
- Typed "/name" is a word, not an intent (only the coach's buttons send intents).
- Turns go through connectors/gateway.py: replies go out once the turn is saved,
  a failed post is logged, and a turn with no reply gets answers.TROUBLE.
- The settings Rasa also takes (slack_channel, use_threads, proxy,
  conversation_granularity) are left at their defaults: one conversation per
  user, replies in the direct message; slack_sdk reads HTTPS_PROXY itself.
"""

import asyncio
import hashlib
import hmac
import html
import json
import logging
import os
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from connectors.gateway import (
    Gate,
    Refusal,
    TurnReplies,
    deliver_only,
    gate_from_environment,
    typed_text,
)
from connectors.platforms import (
    SeenIds,
    WebhookReply,
    header,
    is_http_url,
    missing_settings,
    not_configured,
    not_configured_text,
    setting,
)

logger = logging.getLogger(__name__)

TOKEN_SETTING = "COACH_SLACK_TOKEN"
SIGNING_SECRET_SETTING = "COACH_SLACK_SIGNING_SECRET"
API_URL_SETTING = "COACH_SLACK_API_URL"
REQUIRED = (TOKEN_SETTING, SIGNING_SECRET_SETTING)
DEFAULT_API_URL = "https://slack.com/api/"
SIGNATURE_HEADER = "X-Slack-Signature"
TIMESTAMP_HEADER = "X-Slack-Request-Timestamp"
MAX_REQUEST_AGE_SECONDS = 300  # Slack's advice: older signed requests may be replays
API_TIMEOUT_SECONDS = 15
# Message subtypes that still carry what a person wrote.
USER_SUBTYPES = ("file_share", "thread_broadcast")
PRESSED = "\u2713"
MAX_BUTTONS = 5  # Slack ignores every button of a message with more
# Slack's markup around what a person typed: a mention <@U123>, a link <url|text>.
MENTION = "<@{user}>"
LINK = re.compile(r"<(?:mailto:|https?://)[^|>]*\|([^>]*)>")


@dataclass(frozen=True)
class SlackSettings:
    token: str | None = None
    signing_secret: str | None = None
    api_url: str = DEFAULT_API_URL

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "SlackSettings":
        environ = os.environ if environ is None else environ
        return cls(
            token=setting(environ, TOKEN_SETTING),
            signing_secret=setting(environ, SIGNING_SECRET_SETTING),
            api_url=setting(environ, API_URL_SETTING) or DEFAULT_API_URL,
        )

    @property
    def any_set(self) -> bool:
        return bool(self.token or self.signing_secret)

    def problems(self) -> list[str]:
        """What keeps the channel from working, in words for the log and the 503; [] if none."""
        values = {TOKEN_SETTING: self.token or "", SIGNING_SECRET_SETTING: self.signing_secret}
        problems = missing_settings({k: v or "" for k, v in values.items()}, REQUIRED)
        if self.token and not self.token.startswith("xoxb-"):
            problems.append(f"{TOKEN_SETTING} must be the app's bot token (xoxb-...)")
        if not is_http_url(self.api_url):
            problems.append(f"{API_URL_SETTING} must be an http(s) URL, not {self.api_url!r}")
        return problems


def signature_ok(secret: str, headers: Mapping[str, str], body: bytes, now: float) -> bool:
    """Slack's v0 signature: HMAC-SHA256 of "v0:<timestamp>:<body>" with the signing secret."""
    stamp = header(headers, TIMESTAMP_HEADER)
    if not stamp.isdigit() or abs(now - int(stamp)) > MAX_REQUEST_AGE_SECONDS:
        return False
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256)
    return hmac.compare_digest(f"v0={digest.hexdigest()}", header(headers, SIGNATURE_HEADER))


# --- Replies ------------------------------------------------------------------


class CoachSlackBot(OutputChannel):
    """The coach's messages to Slack, through slack_sdk's Web API client on the
    configured URL: text, buttons as blocks, images, and speech links."""

    @classmethod
    def name(cls) -> str:
        return "slack"

    def __init__(
        self, token: str, api_url: str = DEFAULT_API_URL, slack_channel: str | None = None
    ) -> None:
        self.slack_channel = slack_channel  # None: the recipient's direct message
        self.client = AsyncWebClient(token=token, base_url=api_url, timeout=API_TIMEOUT_SECONDS)

    async def post(self, recipient_id: str, **params: Any) -> None:
        await self.client.chat_postMessage(channel=self.slack_channel or recipient_id, **params)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in text.strip().split("\n\n"):  # one Slack message per paragraph
            await self.post(recipient_id, text=part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        if len(buttons) > MAX_BUTTONS:
            logger.warning("Slack shows at most %d buttons; sent the text alone", MAX_BUTTONS)
            await self.send_text_message(recipient_id, text)
            return
        section = {"type": "section", "text": {"type": "plain_text", "text": text}}
        elements = [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": button["title"]},
                "value": button["payload"],
            }
            for button in buttons
        ]
        await self.post(
            recipient_id, text=text, blocks=[section, {"type": "actions", "elements": elements}]
        )

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        try:
            block = {"type": "image", "image_url": image, "alt_text": image}
            await self.post(recipient_id, text=image, blocks=[block])
        except SlackApiError as error:
            # Slack fetches the image itself: COACH_PUBLIC_URL must be public.
            logger.warning("Slack could not show the image %s (%s); sent its link", image, error)
            await self.send_text_message(recipient_id, image)

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        await self.post(recipient_id, attachments=[attachment])

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        if "ssml" in json_message:
            return  # for voice channels
        if isinstance(json_message.get("audio"), str):  # the turn's speech as an MP3
            await self.send_text_message(recipient_id, json_message["audio"])
            return
        # Any other JSON is chat.postMessage's own arguments (blocks, attachments, ...).
        params = {k: v for k, v in json_message.items() if k not in ("as_user", "type")}
        await self.client.chat_postMessage(
            **{"channel": self.slack_channel or recipient_id, **params}
        )


def pressed_blocks(blocks: list, title: str) -> list:
    """The message's blocks with the buttons replaced by the choice made."""
    kept = [b for b in blocks if isinstance(b, dict) and b.get("type") != "actions"]
    choice = {"type": "plain_text", "text": f"{PRESSED} {title}"}
    return [*kept, {"type": "context", "elements": [choice]}]


# --- Requests -----------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A message for the coach from Slack."""

    user: str
    channel: str  # where the reply goes (the direct message)
    text: str
    dedupe_key: str
    pressed: dict | None = None  # a block_actions payload: the press to show


def plain_text(text: str, bot_users: list[str]) -> str:
    """What a person typed, without mentions of the bot and with links as their text
    ("<https://x.org|x.org>" -> "x.org"); Slack's &, < and > escapes are left."""
    for user in bot_users:
        mention = re.escape(MENTION.format(user=user))
        for pattern, replacement in ((rf"{mention}\s", ""), (rf"\s{mention}", ""), (mention, " ")):
            text = re.sub(pattern, replacement, text)
    return LINK.sub(lambda link: link.group(1), text).strip()


def read_event(payload: dict) -> Incoming | None:
    """The person's direct message in an event_callback, or None for anything else."""
    event = payload.get("event")
    if not isinstance(event, dict) or event.get("type") != "message":
        return None
    if event.get("channel_type") != "im" or event.get("bot_id"):
        return None
    if event.get("subtype") and event.get("subtype") not in USER_SUBTYPES:
        return None  # edits, deletions, joins, bot_message, ...
    user, channel, text = event.get("user"), event.get("channel"), event.get("text") or ""
    if not (isinstance(user, str) and isinstance(channel, str) and isinstance(text, str)):
        return None
    bots = [a.get("user_id") for a in payload.get("authorizations") or [] if isinstance(a, dict)]
    if user in bots:
        return None
    text = html.unescape(plain_text(text, [b for b in bots if isinstance(b, str)]))
    key = str(payload.get("event_id") or f"{channel}:{event.get('ts')}")
    return Incoming(user, channel, typed_text(text), key)


def read_interaction(payload: dict) -> Incoming | None:
    """A press of one of the coach's buttons, or None for anything else."""
    if payload.get("type") != "block_actions":
        return None
    actions, user = payload.get("actions"), payload.get("user")
    channel = (payload.get("channel") or {}).get("id") or (payload.get("container") or {}).get(
        "channel_id"
    )
    if not (isinstance(actions, list) and actions and isinstance(actions[0], dict)):
        return None
    action = actions[0]
    value = action.get("value")
    user_id = user.get("id") if isinstance(user, dict) else None
    if action.get("type") != "button" or not isinstance(value, str):
        return None  # a link button or another kind of element
    if not (isinstance(user_id, str) and isinstance(channel, str)):
        return None
    key = f"{user_id}:{action.get('action_ts')}"
    return Incoming(user_id, channel, value, key, pressed=payload)


# --- Channel ------------------------------------------------------------------


class CoachSlackInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: dict | None) -> "CoachSlackInput":
        if credentials:
            logger.warning(
                "Slack settings in credentials.yml are ignored: they come from the "
                "environment (%s).",
                ", ".join(REQUIRED),
            )
        return cls(SlackSettings.from_env())

    def __init__(self, settings: SlackSettings) -> None:
        self.settings = settings
        self.problems = settings.problems()
        self.seen = SeenIds()
        self.gate: Gate | None = None
        # Turns run after Slack has had its answer: kept here until done, or they may be
        # collected mid-turn.
        self._background_tasks: set[asyncio.Task] = set()
        if not settings.any_set:
            logger.info("Slack is off (%s); its webhook answers 503.", self.problems[0])
        elif self.problems:
            logger.warning(not_configured_text("Slack", self.problems))

    def bot(self, channel: str | None = None) -> CoachSlackBot:
        """Posts to `channel`, else to the recipient (a user id: their direct message)."""
        return CoachSlackBot(self.settings.token or "", self.settings.api_url, channel)

    def get_output_channel(
        self, channel: str | None = None, thread_id: str | None = None
    ) -> TurnReplies | None:
        """For reminders (connectors/reminders.py, Rasa): they go to the user's direct
        message; a failed post is logged, not raised. No network call; None when off."""
        return None if self.problems else TurnReplies(self.bot(channel), hold=False)

    async def handle(
        self,
        headers: Mapping[str, str],
        body: bytes,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        now: float | None = None,
    ) -> WebhookReply:
        """The answer to one request; a message is handled in the background (Slack waits 3 s)."""
        if self.problems:
            return not_configured("Slack", self.problems)
        now = time.time() if now is None else now
        if not signature_ok(self.settings.signing_secret or "", headers, body, now):
            logger.warning("A Slack request without a valid signature was refused")
            return WebhookReply.error(
                401, f"{SIGNATURE_HEADER} is missing, wrong or too old: only Slack may post here."
            )
        kind = header(headers, "Content-Type").split(";")[0].strip().lower()
        if kind == "application/json":
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
            if not isinstance(payload, dict):
                return WebhookReply.error(400, "The body is not a JSON object (a Slack event).")
            if payload.get("type") == "url_verification":
                return WebhookReply(200, {"challenge": str(payload.get("challenge") or "")})
            incoming = read_event(payload) if payload.get("type") == "event_callback" else None
        elif kind == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode(), strict_parsing=True)
                payload = json.loads(form["payload"][0])
            except (ValueError, KeyError, UnicodeDecodeError):
                payload = None
            if not isinstance(payload, dict):
                return WebhookReply.error(
                    400, "The body must be a form with payload=<JSON> (a Slack interaction)."
                )
            incoming = read_interaction(payload)
        else:
            return WebhookReply.error(
                415, "Expected application/json (events) or a form (interactions) from Slack."
            )
        if incoming is None:
            return WebhookReply.ok("ignored")
        if not self.seen.first_time(incoming.dedupe_key):
            return WebhookReply.ok("duplicate")
        task = asyncio.create_task(self.answer(incoming, on_new_message))
        self._background_tasks.add(task)  # a reference, or the task may be collected
        task.add_done_callback(self._background_tasks.discard)
        return WebhookReply.ok()

    async def answer(
        self, incoming: Incoming, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        output = self.bot(incoming.channel)
        if incoming.pressed:
            await self.show_choice(output, incoming.pressed)
        gate = self.gate or gate_from_environment()
        metadata = {"out_channel": incoming.channel}
        outcome = await gate.handle(
            on_new_message,
            output,
            incoming.text,
            incoming.user,
            self.name(),
            metadata,
            typed=False,  # read_event made typed text text; a button press is its payload
        )
        if isinstance(outcome, Refusal):
            await deliver_only(output, incoming.channel, outcome.text)

    async def show_choice(self, output: CoachSlackBot, payload: dict) -> None:
        message = payload.get("message") or {}
        container = payload.get("container") or {}
        action = payload["actions"][0]
        title = (action.get("text") or {}).get("text") or action["value"]
        try:
            await output.client.chat_update(
                channel=container.get("channel_id") or output.slack_channel,
                ts=container.get("message_ts") or message.get("ts"),
                text=message.get("text") or title,
                blocks=pressed_blocks(message.get("blocks") or [], title),
            )
        except Exception as error:
            logger.warning("A Slack button press could not be shown: %s", error)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("coach_slack_webhook", __name__)
        self.gate = gate_from_environment()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": not self.problems})

        @webhook.route("/webhook", methods=["GET"])
        async def wrong_method(_: Request) -> HTTPResponse:
            return response.json({"error": "POST Slack's events and clicks here."}, status=405)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            reply = await self.handle(request.headers, request.body or b"", on_new_message)
            return response.json(reply.body, status=reply.status, headers=reply.headers)

        return webhook

"""The Telegram channel, set up from the environment: an InputChannel / OutputChannel
of Rasa's public API around an aiogram 2 Bot (the client Rasa's own channel uses).

POST /webhooks/telegram/webhook takes Telegram's updates. Settings:
COACH_TELEGRAM_TOKEN (from BotFather), COACH_TELEGRAM_BOT_NAME (the bot's
username), COACH_TELEGRAM_WEBHOOK_URL (the public https URL of that webhook),
and COACH_TELEGRAM_API_URL (optional: a self-hosted Bot API server, or the tests'
fake one). Without the first three the channel still registers, answers 503 and
never calls Telegram.

It does not build on rasa.core.channels.telegram, whose classes it would have to
bypass (their constructors, private methods); what differs from it, and why:
- The webhook is set once, in the background after the server starts (and again
  on POST /webhooks/telegram/set_webhook), with a secret token derived from the
  bot token. Telegram sends it back on every update, so an update without it is
  refused (401): the webhook URL alone would let anyone talk as any chat id.
  Rasa set the webhook in get_output_channel with asyncio.run, which fails
  inside the running server (reminders call it) and called Telegram each time.
- get_output_channel is cheap and makes no network call: one shared bot, wrapped
  like a turn's output, so a reminder that fails to go out is logged, not raised.
- The bot's username (Rasa's `verify`) is fetched once, not on every update.
- Bad input gets a clear 4xx; updates the coach does not handle (edits, member
  changes, ...) get 200, because Telegram retries anything else for hours.
- A repeated update_id (Telegram delivers at least once) is not handled twice.
- Typed commands are words ("/start" greets); only the coach's buttons send
  intents. A sticker or photo without a caption gets a short answer.
- A button press is acknowledged (answerCallbackQuery, or the phone shows a
  spinner) and its keyboard replaced by the choice, so a stale button cannot be
  pressed later (an old "Yes, delete everything" would be a bad surprise).
- Replies go out through gateway.TurnReplies: a failed send is logged, the turn
  is still saved, and a turn with no reply gets answers.TROUBLE.
"""

import asyncio
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.bot.api import Methods, TelegramAPIServer, check_token
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError, ValidationError
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

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

TOKEN_SETTING = "COACH_TELEGRAM_TOKEN"
BOT_NAME_SETTING = "COACH_TELEGRAM_BOT_NAME"
WEBHOOK_URL_SETTING = "COACH_TELEGRAM_WEBHOOK_URL"
API_URL_SETTING = "COACH_TELEGRAM_API_URL"
REQUIRED = (TOKEN_SETTING, BOT_NAME_SETTING, WEBHOOK_URL_SETTING)
DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram is asked for these only; anything else that arrives is acknowledged.
ALLOWED_UPDATES = ("message", "callback_query")
API_TIMEOUT_SECONDS = 15
MAX_CALLBACK_DATA_BYTES = 64  # Telegram's limit for a button's callback_data
# Buttons share one row when their titles fit a phone's width, else one a row
# (a row of "Yes, move up" / "Not yet" / "Stay at this level" gets cut off).
ROW_CHARS = 30
COMMANDS = {"start": "hello", "help": "what can you do"}
PRESSED = "\u2713"  # check mark before the chosen button's title


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = None
    bot_name: str | None = None
    webhook_url: str | None = None
    api_url: str = DEFAULT_API_URL

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "TelegramSettings":
        environ = os.environ if environ is None else environ
        return cls(
            token=setting(environ, TOKEN_SETTING),
            bot_name=(setting(environ, BOT_NAME_SETTING) or "").lstrip("@") or None,
            webhook_url=setting(environ, WEBHOOK_URL_SETTING),
            api_url=setting(environ, API_URL_SETTING) or DEFAULT_API_URL,
        )

    def problems(self) -> list[str]:
        """What keeps the channel from working, in words for the log and the 503; [] if none."""
        values = {
            TOKEN_SETTING: self.token,
            BOT_NAME_SETTING: self.bot_name,
            WEBHOOK_URL_SETTING: self.webhook_url,
        }
        problems = missing_settings({k: v or "" for k, v in values.items()}, REQUIRED)
        if self.token:
            try:
                check_token(self.token)
            except ValidationError:
                problems.append(f"{TOKEN_SETTING} is not a bot token (like 123456789:AAE...)")
        for name, url in ((WEBHOOK_URL_SETTING, self.webhook_url), (API_URL_SETTING, self.api_url)):
            if url and not is_http_url(url):
                problems.append(f"{name} must be an http(s) URL, not {url!r}")
        return problems

    @property
    def any_set(self) -> bool:
        """False for a user who does not use Telegram at all (then start-up stays quiet)."""
        return bool(self.token or self.bot_name or self.webhook_url)

    @property
    def secret_token(self) -> str:
        """Sent to Telegram with the webhook and back by Telegram on every update. Derived
        from the bot token, so there is no other secret to keep; 64 hex characters fit
        Telegram's rules (1-256 of A-Z, a-z, 0-9, _ and -)."""
        key = (self.token or "").encode()
        return hmac.new(key, b"coach telegram webhook", hashlib.sha256).hexdigest()


# --- Replies ------------------------------------------------------------------


def callback_data(button: Mapping[str, Any]) -> str:
    """A button's callback_data: its payload, or (too long for Telegram's 64 bytes) its
    title, which the coach's NLU reads like typed text."""
    payload = str(button.get("payload") or "")
    if payload and len(payload.encode()) <= MAX_CALLBACK_DATA_BYTES:
        return payload
    title = str(button.get("title") or "")
    return title.encode()[:MAX_CALLBACK_DATA_BYTES].decode(errors="ignore")


def inline_keyboard(buttons: list[Mapping[str, Any]]) -> InlineKeyboardMarkup:
    keyboard = [
        InlineKeyboardButton(str(b.get("title") or ""), callback_data=callback_data(b))
        for b in buttons
    ]
    markup = InlineKeyboardMarkup()
    if sum(len(button.text) for button in keyboard) <= ROW_CHARS:
        markup.row(*keyboard)
    else:
        for button in keyboard:
            markup.row(button)
    return markup


class CoachTelegramOutput(OutputChannel):
    """The coach's messages to Telegram, through an aiogram Bot on the configured Bot API
    server; also the few other Bot API calls the channel makes (identity, webhook,
    button presses), so that the channel has one client to share and to fake in tests."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    def __init__(self, token: str, api_url: str = DEFAULT_API_URL) -> None:
        self.client = Bot(
            token, server=TelegramAPIServer.from_base(api_url), timeout=API_TIMEOUT_SECONDS
        )

    # -- Rasa's output channel: what the coach says ------------------------------------

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in text.strip().split("\n\n"):  # one Telegram message per paragraph
            await self.send_message(recipient_id, part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_message(recipient_id, text, reply_markup=inline_keyboard(buttons))

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        try:
            await self.send_photo(recipient_id, image)
        except TelegramAPIError as error:
            # Telegram fetches the image itself: COACH_PUBLIC_URL must be public.
            logger.warning("Telegram could not send the image %s (%s); sent its link", image, error)
            await self.send_message(recipient_id, image)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        if isinstance(json_message.get("audio"), str):  # the turn's speech as an MP3
            await self.client.send_audio(recipient_id, json_message["audio"])
        # Anything else (SSML for a speaker) is for other channels.

    # -- The Bot API calls -------------------------------------------------------------

    async def send_message(self, chat_id: str, text: str, reply_markup: Any = None) -> None:
        await self.client.send_message(chat_id, text, reply_markup=reply_markup)

    async def send_photo(self, chat_id: str, photo: str) -> None:
        await self.client.send_photo(chat_id, photo)

    async def get_me(self) -> Any:
        return await self.client.get_me()

    async def request(self, method: str, data: dict[str, Any]) -> Any:
        return await self.client.request(method, data)

    async def answer_callback_query(self, query_id: str) -> None:
        await self.client.answer_callback_query(query_id)

    async def edit_message_text(self, text: str, chat_id: str, message_id: int) -> None:
        await self.client.edit_message_text(text, chat_id, message_id)

    async def edit_message_reply_markup(self, chat_id: str, message_id: int) -> None:
        await self.client.edit_message_reply_markup(chat_id, message_id)

    async def close(self) -> None:
        await self.client.close()


# --- Updates ------------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """What an update asks of the coach."""

    chat_id: str
    text: str  # "" for a message without words (a sticker, a photo without caption)
    callback: dict | None = None  # the callback_query of a button press


def _chat_id(message: Any) -> str | None:
    chat = message.get("chat") if isinstance(message, dict) else None
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    if isinstance(chat_id, int) and not isinstance(chat_id, bool):
        return str(chat_id)
    return None


def read_typed(text: str, bot_name: str | None) -> str | None:
    """A typed message as the coach reads it; None for a command meant for another bot."""
    text = text.strip()
    if text.startswith("/"):
        command, _, rest = text[1:].partition(" ")
        name, _, addressee = command.partition("@")
        if addressee and bot_name and addressee.lower() != bot_name.lower():
            return None
        if name.lower() in COMMANDS:
            return COMMANDS[name.lower()]
        text = f"{name} {rest}"
    return typed_text(text)


def read_update(update: dict, bot_name: str | None) -> Incoming | None:
    """The message in an update, or None for updates the coach does not answer."""
    query = update.get("callback_query")
    if isinstance(query, dict):
        chat_id = _chat_id(query.get("message"))  # no message: a press in inline mode
        data = query.get("data")
        if chat_id is None or not isinstance(data, str) or not isinstance(query.get("id"), str):
            return None
        return Incoming(chat_id, data, callback=query)
    message = update.get("message")
    chat_id = _chat_id(message)
    if chat_id is None:
        # edited_message: already answered, and a changed "done" must not count twice.
        return None
    words = message.get("text") or message.get("caption")
    if not isinstance(words, str):
        return Incoming(chat_id, "")
    text = read_typed(words, bot_name)
    return None if text is None else Incoming(chat_id, text)


def pressed_title(message: dict, data: str) -> str | None:
    """The title of the button in `message` whose callback_data is `data`."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    for row in rows if isinstance(rows, list) else []:
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict) and button.get("callback_data") == data:
                return str(button.get("text") or "") or None
    return None


# --- Channel ------------------------------------------------------------------


class CoachTelegramInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict | None) -> "CoachTelegramInput":
        if credentials:
            logger.warning(
                "Telegram settings in credentials.yml are ignored: they come from the "
                "environment (%s).",
                ", ".join(REQUIRED),
            )
        return cls(TelegramSettings.from_env())

    def __init__(self, settings: TelegramSettings) -> None:
        self.settings = settings
        self.problems = settings.problems()
        self.seen = SeenIds()
        self.gate: Gate | None = None
        self._bot: CoachTelegramOutput | None = None
        self._bot_username: str | None = None
        self._startup: asyncio.Task | None = None
        if not settings.any_set:
            logger.info("Telegram is off (%s); its webhook answers 503.", self.problems[0])
        elif self.problems:
            logger.warning(not_configured_text("Telegram", self.problems))

    @property
    def bot(self) -> CoachTelegramOutput:
        """The one bot (and HTTP session) that every turn and reminder shares."""
        if self._bot is None:
            self._bot = CoachTelegramOutput(self.settings.token or "", self.settings.api_url)
        return self._bot

    def get_output_channel(self) -> TurnReplies | None:
        """For reminders (connectors/reminders.py, Rasa): no network call; None when off."""
        return None if self.problems else TurnReplies(self.bot, hold=False)

    async def identity_problem(self) -> str | None:
        """Checks once that the token is the bot named by COACH_TELEGRAM_BOT_NAME."""
        if self._bot_username is None:
            try:
                me = await self.bot.get_me()
            except Exception as error:  # not cached: the next update asks again
                return f"Telegram could not be reached ({type(error).__name__}: {error})"
            self._bot_username = me.username or ""
        expected = self.settings.bot_name or ""
        if self._bot_username.lower() != expected.lower():
            return (
                f"{TOKEN_SETTING} is the token of @{self._bot_username}, but "
                f"{BOT_NAME_SETTING} is @{expected}"
            )
        return None

    async def set_webhook(self) -> str | None:
        """Points Telegram at COACH_TELEGRAM_WEBHOOK_URL; returns what went wrong, or None."""
        problem = await self.identity_problem()
        if problem is None:
            try:
                await self.bot.request(
                    Methods.SET_WEBHOOK,
                    {
                        "url": self.settings.webhook_url,
                        "secret_token": self.settings.secret_token,
                        "allowed_updates": json.dumps(ALLOWED_UPDATES),
                    },
                )
            except Exception as error:
                problem = f"Telegram refused or did not answer ({type(error).__name__}: {error})"
        if problem:
            logger.error(
                "The Telegram webhook could not be set to %s: %s. Telegram will not send "
                "messages until it is: fix this, then POST /webhooks/telegram/set_webhook.",
                self.settings.webhook_url,
                problem,
            )
        else:
            logger.info("Telegram webhook set to %s", self.settings.webhook_url)
        return problem

    async def acknowledge(self, query: dict) -> None:
        """Stops the button's spinner and replaces the keyboard with the choice."""
        message = query.get("message") or {}
        chat_id, message_id = _chat_id(message), message.get("message_id")
        title = pressed_title(message, query.get("data") or "")
        text = message.get("text")
        calls = [self.bot.answer_callback_query(query["id"])]
        if isinstance(message_id, int):
            if isinstance(text, str) and title:
                calls.append(
                    self.bot.edit_message_text(f"{text}\n\n{PRESSED} {title}", chat_id, message_id)
                )
            else:
                calls.append(self.bot.edit_message_reply_markup(chat_id, message_id))
        for result in await asyncio.gather(*calls, return_exceptions=True):
            if isinstance(result, Exception):
                logger.warning("A Telegram button press could not be acknowledged: %s", result)

    async def handle_update(
        self,
        headers: Mapping[str, str],
        body: bytes,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> WebhookReply:
        if self.problems:
            return not_configured("Telegram", self.problems)
        if not hmac.compare_digest(
            header(headers, SECRET_HEADER).encode(), self.settings.secret_token.encode()
        ):
            logger.warning("A Telegram update without the webhook's secret token was refused")
            return WebhookReply.error(
                401, f"{SECRET_HEADER} is missing or wrong: only Telegram may post here."
            )
        try:
            update = json.loads(body)
        except ValueError:
            return WebhookReply.error(400, "The body is not JSON: expected a Telegram Update.")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return WebhookReply.error(400, "The body is not a Telegram Update (no update_id).")
        problem = await self.identity_problem()
        if problem:
            logger.error("Telegram update not handled: %s", problem)
            return WebhookReply.error(503, problem)  # Telegram tries again later
        if not self.seen.first_time(str(update["update_id"])):
            return WebhookReply.ok("duplicate")
        incoming = read_update(update, self.settings.bot_name)
        if incoming is None:
            logger.debug("Telegram update %s ignored: nothing to answer", update["update_id"])
            return WebhookReply.ok("ignored")
        if incoming.callback:
            await self.acknowledge(incoming.callback)
        await self.answer(incoming, on_new_message)
        return WebhookReply.ok()

    async def answer(
        self, incoming: Incoming, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        chat_id = incoming.chat_id
        gate = self.gate or gate_from_environment()
        outcome = await gate.handle(
            on_new_message,
            self.bot,
            incoming.text,
            chat_id,
            self.name(),
            typed=False,  # read_update made typed text text; a button press is its payload
        )
        if isinstance(outcome, Refusal):
            await deliver_only(self.bot, chat_id, outcome.text)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("coach_telegram_webhook", __name__)
        self.gate = gate_from_environment()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": not self.problems})

        @webhook.route("/set_webhook", methods=["GET", "POST"])
        async def set_webhook_again(_: Request) -> HTTPResponse:
            if self.problems:
                reply = not_configured("Telegram", self.problems)
                return response.json(reply.body, status=reply.status)
            problem = await self.set_webhook()
            if problem:
                return response.json({"error": problem}, status=502)
            return response.json({"status": "ok", "url": self.settings.webhook_url})

        @webhook.route("/webhook", methods=["GET"])
        async def wrong_method(_: Request) -> HTTPResponse:
            return response.json({"error": "POST Telegram updates here."}, status=405)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            reply = await self.handle_update(request.headers, request.body or b"", on_new_message)
            return response.json(reply.body, status=reply.status, headers=reply.headers)

        @webhook.listener("after_server_start")
        async def point_telegram_here(_app: Sanic, _loop: Any) -> None:
            # In the background: start-up does not wait for Telegram, and its failure
            # is a logged error, not a server that will not start.
            if not self.problems:
                self._startup = asyncio.create_task(self.set_webhook())

        @webhook.listener("after_server_stop")
        async def close_session(_app: Sanic, _loop: Any) -> None:
            if self._bot is not None:
                await self._bot.close()

        return webhook

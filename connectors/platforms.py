"""What the Telegram and Slack channels share: settings from the environment, one
user turn delivered to a platform, and the small checks both webhooks make.

A turn goes through Rasa with the platform's output channel wrapped in
`TurnOutput`, which sends every message as Rasa produces it but never lets a
failed delivery escape into Rasa: an exception there would abort the turn
before the tracker is saved, losing (say) a counted rep because Telegram
timed out. The same wrapper counts what was sent, so a turn that produced
nothing (the action server is down) still gets answers.TROUBLE, as on REST.
The wrapper is also what Rasa keeps for reminders scheduled in the turn (the
rest timer), so those are delivered the same way.
"""

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from rasa.core.channels.channel import OutputChannel, UserMessage

from actions import answers
from connectors.rest import MAX_MESSAGE_CHARS

logger = logging.getLogger(__name__)

TOO_LONG = (
    f"That message is too long for me (over {MAX_MESSAGE_CHARS:,} characters)."
    " Ask me one thing at a time."
)
# Platforms deliver at least once; this many recent ids are remembered to drop repeats.
SEEN_IDS = 2048


def setting(environ: Mapping[str, str], name: str) -> str | None:
    """A setting's value, None when unset or blank."""
    value = environ.get(name, "").strip()
    return value or None


def header(headers: Mapping[str, str], name: str) -> str:
    """A request header by name, whatever its case; "" when absent."""
    return next((v for k, v in headers.items() if k.lower() == name.lower()), "")


def is_http_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


@dataclass(frozen=True)
class WebhookReply:
    """What a webhook answers: status, a small JSON body and any extra headers."""

    status: int
    body: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)

    @classmethod
    def ok(cls, status: str = "ok", **headers: str) -> "WebhookReply":
        return cls(200, {"status": status}, headers)

    @classmethod
    def error(cls, status: int, message: str) -> "WebhookReply":
        return cls(status, {"error": message})


def not_configured(platform: str, problems: list[str]) -> WebhookReply:
    return WebhookReply.error(503, not_configured_text(platform, problems))


def not_configured_text(platform: str, problems: list[str]) -> str:
    return f"{platform} is not configured: {'; '.join(problems)} (see README)."


def missing_settings(environ: Mapping[str, str], names: tuple[str, ...]) -> list[str]:
    """["set A, B"] for the required settings that are not set, else []."""
    missing = [name for name in names if setting(environ, name) is None]
    return [f"set {', '.join(missing)}"] if missing else []


def typed_text(text: str) -> str:
    """What a user typed, as the coach should read it.

    Rasa reads "/name" as an intent, which only the coach's own buttons may
    send: a typed "/restart" would otherwise wipe the user's history. So a
    typed command loses its slash ("/stop" -> "stop")."""
    text = text.strip()
    while text.startswith("/"):
        text = text[1:].lstrip()
    return text


class SeenIds:
    """The ids of recently handled deliveries (bounded), to ignore a platform's retries."""

    def __init__(self, size: int = SEEN_IDS) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """True the first time `key` is seen; it is remembered from then on."""
        if key in self._ids:
            self._ids.move_to_end(key)
            return False
        self._ids[key] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


class TurnOutput(OutputChannel):
    """A platform's output channel for one turn (or one reminder): failures are logged,
    not raised, and every message handed over is counted."""

    def __init__(self, target: OutputChannel) -> None:
        self.target = target
        self.sent = 0

    def name(self) -> str:  # type: ignore[override] - the platform's name, per instance
        return self.target.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        try:
            await self.target.send_response(recipient_id, dict(message))
        except Exception as error:  # the platform's API: network, auth, a blocked bot, ...
            logger.error(
                "A %s message to %s could not be delivered: %s: %s",
                self.target.name(),
                recipient_id,
                type(error).__name__,
                error,
            )

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})


async def run_turn(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    target: OutputChannel,
    text: str,
    sender: str,
    channel: str,
    metadata: dict | None = None,
    recipient: str | None = None,
) -> int:
    """One user message through the dialogue, replies sent to the platform as they come.
    Returns the number of messages sent; answers.TROUBLE is sent if the turn made none."""
    output = TurnOutput(target)
    try:
        await on_new_message(
            UserMessage(text, output, sender, input_channel=channel, metadata=metadata)
        )
    except Exception:
        logger.exception("A %s message from %s could not be handled", channel, sender)
    if output.sent == 0:
        await output.send_text_message(recipient or sender, answers.TROUBLE)
    return output.sent


async def reply_only(target: OutputChannel, recipient: str, text: str) -> None:
    """A reply from the channel itself (no turn): empty or too long a message, too fast."""
    await TurnOutput(target).send_text_message(recipient, text)


def check_length(text: str) -> str | None:
    """The channel's own reply when a message cannot go to the dialogue, else None."""
    if not text:
        return answers.EMPTY_MESSAGE
    if len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG
    return None

"""The gate between the channels and the dialogue: what may reach Rasa, and what the
user is told when a turn fails.

Every chat channel asks the gate before a message reaches the dialogue:
- `input_problem`: ids and text that cannot be stored (lone surrogates, control
  characters in ids), text longer than people type, metadata nested or sized
  beyond what any client sends. Each gets a clear reply instead of a crash deep
  in the tracker store or a long NLU parse.
- `Gate.refusal`: the per-sender limit, a per-client-address limit (so a flood
  under many sender ids from one place is refused too), and a cap on turns in
  progress ("busy, try again" at once instead of everyone waiting).
- `Gate.readable_text`: typed text is text. Rasa reads "/name{...}" as an
  intent; only a payload of the buttons the coach last offered this user may
  be read that way, so a typed "/restart" or "/red_flag{...}" is a message.

`Gate.handle` is the one way in that every channel uses: the limits, then the
text, then the turn; a channel only translates its platform's format.
`Gate.run_turn` holds the turn's replies until Rasa has run the whole turn,
which ends with the tracker saved: a reply ("That's 6", "Done, deleted") goes
out only once what it says is stored. If the turn fails, the replies are
dropped and the user is told nothing was saved.
"""

import json
import logging
import os
import unicodedata
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

from coach import answers
from connectors.capabilities import of_channel
from connectors.rate_limit import RateLimiter, limiter_from_environment, number_setting

logger = logging.getLogger(__name__)

# Text longer than this is not a message about leg lifts; parsing it would cost
# seconds of everyone's time.
MAX_TEXT_CHARS = 1_000
MAX_SENDER_CHARS = 255  # the tracker store's sender_id column
MAX_METADATA_DEPTH = 8
MAX_METADATA_CHARS = 4_000
# Payloads remembered per user (the coach's last offer) and users remembered.
MAX_OFFER_USERS = 10_000

TEST_CLOCK_SETTING = "COACH_TEST_CLOCK"  # tests only (README)
MAX_IN_PROGRESS_SETTING = "COACH_MAX_TURNS_IN_PROGRESS"
DEFAULT_MAX_IN_PROGRESS = 100
ADDRESS_PER_MINUTE_SETTING = "COACH_RATE_LIMIT_ADDRESS_PER_MINUTE"
ADDRESS_BURST_SETTING = "COACH_RATE_LIMIT_ADDRESS_BURST"
# A household or an office behind one address: several people counting reps.
DEFAULT_ADDRESS_PER_MINUTE = 300
DEFAULT_ADDRESS_BURST = 60

TOO_LONG = (
    f"That message is too long for me (over {MAX_TEXT_CHARS:,} characters)."
    " Ask me one thing at a time."
)
NOT_SAVED = (
    "Sorry, I couldn't save that just now, so nothing has changed. Please say it again in a moment."
)
BUSY = "I'm very busy right now. Please try again in a few seconds."


def storable(text: str) -> bool:
    """False for text the database cannot store (lone surrogates from a bad client)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def sender_problem(sender: Any) -> str | None:
    """Why a sender id cannot name a conversation, or None."""
    if not isinstance(sender, str) or not sender.strip():
        return "the sender id must be a non-empty string"
    if len(sender) > MAX_SENDER_CHARS:
        return f"the sender id is longer than {MAX_SENDER_CHARS} characters"
    if not storable(sender):
        return "the sender id is not valid Unicode text"
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in sender):
        return "the sender id must not contain control characters"
    return None


def text_problem(text: Any) -> str | None:
    """The reply for text that cannot go to the dialogue (too long, not text), or None."""
    if not isinstance(text, str):
        return "Sorry, I couldn't read that: a message must be text."
    if len(text) > MAX_TEXT_CHARS:
        return TOO_LONG
    if not storable(text):
        return "Sorry, I couldn't read that: it has characters that aren't valid text."
    return None


def metadata_problem(metadata: Any) -> str | None:
    """Why metadata is refused (not an object, nested too deep, too big), or None."""
    if metadata is None:
        return None
    if not isinstance(metadata, dict):
        return "metadata must be a JSON object"
    # Iterative, so a deeply nested value cannot exhaust the stack here.
    stack: list[tuple[Any, int]] = [(metadata, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_METADATA_DEPTH:
            return f"metadata is nested more than {MAX_METADATA_DEPTH} levels deep"
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
            stack.extend((key, depth) for key in value)
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and not storable(value):
            return "metadata holds text that isn't valid Unicode"
    if len(json.dumps(metadata)) > MAX_METADATA_CHARS:
        return f"metadata is larger than {MAX_METADATA_CHARS:,} characters"
    return None


def typed_text(text: str) -> str:
    """What a user typed, as the coach should read it: a leading slash is dropped, so
    that Rasa cannot read it as an intent ("/stop" -> "stop")."""
    text = text.strip()
    while text.startswith("/"):
        text = text[1:].lstrip()
    return text


def offered_payloads(messages: list[Mapping[str, Any]]) -> frozenset[str]:
    """The button payloads in a turn's messages."""
    return frozenset(
        button["payload"]
        for message in messages
        for button in message.get("buttons") or []
        if isinstance(button, Mapping) and isinstance(button.get("payload"), str)
    )


@dataclass(frozen=True)
class Refusal:
    """A message the gate does not let through: what to tell the user, and when to retry.
    `unreadable` is a text the dialogue cannot take (empty, too long, not storable),
    which a voice channel asks again rather than explaining."""

    text: str
    retry_after: float = 0.0
    status: int = 429
    unreadable: bool = False


class TurnReplies(OutputChannel):
    """A channel's output for one turn: Rasa's messages are held until the turn has
    ended (the tracker is saved), then delivered, or dropped if the turn failed.
    Rasa keeps this object for reminders scheduled in the turn: once the turn is
    over, messages go straight through. A failed delivery is logged, never raised
    into Rasa (it would abort a turn whose reply was already sent)."""

    def __init__(self, target: OutputChannel, hold: bool = True) -> None:
        self.target = target
        # None once nothing is held any more: messages go straight through.
        self.held: list[tuple[str, dict[str, Any]]] | None = [] if hold else None
        self.sent = 0

    def name(self) -> str:  # type: ignore[override] - the target channel's name
        return self.target.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if self.held is not None:
            self.held.append((recipient_id, dict(message)))
        else:
            await self._deliver(recipient_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def _deliver(self, recipient_id: str, message: dict[str, Any]) -> None:
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

    def messages(self) -> list[dict[str, Any]]:
        return [message for _, message in self.held or []]

    async def release(self) -> None:
        held, self.held = self.held or [], None
        for recipient_id, message in held:
            await self._deliver(recipient_id, message)

    def drop(self) -> None:
        self.held = None


class Gate:
    def __init__(
        self,
        per_sender: RateLimiter,
        per_address: RateLimiter,
        max_in_progress: int = DEFAULT_MAX_IN_PROGRESS,
        always_allowed: frozenset[str] = frozenset(),
    ) -> None:
        self.always_allowed = always_allowed
        self.per_sender = per_sender
        self.per_address = per_address
        self.max_in_progress = max_in_progress
        self.in_progress = 0
        self._offers: OrderedDict[str, frozenset[str]] = OrderedDict()

    def refusal(self, sender: str, address: str | None = None) -> Refusal | None:
        """Why this message may not run now (too fast, too busy), or None. Counts it."""
        if address is not None:
            wait = self.per_address.wait_for(address)
            if wait:
                return Refusal(answers.TOO_FAST, wait)
        wait = self.per_sender.wait_for(sender)
        if wait:
            return Refusal(answers.TOO_FAST, wait)
        if self.max_in_progress and self.in_progress >= self.max_in_progress:
            return Refusal(BUSY, 2.0, status=503)
        return None

    def readable_text(self, sender: str, text: str) -> str:
        """The text as the dialogue should read it (see the module's docstring)."""
        stripped = text.strip()
        offered = self._offers.get(sender, frozenset()) | self.always_allowed
        if stripped.startswith("/") and stripped in offered:
            return stripped
        return typed_text(text)

    def _remember_offer(self, sender: str, messages: list[dict[str, Any]]) -> None:
        self._offers.pop(sender, None)
        payloads = offered_payloads(messages)
        if payloads:
            self._offers[sender] = payloads
            while len(self._offers) > MAX_OFFER_USERS:
                self._offers.popitem(last=False)

    async def handle(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        target: OutputChannel,
        text: str,
        sender: str,
        channel: str,
        metadata: dict | None = None,
        *,
        address: str | None = None,
        recipient: str | None = None,
        typed: bool = True,
    ) -> Refusal | list[dict[str, Any]]:
        """One message from any channel: refused (too fast, too busy, unreadable text:
        nothing is delivered, the channel tells the user in its own format), or run
        through the dialogue (see run_turn). `typed` is False for text the platform
        made rather than the user (Alexa's intents, a pressed button's payload), or that
        the channel has already read as typed, which is passed on as it is."""
        refusal = self.refusal(sender, address)
        if refusal:
            return refusal
        problem = text_problem(text) or ("" if text.strip() else answers.EMPTY_MESSAGE)
        if problem:
            return Refusal(problem, status=200, unreadable=True)
        if typed:
            text = self.readable_text(sender, text)
        return await self.run_turn(
            on_new_message, target, text, sender, channel, metadata, recipient
        )

    async def run_turn(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        target: OutputChannel,
        text: str,
        sender: str,
        channel: str,
        metadata: dict | None = None,
        recipient: str | None = None,
    ) -> list[dict[str, Any]]:
        """One message through the dialogue; the replies are delivered to `target` once
        the turn is saved, and returned. A failed turn delivers NOT_SAVED, a turn that
        produced nothing (the action server is down) answers.TROUBLE."""
        replies = TurnReplies(target)
        self.in_progress += 1
        try:
            # The channel's record of what it can do goes with the message (the actions
            # shape the replies from it).
            declared = of_channel(channel).declare(metadata)
            await on_new_message(
                UserMessage(text, replies, sender, input_channel=channel, metadata=declared)
            )
        except Exception:
            logger.exception("A %s message from %s could not be handled", channel, sender)
            replies.drop()
            await replies.send_text_message(recipient or sender, NOT_SAVED)
            return [{"recipient_id": recipient or sender, "text": NOT_SAVED}]
        finally:
            self.in_progress -= 1
        messages = replies.messages()
        await replies.release()
        self._remember_offer(sender, messages)
        if not messages:
            await replies.send_text_message(recipient or sender, answers.TROUBLE)
            return [{"recipient_id": recipient or sender, "text": answers.TROUBLE}]
        return messages


def gate_from_environment(environ: Mapping[str, str] | None = None) -> Gate:
    environ = os.environ if environ is None else environ
    per_minute = number_setting(environ, ADDRESS_PER_MINUTE_SETTING, DEFAULT_ADDRESS_PER_MINUTE)
    burst = number_setting(environ, ADDRESS_BURST_SETTING, DEFAULT_ADDRESS_BURST)
    return Gate(
        per_sender=limiter_from_environment(environ),
        per_address=RateLimiter(per_minute=per_minute, burst=max(1, int(burst))),
        max_in_progress=int(
            number_setting(environ, MAX_IN_PROGRESS_SETTING, DEFAULT_MAX_IN_PROGRESS)
        ),
        # Tests replaying weeks start each day as a new conversation, as Rasa would.
        always_allowed=frozenset({"/session_start"} if environ.get(TEST_CLOCK_SETTING) else ()),
    )


async def deliver_only(target: OutputChannel, recipient: str, text: str) -> None:
    """A reply from the channel itself, no turn (too long, too fast, busy)."""
    await TurnReplies(target, hold=False).send_text_message(recipient, text)

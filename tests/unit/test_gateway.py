"""connectors/gateway.py: what may reach the dialogue, the limits, typed text, and replies
held until the turn is saved."""

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel

from coach import answers
from coach.capabilities import Capabilities
from connectors import gateway
from connectors.capabilities import BY_CHANNEL, of_channel
from connectors.gateway import (
    BUSY,
    MAX_SENDER_CHARS,
    MAX_TEXT_CHARS,
    NOT_SAVED,
    TOO_LONG,
    Gate,
    TurnReplies,
    gate_from_environment,
    metadata_problem,
    offered_payloads,
    sender_problem,
    text_problem,
    typed_text,
)
from connectors.rate_limit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def a_gate(sender_burst: int = 100, address_burst: int = 100, max_in_progress: int = 10) -> Gate:
    clock = Clock()
    return Gate(
        RateLimiter(per_minute=60, burst=sender_burst, clock=clock),
        RateLimiter(per_minute=60, burst=address_burst, clock=clock),
        max_in_progress=max_in_progress,
    )


@pytest.mark.parametrize(
    "sender",
    ["alice", "amzn1.ask.account.ABC", "42", "web-" + "a" * 32, "Zoë", "x" * MAX_SENDER_CHARS],
)
def test_ordinary_sender_ids_pass(sender):
    assert sender_problem(sender) is None


@pytest.mark.parametrize(
    "sender",
    [
        "\ud800x",  # a lone surrogate: the database cannot store it
        "a\udfffb",
        "ali\x00ce",
        "ali\nce",
        "bob\x1b[31m",
        "\u2028",
        "x" * (MAX_SENDER_CHARS + 1),
        "",
        "   ",
        None,
        42,
    ],
)
def test_sender_ids_that_cannot_be_stored_are_refused(sender):
    assert sender_problem(sender)


def test_text_checks():
    assert text_problem("how long do I hold it?") is None
    assert text_problem("x" * MAX_TEXT_CHARS) is None
    assert text_problem("x" * (MAX_TEXT_CHARS + 1)) == TOO_LONG
    assert "valid text" in text_problem("hi \ud83d")
    assert "must be text" in text_problem(["hi"])


def test_metadata_checks():
    assert metadata_problem(None) is None
    assert metadata_problem({"voice": True, "timezone": "Europe/London"}) is None
    assert "object" in metadata_problem(["a"])
    deep: object = 1
    for _ in range(900):
        deep = [deep]
    assert "nested" in metadata_problem({"a": deep})
    assert "larger" in metadata_problem({"a": "x" * 5000})
    assert "Unicode" in metadata_problem({"a": "\ud800"})
    assert "Unicode" in metadata_problem({"\ud800": 1})


@pytest.mark.parametrize(
    ("typed", "read"),
    [("/restart", "restart"), ("//affirm", "affirm"), (" / stop", "stop"), ("hi", "hi")],
)
def test_typed_slashes_are_dropped(typed, read):
    assert typed_text(typed) == read


def test_only_the_payloads_just_offered_are_read_as_intents():
    gate = a_gate()
    assert gate.readable_text("ann", "/affirm") == "affirm"
    offer = [{"text": "Start?", "buttons": [{"title": "Yes", "payload": "/affirm"}]}]
    gate._remember_offer("ann", offer)
    assert gate.readable_text("ann", "/affirm") == "/affirm"
    assert gate.readable_text("ann", "/restart") == "restart"
    assert gate.readable_text("ann", '/red_flag{"sign": "x"}') == 'red_flag{"sign": "x"}'
    assert gate.readable_text("bob", "/affirm") == "affirm", "another user's offer"
    gate._remember_offer("ann", [{"text": "ok"}])
    assert gate.readable_text("ann", "/affirm") == "affirm", "the offer has passed"


def test_only_tests_may_start_a_new_conversation_by_typing():
    assert gate_from_environment({}).readable_text("ann", "/session_start") == "session_start"
    tests = gate_from_environment({"COACH_TEST_CLOCK": "1"})
    assert tests.readable_text("ann", "/session_start") == "/session_start"
    assert tests.readable_text("ann", "/restart") == "restart"


def test_offered_payloads_ignores_odd_buttons():
    messages = [{"buttons": [{"payload": "/a"}, {"title": "no payload"}, "junk"]}, {"text": "x"}]
    assert offered_payloads(messages) == {"/a"}


def test_the_per_address_limit_catches_a_flood_under_many_sender_ids():
    gate = a_gate(address_burst=5)
    refusals = [gate.refusal(f"user-{n}", "203.0.113.9") for n in range(8)]
    assert refusals[:5] == [None] * 5
    assert all(r is not None and r.text == answers.TOO_FAST for r in refusals[5:])
    assert gate.refusal("victim", "198.51.100.7") is None, "another address is served"


def test_the_per_sender_limit_still_applies():
    gate = a_gate(sender_burst=2)
    assert [gate.refusal("ann") is None for _ in range(3)] == [True, True, False]


def test_too_many_turns_in_progress_get_busy_at_once():
    gate = a_gate(max_in_progress=2)
    gate.in_progress = 2
    refusal = gate.refusal("ann", "192.0.2.1")
    assert refusal is not None and refusal.text == BUSY and refusal.status == 503
    gate.in_progress = 1
    assert gate.refusal("ann", "192.0.2.1") is None


def test_settings_from_the_environment():
    gate = gate_from_environment(
        {
            gateway.ADDRESS_PER_MINUTE_SETTING: "120",
            gateway.ADDRESS_BURST_SETTING: "7",
            gateway.MAX_IN_PROGRESS_SETTING: "9",
        }
    )
    assert (gate.per_address.per_second, gate.per_address.burst) == (2, 7)
    assert gate.max_in_progress == 9
    defaults = gate_from_environment({})
    assert defaults.per_address.burst == gateway.DEFAULT_ADDRESS_BURST
    assert defaults.max_in_progress == gateway.DEFAULT_MAX_IN_PROGRESS


class Recorder(CollectingOutputChannel):
    """Records when each message arrives, relative to the turn."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    async def send_response(self, recipient_id, message):
        self.log.append(f"sent {message.get('text')}")
        await super().send_response(recipient_id, message)


def run_turn(gate: Gate, handler, target) -> list[dict]:
    return asyncio.run(gate.run_turn(handler, target, "done", "ann", "rest"))


def test_replies_go_out_only_after_the_turn_is_saved():
    log: list[str] = []

    async def handler(message):
        await message.output_channel.send_text_message("ann", "That's 6.")
        log.append("saved")  # Rasa saves the tracker at the end of the turn

    target = Recorder(log)
    run_turn(a_gate(), handler, target)
    assert log == ["saved", "sent That's 6."]
    assert [m["text"] for m in target.messages] == ["That's 6."]


def test_a_failed_turn_says_nothing_was_saved_and_drops_its_replies():
    async def handler(message):
        await message.output_channel.send_text_message("ann", "Done. I've deleted it all.")
        raise RuntimeError("database is locked")

    target = CollectingOutputChannel()
    gate = a_gate()
    run_turn(gate, handler, target)
    assert [m["text"] for m in target.messages] == [NOT_SAVED]
    assert gate.in_progress == 0


def test_a_turn_with_no_reply_gets_trouble():
    async def handler(message):
        return None

    target = CollectingOutputChannel()
    run_turn(a_gate(), handler, target)
    assert [m["text"] for m in target.messages] == [answers.TROUBLE]


def test_after_the_turn_reminders_go_straight_through():
    kept: list[TurnReplies] = []

    async def handler(message):
        kept.append(message.output_channel)  # as Rasa keeps it for a reminder

    target = CollectingOutputChannel()
    run_turn(a_gate(), handler, target)
    asyncio.run(kept[0].send_text_message("ann", "Rest over."))
    assert target.messages[-1]["text"] == "Rest over."


@pytest.mark.parametrize("channel", sorted(BY_CHANNEL))
def test_every_message_carries_what_its_channel_can_do(channel):
    seen = []

    async def handler(message):
        seen.append(message.metadata)

    # A client's own claim is replaced by the channel's record.
    claimed = {"timezone": "Europe/London", "capabilities": {"push": True, "voice": True}}
    target = CollectingOutputChannel()
    asyncio.run(a_gate().run_turn(handler, target, "hi", "ann", channel, claimed))
    [metadata] = seen
    assert metadata["timezone"] == "Europe/London"
    assert Capabilities.of(metadata) == BY_CHANNEL[channel]


def test_a_client_that_speaks_is_spoken_to_and_an_unknown_channel_can_do_nothing():
    spoken = Capabilities.of(BY_CHANNEL["rest"].declare({"voice": True}))
    assert spoken == Capabilities(voice=True)  # no chart, no file by voice
    assert Capabilities.of(of_channel("cmdline").declare(None)) == Capabilities()
    assert Capabilities.of({"capabilities": "everything"}) == Capabilities()
    assert Capabilities.of(None) == Capabilities()


def handle(gate: Gate, text: str, typed: bool = True):
    seen: list[str] = []

    async def handler(message):
        seen.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "ok")

    target = CollectingOutputChannel()
    outcome = asyncio.run(
        gate.handle(handler, target, text, "ann", "rest", address="192.0.2.1", typed=typed)
    )
    return outcome, seen, target.messages


def test_handle_runs_a_readable_message_and_returns_its_replies():
    outcome, seen, delivered = handle(a_gate(), "  /restart  ")
    assert seen == ["restart"], "typed text is text"
    assert [m["text"] for m in outcome] == ["ok"] == [m["text"] for m in delivered]


def test_handle_reads_a_platforms_own_payload_as_it_is():
    _, seen, _ = handle(a_gate(), "/start_session", typed=False)
    assert seen == ["/start_session"]


@pytest.mark.parametrize("text", ["", "   ", "x" * (MAX_TEXT_CHARS + 1)])
def test_handle_refuses_unreadable_text_without_a_turn(text):
    outcome, seen, delivered = handle(a_gate(), text)
    assert seen == [] and delivered == []
    assert outcome.unreadable and outcome.status == 200
    assert outcome.text in (answers.EMPTY_MESSAGE, TOO_LONG)


def test_handle_applies_the_limits_before_anything_else():
    gate = a_gate(sender_burst=1)
    handle(gate, "hello")
    outcome, seen, delivered = handle(gate, "")  # even an empty message counts
    assert seen == [] and delivered == []
    assert outcome.text == answers.TOO_FAST and outcome.status == 429 and outcome.retry_after > 0
    assert not outcome.unreadable

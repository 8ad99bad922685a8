"""Tired is not too hard: between sets it gets a longer rest, and a change of plan for
"too hard" is offered with yes and no, never made unasked."""

import pytest

from tests.unit.chat import Chat, in_a_set


def buttons(chat: Chat) -> list[str]:
    return [title for m in chat.outcome.reply.messages for title, _ in m.buttons]


@pytest.mark.parametrize("intent", ["too_hard", "ask_easier", "nlu_fallback", "feel_worse"])
@pytest.mark.parametrize(
    "said", ["pretty shattered tbh", "feeling a bit worn out", "running out of steam a bit"]
)
def test_tired_at_rest_gets_a_longer_rest_and_keeps_the_plan(intent, said):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    level = chat.slots.get("level")
    reply = chat.say(intent, said)
    assert "rest" in reply.lower() and "next session" not in reply
    assert chat.slots.get("level") == level and chat.session["phase"] == "rest"


def test_too_hard_outside_a_session_is_offered_not_applied():
    chat = Chat(level="reps_15")
    said = chat.say("too_hard", "i find these way too tough")
    assert "Shall I" in said and buttons(chat) == ["Yes please", "No thanks"]
    assert chat.slots["level"] == "reps_15"
    chat.say("deny", "no")
    assert chat.slots["level"] == "reps_15"


def test_yes_to_the_easier_level_changes_the_plan():
    chat = Chat(level="reps_15")
    chat.say("too_hard", "struggling with these a lot")
    said = chat.say("affirm", "yes")
    assert chat.slots["level"] == "standard" and "from your next session" in said

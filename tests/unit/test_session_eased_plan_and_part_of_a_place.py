"""Issue 17 (tt): "what now?" while the session runs eased for a moderate pain is the eased
plan, then where the user is; a place said by the part of it first ("behind the knee", "the
back of my left knee") is that place, not the lower back. Our own wording."""

import pytest

from coach.dialogue import PLACE_ONLY, _place_named
from tests.unit.chat import in_a_set


def _eased_for_pain():
    chat = in_a_set()
    chat.say("count_rep", "2")
    assert "easier for the rest of today" in chat.say("pain", "bit achy, around a 4")
    return chat


@pytest.mark.parametrize("said", ["so what do i do now", "ok what now"])
def test_what_now_in_a_set_eased_for_pain_says_the_plan_then_the_count(said):
    chat = _eased_for_pain()
    reply = chat.say("ask_progress", said)
    plan, count = reply.index("eased off"), reply.index("2 of 7")
    assert plan < count and "above 5 out of 10" in reply


def test_what_now_with_no_pain_says_only_the_count():
    chat = in_a_set()
    chat.say("count_rep", "2")
    reply = chat.say("ask_progress", "what now")
    assert "eased off" not in reply and "2 of 10" in reply


@pytest.mark.parametrize(
    ("said", "place"),
    [("back of the left knee", "knee"), ("behind my knee", "knee"),
     ("right at the back of my hip", "hip")],
)  # fmt: skip
def test_a_part_of_a_place_said_first_is_that_place(said, place):
    assert PLACE_ONLY.match(said) and _place_named(said) == place


@pytest.mark.parametrize(
    ("said", "place"), [("my lower back", "lower back"), ("back of my thigh", "hamstring")]
)
def test_the_back_itself_or_a_place_named_with_back_of_stays_that_place(said, place):
    assert _place_named(said) == place


def test_the_back_of_a_knee_after_a_pain_score_is_noted_as_the_knee():
    chat = _eased_for_pain()
    reply = chat.say("nlu_fallback", "the back of my right knee")
    assert "noted: your knee" in reply
    assert chat.slots["plan"]["recent_pain"]["location"] == "knee"

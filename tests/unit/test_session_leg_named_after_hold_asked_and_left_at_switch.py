"""Kinds set tt showed (issue 17): a count with its leg said after it ("and 9 right") is
that leg's count; how long to hold, asked with other words around it, is the hold answer;
by voice, "how many left" at the leg switch says what is left of the whole session."""

import pytest

from coach import conversation
from coach import protocol as p
from coach.numbers import TOTAL, read_count
from tests.unit.chat import after_a_paced_set, in_a_set


@pytest.mark.parametrize("said", ["2 left to go", "how many left", "is 3 left ok?"])
def test_reps_still_to_do_or_a_question_are_no_leg_count(said):
    # the leg after a count is read in tests/unit/test_numbers.py
    reading = read_count(said)
    assert reading is None or reading.kind != TOTAL


@pytest.mark.parametrize("intent", ["nlu_fallback", "report_reps"])
def test_a_count_with_the_leg_after_it_finishes_that_leg(intent):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    said = chat.say(intent, "and 10 right")
    assert "set 1 done" in said and chat.session["reps"][0] == {"left": 10, "right": 10}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("sorry, how long do I keep the leg raised? I was told once", "how_long_to_hold"),
        ("just checking, how many seconds should I stay up there for?", "how_long_to_hold"),
        ("my trainer mentioned it, hold it for how long again?", "how_long_to_hold"),
        ("how long is the hold meant to be, my memory is awful", "how_long_to_hold"),
        ("how long do I hold my breath for?", None),  # the breath: the selector decides
        ("how long should I hold off after that twinge?", None),
        ("how long do I keep doing these for, weeks?", None),  # weeks, not seconds
    ],
)
def test_how_long_to_hold_is_the_hold_answer_whatever_is_around_it(text, key):
    assert conversation.answer_named_by_words(text) == key


def test_how_many_left_at_the_voice_leg_switch_says_the_whole_session():
    voice = {"voice": True}
    chat = after_a_paced_set()
    assert "Say ready" in chat.say("report_reps", "yes all of them", metadata=voice)
    said = chat.say("ask_reps", "how many left", metadata=voice)
    # every leg of every set but the one confirmed
    left_after = p.FIRST_SESSION_REPS * (len(p.LEGS) * p.SETS_PER_LEG - 1)
    assert f"{left_after} reps to go today" in said and "right leg next" in said
    assert "set 2" in said and said.rstrip().endswith("Say ready when you're in position.")
    assert chat.session["reps"][0] == {"left": 10, "right": 0}  # nothing recorded by asking

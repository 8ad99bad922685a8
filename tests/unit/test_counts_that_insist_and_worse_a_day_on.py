"""Issue 17: a count with words after it that only insist it is right now ("6 for real",
"5, honestly this time") is read as the count; pain worse a day on than the day before,
said outside a session, eases the load and says the next session, and a severe score said
with it still stops and runs the safety checklist."""

import pytest

from coach import numbers
from coach.dialogue import _reports_worse_next_morning
from tests.unit.chat import HOUR, T0, Chat, number

INSISTED_COUNTS = [
    ("5 for real", 5),
    ("ok 4 for real now", 4),
    ("6 honestly this time", 6),
    ("3, definitely this time", 3),
    ("2 seriously", 2),
    ("right 9 this time i promise", 9),
    ("10 no kidding", 10),
    ("okay 6 genuinely", 6),
    ("did 7 properly this time", 7),
    ("4 more for sure", 4),
]


@pytest.mark.parametrize(("text", "value"), INSISTED_COUNTS)
def test_words_that_only_insist_leave_the_count_readable(text, value):
    count = numbers.read_count(text)
    assert count is not None and count.value == value


@pytest.mark.parametrize("text", ["for real this time", "honestly", "5 not really", "6 really?"])
def test_insisting_words_alone_or_a_question_are_no_count(text):
    assert numbers.read_count(text) is None


def test_an_insisted_count_after_an_undo_in_a_session():
    chat = Chat()
    chat.say("start_session", "start")
    chat.say("ready", "ready")
    chat.say("inform", "5")
    chat.say("inform", "6")
    chat.say("undo", "undo")
    said = chat.say("inform", "okay 6 for real now")
    assert said.startswith("6,") and "didn't catch" not in said


WORSE_A_DAY_ON = [
    "my lower back aches more today than it did yesterday",
    "back feels sorer this morning than last night",
    "woke up and my back hurts a bit more than yesterday",
    "my back is worse today than straight after my workout",
    "it's throbbing more this morning, should I rest?",
]
NOT_WORSE_A_DAY_ON = [
    "is it normal if it hurts more the next morning?",
    "should my back ache more the day after",
    "my back doesn't hurt more today",
    "no worse this morning than usual",
]


@pytest.mark.parametrize("text", WORSE_A_DAY_ON)
def test_worse_a_day_on_is_a_report(text):
    assert _reports_worse_next_morning(text)


@pytest.mark.parametrize("text", NOT_WORSE_A_DAY_ON)
def test_questions_and_denials_are_no_report(text):
    assert not _reports_worse_next_morning(text)


def _after_a_session():
    return Chat(level="reps_15", history=[{"ended_at": T0 - 20 * HOUR, "level": "reps_15"}])


@pytest.mark.parametrize("text", WORSE_A_DAY_ON[:4])
def test_worse_a_day_on_eases_the_next_session_and_asks_how_bad(text):
    chat = _after_a_session()
    said = chat.say("pain", text)
    assert "step down a level" in said and "Next session:" in said
    assert "How bad is it now" in said
    assert chat.slots["level"] == "standard"
    assert chat.slots["pending_offer"] == "pain_severity"
    assert chat.slots["history"][-1]["next_morning"] == "worse"


def test_a_severe_score_after_it_still_stops_and_screens():
    chat = _after_a_session()
    chat.say("pain", WORSE_A_DAY_ON[0])
    said = chat.say("pain", "8", number(8))
    assert "stop the exercise for today" in said
    assert chat.slots["pending_offer"] == "screening"


def test_a_severe_score_said_with_it_stops_and_screens_first():
    chat = _after_a_session()
    said = chat.say("pain", "back aches more this morning than yesterday, 8 out of 10", number(8))
    assert "stop the exercise for today" in said and "Next session:" not in said
    assert chat.slots["pending_offer"] == "screening"
    assert chat.slots["caution"]["severity"] == 8
    assert chat.slots["history"][-1]["next_morning"] == "worse"

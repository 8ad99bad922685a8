"""Kinds from scored blind sessions: a leg named by its order is that leg's batch, a count
with a question about finishing is counted and then answered from the session, both legs'
batches in one message count a leg each, and a leg said over before its total is no rep."""

import pytest

from coach import numbers
from tests.unit.chat import in_a_set

# Whatever the classifier made of a tagged count: it is counted all the same.
MISREAD_AS_A_QUESTION = "faq/pain_when_adding_reps"


@pytest.mark.parametrize(
    ("said", "value"),
    [("12 for my first side", 12), ("8 on my first leg", 8), ("seven with the first one", 7)],
)
def test_a_batch_for_the_leg_named_first_is_a_total(said, value):
    count = numbers.read_count(said)
    assert count is not None and count.kind == numbers.TOTAL and count.value == value


@pytest.mark.parametrize(
    ("said", "value"),
    [("finished the right side as well, 9", 9), ("that leg is over. 8", 8)],
)
def test_a_leg_said_over_then_its_total_is_only_the_total(said, value):
    assert numbers.read_count(said) == numbers.Count(numbers.TOTAL, value)
    assert numbers.read_counts(said) == []


@pytest.mark.parametrize(
    ("said", "legs"),
    [
        ("7 plus 7", (7, 7)),
        ("did 9 & 8", (9, 8)),
        ("11 per side", (11, 11)),
        ("on each leg 6", (6, 6)),
        ("twelve on both sides done", (12, 12)),
        ("eight and nine", None),  # counted along, one leg
        ("did 9", None),
    ],
)
def test_both_legs_in_one_message(said, legs):
    assert numbers.read_both_legs(said) == legs


def test_both_legs_at_the_target_end_the_set():
    chat = in_a_set()
    reply = chat.say("report_reps", "did 10 & 10")
    assert "10 on your left leg" in reply and "10 on your right leg" in reply
    assert "set 1 done" in reply


def test_both_legs_short_of_the_target_each_keep_their_count():
    chat = in_a_set()
    reply = chat.say("report_reps", "8 per side")
    assert "8 on your left leg" in reply and "8 on your right leg" in reply
    assert chat.session["reps"][0] == {"left": 8, "right": 8}


def test_a_leg_said_over_before_its_total_counts_no_extra_rep():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    reply = chat.say("report_reps", "finished the right side as well, 10")
    assert reply.startswith("10 on your right leg")


def test_the_last_batch_with_is_that_all_is_counted_and_the_session_complete():
    chat = in_a_set()
    for intent, said in [("report_reps", "10 plus 10"), ("continue_session", "ready")]:
        chat.say(intent, said)
    assert "9 of 10 on your left leg" in chat.say("report_reps", "9 with my first leg")
    assert "Switch to your right leg" in chat.say("report_reps", "1 more")
    reply = chat.say(MISREAD_AS_A_QUESTION, "12 for the other side. was that everything?")
    assert "complete" in reply and "42 in all" in reply


@pytest.mark.parametrize("said", ["did 6, are we all finished?", "6 more. that's it yeah?"])
def test_a_batch_short_of_the_end_with_a_finishing_question_is_counted(said):
    chat = in_a_set()
    reply = chat.say(MISREAD_AS_A_QUESTION, said)
    assert "6 of 10 on your left leg" in reply and "0 of 10" not in reply


def test_a_batch_that_ends_a_leg_with_a_finishing_question_says_what_is_left():
    chat = in_a_set()
    reply = chat.say(MISREAD_AS_A_QUESTION, "10 on the first side, all done?")
    assert reply.startswith("Not yet: that's your left leg done") and "right leg" in reply


def test_a_batch_for_the_first_leg_said_on_the_second_is_not_the_second_legs():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    reply = chat.say("report_reps", "7 for my first side")
    assert "left leg is behind us" in reply and "10 counted" in reply
    assert chat.session["reps"][0]["right"] == 0

"""Kinds from scored blind sessions: a start of one's own exercise said in the present
tense, a count named first for the other leg while this one is part-counted, a count
after "got it.", and a count that ends in a mishap (kept and said back, then asked about)."""

import pytest

from coach import conversation, dialogue, numbers
from tests.unit.chat import after_a_paced_set, in_a_set, number


@pytest.mark.parametrize(
    "said",
    [
        "i'm starting my reps now",
        "beginning today's workout",
        "ok kicking off my leg raises",
        "just starting on my exercises",
    ],
)
def test_starting_ones_own_exercise_now_is_a_start(said):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], said) == "start_session"


@pytest.mark.parametrize(
    "said", ["starting position?", "how do I start off", "what's the start position"]
)
def test_a_question_about_the_start_position_stays_a_question(said):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], said) != "start_session"


@pytest.mark.parametrize(
    ("said", "value"),
    [("8 on the other side", 8), ("did 7 with my other leg too", 7), ("and 9 on the other leg", 9)],
)
def test_a_count_named_first_for_the_other_leg(said, value):
    match = dialogue.OTHER_LEG_COUNT.match(said)
    assert match and numbers.value_of(match.group("first")) == value


@pytest.mark.parametrize("said", ["8 on the left leg", "8 more", "other than that 8"])
def test_a_count_for_no_other_leg_is_not_one(said):
    assert not dialogue.OTHER_LEG_COUNT.match(said)


def test_the_other_leg_while_this_one_is_part_counted_keeps_this_one_as_counted():
    # Safest for the record: the left stays at what was counted (never credited with reps
    # not said), and the count said goes to the leg not in progress.
    chat = in_a_set()
    chat.say("count_rep", "4 so far", number(4))
    chat.say("report_reps", "8 on the other side", number(8))
    assert chat.session["reps"][0] == {"left": 4, "right": 8}


def test_the_other_leg_just_after_switching_is_the_leg_now_on():
    chat = in_a_set()
    chat.say("report_reps", "did 10", number(10))  # the left done: on the right, none yet
    chat.say("report_reps", "7 on the other side", number(7))
    assert chat.session["reps"][0] == {"left": 10, "right": 7}


@pytest.mark.parametrize(
    ("said", "value"),
    [("understood. 3 more, bit of an ache 2/10", 3), ("got it, did 4", 4), ("noted! 6 more", 6)],
)
def test_got_it_before_a_count_gets_no_rep(said, value):
    count = numbers.read_count(said)
    assert count is not None and count.value == value


def test_got_it_alone_is_still_read_as_one_rep_got():
    count = numbers.read_count("got it")
    assert count is not None and count.kind == numbers.MORE and count.value == 1


@pytest.mark.parametrize(
    ("said", "value"),
    [("knocked out for before my wrist gave way", 4), ("completed ate and then i wobbled", 8)],
)
def test_a_soundalike_after_got_through_or_completed_is_the_count(said, value):
    count = numbers.read_count(said)
    assert count is not None and count.value == value


def test_a_voice_count_with_a_slip_is_recorded_said_back_then_asked_about():
    chat = after_a_paced_set()
    reply = chat.say(
        "missed_sessions", "completed free and then my hand slid off", metadata={"voice": True}
    )
    assert chat.session["reps"][0]["left"] == 3
    assert reply.index("3 on your left leg") < reply.index(dialogue.AFTER_A_MISHAP)
    assert "what counts is today" not in reply


def test_a_slip_with_pain_said_goes_to_the_pain_question_alone():
    chat = in_a_set()
    reply = chat.say("report_reps", "did 6 then my knee slid, it hurts", number(6))
    assert dialogue.AFTER_A_MISHAP not in reply and "How bad" in reply


def test_a_slip_with_no_count_adds_nothing():
    chat = in_a_set()
    reply = chat.say("nlu_fallback", "my mat keeps sliding about")
    assert dialogue.AFTER_A_MISHAP not in reply

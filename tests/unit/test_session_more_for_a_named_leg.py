"""Kinds from scored blind sessions: "N more" with a leg named is that leg's count (never a
question about adding reps), every batch counts in the closing total, and a low pain score
with nothing wrong said gets no form correction."""

import pytest

from coach import numbers, pain
from coach.pain import PainReport, Thresholds
from tests.unit.chat import in_a_set, number

# Whatever the classifier made of it: a count is a count in a session.
ADDING_REPS_QUESTION = "faq/pain_when_adding_reps"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("7 more other side", 7),
        ("nine more on the other leg", 9),
        ("6 more the second side", 6),
        ("8 more left leg", 8),
        ("eleven more for my right side", 11),
        ("12 more on the other one", 12),
        ("did 5 more other leg done", 5),
        ("another eight other side", 8),
    ],
)
def test_n_more_with_a_leg_named_is_a_batch(said, value):
    count = numbers.read_count(said)
    assert count is not None and count.kind == numbers.MORE and count.value == value


@pytest.mark.parametrize("said", ["3 more left", "4 more left to go", "2 more left now"])
def test_n_more_left_is_still_what_is_to_go(said):
    count = numbers.read_count(said)
    assert count is None or count.kind != numbers.MORE


@pytest.mark.parametrize("said", ["9 more other leg", "nine more on the other side"])
def test_n_more_for_the_other_leg_after_a_leg_finished_counts_on_the_next(said):
    chat = in_a_set()
    chat.say("report_reps", "did 10", number(10))  # left done, on to the right
    reply = chat.say(ADDING_REPS_QUESTION, said, number(9))
    assert chat.session["reps"][0] == {"left": 10, "right": 9}
    assert "adding reps" not in reply


@pytest.mark.parametrize("said", ["another 8 on the other side", "8 more other leg"])
def test_n_more_for_the_other_leg_mid_leg_ends_this_one(said):
    chat = in_a_set()
    chat.say("count_rep", "5 so far", number(5))
    chat.say(ADDING_REPS_QUESTION, said, number(8))
    assert chat.session["reps"][0] == {"left": 5, "right": 8}


def test_n_more_on_this_leg_stays_on_it():
    chat = in_a_set()
    chat.say("count_rep", "5 so far", number(5))
    chat.say(ADDING_REPS_QUESTION, "3 more on this leg", number(3))
    assert chat.session["reps"][0] == {"left": 8, "right": 0}


def test_the_closing_total_counts_every_batch_said():
    chat = in_a_set()
    chat.say("report_reps", "got 10", number(10))
    chat.say(ADDING_REPS_QUESTION, "ten more other side", number(10))
    chat.say("continue_session", "rested, go")
    chat.say("report_reps", "managed 10", number(10))
    chat.say("report_reps", "and 10 on the other side", number(10))
    reply = chat.say("ask_progress", "how many have I done altogether")
    assert "40" in reply


@pytest.mark.parametrize("severity", [0, 1, 2])
def test_a_low_score_with_nothing_wrong_said_gets_no_correction(severity):
    advice = pain.advise(PainReport(severity=severity), Thresholds(), level="standard")
    said = " ".join(advice.lines)
    assert "fine to work with" in said and pain.form_cue(None) not in said


def test_a_low_score_with_a_place_keeps_the_cue_for_that_place():
    report = PainReport(severity=2, location="lower back")
    said = " ".join(pain.advise(report, Thresholds(), level="standard").lines)
    assert pain.form_cue("lower back") in said


def test_pain_zero_in_a_set_gets_no_correction():
    chat = in_a_set()
    reply = chat.say("pain", "pain is 0", number(0))
    assert "fine to work with" in reply and pain.form_cue(None) not in reply


def test_in_all_that_keeps_the_count_answers_the_question_and_undo_takes_back_a_rep():
    chat = in_a_set()
    for n, word in ((1, "one"), (2, "two"), (3, "three")):
        chat.say("count_rep", word, number(n))
    chat.say("report_reps", "2 more", number(2))
    assert "5 more, or 5 in all" in chat.say("report_reps", "did 5", number(5))
    reply = chat.say("report_reps", "5 in all", number(5))
    assert "5 to go" in reply and "or 5 in all" not in reply
    assert chat.session["check"] is None
    assert "4 of 10" in chat.say("undo", "undo")

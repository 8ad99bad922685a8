"""Kinds from scored blind sessions: "N more on the left/right" is a batch on that side
(a bare "N more left" is still what is to go), and "N in total on this leg" below the
target is the leg's count so far, the leg carrying on. The wordings are read in
test_session_batch_how_minus_and_resume.py's table."""

import pytest

from coach import numbers
from tests.unit.chat import in_a_set


@pytest.mark.parametrize("said", ["4 more left", "3 more left to go", "only 2 more left"])
def test_n_more_left_without_on_the_is_not_a_batch(said):
    count = numbers.read_count(said)
    assert count is None or count.kind != numbers.MORE


def test_a_side_batch_from_nothing_counts_that_many():
    chat = in_a_set()
    reply = chat.say("report_reps", "six more on the left")
    assert "6 of 10" in reply and "Switch" not in reply


def test_a_leg_total_below_the_target_carries_on_and_more_stays_on_that_leg():
    chat = in_a_set()
    reply = chat.say("report_reps", "right, 7 in total on this leg")
    assert "7 of 10" in reply and "Switch" not in reply
    assert "10 on your left leg" in chat.say("report_reps", "3 more")


@pytest.mark.parametrize(
    "between", [(), (("ask_reps_left", "how many have I got to go"),)], ids=["at once", "asked"]
)
def test_the_same_batch_again_at_carrying_on_or_is_that_it_is_that_many_more(between):
    chat = in_a_set()
    assert "is that it for this leg" in chat.say("report_reps", "did 3")
    for intent, said in between:
        chat.say(intent, said)
    reply = chat.say("report_reps", "did 3")
    assert "Counted as 3 more" in reply and "6 of 10" in reply


@pytest.mark.parametrize("said", ["3 in all", "3 so far"])
def test_the_same_count_in_all_at_carrying_on_or_is_that_it_stays(said):
    chat = in_a_set()
    chat.say("report_reps", "did 3")
    reply = chat.say("report_reps", said)
    assert "3 of 10" in reply and "more" not in reply

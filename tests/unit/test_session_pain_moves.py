"""Pain that moves during a set, said the way people say it: a new number with how it
has moved and no pain word ("now it's 8, really bad"), or a place that has gone up to a
score ("my hip's crept up to a 4"). Serious pain must win over the count."""

import pytest

from coach import numbers
from tests.unit.chat import in_a_set


@pytest.mark.parametrize(
    ("said", "score"),
    [("ugh lower back's gone to a six now", 6), ("my hip has crept up to 4", 4),
     ("back has gone up to 7", 7), ("did 5, back gone to 6", 6)],
)  # fmt: skip
def test_a_place_that_has_moved_to_a_score_is_that_score(said, score):
    assert numbers.read_pain_score(said) == score


@pytest.mark.parametrize("said", ["back to 5", "going back to 3", "got back up to 8 reps"])
def test_going_back_to_a_number_is_no_score(said):
    assert numbers.read_pain_score(said) is None


def test_a_higher_number_said_with_how_bad_just_after_a_score_is_the_pain_now():
    chat = in_a_set()
    chat.say("count_rep", "3")
    chat.say("pain", "about 5/10 in my back", entities=[{"entity": "number", "value": "5"}])
    reply = chat.say("report_reps", "ok now it's 8, really bad")
    assert "8 out of 10" in reply
    assert "stop the exercise for today" in reply and chat.session is None
    assert "Well done" not in reply


@pytest.mark.parametrize("said", ["did 2 more", "2 more done, worse form though", "7"])
def test_counting_on_after_a_score_is_still_counting(said):
    chat = in_a_set()
    chat.say("count_rep", "3")
    chat.say("pain", "about 4/10 in my back", entities=[{"entity": "number", "value": "4"}])
    reply = chat.say("count_rep", said)
    assert "out of 10" not in reply

"""Issue 17 (ss): where it hurts said just after a pain report, with which part of it
("knee, on the inside"), is that pain's place, also while its score is still asked; what to
do now after pain stopped a set is the plan, then the count; and by voice a soundalike before
"more" with words after it ("did for more by myself") is a batch. Our own wording."""

import pytest

from coach import numbers
from coach.dialogue import PLACE_ONLY
from tests.unit.chat import in_a_set


@pytest.mark.parametrize(
    ("said", "value"),
    [("then i did for more by myself", 4), ("so i did tree more by myself", 3),
     ("i did ate more by myself", 8), ("did to more after that", 2),
     ("i did 6 more on my own", 6)],
)  # fmt: skip
def test_a_soundalike_batch_with_words_after_it_is_that_many_more(said, value):
    count = numbers.read_count(said)
    assert count is not None and (count.kind, count.value) == (numbers.MORE, value)


@pytest.mark.parametrize("said", ["ready for more", "up for more", "is there more to do"])
def test_for_more_without_a_doing_word_is_no_batch(said):
    assert numbers.read_count(said) is None


def test_a_soundalike_batch_said_with_pain_keeps_the_count_and_asks_about_the_pain():
    chat = in_a_set()
    chat.say("count_rep", "2")
    reply = chat.say("pain", "then i did for more and now my hip hurts")
    assert "6 of 10" in reply and "0 (no pain) to 10" in reply


@pytest.mark.parametrize(
    "said",
    ["left knee, on the inside", "hip round the back of it", "lower back, down the middle",
     "my right hip, more at the front", "knee"],
)  # fmt: skip
def test_a_place_with_which_part_of_it_is_a_place_on_its_own(said):
    assert PLACE_ONLY.match(said)


@pytest.mark.parametrize(
    "said", ["my hip, i hit it on the side of the table", "left hip round the side and it's bad"]
)
def test_a_place_inside_a_longer_story_is_not_a_place_on_its_own(said):
    assert not PLACE_ONLY.match(said)


def _stopped_for_pain():
    chat = in_a_set()
    chat.say("count_rep", "3")
    assert "stop this set" in chat.say("pain", "that stings, about a 6")
    return chat


def test_a_place_after_a_pain_stop_is_that_pain_s_place_with_its_cue():
    chat = _stopped_for_pain()
    reply = chat.say("ask_question", "right knee, on the outside")
    assert "noted: your knee" in reply and "mat" in reply and "resting" in reply
    assert chat.slots["plan"]["recent_pain"]["location"] == "knee"
    assert chat.session["level"] != "standard"  # the easier version is kept


def test_what_now_after_a_pain_stop_says_the_plan_then_the_count():
    chat = _stopped_for_pain()
    reply = chat.say("ask_progress", "ok so what do i do now")
    plan, count = reply.index("easier version"), reply.index("3 on your left leg")
    assert plan < count and "stop for today" in reply


def test_what_now_in_a_rest_with_no_pain_says_only_the_count():
    chat = in_a_set()
    chat.say("count_rep", "10")
    chat.say("count_rep", "10")
    reply = chat.say("ask_progress", "what do i do now")
    assert "easier version" not in reply


def test_a_place_while_the_score_is_asked_is_noted_and_the_score_asked_again():
    chat = in_a_set()
    chat.say("count_rep", "2")
    chat.say("pain", "ow something pinched")
    reply = chat.say("nlu_fallback", "left hip, on the outside")
    assert "noted: your hip" in reply and "0 (no pain) to 10" in reply
    reply = chat.say("count_rep", "3", entities=[{"entity": "number", "value": "3"}])
    assert "3 out of 10" in reply
    assert chat.slots["plan"]["recent_pain"]["location"] == "hip"

"""Mid-session words said around a count or a score (issue 17, s35c): a score said alone
with a cry or "that's" ("argh thats a five") is pain, and wins over the set; the place said
just after it is where it hurts; "fine again now" mid-set is heard and the set goes on; the
hands-and-knees position is no sore knee; and a count said before a question is counted."""

import pytest

from coach import numbers
from coach.dialogue import FEELS_BETTER_MID_SET, PLACE_ONLY
from tests.unit.chat import Chat, in_a_set, number


@pytest.mark.parametrize(
    ("said", "score"),
    [("argh thats a five", 5), ("oh it's about an eight", 8), ("ouch a 6", 6),
     ("hmm that's like a three now", 3), ("its a 9", 9)],
)  # fmt: skip
def test_a_score_with_a_cry_or_thats_is_read(said, score):
    assert numbers.exclaimed_score(said) == score


@pytest.mark.parametrize("said", ["a six", "did a six", "thats six", "ugh six", "oof", "ok a ten"])
def test_no_article_or_no_cry_is_no_exclaimed_score(said):
    assert numbers.exclaimed_score(said) is None


@pytest.mark.parametrize("said", ["argh thats a five", "oh it's about an eight"])
def test_a_cried_score_mid_set_is_pain_with_its_advice(said):
    chat = in_a_set()
    chat.say("count_rep", "2", entities=number(2))
    reply = chat.say("nlu_fallback", said)
    assert "out of 10" in reply and "didn't catch" not in reply


def test_a_moderate_cried_score_offers_the_easier_version_and_keeps_the_count():
    chat = in_a_set()
    chat.say("count_rep", "3", entities=number(3))
    reply = chat.say("affirm", "phew that's a five")
    assert "easier" in reply.lower() and "3 of" in reply


def test_a_cried_score_with_no_session_is_not_read_as_pain():
    reply = Chat().say("nlu_fallback", "ugh thats a six")
    assert "out of 10" not in reply


@pytest.mark.parametrize(
    "said", ["knee, inner side", "hip, right side", "my left knee, the outer edge",
             "lower back, middle bit", "right side of my hip"],
)  # fmt: skip
def test_a_place_with_the_part_of_it_is_a_place_only(said):
    assert PLACE_ONLY.match(said)


@pytest.mark.parametrize("said", ["knee, ready", "back, done", "hip, did 4"])
def test_a_place_with_a_command_is_not_a_place_only(said):
    assert not PLACE_ONLY.match(said)


def test_the_place_after_a_cried_score_is_where_it_hurts():
    chat = in_a_set()
    chat.say("count_rep", "2", entities=number(2))
    chat.say("nlu_fallback", "argh thats a four")
    reply = chat.say("nlu_fallback", "hip, right side")
    assert "noted: your hip" in reply and "didn't catch" not in reply


@pytest.mark.parametrize("said", ["it's fine again now", "feeling better", "eased off now"])
def test_feeling_fine_again_mid_set_is_heard_and_the_set_goes_on(said):
    chat = in_a_set()
    chat.say("count_rep", "4", entities=number(4))
    reply = chat.say("nlu_fallback", said)
    assert FEELS_BETTER_MID_SET in reply and "4 of 10" in reply
    chat.say("count_rep", "next")
    assert chat.session["reps"][0]["left"] == 5


@pytest.mark.parametrize(
    "said", ["down on my hands and knees now. One.", "on hands and knees, one"]
)
def test_the_position_then_one_is_no_knee_pain(said):
    assert numbers.read_pain_score(said) is None


def test_the_position_then_one_at_the_set_up_starts_and_counts_the_set():
    chat = Chat()
    chat.say("start_session", "start my session")
    reply = chat.say("nlu_fallback", "I'm down on my hands and knees. One.")
    assert "out of 10" not in reply
    assert chat.session["phase"] == "active" and chat.session["reps"][0]["left"] == 1


def test_a_count_then_a_question_is_counted_after_the_answer():
    chat = in_a_set()
    chat.say("count_rep", "2", entities=number(2))
    reply = chat.say("faq", "Three, but my wrists get sore on these tiles. Could I use a cushion?")
    assert chat.session["reps"][0]["left"] == 3
    assert "3" in reply and "out of 10" not in reply


def test_a_count_then_a_question_with_a_score_is_left_to_the_pain_step():
    chat = in_a_set()
    chat.say("count_rep", "2", entities=number(2))
    reply = chat.say("faq", "Three. My hip hurts, a 6 out of 10, should I stop?")
    assert "6 out of 10" in reply


def test_better_with_a_new_score_mid_set_is_the_score_not_only_heard():
    chat = in_a_set()
    chat.say("count_rep", "2", entities=number(2))
    chat.say("pain", "pain 5 in my hip")
    reply = chat.say("nlu_fallback", "easing off now, about a 1")
    assert FEELS_BETTER_MID_SET not in reply

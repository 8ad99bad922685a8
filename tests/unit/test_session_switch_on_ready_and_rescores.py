"""Kinds from scored blind sessions (issue 17, rr): by voice, the other leg waits for
"ready" before it is paced; a set said done with its last rep taken back; a start said as
"begin it"; a score said on its own after a pain in words; a soundalike score with a day."""

import pytest

from coach import numbers
from tests.unit.chat import Chat, after_a_paced_set, in_a_set

VOICE = {"voice": True}


def test_a_confirmed_leg_names_the_other_and_paces_it_on_ready():
    chat = after_a_paced_set()
    reply = chat.say("affirm", "yes all of them", metadata=VOICE)
    assert "10 on your left leg" in reply and "Switch to your right leg" in reply
    assert "Counting reps" not in reply and "Say ready" in reply
    assert not chat.session["awaiting_feedback"] and chat.session["reps"][0]["right"] == 0
    reply = chat.say("continue_session", "ready", metadata=VOICE)
    assert "Set 1, right leg: 10 reps" in reply and "Counting reps" in reply
    assert chat.session["awaiting_feedback"]


@pytest.mark.parametrize(
    "intent, said",
    [
        ("count_rep", "next"),
        ("continue_session", "go"),
        ("nlu_fallback", "ok go"),
        ("affirm", "yes"),
    ],
)
def test_a_go_word_with_the_next_leg_named_paces_it(intent, said):
    chat = after_a_paced_set()
    chat.say("affirm", "yes", metadata=VOICE)
    assert "Counting reps" in chat.say(intent, said, metadata=VOICE)
    assert chat.session["reps"][0] == {"left": 10, "right": 0}


def test_how_many_with_the_next_leg_named_says_the_leg_done_and_whats_next():
    chat = after_a_paced_set()
    chat.say("report_reps", "eight", metadata=VOICE)
    chat.say("count_rep", "that's it for this leg", metadata=VOICE)  # the leg called done
    reply = chat.say("ask_reps", "how many have I done so far", metadata=VOICE)
    assert "8" in reply and "10 on your right leg" in reply and "ready" in reply


def test_ready_straight_after_a_paced_set_is_still_asked_about():
    chat = after_a_paced_set()
    reply = chat.say("continue_session", "ready", metadata=VOICE)
    assert "did you do all 10 on your left leg" in reply.lower()
    assert chat.session["reps"][0]["left"] == 0


def test_chat_still_moves_straight_on_to_the_other_leg():
    chat = in_a_set()
    reply = chat.say("report_reps", "did 10", [{"entity": "number", "value": "10"}])
    assert "Set 1, right leg: 10 reps" in reply and "Say ready" not in reply


@pytest.mark.parametrize(
    "said",
    [
        "got every one but the last one doesn't count, my hips twisted",
        "finished them all, though the final rep was sloppy",
        # the whole set said done, then the rep left out after "except" or "apart from"
        "all finished besides the last one",
        "got through them all bar my final lift",
    ],
)
def test_a_set_said_done_with_its_last_rep_taken_back_records_one_fewer(said):
    assert numbers.all_but_the_last(said)
    chat = after_a_paced_set()
    reply = chat.say("report_reps", said, metadata=VOICE)
    assert "9 on your left leg" in reply and "all but the last one" in reply
    assert chat.session["reps"][0]["left"] == 9


@pytest.mark.parametrize(
    "said", ["all of them", "done but the last one was hard", "did the last one, all done"]
)
def test_a_set_said_done_without_a_rep_taken_back_is_not_one_fewer(said):
    assert not numbers.all_but_the_last(said)


@pytest.mark.parametrize("said", ["excellent, begin it now", "great, start them then"])
def test_a_start_said_as_begin_it_after_a_pre_session_pain_answer_starts(said):
    for severity in (1, 2):
        chat = Chat()
        chat.say("pain", f"my knee's at a {severity} this morning, alright to train?")
        assert "Let's do it" in chat.say("nlu_fallback", said)


def _after_a_pain_in_words() -> Chat:
    """One rep into a set, then a pain said in words that the coach reads as mild (2)."""
    chat = in_a_set()
    chat.say("count_rep", "done")
    assert "Mild pain" in chat.say("pain", "slight ache in my back now")
    return chat


@pytest.mark.parametrize(
    "intent, said, score",
    [
        ("nlu_fallback", "probably a 3", 3),
        ("count_rep", "i'd say a 2 really", 2),
        ("nlu_fallback", "a 4 i think", 4),
    ],
)
def test_a_score_on_its_own_after_a_pain_in_words_is_that_reports_score(intent, said, score):
    chat = _after_a_pain_in_words()
    reply = chat.say(intent, said)
    assert f"Pain of {score} out of 10" in reply
    assert chat.session["pain"] == [score] and chat.session["reps"][0]["left"] == 1


@pytest.mark.parametrize("said", ["maybe 3", "did a 3"])
def test_a_count_after_a_pain_in_words_is_no_score(said):
    chat = _after_a_pain_in_words()
    chat.say("nlu_fallback", said)
    assert chat.session["pain"] == [2]


@pytest.mark.parametrize(
    "said, score",
    [
        ("my hip is about a for this morning, ok to train?", 4),
        ("knee is like a to right now, can I do my session", 2),
        ("lower back's around a tree tonight, can I still exercise", 3),
    ],
)
def test_a_soundalike_score_said_with_the_day_is_that_score(said, score):
    assert numbers.read_pain_score(said) == score
    assert f"Pain of {score} out of 10" in Chat().say("nlu_fallback", said)


def test_a_soundalike_with_a_day_and_no_article_is_no_score():
    assert numbers.read_pain_score("i want to do a set for today") is None


@pytest.mark.parametrize(
    "intent, said, right", [("report_reps", "yep the whole ten on that side too", 10)]
)
def test_the_named_leg_reported_done_on_ones_own_is_recorded_not_paced(intent, said, right):
    chat = after_a_paced_set()
    chat.say("affirm", "yes", metadata=VOICE)
    reply = chat.say(intent, said, metadata=VOICE)
    assert "Counting reps" not in reply and chat.session["reps"][0]["right"] == right


def test_ready_after_a_leg_confirmed_once_asked_paces_the_next_not_records_it():
    chat = after_a_paced_set()
    chat.say("continue_session", "ready", metadata=VOICE)  # asked: all 10?
    chat.say("feel_fine", "felt okay, zero pain", metadata=VOICE)
    assert chat.session["reps"][0]["left"] == 10 and chat.session["check"] is None
    reply = chat.say("continue_session", "ready", metadata=VOICE)
    assert "Counting reps" in reply and chat.session["reps"][0]["right"] == 0

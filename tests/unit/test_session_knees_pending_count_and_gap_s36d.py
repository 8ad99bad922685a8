"""Knees sore from kneeling on a hard floor (any floor word) are a comfort problem: the
padding answer and where the user is, with no pain question. Reps added while the pain
question is open ("2 more", "another three") are a count, and how bad is asked again.
And the day the user said they last exercised (no session on record) sets the 48-72 hour
gap for a later "can I go tonight?", even with pain said."""

import pytest

from coach import pain
from tests.unit.chat import Chat, in_a_set

HOW_BAD = "How bad is it"
KNEE = [{"entity": "body_part", "value": "knee"}]


@pytest.mark.parametrize("intent", ["pain", "nlu_fallback"])
@pytest.mark.parametrize("entities", [KNEE, []])
@pytest.mark.parametrize(
    "said",
    [
        "my knees are getting a bit sore on these floorboards, any tips?",
        "kneecaps aching on the concrete, what can I do about it?",
        "knees hurting slightly on the wooden floor, is there a fix?",
        "my knees are a little sore on the vinyl, can you help?",
        "ouch, knees on this laminate are not happy, what should I do?",
    ],
)
def test_knees_sore_on_a_hard_floor_get_the_comfort_answer_not_the_pain_question(
    intent, entities, said
):
    chat = in_a_set()
    chat.say("count_rep", "2")
    reply = chat.say(intent, said, entities=entities)
    assert HOW_BAD not in reply
    assert chat.slots.get("pending_offer") != "pain_severity"
    assert "mat" in reply or "towel" in reply  # the padding answer
    assert "2 of 10" in reply  # and where they are


@pytest.mark.parametrize("floor", ["laminate", "parquet", "wooden floor", "tiled floor", "lino"])
def test_a_floor_word_makes_knee_soreness_kneeling(floor):
    report = pain.read_report(KNEE, f"my knees feel a bit sore on the {floor}")
    assert report.from_kneeling


def test_knee_pain_with_no_floor_is_not_kneeling():
    assert not pain.read_report(KNEE, "my knee aches when I lift").from_kneeling
    assert not pain.read_report([], "my hamstring is tight on the floor").from_kneeling


@pytest.mark.parametrize("intent", ["count_rep", "report_reps"])
@pytest.mark.parametrize(
    ("said", "added"),
    [
        ("3 more", 3),
        ("two more", 2),
        ("another 2", 2),
        ("did another three", 3),
        ("4 more reps", 4),
    ],
)
def test_reps_added_while_how_bad_is_asked_are_counted_and_the_question_asked_again(
    intent, said, added
):
    chat = in_a_set()
    chat.say("count_rep", "2")
    chat.say("pain", "my hamstring is getting sore")
    assert chat.slots["pending_offer"] == "pain_severity"
    reply = chat.say(intent, said)
    assert chat.session["reps"][0]["left"] == 2 + added
    assert "out of 10 is" not in reply  # not read as a score
    assert HOW_BAD in reply and chat.slots["pending_offer"] == "pain_severity"
    reply = chat.say("count_rep", "about a 2")
    assert "2 out of 10" in reply and chat.session["reps"][0]["left"] == 2 + added


def test_a_bare_number_while_how_bad_is_asked_is_still_the_score():
    chat = in_a_set()
    chat.say("count_rep", "2")
    chat.say("pain", "my hamstring is getting sore")
    reply = chat.say("count_rep", "3")
    assert "3 out of 10" in reply and chat.session["reps"][0]["left"] == 2


@pytest.mark.parametrize("first_intent", ["feel_worse", "pain"])
@pytest.mark.parametrize(
    ("intent", "asked"),
    [
        ("ask_next_session", "am I alright to do a workout this evening then?"),
        ("faq", "can i do a session tonight then"),
        ("ask_next_session", "can I fit another session in today?"),
    ],
)
def test_exercised_yesterday_then_asking_for_today_is_told_to_wait(first_intent, intent, asked):
    chat = Chat()
    chat.say(first_intent, "Trained yesterday and now my lower back is worse, a 4, it was a 1")
    reply = chat.say(intent, asked)
    assert "Yes" not in reply
    assert "48 to 72 hours" in reply and "tomorrow" in reply  # the gap and the next good day
    assert "lift" in reply  # the lighter plan


def test_exercised_yesterday_then_asking_about_a_later_day_is_fine():
    chat = Chat()
    chat.say("feel_worse", "did my exercises yesterday and my back feels worse today, a 4")
    reply = chat.say("ask_next_session", "what about tomorrow?")
    assert "Yes, tomorrow is fine" in reply and "yesterday" in reply


def test_no_day_said_and_no_session_on_record_any_time_is_good():
    chat = Chat()
    reply = chat.say("ask_next_session", "can I do a session tonight?")
    assert "any time is good" in reply

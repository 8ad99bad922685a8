"""Issue 17 (dd): the next session asked about after a severe-pain stop; when the user last
exercised, said with no session on record; an undo that names the accident; a correction
led by "wait," before its count. Phrasings in our own words."""

import datetime

import pytest

from coach import numbers, red_flags, when
from coach.dialogue import ASKS_HOW_OFTEN
from tests.unit.chat import Chat, in_a_set
from tests.unit.test_session_plan_after_pain_stop import _stopped_for_severe_pain

WEDNESDAY = datetime.date(2023, 11, 15)  # the Chat's day (tests/unit/chat.py)

NEXT_GO = [
    ("ask_frequency", "would tomorrow be ok to have another go?"),
    ("ask_reps", "so when could I pick them up again?"),
    ("nlu_fallback", "how soon can I get back to the leg lifts?"),
    ("continue_session", "is friday too early to try once more?"),
]


@pytest.mark.parametrize(("intent", "text"), NEXT_GO)
def test_the_next_session_asked_after_a_severe_stop_gets_when_easier_and_who_to_see(intent, text):
    said = _stopped_for_severe_pain(8).say(intent, text).lower()
    assert "48 to 72 hours" in said or "yes, friday 17 november works" in said
    assert "easier version" in said
    assert "doctor or physio" in said


@pytest.mark.parametrize("text", ["can I do the other leg?", "can i try again"])
def test_more_today_after_a_severe_stop_is_still_rest(text):
    said = _stopped_for_severe_pain(8).say("ask_reps", text).lower()
    assert said.startswith("not today") and "48 to 72" not in said


LAST_DONE = [
    ("finished my leg lifts yesterday", WEDNESDAY - datetime.timedelta(days=1)),
    ("my last workout was on monday", datetime.date(2023, 11, 13)),
    ("trained 3 days ago", datetime.date(2023, 11, 12)),
    ("did them the day before yesterday", datetime.date(2023, 11, 13)),
    ("previous session was wednesday", datetime.date(2023, 11, 8)),  # said on a Wednesday
]


@pytest.mark.parametrize(("text", "day"), LAST_DONE)
def test_the_day_the_user_last_exercised(text, day):
    assert when.read_last_done(text, WEDNESDAY)[0] == day


@pytest.mark.parametrize(
    "text", ["my back hurt yesterday", "did you get my message on monday", "can I go today"]
)
def test_no_session_day_said(text):
    assert when.read_last_done(text, WEDNESDAY) is None


@pytest.mark.parametrize(
    ("intent", "text", "answer"),
    [
        ("ask_frequency", "finished my leg lifts yesterday, alright to go again today?", "not"),
        ("faq", "my last workout was on monday, can I do them now?", "yes, today"),
        ("ask_next_session", "trained yesterday, is friday ok?", "yes, friday"),
        ("ask_next_session", "trained this morning, is tomorrow ok?", "better not tomorrow"),
    ],
)
def test_with_no_session_on_record_the_gap_counts_from_the_day_said(intent, text, answer):
    said = Chat().say(intent, text, answer_key="how_to_do_it").lower()
    assert answer in said and "48 to 72 hours" in said
    assert "any time is good" not in said


@pytest.mark.parametrize(
    "text", ["whoops, that one was an accident, undo it", "accident, miscounted that rep"]
)
def test_an_accident_said_with_an_undo_is_the_miscount(text):
    found = red_flags.check(text)
    assert found.flag is None and found.suspected is None


def test_an_accident_the_user_was_in_is_asked_about_even_with_an_undo():
    assert red_flags.check("was in an accident on sunday, back aches, undo the last one").flag


@pytest.mark.parametrize(
    "text", ["hang on, I only did 5, still at it", "wait, only managed 5, keep counting"]
)
def test_a_correction_lead_before_the_comma_sets_the_count(text):
    assert numbers.read_count(text) == numbers.Count(numbers.SET_TO, 5, True)


def test_a_corrected_count_leaves_the_leg_open():
    chat = in_a_set()
    chat.say("count_rep", "did 7")
    said = chat.say("count_rep", "hang on, I only did 5, still at it").lower()
    assert "5" in said and "right leg" not in said


@pytest.mark.parametrize("text", ["and 8 on the other side", "eight on my other leg as well"])
def test_a_batch_for_the_other_leg_without_a_verb_is_its_total(text):
    assert numbers.read_count(text) == numbers.Count(numbers.TOTAL, 8)


def test_the_batch_said_after_the_switch_ends_that_leg():
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    said = chat.say("nlu_fallback", "and 10 on the other side").lower()
    assert "10 on your right leg" in said and "didn't catch" not in said


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("so how often am i supposed to be doing these?", True),
        ("how often should we train", True),
        ("how often do i do the reps", False),
        ("how often do people get hurt doing this", False),
    ],
)
def test_how_often_to_exercise_named_by_grammar(text, asks):
    assert bool(ASKS_HOW_OFTEN.search(text)) is asks


def test_how_often_asked_at_rest_is_sessions_a_week_whatever_the_classifier_read():
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    chat.say("count_rep", "did 10")
    chat.say("nlu_fallback", "so how often am i supposed to be doing these?")
    responses = [m.response for m in chat.outcome.reply.messages if m.response]
    assert responses == ["utter_faq/sessions_per_week"]

"""Kinds from scored blind sessions: a count named for the other leg, a rest said to be
taken, a soundalike after "only", a band with a place after a pain score, the days until
the next session, and a goodbye after the session."""

import pytest

from coach import answers, dialogue, numbers
from tests.unit.chat import Chat, after_a_full_session, in_a_set, number


@pytest.mark.parametrize(
    ("said", "left", "right"),
    [
        ("other side did 4", 6, 4),
        ("and the other leg got 10", 6, 10),
        ("my other leg managed 7 reps", 6, 7),
    ],
)
def test_a_count_for_the_other_leg_ends_this_one_and_counts_on_the_next(said, left, right):
    chat = in_a_set()
    chat.say("count_rep", "6 so far", number(6))
    chat.say("report_reps", said, number(right))
    assert chat.session["reps"][0] == {"left": left, "right": right}


def test_a_count_for_the_other_leg_answers_is_that_it_for_this_leg():
    chat = in_a_set()
    chat.say("count_rep", "finished 7", number(7))  # "carrying on, or is that it?"
    chat.say("report_reps", "the other side got 3", number(3))
    assert chat.session["reps"][0] == {"left": 7, "right": 3}


def test_a_count_for_this_leg_stays_on_it():
    chat = in_a_set()
    chat.say("count_rep", "6 so far", number(6))
    chat.say("report_reps", "left side 8", number(8))
    assert chat.session["reps"][0]["right"] == 0


@pytest.mark.parametrize(
    "said",
    ["took my full minute break, going again", "had the rest, off we go", "got my breather"],
)
def test_a_rest_said_to_be_taken_starts_the_next_set(said):
    assert dialogue.REST_OVER.search(said)


@pytest.mark.parametrize("said", ["i had a break from it for a month", "had the rest of them"])
def test_a_break_from_training_is_no_rest_taken(said):
    assert not dialogue.REST_OVER.search(said)


@pytest.mark.parametrize(
    ("said", "value"), [("only for this time", 4), ("only tree", 3), ("only to on that one", 2)]
)
def test_a_soundalike_after_only_is_the_count(said, value):
    count = numbers.read_count(said)
    assert count is not None and count.value == value


def test_only_to_the_end_is_no_count():
    assert numbers.read_count("only to the end") is None


def test_a_band_with_a_place_after_a_pain_score_is_the_new_rating():
    chat = in_a_set()
    chat.say("pain", "pain is 2")
    chat.say("faq", "severe, round my lower back", answer_key="back_pain")
    assert chat.slots["plan"]["recent_pain"]["severity"] >= 7
    assert not [m for m in chat.outcome.reply.messages if m.response]


def test_days_till_the_next_one_is_the_gap_not_a_guess():
    chat = after_a_full_session()
    candidates = (("gap_between_sessions", 0.4), ("harder_variations", 0.35))
    reply = chat.say(
        "nlu_fallback", "how many days off before another go", answer_candidates=candidates
    )
    assert "Did you mean" not in reply
    assert [m.response for m in chat.outcome.reply.messages if m.response] == [
        "utter_faq/gap_between_sessions"
    ]


@pytest.mark.parametrize("said", ["ok cheers, see you again", "lovely, see you then"])
def test_a_goodbye_after_the_session_says_goodbye(said):
    chat = after_a_full_session()
    assert answers.GOODBYE in chat.say("nlu_fallback", said)


@pytest.mark.parametrize(
    "said",
    [
        "Morning. My surgeon wants me doing these since my knee op. I'd like to start.",
        "sore back for ages, I've got twenty minutes so shall we do a session now?",
    ],
)
def test_a_last_clause_asking_to_begin_starts_after_the_answer(said):
    chat = Chat()
    chat.say("faq", said, answer_key="knee_pain", answer_said=True)
    assert chat.session is not None and chat.session["phase"] == "setup"


@pytest.mark.parametrize(
    "said", ["is it fine for my knee? I want to know before I start", "I'd like to start tomorrow"]
)
def test_an_answer_with_no_start_at_the_end_starts_nothing(said):
    chat = Chat()
    chat.say("faq", said, answer_key="knee_pain", answer_said=True)
    assert chat.session is None

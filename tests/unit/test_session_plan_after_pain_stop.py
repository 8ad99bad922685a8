"""What to try next time, asked after pain stopped a session (issue 17): the eased plan,
by grammar whatever the classifier read. Phrasings in our own words."""

import pytest

from coach.dialogue import ASKS_WHAT_TO_TRY_NEXT
from tests.unit.chat import in_a_set

ASKS = [
    "what can we do next time",
    "so what do i try tomorrow then",
    "what should I change next session?",
    "what would i do instead next time",
    "what shall i go for next time",
    "whats the plan for next time",
    "what should i do instead",
    "what can i try from now on",
    # what "happens" or "changes" at the next session
    "and what changes for the next session",
    "ok what will happen tomorrow then",
    "what about next time",
]
NOT_ASKS = [
    "what should i do now",
    "when can i try again",
    "what is the plan for today",
    "what do i do",
    "next time i will try harder",
    "what happens if it hurts",
    "what comes after the rest",
]


@pytest.mark.parametrize("text", ASKS)
def test_asking_what_to_do_at_the_next_session(text):
    assert ASKS_WHAT_TO_TRY_NEXT.search(text), text


@pytest.mark.parametrize("text", NOT_ASKS)
def test_what_is_no_question_about_the_next_session(text):
    assert not ASKS_WHAT_TO_TRY_NEXT.search(text), text


def _stopped_for_severe_pain(score):
    chat = in_a_set()
    chat.say("count_rep", "did 4")
    chat.say("pain", "ow that hurts")
    chat.say("pain", f"a {score} i think")
    for _ in range(3):
        chat.say("deny", "no")  # the safety questions a severe score brings, all clear
    return chat


@pytest.mark.parametrize("score", [7, 8])
@pytest.mark.parametrize("intent", ["ask_dose", "nlu_fallback", "ask_easier_version"])
def test_what_to_try_next_time_after_a_stop_for_pain_is_the_eased_plan(intent, score):
    chat = _stopped_for_severe_pain(score)
    said = chat.say(intent, "what can we do next time").lower()
    assert "easier" in said and "bent-knee" in said and "next session" in said
    assert "not before on" not in said


def test_after_a_session_without_pain_the_question_is_not_answered_with_easing():
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    for _ in range(3):
        chat.say("continue_session", "ready")
        chat.say("count_rep", "did 10")
    said = chat.say("nlu_fallback", "what can we do next time").lower()
    assert "pain that stopped" not in said

"""Session control said in ordinary words. A stop word with more said after it ends the
session in every state the coach can be waiting in: before the first rep, mid-set, on the
"did you get all 10?" check after a paced voice set, on "carrying on, or is that it?", at
rest and while paused; the classifier may not know the wording, so each is played as its
worst guess. Also: leaving with thanks at rest, a rest asked for between legs, and a total
put right with a reason after it."""

import pytest

from coach import numbers
from coach.dialogue import WANTS_A_BREAK
from tests.unit.chat import Chat

VOICE = {"voice": True}
STOPPED = "we'll stop there"


def _setup(chat):
    chat.say("start_session", "start my session")


def _mid_set(chat):
    _setup(chat)
    chat.say("continue_session", "ready")
    chat.say("count_rep", "done")


def _voice_check(chat):
    chat.say("start_session", "start my session", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)


def _leg_done_check(chat):
    _setup(chat)
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 4")


def _rest(chat):
    _setup(chat)
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")


def _paused(chat):
    _mid_set(chat)
    chat.say("pause_session", "pause please")


STATES = [_setup, _mid_set, _voice_check, _leg_done_check, _rest, _paused]
STOPS = [
    "stop i'm finished",
    "stop we are done here",
    "end it, that's me",
    "quit, i've had it",
    "finish now please",
    "ok stop, no more",
    "i'm done, stop",
]


@pytest.mark.parametrize("state", STATES, ids=lambda state: state.__name__)
@pytest.mark.parametrize("text", STOPS)
def test_a_stop_word_with_more_after_it_stops(state, text):
    chat = Chat()
    state(chat)
    metadata = VOICE if state is _voice_check else None
    assert STOPPED in chat.say("nlu_fallback", text, metadata=metadata)
    assert not chat.session  # the session is over


@pytest.mark.parametrize(
    "text",
    ["stop for a sec", "stop if it hurts?", "finish the set first", "stop, I need a breather"],
)
def test_a_pause_a_question_or_the_set_is_not_a_stop(text):
    chat = Chat()
    _mid_set(chat)
    assert STOPPED not in chat.say("nlu_fallback", text)


@pytest.mark.parametrize(
    "text", ["ta, that will do for me today", "thanks a lot, that'll do me for now"]
)
def test_thanks_with_a_leaving_phrase_at_rest_ends_with_the_summary(text):
    chat = Chat()
    _rest(chat)
    reply = chat.say("thank", text)
    assert STOPPED in reply and "20 in all" in reply


def test_thanks_alone_at_rest_is_a_short_thanks_and_the_rest_reminder():
    chat = Chat()
    _rest(chat)
    reply = chat.say("thank", "thanks")
    assert "Anything else" not in reply
    assert "resting" in reply and chat.session


@pytest.mark.parametrize(
    "text", ["I want a short rest before my right leg", "need a quick rest now please"]
)
def test_a_rest_asked_for_between_legs_is_a_pause(text):
    chat = Chat()
    _setup(chat)
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 10")
    assert "Paused" in chat.say("faq", text)


def test_a_rest_day_is_no_pause():
    assert not WANTS_A_BREAK.search("I take a rest day between sessions")
    assert not WANTS_A_BREAK.search("you need a rest between sets")


@pytest.mark.parametrize(
    ("text", "value"),
    [("wait its 12 in all, i missed adding one", 12), ("actually thats 9 total, lost one", 9)],
)
def test_a_total_put_right_with_a_reason_after_it_is_read(text, value):
    reading = numbers.read_count(text)
    assert reading.kind == numbers.SET_TO and reading.value == value

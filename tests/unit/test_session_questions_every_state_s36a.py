"""Issue 17 item 3: a question in every state a session can be in, by chat and by voice, is
answered (never taken as a pause, never "say ready" alone, never the fallback) and followed
by where the user is, or by the coach's own open question asked again; and a short yes
where the coach waits for "ready" starts the set. The phrasings are the team's own."""

import re

import pytest

from coach import answers, dialogue, pain
from tests.unit.chat import Chat

VOICE = {"voice": True}
MINUTE = 60


def _meta(voice: bool) -> dict | None:
    return VOICE if voice else None


# -- the states a session can be in ----------------------------------------------------------


def _setup(voice: bool) -> Chat:
    """The coach has described the set and waits for "ready"."""
    chat = Chat()
    chat.say("start_session", "let's do today's leg lifts", metadata=_meta(voice))
    assert chat.session["phase"] == "setup"
    return chat


def _mid_set(voice: bool) -> Chat:
    """Chat: three reps counted one by one. Voice: the first leg paced, awaiting its answer."""
    chat = _setup(voice)
    chat.say("continue_session", "ready now", metadata=_meta(voice))
    if not voice:
        for said in ("one", "two", "three"):
            chat.say("count_rep", said)
        assert chat.session["reps"][0]["left"] == 3 and not chat.session["check"]
    return chat


def _paced_set_unconfirmed(voice: bool) -> Chat:
    chat = _setup(True)
    chat.say("continue_session", "ready now", metadata=VOICE)
    assert chat.session["awaiting_feedback"]
    return chat


def _leg_switch(voice: bool) -> Chat:
    """The left leg done: chat has the right leg under way; voice names it and waits."""
    chat = _setup(voice)
    chat.say("continue_session", "ready now", metadata=_meta(voice))
    if voice:
        chat.say("affirm", "yes, every one of them", metadata=VOICE)
        assert chat.session["awaiting_ready"]
    else:
        chat.say("report_reps", "that's 10 done")
    assert chat.session["leg"] == "right"
    return chat


def _rest(voice: bool) -> Chat:
    chat = _leg_switch(voice)
    if voice:
        chat.say("continue_session", "ready now", metadata=VOICE)
        chat.say("affirm", "yes, every one of them", metadata=VOICE)
    else:
        chat.say("report_reps", "that's 10 done")
    assert chat.session["phase"] == "rest"
    return chat


def _paused(voice: bool) -> Chat:
    chat = _mid_set(voice)
    chat.say("pause_session", "hold on a moment", metadata=_meta(voice))
    assert chat.session["phase"] == "paused"
    return chat


def _pain_asked(voice: bool) -> Chat:
    chat = _mid_set(voice)
    reply = chat.say("pain", "my hip is aching", metadata=_meta(voice))
    assert pain.HOW_BAD in reply and chat.slots["pending_offer"] == "pain_severity"
    return chat


def _batch_asked(voice: bool) -> Chat:
    """ "5 more, or 5 in all?" open (asked of a chat count; the question may come by voice)."""
    chat = _setup(False)
    chat.say("continue_session", "ready now")
    for said in ("one", "two", "three"):
        chat.say("count_rep", said)
    chat.say("report_reps", "plus 2")
    assert "5 more, or 5 in all" in chat.say("report_reps", "did five")
    return chat


def _delete_asked(voice: bool) -> Chat:
    chat = _mid_set(voice)
    chat.say("delete_data", "erase everything you have on me", metadata=_meta(voice))
    assert chat.slots["pending_offer"] == "delete_data"
    return chat


def _ended(voice: bool) -> Chat:
    chat = _setup(voice)
    chat.say("continue_session", "ready now", metadata=_meta(voice))
    if voice:
        for _ in range(3):
            chat.say("affirm", "yes, every one of them", metadata=VOICE)
            chat.say("continue_session", "ready now", metadata=VOICE)
        chat.say("affirm", "yes, every one of them", metadata=VOICE)
    else:
        chat.say("report_reps", "that's 10 done")
        for _ in range(3):
            chat.say("continue_session", "ready now")
            chat.say("report_reps", "that's 10 done")
    assert chat.session is None and chat.slots["history"][-1]["total_reps"] == 40
    return chat


def _still_paced(chat: Chat, reply: str, voice: bool = True) -> bool:
    return "did you get all" in reply.lower() and chat.session["awaiting_feedback"]


# Each state: how to reach it, and what says where the user is after the answer (or that
# the coach's open question is asked again and still open).
STATES = {
    "setup": (_setup, lambda chat, reply, voice: "Say ready" in reply),
    "mid-set": (
        _mid_set,
        lambda chat, reply, voice: (
            _still_paced(chat, reply) if voice else "on your left leg" in reply
        ),
    ),
    "leg switch": (
        _leg_switch,
        lambda chat, reply, voice: "right leg" in reply and ("Say ready" in reply or not voice),
    ),
    "rest": (_rest, lambda chat, reply, voice: "You're resting" in reply),
    "paused": (
        _paused,
        lambda chat, reply, voice: "paused" in reply and chat.session["phase"] == "paused",
    ),
    "pain question open": (
        _pain_asked,
        lambda chat, reply, voice: (
            reply.rstrip().endswith(pain.HOW_BAD) and chat.slots["pending_offer"] == "pain_severity"
        ),
    ),
    "paced set unconfirmed": (_paced_set_unconfirmed, _still_paced),
    "5 more or 5 in all open": (
        _batch_asked,
        lambda chat, reply, voice: "5 more, or 5 in all" in reply and chat.session["check"],
    ),
    "delete question open": (
        _delete_asked,
        lambda chat, reply, voice: (
            dialogue.DELETE_ASKED_AGAIN in reply and chat.slots["pending_offer"] == "delete_data"
        ),
    ),
    "just ended": (_ended, lambda chat, reply, voice: chat.session is None),
}

# -- the questions -----------------------------------------------------------------------------

SETS_ANSWERED = re.compile(r"\bsets?\b.*\b(?:to go|to come|after this|last set)\b|^None left", re.I)
DONE_ANSWERED = re.compile(r"\b\d+ (?:reps )?in all\b|\b\d+ of \d+\b|\bnone done\b", re.I)
HOW_AM_I_DOING = re.compile(r"\b\d+ reps\b", re.I)
NEXT_ANSWERED = re.compile(r"\b(?:next|first|then|to go)\b", re.I)


def _response(key: str):
    return lambda chat, reply: (
        f"utter_faq/{key}" in [m.response for m in chat.outcome.reply.messages]
        or chat.session is None  # out of a session, Rasa has said the answer itself
    )


QUESTIONS = [
    # a dose question, answered from the selector's key
    ("faq", "for how many seconds do I keep my leg up each time?", "how_long_to_hold"),
    # a dose question about the session, read by grammar whatever the classifier said
    ("nlu_fallback", "how many sets have I got to go?", SETS_ANSWERED),
    ("ask_progress", "how many sets have I got to go?", SETS_ANSWERED),
    # a progress question
    ("ask_progress", "how many reps have I done so far?", DONE_ANSWERED),
    ("ask_progress", "how am I getting on?", HOW_AM_I_DOING),
    # a technique question
    ("faq", "is my knee meant to stay straight the whole time?", "knee_straight"),
    ("faq", "what's the rest in between the sets?", "rest_between_sets"),
    # what comes next
    ("nlu_fallback", "what comes next?", NEXT_ANSWERED),
    ("continue_session", "what comes next?", NEXT_ANSWERED),
]


def _answered(expected):
    if isinstance(expected, str):
        return _response(expected)
    return lambda chat, reply: bool(expected.search(reply))


CASES = [
    pytest.param(state, voice, question, id=f"{state}-{'voice' if voice else 'chat'}-{i}")
    for state in STATES
    for voice in (False, True)
    for i, question in enumerate(QUESTIONS)
]


@pytest.mark.parametrize(("state", "voice", "question"), CASES)
def test_a_question_is_answered_then_where_the_user_is(state, voice, question):
    build, where = STATES[state]
    intent, said, expected = question
    chat = build(voice)
    phase = chat.session and chat.session["phase"]
    extra = {"answer_key": expected, "answer_said": chat.session is None} if intent == "faq" else {}
    reply = chat.say(intent, said, metadata=_meta(voice), **extra)
    assert answers.NOT_UNDERSTOOD not in reply, reply
    assert "Take your time" not in reply, reply  # not taken as a pause
    assert (chat.session and chat.session["phase"]) == phase, reply  # nothing moved on
    assert _answered(expected)(chat, reply), reply
    assert where(chat, reply, voice), reply


# -- a short yes where the coach waits for "ready" starts the set ---------------------------

ASSENTS = ["ok", "okay", "good", "fine", "alright", "sure", "yep", "go on", "right then"]
ASSENTS += ["ok then", "sure thing", "yeah fine", "okay cool"]


def _started(chat: Chat, voice: bool, set_number: int, leg: str) -> bool:
    session = chat.session
    return (
        session["phase"] == "active"
        and session["set_number"] == set_number
        and session["leg"] == leg
        and not session["awaiting_ready"]
        and (session["awaiting_feedback"] if voice else True)
    )


@pytest.mark.parametrize("said", ASSENTS)
@pytest.mark.parametrize("intent", ["affirm", "feel_fine", "nlu_fallback"])
@pytest.mark.parametrize("voice", [False, True])
def test_a_short_yes_at_the_set_up_starts_the_first_set(said, intent, voice):
    chat = _setup(voice)
    reply = chat.say(intent, said, metadata=_meta(voice))
    assert _started(chat, voice, 1, "left"), reply
    assert "Set 1, left leg" in reply


@pytest.mark.parametrize("said", ASSENTS)
@pytest.mark.parametrize("intent", ["affirm", "nlu_fallback"])
def test_a_short_yes_with_the_next_leg_named_by_voice_starts_it(said, intent):
    chat = _leg_switch(voice=True)
    chat.say(intent, said, metadata=VOICE)
    assert _started(chat, True, 1, "right")


@pytest.mark.parametrize("said", ASSENTS)
def test_a_short_yes_after_the_voiced_rest_starts_the_next_set(said):
    chat = _rest(voice=True)  # the rest was timed aloud: it is over when the user speaks
    chat.say("affirm", said, metadata=VOICE)
    assert _started(chat, True, 2, "left")


@pytest.mark.parametrize("said", ["ok", "fine", "alright then"])
def test_a_short_yes_in_chat_starts_the_next_set_once_the_rest_is_over(said):
    chat = _rest(voice=False)
    chat.now += MINUTE
    chat.say("affirm", said)
    assert _started(chat, False, 2, "left")


@pytest.mark.parametrize("said", ["ok", "fine", "alright"])
def test_a_short_yes_in_chat_while_the_rest_runs_takes_it_in(said):
    chat = _rest(voice=False)
    reply = chat.say("affirm", said)
    assert chat.session["phase"] == "rest" and "You're resting" in reply


@pytest.mark.parametrize("said", ["hmm", "phew", "i see", "understood"])
@pytest.mark.parametrize("voice", [False, True])
def test_taking_in_the_instructions_at_the_set_up_does_not_start(said, voice):
    chat = _setup(voice)
    reply = chat.say("nlu_fallback", said, metadata=_meta(voice))
    assert chat.session["phase"] == "setup" and "Say ready" in reply


@pytest.mark.parametrize("voice", [False, True])
def test_a_question_then_a_short_yes_at_the_set_up(voice):
    chat = _setup(voice)
    reply = chat.say("nlu_fallback", "how many sets is it today?", metadata=_meta(voice))
    assert "2 sets" in reply and "Say ready" in reply
    chat.say("affirm", "okay", metadata=_meta(voice))
    assert _started(chat, voice, 1, "left")


def test_an_open_pain_question_answered_after_a_question_is_read_as_the_score():
    chat = _pain_asked(voice=False)
    chat.say("faq", "how high should my leg go?", answer_key="how_high_to_lift", answer_said=False)
    reply = chat.say("count_rep", "3")
    assert "3 out of 10" in reply or "Mild" in reply
    assert chat.session["reps"][0]["left"] == 3  # a score, not a rep
    assert chat.slots["pending_offer"] is None


@pytest.mark.parametrize("voice", [False, True])
def test_how_am_i_doing_in_a_first_session_is_todays_count_not_an_empty_history(voice):
    chat = _leg_switch(voice)
    reply = chat.say("ask_progress", "how's it going so far?", metadata=_meta(voice))
    assert "10 reps so far today (left 10, right 0)" in reply
    assert "nothing in your history" not in reply and "right leg" in reply


HOLD_QUESTIONS = [
    "how long do I hold each one?",
    "how many seconds should it stay up?",
    "so how long am I holding it at the top",
]


@pytest.mark.parametrize("said", HOLD_QUESTIONS)
@pytest.mark.parametrize("state", ["setup", "mid-set", "rest", "paused"])
@pytest.mark.parametrize("voice", [False, True])
def test_the_hold_asked_in_words_the_classifier_missed_is_answered(said, state, voice):
    build, where = STATES[state]
    chat = build(voice)
    reply = chat.say("nlu_fallback", said, metadata=_meta(voice))
    assert "utter_faq/how_long_to_hold" in [m.response for m in chat.outcome.reply.messages]
    assert answers.NOT_UNDERSTOOD not in reply and where(chat, reply, voice), reply


def test_an_open_delete_question_answered_after_a_question_keeps_the_data():
    chat = _delete_asked(voice=False)
    chat.say("ask_progress", "how many reps have I done so far?")
    reply = chat.say("deny", "no")
    assert "kept everything" in reply and chat.session["reps"][0]["left"] == 3

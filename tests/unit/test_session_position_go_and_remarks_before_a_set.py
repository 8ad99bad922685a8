"""Table tests for two things said while the coach waits for a set to start (before the
first set, at rest, paused): the position reported with a go word after it starts the set,
whatever the classifier made of it; and a remark on how hard it is gets a short word, then
the step the coach is waiting on, never "didn't catch that". The phrasings are the team's
own."""

import pytest

from coach import answers, dialogue
from tests.unit.chat import Chat

VOICE = {"voice": True}


def _waiting(where: str, voice: bool) -> Chat:
    """A chat waiting for the user: before set 1, resting after set 1, or paused at rest."""
    metadata = VOICE if voice else None
    chat = Chat()
    chat.say("start_session", "start my session", metadata=metadata)
    if where == "setup":
        return chat
    for _ in range(2):  # set 1, both legs
        chat.say("continue_session", "ready", metadata=metadata)
        if voice:
            chat.say("affirm", "yes got them all", metadata=metadata)
        else:
            chat.say("report_reps", "did 10", metadata=metadata)
    if where == "paused":
        chat.say("pause_session", "pause", metadata=metadata)
    assert chat.session["phase"] == where
    return chat


# -- 1. where they are, then a go word: the set starts ------------------------------------

POSITION_THEN_GO = [
    "I'm kneeling on the mat, go ahead",
    "in position now, let's begin",
    "ok in place now, here we go",
    "down on all fours, let's do it",
    "got into the start position, off we go",
    "I am on my hands and knees so let's get going",
]


@pytest.mark.parametrize("said", POSITION_THEN_GO)
def test_position_then_a_go_word_reads_as_in_position(said):
    assert dialogue.in_position(said)


@pytest.mark.parametrize(
    "said",
    [
        "on all fours, how long do I hold it?",
        "in position, wait a sec",
        "kneeling now, hang on",
        "go",  # a go word alone is LETS_GO's, not a position
        "let's go, I'm in position",  # the go word first: read by LETS_GO's own rules
    ],
)
def test_position_with_no_go_word_after_it_is_not_read_as_one(said):
    assert not dialogue.in_position(said)


@pytest.mark.parametrize("said", POSITION_THEN_GO)
@pytest.mark.parametrize("intent", ["faq", "nlu_fallback", "start_session"])
@pytest.mark.parametrize("voice", [False, True])
def test_position_then_a_go_word_before_the_first_set_starts_it(said, intent, voice):
    chat = _waiting("setup", voice)
    reply = chat.say(
        intent, said, metadata=VOICE if voice else None, answer_key=None, answer_said=False
    )
    assert "Set 1, left leg: 10 reps" in reply
    assert "Get on your hands and knees" not in reply  # not the steps again
    assert chat.session["phase"] == "active"


@pytest.mark.parametrize("voice", [False, True])
def test_position_then_a_go_word_at_rest_starts_the_next_set(voice):
    chat = _waiting("rest", voice)
    metadata = VOICE if voice else None
    reply = chat.say("nlu_fallback", "in position now, let's begin", metadata=metadata)
    assert "Set 2, left leg" in reply


def test_position_and_a_question_before_the_first_set_does_not_start_it():
    chat = _waiting("setup", voice=False)
    chat.say("nlu_fallback", "on all fours, how long do I hold it?")
    assert chat.session["phase"] == "setup"


def test_position_and_pain_then_go_asks_about_the_pain_first():
    chat = _waiting("setup", voice=True)
    reply = chat.say("continue_session", "on all fours, my back hurts though, go", metadata=VOICE)
    assert "Set 1, left leg" not in reply
    assert chat.session["phase"] == "setup"


# -- 2. a remark on the effort while waiting: a word, then the pending step ----------------

EFFORT = [
    "that felt heavy",
    "pretty tiring, ok though",
    "that was a killer",
    "challenging but fine",
    "hard going",
    "really tough one",
]


@pytest.mark.parametrize("said", EFFORT)
@pytest.mark.parametrize("where", ["setup", "rest", "paused"])
@pytest.mark.parametrize("voice", [False, True])
def test_a_remark_on_the_effort_while_waiting_is_heard_then_the_pending_step(said, where, voice):
    chat = _waiting(where, voice)
    reply = chat.say("nlu_fallback", said, metadata=VOICE if voice else None)
    assert answers.NOT_UNDERSTOOD not in reply
    assert "thanks for telling me" in reply.lower()
    pending = {"setup": "Say ready when you're in position", "rest": "Say ready when you've"}
    assert pending.get(where, "Say resume") in reply
    assert chat.session["phase"] == where  # nothing started, nothing recorded
    done = sum(sum(legs.values()) for legs in chat.session["reps"])
    assert done == (0 if where == "setup" else 20)


@pytest.mark.parametrize("where", ["setup", "rest"])
def test_a_remark_then_a_go_word_is_heard_and_the_set_starts(where):
    chat = _waiting(where, voice=False)
    reply = chat.say("nlu_fallback", "that felt heavy, ok next set")
    assert "Thanks for telling me" in reply
    assert f"Set {1 if where == 'setup' else 2}, left leg" in reply
    assert chat.session["phase"] == "active"


@pytest.mark.parametrize("said", ["that felt heavy, and my hip hurts", "tough one, I feel dizzy"])
def test_a_remark_with_pain_or_feeling_unwell_is_never_passed_off(said):
    chat = _waiting("rest", voice=False)
    reply = chat.say("nlu_fallback", said)
    assert "Thanks for telling me" not in reply

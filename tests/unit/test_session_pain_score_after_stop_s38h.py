"""Pain scores after a stop, and the morning after (s38h, issue 17). After a pain stop, or
pain said in words with no score, a number on its own is that pain's score, never a change
to the reps. A score said beside a lower usual one the day after a session is worse the
next morning. The rest's status names the plan as pain adjusted it."""

import pytest

from coach import numbers
from tests.unit.chat import Chat, after_a_full_session, in_a_set, number

VOICE = {"voice": True}

# -- 1. a bare number after a pain stop is the pain score -----------------------------------

SEVERE_IN_WORDS = ["my hip is in agony", "ouch, this is killing me", "my lower back's agony now"]
BARE_SCORES = [("inform", "9", 9), ("inform", "8/10", 8), ("inform", "a nine", 9),
               ("count_rep", "probably 8", 8), ("inform", "7 I think", 7)]  # fmt: skip


def _stopped_in_words(said: str, voice: bool) -> Chat:
    meta = VOICE if voice else None
    chat = Chat()
    chat.say("start_session", "begin", metadata=meta)
    chat.say("continue_session", "ready", metadata=meta)
    if not voice:
        chat.say("report_reps", "did 4")
    chat.say("pain", said, metadata=meta)
    assert chat.session is None and chat.slots["history"][-1]["notes"] == ["pain_stop"]
    return chat


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("said", SEVERE_IN_WORDS)
@pytest.mark.parametrize(("intent", "bare", "score"), BARE_SCORES)
def test_a_bare_number_after_a_pain_stop_is_the_pain_score(voice, said, intent, bare, score):
    chat = _stopped_in_words(said, voice)
    reps_before = chat.slots["history"][-1]["reps"]
    reply = chat.say(intent, bare, entities=number(score), metadata=VOICE if voice else None)
    record = chat.slots["history"][-1]
    assert record["reps"] == reps_before and "updated the session" not in reply
    assert record["pain"] == [score]
    assert f"Pain of {score} out of 10" in reply and "stop the exercise for today" in reply
    assert "easier version" in reply
    assert chat.slots["plan"]["recent_pain"]["severity"] == score


def test_the_users_own_score_replaces_the_word_reading_without_a_double_step_down():
    chat = _stopped_in_words("this is killing me", voice=False)
    level = chat.slots["level"]
    chat.say("inform", "8 out of 10")
    assert chat.slots["level"] == level


@pytest.mark.parametrize(
    "said", ["I actually did 6", "make that 6 reps", "actually I did 6", "I meant 6 reps"]
)
def test_rep_words_after_a_pain_stop_still_correct_the_reps(said):
    chat = _stopped_in_words("my hip is in agony", voice=False)
    reply = chat.say("report_reps", said)
    assert "updated the session" in reply and chat.slots["history"][-1]["total_reps"] == 6
    assert chat.slots["history"][-1]["pain"] == [9]


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("said", ["I meant 7", "make that 7"])
def test_a_number_put_right_with_nothing_saying_which_is_asked_about(voice, said):
    meta = VOICE if voice else None
    chat = _stopped_in_words("ouch, this is killing me", voice)
    record = chat.slots["history"][-1]
    reply = chat.say("report_reps", said, metadata=meta)
    assert "is 7 your pain score or your reps?" in reply
    assert chat.slots["history"][-1] == record
    if voice:
        assert "Pain of 7 out of 10" in chat.say("pain", "my pain", metadata=meta)
        assert chat.slots["history"][-1]["pain"] == [7]
    else:
        assert "updated the session" in chat.say("report_reps", "the reps")
        assert chat.slots["history"][-1]["total_reps"] == 7


def _after_a_voice_session() -> Chat:
    chat = Chat()
    chat.say("start_session", "begin", metadata=VOICE)
    for _ in range(4):
        chat.say("continue_session", "ready", metadata=VOICE)
        chat.say("affirm", "got them all, felt fine", metadata=VOICE)
    assert chat.session is None and chat.slots["history"][-1]["total_reps"] == 40
    return chat


@pytest.mark.parametrize("voice", [False, True])
def test_pain_in_words_after_a_session_then_a_bare_number_scores_it(voice):
    meta = VOICE if voice else None
    chat = _after_a_voice_session() if voice else after_a_full_session()
    chat.say("pain", "ugh my back is killing me now", metadata=meta)
    reply = chat.say("inform", "8", entities=number(8), metadata=meta)
    record = chat.slots["history"][-1]
    assert record["total_reps"] == 40 and record["pain"] == [8]
    assert "Pain of 8 out of 10" in reply


def test_a_bare_number_after_scored_pain_after_a_session_is_asked_about():
    chat = after_a_full_session()
    chat.say("pain", "my hip aches a bit after that, 3/10")
    reply = chat.say("inform", "6", entities=number(6))
    assert "is 6 your pain score or your reps?" in reply
    assert chat.slots["history"][-1]["total_reps"] == 40
    reply = chat.say("pain", "the pain score")
    assert "Pain of 6 out of 10" in reply and chat.slots["history"][-1]["total_reps"] == 40


# -- 2. the morning after: a score beside a lower usual one ---------------------------------


@pytest.mark.parametrize(
    ("said", "now", "usual"),
    [
        ("perhaps a 6 where it's usually a 2", 6, 2),
        ("went up to 5 from my normal 1", 5, 1),
        ("it's a 4 today, normally it's a 2", 4, 2),
        ("a 5 when mine is typically 3", 5, 3),
        ("about 6, my usual is a 2", 6, 2),
    ],
)
def test_the_score_now_is_read_not_the_baseline(said, now, usual):
    assert numbers.read_pain_score(said, asked=True) == now
    assert numbers.score_above_baseline(said) == (now, usual)


@pytest.mark.parametrize("intent", ["pain", "inform", "ask_reps", "nlu_fallback"])
@pytest.mark.parametrize(
    ("said", "now"),
    [("back feels maybe a 6 where it's usually a 2", 6), ("went up to 5 from my normal 1", 5),
     ("a 4 this morning, normally it's a 2", 4)],
)  # fmt: skip
def test_a_score_above_the_usual_the_day_after_steps_down(intent, said, now):
    chat = after_a_full_session()
    chat.new_conversation(18)
    reply = chat.say(intent, said)
    assert "step down a level" in reply and "Next session:" in reply
    assert chat.slots["level"] != "standard"
    assert chat.slots["history"][-1]["next_morning"] == "worse"
    assert chat.slots["plan"]["recent_pain"]["severity"] == now


def test_a_score_below_the_usual_the_day_after_does_not_step_down():
    chat = after_a_full_session()
    chat.new_conversation(18)
    chat.say("pain", "only a 2 this morning, normally it's a 4")
    assert chat.slots["level"] == "standard"


# -- 3. the rest's status says the plan pain adjusted ---------------------------------------


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("asked", ["what's next", "how many left", "where am I"])
def test_the_rest_after_a_set_stopped_for_pain_names_the_easier_version(voice, asked):
    meta = VOICE if voice else None
    chat = Chat()
    chat.say("start_session", "begin", metadata=meta)
    chat.say("continue_session", "ready", metadata=meta)
    chat.say("pain", "ow, my back's a 6", metadata=meta)
    assert chat.session["phase"] == "rest"
    reply = chat.say("ask_status", asked, metadata=meta)
    assert "Next: set 2 of 2, 10 reps on each leg, the smaller straight-leg lift" in reply


def test_the_rest_after_an_eased_set_says_the_eased_reps():
    chat = in_a_set()
    chat.say("pain", "knee twinging, a 4")
    chat.say("report_reps", "did 7")
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 7")
    reply = chat.say("ask_status", "what comes next")
    assert "7 reps on each leg" in reply and "10 reps" not in reply

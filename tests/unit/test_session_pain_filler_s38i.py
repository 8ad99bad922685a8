"""Pain scores said with filler after a pain stop (s38i, issue 17). After pain said in words
stopped the session, a message that carries a score ("yep, an 8 I'd say", "mm a solid 7")
is that pain's score whatever the classifier read (a yes, a no, chitchat); a yes alone says
what happens next. While the checklist that the stop started runs, a score is recorded and
the checklist goes on at its question, its intro said once. A score above the usual one
the morning after, asked about with it, steps down, then the question is answered."""

import pytest

from tests.unit.chat import T0, Chat, after_a_full_session

VOICE = {"voice": True}
# Screened moments before the session: severe pain starts no checklist again.
JUST_SCREENED = {
    "screenings": [
        {
            "at": T0,
            "reason": "first_session",
            "answers": {"bladder_bowels": "no", "numbness_weakness": "no", "other_signs": "no"},
        }
    ]
}
INTRO = "let me run through three quick safety questions"
BLADDER = "Any new trouble passing urine"
NUMBNESS = "any numbness or tingling"


def _stopped(said: str, voice: bool, screened_just_now: bool = True) -> Chat:
    meta = VOICE if voice else None
    chat = Chat(safety=JUST_SCREENED) if screened_just_now else Chat()
    chat.say("start_session", "begin", metadata=meta)
    chat.say("continue_session", "ready", metadata=meta)
    if not voice:
        chat.say("report_reps", "did 3")
    chat.say("pain", said, metadata=meta)
    assert chat.session is None and chat.slots["history"][-1]["notes"] == ["pain_stop"]
    return chat


# -- 1. a score with filler after a pain stop is that pain's score --------------------------

FILLER_SCORES = [
    ("affirm", "yep, an 8 I'd say", 8),
    ("affirm", "yeah probably a 9", 9),
    ("affirm", "uh huh, about a 7", 7),
    ("chitchat", "mm a solid 7", 7),
    ("chitchat", "ya 8 ish", 8),
    ("deny", "nah more like an 8", 8),
    ("deny", "nope, a 9 honestly", 9),
    ("inform", "yeah roughly 8/10", 8),
    ("chitchat", "9, easily", 9),
]


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("stop", ["my back is agony", "ugh this is killing me"])
@pytest.mark.parametrize(("intent", "said", "score"), FILLER_SCORES)
def test_a_score_with_filler_after_a_pain_stop_is_recorded_and_advised(
    voice, stop, intent, said, score
):
    chat = _stopped(stop, voice)
    reps_before = chat.slots["history"][-1]["total_reps"]
    reply = chat.say(intent, said, metadata=VOICE if voice else None)
    record = chat.slots["history"][-1]
    assert record["pain"] == [score] and record["total_reps"] == reps_before
    assert f"Pain of {score} out of 10" in reply and "stop the exercise for today" in reply
    assert "easier version" in reply
    assert "Great" not in reply and "Anything else" not in reply
    assert chat.slots["plan"]["recent_pain"]["severity"] == score


@pytest.mark.parametrize("voice", [False, True])
def test_a_lower_score_with_filler_gets_its_own_advice(voice):
    chat = _stopped("my hip is agony", voice)
    reply = chat.say("affirm", "yeah, like a 5 maybe", metadata=VOICE if voice else None)
    assert chat.slots["history"][-1]["pain"] == [5]
    assert "Pain of 5 out of 10" in reply and "Great" not in reply


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said"),
    [("affirm", "yes"), ("affirm", "ok"), ("affirm", "yeah got it"), ("affirm", "okay then")],
)
def test_a_yes_alone_after_a_pain_stop_says_what_happens_next(voice, intent, said):
    chat = _stopped("ouch this is killing me", voice)
    reply = chat.say(intent, said, metadata=VOICE if voice else None)
    assert "Great" not in reply and "What would you like to know" not in reply
    assert "No more leg lifts today" in reply and "easier version" in reply
    assert chat.slots["history"][-1]["pain"] == [9]


def test_a_yes_after_a_full_session_is_still_a_plain_yes():
    chat = after_a_full_session()
    reply = chat.say("affirm", "yes")
    assert "No more leg lifts today" not in reply


# -- 2. a score while the checklist runs: recorded, the checklist goes on -------------------


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said", "score"),
    [("affirm", "yeah like a 9", 9), ("deny", "nah, more like 8", 8), ("inform", "8", 8),
     ("chitchat", "honestly a 9", 9)],
)  # fmt: skip
def test_a_score_at_the_checklists_first_question_is_no_answer_to_it(voice, intent, said, score):
    meta = VOICE if voice else None
    chat = _stopped("my back is agony", voice, screened_just_now=False)
    assert chat.slots["pending_offer"] == "screening"
    reply = chat.say(intent, said, metadata=meta)
    assert chat.slots["history"][-1]["pain"] == [score]
    assert f"Pain of {score} out of 10" in reply
    assert INTRO not in reply and reply.count(BLADDER) == 1
    assert "urgent medical care" not in reply
    assert (chat.slots.get("caution") or {}).get("reason") != "red_flag"
    assert chat.slots["pending_offer"] == "screening"
    assert chat.slots["safety"]["screening"]["step"] == 0
    # The checklist then goes on as before: a no moves to the next question.
    assert NUMBNESS in chat.say("deny", "no", metadata=meta)


@pytest.mark.parametrize("said", ["yep a 7 probably", "a 6 I think"])
def test_a_score_mid_checklist_keeps_the_question_it_was_on(said):
    chat = _stopped("this is killing me", voice=False, screened_just_now=False)
    assert NUMBNESS in chat.say("deny", "no")
    reply = chat.say("affirm", said)
    assert INTRO not in reply and NUMBNESS in reply and BLADDER not in reply
    assert chat.slots["safety"]["screening"]["step"] == 1
    assert chat.slots["pending_offer"] == "screening"


@pytest.mark.parametrize(("intent", "said"), [("deny", "none"), ("deny", "nope, zero")])
def test_none_or_zero_to_a_checklist_question_is_still_a_no(intent, said):
    chat = _stopped("my back is agony", voice=False, screened_just_now=False)
    assert NUMBNESS in chat.say(intent, said)
    assert chat.slots["history"][-1]["pain"] == [9]


def test_a_plain_yes_to_a_checklist_question_is_still_a_yes():
    chat = _stopped("my back is agony", voice=False, screened_just_now=False)
    assert "urgent medical care" in chat.say("affirm", "yes")


# -- 3. the morning after: a score above the usual one, asked about -------------------------


@pytest.mark.parametrize("intent", ["faq", "pain", "nlu_fallback", "ask_frequency"])
@pytest.mark.parametrize(
    ("said", "now"),
    [
        ("about a 5 when it's usually 2, should I rest today?", 5),
        ("up to 6 from my normal 3 - should I skip it?", 6),
        ("it's a 4, normally it's 1, is it ok to train today?", 4),
        ("6 this morning vs my usual 2, can I still do my session?", 6),
    ],
)
def test_a_score_above_the_usual_asked_about_steps_down_then_answers(intent, said, now):
    chat = after_a_full_session()
    chat.new_conversation(18)
    reply = chat.say(intent, said)
    assert "step down a level" in reply and "Next session:" in reply
    assert "rest" in reply and "skip the leg lifts" in reply
    assert reply.index("step down a level") < reply.index("skip the leg lifts")
    assert chat.slots["level"] != "standard"
    assert chat.slots["history"][-1]["next_morning"] == "worse"
    assert chat.slots["plan"]["recent_pain"]["severity"] == now


def test_a_question_about_the_usual_score_alone_steps_nothing_down():
    chat = after_a_full_session()
    chat.new_conversation(18)
    chat.say("faq", "it's a 5 when normally a 3, what does that mean?")
    assert chat.slots["level"] == "standard"

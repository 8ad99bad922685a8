"""Pain, resuming and the coach's checks (s37f). After pain stopped a set, a go-ahead at the
end of the rest first asks whether the pain has settled (3 or less): yes goes on with the
smaller lift, no or a higher score stops for today, in chat and by voice. Pain said just
after a session says what to watch the next morning. The switch to the other leg says that
leg rests meanwhile. And the coach's questions about a count start "Just to check:"."""

import pytest

from coach.session import fixed_phrases
from tests.unit.chat import Chat, after_a_full_session, in_a_set

VOICE = {"voice": True}
SETTLED_ASKED = "has the pain settled, to 3 out of 10 or less now?"


def _stopped_by_pain(voice: bool) -> Chat:
    meta = VOICE if voice else None
    chat = Chat()
    chat.say("start_session", "begin my exercises", metadata=meta)
    chat.say("continue_session", "in position", metadata=meta)
    if not voice:
        chat.say("count_rep", "did 2")
    chat.say("pain", "my hip is sore, I'd put it at 6 out of 10", metadata=meta)
    assert chat.session["phase"] == "rest"
    return chat


GO_AHEADS = [
    ("continue_session", "right, off we go again"),
    ("continue_session", "ok I'm ready for the next one"),
    ("continue_session", "let's get going again"),
    ("count_rep", "next"),
    ("feel_fine", "it has calmed down, good to go"),
]


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(("intent", "said"), GO_AHEADS)
def test_a_go_ahead_after_a_pain_stop_asks_if_the_pain_has_settled(voice, intent, said):
    chat = _stopped_by_pain(voice)
    reply = chat.say(intent, said, metadata=VOICE if voice else None)
    assert SETTLED_ASKED in reply and "Yes or no" in reply
    assert chat.session["phase"] == "rest" and chat.session["set_number"] == 1
    labels = [label for label, _ in chat.outcome.reply.messages[-1].buttons]
    assert labels == ["Yes, it has settled", "No, it still hurts"]


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said"),
    [
        ("affirm", "yep"),
        ("affirm", "yes, much calmer"),
        ("count_rep", "2"),
        ("pain", "it's about a 1 now"),
        ("feel_fine", "no pain at all now"),
    ],
)
def test_settled_goes_on_with_the_smaller_lift(voice, intent, said):
    chat = _stopped_by_pain(voice)
    meta = VOICE if voice else None
    chat.say("continue_session", "ready", metadata=meta)
    reply = chat.say(intent, said, metadata=meta)
    assert "with the smaller lift" in reply
    assert chat.session["phase"] == "active" and chat.session["set_number"] == 2
    assert chat.session["level"] != "standard"
    # Asked once: the question is not asked again for the rest of the session.
    assert "pain_settled" in chat.session["notes"]


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said"),
    [
        ("deny", "nope"),
        ("deny", "not really, no"),
        ("pain", "still a 5 I'd say"),
        ("pain", "it's still hurting"),
    ],
)
def test_not_settled_stops_for_today(voice, intent, said):
    chat = _stopped_by_pain(voice)
    meta = VOICE if voice else None
    chat.say("continue_session", "ready", metadata=meta)
    reply = chat.say(intent, said, metadata=meta)
    assert "stop for today" in reply and "Set 2" not in reply
    assert chat.session is None  # the session is over and saved
    record = chat.slots["history"][-1]
    assert "pain_stop" in record["notes"]


def test_a_severe_score_to_the_question_gets_the_severe_advice_and_the_safety_questions():
    chat = _stopped_by_pain(False)
    chat.say("continue_session", "ready")
    reply = chat.say("pain", "worse actually, an 8")
    assert "too much" in reply and "safety questions" in reply
    assert chat.session is None and chat.slots["history"][-1]["pain"][-1] == 8


def test_still_sore_with_a_go_ahead_stops_for_today():
    chat = _stopped_by_pain(False)
    reply = chat.say("continue_session", "still sore but ready to go")
    assert "stop for today" in reply and chat.session is None


def test_another_question_meanwhile_is_answered_and_go_asks_again():
    chat = _stopped_by_pain(False)
    chat.say("continue_session", "ready")
    chat.say("nlu_fallback", "what's the weather like")
    assert chat.session["phase"] == "rest"
    assert SETTLED_ASKED in chat.say("continue_session", "go")


def test_an_ordinary_rest_asks_nothing():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    reply = chat.say("continue_session", "ready")
    assert SETTLED_ASKED not in reply and chat.session["set_number"] == 2


def test_the_push_timer_at_the_end_of_a_pain_rest_asks_too():
    chat = _stopped_by_pain(False)
    reply = chat.say("", "", timer=2)
    assert SETTLED_ASKED in reply and chat.session["phase"] == "rest"
    assert "smaller lift" in chat.say("affirm", "yes")


# -- pain said just after a session -------------------------------------------------------

WATCH = "It should settle by tomorrow. If it is worse tomorrow morning, tell me"


@pytest.mark.parametrize(
    "said",
    [
        "my lower back feels a touch tender now, say 3 out of 10",
        "bit of an ache in the hip afterwards, a 5",
        "my knee niggles now, 2/10",
        "sore back now it's over, like a 6",
    ],
)
def test_pain_just_after_a_session_says_what_to_watch(said):
    chat = after_a_full_session()
    reply = chat.say("pain", said)
    assert "added that to the record" in reply
    assert WATCH in reply and "lighter" in reply


def test_pain_asked_how_bad_after_a_session_says_what_to_watch_too():
    chat = after_a_full_session()
    chat.say("pain", "my back aches after all that")
    assert WATCH in chat.say("count_rep", "4")


def test_severe_pain_after_a_session_keeps_its_stronger_advice():
    chat = after_a_full_session()
    reply = chat.say("pain", "the hip is really bad now, 8 out of 10")
    assert "too much" in reply and WATCH not in reply


# -- the switch to the other leg ----------------------------------------------------------

RESTS = "your left leg rests while you do the right"


@pytest.mark.parametrize(("intent", "said"), [("report_reps", "did 10"), ("count_rep", "10")])
def test_the_switch_in_chat_says_the_other_leg_rests(intent, said):
    chat = in_a_set()
    reply = chat.say(intent, said)
    assert "Switch to your right leg" in reply and RESTS in reply


def test_the_switch_by_voice_says_the_other_leg_rests():
    chat = Chat()
    chat.say("start_session", "start", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    reply = chat.say("affirm", "got all of them, felt fine", metadata=VOICE)
    assert "Switch to your right leg" in reply and RESTS in reply
    assert any(RESTS in phrase for phrase in fixed_phrases())


def test_the_rest_between_sets_stays_a_minute():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    assert "Rest for 60 seconds" in chat.say("report_reps", "did 10")


# -- the coach's checks read as checks ----------------------------------------------------


def _at(n: int) -> Chat:
    chat = in_a_set()
    for _ in range(n):
        chat.say("count_rep", "done")
    return chat


def test_a_total_below_the_count_is_asked_as_a_check():
    chat = _at(7)
    reply = chat.say("report_reps", "that's 5 altogether")
    assert reply.startswith("Just to check: I had 7 on your left leg - is it 5 in all?")


def test_a_count_far_above_the_target_is_asked_as_a_check():
    chat = in_a_set()
    reply = chat.say("report_reps", "did 45")
    assert reply.startswith("Just to check: 45 is a lot more than the 10")


def test_more_or_in_all_is_asked_as_a_check():
    chat = _at(3)
    reply = chat.say("count_rep", "2")
    assert "Just to check: you're on 3 on your left leg. Is that 2 more, or 2 in all?" in reply


def test_a_first_batch_that_may_end_the_leg_is_asked_as_a_check():
    chat = in_a_set()
    reply = chat.say("report_reps", "did 4")
    assert reply.startswith("Just to check: 4 of 10 on your left leg. Carrying on, or is that")


def test_a_batch_past_the_target_is_asked_as_a_check():
    chat = _at(9)
    reply = chat.say("count_rep", "another 3")
    assert reply.startswith("Just to check: 3 more makes 12, past the 10")

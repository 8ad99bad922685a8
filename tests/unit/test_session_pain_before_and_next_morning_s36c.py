"""Pain sets the plan (issue 17 item 5): pain before a session asked about as a question gets
"how bad?" (never the pain-for-weeks answer); worse the morning after the exercise, however it
is told, gets the load reduction and the next session; a score said beside an earlier one is
the score now; and the session started after it starts at the adjusted plan. Phrasings are
the team's own."""

import pytest

from coach.numbers import read_pain_score
from tests.unit.chat import Chat

PAIN_BEFORE_AS_A_QUESTION = [
    ("faq", "pain_that_persists", "my knee has been moaning at me all morning, can I still train?"),
    ("faq", "pain_that_persists", "my back is sore today, should I still do my session?"),
    ("nlu_fallback", None, "hip has been niggling since yesterday, ok to do the lifts?"),
    ("ask_frequency", None, "my lower back's been grumbling since I got up, can I do my reps?"),
    ("start_session", None, "my glutes ache a bit today, is it ok to do my exercises?"),
    ("faq", "pain_during_the_exercise", "my hip hurts today, could I still exercise?"),
]


@pytest.mark.parametrize(("intent", "key", "said"), PAIN_BEFORE_AS_A_QUESTION)
def test_pain_before_a_session_asked_as_a_question_gets_how_bad(intent, key, said):
    chat = Chat()
    reply = chat.say(intent, said, answer_key=key)
    assert chat.slots["pending_offer"] == "pain_severity", reply
    assert "How bad is it" in reply and "weeks" not in reply
    assert not chat.session
    reply = chat.say("pain", "about a 5")
    assert "lighter" in reply, reply  # the answer to the score says how today's goes


def test_a_hypothetical_question_about_pain_is_not_a_report():
    chat = Chat()
    chat.say("nlu_fallback", "can I still exercise if my back aches?")
    assert chat.slots.get("pending_offer") != "pain_severity"


WORSE_A_DAY_ON = [
    "did my exercises yesterday and this morning my knee is worse than it was before I started",
    "did my leg raises yesterday and today my hip is sorer than before I began",
    "had a go at the lifts yesterday, my hip's worse now than before I did them",
    "since my session yesterday my back has been sorer than before",
    "i did my workout yesterday and today my back is stiffer",
]


@pytest.mark.parametrize("said", WORSE_A_DAY_ON)
@pytest.mark.parametrize("intent", ["pain", "feel_worse"])
def test_worse_a_day_on_gets_the_load_reduction_and_the_next_session(intent, said):
    chat = Chat()
    reply = chat.say(intent, said)
    assert "step down" in reply and "Next session:" in reply, reply
    assert "How bad is it now" in reply
    assert chat.slots["level"] != "standard"


CURRENT_AND_EARLIER = [
    ("it's about a 4, earlier it was a 2 at the most", 4),
    ("roughly a 6, yesterday it was 3", 6),
    ("was a 2, now a 5", 5),
    ("a 5, up from 2", 5),
    ("about a 3, it was a 6 first thing", 3),
    ("yesterday a 2, today a 5", 5),
    ("down from 7, now a 3", 3),
    ("hurts about a 7, before it was only 4", 7),
    ("pain 5 today compared to a 3 last time", 5),
    ("back pain 6, was 3 before I started", 6),
    ("it was a 7 earlier", 7),  # only an earlier score: it is still what was said
]


@pytest.mark.parametrize(("said", "score"), CURRENT_AND_EARLIER)
def test_the_score_now_counts_over_an_earlier_one(said, score):
    assert read_pain_score(said, asked=True) == score


@pytest.mark.parametrize(
    ("said", "score"),
    [("my knee is at 6 now, yesterday it was a 3", 6), ("hurts like a 7, earlier only a 4", 7)],
)
def test_unasked_the_score_now_counts_too(said, score):
    assert read_pain_score(said) == score


START_AGAIN = [
    ("start_session", "right, can we do today's session now?"),
    ("nlu_fallback", "so shall we get going with today's session then"),
    ("start_session", "ok let's start"),
]


@pytest.mark.parametrize(("intent", "ask"), START_AGAIN)
def test_a_session_after_worse_next_morning_and_a_score_starts_lighter_and_says_so(intent, ask):
    chat = Chat()
    chat.say("pain", WORSE_A_DAY_ON[0])
    reply = chat.say("pain", "roughly a 5, it was a 3 before I began")
    assert "5 out of 10" in reply
    reply = chat.say(intent, ask)
    assert chat.session and not chat.session.get("over"), reply
    assert "lighter" in reply and "5 out of 10" in reply
    assert chat.session["level"] != "standard"


@pytest.mark.parametrize(("intent", "ask"), START_AGAIN)
def test_a_session_after_pain_before_it_starts_lighter_and_says_so(intent, ask):
    chat = Chat()
    chat.say("faq", PAIN_BEFORE_AS_A_QUESTION[0][2], answer_key="pain_that_persists")
    chat.say("pain", "it's a 4 now, it was a 1 yesterday")
    reply = chat.say(intent, ask)
    assert chat.session and not chat.session.get("over"), reply
    assert "lighter" in reply and "4 out of 10" in reply


@pytest.mark.parametrize("score", ["a 2, up from a 1", "3 now, was 1 before I began", "none now"])
def test_worse_a_day_on_with_low_pain_now_still_starts_lighter_and_says_why(score):
    chat = Chat()
    chat.say("feel_worse", WORSE_A_DAY_ON[1])
    chat.say("pain", score)
    reply = chat.say("start_session", "can we do today's session then")
    assert chat.session and "worse the morning after" in reply and "lighter" in reply, reply
    assert chat.session["level"] != "standard"


def test_a_worse_morning_noted_on_another_day_is_not_said():
    chat = Chat()
    chat.say("feel_worse", WORSE_A_DAY_ON[1])
    chat.say("pain", "a 2")
    chat.new_conversation(hours_later=30)
    reply = chat.say("start_session", "start my session")
    assert "worse the morning after" not in reply

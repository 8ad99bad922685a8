"""Pain said with no score in a message that also holds a count and/or a question, in any
session state: the count is recorded, the question answered, and how bad it is asked;
pain said is never dropped. And both legs' totals said once the second leg has reps
counted: the first leg keeps its count, the second is set (not added to), and a number
below what was counted is asked about."""

import pytest

from tests.unit.chat import after_a_paced_set, in_a_set

HOW_BAD = "How bad is it"
# What the classifier might make of a count with pain and a question: each must work.
INTENTS = ["report_reps", "count_rep", "pain", "nlu_fallback", "faq"]


def _say(chat, intent, text):
    if intent == "faq":  # in a session Rasa leaves the answer to the coach
        return chat.say(intent, text, answer_key="pain_during", answer_said=False)
    return chat.say(intent, text)


def _left(chat, set_number=1):
    return chat.session["reps"][set_number - 1]["left"]


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("done 5 - hamstring aching a little, ok to keep going?", 5),
        ("got 7, my knee's started aching, is it ok to carry on?", 7),
        ("6 so far but the back of my thigh is sore, should I keep at it?", 6),
    ],
)
def test_a_count_then_pain_with_no_score_and_a_question_counts_and_asks_how_bad(
    intent, said, count
):
    chat = in_a_set()
    reply = _say(chat, intent, said)
    assert _left(chat) == count
    assert f"{count} of 10" in reply and HOW_BAD in reply
    assert reply.index(f"{count} of 10") < reply.index(HOW_BAD)  # the count first
    assert "depends on how bad" in reply  # the question is answered briefly
    assert chat.slots["pending_offer"] == "pain_severity"
    reply = chat.say("count_rep", "about a 2")
    assert "2 out of 10" in reply and _left(chat) == count


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize(
    "said", ["3 more but my hip's twinging", "did 4 more, lower back aching now"]
)
def test_a_count_then_pain_with_no_score_and_no_question_asks_how_bad(intent, said):
    chat = in_a_set()
    chat.say("count_rep", "1")
    reply = _say(chat, intent, said)
    assert _left(chat) in (4, 5) and HOW_BAD in reply
    assert chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize(
    "said",
    ["my calf feels achy, is that normal?", "the front of my hip is aching, should I stop?"],
)
def test_pain_and_a_question_mid_set_is_asked_how_bad_and_counts_nothing(intent, said):
    chat = in_a_set()
    chat.say("count_rep", "1")
    chat.say("count_rep", "2")
    reply = _say(chat, intent, said)
    assert _left(chat) == 2
    assert HOW_BAD in reply and chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize("intent", ["faq", "nlu_fallback", "pain"])
def test_pain_with_a_question_at_rest_is_asked_how_bad(intent):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    reply = _say(chat, intent, "my glute is sore now, what should I do about it?")
    assert HOW_BAD in reply and chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize("intent", ["affirm", "report_reps", "pain", "nlu_fallback"])
@pytest.mark.parametrize(
    "said",
    ["yep got them all, my lower back's aching though, is that bad?", "did all ten. knee sore"],
)
def test_voice_a_paced_set_confirmed_with_pain_is_recorded_and_asked_about(intent, said):
    chat = after_a_paced_set()
    reply = chat.say(intent, said, metadata={"voice": True})
    assert _left(chat) == 10
    assert HOW_BAD in reply and chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize(
    "said", ["did 4, no pain at all, how many left?", "5 done, nothing hurts, keep going?"]
)
def test_a_count_with_pain_denied_is_not_asked_how_bad(said):
    chat = in_a_set()
    reply = chat.say("report_reps", said)
    assert HOW_BAD not in reply and chat.slots.get("pending_offer") != "pain_severity"


def _three_on_the_second_leg(first="did 10"):
    chat = in_a_set()
    chat.say("report_reps", first)
    for said in ("1", "2", "3"):
        chat.say("count_rep", said)
    assert chat.session["reps"][0]["right"] == 3
    return chat


@pytest.mark.parametrize(
    "said", ["finished 10 on both legs", "10 and 10 done", "both sides 10 each", "10 on each side"]
)
def test_both_legs_said_after_reps_on_the_second_leg_sets_each_leg_once(said):
    chat = _three_on_the_second_leg()
    reply = chat.say("report_reps", said)
    assert chat.session["reps"][0] == {"left": 10, "right": 10}  # not 13, the left kept
    assert "left leg" in reply and "set 1 done" in reply.lower()


def test_both_legs_said_keeps_a_lower_first_leg_and_says_so():
    chat = _three_on_the_second_leg(first="only managed 8")
    reply = chat.say("report_reps", "did 10 on both legs")
    assert chat.session["reps"][0] == {"left": 8, "right": 10}
    assert "left leg stays at the 8" in reply


def test_both_legs_below_what_the_second_leg_has_is_asked_about():
    chat = _three_on_the_second_leg()
    reply = chat.say("report_reps", "2 on each leg")
    assert chat.session["reps"][0] == {"left": 10, "right": 3}  # nothing guessed
    assert "2 more, or 2 in all" in reply
    chat.say("affirm", "2 more")
    assert chat.session["reps"][0]["right"] == 5

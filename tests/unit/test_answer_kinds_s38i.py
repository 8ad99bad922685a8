"""Answer kinds set 2026-11-28h showed (issue 16: answer the question that was asked): one
body part's alignment asked as a choice between two positions (that part's answer, not the
hold's or the back's), a pain said in passing before any question the rules can answer
(both, in one reply), and how to do it asked beside a see-soon sign (the sign's advice,
then the answer, framed for after the check)."""

import pytest

from coach import conversation, dialogue, red_flags
from tests.unit.chat import Chat

HOW_BAD = "how bad is it, from 0 (no pain) to 10 (the worst)?"


def _responses(chat: Chat) -> list[str]:
    return [m.response for m in chat.outcome.reply.messages if m.response]


# ---- 1. one part's alignment asked as a choice: that part's answer


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("on all fours, should my thighs be vertical or slanting back a bit?", "arms_and_thighs"),
        ("upper legs straight down or sloping?", "arms_and_thighs"),
        ("do I keep my arms straight or slightly bent when I kneel?", "arms_and_thighs"),
        ("elbows locked or soft?", "arms_and_thighs"),
        ("chin tucked or looking up at the wall?", "neck_and_head"),
        ("should my neck be tipped back or kept in a line with my spine", "neck_and_head"),
        ("is my head meant to be up or down while I hold the leg up", "neck_and_head"),
        ("with my back flat, is my head up or down?", "neck_and_head"),  # the nearest part
        ("my back - level or curved a bit?", "back_position"),
        ("is my spine supposed to be flat or arched as I hold it", "back_position"),
        ("is my lower back meant to be flat or slightly dipped", "back_position"),
        ("gaze at the floor or straight ahead?", "neck_and_head"),
        ("hands right under my shoulders or a bit forward?", "arms_and_thighs"),
    ],
)
def test_a_parts_position_asked_as_a_choice_is_that_parts_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "should the leg go up or out to the side",
        "is it 10 or 15 reps for me",
        "can I hold it up for 5 seconds or is that too long",
        "my neck aches, head up or down?",  # a pain said is acted on first
    ],
)
def test_no_part_or_a_pain_is_not_a_parts_choice(text):
    assert conversation.part_whose_position_is_a_choice(text) is None


# ---- 2. a pain said in passing, then any question the rules answer: both, in one reply


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("pulled my back shifting boxes haha, anyway sets and reps again please", "number_of_sets"),
        ("hip's twinging today lol. anyway remind me the reps n sets", "number_of_sets"),
        ("my knee is a little achy today but what's the rest period?", "rest_between_sets"),
        ("shoulder a bit sore from work, btw how long do i rest between sets", "rest_between_sets"),
        ("ankle's a bit sore, by the way any pointers on form", "form_tips"),
        ("neck's a bit sore from my desk but how often should these be done?", "sessions_per_week"),
        ("my hip is a bit sore but how many reps do I do per leg?", "reps_per_set"),
    ],
)
def test_a_pain_in_passing_then_a_question_gets_its_answer_and_how_bad(text, key):
    asked = conversation.question_after_passing_pain(text)
    assert asked and conversation.answer_to_passing_question(asked, None) == key
    assert conversation.rule_verdict("faq", [], text) == "pain"
    chat = Chat()
    said = chat.say("pain", text, answer_key=None)
    assert _responses(chat) == [conversation.answer_response(key)]
    assert HOW_BAD in said.lower()
    assert chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize(
    "text",
    [
        "my hip hurts but what should I do?",  # how bad decides
        "my knee is sore but should I keep going?",
        "back's a bit sore but what does that mean",
    ],
)
def test_a_pain_then_but_with_no_answer_named_stays_a_pain_report(text):
    assert conversation.question_after_passing_pain(text) is None


def test_an_emergency_with_a_question_in_passing_still_owns_the_turn():
    text = "back's sore and I've gone numb between my legs, anyway sets and reps?"
    assert conversation.rule_verdict("pain", [], text) == "red_flag"
    chat = Chat()
    chat.say("pain", text, answer_key=None)
    assert _responses(chat) == []


# ---- 3. how to do it asked beside a see-soon sign: the advice, then the answer, for later

SOON_ADVICE = "should check soon"  # from the see-soon advice (coach/red_flags.yml)


@pytest.mark.parametrize(
    "text",
    [
        "I'm 58 and my lower back has never been right since I came off a ladder. "
        "The physio wants me doing leg lifts, can you explain how they go?",
        "came off my bike last month and my back's been odd since; walk me through the steps",
    ],
)
def test_how_to_asked_beside_a_see_soon_sign_is_answered_after_the_advice(text):
    screening = red_flags.check(text)
    assert screening.flag is not None and screening.flag.urgency == red_flags.SOON
    chat = Chat()
    said = chat.say("red_flag", text)
    assert said.index(SOON_ADVICE) < said.index(dialogue.AFTER_THE_CHECK)
    assert _responses(chat) == [conversation.answer_response("how_to_do_it")]
    assert chat.slots["caution"]["urgency"] == red_flags.SOON


def test_an_emergency_with_how_to_asked_is_the_emergency_advice_only():
    text = "fell down the stairs and now I can't control my bladder; how do these go?"
    assert red_flags.check(text).flag.urgency == red_flags.EMERGENCY
    chat = Chat()
    said = chat.say("red_flag", text)
    assert _responses(chat) == [] and dialogue.AFTER_THE_CHECK not in said


def test_a_see_soon_sign_with_no_how_to_asked_is_the_advice_alone():
    text = "my lower back has never been right since I came off a ladder"
    chat = Chat()
    said = chat.say("red_flag", text)
    assert _responses(chat) == [] and dialogue.AFTER_THE_CHECK not in said

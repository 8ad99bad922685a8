"""Answer kinds set 2026-11-28d showed (issue 16: answer the question that was asked): a pain
said in passing before a question, one rep asked for, another exercise asked to be coached,
a condition the user guesses they have, and one's own pain asked about before exercising."""

import pytest
from rasa.shared.nlu.constants import INTENT

from coach import conversation
from coach import protocol as p
from tests.unit.chat import Chat
from tests.unit.test_nlu_components import message
from tests.unit.test_responses import ALL_RESPONSES

HOW_BAD = "How bad is it, from 0 (no pain) to 10 (the worst)?"


def _response_text(key: str) -> str:
    return ALL_RESPONSES[conversation.answer_response(key)][0]["text"]


def _responses(chat: Chat) -> list[str]:
    return [m.response for m in chat.outcome.reply.messages if m.response]


# ---- 1. a pain said in passing, then a question: the answer, then how bad, in one turn

PASSING = [
    ("my knee is a touch sore haha but anyway how long do i hold each lift", "how_long_to_hold"),
    ("hip aches a bit after the school run - anyhow, when should I add ankle weights?", None),
    ("lower back's been stiff and sore this week. by the way, do i need a mat", None),
    ("glutes hurt a little from yesterday, besides that what are the benefits", None),
    ("my hamstring is a bit achy, unrelated but how many sessions a week?", None),
    ("knee twinges now and then lol, btw how fast should the lift be", "speed"),
]


@pytest.mark.parametrize(("text", "_key"), PASSING)
def test_pain_in_passing_then_a_question_is_a_pain_report_so_rasa_says_nothing_first(text, _key):
    assert conversation.question_after_passing_pain(text)
    for intent in ("faq", "nlu_fallback", "pain"):
        assert conversation.rule_verdict(intent, [], text) == "pain"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my knee is a bit sore haha but anyway how long do i hold each", "how_long_to_hold"),
        ("knee twinges now and then lol, btw how fast should the lift be", "speed"),
        ("back's a little sore today. anyway, what counts as one rep?", "one_rep"),
    ],
)
def test_the_question_after_the_pain_settles_its_own_answer(text, key):
    asked = conversation.question_after_passing_pain(text)
    assert conversation.answer_named_by_words(asked) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my knee is a touch sore haha but anyway how long do i hold each lift", None),
        ("lower back gets achy most evenings - anyway, how many sets is it", "number_of_sets"),
        ("hip is sore-ish, by the way are mornings or evenings better", "time_of_day"),
    ],
)
def test_the_answer_comes_first_then_how_bad_and_the_pain_is_kept(text, key):
    chat = Chat()
    said = chat.say("pain", text, answer_key=key)
    expected = key or conversation.answer_named_by_words(
        conversation.question_after_passing_pain(text)
    )
    assert _responses(chat) == [conversation.answer_response(expected)]
    assert said.strip().endswith(HOW_BAD + " You can also say mild, moderate or severe.")
    messages = chat.outcome.reply.messages
    assert messages[-1].text.endswith("mild, moderate or severe.")  # how bad comes last
    assert chat.slots["pending_offer"] == "pain_severity"
    assert "Pain of 2 out of 10" in chat.say("pain", "about a 2")


def test_an_answer_about_pain_itself_is_left_to_how_bad():
    chat = Chat()
    said = chat.say(
        "pain",
        "my knee is a bit sore, anyway what are the benefits",
        answer_key="pain_during_the_exercise",
    )
    assert not _responses(chat)  # the selector's pain answer: how bad answers it
    assert HOW_BAD in said


def test_a_score_or_a_red_flag_before_the_turn_still_wins_outright():
    severe = "back hurts like 8/10 but anyway how many reps"
    assert conversation.question_after_passing_pain(severe) is None
    chat = Chat()
    said = chat.say("pain", severe, answer_key="reps_per_set")
    assert not _responses(chat)
    assert "Pain of 8 out of 10" in said
    flag = "my back aches and i've gone numb around my groin, anyway how many sets"
    assert conversation.rule_verdict("faq", [], flag) == "red_flag"


@pytest.mark.parametrize(
    "text",
    [
        "anyway how many sets",  # nothing said before the turn
        "my back feels fine, anyway how many sets",  # no pain said
        "no pain at all today, by the way how long is the hold",  # pain denied
        "my knee was sore last week, anyway does it hurt more with weights?",  # pain asked
        "my hip is sore, anyway",  # no question after the turn
    ],
)
def test_no_question_after_a_passing_pain(text):
    assert conversation.question_after_passing_pain(text) is None


def test_the_nlu_picks_the_question_parts_answer_for_a_passing_pain():
    from nlp.components import EntityRulesIntentCorrector

    text = "knee twinges now and then lol, btw how fast should the lift be"
    msg = message(text, [("faq", 0.8)], [("knee_pain", 0.7), ("speed", 0.2)])
    EntityRulesIntentCorrector().process([msg])
    assert msg.get(INTENT)["name"] == "pain"
    picked = msg.get("response_selector")["default"]
    assert picked["response"]["intent_response_key"] == "faq/speed"


# ---- 2. one rep asked for: the lift, the hold and the lowering, not the whole how-to


@pytest.mark.parametrize(
    "text",
    [
        "talk me through a single rep please",
        "walk me thru one rep",
        "what does one rep actually look like?",
        "what counts as a rep",
        "describe a single repetition",
        "how do i do just one rep",
        "how does a rep go?",
    ],
)
def test_one_rep_asked_is_the_one_rep_answer(text):
    assert conversation.answer_named_by_words(text) == "one_rep"
    assert conversation.rule_verdict("start_session", [], text) == "faq"  # never a session


def test_the_one_rep_answer_is_lift_hold_lower_with_the_protocols_hold():
    said = _response_text("one_rep")
    assert p.HOLD_SECONDS.spoken("seconds") in said
    assert "lower it slowly" in said and "straight leg back" in said
    assert "10 to 15" not in said and "2 sets" not in said  # no dose: one rep only


@pytest.mark.parametrize(
    "text",
    ["walk me through one", "walk me through them", "how many reps", "can i do one rep at a time"],
)
def test_a_session_or_the_dose_is_not_one_rep(text):
    assert conversation.answer_named_by_words(text) != "one_rep"


# ---- 3. another exercise asked to be coached: out of scope, never a session start


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("coach me through a glute bridge", "glute bridge"),
        ("can you guide me through some clamshells", "clamshells"),
        ("talk me through a plank please", "plank"),
        ("take me through 3 sets of squats", "squats"),
        ("could you lead me through the bird dog", "bird dog"),
        ("help me with a dead bug", "dead bug"),
    ],
)
def test_another_exercise_to_be_coached_is_out_of_scope(text, exercise):
    assert conversation.other_exercise_to_be_coached(text) == exercise
    for intent in ("start_session", "faq", "nlu_fallback", "out_of_scope"):
        assert conversation.rule_verdict(intent, [], text) == "out_of_scope"
    chat = Chat(screened=False)
    said = chat.say("out_of_scope", text)
    assert f"I only coach the {p.EXERCISE_NAME}" in said and "physio" in said
    assert chat.session is None and "bladder" not in said  # no session, no checklist


def test_being_coached_through_this_exercise_still_starts():
    for text in ("coach me through my leg lifts", "walk me through a session"):
        assert conversation.other_exercise_to_be_coached(text) is None
        assert conversation.rule_verdict("start_session", [], text) != "out_of_scope"


# ---- 4. a condition the user guesses they have: no diagnosis, a clinician


@pytest.mark.parametrize(
    "text",
    [
        "i reckon ive got a kidney stone, what do i do",
        "think i might have a UTI, advice?",
        "pretty sure it's sciatica, what now",
        "maybe i've got a hernia? should i worry",
        "i suspect i have a slipped disc",
        "could be getting gout in my toe, any tips",
    ],
)
def test_a_guessed_condition_gets_the_cannot_diagnose_answer(text):
    assert conversation.rule_verdict("nlu_fallback", [], text) == "ask_medical"
    said = Chat().say("ask_medical", text)
    assert "can't diagnose" in said and "doctor" in said


@pytest.mark.parametrize(
    "text",
    [
        "i might have a go later",
        "i think i've got time for one more set",
        "i may have done too many reps",
    ],
)
def test_everyday_might_and_think_are_no_condition(text):
    assert not conversation.SELF_DIAGNOSED.search(text)


def test_a_red_flag_with_a_guessed_condition_still_wins():
    text = "i think i have a kidney stone and i've lost control of my bladder"
    assert conversation.rule_verdict("faq", [], text) == "red_flag"


# ---- 5. one's own pain before exercising, read as a question: the pain owns the turn


@pytest.mark.parametrize(
    "text",
    [
        "my lower back aches this morning, is it ok to do my leg lifts",
        "my glute is aching since last night, safe to work out?",
        "my back feels sore, should i skip today",
        "left knee is achy, okay to carry on with them today?",
    ],
)
def test_own_pain_before_exercising_read_as_a_question_is_pain(text):
    assert conversation.rule_verdict("faq", [], text) == "pain"
    chat = Chat()
    said = chat.say("pain", text)
    assert not _responses(chat) and HOW_BAD in said


def test_pain_asked_about_as_a_what_if_is_no_report():
    assert not conversation.own_pain_asked_before_exercising(
        "if my knee gets sore can i still train?"
    )

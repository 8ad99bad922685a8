"""Answer kinds set 2026-11-28e showed (issue 16: answer the question that was asked): a
body part named in a passing pain (the "lower" of "lower back") must not steer the answer,
the question ending a long story decides its answer, and everyday off-topic requests with
a word an answer keys on ("quick", "long", "how many") are out of scope."""

import pytest

from coach import conversation
from tests.unit.chat import Chat

HOW_BAD = "How bad is it, from 0 (no pain) to 10 (the worst)?"


def _responses(chat: Chat) -> list[str]:
    return [m.response for m in chat.outcome.reply.messages if m.response]


# ---- 1. a passing pain's body part never picks the answer: the question part does


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "lower tummy is a bit sore this morning, but quick question, how many sets?",
            "number_of_sets",
        ),
        ("my lower back aches a little, quick q - how many reps am i aiming for", "reps_per_set"),
        (
            "lower body's achy from the walk anyway, random question, how often a week?",
            "sessions_per_week",
        ),
        ("hip flexor feels sore today, anyway how many sets do i do", "number_of_sets"),
        ("back of my knee aches a touch, btw how many lifts per set", "reps_per_set"),
    ],
)
def test_the_question_part_settles_the_answer_after_a_passing_pain(text, key):
    asked = conversation.question_after_passing_pain(text)
    assert asked and "sore" not in asked and "ache" not in asked
    assert conversation.rule_verdict("faq", [], text) == "pain"
    # the selector's reading of "lower" in the pain part is overruled by the question's
    assert conversation.answer_to_passing_question(asked, "lowering_the_leg") == key


@pytest.mark.parametrize(
    ("asked", "selected"),
    [
        ("what should i wear?", "lowering_the_leg"),  # the "lower" was in "lower back"
        ("hold on, what mat is best?", "how_long_to_hold"),
        ("is a towel ok under me?", "knee_straight"),
    ],
)
def test_a_pick_resting_on_a_word_the_question_lacks_is_dropped(asked, selected):
    assert conversation.answer_to_passing_question(asked, selected) is None


def test_a_pick_the_question_supports_is_kept():
    assert conversation.answer_to_passing_question("is it ok to drop it quickly?", None) in (
        "lowering_the_leg",
        None,
    )
    assert (
        conversation.answer_to_passing_question("what about the way down?", "lowering_the_leg")
        == "lowering_the_leg"
    )


def test_the_coach_answers_the_sets_not_the_lowering_then_asks_how_bad():
    text = "my lower back's a little achy today, anyway but quick q, how many sets should i do"
    chat = Chat()
    said = chat.say("pain", text, answer_key="lowering_the_leg")
    assert _responses(chat) == [conversation.answer_response("number_of_sets")]
    assert HOW_BAD in said
    assert chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize(
    "text",
    [
        "my lower back feels great, how many sets?",
        "lower body day yesterday, how many reps do i do",
        "hold on, how many sets is it",
        "leg day tomorrow, how often should i do these a week",
    ],
)
def test_no_answer_rule_reads_a_compound_as_the_lowering_or_the_hold(text):
    assert conversation.answer_named_by_words(text) not in ("lowering_the_leg", "how_long_to_hold")


# ---- 2. a long story ending in a question: the question sentence decides


@pytest.mark.parametrize(
    "text",
    [
        "Hello! My physio gave me these a fortnight ago. Mostly going well, though my thigh "
        "was trembling by about the sixth one. What should I do if I tire out partway "
        "through?",
        "Been doing them for a month now. Last night both legs felt like jelly near the end of "
        "the second set. What am I meant to do when I run out of steam mid-set?",
        "Quick background: I'm new to exercise. I got pretty knackered doing them earlier. "
        "What do I do if I get tired before the set is done?",
    ],
)
def test_the_closing_question_of_a_story_decides_the_answer(text):
    assert conversation.answer_named_by_words(text) == "breaks_when_tired"


def test_tiring_mid_set_asked_alone_is_the_break_answer():
    text = "what am i supposed to do if i get tired halfway through a set?"
    assert conversation.answer_named_by_words(text) == "breaks_when_tired"


def test_a_story_naming_an_operation_still_decides():
    text = "I had a hip replacement in May. How many sets should I do?"
    assert conversation.answer_named_by_words(text) == "after_hip_replacement"


def test_pain_in_the_story_keeps_winning_over_the_closing_question():
    # the speed asked alone is the speed answer; with a pain told first, how bad comes first
    assert conversation.answer_named_by_words("How fast should I lift?") == "speed"
    text = "Did them this morning. My knee is sore now. How fast should I lift?"
    assert conversation.answer_named_by_words(text) is None


# ---- 3. everyday off-topic requests: out of scope, whatever generic word they hold


@pytest.mark.parametrize(
    "text",
    [
        "quick curry recipe please?",
        "how long do i bake a potato for",
        "how many eggs go in pancakes, need a recipe",
        "what's the weather doing this weekend, will it rain",
        "any quick films to watch on netflix?",
        "help me with my maths homework, how many sides does a pentagon have",
        "how long is a flight to rome",
        "best time to book a train to leeds",
        "need a shopping list for a quick dinner",
    ],
)
def test_an_off_topic_request_is_out_of_scope(text):
    assert conversation.answer_named_by_words(text) is None
    for intent in ("faq", "nlu_fallback", "start_session"):
        assert conversation.rule_verdict(intent, [], text) == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "can i do them in a hotel room when i travel?",
        "is it fine to do the leg lifts outside when it's sunny",
        "how long after baking should i wait before a session",
    ],
)
def test_the_exercise_named_keeps_it_in_scope(text):
    assert not conversation.OFF_TOPIC_REQUEST.search(text)


def test_pain_said_with_an_everyday_word_is_still_pain():
    text = "my hip aches when i cook for long, is that normal"
    assert conversation.rule_verdict("pain", [], text) != "out_of_scope"


def test_a_stop_said_beside_the_weather_is_left_to_its_own_intent():
    text = "it's starting to rain, i'll stop here"
    assert conversation.rule_verdict("stop_session", [], text) != "out_of_scope"

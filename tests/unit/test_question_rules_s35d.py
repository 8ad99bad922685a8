"""Question kinds set s35c showed (issue 16): the body turned to get the leg higher (the
pelvis stays still); "it's easy, can I do more?" (the build-up, not pain with more reps);
when to start on weights (the ankle weight's answer); eating to lose weight (the diet
redirect, not eating before a session); another part's pain asked why (the doctor or
physio, never a diagnosis); the stretch answer saying it covers this exercise only."""

from pathlib import Path

import pytest
import yaml

from coach import conversation

RESPONSES = Path(__file__).resolve().parents[2] / "data" / "responses" / "practical.yml"

DIET = [{"entity": "off_topic", "value": "eat"}]


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to rotate my hips a little so my leg gets higher?",
        "can I twist the torso to lift it higher",
        "my body tilts when I try to get more height, fine?",
    ],
)
def test_turning_the_body_for_height_is_the_pelvis_still_answer(text):
    assert conversation.answer_named_by_words(text) == "keeping_the_pelvis_still"


def test_lifting_higher_with_no_turn_is_still_the_height_answer():
    assert conversation.answer_named_by_words("should I raise my leg higher than my back?") == (
        "how_high_to_lift"
    )


@pytest.mark.parametrize(
    "text, answer",
    [
        ("12 lifts feel easy these days, could I do a few more?", "the_build_up_target"),
        ("twenty are easy now, can I do more?", "harder_variations"),  # the top: harder
    ],
)
def test_easy_and_asking_for_more_is_the_next_step(text, answer):
    assert conversation.answer_named_by_words(text) == answer


def test_asking_for_more_with_pain_is_not_the_build_up():
    assert conversation.answer_named_by_words("12 is easy but my back aches, can I do more?") != (
        "the_build_up_target"
    )


@pytest.mark.parametrize(
    "text",
    [
        "at what point do I go on to using ankle weights",
        "when is it time to add resistance?",
        "when can I try weights",
    ],
)
def test_when_to_add_weight_is_the_ankle_weight_answer(text):
    assert conversation.answer_named_by_words(text) == "ankle_weights"
    assert conversation.rule_verdict("nlu_fallback", [], text) == conversation.QUESTION_INTENT


def test_when_to_add_weight_with_pain_said_is_not_settled_as_the_weights():
    text = "when do I add weight, my hip aches"
    assert conversation.answer_named_by_words(text) is None
    assert conversation.rule_verdict("nlu_fallback", [], text) is None


@pytest.mark.parametrize(
    "text",
    [
        "what do I eat to shed 5 kilos before my wedding",
        "what food helps me drop two dress sizes before the summer",
    ],
)
def test_eating_to_lose_weight_is_off_topic(text):
    assert conversation.asks_off_topic(conversation.QUESTION_INTENT, DIET, text, "eating_before")


@pytest.mark.parametrize("text", ["is it ok to eat before the session?", "snack beforehand?"])
def test_eating_around_a_session_is_the_food_answer(text):
    assert not conversation.asks_off_topic(
        conversation.QUESTION_INTENT, DIET, text, "eating_before"
    )


@pytest.mark.parametrize(
    "text",
    [
        "why does my elbow ache after typing all day?",
        "my jaw is sore in the mornings, any idea why",
    ],
)
def test_another_parts_pain_asked_why_is_the_medical_redirect(text):
    assert conversation.rule_verdict("pain", [], text) == "ask_medical"


@pytest.mark.parametrize(
    "text",
    [
        "my shoulder hurts, what should I do",  # no why: how bad it is
        "my shoulder hurts during the leg lifts, why?",  # with the exercise: the pain steps
        "my back hurts when I lie in bed, why?",  # a part the lift uses
    ],
)
def test_pain_not_asked_why_or_in_a_part_the_lift_uses_stays_pain(text):
    assert conversation.rule_verdict("pain", [], text) is None


def test_the_stretch_answer_says_it_covers_this_exercise_only():
    responses = yaml.safe_load(RESPONSES.read_text())["responses"]
    text = responses["utter_faq/stretching_afterwards"][0]["text"]
    assert "this exercise" in text and "physio or trainer" in text

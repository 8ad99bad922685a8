"""Question kinds set 2026-11-28b showed (issue 16): two days in a row asked with day names,
a variation named beside a place or someone's advice, equipment misheard by a speech
recogniser, which muscles it works asked as an either/or, a burn in the working muscles
asked whether normal, and another exercise's form asked to be checked."""

import pytest

from coach import conversation
from nlp.spelling import Corrector, domain_words
from tests.unit.test_responses import ALL_RESPONSES


def _response_text(key: str) -> str:
    return ALL_RESPONSES[conversation.answer_response(key)][0]["text"]


# ---- 1. two days in a row: the gap between sessions (48 to 72 hours, not consecutive days)


@pytest.mark.parametrize(
    "text",
    [
        "is it fine to do them wednesday and thursday",
        "could I squeeze in fri then sat this week",
        "doing them back-to-back days, any harm?",
        "three days running, too much?",
        "what about today and tomorrow?",
        "can I do sessions on consecutive days",
        "two mornings in a row alright?",
    ],
)
def test_two_days_in_a_row_is_the_gap_between_sessions(text):
    assert conversation.answer_named_by_words(text) == "gap_between_sessions"
    said = _response_text("gap_between_sessions")
    assert "48 to 72 hours" in said and "not two days in a row" in said


@pytest.mark.parametrize(
    "text",
    [
        "can I do both sets back to back without a break",  # the rest between sets
        "my hip hurt monday and tuesday, should I carry on",  # pain said
    ],
)
def test_sets_back_to_back_or_pain_over_two_days_is_not_the_gap(text):
    assert conversation.answer_named_by_words(text) != "gap_between_sessions"


# ---- 2. a named variation beside a place or someone's advice: that variation


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my pilates teacher told me to lean over a big ball for these, how?", "ball_variation"),
        ("a guy at the gym does them with a band round his feet, should I", "resistance_band"),
        ("saw a youtube video with ankle weights on, worth it?", "ankle_weights"),
        ("my trainer suggested doing them on a bench at the gym", "in_bed"),
        (
            "friend said you can do these lying flat on your front at home",
            "lying_face_down_version",
        ),
    ],
)
def test_a_variation_outranks_the_place_or_advice_it_is_said_with(text, key):
    assert conversation.answer_named_by_words(text) == key


def test_a_place_alone_names_no_variation():
    assert conversation.variation_named_with_a_place("can I do them at the gym?") is None


# ---- 3. equipment misheard by a speech recogniser


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("should I get some ankle waits", "should I get some ankle weights"),
        ("how heavy an ankle weigh", "how heavy an ankle weight"),
        ("do I need a resistant band", "do I need a resistance band"),
        ("can I use my exercise bawl", "can I use my exercise ball"),
        ("swiss bowl version?", "swiss ball version?"),
    ],
)
def test_equipment_soundalikes_are_heard_as_the_equipment(heard, meant):
    assert conversation.equipment_heard(heard) == meant


@pytest.mark.parametrize(
    "text", ["wait, how many reps?", "the ankle stays relaxed", "a bowl of porridge first?"]
)
def test_the_words_alone_are_left_as_said(text):
    assert conversation.equipment_heard(text) == text


def test_the_spelling_layer_hears_the_equipment_too():
    corrector = Corrector(domain_words([]))
    assert "ankle weights" in corrector.correct("when do I add ankle waits")


def test_a_misheard_ankle_weight_gets_the_ankle_weights_answer():
    assert conversation.answer_named_by_words("when can I start using ankle waits") == (
        "ankle_weights"
    )


# ---- 4. which part it works, as an either/or: the muscles worked, said directly


@pytest.mark.parametrize(
    "text",
    [
        "is it a leg workout or a core workout",
        "does it target the hamstrings or the glutes more",
        "more for the bottom or the lower back?",
        "hips or back, which does this strengthen",
    ],
)
def test_which_part_as_an_either_or_is_the_muscles_worked(text):
    assert conversation.answer_named_by_words(text) == "muscles_worked"


def test_where_to_feel_it_as_an_either_or_is_not_the_muscles_worked():
    assert conversation.answer_named_by_words("should I feel it in my back or my bum") != (
        "muscles_worked"
    )


# ---- 5. a burn or tiredness in the working muscles, asked whether normal


@pytest.mark.parametrize(
    "text",
    [
        "my glutes are burning by the end of the set, is that normal",
        "bum cheeks feel tired after 10 lifts, expected?",
        "hamstrings shaking a bit on the last reps, is that ok",
        "should it burn in the muscles?",
    ],
)
def test_a_burn_in_the_working_muscles_is_normal_effort(text):
    assert conversation.answer_named_by_words(text) == "where_to_feel_it"
    said = _response_text("where_to_feel_it")
    assert "normal muscle effort" in said and "sharp pain is not" in said


@pytest.mark.parametrize(
    "text",
    [
        "sharp burning in my knee on the reps, normal?",  # sharp, a joint: not effort
        "burning in my glutes the next day, normal?",  # the next day: soreness
    ],
)
def test_a_sharp_or_joint_pain_or_the_next_day_is_not_muscle_effort(text):
    assert conversation.answer_named_by_words(text) != "where_to_feel_it"


# ---- 6. another exercise's form asked to be checked: the other-exercise redirect


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("could you look at my squat technique, knees cave in", "squat"),
        ("is my deadlift form right? back rounds a bit", "deadlift"),
        ("check my push-ups please, elbows flare", "push-ups"),
    ],
)
@pytest.mark.parametrize("intent", ["faq", "nlu_fallback"])
def test_another_exercises_form_is_the_other_exercise_redirect(text, exercise, intent):
    assert conversation.rule_verdict(intent, [], text) == "out_of_scope"
    reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
    assert exercise in reply.messages[0].text and "only coach" in reply.messages[0].text


def test_the_leg_lifts_form_is_still_ours():
    assert conversation.other_exercise_form_asked("can you check my leg lift form") is None

"""Question kinds set uu showed (issue 16): the next rung from the bent-knee version, a back
operation named, other versions of the lift, other exercises asked for, something else
asked to suit a condition, the reps' speed said with a dose, and a step up asked for with
no session running."""

import pytest

from coach import answers, conversation, dialogue
from tests.unit.chat import Chat


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "three weeks on bent knee lifts and they feel light, where do I go from here",
            "from_bent_to_straight_leg",
        ),
        ("12 a side with the knee bent is comfy, what's next?", "from_bent_to_straight_leg"),
        ("bent knee ones are too hard, what now?", None),  # still too hard: no step up
        ("12 a side is comfy, what's next?", "the_build_up_target"),  # no version named
        ("had a laminectomy in spring, am I ok to begin?", "after_back_surgery"),
        ("spinal fusion last year, is it safe?", "after_back_surgery"),
        ("my shoulder op was a month ago, ok to start?", "after_surgery"),
        ("what variants of this lift are there", "harder_variations"),
        ("are there other ways of doing the exercise", "harder_variations"),
        ("any easier variations?", None),  # the easier versions are the selector's
    ],
)
def test_uu_question_kinds_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "redirected"),
    [
        ("which ab exercises go well apart from these?", True),
        ("could you add my shoulder exercises as well, wall slides and so on", True),
        ("how many sets of this exercise?", False),
        ("is this exercise ok with a bad knee?", False),
    ],
)
def test_other_exercises_asked_for_get_the_redirect(text, redirected):
    verdict = conversation.rule_verdict(conversation.QUESTION_INTENT, [], text, "tummy_squeeze")
    assert (verdict == "out_of_scope") is redirected
    if redirected:
        reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
        assert reply.messages[0].text == answers.other_exercise_answer(answers.OTHER_TRAINING)


BACK_PAIN = [{"entity": "body_part", "value": "back"}, {"entity": "pain_word", "value": "pain"}]


@pytest.mark.parametrize("intent", ["pain", "faq", "ask_benefits"])
def test_a_diet_asked_to_suit_a_condition_is_off_topic(intent):
    entities = [{"entity": "off_topic", "value": "vegan"}, *BACK_PAIN]
    text = "would going vegan be good for my back pain"
    assert conversation.rule_verdict(intent, entities, text, "low_back_pain") == "out_of_scope"
    # with a score said it is a pain report first
    assert conversation.rule_verdict("pain", entities, text + ", it's 7/10", None) is None


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("is this good for back pain", BACK_PAIN),
        (
            "sore back for ages, office chair all day, would these help my back pain?",
            [{"entity": "off_topic", "value": "office chair"}, *BACK_PAIN],
        ),
    ],
)
def test_the_exercise_asked_to_suit_a_condition_is_still_that_conditions_answer(text, entities):
    verdict = conversation.rule_verdict("pain", entities, text, "low_back_pain")
    assert verdict == conversation.QUESTION_INTENT


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("doing 25 a leg as quick as I can, too much?", True),
        ("I rush through them, 20 each side, is that ok", True),
        ("20 each side, too much?", False),
        ("how fast will I see results", False),
    ],
)
def test_the_reps_speed_said_with_a_dose_is_answered_too(text, speed):
    assert (dialogue._answer_named_by_grammar(text) == "speed") is speed


def test_a_step_up_asked_with_no_session_gets_the_harder_versions_not_the_session_state():
    chat = Chat(disclaimer_given=True)
    chat.say("continue_session", "too easy now, what next")
    responses = [m.response for m in chat.outcome.reply.messages]
    assert "utter_faq/harder_variations" in responses
    assert answers.NO_SESSION not in [m.text for m in chat.outcome.reply.messages]

"""Question kinds set zz showed (issue 16): a diagnosis asked for with an everyday thing
said beside it (never a diagnosis); an operation named in a message that asks something
else too (the surgeon's plan first, the names after it); reps said plainly "on each leg"."""

import pytest

from coach import answers, conversation, pain
from tests.unit.chat import Chat


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("could this be sciatica? my leg aches sitting on the sofa", "pain"),
        ("have I got arthritis, it's sore getting out of the car", "pain"),
        ("is that a pinched nerve in my back or something else", "ask_medical"),
        ("what's going on with my lower back lately", "ask_medical"),
        ("is it a strain on the knees to kneel on a hard floor?", None),  # effort, not injury
        ("what's wrong with my technique, my leg drops", None),  # the form, not a diagnosis
    ],
)
def test_a_diagnosis_asked_is_never_the_everyday_things_answer(text, verdict):
    assert conversation.rule_verdict("faq", [], text, "shoes") == verdict


def test_a_diagnosis_asked_with_pain_says_who_can_tell_then_asks_how_bad():
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", "do I have a bulging disc? it aches when I put my socks on")
    assert pain.CANT_DIAGNOSE in said and "how bad" in said.lower()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("knee op in spring; handout calls it hip extension, same one?", "after_knee_surgery"),
        ("new hip since May, leaflet says prone SLR, is that this one?", "after_hip_replacement"),
        ("had back surgery, can I go on all fours yet?", "after_back_surgery"),
        ("my physio's sheet says prone hip extension, is that the same exercise?", "other_names"),
    ],
)  # fmt: skip
def test_an_operation_named_outranks_the_other_question(text, key):
    assert conversation.answer_named_by_words(text) == key


def test_the_names_follow_the_operation_answer_when_asked():
    text = "new hip since May, leaflet says prone SLR, is that this one?"
    said = Chat(disclaimer_given=True).say("faq", text, answer_key="after_hip_replacement")
    assert answers.SAME_EXERCISE in said
    said = Chat(disclaimer_given=True).say(
        "faq", "new hip since May, can I kneel?", answer_key="after_hip_replacement"
    )
    assert answers.SAME_EXERCISE not in said


def test_the_reps_answer_says_each_leg():
    assert "on each leg" in answers.ANSWERS["reps"].short


def test_a_diagnosis_asked_is_not_taken_for_pain_during_the_lift():
    said = Chat(disclaimer_given=True).say("pain", "is this arthritis? it hurts on stairs")
    assert pain.CANT_DIAGNOSE in said and "during the lift" not in said
    assert "how bad" in said.lower()


def test_a_diagnosis_asked_with_no_pain_says_who_can_tell_and_what_to_do_meanwhile():
    said = Chat(disclaimer_given=True).say("ask_medical", "could it be a pinched nerve?")
    assert pain.CANT_DIAGNOSE in said and pain.MEANWHILE in said
    said = Chat(disclaimer_given=True).say("ask_medical", "can I take ibuprofen first?")
    assert pain.CANT_DIAGNOSE not in said

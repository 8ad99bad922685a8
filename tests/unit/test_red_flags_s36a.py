"""Issue 15, stop 36 (s36a): red flags on any wording, by kind.

- A sign feared or guarded against, not had ("scared of getting ... when I'm older", "in
  case I ever get ...", "don't want to end up with ..."), is no report: nothing flagged.
- "Is it normal to <an emergency sign> after / with back pain?": the sign tied to the
  asker's own back pain ("your" is the generic you) is the asker's emergency.
- Weight said to fall or clothes to hang off, with no diet; no wee passed for a while;
  "haven't gone all day" with no loo named is asked about.
- A cancer seen in a programme, legs heavy under ankle weights and "should I stop if ...?"
  are not flagged.
"""

import pytest

from coach import red_flags
from coach.red_flags import EMERGENCY, SIGNS, check, screen


def verdict(text: str) -> str:
    result = check(text)
    if result.flag is not None:
        return result.flag.urgency
    return "asked" if result.suspected is not None else "none"


# -- a fear of what may come ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "terrified of ending up incontinent like my nan when I'm older",
        "doing my lifts in case I ever get bladder trouble later on",
        "worried I'll lose feeling down below one day",
        "anxious about developing erection problems as I get older",
        "I'm scared of losing control of my bowels in the future",
        "don't want to end up unable to get it up like my uncle",
        "so scared I'll get saddle numbness one day",
        "I dread my legs giving way in old age",
        "afraid of becoming incontinent, is there anything to prevent it",
        "my biggest fear is getting numb legs eventually",
        "petrified I might lose bladder control as I age",
        "keen to do these to ward off bowel problems later in life",
    ],
)
def test_a_sign_feared_for_the_future_is_not_flagged(text):
    assert screen(text) is None, (text, check(text))


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # A fear said beside a sign the user has: the sign stands.
        ("I'm worried because I can't pee", "bladder"),
        ("scared, I've wet myself twice today", "incontinence"),
        ("worried that I have lost feeling in my groin", "saddle_numbness"),
        ("scared I'm losing control of my bladder", "incontinence"),
        # Said to have happened already, or there now and feared to get worse.
        ("scared my legs will give way again", "legs_giving_way"),
        ("I'm terrified I'll wet myself again like this morning", "incontinence"),
        ("worried the numbness in my groin will get worse", "saddle_numbness"),
        ("worried I might have saddle numbness", "saddle_numbness"),
        # A movement feared, not a sign.
        ("scared of getting up as my legs keep buckling under me", "legs_giving_way"),
    ],
)
def test_a_fear_beside_a_sign_the_user_has_still_flags_it(text, sign):
    assert screen(text) is SIGNS[sign], (text, check(text))


# -- "is it normal to <an emergency sign> with back pain?" ---------------------------------


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("is it normal to lose control of your bladder with a bad back?", "incontinence"),
        ("is it normal to be unable to get an erection after back pain?", "sexual_function"),
        ("is it normal to have no feeling in the saddle area when your back hurts?",
         "saddle_numbness"),
        ("is it normal to not be able to pee with a bad back?", "bladder"),
        ("is it normal to wet yourself with a bad back?", "incontinence"),
        ("is it normal to lose bowel control since having back trouble?", "incontinence"),
    ],
)  # fmt: skip
def test_is_it_normal_to_have_an_emergency_sign_with_back_pain_is_flagged(text, sign):
    result = check(text)
    assert result.flag is SIGNS[sign] and result.flag.urgency == EMERGENCY, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        # Said of people in general, or asked for something else: still a question.
        "is it normal for people to lose bladder control with back pain?",
        "is it normal to wet yourself with back pain? asking for a quiz",
        # A soon sign: asked about (its yes/no question), by design.
        "is it normal to lose weight when you have back pain?",
        # No back pain named: a question about the sign in general.
        "what happens if your legs go numb every day?",
    ],
)
def test_is_it_normal_said_of_anyone_or_of_a_soon_sign_is_not_flagged(text):
    result = check(text)
    assert result.flag is None and result.about is not None, (text, result)


# -- weight, wee and "haven't gone" ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my weight has gone down a lot, eating like always",
        "weights dropping off and I eat the same as ever",
        "my shirts hang off me now and I eat plenty",
        "the pounds have dropped off me without me trying",
        "the weight is falling off me and I haven't changed my diet",
    ],
)
def test_weight_said_to_fall_with_no_diet_is_weight_loss(text):
    assert screen(text) is SIGNS["weight_loss"], (text, check(text))


@pytest.mark.parametrize(
    "text",
    [
        "haven't weed since breakfast and my belly's tight",
        "did not pee since lunchtime",
        "hasn't urinated all day, he says",
        "I have not peed for hours",
    ],
)
def test_no_wee_passed_for_a_while_is_the_bladder_sign(text):
    assert screen(text) is SIGNS["bladder"], (text, check(text))


@pytest.mark.parametrize(
    "text",
    [
        "I didn't pee myself, just sweaty",
        "I don't pee all night now, sleeping right through",
    ],
)
def test_a_wee_denied_or_a_habit_is_no_bladder_sign(text):
    assert screen(text) is None, (text, check(text))


@pytest.mark.parametrize("text", ["haven't gone since breakfast", "I haven't gone all day"])
def test_not_gone_with_no_loo_named_is_asked_about(text):
    result = check(text)
    assert result.flag is None and result.suspected is SIGNS["bladder"], (text, result)


def test_not_gone_to_the_gym_or_out_is_nothing():
    for text in ("I haven't been to the gym all day", "haven't gone out all day, rainy"):
        assert verdict(text) == "none", text


# -- near misses --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "caught a documentary on cancer research yesterday, ready for set one",
        "saw a programme on the telly about cancer, can we start",
        "my legs feel heavy with the ankle cuffs on",
        "both legs heavy wearing the 1kg weights today",
        "should I stop if I feel numb at some point?",
        "do I stop if I get pins and needles?",
    ],
)
def test_a_programme_a_worn_load_or_a_case_to_come_is_not_flagged(text):
    assert verdict(text) == "none", (text, check(text))


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("should I stop if I can't pee?", "bladder"),
        ("should I stop if my legs tingle?", "both_legs"),
    ],
)
def test_should_i_stop_if_an_emergency_sign_is_explained_and_asked(text, sign):
    result = check(text)
    assert result.flag is None and result.about is SIGNS[sign], (text, result)
    assert result.suspected is SIGNS[sign]


def test_a_cancer_of_the_users_own_beside_a_programme_still_counts():
    assert screen("I had bowel cancer, and I watched a film last night") is SIGNS["cancer"]


def test_the_yaml_keeps_examples_and_near_misses_of_these_kinds():
    signs = red_flags.DATA["signs"]
    assert any("in case" in text for text in signs["incontinence"]["near_misses"])
    assert any("with a bad back" in text for text in signs["incontinence"]["examples"])
    assert any("hang off me" in text for text in signs["weight_loss"]["examples"])

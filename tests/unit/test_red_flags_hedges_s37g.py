"""Issue 15 (s37g): a hedge or intensifier between "can't" and its verb ("can't really
control", "couldn't properly feel", "can't seem to pee", "doesn't fully empty") hides no
red flag; and a red flag said with severe pain ("agony", "killing me", a 7 or more) gets the
emergency advice, not the severe-pain reply, from the screen, the NLU's relabelling and the
coach alike. Phrasings are the team's own."""

import pytest

from coach.conversation import rule_verdict
from coach.red_flags import check
from tests.unit.chat import Chat, in_a_set

HEDGED_SIGNS = [
    # bladder: retention
    ("i can't really pee at all since this morning", "bladder"),
    ("cant actually wee even though i'm bursting", "bladder"),
    ("i can't seem to go to the loo, nothing comes", "bladder"),
    ("my bladder doesn't fully empty any more", "bladder"),
    ("i'm not really able to pass water", "bladder"),
    ("i cannae really pee the day", "bladder"),
    # incontinence: bladder and bowels
    ("i can't properly control my bladder now", "incontinence"),
    ("i cant quite hold my pee in", "incontinence"),
    ("i can't always hold my wee any more", "incontinence"),
    ("can't totally control my bowels since last night", "incontinence"),
    ("i couldn't completely hold my poo this morning", "incontinence"),
    ("i can't really control my bladder properly", "incontinence"),
    ("i can't hold my wee properly since tuesday", "incontinence"),
    # saddle: feeling down below
    ("i can't fully feel down below", "saddle_numbness"),
    ("i can't really feel anything between my legs", "saddle_numbness"),
    ("cant seem to feel my bottom when i wipe", "saddle_numbness"),
    # legs
    ("i can't fully feel either of my legs", "both_legs"),
    ("i can't really feel my legs properly", "both_legs"),
    ("i can't actually stand, my legs keep buckling under me", "legs_giving_way"),
    ("i can't properly stand up, my legs keep giving way", "legs_giving_way"),
    # erections
    ("i can't really get an erection since the back went", "sexual_function"),
    ("i can't completely get hard any more", "sexual_function"),
    ("i can't properly keep an erection since my back got bad", "sexual_function"),
]


@pytest.mark.parametrize(("text", "sign"), HEDGED_SIGNS)
def test_a_hedge_after_cant_hides_no_sign(text, sign):
    result = check(text)
    assert result.flag is not None, (text, result)
    assert result.flag.sign == sign, (text, result.flag.sign)


HEDGED_DENIALS = [
    "i don't really have any numbness down below",
    "i honestly haven't really had any trouble peeing",
    "i don't really get any tingling down there",
    "no, i can't really say my bladder has changed at all",
    # a hedged "can't" about the exercise names no sign
    "i can't quite lift my leg as high as last week",
    "i couldn't fully hold the lift for five seconds",
    "i can't really feel the stretch in my hamstrings",
    "i don't fully feel the burn in my glutes yet",
    "i can't seem to keep my hips down on the mat",
]


@pytest.mark.parametrize("text", HEDGED_DENIALS)
def test_a_hedged_denial_or_exercise_remark_stays_quiet(text):
    result = check(text)
    assert result.flag is None, (text, result)


SIGNS_WITH_SEVERE_PAIN = [
    ("i can't really control my bladder and my back is in agony", "incontinence"),
    ("the pain's a 9 and i've wet myself twice today", "incontinence"),
    ("can't seem to pee since lunch and the back pain is killing me", "bladder"),
    ("i can't properly feel my bum on the toilet, back's an 8 out of 10", "saddle_numbness"),
    ("both my legs have gone numb and weak, the pain is unbearable", "both_legs"),
    ("my legs keep giving way and it's agony", "legs_giving_way"),
    ("i can't really get an erection any more and my back pain is a 7", "sexual_function"),
    ("the doctor thinks it could be cauda equina, the pain is killing me", "cauda_equina"),
    ("crushing pain in my chest spreading down my arm, it's a 10", "medical_emergency"),
]


@pytest.mark.parametrize(("text", "sign"), SIGNS_WITH_SEVERE_PAIN)
def test_the_screen_finds_a_sign_said_with_severe_pain(text, sign):
    result = check(text)
    assert result.flag is not None and result.flag.sign == sign, (text, result)


@pytest.mark.parametrize(("text", "sign"), SIGNS_WITH_SEVERE_PAIN)
@pytest.mark.parametrize("intent", ["pain", "nlu_fallback", "report_reps"])
def test_the_nlu_relabels_a_sign_with_severe_pain_as_a_red_flag(text, sign, intent):
    assert rule_verdict(intent, [], text, None) == "red_flag", (intent, text)


@pytest.mark.parametrize(("text", "sign"), SIGNS_WITH_SEVERE_PAIN)
@pytest.mark.parametrize("where", ["idle", "in_a_set"])
def test_the_coach_gives_emergency_advice_not_the_severe_pain_reply(text, sign, where):
    chat = in_a_set() if where == "in_a_set" else Chat()
    reply = chat.say("pain", text)
    assert "urgent medical care" in reply, (where, text, reply)
    assert "emergency" in reply, (where, text, reply)

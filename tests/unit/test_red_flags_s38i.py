"""Red flags, round s38i (issue 15): kinds of wording the 2026-11-28h blind set showed.

Each sentence here is our own wording of a kind, not a blind-set sentence."""

import pytest

from coach.red_flags import EMERGENCY, SOON, check, screen


def _verdict(text: str) -> str:
    result = check(text)
    if result.flag is not None:
        return result.flag.urgency
    return "asked" if result.suspected is not None else "quiet"


# -- a wee that will not come, said with a stance or as waiting and nothing --------------


@pytest.mark.parametrize(
    "text",
    [
        "weeing is an absolute nightmare since sunday",
        "having a pee has become a total battle since last night",
        "peeing's been a proper ordeal the last couple of days",
        "going for a wee, I wait forever and nothing, since this morning",
        "pee-wise I stood at the toilet an age and nothing came, back sore",
    ],
)
def test_retention_said_as_a_stance_or_a_long_wait_is_the_emergency(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "bladder" and flag.urgency == EMERGENCY, text


def test_a_stool_that_will_not_come_after_a_long_wait_is_not_retention():
    assert _verdict("sat on the loo forever and nothing, constipated again, no poo for days") != (
        EMERGENCY
    )


# -- a fall told by its landing -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "missed the bottom stair and went down flat on my back, aching since friday",
        "missed a rung climbing into the attic, my lower back has hurt since",
        "went down hard on my backside on the patio, sore since the weekend",
        "came down smack on my bum off the step, back twinging since",
    ],
)
def test_a_fall_told_by_a_missed_step_or_a_landing_is_trauma(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "trauma", text


@pytest.mark.parametrize(
    "text",
    [
        "old cricket injury, my back has grumbled for years",
        "my back's been stiff since my twenties from a skiing injury",
    ],
)
def test_an_old_injury_is_not_the_recent_trauma_sign_but_is_asked(text):
    result = check(text)
    assert result.flag is None, text
    assert result.suspected is not None and result.suspected.sign == "trauma", text


# -- generally unwell, everyday words -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "feeling rubbish overall, off my food, and the back is worse",
        "feel grotty and no appetite, back aching",
        "been feeling peaky, gone off my food, back worse",
    ],
)
def test_feeling_rubbish_with_no_appetite_is_generally_unwell(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "unwell", text


@pytest.mark.parametrize(
    "text",
    [
        "feel rough and off my food after the stag do drinking",
        "feeling rubbish and off my food, hungover from the party",
    ],
)
def test_a_night_of_drink_is_not_generally_unwell(text):
    assert screen(text) is None, text


# -- misspellings and letters -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("lsot a lot of weight sinse easter, havent been tryin", "weight_loss"),
        ("i have h i v and my lower back hurts", "immunity"),
        ("H.I.V. positive, back sore this week", "immunity"),
        ("h-i-v positive and my back aches", "immunity"),
        ("been to weeks and my back hurts just the same", "persistent_pain"),
        ("it has been too weeks and the pain hasn't shifted", "persistent_pain"),
    ],
)
def test_misspelled_and_spelled_out_signs_are_found(text, sign):
    flag = screen(text)
    assert flag is not None and flag.sign == sign and flag.urgency == SOON, text


# -- near misses that stay quiet (or are at most asked) ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "frightened ill get incontinence later in life, do these help?",
        "nervous ill end up with sciatica like my uncle, how do I prevent it?",
        "I'm shit scared of the last set",
        "crap nervous about starting again",
        "my legs went like jelly after the hill walk, in a good way",
    ],
)
def test_fears_swearing_and_a_good_tiredness_stay_quiet(text):
    assert _verdict(text) == "quiet", text


def test_an_old_emergency_now_over_is_asked_not_flagged():
    text = "after my prostate op years ago I couldn't pee for a bit, sorted quickly, fine since"
    assert _verdict(text) == "asked"
    # Said to be so now, it is the emergency again.
    now_again = "I couldn't pee after an op years ago, fine since, but now I can't pee again"
    assert _verdict(now_again) == EMERGENCY


def test_ill_the_adjective_is_still_ill():
    flag = screen("feel ill, get me a bucket, shivery and poorly all week")
    assert flag is not None and flag.sign in ("unwell", "fever")

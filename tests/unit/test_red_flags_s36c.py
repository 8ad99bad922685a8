"""Round s36c (issue 15): red-flag kinds from the 2026-11-28b blind set, in our own words."""

import pytest

from coach.red_flags import EMERGENCY, SOON, check, screen


@pytest.mark.parametrize(
    "text",
    [
        # Reduced output over a long while is retention.
        "scarcely weed at all since yesterday",
        "i've hardly passed any water since this morning and my back is killing me",
        "barely peed since lunchtime",
        "just a dribble since breakfast when i go",
        # Both legs went and the user was found down, no trip.
        "out shopping and both legs just went, i was on the ground, nobody pushed me",
        "both legs suddenly went in the park and i found myself on the grass, hadn't tripped",
        "my legs went and i was on the floor, didn't trip at all",
        # A set named in another clause does not explain legs that went and a fall.
        "did my reps yesterday, fine. on the way to work both my legs suddenly went and i"
        " ended up on the floor",
        # One leg that gives way and drops the user: legs giving way (clinical notes).
        "halfway up the street my right leg folded under me and down i went",
        "my left leg gave way on the landing and i fell down",
    ],
)
def test_an_emergency_in_new_words_is_flagged(text):
    assert getattr(screen(text), "urgency", None) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # A fall through or off something, with back pain after.
        "my back's been sore since i fell through the floorboards in the attic on friday",
        "fell through a rotten deck last week, back has hurt since",
        "i fell off the roof of the shed on sunday and my back is painful",
        # One leg that buckles with no fall stays the soon sign.
        "my leg gave way",
    ],
)
def test_a_soon_sign_in_new_words_is_flagged(text):
    assert getattr(screen(text), "urgency", None) == SOON


def test_too_little_passed_with_no_long_while_is_asked_about():
    found = check("barely peed today")
    assert found.flag is None and found.suspected is not None


@pytest.mark.parametrize(
    "text",
    [
        # One side weaker while exercising is strength, compared.
        "my right side is weaker than my left, only managed 6 reps on the right",
        "the left side feels weaker compared to the right when I lift",
        # Someone else's sign, the user says they are fine.
        "my wife has numbness down below, she's calling 111. i'm ok, carrying on",
        "my dad lost control of his bladder this morning, I'm fine",
        "my mate's legs gave out after his op, can I still do this? I'm fine",
        # Not falls of the user's, nor found down after a trip.
        "my back hurts, the prices went through the roof",
        "i tripped on the rug, my legs went and i was on the floor",
        "i hardly weed the garden since monday",
        "after three hard sets both my legs went and i ended up on the floor",
    ],
)
def test_a_near_miss_is_neither_flagged_nor_asked(text):
    found = check(text)
    assert found.flag is None and found.suspected is None


@pytest.mark.parametrize(
    "text",
    ["my left side has gone numb and weak", "the right side of my body feels weak suddenly"],
)
def test_one_side_gone_weak_is_still_an_emergency(text):
    assert getattr(screen(text), "urgency", None) == EMERGENCY

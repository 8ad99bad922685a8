"""Round s36d (issue 15): red-flag kinds from the 2026-11-28c blind set, in our own words."""

import pytest

from coach.red_flags import EMERGENCY, SOON, check, screen


@pytest.mark.parametrize(
    "text",
    [
        # Scots and dialect denials: "cannae", "canny" are "can't".
        "I cannae pee since this morning and my back is sore",
        "noo I canny wee properly, since the mornin",
        "she says I canna pass water right since my back went",
        # Sex said as a performance gone wrong, with the back or a change.
        "my performance has gone since I hurt my back",
        "something is off with my, um, performance since my back injury",
        "my performance isn't what it was since the back went",
    ],
)
def test_an_emergency_in_new_words_is_flagged(text):
    assert getattr(screen(text), "urgency", None) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # Woken at night, and constant "during the day" (a time of day, not a set).
        "it wakes me at night whatever I do and it's constant during the day as well",
        "my back aches constantly during the daytime and the nights are worse",
        "nights I wake with it, no position is comfy, and it's there during the day too",
    ],
)
def test_night_pain_with_during_the_day_is_flagged(text):
    assert getattr(screen(text), "urgency", None) == SOON


@pytest.mark.parametrize(
    "text",
    [
        # A case to come, asked as what "would" or "could" happen: explained, not flagged.
        "what would happen if both my legs went numb during the lifts?",
        "what could happen if my groin went numb while doing the exercises?",
        "what if I got pins and needles in my bum?",
        # A numb bottom from a hard seat, over: not flagged.
        "my bottom went numb on a hard wooden stool at the pub, all good now",
        # Night pain that used to be, over since starting the exercises.
        "the ache used to be worse at night, since I started the lifts that's stopped",
        # Dialect denial of a sign; "canny" as praise.
        "a canny lad at the gym showed me the lift",
    ],
)
def test_a_near_miss_is_not_flagged(text):
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Still flagged: a report beside the question, a seat of no kind, a plain "what if".
        "what would happen if I got numbness in my legs? it started yesterday",
        "numb bum since yesterday, even in my chair",
        "what if I can't pee?",
        # Performance with sex named stays flagged; not at work or in the gym.
        "my performance in bed has gone since the back injury",
    ],
)
def test_the_sign_is_still_flagged_beside_the_new_readings(text):
    assert getattr(screen(text), "urgency", None) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my performance in the gym has dropped since the back injury",
        "my performance at work has suffered since I hurt my back",
    ],
)
def test_performance_at_work_or_in_sport_is_no_sign(text):
    assert screen(text) is None


def test_a_numb_bottom_from_a_hard_seat_is_asked_about_not_flagged():
    found = check("numb backside after the hard dining chair, fine now")
    assert found.flag is None

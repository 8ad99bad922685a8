"""Round s37e (issue 15): red-flag kinds from the 2026-11-28d blind set, in our own words."""

import pytest

from coach.red_flags import EMERGENCY, SOON, check, screen


@pytest.mark.parametrize(
    "text",
    [
        # Legs said to drop the user or let the user down: legs giving way.
        "my legs keep dropping me in the kitchen for no reason",
        "twice today my knees just dropped me, no warning",
        "both legs let me down out of the blue on the stairs",
        "my legs keep letting me down since Sunday, I never know when",
        "my legs floored me this morning, I hadn't tripped on anything",
    ],
)
def test_legs_that_drop_or_let_the_user_down_are_an_emergency(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "legs_giving_way" and flag.urgency == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my legs let me down in the last lap of the race",
        "my legs let me down on the final set, too tired",
        "the chair legs let me down, it wobbles",
        "my mates let me down again",
    ],
)
def test_legs_spent_by_a_race_or_a_set_or_furniture_are_not(text):
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Pain still there an unnumbered span of weeks later.
        "my back is still sore weeks later",
        "the ache's still there months later",
        "no better after weeks of these",
        # Likened to how it was weeks back.
        "twelve lifts, pain at 5, same as it was a month back",
        "the ache feels just like it did three weeks ago",
        "pain is no different from a few weeks ago",
        "back pain unchanged since I began a month ago",
    ],
)
def test_pain_no_better_after_weeks_in_plain_words_is_persistent_pain(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "persistent_pain", flag


@pytest.mark.parametrize(
    "text",
    [
        "pain 3, same as a few days ago",
        "ache at 2, just like a week ago",
        "my technique is the same as a month ago",
        "I hurt my back a month ago, it's fine now",
    ],
)
def test_days_or_a_week_or_something_else_unchanged_is_not_persistent_pain(text):
    flag = screen(text)
    assert flag is None or flag.sign != "persistent_pain", flag


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # A bare worried question about a sign: the sign's question, never nothing.
        ("should I worry about an ache up between my shoulder blades?", "upper_back"),
        ("should I be concerned that the ache hasn't eased after a month?", "persistent_pain"),
        ("is it normal the ache is non-stop and worse at night?", "night_pain"),
        ("is it normal my back hurts all night and nothing eases it?", "night_pain"),
    ],
)
def test_a_bare_worried_question_about_a_sign_is_asked_or_flagged(text, sign):
    result = check(text)
    found = result.flag or result.suspected
    assert found is not None and found.sign == sign, result


@pytest.mark.parametrize(
    "text",
    [
        "my pants are falling off me and I'm eating the same as always",
        "my shorts keep slipping off my hips, not dieting at all",
        "my pants are all baggy now, no idea why, eating normally",
    ],
)
def test_pants_and_shorts_falling_off_unexplained_are_weight_loss(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "weight_loss" and flag.urgency == SOON


@pytest.mark.parametrize(
    "text",
    ["my pants fell down when the elastic snapped", "the waistband of these pants is loose"],
)
def test_pants_with_a_cause_are_not_weight_loss(text):
    assert screen(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # A past fever a doctor checked, or weeks back, now gone.
        "I had a temperature a few weeks back, the GP looked me over and it has cleared",
        "ran a fever last week, doctor checked me out, it's gone",
        "had a high temp last month, all gone, doctor saw me",
        # A non-pain thing that won't clear: no night or persistent pain question.
        "I've had a cough that won't go away for a month",
        "this itchy rash won't go away and it's worse at night",
        "my eczema isn't going away, it's been weeks",
    ],
)
def test_a_past_checked_fever_or_a_lingering_rash_is_not_asked_about(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, result


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I've got a fever since last night", "fever"),
        ("a rash on my arm, and my back pain keeps me awake every night", "night_pain"),
        ("the ache won't go away, been weeks now", None),
    ],
)
def test_a_current_fever_or_pain_beside_a_rash_is_still_flagged(text, sign):
    flag = screen(text)
    assert flag is not None and (sign is None or flag.sign == sign), flag


def test_pain_said_beside_a_rash_is_still_night_pain():
    flag = screen("my back aches more at night, also got a rash on my arm")
    assert flag is not None and flag.sign == "night_pain"

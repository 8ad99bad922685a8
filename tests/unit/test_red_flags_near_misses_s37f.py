"""Round s37f (issue 15): near misses of the 2026-11-28e kinds, in our own words.

Another person's sign the user does not claim, a sign asked about in general or feared
for the future, a sign of the past treated or checked and over, and jokes or idioms are
not the user's red flag; a sign of the user's own said beside them still wins."""

from pathlib import Path

import pytest
import yaml

from coach.red_flags import EMERGENCY, check, screen

BLIND = Path(__file__).resolve().parents[1] / "blind" / "2026-11-28e-red-flags.yml"


def _not_flagged(text: str) -> bool:
    return screen(text) is None


# 1. Another person's sign, the user having none (or only a lesser complaint).
@pytest.mark.parametrize(
    "text",
    [
        "my dad came off a ladder and did his back in, lucky that wasn't me",
        "my cousin crashed her car and wrecked her back, glad it wasn't me",
        "my brother's sciatica goes right to his toes, I've only got a tight back",
        "my mum's sciatica shoots down to her foot, all I have is a sore back",
    ],
)
def test_another_persons_sign_the_user_does_not_claim_is_not_flagged_nor_asked(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, result


@pytest.mark.parametrize(
    "text",
    [
        "my uncle keeps wetting himself, could it be linked to his back?",
        "my nan wets herself loads, is it because of her back?",
    ],
)
def test_a_question_about_anothers_emergency_is_asked_at_most(text):
    assert screen(text) is None


# 2. A sign asked about in general, or feared for the future.
@pytest.mark.parametrize(
    "text",
    [
        "is numbness in the groin something that can happen with a bad back?",
        "is losing bowel control something which might occur with disc problems?",
    ],
)
def test_a_sign_asked_about_as_something_that_can_happen_is_explained_only(text):
    result = check(text)
    assert result.flag is None and result.suspected is None and result.about is not None


@pytest.mark.parametrize(
    "text",
    [
        "will these keep me from becoming incontinent in old age?",
        "could the lifts stop me getting bladder leaks when I'm older?",
        "does this help with sciatica? not that I've got it, just wondering",
        "are the lifts good for sciatica? I haven't got it myself, just curious",
    ],
)
def test_a_fear_for_later_or_a_question_with_the_sign_denied_is_not_flagged(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, result


# 3. Past, and treated or checked: over.
@pytest.mark.parametrize(
    "text",
    [
        "had a chest infection two years ago, tablets fixed it, no trouble now",
        "took prednisolone for a month back in 2018, nothing since then",
        "came off my motorbike years back, x-rayed at the time, no lasting damage",
        "rear-ended in 2017, got checked over at a&e, no back issues",
    ],
)
def test_a_past_sign_treated_or_checked_and_over_is_not_flagged(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, result


# 4. Jokes and idioms.
@pytest.mark.parametrize(
    "text",
    [
        "twelve a side finished, both legs wobbly as jelly, feeling great",
        "ten each side done, legs like jelly but chuffed",
        "ha my wallet has lost weight since christmas",
        "my savings account lost a lot of weight this year lol",
    ],
)
def test_a_joke_or_tired_legs_after_the_reps_are_not_flagged(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, result


# Safety first: the user's own sign still wins beside each kind.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my nan wets herself and I can't feel my groin, is that my back?", None),
        ("my brother's sciatica goes to his toes, and I wet myself today", "incontinence"),
        ("had steroids back in 2015, nothing since, but now my groin is numb", None),
        ("legs like jelly since yesterday, both of them", "both_legs"),
        ("are these lifts good for sciatica? I have it down to my foot", "below_knee"),
        ("I've lost weight without trying and my back aches", "weight_loss"),
    ],
)
def test_a_sign_of_the_users_own_still_wins(text, sign):
    flag = screen(text)
    assert flag is not None, text
    if sign:
        assert flag.sign == sign
    if sign is None:
        assert flag.urgency == EMERGENCY


def test_the_2026_11_28e_near_misses_are_within_the_target():
    data = yaml.safe_load(BLIND.read_text())
    misses = [m["text"] for m in data["near_misses"]]
    flagged = sum(not _not_flagged(t) for t in misses)
    assert flagged <= 0.05 * len(misses)

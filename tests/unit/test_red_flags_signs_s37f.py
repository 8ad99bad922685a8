"""Missed signs of the 2026-11-28e kinds (issue 15, s37f): retention said plainly, typos
and chat spellings of emergency words, a lasting numb backside asked about with worry,
typed falls and fevers, and worried questions whose content names the sign."""

import pytest

from coach import red_flags
from coach.red_flags import EMERGENCY, check, screen


def urgency(text: str) -> str | None:
    return getattr(screen(text), "urgency", None)


# -- 1. urinary retention in plain words --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "keep needing to go but it only trickles out",
        "need a wee every hour and it just dribbles, my back is sore",
        "I want to pee all the time but I can't empty",
        "the waterworks have jammed up since my back went",
        "my waterworks seized up on friday",
        "waterworks gone all funny since I hurt my back",
        "my waterworks went wonky since sunday",
    ],
)
def test_retention_said_in_plain_words_is_the_emergency(text):
    assert screen(text).sign == "bladder"


@pytest.mark.parametrize(
    "text",
    [
        "my pee has gone a funny colour since monday, had cystitis before",
        "the tap just dribbles since the plumber came",
        "my bladder has stopped hurting since friday",
    ],
)
def test_plain_bladder_words_without_retention_are_not_the_emergency(text):
    assert urgency(text) != EMERGENCY


# -- 2. typos and text-speak of emergency words ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "both my legz keep givin way",
        "my legs r giving wey today",
        "my leggs kept buckelling on the stairs",
        "both legz gone numb since this morning",
    ],
)
def test_typed_emergency_words_are_read_as_meant(text):
    assert urgency(text) == EMERGENCY


def test_z_for_s_and_a_dropped_g_fold_onto_the_phrase_words():
    assert red_flags._fold("legz") == red_flags._fold("legs")
    assert red_flags._fold("numbin") == red_flags._fold("numbing")
    # Real words with a z stay themselves.
    assert red_flags._fold("lazy") == "lazy"
    assert red_flags._fold("dizzy") == "dizzy"


# -- 3. a lasting numb backside, asked about with worry --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "should I be worried my bum has been numb all afternoon",
        "is it normal that my backside went numb and stayed that way for hours",
        "should i worry both buttocks stayed numb all day",
    ],
)
def test_a_worried_question_about_a_lasting_numb_seat_is_the_emergency(text):
    assert screen(text).sign == "saddle_numbness"


# -- 4. typed falls and fevers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "fel off my horse onto my back last week, hurts ever since",
        "fell of the trampoline onto my back saturday and it's been sore since",
        "tumbled of my bike onto my back yesterday, still aching",
    ],
)
def test_a_typed_fall_onto_the_back_is_trauma(text):
    assert screen(text).sign == "trauma"


@pytest.mark.parametrize(
    "text",
    [
        "i have a fevah and my back aches",
        "got a feva since last night, back is sore",
        "been running hot all day and my back hurts",
        "my fever has gone up to 38.9 today",
        "I've a fever and it went up overnight",
    ],
)
def test_a_typed_or_rising_fever_is_caught(text):
    assert screen(text).sign == "fever"


def test_the_top_half_of_the_back_is_no_fall():
    assert getattr(screen("sore in the top half of my back"), "sign", None) != "trauma"


def test_a_fever_that_has_cleared_up_is_still_not_caught():
    assert screen("had a fever last month, it cleared up ages ago") is None


# -- 5. worried questions whose content names the sign ---------------------------------------


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("is it normal to be dropping weight for no reason with a sore back?", "weight_loss"),
        ("should I worry that I keep losing weight and have no idea why", "weight_loss"),
        ("should I be worried that resting never eases it and nights are the worst", "night_pain"),
    ],
)
def test_a_worried_question_naming_the_sign_plainly_gets_its_advice(text, sign):
    assert screen(text).sign == sign


def test_a_bare_question_about_an_ambiguous_sign_is_still_asked():
    result = check("is it normal to have a fever with back pain?")
    assert result.flag is None and result.suspected is not None

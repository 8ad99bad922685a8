"""Round s37g (issue 15): the 2026-11-28f kinds, in our own words.

A wee that "won't come" or "refuses to come", on the loo and "nothing"; a stool that
cannot be held in, or that comes out with wind; pain the same for weeks said in short
sentences or "as usual ... since"; weight gone with the appetite. And the safety net: a
toilet word with a failure word, confirmed by no rule, gets the bladder or bowel
yes/no question rather than nothing. Near misses (a room's heat, a joke about weight,
a fear for later life, drinking a lot, ordinary toilet talk) stay clear."""

from pathlib import Path

import pytest
import yaml

from coach.red_flags import EMERGENCY, SOON, check, screen

BLIND = Path(__file__).resolve().parents[1] / "blind" / "2026-11-28f-red-flags.yml"


@pytest.mark.parametrize(
    "text",
    [
        "squatted over the loo for ages and the water just won't come, my back's been bad",
        "since I jarred my back yesterday it refuses to come out when I try to wee",
        "been on the toilet twice this morning and nothing, lower back is killing me",
        "the water wouldn't come out when I went to the toilet, and the back aches",
        "it just wouldn't come out all afternoon, ever since my back went on Friday",
    ],
)
def test_a_wee_that_will_not_come_is_the_emergency(text):
    flag = screen(text)
    assert flag is not None and (flag.sign, flag.urgency) == ("bladder", EMERGENCY), flag


def test_an_emergency_outranks_the_age_said_beside_it():
    flag = screen("I'm 72 and new to back pain, my wee won't come out at all today")
    assert flag is not None and flag.urgency == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "since the sciatica flared I can't reliably hold on to my bowels",
        "cannot keep in my number twos since the disc went",
        "I can't always hold in my poo these days",
        "broke wind on the bus and a bit came out with it, couldn't stop it, that's new",
        "every time I fart some mess comes out and I can't stop it, since Tuesday",
    ],
)
def test_a_stool_that_will_not_stay_in_is_the_emergency(text):
    flag = screen(text)
    assert flag is not None and (flag.sign, flag.urgency) == ("incontinence", EMERGENCY), flag


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Seven weeks now. Same ache.", "persistent_pain"),
        ("pain a 4 like always, been like this since I began over a month ago", "persistent_pain"),
        ("They promised it would settle. Five weeks on. Same pain.", "persistent_pain"),
        ("no appetite lately and about half a stone has gone with it", "weight_loss"),
        ("my appetite has vanished and 4 kilos with it", "weight_loss"),
    ],
)
def test_the_soon_signs_said_in_these_ways_are_caught(text, sign):
    flag = screen(text)
    assert flag is not None and (flag.sign, flag.urgency) == (sign, SOON), flag


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("sat on the loo and nothing", "bladder"),
        ("it leaks into my pants sometimes", "incontinence"),
        ("farted and something came out", "incontinence"),
        ("a bit of leakage into my undies now and then", "incontinence"),
    ],
)
def test_the_safety_net_asks_about_toilet_words_with_a_failure(text, sign):
    result = check(text)
    assert result.flag is None and result.suspected is not None, result
    assert result.suspected.sign == sign


@pytest.mark.parametrize(
    "text",
    [
        "hopefully the ache won't come back after today",
        "the pain doesn't come past my knee, it stays in my buttock",
        "the tap water won't come out hot, back is fine",
        "need the loo, back in five",
        "the toilet cistern keeps leaking, waiting on the plumber",
        "my toddler had an accident in his pants at nursery",
        "I can't go to the gym today, need a wee then I'll do my lifts at home",
        "pain's a 3 as usual today",
        "Week one. Same pain.",
        "lost my appetite with this cold but my weight's the same",
        "drop a few pounds? I wish haha, what's next",
        "I down two litres of water before a session so I'm peeing nonstop",
        "might these lifts cause bladder trouble later in life?",
    ],
)
def test_ordinary_talk_is_neither_flagged_nor_asked(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, result


def test_a_rooms_heat_is_no_fever_yet_a_fever_with_the_heating_on_still_is():
    result = check("the office is roasting and I'm burning up, heating's on full")
    assert result.flag is None
    flag = screen("I have a fever of 39 and the heating is on")
    assert flag is not None and flag.sign == "fever"


def test_the_2026_11_28f_near_misses_are_within_the_target():
    data = yaml.safe_load(BLIND.read_text())
    misses = [m["text"] for m in data["near_misses"]]
    assert sum(screen(t) is not None for t in misses) == 0


@pytest.mark.parametrize(
    "text",
    ["what does urinary retention really mean?", "what does saddle anaesthesia actually mean?"],
)
def test_a_term_looked_up_with_a_filler_word_is_explained_not_asked(text):
    result = check(text)
    assert result.flag is None and result.suspected is None and result.about is not None


def test_a_term_asked_with_a_report_of_the_users_own_is_still_flagged():
    assert screen("what does saddle numbness actually mean? mine has gone numb") is not None

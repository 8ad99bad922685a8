"""Round s38h (issue 15): the emergency signs and the flag path, in our own words.

The flag path: a message that confirms a see-soon sign and only hints at an emergency
sign gets the see-soon advice AND the emergency's yes/no question (a yes gets the
emergency advice), by chat and by voice, in any state. Before, the first confirmed sign
won and the hint was never asked about.

The kinds: passing water or wetting "without knowing / realising / noticing", found wet;
one leg that gives way again and again (an emergency; once, a see-soon sign); the parts
"not responding", "won't play ball", "no life down there" since the back. Near misses
(a phone, gym kit, furniture, a trampoline, the rain) stay clear."""

from pathlib import Path

import pytest
import yaml

from coach import safety
from coach.red_flags import EMERGENCY, SOON, check, screen
from tests.unit.chat import Chat, in_a_set

# A see-soon sign said plainly, with an emergency sign only hinted at beside it.
SOON_WITH_A_HINT = [
    ("I'm 74 and this back pain is brand new, and my bladder feels a bit weird", "age"),
    ("I came off my bike yesterday and landed on my back, and my legs feel funny", "trauma"),
    ("the ache wakes me up every single night and something feels odd down there", "night_pain"),
]


@pytest.mark.parametrize(("text", "sign"), SOON_WITH_A_HINT)
def test_a_soon_sign_keeps_the_emergency_hinted_beside_it(text, sign):
    result = check(text)
    assert result.flag is not None and (result.flag.sign, result.flag.urgency) == (sign, SOON)
    assert result.suspected is not None and result.suspected.urgency == EMERGENCY, result


@pytest.mark.parametrize(
    "text",
    [
        "I'm 74 and this back pain is brand new",
        "I came off my bike yesterday and landed on my back",
        "the ache wakes me up every single night",
    ],
)
def test_a_soon_sign_alone_has_no_emergency_to_ask_about(text):
    result = check(text)
    assert result.flag is not None and result.flag.urgency == SOON
    assert result.suspected is None


@pytest.mark.parametrize(("text", "sign"), SOON_WITH_A_HINT)
@pytest.mark.parametrize("channel", ["rest", "alexa"])
def test_the_coach_gives_the_soon_advice_and_asks_the_emergency_question(text, sign, channel):
    chat = Chat()
    said = chat.say("red_flag", text, channel=channel)
    hinted = check(text).suspected
    assert "should check soon" in said and said.endswith(hinted.question), said
    assert chat.slots["pending_offer"] == safety.CHECK
    assert chat.slots["caution"]["sign"] == sign
    said = chat.say("affirm", "yes", channel=channel)
    assert "emergency" in said
    assert chat.slots["caution"]["urgency"] == EMERGENCY
    assert chat.slots["caution"]["sign"] == hinted.sign


def test_a_no_to_the_emergency_question_keeps_the_soon_advice():
    chat = Chat()
    chat.say("red_flag", SOON_WITH_A_HINT[0][0])
    said = chat.say("deny", "no")
    assert "emergency" not in said
    assert chat.slots["caution"]["sign"] == "age"
    assert chat.slots["pending_offer"] != safety.CHECK


@pytest.mark.parametrize(
    "setup",
    [
        (("start_session", "start my session"), ("continue_session", "ready")),  # mid-set
        (("pain", "my lower back hurts"),),  # the pain question pending
        (("delete_data", "delete my data"),),  # a confirmation pending
    ],
)
def test_the_emergency_question_is_asked_in_any_state(setup):
    chat = Chat()
    for intent, text in setup:
        chat.say(intent, text)
    text = SOON_WITH_A_HINT[1][0]
    said = chat.say("pain", text)
    assert said.endswith(check(text).suspected.question), said
    assert chat.slots["pending_offer"] == safety.CHECK
    chat.say("affirm", "yes")
    assert chat.slots["caution"]["urgency"] == EMERGENCY


def test_mid_set_the_session_stops_and_the_question_is_asked():
    chat = in_a_set()
    said = chat.say("pain", SOON_WITH_A_HINT[2][0], channel="alexa")
    assert "should check soon" in said
    assert chat.slots["pending_offer"] == safety.CHECK
    assert chat.session is None or chat.session.get("ended_at") is not None


# -- passing water unnoticed ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've passed water twice in my chair this week without realising",
        "passing water without knowing it, and I've never been like that before",
        "I keep wetting without noticing, always been fine with my bladder",
        "weeing without realising in the night, I'm 68 and that's new",
        "I passed urine on the sofa and never noticed till I stood up",
        "found myself soaked in the armchair after a nap, I'd felt nothing",
    ],
)
def test_passing_water_unnoticed_is_the_emergency(text):
    flag = screen(text)
    assert flag is not None and (flag.sign, flag.urgency) == ("incontinence", EMERGENCY), flag


# -- one leg that gives way again and again -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my left leg keeps giving way when I'm walking round the shop",
        "my right knee has buckled four times since this morning",
        "the leg gave way twice today when I stood up",
        "my knee's been giving out again and again on the stairs",
        "my leg folded under me a couple of times on the way back from the bus",
        "the right leg went from under me twice this afternoon",
    ],
)
def test_a_leg_that_gives_way_again_and_again_is_the_emergency(text):
    flag = screen(text)
    assert flag is not None and (flag.sign, flag.urgency) == ("legs_giving_way", EMERGENCY), flag


@pytest.mark.parametrize(
    "text",
    [
        "my leg's been giving out when I walk",
        "my left leg gave way on the path",
        "my right leg buckled when I got out of the car",
    ],
)
def test_a_leg_that_gives_way_once_is_at_least_the_soon_sign(text):
    flag = screen(text)
    assert flag is not None and flag.sign in ("leg_weakness", "legs_giving_way"), flag


# -- the parts not working, said in euphemism -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the plumbing isn't responding since my back flared up",
        "my little fella won't cooperate since the disc went",
        "things down there are not responding any more since my back went",
        "zero action below the belt since I hurt my back",
        "my bits aren't playing ball since the fall, it's new",
    ],
)
def test_the_parts_not_responding_since_the_back_is_the_emergency(text):
    flag = screen(text)
    assert flag is not None and (flag.sign, flag.urgency) == ("sexual_function", EMERGENCY), flag


# -- near misses --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my phone won't respond since my back went, had to restart it",
        "the gym equipment isn't responding to the app",
        "my ankle weight equipment won't cooperate, the strap is broken",
        "the stool leg keeps giving way, it's ancient",
        "my knees buckled a few times on the trampoline with the kids",
        "found myself wet through walking home in the rain",
        "we passed water and fields on the drive, my back held up fine",
        "my knee gave way a bit",
    ],
)
def test_ordinary_things_stay_clear(text):
    assert screen(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I passed water and didn't notice any blood in it",
        "I'm wetting the plants and didn't notice the time",
        "we drove past the water and I never noticed my back at all",
    ],
)
def test_water_passed_with_nothing_unnoticed_about_the_passing_stays_clear(text):
    assert screen(text) is None, text


# -- the studied set 2026-11-28g ------------------------------------------------------------
# Scored fresh: emergencies 81/84, other signs 106/110, near misses 3/94 (+2 asked); after
# s38h-15a: 84/84, 106/110 (the see-soon signs are s38h-15b's), 3/94 (+2 asked). Its entry in
# test_safety.STUDIED_SETS (the 98% target for the other signs) comes with s38h-15b's fixes.
SET_28G = Path(__file__).resolve().parents[1] / "blind" / "2026-11-28g-red-flags.yml"


def test_the_studied_set_28g_misses_no_emergency():
    data = yaml.safe_load(SET_28G.read_text())
    emergencies = [f["text"] for f in data["flags"] if f["urgency"] == "emergency"]
    missed = [t for t in emergencies if getattr(screen(t), "urgency", None) != EMERGENCY]
    assert len(emergencies) == 84 and not missed, missed
    flagged = [m["text"] for m in data["near_misses"] if screen(m["text"]) is not None]
    assert len(flagged) <= 0.05 * len(data["near_misses"]), flagged


# -- an emergency in force is never lowered by a see-soon sign said after it --------------


def test_a_soon_sign_said_after_an_emergency_keeps_the_emergency_in_force():
    chat = Chat()
    chat.say("red_flag", "I can't hold my wee in any more since this morning")
    assert chat.slots["caution"]["urgency"] == EMERGENCY
    said = chat.say("red_flag", "I'm 74 and this back pain is brand new")
    assert "should check soon" in said and "remember" in said, said
    assert chat.slots["caution"]["urgency"] == EMERGENCY
    chat.say("start_session", "start my session")
    assert chat.session is None

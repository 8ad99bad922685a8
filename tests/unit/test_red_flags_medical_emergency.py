"""A medical emergency that is not the back (heart, stroke, collapse, breathing, allergy):
the screen every message goes through stops everything and sends the user to the
emergency number, and exercise talk about the chest or the heart stays clear."""

import pytest

from coach import red_flags
from coach.red_flags import EMERGENCY, screen
from tests.unit.chat import Chat, in_a_set

EMERGENCIES = [
    "my chest is tight and the pain goes into my jaw",
    "pressure across my chest, and I'm breathless",
    "there's pain in my chest",
    "the left side of my face is drooping",
    "my words are coming out slurred",
    "my right arm suddenly went numb and heavy",
    "the right side of my body has gone weak",
    "I blacked out on the mat for a moment",
    "I passed out after the last rep",
    "I can't breathe properly",
    "my tongue is swelling and I feel faint",
]

CLEAR = [
    "lift with your chest on the floor?",
    "chest up and hips down, is that right?",
    "my heart rate goes up a lot after the set",
    "what a stroke of luck, no pain today",
    "my hand went numb from leaning on it, it's fine now",
    "no chest pain at all, only my back",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_a_medical_emergency_is_an_emergency(text):
    flag = screen(text)
    assert flag is not None and flag.urgency == EMERGENCY
    assert flag.sign == "medical_emergency"


@pytest.mark.parametrize("text", CLEAR)
def test_exercise_talk_about_the_chest_or_heart_stays_clear(text):
    assert screen(text) is None


def test_the_advice_sends_the_user_to_the_emergency_number():
    said = red_flags.advice(red_flags.SIGNS["medical_emergency"])
    assert "999" in said and "112" in said and "911" in said
    assert "stop" in said.lower()


def test_it_wins_over_a_set_and_never_asks_a_pain_score():
    chat = in_a_set()
    said = chat.say("pain", "pain in my chest and my arm has gone numb")
    assert "999" in said
    assert "0 to 10" not in said and "out of 10" not in said
    assert chat.session is None


def test_it_wins_before_any_session():
    said = Chat().say("pain", "my chest feels crushed and I can't breathe")
    assert "999" in said and "0 to 10" not in said


# Other kinds from the same round, in the screen's own tables' style.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("a bad back changes stuff in the bedroom? can't finish now, it's new", "sexual_function"),
        ("my immune system is very low lately and my back began to hurt", "immunity"),
        ("ache in my back for weeks, lifting every other day, nothing changes", "persistent_pain"),
    ],
)  # fmt: skip
def test_other_signs_said_in_passing_are_found(text, sign):
    assert screen(text).sign == sign


@pytest.mark.parametrize(
    "text",
    [
        "a bloke at my gym is on steroids, is that why he lifts so much?",
        "my back was sore before, nothing changes in my routine though",
        "what happens in the bedroom stays there, ha",
    ],
)
def test_someone_elses_medicine_and_a_routine_unchanged_stay_clear(text):
    assert screen(text) is None

"""Red-flag kinds that came back in the s35a round: bowel leaks and lost sexual function said
in general words, an adult's new wet bed, pain nothing changes, an age said indirectly, a
score that has not moved for weeks; and the near misses that must stay clear."""

import pytest

from coach.red_flags import EMERGENCY, SOON
from tests.unit.test_red_flags_word_classes import verdict

FOUND = [
    # "What if" with no change to come may be the user's own now.
    ("what if I can't pee?", "bladder"),
    # The back passage named in plain or coy words, something getting out of it unfelt.
    ("my bottom is letting me down, things come out and I don't feel them", "incontinence"),
    ("my backside has stopped behaving, things slip out without me noticing", "incontinence"),
    ("the back passage is no longer holding properly", "incontinence"),
    ("my rear end keeps leaking since Sunday", "incontinence"),
    # Sexual function lost, said in general words, inside an "is it normal" question too.
    ("I seem to lose sexual function whenever my sciatica flares", "sexual_function"),
    ("is it normal to lose sexual function overnight? it started on Tuesday", "sexual_function"),
    # An adult's wet bed, said to be a first.
    ("the sheets were wet when I got up and that has never happened", "incontinence"),
    ("I woke up damp last night, a first for me as a grown-up", "incontinence"),
]

NIGHT = "night_pain"

SOON_FOUND = [
    # Nothing changes the pain, and nights are worst.
    ("the ache won't ease however I move, lying down doesn't help, evenings are awful", NIGHT),
    ("it does not shift no matter what I do, resting doesn't touch it, bedtime is worst", NIGHT),
    # An age said indirectly, with no back history and a pain said to start.
    ("I'm a pensioner with no back trouble before, but it started hurting a fortnight ago", "age"),
    ("turned 68 in May, zero back problems ever, lately it began to ache", "age"),
    # A score that has not moved for weeks.
    ("finished the reps, pain a 5 again, same as every day for the past month", "persistent_pain"),
    ("pain 3 as usual, no better for the last few weeks", "persistent_pain"),
]

CLEAR = [
    # A symptom asked about as a case to come, nothing of the user's own.
    "what if my feet start tingling, what would that mean?",
    "what if I got numbness in my toes, what does it mean?",
    "what should I do if my leg goes numb during the lift?",
    "what if I get numbness in my groin?",
    # Weight gone for a plain reason.
    "stopped the crisps and takeaways and dropped half a stone",
    "cut out snacking in the evenings and lost a few pounds",
    "quit the beer in January and I'm down a stone",
    # A bum said of the glutes, nothing coming out.
    "my bum doesn't seem to work during the lift, is that my form?",
    # A car's rear end, and sweat on waking.
    "the rear end of the van isn't working properly after the bump",
    "woke up damp with sweat, first time in ages",
    # Things in a bag, not the body.
    "things come out of my gym bag without me noticing",
]


@pytest.mark.parametrize(("text", "sign"), FOUND)
def test_an_emergency_said_in_general_words_is_flagged(text, sign):
    assert verdict(text) == (sign, EMERGENCY)


@pytest.mark.parametrize(("text", "sign"), SOON_FOUND)
def test_a_sign_said_indirectly_is_flagged(text, sign):
    assert verdict(text) == (sign, SOON)


@pytest.mark.parametrize("text", CLEAR)
def test_a_near_miss_stays_clear(text):
    assert verdict(text) == (None, None)

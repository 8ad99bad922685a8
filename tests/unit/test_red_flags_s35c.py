"""Red-flag kinds that came back in the s35b round: a numb seat area that stays, "your" legs
in an is-it-normal question, one sign named twice in such a question, an old age with a
back that never hurt, a pain score unchanged after weeks of exercise; and crashes watched on
a screen, which stay clear."""

import pytest

from coach.red_flags import EMERGENCY, SOON
from tests.unit.test_red_flags_word_classes import verdict

FOUND = [
    # The seat area asleep and staying so, off the seat too: not the moment's pins and
    # needles that clear on standing.
    ("my backside is asleep round the clock now", "saddle_numbness"),
    ("my bottom feels asleep even upright", "saddle_numbness"),
    ("my backside has gone to sleep and stays asleep even when I stand", "saddle_numbness"),
    # "Your" in an is-it-normal question is the asker's own body, as "my" is.
    ("is it normal for your legs to collapse under you?", "legs_giving_way"),
    ("is it normal for your knees to buckle with no warning?", "legs_giving_way"),
]

SOON_FOUND = [
    # One sign in two words of its own is an illness described, not a term asked about.
    ("is it normal to be shivery and feverish along with a bad back?", "fever"),
    # An old age with a back said never to have hurt before, in words and figures.
    ("I'm seventy-three and my back has never ached before", "age"),
    ("my backs never been sore till now, I'm 64", "age"),
    # Weeks of exercise and the pain score unchanged day after day.
    ("four weeks of the lifts and my ache is still at 6 daily", "persistent_pain"),
    ("a month of these, the back pain still about a four each morning", "persistent_pain"),
]

ASKED_ONLY = [
    # A bare question with no possessive, or one sign word only: asked about, not flagged.
    "is it normal for legs to give way?",
    "is it normal to have a high temperature with back pain?",
]

CLEAR = [
    # Crashes on a screen: footage, a game, a film.
    "watched some rally crash clips between reps",
    "the motorbike crash highlights are on while I do my set",
    "the movie had a nasty plane crash in it",
    # A numb bum that comes right on standing, or from a desk.
    "my bum fell asleep in the meeting but it was fine once I stood up",
    # A score that fell, or weeks too few.
    "three weeks in, the ache started at a 6 and is a 2 now",
    "two days of doing these and the pain is still a 4 every day",
    # A pain that is still better, not the same.
    "a month of lifts, pain still a 3 every day but much better than it was",
]


@pytest.mark.parametrize(("text", "sign"), FOUND)
def test_an_emergency_said_as_it_lasts_or_of_your_own_body_is_flagged(text, sign):
    assert verdict(text) == (sign, EMERGENCY)


@pytest.mark.parametrize(("text", "sign"), SOON_FOUND)
def test_a_sign_said_in_other_words_is_flagged(text, sign):
    assert verdict(text) == (sign, SOON)


@pytest.mark.parametrize("text", ASKED_ONLY)
def test_a_bare_question_is_asked_about_not_flagged(text):
    assert verdict(text)[1] == "asked"


@pytest.mark.parametrize("text", CLEAR)
def test_a_near_miss_stays_clear(text):
    assert verdict(text) == (None, None)

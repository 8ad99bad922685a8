"""Question kinds set yy showed (issue 16): the exercise's other names asked for; another
exercise weighed up "for me" against this one; posture asked about with a desk job as the
context; the full height too much; the knee bending by itself during the lift."""

import pytest

from coach import conversation


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Does it go by any other name?", "other_names"),
        ("is there a proper name I could search youtube for?", "other_names"),
        ("what else do people call it in the gym", "other_names"),
        ("my knee starts to bend near the last few reps, does it matter?", "knee_straight"),
        ("the knee softens as I go, is that wrong", "knee_straight"),
        ("can I do it with my knee bent?", None),  # the bent-knee version: the selector
        ("raising it right up is too hard for me yet, what then?", "smaller_lift"),
        ("could they help fix my posture? I sit at a laptop all day", "posture"),
    ],
)  # fmt: skip
def test_the_words_settle_the_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "everyday"),
    [
        ("could they help fix my posture? I sit at a laptop all day", False),
        ("slumped at the office all day ruins my posture, what helps?", True),
    ],
)
def test_posture_asked_of_the_exercise_is_not_everyday_life(text, everyday):
    assert bool(conversation.EVERYDAY_LIFE.search(text)) is everyday


SQUATS = [{"entity": "other_exercise", "value": "squats", "start": 4}]


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("are squats safer for me than this one?", True),
        ("are squats easier for my knees than these?", True),
        ("I do squats on Mondays, how high do I lift for these?", False),
    ],
)
def test_another_exercise_weighed_up_for_me(text, another):
    assert conversation.names_another_exercise("nlu_fallback", SQUATS, None, text) is another

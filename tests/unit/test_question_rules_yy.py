"""Question kinds set xx showed (issue 16): how fast to go, asked with no dose, is the slow
reps' answer; the next-morning check asked as a rule is that rule; kneeling ready and asking
what comes next is the lift itself; another exercise set against this one, or asked to be
coached instead, is about that exercise."""

import pytest

from coach import conversation


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("should I go speedy or take my time, quickly or slowly?", "speed"),
        ("what sort of pace suits these lifts", "speed"),
        ("is it fine to hurry through the set?", "speed"),
        ("how quickly do I lower it back?", None),  # the way down: the selector
        ("how quickly will I notice a difference?", None),
        ("can I do them every day to speed up my progress", None),
        ("what's the guideline on aches the day after?", "soreness_the_next_day"),
        ("any test for soreness the following morning?", "soreness_the_next_day"),
        ("knelt down and braced, then what?", "the_lift"),
        ("I'm in the start position, what do I do next", "the_lift"),
    ],
)  # fmt: skip
def test_the_words_settle_the_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


PLANKS = [{"entity": "other_exercise", "value": "planks", "start": 10}]


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("would the planks be harder than these for my core?", True),
        ("forget the planks, walk me through them instead", True),
        ("I do planks on other days, how do I brace for these?", False),
    ],
)
def test_another_exercise_compared_or_asked_for_instead(text, another):
    assert conversation.names_another_exercise("nlu_fallback", PLANKS, None, text) is another

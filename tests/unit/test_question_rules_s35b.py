"""Question kinds set s35a showed (issue 16): muscles shaking near the end of a set, asked
whether to carry on (tired muscles, not a pain score); back or hip weighed at the end of
a long story (who it is for); calories asked about the exercise (few: it is for strength)."""

import pytest

from coach import conversation


@pytest.mark.parametrize(
    "text",
    [
        "glutes trembling on the final couple, keep going or call it a day?",
        "my thigh goes all wobbly near the end, should I carry on?",
        "calf quivering by the tenth one, push on or rest?",
    ],
)
def test_shaking_near_the_end_and_asking_whether_to_go_on_is_the_tiredness_answer(text):
    assert conversation.answer_named_by_words(text) == "breaks_when_tired"


def test_shaking_with_a_pain_word_is_left_to_the_pain_reading():
    text = "my hamstring trembles and it hurts, should I keep going?"
    assert conversation.answer_named_by_words(text) is None


def test_shaking_said_with_no_choice_asked_settles_nothing():
    assert conversation.answer_named_by_words("my leg was shaking a lot today") is None


@pytest.mark.parametrize(
    "text",
    [
        "my GP printed me four stretches after I tweaked my spine gardening two summers ago "
        "and I've stuck with them, but is this one mainly for the spine or for hips?",
        "be honest, is it a back exercise or a hip one?",
    ],
)
def test_back_or_hip_weighed_is_who_it_is_for(text):
    assert conversation.answer_named_by_words(text) == "who_it_is_for"


def test_where_to_feel_it_in_back_or_hip_is_not_who_it_is_for():
    assert conversation.answer_named_by_words("should I feel it in my back or hip?") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("roughly what would ten minutes of these use up in calories?", "weight_loss"),
        ("is it a good kcal burner", "weight_loss"),
        ("how many calories does swimming burn", None),  # another sport's question
        ("how many calories should I eat before a session", None),  # food's
    ],
)
def test_calories_asked_about_the_exercise_are_the_weight_loss_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


def test_a_leg_that_wont_stay_straight_is_the_bent_knee_version_even_when_shaking():
    text = "my knee won't stay straight and it trembles, should I carry on?"
    assert conversation.answer_named_by_words(text) == "bent_knee_version"


def test_the_question_after_a_story_decides_the_answer():
    text = "I took these up for my back in the spring after a fall. Where do most people slip up?"
    assert conversation.answer_named_by_words(text) == "common_mistakes"


def test_a_pain_said_in_the_story_leaves_the_last_question_to_the_pain_reading():
    text = "My back aches after gardening. Where do most people slip up?"
    assert conversation.answer_named_by_words(text) is None

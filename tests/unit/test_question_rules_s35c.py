"""Question kinds set s35b showed (issue 16): asking to be led through it as a beginner
(how to do it, never how to make it harder); a dose doubted for one's age or strength
(doing fewer is fine); a shop's opening hours with a day named (an errand, not the
schedule); a personal question to the bot (it says it only coaches the one exercise)."""

import pytest

from coach import answers, conversation
from coach.conversation import State, answer_question


@pytest.mark.parametrize(
    "text",
    [
        "go through it with me from the very top, I've never tried it",
        "a step-by-step guide would help, first time",
        "complete novice, please show me so I get it right",
        "can you talk me through the exercise",
    ],
)
def test_asking_to_be_led_through_it_is_how_to_do_it(text):
    assert conversation.answer_named_by_words(text) == "how_to_do_it"


@pytest.mark.parametrize(
    "text",
    [
        "step by step, how do I make it harder?",  # a progression asked
        "as a complete beginner how many reps should I do?",  # a dose asked
        "total beginner, is it safe for me?",  # safety asked
        "I missed a fortnight, do I go back to the beginning?",  # a gap, not a beginner
    ],
)
def test_a_walk_through_word_with_another_question_is_not_the_how_to(text):
    assert conversation.answer_named_by_words(text) != "how_to_do_it"


@pytest.mark.parametrize(
    "text",
    [
        "in my eighties with weak legs, must I really manage 20 a leg?",
        "not fit at all, do I actually need to do fifteen each side?",
        "is twelve a side too many for someone like me?",
        "could I get away with fewer, I'm quite frail",
    ],
)
def test_a_dose_doubted_for_oneself_is_the_fewer_is_fine_answer(text):
    assert conversation.answer_named_by_words(text) == "cutting_back"


@pytest.mark.parametrize(
    "text",
    [
        "must I do 10 on each leg?",  # the dose asked, no doubt said
        "do I really have to do 3 sessions?",  # the schedule's
        "my back hurts, can I do fewer?",  # a pain is acted on first
    ],
)
def test_a_dose_asked_without_doubt_or_with_pain_is_not_cutting_back(text):
    assert conversation.answer_named_by_words(text) != "cutting_back"


@pytest.mark.parametrize(
    ("text", "errand"),
    [
        ("how late is the chemist open on saturdays", True),
        ("will the post office be shut bank holiday monday", True),
        ("what are the library's opening hours", True),
        ("what time should I do my leg lifts on sundays", False),
        ("should my eyes be shut while I hold it", False),
    ],
)
def test_opening_hours_asked_are_an_errand_whatever_day_is_named(text, errand):
    verdict = conversation.rule_verdict("faq", [], text, "gap_between_sessions")
    assert (verdict == "out_of_scope") is errand
    if errand:
        reply = answer_question("out_of_scope", [], State(disclaimer_given=True), text=text)
        assert [message.response for message in reply.messages] == ["utter_off_topic_errand"]


def test_the_bot_asked_about_itself_says_it_only_coaches_this_exercise():
    said = answers.answer_for("capabilities").short
    assert said.startswith(answers.IDENTITY) and " only " in said

"""Question kinds set pp showed (issue 16): a named condition asked whether the exercise
suits it, how to tell a session was too much, "what next" with no sessions kept, another
exercise's dose or a whole workout asked for, and which of two practitioners to see."""

import pytest

from coach import conversation
from tests.unit.chat import Chat

HIP = [{"entity": "body_part", "value": "hip"}, {"entity": "pain_word", "value": "pain"}]
CRUNCHES = [{"entity": "other_exercise", "value": "crunches"}]


@pytest.mark.parametrize(
    ("text", "suits"),
    [
        ("worn cartilage in my hip and it gives me pain, would this one be suitable", True),
        ("hip pain from a bursitis, is it ok for someone like me", True),
        ("my hip pain is bad today, is it ok for me to do it", False),  # today's pain: how bad
        ("my hip pain is a 6, suitable?", False),  # a score said is a pain report
    ],
)
def test_a_condition_asked_if_suitable_is_the_conditions_answer(text, suits):
    assert conversation.asks_if_it_suits_a_condition("pain", text, None, HIP) is suits


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("how can I tell if I pushed it too far", "soreness_the_next_day"),
        ("how would you know you'd done too much", "soreness_the_next_day"),
        ("how do I know if I'm doing it right", None),  # no overdoing said
    ],
)
def test_how_to_tell_it_was_too_much_is_the_next_morning_check(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("and crunches, how many should I do a day?", True),
        ("crunches, thoughts?", False),  # no dose asked: the selector's answer decides
    ],
)
def test_another_exercises_dose_is_the_other_exercise_redirect(text, another):
    assert conversation.names_another_exercise("faq", CRUNCHES, "neck_and_head", text) is another


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("any whole-body programme you would recommend for a beginner?", "out_of_scope"),
        ("show me an entire gym workout", "out_of_scope"),
        ("talk me through a full session of these", None),  # this exercise's session
    ],
)
def test_a_whole_workout_asked_for_is_other_training(text, verdict):
    assert conversation.rule_verdict("faq", [], text, "breathing") == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("is a physio or a podiatrist better to go to", "ask_medical"),
        ("would an osteo or a sports massage therapist be better", "ask_medical"),
        ("should I do these before or after seeing my physio", None),  # one, with the exercise
    ],
)
def test_two_practitioners_weighed_is_a_medical_question(text, verdict):
    assert conversation.rule_verdict("faq", [], text, "mat") == verdict


def test_what_next_with_no_sessions_kept_gives_the_harder_versions_first():
    chat = Chat(disclaimer_given=True)
    readings = (("shoes", 0.3), ("mat", 0.1))
    chat.say("too_easy", "this is a doddle now, so what's next", selector_readings=readings)
    assert chat.outcome.reply.messages[0].response == "utter_faq/harder_variations"

"""Question and session-language kinds set qq showed (issue 16): "what next" told with its
own history, a condition pointed back to ("ok for that?"), pain during the lift asked as
"what am I doing wrong", a start request with the dose said back, and the total in a word."""

import pytest

from coach import conversation, pain
from tests.unit.chat import Chat

HIP = [{"entity": "body_part", "value": "hip"}, {"entity": "pain_word", "value": "pain"}]
LOWER_BACK = [
    {"entity": "pain_word", "value": "hurts"},
    {"entity": "body_part", "value": "lower back"},
]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("done 3x12 for a fortnight, no bother, what should I do now", "the_build_up_target"),
        ("at it for a couple of months now, easy, where do I go from here", "the_build_up_target"),
        ("managed 15 reps for 30 days, what comes next", "the_build_up_target"),  # days no count
        ("2 sets of 20 for weeks, what next", "harder_variations"),
        ("on these for weeks and my knee aches, what now", None),  # pain: the pain steps
        ("what should I do next", None),  # nothing told: the selector decides
    ],
)
def test_what_next_told_with_its_history_is_the_build_up(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "suits"),
    [
        ("hip pain for years, would this be ok for that", True),
        ("hip pain, alright for it?", True),
        ("hip pain, is it ok for that to happen", False),  # whether the pain is fine
    ],
)
def test_a_condition_pointed_back_to_is_the_conditions_answer(text, suits):
    assert conversation.asks_if_it_suits_a_condition("pain", text, None, HIP) is suits


def test_pain_during_the_lift_asked_as_a_fault_gets_the_form_cue_then_how_bad():
    chat = Chat(disclaimer_given=True)
    text = "my lower back hurts as the leg goes up, am I doing it wrong"
    said = chat.say("pain", text, LOWER_BACK)
    assert pain.form_cue("lower back") in said and said.endswith(pain.HOW_BAD)
    assert chat.slots["pending_offer"] == "pain_severity"  # still rated before going on


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("let's begin. 2x15 correct?", "start_session"),
        ("could we start the reps, 3 sets of 10 yeah", "start_session"),
        ("can we begin? how high should my leg go", None),  # a question after: answered
        ("can we begin? my hip is sore", None),  # pain after a start: the pain steps
    ],
)
def test_a_start_with_the_dose_said_back_is_a_start(text, verdict):
    assert conversation.rule_verdict("faq", [], text, "number_of_sets") == verdict


def test_the_start_reply_states_the_dose():
    said = Chat(disclaimer_given=True).say("start_session", "shall we start? it's 2x10 isn't it")
    assert "10" in said


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("total now?", "ask_progress"),
        ("and the grand total", "ask_progress"),
        ("total knee replacement, can I do these", None),  # a condition, no total asked
    ],
)
def test_the_total_in_a_word_is_the_sessions_total(text, verdict):
    for intent in ("nlu_fallback", "greet", "continue_session"):  # DIET unsure of so little
        assert conversation.rule_verdict(intent, [], text, None) == verdict

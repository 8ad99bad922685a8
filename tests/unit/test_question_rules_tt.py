"""Question kinds set tt showed (issue 16): doing less of it asked as scaling it back, a
condition a clinician named asked as "would it be sensible", and what most often goes wrong."""

import pytest

from coach import answers, conversation

HIP = [{"entity": "body_part", "value": "hip"}, {"entity": "pain_word", "value": "ache"}]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("it's a lot for me at the moment, how do I tone it down?", "easier_versions"),
        ("can I dial things back a little?", "easier_versions"),
        ("should I cut down on sugar too", None),  # food, not the exercise
        ("my hip hurts, how can I tone it down?", None),  # a pain said is acted on first
        ("where do beginners tend to slip up?", "common_mistakes"),
        ("what's the thing people usually get wrong with these", "common_mistakes"),
        ("what happens if I get it wrong", None),
        ("what injuries can doing them wrong lead to", None),
        ("what goes up must come down", None),
        ("my neck aches, what am I doing wrong?", None),  # that part's own answer decides
        ("a physio put the ache in my hip down to my glutes, a good idea?", "hip_pain"),
    ],
)
def test_doing_less_and_the_usual_mistakes_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("my physio thinks the ache in my hip is from weak muscles, are these a good idea?", True),
        ("the doctor blames my sore hip on my glutes, would these be sensible?", True),
        ("my hip aches, is it sensible to carry on today?", False),  # whether to go on: how bad
    ],
)
def test_a_condition_asked_as_sensible_to_try_is_that_conditions_answer(text, answered):
    verdict = conversation.rule_verdict("pain", HIP, text, None)
    assert (verdict == conversation.QUESTION_INTENT) is answered


@pytest.mark.parametrize(
    ("text", "device_job"),
    [
        ("can you remind me to ring the dentist at noon", True),
        ("pop some eggs on the grocery list", True),
        ("remind me to do my leg lifts after work", False),  # the coach's own reminder
        ("set a reminder to exercise at 6", False),
        ("set a reminder for tomorrow morning", False),
    ],
)
def test_an_errand_to_be_reminded_of_is_a_device_job_a_session_reminder_is_not(text, device_job):
    assert (conversation.rule_verdict("set_reminder", [], text) == "out_of_scope") is device_job
    if device_job:
        reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
        assert reply.messages[0].text == answers.DEVICE_JOBS

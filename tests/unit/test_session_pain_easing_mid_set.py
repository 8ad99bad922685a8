"""Pain said to be easing mid-set is heard: "my hip's fine now" after a pain report is not
taken as just carrying on, and a score said as it eases gets the easing heard first."""

from tests.unit.chat import in_a_set, number


def _set_with_mild_pain():
    chat = in_a_set()
    chat.say("report_reps", "3", number(3))
    hip = [{"entity": "body_part", "value": "hip"}, {"entity": "severity", "value": "a bit"}]
    said = chat.say("pain", "my hip is a bit sore", hip)
    assert "Mild pain" in said
    return chat


def test_a_body_part_said_fine_again_as_carrying_on_is_heard_as_easing():
    chat = _set_with_mild_pain()
    said = chat.say("continue_session", "hip's fine again")
    assert "glad it feels better" in said and "3 of 10" in said


def test_carrying_on_with_no_pain_said_today_is_only_carrying_on():
    chat = in_a_set()
    chat.say("report_reps", "3", number(3))
    said = chat.say("continue_session", "hip's fine again")
    assert "glad it feels better" not in said


def test_a_low_score_said_as_it_eases_is_heard_and_advised():
    chat = _set_with_mild_pain()
    said = chat.say("pain", "it's calming down, about a 2 I'd say", number(2))
    assert said.startswith("Good to hear it's easing.")
    assert "2 out of 10" in said


def test_a_high_score_is_never_greeted_as_easing():
    chat = _set_with_mild_pain()
    said = chat.say("pain", "calming down a little, still an 8 though", number(8))
    assert "easing" not in said and "stop" in said

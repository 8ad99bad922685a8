"""Questions that name a pain or a condition but ask something else (issue 16, dd): whether
the exercise suits the condition, how to hold the body, what the pain is, which other
exercise helps, or what no extra pain the next morning means."""

import pytest

from coach import conversation, pain
from tests.unit.chat import Chat

BACK = [{"entity": "body_part", "value": "back"}, {"entity": "pain_word", "value": "hurts"}]
SHOULDER = [{"entity": "body_part", "value": "shoulder"}, {"entity": "pain_word", "value": "sore"}]


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("stairs make my hip ache, would these be any good for it?", True),
        ("does it help knee pain as well or only hips", True),
        ("my hip hurts, can I still do them?", False),  # whether to exercise today: how bad
        ("hip pain of 6 today, good for it?", False),  # a score said is a report
        ("my hip hurts a lot", False),
    ],
)
def test_whether_it_suits_a_painful_condition_is_that_answer(text, answered):
    verdict = conversation.rule_verdict("pain", [], text, "hip_pain")
    assert (verdict == conversation.QUESTION_INTENT) is answered


def test_a_condition_question_needs_a_condition_answer():
    text = "stairs make my hip ache, would these be any good for it?"
    assert conversation.rule_verdict("pain", [], text, "speed") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("up this morning with zero new aches after the session, what does that mean", "nope"),
        ("the following day no worse than before, is that ok?", "nope"),
        ("the following morning my hip is sorer, is that bad?", "soreness_the_next_day"),
    ],
)
def test_no_extra_pain_the_next_morning_is_its_own_answer(text, key):
    expected = "no_pain_the_next_day" if key == "nope" else key
    assert conversation.answer_named_by_words(text.replace("up this", "woke up this")) == expected


def test_a_form_question_with_a_sore_part_is_answered_and_the_pain_can_still_be_rated():
    chat = Chat(disclaimer_given=True)
    said = chat.say(
        "pain",
        "my shoulders get sore on all fours, should my hands be further forward",
        SHOULDER,
        answer_key="arms_and_thighs",
        selector_readings=(("arms_and_thighs", 0.9),),
    )
    responses = [m.response for m in chat.outcome.reply.messages if m.response]
    assert responses == ["utter_faq/arms_and_thighs"]
    assert pain.RATE_IT_IF_NOW in said and chat.slots["pending_offer"] == "pain_severity"


def test_a_sore_part_with_no_question_or_an_unsure_answer_is_asked_how_bad():
    for text, readings in [
        ("my shoulders get sore on all fours", (("arms_and_thighs", 0.9),)),
        ("my shoulders get sore, should my hands move", (("arms_and_thighs", 0.3),)),
    ]:
        chat = Chat(disclaimer_given=True)
        said = chat.say(
            "pain", text, SHOULDER, answer_key="arms_and_thighs", selector_readings=readings
        )
        assert said.startswith(pain.ASK_SEVERITY)


def test_asked_what_the_pain_is_the_pain_comes_first_then_no_diagnosis():
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", "is it a slipped disc do you think? my back hurts", BACK)
    assert pain.CANT_DIAGNOSE in said and "how bad" in said.lower()
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", "my back hurts, 8 out of 10, do i have a slipped disc?", BACK)
    assert said.index("8") < said.index(pain.CANT_DIAGNOSE)
    assert pain.CANT_DIAGNOSE not in Chat(disclaimer_given=True).say("pain", "my back hurts", BACK)


def test_another_exercise_for_a_condition_in_general_is_redirected_but_a_symptom_is_asked():
    yoga = [{"entity": "other_exercise", "value": "pilates"}]
    chat = Chat(disclaimer_given=True)
    said = chat.say("out_of_scope", "is pilates any use for sciatica", yoga)
    assert "pilates" in said and chat.slots.get("pending_offer") != "safety_check"
    chat = Chat(disclaimer_given=True)
    chat.say("out_of_scope", "my sciatica flares up, is pilates any use", yoga)
    assert chat.slots.get("pending_offer") == "safety_check"


def test_a_session_done_yesterday_without_the_coach_still_counts_for_the_gap():
    said = Chat(disclaimer_given=True).say(
        "ask_next_session", "finished my session last night, fine to go once more today?"
    )
    assert "not today" in said.lower() and "48 to 72 hours" in said
    said = Chat(disclaimer_given=True).say("ask_next_session", "can i do them today?")
    assert "any time is good" in said


def test_a_painful_part_names_the_condition_when_the_selector_leaned_elsewhere():
    hip = [{"entity": "body_part", "value": "hips"}]
    text = "my hips ache on long walks, would this be good for that"
    assert conversation.rule_verdict("pain", hip, text, "walking") == conversation.QUESTION_INTENT
    assert conversation.condition_answer(hip, "walking") == "hip_pain"
    assert conversation.condition_answer(hip, "after_hip_replacement") == "after_hip_replacement"
    assert conversation.rule_verdict("pain", [], text, "walking") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("should my eyes look ahead or down while i lift", "neck_and_head"),
        ("where am i meant to look during the hold", "neck_and_head"),
        ("looking forward or down, which is right", "neck_and_head"),
        ("look down or ahead?", "neck_and_head"),
        ("tummy in or out?", "tummy_squeeze"),
        ("stomach braced, yes or no", "tummy_squeeze"),
        ("will it give me stronger abs", None),
    ],
)
def test_where_to_look_and_the_core_as_a_choice_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "rated"),
    [
        ("severe now, in my right hip", True),
        ("it's mild, the back of my thigh", True),
        ("moderate pain in the hip, is that too much?", False),  # asked: its answer
        ("mild stretch or a proper burn in the glutes, which is right", False),
    ],
)
def test_a_level_said_first_then_the_part_is_a_pain_report(text, rated):
    part = [{"entity": "body_part", "value": "hip"}]
    assert (conversation.rule_verdict("faq", part, text, "pain_that_persists") == "pain") is rated


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("my back has niggled on and off for years, will they really help?", True),
        ("bad back for a decade, am i wasting my time with these", True),
        ("my back hurts right now, will these help", False),  # pain now: how bad first
    ],
)
def test_whether_it_helps_a_long_standing_condition_is_that_answer(text, answered):
    verdict = conversation.rule_verdict("pain", BACK, text, "low_back_pain")
    assert (verdict == conversation.QUESTION_INTENT) is answered


def test_pain_in_words_asked_about_the_lift_gets_the_cue_and_how_to_rate_it():
    """No number said: the band in the user's terms, the form cue, how to give a number;
    the answer to "can I still exercise?" keeps the same terms."""
    chat = Chat()
    words = [{"entity": "severity", "value": "slight"}, {"entity": "body_part", "value": "hip"}]
    said = chat.say("pain", "slight pull in my hip at the top of the lift, ok?", entities=words)
    assert "Mild pain" in said and "out of 10" not in said
    assert pain.form_cue("hip") in said and "0 (none) to 10" in said
    assert "mild pain" in chat.say("nlu_fallback", "can I still exercise today?")

"""Answer kinds set 2026-11-28f showed (issue 16: answer the question that was asked): the
leg above level asked about as better is how high to lift; a back or hip complaint weighing
help against harm is that condition's answer; pain after a step up is the step back (and
how bad, asked); a pregnancy decides whatever name of the exercise is used; and a pain
score asked about before a session is the pain handling's turn alone."""

import pytest

from coach import conversation, numbers
from tests.unit.chat import Chat

HOW_BAD = "How bad is it, from 0 (no pain) to 10 (the worst)?"


def _responses(chat: Chat) -> list[str]:
    return [m.response for m in chat.outcome.reply.messages if m.response]


# ---- 1. the leg above level, asked whether that is better: how high to lift


@pytest.mark.parametrize(
    "text",
    [
        "my heel ends up way over my head height, is that a good thing?",
        "is it better if my leg goes above my back?",
        "the more height the better surely?",
        "higher means it works the glutes harder, right?",
        "can i kick it higher than my hips?",
        "if my toes reach above my head does it give more benefit",
        "the leg swings up past flat, is that ok",
    ],
)
def test_the_leg_above_level_asked_as_better_is_how_high_to_lift(text):
    assert conversation.answer_named_by_words(text) == "how_high_to_lift"


@pytest.mark.parametrize(
    "text",
    [
        "is it ok if my hips turn so my leg goes above my back?",  # the pelvis's question
        "is doing more reps better?",
        "my back hurts when my leg goes above level, is that bad?",  # pain, rated first
    ],
)
def test_the_pelvis_more_reps_or_a_pain_are_not_the_height(text):
    assert conversation.answer_named_by_words(text) != "how_high_to_lift"


# ---- 2. a back or hip complaint weighing help against harm: that condition's answer


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my back's been dodgy for years, will these help or make it worse?", "low_back_pain"),
        ("stiff lower back from desk work, would these help it or aggravate it", "low_back_pain"),
        ("got a niggly back, do these twice a week help or harm?", "low_back_pain"),
        ("I tweaked my back at work, are these going to help or hurt?", "low_back_pain"),
        ("bad back for ages - good or bad to do these?", "low_back_pain"),
        ("my hip is a bit niggly, will this help it or make things worse?", "hip_pain"),
        ("dodgy hip, would leg lifts do more harm than good", "hip_pain"),
    ],
)
def test_a_complaint_weighing_help_or_harm_is_that_conditions_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


def test_help_or_harm_with_no_complaint_is_left_to_the_selector():
    assert conversation.answer_named_by_words("will these help or make things worse?") is None


# ---- 3. pain after a step up: the step back, then how bad


@pytest.mark.parametrize(
    "text",
    [
        "went from 8 to 12 reps a side and my lower back is aching now, what do I do",
        "went from ten to fifteen reps and it's started hurting",
        "since adding the ankle weight my hip aches",
        "strapped on a 1kg weight and now my back twinges",
        "since I moved on to the straight leg version my back has been sore",
        "switched to the harder one this week and my hip is aching",
        "tried the resistance band and now it hurts a bit, what now?",
    ],
)
def test_pain_after_a_step_up_is_the_step_back(text):
    assert conversation.answer_named_by_words(text) == "pain_when_adding_reps"
    # whatever the classifier read, a question with the step-back answer
    for intent in ("faq", "pain"):
        assert conversation.rule_verdict(intent, [], text) == conversation.QUESTION_INTENT


@pytest.mark.parametrize(
    "text",
    [
        "since adding the ankle weight there's no pain at all, what next?",
        "switched to the harder version, pain free, good?",
    ],
)
def test_a_step_up_without_pain_is_no_step_back(text):
    assert conversation.answer_named_by_words(text) != "pain_when_adding_reps"


def test_a_rep_range_is_no_pain_score():
    assert numbers.read_pain_score("went from 8 to 10 reps and now my back aches") is None
    assert numbers.read_pain_score("from ten to twelve lifts a side, my hip hurts") is None
    assert numbers.read_pain_score("went from 8 reps up to 12 and now it's painful") is None
    assert numbers.read_pain_score("bumped my reps from 10 to 14, now my back hurts") is None
    # a pain that changed keeps its score now
    assert numbers.read_pain_score("my pain went from 3 to 6") == 6


def test_the_step_back_is_said_then_how_bad_is_asked():
    text = "since adding the ankle weight my hip aches, what now?"
    chat = Chat()
    said = chat.say("faq", text, answer_key="pain_when_adding_reps")
    assert HOW_BAD in said
    assert chat.slots["pending_offer"] == "pain_severity"
    # the score that follows is read as the score
    chat.say("pain", "about a 3")
    assert chat.slots.get("pending_offer") != "pain_severity"


def test_the_step_back_asked_in_general_asks_no_score():
    chat = Chat()
    text = "what if it hurts when i add weight?"
    said = chat.say("faq", text, answer_key="pain_when_adding_reps")
    assert HOW_BAD not in said
    assert chat.slots.get("pending_offer") is None


def test_the_step_back_answer_covers_a_weight_and_a_harder_version():
    answer = conversation.answer_response("pain_when_adding_reps")
    assert answer == "utter_faq/pain_when_adding_reps"


# ---- 4. a pregnancy decides, whatever name of the exercise


@pytest.mark.parametrize(
    "text",
    [
        "can I still do prone hip extensions now I'm pregnant?",
        "I'm expecting - are hip extensions alright?",
        "baby on the way, are donkey kicks safe for me",
        "second trimester, ok to carry on with leg lifts?",
        "20 weeks gone, is lying face down for the leg lifts ok",
        "is the hip extension exercise safe in pregnancy",
    ],
)
def test_a_pregnancy_is_the_pregnancy_answer(text):
    assert conversation.answer_named_by_words(text) == "pregnancy"


@pytest.mark.parametrize(
    "text",
    [
        "had my baby six weeks ago, can I do hip extensions?",
        "postpartum and keen on donkey kicks, ok?",
    ],
)
def test_a_birth_is_the_postnatal_answer(text):
    assert conversation.answer_named_by_words(text) == "postnatal"


@pytest.mark.parametrize(
    "text",
    [
        "what should I be expecting to feel in my glutes?",
        "I'm expecting results by summer, how often a week?",
    ],
)
def test_expecting_something_is_no_pregnancy(text):
    assert conversation.answer_named_by_words(text) != "pregnancy"


# ---- 5. a pain score asked about before a session: the pain handling owns the turn


@pytest.mark.parametrize(
    "text",
    [
        "my hip's at a five today, should I still do my session?",
        "back is 6/10 this morning, ok to do my workout?",
        "lower back about a 4 today, can I still exercise",
        "knee pain 3 out of 10, shall I skip today?",
        "pain is a seven, should i still train",
    ],
)
def test_a_scored_pain_before_a_session_is_the_pain_report(text):
    for intent in ("faq", "nlu_fallback"):
        assert conversation.rule_verdict(intent, [], text, "smaller_lift") == "pain"


@pytest.mark.parametrize(
    "text",
    [
        "if my pain is a 5, should I still do the session?",  # asked in general
        "is a 3 out of 10 ok during the lift?",  # how much pain is fine, asked
    ],
)
def test_a_score_asked_in_general_stays_a_question(text):
    assert conversation.rule_verdict("faq", [], text, "how_much_pain_is_ok") != "pain"


def test_severe_words_with_another_question_are_not_taken_for_a_said_score():
    text = "can i do it without a mat, my knees are killing me on the tiles"
    assert not conversation.scored_pain_asked_before_exercising(text)


def test_the_score_is_advised_with_no_selected_answer_before_it():
    text = "my hip's at a six today should i still do the session"
    chat = Chat()
    said = chat.say("pain", text, answer_key="smaller_lift")
    assert _responses(chat) == []
    assert "6 out of 10" in said

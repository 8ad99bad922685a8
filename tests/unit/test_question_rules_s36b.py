"""Question kinds set 2026-11-28a showed (issue 16): the hips kept level asked in a few
words, fewer reps managed and asked whether to do just those, the whole prescription asked
for at once, a health matter beyond the exercise, and lying face down asked for instead of
kneeling."""

import pytest

from coach import answers, conversation
from coach import protocol as p
from tests.unit.test_responses import ALL_RESPONSES


def _response_text(key: str) -> str:
    return ALL_RESPONSES[conversation.answer_response(key)][0]["text"]


# ---- 1. the hips or pelvis kept level or still, no pain said: the pelvis-still answer


@pytest.mark.parametrize(
    "text",
    [
        "pelvis flat?",
        "should my hips stay square to the floor",
        "do the hips move at all when the leg goes up",
        "keep the pelvis steady?",
        "is it fine if one hip rocks up a bit",
        "level hips the whole time?",
    ],
)
def test_hips_kept_level_is_the_pelvis_still_answer(text):
    assert conversation.answer_named_by_words(text) == "keeping_the_pelvis_still"


@pytest.mark.parametrize(
    "text",
    [
        "does the leg come up past hip height",  # how high, not the pelvis
        "my hip hurts when it tilts, is that bad",  # pain said: answered from how bad
    ],
)
def test_hip_level_as_a_height_or_with_pain_is_not_the_pelvis_answer(text):
    assert conversation.answer_named_by_words(text) != "keeping_the_pelvis_still"


# ---- 2. fewer reps managed, asked whether to do just those: doing fewer is fine


@pytest.mark.parametrize(
    "text",
    [
        "I can only get through 7 before my form goes, shall I stick at 7?",
        "can't do more than five at the moment, should I just do five",
        "only managing four then it all goes wobbly, is that ok",
        "the most I can manage is 8, can I just do 8 for now",
    ],
)
def test_fewer_managed_and_asked_is_the_doing_fewer_answer(text):
    assert conversation.answer_named_by_words(text) == "cutting_back"


@pytest.mark.parametrize(
    "text",
    [
        "I can only lift my foot a few inches, is that ok",  # how high, not how many
        "only managing 5 each side, is that enough",  # enough: the target's question
        "can only do 6 before it starts to hurt, should I stop",  # pain: how bad it is
    ],
)
def test_a_height_a_doubt_of_enough_or_pain_is_not_the_doing_fewer_answer(text):
    assert conversation.answer_named_by_words(text) != "cutting_back"


# ---- 3. the whole prescription: one answer with sets, reps, the hold and the rest


@pytest.mark.parametrize(
    "text",
    [
        "what are the sets, reps, hold and rest times",
        "can you summarise everything, reps and how long to hold",
        "full plan please: sets, reps and the holding time",
        "reps, sets, rest - all of it in one message",
    ],
)
def test_the_whole_prescription_is_one_answer_with_every_number(text):
    key = conversation.answer_named_by_words(text)
    assert key == "first_session"
    said = _response_text(key)
    assert f"{p.SETS_PER_LEG} sets of {p.FIRST_SESSION_REPS}" in said  # sets and reps
    assert f"{p.HOLD_SECONDS.low} to {p.HOLD_SECONDS.high} seconds" in said  # the hold
    assert p.REST_BETWEEN_SETS_SECONDS == 60 and "a minute's rest" in said  # the rest


@pytest.mark.parametrize(
    "text",
    [
        "how long should I rest between sets",  # the rest alone
        "sets and reps for a whole session?",  # the sets answer states both
    ],
)
def test_one_or_two_parts_asked_are_their_own_answers(text):
    assert conversation.answer_named_by_words(text) != "first_session"


# ---- 4. a health matter beyond the exercise: the doctor, GP or pharmacist


@pytest.mark.parametrize(
    "text",
    [
        "what should my pulse be when I'm sitting still",
        "is 130 over 85 a good blood pressure",
        "how do I bring my cholesterol down",
        "any advice for insomnia, I'm awake till 3",
        "what's the max dose of my sleeping tablets",
        "I keep getting migraines, what helps",
    ],
)
@pytest.mark.parametrize("intent", ["out_of_scope", "faq", "nlu_fallback"])
def test_a_health_matter_beyond_the_exercise_is_a_medical_question(text, intent):
    assert conversation.rule_verdict(intent, [], text) == "ask_medical"
    said = answers.answer_for(conversation.INTENT_TOPICS["ask_medical"]).short
    assert "doctor" in said or "pharmacist" in said
    assert "everyday" not in said


def test_insomnia_read_as_the_sleep_kind_is_still_the_doctors():
    sleep = [{"entity": "off_topic", "value": "sleep"}]
    assert conversation.rule_verdict("out_of_scope", sleep, "tips for insomnia?") == "ask_medical"


@pytest.mark.parametrize(
    "text",
    [
        "what muscles dose this work",  # "dose" for "does"
        "I have high blood pressure, is it safe to do these lifts",  # the exercise asked
    ],
)
def test_a_typo_or_the_exercise_asked_is_not_sent_to_the_doctor_by_this_rule(text):
    assert conversation.HEALTH_MATTER_ASKED.search(text) is None


# ---- 5. lying face down asked for instead of kneeling: that version


@pytest.mark.parametrize(
    "text",
    [
        "kneeling is agony for my knees, could I do them flat on my belly",
        "my knees won't let me kneel, any way of doing it face down",
        "is there an alternative lying on my front, I can't get on all fours",
        "can I do it on my stomach rather than on hands and knees",
    ],
)
def test_lying_asked_for_instead_of_kneeling_is_that_version(text):
    # the routing alone (the red-flag screen is another rule's)
    assert conversation.answer_named_by_words(text) == "lying_face_down_version"


def test_kneeling_or_lying_asked_as_a_doubt_is_still_the_start_position():
    text = "is it on all fours or lying flat, the name says prone"
    assert conversation.answer_named_by_words(text) == "starting_position"

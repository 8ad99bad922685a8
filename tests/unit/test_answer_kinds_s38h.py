"""Answer kinds set 2026-11-28g showed (issue 16: answer the question that was asked): the
position asked as a choice or as "which position", another name or short form asked what it
is, where to do it with a small place or none, a pain for weeks said in passing before a
dose question (both answered), and a lift that only gets part way asked as worth it."""

import pytest

from coach import conversation
from tests.unit.chat import Chat
from tests.unit.test_responses import ANSWERS

HOW_BAD = "how bad is it, from 0 (no pain) to 10 (the worst)?"


def _responses(chat: Chat) -> list[str]:
    return [m.response for m in chat.outcome.reply.messages if m.response]


def _answer(key: str) -> str:
    return ANSWERS[key][0]["text"]


# ---- 1. the position asked as a choice, or as which position: the start position


@pytest.mark.parametrize(
    "text",
    [
        "is it on my stomach or on my hands and knees for these?",
        "belly down or kneeling, which one?",
        "flat on my front or all fours? the video went too fast and she rushed it",
        "which position is it?",
        "what position do I do them in",
        "which starting position should i be in for this",
        "is it kneeling or lying face down, my nurse hurried off before I could ask",
    ],
)
def test_the_position_asked_as_a_choice_is_the_start_position(text):
    assert conversation.answer_named_by_words(text) == "starting_position"


@pytest.mark.parametrize(
    "text",
    [
        "what position should my head be in?",
        "which position is best for sleeping with a bad back",
        "what position are my knees meant to be in",
        "should the reps be rushed or steady?",  # the speed, still
    ],
)
def test_a_parts_position_or_a_speed_is_not_the_start_position(text):
    assert conversation.answer_named_by_words(text) != "starting_position"


def test_the_start_position_answer_says_there_is_a_face_down_version():
    said = _answer("starting_position").lower()
    assert "hands and knees" in said and "face-down version" in said and "lying" in said


# ---- 2. another name or a short form asked what it is: the other names


@pytest.mark.parametrize(
    "text",
    [
        "prone SLR?",
        "PSLR x12??",
        "what does PHE stand for",
        "my leaflet has prone leg raise 2x10 on it, what the heck is that",
        "prone hip ext - is that this one?",
        "what's a reverse leg raise then",
        "is a glute kickback the same as this",
        "never heard of a straight leg raise, what is it",
        "what exactly is a prone hip extension?",
    ],
)
def test_another_name_asked_what_it_is_is_the_other_names_answer(text):
    assert conversation.answer_named_by_words(text) == "other_names"


@pytest.mark.parametrize(
    "text",
    [
        "slr",  # a name with nothing asked
        "PHE is it hard?",
        "my physio set me prone SLRs, how long do I hold each?",
        "prone hip extension hurts my back, what is that about?",  # a pain, acted on
    ],
)
def test_a_name_with_another_question_or_none_is_not_the_other_names(text):
    assert conversation.answer_named_by_words(text) != "other_names"


def test_a_short_form_misread_as_beyond_the_exercise_is_a_question():
    for intent in ("out_of_scope", "nlu_fallback"):
        assert conversation.rule_verdict(intent, [], "PSLR x12??") == "faq"


def test_the_other_names_answer_names_them_and_says_what_it_is():
    said = _answer("other_names").lower()
    for name in ("prone hip extension", "straight leg raise", "slr", "phe", "glute kickback"):
        assert name in said
    assert "same" in said and "hands and knees" in said and "level" in said


# ---- 3. where to do it, a small place or none: the where-to-do-it answer


@pytest.mark.parametrize(
    "text",
    [
        "where is best for doing these?",
        "my flat is really small, is there enough room?",
        "only a small bedroom here, where can I do them",
        "not much space in my place, does it matter?",
        "is it ok doing them in the office on my lunch break?",
        "could i do these at the hotel while i'm away?",
        "how much space do i need",
    ],
)
def test_where_to_do_it_with_a_small_place_is_that_answer(text):
    assert conversation.answer_named_by_words(text) == "where_to_do_it"
    # however the classifier read the home or the office, it is a question about this
    for intent in ("out_of_scope", "nlu_fallback"):
        assert conversation.rule_verdict(intent, [], text) == "faq"


@pytest.mark.parametrize(
    "text",
    [
        "where's the best place to eat near me",
        "where can i buy a mat",
        "can i do them in bed?",  # the bed's own answer
        "where should i feel it?",
        "i live in a small flat, any recipe ideas?",
    ],
)
def test_other_places_and_wheres_are_not_where_to_do_it(text):
    assert conversation.answer_named_by_words(text) != "where_to_do_it"


def test_the_where_answer_says_a_firm_floor_a_mat_and_a_body_length():
    said = _answer("where_to_do_it").lower()
    assert "flat, firm floor" in said and "mat or" in said and "towel" in said
    assert "body length" in said


# ---- 4. a pain for weeks said in passing, then a dose: both, in one reply

WEEKS_ADVICE = "still there after 2 weeks or more should be checked by a doctor"


@pytest.mark.parametrize(
    "text",
    [
        "hip has been niggling for a month, anyway that's not my question - how many per side?",
        "knee's been sore for weeks but anyway how many do I do on each leg?",
        "my back has ached for three weeks, by the way how many should i do?",
    ],
)
def test_a_pain_for_weeks_in_passing_gets_the_answer_then_the_advice_and_how_bad(text):
    asked = conversation.question_after_passing_pain(text)
    assert asked and conversation.answer_to_passing_question(asked, None) == "reps_per_set"
    chat = Chat()
    said = chat.say("pain", text, answer_key=None)
    assert _responses(chat) == [conversation.answer_response("reps_per_set")]
    assert WEEKS_ADVICE in said and HOW_BAD in said
    assert chat.slots["pending_offer"] == "pain_severity"


def test_the_selectors_pain_pick_no_longer_drops_a_dose_asked_per_leg():
    text = "back's been grumbling for weeks, anyway how many per leg?"
    chat = Chat()
    chat.say("pain", text, answer_key="pain_that_persists")
    assert _responses(chat) == [conversation.answer_response("reps_per_set")]


def test_an_emergency_sign_still_owns_the_turn():
    text = "back has ached for weeks and i can't control my bladder, anyway how many per leg?"
    assert conversation.rule_verdict("pain", [], text) == "red_flag"


@pytest.mark.parametrize(
    "asked", ["how many sessions a week per leg?", "how many days per leg", "how many sets?"]
)
def test_a_week_a_day_or_sets_asked_are_not_the_reps(asked):
    assert conversation.answer_to_passing_question(asked, None) != "reps_per_set"


# ---- 5. a lift that only gets part way, asked if worth it: the smaller lift


@pytest.mark.parametrize(
    "text",
    [
        "my leg only comes up part way, is it even worth it?",
        "can only raise it a few inches, am I wasting my effort",
        "I can barely lift it off the floor, does that still count?",
        "only get it about halfway up, fine?",
    ],
)
def test_a_lift_short_of_level_asked_about_is_the_smaller_lift(text):
    assert conversation.answer_named_by_words(text) == "smaller_lift"


@pytest.mark.parametrize(
    "text",
    [
        "I only rest a little between sets, is that ok?",
        "only get halfway through the set before my hip hurts, is that ok?",  # a pain
    ],
)
def test_a_short_rest_or_a_pain_is_not_the_smaller_lift(text):
    assert conversation.answer_named_by_words(text) != "smaller_lift"


def test_the_smaller_lift_answer_says_plainly_it_still_works():
    said = _answer("smaller_lift").lower()
    assert "still works" in said and "still worth it" in said and "level" in said


def test_the_nlu_makes_a_small_flat_misread_as_beyond_the_exercise_the_where_answer():
    from rasa.shared.nlu.constants import INTENT

    from nlp.components import EntityRulesIntentCorrector
    from tests.unit.test_nlu_components import message

    text = "only got a poky little flat, is there space for these?"
    msg = message(text, [("out_of_scope", 0.8)], [("mat", 0.6), ("in_bed", 0.2)])
    EntityRulesIntentCorrector().process([msg])
    assert msg.get(INTENT)["name"] == "faq"
    picked = msg.get("response_selector")["default"]
    assert picked["response"]["intent_response_key"] == "faq/where_to_do_it"

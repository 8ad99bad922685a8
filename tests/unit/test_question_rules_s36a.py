"""Question kinds set s35d showed (issue 16): the number to work up to asked with words that
pull elsewhere (easy, adding, increasing) is the build-up target; whether the exercise, by
any of its names, helps one's own hip or back trouble is that condition's answer, not "how
bad is it?"; a pain put down to a movement fault (too high, arching, twisting) gets that
fault's form answer before how bad; two exercises weighed against each other are the
other-exercise redirect, even when a muscle this one works is named."""

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from coach import answers, conversation, pain
from nlp.components import EntityRulesIntentCorrector, selected_answer
from tests.unit.chat import Chat


def _entities(text: str, *spans: tuple[str, str]) -> list[dict]:
    """Entities as the EntityRuler gives them: label, the words, where they are."""
    found = []
    for label, said in spans:
        start = text.lower().index(said.lower())
        found.append({"entity": label, "value": said, "start": start, "end": start + len(said)})
    return found


def _corrected(text: str, intent: str, picked: str, entities=()) -> tuple[str, str | None]:
    """The intent and answer after the rule corrector, from DIET's and the selector's reading."""
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.9}])
    message.set(ENTITIES, list(entities))
    key = f"faq/{picked}"
    message.set(
        "response_selector",
        {
            "default": {
                "response": {"intent_response_key": key, "confidence": 0.8},
                "ranking": [{"intent_response_key": key, "confidence": 0.8}],
            }
        },
    )
    EntityRulesIntentCorrector().process([message])
    return message.get(INTENT)["name"], selected_answer(message)[0]


def _responses(chat: Chat) -> list[str]:
    return [message.response for message in chat.outcome.reply.messages if message.response]


# -- 1. the number to work up to ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "been on 12 a side for weeks now and it's a breeze, what rep count am I building up to?",
        "I keep adding a couple each week. what's the max number of reps per set?",
        "these are getting light, what's the end goal for reps before I add anything?",
        "how far should I increase the reps once ten feels simple?",
        "whats the target number of lifts on each leg",
        "increasing slowly, where should I be getting up to?",
    ],
)
def test_the_number_to_work_up_to_is_the_build_up_target(text):
    assert conversation.answer_named_by_words(text) == "the_build_up_target"


@pytest.mark.parametrize("intent", ["too_easy", "feel_fine", "nlu_fallback", "out_of_scope"])
def test_the_number_to_work_up_to_is_a_question_however_diet_read_it(intent):
    text = "it's all getting easy now, what number of reps should I work up to?"
    assert conversation.rule_verdict(intent, [], text) == conversation.QUESTION_INTENT


def test_the_number_to_work_up_to_outranks_the_selectors_pain_with_more_reps():
    text = "adding reps has been fine and it's easy now, what should I be working up to"
    assert _corrected(text, "faq", "pain_when_adding_reps") == ("faq", "the_build_up_target")


@pytest.mark.parametrize(
    "text",
    [
        "since adding reps my back aches, what should I build up to?",  # the pain first
        "how many sets should I work up to?",  # sets: the sets answer
        "how many seconds should I build up to holding it?",
        "at 20 a side already, what should I work up to now?",  # the top: harder versions
        "what muscles does it target?",
    ],
)
def test_pain_sets_holds_or_the_top_of_the_range_are_not_the_build_up_target(text):
    assert conversation.answer_named_by_words(text) != "the_build_up_target"


# -- 2. whether the exercise, by any name, helps one's own condition ---------------------


@pytest.mark.parametrize(
    ("text", "part", "pain_word", "answer"),
    [
        ("my hip gets achy after gardening will prone hip extensions help", "hip", "achy",
         "hip_pain"),
        ("hips ache when I walk far, would the prone straight leg raise help", "hips", "ache",
         "hip_pain"),
        ("lower back has been aching on and off, could doing the leg raises help", "lower back",
         "aching", "low_back_pain"),
        ("my back is sore most evenings. would hip extensions actually help", "back", "sore",
         "low_back_pain"),
    ],
)  # fmt: skip
def test_whether_the_exercise_by_name_helps_ones_condition_is_that_conditions_answer(
    text, part, pain_word, answer
):
    entities = _entities(text, ("body_part", part), ("pain_word", pain_word))
    assert not conversation.reports_pain("faq", entities, text)
    assert conversation.rule_verdict("pain", entities, text) == conversation.QUESTION_INTENT
    assert _corrected(text, "pain", "pain_during_the_exercise", entities) == ("faq", answer)


def test_the_hip_in_the_exercises_name_is_no_hip_trouble():
    text = "my knee aches on the stairs, would prone hip extensions help?"
    entities = _entities(text, ("body_part", "knee"), ("pain_word", "aches"))
    start = text.index("hip")  # in "prone hip extensions"
    entities += [{"entity": "body_part", "value": "hip", "start": start, "end": start + 3}]
    assert conversation.condition_answer(entities, None, text) is None
    assert conversation.answer_named_by_words(text) != "hip_pain"


def test_pain_with_no_question_of_help_stays_a_pain_report():
    text = "my hip aches after long drives"
    entities = _entities(text, ("body_part", "hip"), ("pain_word", "aches"))
    assert conversation.reports_pain("faq", entities, text)


# -- 3. a pain put down to a movement fault ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "part", "answer"),
    [
        ("my lower back twinges if I lift my leg higher than my hips", "lower back",
         "how_high_to_lift"),
        ("back pinches when I raise the leg way too high", "back", "how_high_to_lift"),
        ("sharp ache in my back as I go above horizontal", "back", "how_high_to_lift"),
        ("my back aches when I arch it at the top", "back", "arching_the_back"),
        ("hip hurts when my pelvis twists as the leg goes back", "hip",
         "keeping_the_pelvis_still"),
        ("sore back when I let the leg drop quickly", "back", "lowering_the_leg"),
    ],
)  # fmt: skip
def test_pain_from_a_movement_fault_gets_the_faults_form_answer_then_how_bad(text, part, answer):
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", text, _entities(text, ("body_part", part)))
    assert _responses(chat) == [conversation.answer_response(answer)]
    assert said.strip().endswith(pain.HOW_BAD)
    assert chat.slots["pending_offer"] == "pain_severity"


def test_pain_from_a_fault_for_weeks_sends_to_a_clinician_after_the_cue():
    text = "for weeks now my back hurts whenever I take my leg past level"
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", text, _entities(text, ("body_part", "back")))
    assert _responses(chat) == [conversation.answer_response("how_high_to_lift")]
    assert pain.ASK_SEVERITY_AFTER_WEEKS in said


@pytest.mark.parametrize(
    "text",
    [
        "my back hurts when I lift my leg",  # no fault named: how bad, as ever
        "my hip hurts when I roll over in bed",  # everyday turning, not the pelvis in the lift
        "the arch of my foot aches",
    ],
)
def test_pain_with_no_movement_fault_is_asked_how_bad_alone(text):
    assert conversation.fault_that_brings_pain(text) is None
    chat = Chat(disclaimer_given=True)
    assert chat.say("pain", text) == pain.ASK_SEVERITY


def test_a_fault_with_pain_denied_is_put_down_to_nothing():
    assert conversation.fault_that_brings_pain("no pain at all when I lift too high") is None
    assert conversation.fault_that_brings_pain("it hurts when I lift too high") == (
        "how_high_to_lift"
    )


# -- 4. two exercises weighed against each other -----------------------------------------


@pytest.mark.parametrize(
    ("text", "exercises"),
    [
        ("which works the bum more, squats or lunges?", ("squats", "lunges")),
        ("bridges vs these for stronger glutes?", ("bridges",)),
        ("deadlifts or kettlebell swings, which is best for my backside", ("deadlifts",)),
        ("for the hamstrings should I do lunges or these", ("lunges",)),
    ],
)
def test_another_exercise_weighed_up_is_the_redirect_even_with_a_muscle_named(text, exercises):
    entities = _entities(text, *(("other_exercise", said) for said in exercises))
    assert conversation.rule_verdict("faq", entities, text, "glutes") == "out_of_scope"
    assert _corrected(text, "faq", "glutes", entities)[0] == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    ["hip thrusts or kickbacks, which is better for the glutes?", "good mornings vs step ups?"],
)
def test_gym_moves_the_ruler_does_not_know_weighed_up_get_the_redirect(text):
    assert conversation.rule_verdict("faq", [], text, "glutes") == "out_of_scope"
    reply = conversation.answer_question("out_of_scope", [], conversation.State(), text=text)
    assert reply.messages[0].text == answers.other_exercise_answer(answers.OTHER_TRAINING)


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("does it work the glutes?", []),
        ("is it better to do these before or after a run?", [("other_exercise", "a run")]),
        ("which is better for the glutes, straight leg or bent knee?", []),
        ("should I do them first or go for a swim first", [("other_exercise", "swim")]),
    ],
)
def test_questions_that_weigh_no_other_exercise_are_not_the_redirect(text, entities):
    found = _entities(text, *entities)
    assert conversation.rule_verdict("faq", found, text, "glutes") != "out_of_scope"

"""The project's NLU components on hand-made messages: the answer-confidence
fallback (ask rather than guess) and the spelling corrector."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlp.components import AnswerConfidenceFallback, select_answer
from nlp.spelling import Corrector, domain_words


def message(text, intents, answers):
    """A parsed message: DIET's intent ranking and the ResponseSelector's answers."""
    ranking = [{"name": name, "confidence": conf} for name, conf in intents]
    selector = {
        "default": {
            "response": {
                "intent_response_key": f"faq/{answers[0][0]}",
                "confidence": answers[0][1],
            },
            "ranking": [{"intent_response_key": f"faq/{k}", "confidence": c} for k, c in answers],
        }
    }
    found = Message(data={TEXT: text})
    found.set(INTENT, ranking[0])
    found.set(INTENT_RANKING_KEY, ranking)
    found.set("response_selector", selector)
    return found


def intent_after(msg):
    AnswerConfidenceFallback(threshold=0.2, ambiguity_threshold=0.1).process([msg])
    return msg.get(INTENT)["name"]


def test_a_clear_answer_keeps_the_question():
    msg = message(
        "how long do i hold it", [("faq", 0.9)], [("how_long_to_hold", 0.8), ("speed", 0.1)]
    )
    assert intent_after(msg) == "faq"


def test_two_close_answers_ask_which():
    msg = message("leg down", [("faq", 0.9)], [("lowering_the_leg", 0.35), ("speed", 0.3)])
    assert intent_after(msg) == "nlu_fallback"


def test_an_unlikely_answer_asks():
    msg = message("hmm", [("faq", 0.9)], [("toes", 0.15), ("speed", 0.01)])
    assert intent_after(msg) == "nlu_fallback"


def test_a_clear_answer_overrules_an_unsure_intent_when_a_question_is_likeliest():
    ranking = [("nlu_fallback", 0.4), ("faq", 0.35), ("pain", 0.3)]
    msg = message("toes?", ranking, [("toes", 0.7), ("speed", 0.05)])
    assert intent_after(msg) == "faq"


def test_an_answer_a_rule_settled_is_clear_even_against_a_sure_selector():
    # the selector all but certain of another reading: the rule's pick still stands
    msg = message("go through it with me", [("faq", 0.9)], [("steps_one_by_one", 0.996)])
    select_answer(msg, "how_to_do_it")
    assert intent_after(msg) == "faq"
    ranking = msg.get("response_selector")["default"]["ranking"]
    assert [entry["intent_response_key"] for entry in ranking] == [
        "faq/how_to_do_it",
        "faq/steps_one_by_one",
    ]


def test_other_intents_and_rule_verdicts_are_left_alone():
    msg = message("start my session", [("start_session", 0.95), ("faq", 0.02)], [("toes", 0.1)])
    assert intent_after(msg) == "start_session"
    red = message("i can't feel my saddle area", [("faq", 0.6)], [("toes", 0.1)])
    red.set(INTENT, {"name": "red_flag", "confidence": 1.0})
    assert intent_after(red) == "red_flag"
    script = message("как делать", [("nlu_fallback", 0.4), ("faq", 0.3)], [("toes", 0.9)])
    assert intent_after(script) == "nlu_fallback"


def test_a_how_many_question_answered_with_no_number_asks():
    msg = message("how many reps to start on", [("faq", 0.9)], [("starting_position", 0.8)])
    said = {"text": "Start on your hands and knees, your back one flat line."}
    msg.get("response_selector")["default"]["response"]["responses"] = [said]
    assert intent_after(msg) == "nlu_fallback"
    msg = message("how many reps", [("faq", 0.9)], [("reps_per_set", 0.8)])
    said = {"text": "Do 10 to 15 slow reps on one leg."}
    msg.get("response_selector")["default"]["response"]["responses"] = [said]
    assert intent_after(msg) == "faq"


@pytest.fixture(scope="module")
def corrector():
    return Corrector(domain_words(["how long do i hold the lift", "do i need a mat"]))


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [
        ("how lnog do i hodl it", "how long do i hold it"),
        ("my glutse are sore", "my glute are sore"),  # a domain word wins over "gluten"
        ("pilow under my tummy", "pillow under my tummy"),
        ("how shuld i breath", "how should i breath"),  # real words are left as typed
        # A stretched word is the word, not a typo of another ("yess" is not "less").
        ("yesss", "yes"),
        ("nooooo thanks", "no thanks"),
        ("pleeease", "please"),
        ("sooo easy", "so easy"),
        ("my bacck hurts", "my back hurts"),
        # A sound-alike the dictionary keeps is the domain's word here.
        ("keep the knee strait", "keep the knee straight"),
        # A hedge cut short is the hedge, not "prop": "prob a 4" is a score said.
        ("prob a 4 i reckon", "probably a 4 i reckon"),
    ],
)
def test_typos_are_corrected_toward_the_domain(corrector, typed, corrected):
    assert corrector.correct(typed) == corrected


@pytest.mark.parametrize("text", ["7/10", "did 12 reps", "SLR", "lft leg", "ok", "👍"])
def test_numbers_short_words_and_domain_words_are_left_alone(corrector, text):
    assert corrector.correct(text) == text


@pytest.fixture(scope="module")
def dose_corrector():
    """Domain words one letter from common English words: rest, sets, reps, lift, hold."""
    return Corrector(domain_words(["rest between sets", "how many reps", "lift and hold"]))


@pytest.mark.parametrize(
    ("word", "domain_neighbour"),
    [
        ("reset", "rest"),
        ("resets", "rest"),
        ("rests", "rest"),
        ("seats", "sets"),
        ("setts", "sets"),
        ("rope", "reps"),
        ("ropes", "reps"),
        ("loft", "lift"),
        ("left", "lift"),
        ("gift", "lift"),
        ("bold", "hold"),
        ("holt", "hold"),
        ("router", "rotate"),
        ("reboot", "rebound"),
    ],
)
def test_a_correctly_spelled_english_word_is_never_made_a_domain_word(
    dose_corrector, word, domain_neighbour
):
    assert dose_corrector.correct(word) == word
    assert dose_corrector.correct(f"how do I {word} it?") == f"how do I {word} it?"
    # the domain word itself is kept too, so the two stay apart
    assert dose_corrector.correct(domain_neighbour) == domain_neighbour


@pytest.mark.parametrize(
    "text",
    [
        "numbess in my groin",  # a spelling the red-flag screen reads, not "numbers"
        "sharted and could not stop it",  # a sign's own word, not "started"
        "things arent right in the bedroom dept",  # no "parent", no "kept"
        "my legs feel like theyre not mine",  # no "there"
    ],
)
def test_the_words_of_a_red_flag_are_left_as_typed(corrector, text):
    assert corrector.correct(text) == text


def test_a_rule_that_agrees_with_an_unsure_classifier_still_settles_it():
    from nlp.components import EntityRulesIntentCorrector

    msg = message("that's four", [("count_rep", 0.38), ("faq", 0.2)], [("toes", 0.1)])
    EntityRulesIntentCorrector().process([msg])
    assert msg.get(INTENT) == {"name": "count_rep", "confidence": 1.0}
    unsure = message("hmm maybe", [("deny", 0.38), ("faq", 0.2)], [("toes", 0.1)])
    EntityRulesIntentCorrector().process([unsure])
    assert unsure.get(INTENT) == {"name": "deny", "confidence": 0.38}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("am i meant to begin on my stomach", "starting_position"),
        ("my spine sags in the middle as the leg goes up, bad?", "back_position"),
        ("managed 45 on each side today, have i overdone it", "too_many_reps"),
        ("hips ached worse the morning after, what now?", "soreness_the_next_day"),
    ],
)
def test_words_that_settle_the_answer_make_it_the_clear_pick(text, key):
    from nlp.components import EntityRulesIntentCorrector

    msg = message(text, [("faq", 0.9)], [("other_names", 0.6), ("speed", 0.3)])
    EntityRulesIntentCorrector().process([msg])
    picked = msg.get("response_selector")["default"]
    assert picked["response"]["utter_action"] == f"utter_faq/{key}"
    assert [e["intent_response_key"] for e in picked["ranking"]][:2] == [
        f"faq/{key}",
        "faq/other_names",
    ]
    assert intent_after(msg) == "faq"


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("why is it called prone", "other_names"),
        ("what does prone mean, is it another name for it", "other_names"),
        ("i've done 4 sessions this week, is that too many?", "speed"),
    ],
)
def test_a_question_whose_words_settle_nothing_keeps_the_selectors_pick(text, pick):
    from nlp.components import EntityRulesIntentCorrector

    msg = message(text, [("faq", 0.9)], [(pick, 0.6), ("rest_between_sets", 0.3)])
    EntityRulesIntentCorrector().process([msg])
    assert msg.get("response_selector")["default"]["response"]["intent_response_key"] == (
        f"faq/{pick}"
    )


def test_a_name_said_in_passing_leaves_the_selectors_next_reading():
    from nlp.components import EntityRulesIntentCorrector

    msg = message("my coach calls them prone SLRs, how slowly do I go", [("faq", 0.9)],
                  [("other_names", 0.6), ("speed", 0.3)])  # fmt: skip
    EntityRulesIntentCorrector().process([msg])
    assert msg.get("response_selector")["default"]["response"]["intent_response_key"] == (
        "faq/speed"
    )


@pytest.mark.parametrize("intent", ["report_reps", "count_rep"])
def test_reps_named_and_asked_about_are_a_question_not_a_count(intent):
    from nlp.components import EntityRulesIntentCorrector

    msg = message("got to 40 a side on sunday, was that overdoing it?", [(intent, 0.8)],
                  [("speed", 0.6)])  # fmt: skip
    EntityRulesIntentCorrector().process([msg])
    assert msg.get(INTENT) == {"name": "faq", "confidence": 1.0}
    assert msg.get("response_selector")["default"]["response"]["intent_response_key"] == (
        "faq/too_many_reps"
    )
    reported = message("got to 40 a side on sunday", [(intent, 0.8)], [("speed", 0.6)])
    EntityRulesIntentCorrector().process([reported])
    assert reported.get(INTENT)["name"] == intent

"""Custom Rasa NLU components (registered in config.yml by module path)."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from coach import red_flags
from coach.conversation import (
    QUESTION_INTENT,
    SUBJECT_ASKED,
    answer_beyond_a_passing_word,
    answer_fits_question,
    answer_named_by_words,
    answer_to_passing_question,
    asks_if_it_suits_a_condition,
    condition_answer,
    question_after_passing_pain,
    rule_verdict,
    written_in_another_script,
)

RESPONSE_SELECTOR = "response_selector"


def select_answer(message: Message, key: str) -> None:
    """Make `key` the selector's pick, first in its ranking and certain: the question's
    own words settled it (coach/conversation.py answer_named_by_words). The action
    utter_faq says the response `utter_action` names."""
    selector = (message.get(RESPONSE_SELECTOR) or {}).get("default")
    if not selector:
        return
    name = f"{QUESTION_INTENT}/{key}"
    chosen = {"confidence": 1.0, "intent_response_key": name}
    # The selector's own readings rank below the certain pick, and by a clear margin: its
    # former favourite at 0.996 would otherwise tie with the pick (within the answer
    # fallback's ambiguity threshold), and a settled question be asked back as buttons.
    others = [
        {**e, "confidence": float(e.get("confidence") or 0) / 2}
        for e in selector.get("ranking") or []
        if e.get("intent_response_key") != name
    ]
    # No response texts here: the selector's own texts were for its pick.
    response = {**chosen, "responses": [], "utter_action": f"utter_{name}"}
    outputs = dict(message.get(RESPONSE_SELECTOR))
    outputs["default"] = {**selector, "response": response, "ranking": [chosen, *others]}
    message.set(RESPONSE_SELECTOR, outputs, add_to_output=True)


def ranked_answers(message: Message) -> list[str]:
    """The selector's faq keys, likeliest first."""
    selector = (message.get(RESPONSE_SELECTOR) or {}).get("default") or {}
    keys = [str(e.get("intent_response_key") or "") for e in selector.get("ranking") or []]
    return [key.split("/", 1)[1] for key in keys if "/" in key]


def selected_answer(message: Message) -> tuple[str | None, float]:
    """The ResponseSelector's pick for a question: (faq key, confidence)."""
    selector = (message.get(RESPONSE_SELECTOR) or {}).get("default") or {}
    response = selector.get("response") or {}
    key = response.get("intent_response_key") or ""
    return (key.split("/", 1)[1] if "/" in key else None), float(response.get("confidence") or 0)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EntityRulesIntentCorrector(GraphComponent):
    """Correct the classifier's intent where the EntityRuler's entities settle it.

    "How long do I hold a plank?" reads like a hold question, but names another
    exercise: out_of_scope. "Should I take an advil first?" names a medicine:
    ask_medical. Text with no Latin letters at all is not English: nlu_fallback.
    A red-flag sign found by the rule-based screen is red_flag, whatever DIET said.
    A question whose own words settle the answer ("do I start on my belly?": the
    start position) gets that answer as the selector's pick.
    The rules themselves live in coach/conversation.py.
    """

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "EntityRulesIntentCorrector":
        red_flags.prepare()
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name = intent.get("name")
            if not name:
                continue
            entities = message.get(ENTITIES) or []
            text = message.get(TEXT) or ""
            # Only a question, or a count that may be one, can have its answer settled.
            key = answer_named_by_words(text) if name in (QUESTION_INTENT, *REP_INTENTS) else None
            if key == "too_many_reps" and name in REP_INTENTS:
                # "did 30 yesterday, too much?" asks about the reps it names
                name = QUESTION_INTENT
                relabel(message, name)
            if name == QUESTION_INTENT and key:
                select_answer(message, key)
            answer_key, _ = selected_answer(message)
            if name == QUESTION_INTENT and answer_key in SUBJECT_ASKED:
                # a name or a grandchild said in passing: the rest of the question decides
                other = answer_beyond_a_passing_word(
                    text, entities, ranked_answers(message), answer_key
                )
                if other:
                    select_answer(message, other)
                    answer_key = other
            corrected = rule_verdict(name, entities, text, answer_key)
            asked = question_after_passing_pain(text) if corrected == "pain" else None
            if asked and (passing_key := answer_to_passing_question(asked, answer_key)):
                # "knee's sore lol, anyway how long is the hold?": the question's own words
                # settle its answer, which the coach says before asking how bad
                select_answer(message, passing_key)
            # A rule that agrees with DIET still settles it: "that's four" is a count
            # even when DIET was too unsure of it for the fallback classifier.
            if corrected is not None and (corrected != name or intent.get("confidence", 0) < 1):
                relabel(message, corrected)
            if corrected == QUESTION_INTENT != name and (key := answer_named_by_words(text)):
                select_answer(message, key)  # made a question: its own words may settle it
            if corrected == QUESTION_INTENT and asks_if_it_suits_a_condition(
                name, text, answer_key, entities
            ):
                # "my hip hurts on walks, any good for that?": the condition's answer
                condition = condition_answer(entities, answer_key, text)
                if condition and condition != answer_key:
                    select_answer(message, condition)
        return messages


REP_INTENTS = ("report_reps", "count_rep")


def relabel(message: Message, name: str) -> None:
    """Make `name` the message's intent. A rule's verdict is certain: the fallback
    classifier after us must not overrule a red flag (or a bare "three") because DIET
    was unsure."""
    relabelled = {"name": name, "confidence": 1.0}
    was = (message.get(INTENT) or {}).get("name")
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get("name") not in (name, was)
    ]
    message.set(INTENT, relabelled, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [relabelled, *ranking], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnswerConfidenceFallback(GraphComponent):
    """Ask rather than guess, for questions about the exercise. Placed after the
    FallbackClassifier; when DIET's likeliest intent is faq, the answer decides:

    - the ResponseSelector's best answer is likely enough (`threshold`) and clear
      of the next one (`ambiguity_threshold`): the intent is faq, even where
      DIET alone was too unsure for the FallbackClassifier;
    - otherwise nlu_fallback, and the coach offers its best readings as buttons;
      so too when a how-many question got an answer with no number in it.

    An intent the rules set (red flag, pain report, medicine, another exercise,
    another script) is left alone.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"threshold": 0.2, "ambiguity_threshold": 0.1}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AnswerConfidenceFallback":
        defaults = cls.get_default_config()
        return cls(
            float(config.get("threshold", defaults["threshold"])),
            float(config.get("ambiguity_threshold", defaults["ambiguity_threshold"])),
        )

    def __init__(self, threshold: float, ambiguity_threshold: float) -> None:
        self.threshold = threshold
        self.ambiguity_threshold = ambiguity_threshold

    def answer_is_clear(self, message: Message) -> bool:
        selector = (message.get(RESPONSE_SELECTOR) or {}).get("default") or {}
        confidences = [float(e.get("confidence") or 0) for e in selector.get("ranking") or []]
        best, second = (confidences + [0.0, 0.0])[:2]
        # A how-many question answered with no number is no clear answer, however sure.
        said = [
            str(r.get("text") or "")
            for r in (selector.get("response") or {}).get("responses") or []
        ]
        fits = answer_fits_question(message.get(TEXT) or "", said)
        return fits and best >= self.threshold and best - second >= self.ambiguity_threshold

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            name = (message.get(INTENT) or {}).get("name")
            ranking = [
                entry
                for entry in message.get(INTENT_RANKING_KEY) or []
                if entry.get("name") != "nlu_fallback"
            ]
            if (
                not ranking
                or ranking[0].get("name") != QUESTION_INTENT
                or name not in (QUESTION_INTENT, "nlu_fallback")
                or written_in_another_script(message.get(TEXT) or "")
            ):
                continue
            if self.answer_is_clear(message):
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            else:
                fallback = {"name": "nlu_fallback", "confidence": self.threshold}
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        return messages

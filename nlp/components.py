"""Custom Rasa NLU components (registered in config.yml by module path)."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions import red_flags
from actions.conversation import QUESTION_INTENT, corrected_intent

RESPONSE_SELECTOR = "response_selector"


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
    The rules themselves live in actions/conversation.py.
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
            answer_key, _ = selected_answer(message)
            corrected = corrected_intent(name, entities, message.get(TEXT) or "", answer_key)
            if corrected != name:
                # A rule's verdict is certain: the fallback classifier after us must not
                # overrule a red flag (or a bare "three") because DIET was unsure.
                relabelled = {"name": corrected, "confidence": 1.0}
                ranking = [
                    entry
                    for entry in message.get(INTENT_RANKING_KEY) or []
                    if entry.get("name") not in (corrected, name)
                ]
                message.set(INTENT, relabelled, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [relabelled, *ranking], add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnswerConfidenceFallback(GraphComponent):
    """Ask rather than guess: a question whose best answer the ResponseSelector is
    unsure of becomes nlu_fallback, and the coach offers its best readings as
    buttons ("Did you mean ...?"). Placed after the FallbackClassifier, which
    does the same for the intent itself.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"threshold": 0.5}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AnswerConfidenceFallback":
        return cls(float(config.get("threshold", 0.5)))

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") != QUESTION_INTENT:
                continue
            key, confidence = selected_answer(message)
            if key is not None and confidence >= self.threshold:
                continue
            fallback = {"name": "nlu_fallback", "confidence": self.threshold}
            ranking = message.get(INTENT_RANKING_KEY) or []
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        return messages

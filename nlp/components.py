"""Custom Rasa NLU components (registered in config.yml by module path)."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions import red_flags
from actions.conversation import corrected_intent


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
            corrected = corrected_intent(name, entities, message.get(TEXT) or "")
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

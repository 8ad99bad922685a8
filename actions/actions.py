"""Rasa actions: thin adapters between rasa_sdk and the pure coach modules."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import conversation
from actions.conversation import Reply, State


def _state(tracker: Tracker) -> State:
    return State.from_slots(tracker.current_slot_values())


def _send(dispatcher: CollectingDispatcher, reply: Reply) -> list[EventType]:
    for message in reply.messages:
        buttons = [{"title": title, "payload": payload} for title, payload in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons or None)
    return [SlotSet(name, value) for name, value in reply.updates.items()]


def _intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        entities = tracker.latest_message.get("entities") or []
        reply = conversation.answer_question(_intent(tracker), entities, _state(tracker))
        return _send(dispatcher, reply)


class ActionReplyToOffer(Action):
    """Yes, no or "tell me more" after the coach offered more detail."""

    def name(self) -> str:
        return "action_reply_to_offer"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = _intent(tracker)
        state = _state(tracker)
        if intent == "ask_more":
            reply = conversation.expand(state)
        else:
            reply = conversation.reply_to_offer(intent == "affirm", state)
        return _send(dispatcher, reply)


class ActionGreet(Action):
    def name(self) -> str:
        return "action_greet"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return _send(dispatcher, conversation.greet(_state(tracker)))


class ActionNotUnderstood(Action):
    """The dialogue's fallback when no rule or story fits the conversation."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_default")
        return []


class ActionSessionStart(Action):
    """Start a new conversation, keeping what the coach knows about the user."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kept = [
            SlotSet(name, value)
            for name, value in tracker.current_slot_values().items()
            if value is not None and name not in conversation.CONVERSATION_SLOTS
        ]
        return [SessionStarted(), *kept, ActionExecuted("action_listen")]

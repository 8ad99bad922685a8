"""Rasa actions: thin adapters between rasa_sdk and the pure coach modules."""

import time
from datetime import datetime, timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    EventType,
    ReminderScheduled,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher

from actions import coach, conversation, red_flags, speech
from actions import protocol as p

REST_TIMER_ENTITY = "rest_timer"

red_flags.prepare()  # at server start, not on the first user's message


def _turn(tracker: Tracker, intent: str | None = None) -> coach.Turn:
    message = tracker.latest_message or {}
    entities = message.get("entities") or []
    timer = next((e.get("value") for e in entities if e.get("entity") == REST_TIMER_ENTITY), None)
    return coach.Turn(
        intent=intent or (message.get("intent") or {}).get("name") or "",
        entities=entities,
        text=message.get("text") or "",
        channel=tracker.get_latest_input_channel(),
        metadata=message.get("metadata") or {},
        timer_for_set=int(timer) if str(timer).isdigit() else None,
    )


def _send(
    dispatcher: CollectingDispatcher, tracker: Tracker, turn: coach.Turn, outcome: coach.Outcome
) -> list[EventType]:
    messages = outcome.reply.messages
    for message in messages:
        buttons = [{"title": title, "payload": payload} for title, payload in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons or None)
    if turn.voice and messages:
        lines = [speech.Line(m.text, m.ssml) for m in messages]
        dispatcher.utter_message(json_message={"ssml": speech.to_ssml(lines)})
    events: list[EventType] = [
        SlotSet(name, value) for name, value in outcome.reply.updates.items()
    ]
    if outcome.rest_timer_for_set is not None:
        events.append(
            ReminderScheduled(
                "continue_session",
                trigger_date_time=datetime.now() + timedelta(seconds=p.REST_BETWEEN_SETS_SECONDS),
                entities=[{"entity": REST_TIMER_ENTITY, "value": str(outcome.rest_timer_for_set)}],
                name=f"rest_timer_{tracker.sender_id}",
                kill_on_user_message=False,
            )
        )
    return events


def _respond(dispatcher, tracker: Tracker, intent: str | None = None) -> list[EventType]:
    turn = _turn(tracker, intent)
    state = coach.State.from_slots(tracker.current_slot_values())
    return _send(dispatcher, tracker, turn, coach.respond(turn, state, time.time()))


class ActionCoach(Action):
    """Every user turn that is not a red flag: the coach decides what it means here."""

    def name(self) -> str:
        return "action_coach"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return _respond(dispatcher, tracker)


class ActionRedFlag(Action):
    """A red flag found by the NLU screen: stops everything and sends the user to care."""

    def name(self) -> str:
        return "action_red_flag"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return _respond(dispatcher, tracker)


class ActionNotUnderstood(Action):
    """The dialogue's fallback when no rule or story fits the conversation."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return _respond(dispatcher, tracker, intent="nlu_fallback")


class ActionSessionStart(Action):
    """Start a new conversation, keeping what the coach knows about the user.

    A guided session left open by the last conversation is closed and saved.
    """

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        slots = tracker.current_slot_values()
        kept = {
            name: value
            for name, value in slots.items()
            if value is not None and name not in conversation.CONVERSATION_SLOTS
        }
        kept.update(coach.close_stale_session(coach.State.from_slots(slots), time.time()))
        return [
            SessionStarted(),
            *(SlotSet(name, value) for name, value in kept.items()),
            ActionExecuted("action_listen"),
        ]

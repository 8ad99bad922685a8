"""Rasa actions: thin adapters between rasa_sdk and the pure coach modules."""

import asyncio
import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    EventType,
    ReminderCancelled,
    ReminderScheduled,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher

from coach import (
    answers,
    conversation,
    dialogue,
    pain,
    progression,
    red_flags,
    report,
    session,
    speech,
    user_files,
)
from coach import protocol as p
from coach.capabilities import METADATA_KEY, Capabilities
from coach.dialogue import REMINDER_ENTITY, REST_TIMER_ENTITY, SESSION_REMINDER_PREFIX

red_flags.prepare()  # at server start, not on the first user's message


def _test_clock_on() -> bool:
    """Tests replay weeks of sessions in minutes: with COACH_TEST_CLOCK set, a message's
    metadata {"clock": <epoch seconds>} is the coach's "now". Never set in production."""
    return os.environ.get("COACH_TEST_CLOCK", "").lower() in ("1", "true", "yes")


def _now(tracker: Tracker) -> float:
    clock = ((tracker.latest_message or {}).get("metadata") or {}).get("clock")
    if _test_clock_on() and isinstance(clock, int | float) and not isinstance(clock, bool):
        return float(clock)
    return time.time()


def _entity(entities: list[dict], name: str) -> str | None:
    return next((str(e.get("value")) for e in entities if e.get("entity") == name), None)


def _as_number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _reminder_name(tracker: Tracker) -> str:
    # Rasa's scheduler keys jobs by name alone, so the name carries the sender.
    return f"{SESSION_REMINDER_PREFIX}{tracker.sender_id}"


def _reminder_event(tracker: Tracker, at: float, now: float) -> ReminderScheduled:
    """The session reminder at coach time `at` (it differs from real time under a test clock)."""
    trigger = datetime.now() + timedelta(seconds=max(at - now, 1))
    return ReminderScheduled(
        "continue_session",
        trigger_date_time=trigger,
        entities=[{"entity": REMINDER_ENTITY, "value": repr(at)}],
        name=_reminder_name(tracker),
        kill_on_user_message=False,
    )


def _selector(message: dict) -> dict:
    """The ResponseSelector's output for this message (questions about the exercise)."""
    return ((message.get("response_selector") or {}).get("default")) or {}


def _said_this_turn(tracker: Tracker) -> list[str]:
    """The texts Rasa has said since the user's message, before this action ran."""
    said = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot" and event.get("text"):
            said.append(event["text"])
    return said[::-1]


def _answer_key(message: dict) -> str | None:
    key = (_selector(message).get("response") or {}).get("intent_response_key") or ""
    return key.split("/", 1)[1] if "/" in key else None


IN_SESSION = "in_session"


def in_session(stored: dict | None) -> bool:
    """Whether the stored session is under way (the in_session slot the rules read)."""
    return bool(session.progress(stored).get("active"))


def _metadata(tracker: Tracker) -> dict:
    """The message's metadata, with the record of what its channel can do. A turn Rasa
    started itself (a timer, a reminder) has none: it has the user's last message's."""
    metadata = dict((tracker.latest_message or {}).get("metadata") or {})
    if not Capabilities.declared_in(metadata):
        for event in reversed(tracker.events):
            said = event.get("metadata") if event.get("event") == "user" else None
            if Capabilities.declared_in(said):
                metadata[METADATA_KEY] = said[METADATA_KEY]
                break
    return metadata


def _turn(tracker: Tracker, intent: str | None = None) -> dialogue.Turn:
    message = tracker.latest_message or {}
    entities = message.get("entities") or []
    timer = _entity(entities, REST_TIMER_ENTITY)
    return dialogue.Turn(
        intent=intent or (message.get("intent") or {}).get("name") or "",
        entities=entities,
        text=message.get("text") or "",
        metadata=_metadata(tracker),
        timer_for_set=int(timer) if str(timer).isdigit() else None,
        reminder_at=_as_number(_entity(entities, REMINDER_ENTITY)),
        ranking=[
            str(entry.get("name"))
            for entry in message.get("intent_ranking") or []
            if isinstance(entry, dict) and entry.get("name")
        ],
        answer_key=_answer_key(message),
        answer_said=bool(_said_this_turn(tracker)),
        answer_candidates=conversation.answer_candidates(
            message.get("intent_ranking") or [], _selector(message).get("ranking") or []
        ),
        selector_readings=conversation.selector_readings(_selector(message).get("ranking") or []),
    )


def _attach(
    dispatcher, tracker: Tracker, turn: dialogue.Turn, message, state: dialogue.State
) -> None:
    """Render the chart or the CSV the coach asked for, and send it with its text."""
    tz = progression.zone(state.timezone)
    if message.attachment == "chart":
        thresholds = pain.Thresholds.from_env()
        png = report.chart_png(state.history, tz, thresholds.fine_up_to, thresholds.stop_above)
        if png is not None:
            url = user_files.save(tracker.sender_id, "chart", "png", png)
            dispatcher.utter_message(text=message.text, image=url)
            return
    elif message.attachment == "csv":
        data = report.history_csv(state.history, tz).encode("utf-8-sig")  # BOM: Excel reads UTF-8
        url = user_files.save(tracker.sender_id, "history", "csv", data)
        # A channel without files would print an attachment as a raw dict; the link in the
        # text is enough there.
        attachment = {"type": "file", "url": url, "name": report.CSV_FILENAME}
        dispatcher.utter_message(
            text=f"{message.text} {url}", attachment=attachment if turn.capabilities.files else None
        )
        return
    dispatcher.utter_message(text=message.text)


def _send(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    turn: dialogue.Turn,
    outcome: dialogue.Outcome,
    state: dialogue.State,
    now: float,
    responses: dict | None = None,
) -> list[EventType]:
    messages = outcome.reply.messages
    for message in messages:
        if message.attachment:
            _attach(dispatcher, tracker, turn, message, state)
            continue
        if message.response:
            # An answer from data/responses: Rasa fills in the text (and the voice variant).
            if responses is None or message.response in responses:
                dispatcher.utter_message(response=message.response)
            else:
                dispatcher.utter_message(text=answers.NOT_UNDERSTOOD)
            continue
        buttons = [{"title": title, "payload": payload} for title, payload in message.buttons]
        dispatcher.utter_message(text=message.text, buttons=buttons or None)
    # Speech of our own only when this action knows every word of the turn: a question's
    # answer is a Rasa response said before (or by) this action, and the voice channel
    # reads all the turn's texts out when no speech markup is given.
    answered_by_response = turn.intent == conversation.QUESTION_INTENT or any(
        m.response for m in messages
    )
    if turn.voice and messages and not answered_by_response:
        lines = [speech.Line(m.text, m.ssml) for m in messages]
        dispatcher.utter_message(json_message={"ssml": speech.to_ssml(lines)})
    # A channel that plays audio itself hears the whole turn: what Rasa said before this
    # action (a question's answer) and what it says.
    spoken = [*_said_this_turn(tracker), *(m.text for m in messages)]
    if turn.metadata.get("audio") and spoken:
        url = speech.audio_url(" ".join(spoken))
        if url:
            dispatcher.utter_message(json_message={"audio": url})
    if turn.capabilities.progress:
        # Last in the turn, so the page also knows the coach has finished speaking.
        stored = outcome.reply.updates.get("session", state.session)
        shown = {"active": False} if outcome.erase_user else session.progress(stored)
        dispatcher.utter_message(json_message={"session_state": shown})
    if outcome.erase_user:
        # The tracker store erases every event of this user when it sees this slot, then
        # their files and reminders: only once the database has committed the erase.
        return [SlotSet("erase_user_data", True)]
    events: list[EventType] = [
        SlotSet(name, value) for name, value in outcome.reply.updates.items()
    ]
    # The rules read whether a session runs (data/rules/session.yml).
    stored = outcome.reply.updates.get("session", state.session)
    # A question the session rule sent here keeps the slot for the rest of this turn, even
    # when its answer ended the session (severe pain): the rule that began with the slot
    # set must still match when Rasa predicts what follows, or no rule does. The next turn
    # sets it from the session.
    kept = turn.intent == conversation.QUESTION_INTENT and bool(tracker.get_slot(IN_SESSION))
    events.append(SlotSet(IN_SESSION, kept or in_session(stored)))
    if outcome.cancel_reminders:
        events.append(ReminderCancelled(name=_reminder_name(tracker)))
    if outcome.reminder_at is not None:
        events.append(_reminder_event(tracker, outcome.reminder_at, now))
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


def _respond(
    dispatcher, tracker: Tracker, intent: str | None = None, domain: dict | None = None
) -> list[EventType]:
    turn = _turn(tracker, intent)
    state = dialogue.State.from_slots(tracker.current_slot_values())
    now = _now(tracker)
    outcome = dialogue.respond(turn, state, now)
    responses = (domain or {}).get("responses") if domain else None
    return _send(dispatcher, tracker, turn, outcome, state, now, responses)


async def off_the_loop(turn: Callable[..., list[EventType]], *args: Any, **kwargs: Any) -> list:
    """Run a whole turn in a worker thread. A turn may call gTTS (seconds, over the
    network) and draw a chart; on the action server's event loop either would hold
    up every other user's turn. The dispatcher and tracker are this call's own."""
    return await asyncio.to_thread(turn, *args, **kwargs)


class ActionCoach(Action):
    """Every user turn that is not a red flag: the coach decides what it means here."""

    def name(self) -> str:
        return "action_coach"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return await off_the_loop(_respond, dispatcher, tracker, domain=domain)


class ActionRedFlag(Action):
    """A red flag found by the NLU screen: stops everything and sends the user to care."""

    def name(self) -> str:
        return "action_red_flag"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return await off_the_loop(_respond, dispatcher, tracker)


class ActionNotUnderstood(Action):
    """The dialogue's fallback when no rule or story fits the conversation."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return await off_the_loop(_respond, dispatcher, tracker, intent="nlu_fallback")


class ActionSessionStart(Action):
    """Start a new conversation, keeping what the coach knows about the user.

    A guided session left open by the last conversation is closed and saved.
    Pending reminders are scheduled again: Rasa drops a reminder whose event is
    not in the current conversation.
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
        now = _now(tracker)
        kept.update(dialogue.close_stale_session(dialogue.State.from_slots(slots), now))
        reminders = dialogue.pending_reminders(kept.get("reminders") or [], now)
        if "reminders" in kept:
            kept["reminders"] = reminders
        kept[IN_SESSION] = in_session(kept.get("session"))
        return [
            SessionStarted(),
            *(SlotSet(name, value) for name, value in kept.items()),
            *(_reminder_event(tracker, reminder["at"], now) for reminder in reminders),
            ActionExecuted("action_listen"),
        ]

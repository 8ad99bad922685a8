"""The Rasa actions, run with rasa_sdk's own Tracker and CollectingDispatcher."""

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.actions import (
    ActionAnswerQuestion,
    ActionGreet,
    ActionNotUnderstood,
    ActionReplyToOffer,
    ActionSessionStart,
)


def make_tracker(intent: str, slots: dict | None = None, entities=None, text="") -> Tracker:
    return Tracker(
        sender_id="tester",
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.99},
            "entities": entities or [],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def test_answer_action_sends_disclaimer_then_answer_with_buttons():
    messages, events = run(ActionAnswerQuestion(), make_tracker("ask_hold"))
    assert messages[0]["text"] == answers.DISCLAIMER
    assert messages[1]["text"].startswith(answers.ANSWERS["hold"].short)
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/affirm", "/deny"]
    assert SlotSet("disclaimer_given", True) in events
    assert SlotSet("pending_offer", "hold") in events
    assert SlotSet("last_topic", "hold") in events


def test_answer_action_reads_other_exercise_entity():
    tracker = make_tracker(
        "ask_technique",
        {"disclaimer_given": True},
        entities=[{"entity": "other_exercise", "value": "plank", "start": 14, "end": 19}],
    )
    messages, _ = run(ActionAnswerQuestion(), tracker)
    assert len(messages) == 1 and "planks" in messages[0]["text"]


def test_affirm_after_offer_gives_detail():
    tracker = make_tracker("affirm", {"disclaimer_given": True, "pending_offer": "frequency"})
    messages, events = run(ActionReplyToOffer(), tracker)
    assert messages[0]["text"] == answers.ANSWERS["frequency"].detail
    assert events == [SlotSet("pending_offer", None)]


def test_deny_after_offer():
    tracker = make_tracker("deny", {"pending_offer": "frequency"})
    messages, _ = run(ActionReplyToOffer(), tracker)
    assert messages[0]["text"] == answers.ANYTHING_ELSE


def test_ask_more_expands_last_topic():
    tracker = make_tracker("ask_more", {"last_topic": "muscles"})
    messages, _ = run(ActionReplyToOffer(), tracker)
    assert messages[0]["text"] == answers.ANSWERS["muscles"].detail


def test_greet_action():
    messages, events = run(ActionGreet(), make_tracker("greet"))
    assert messages[0]["text"].startswith(answers.GREETING)
    assert SlotSet("disclaimer_given", True) in events


def test_session_start_keeps_user_slots_and_resets_conversation_ones():
    slots = {
        "disclaimer_given": True,
        "pending_offer": "hold",
        "last_topic": "hold",
        "user_level": "standard",
        "empty": None,
    }
    _, events = run(ActionSessionStart(), make_tracker("greet", slots))
    assert events[0] == SessionStarted()
    assert events[-1] == ActionExecuted("action_listen")
    assert events[1:-1] == [SlotSet("user_level", "standard")]


def test_not_understood_uses_the_default_response():
    messages, events = run(ActionNotUnderstood(), make_tracker("greet"))
    assert [m["response"] for m in messages] == ["utter_default"] and events == []

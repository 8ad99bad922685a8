"""The Rasa actions, run with rasa_sdk's own Tracker and CollectingDispatcher."""

import asyncio
import csv
import io
import time
from datetime import datetime, timedelta

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionCoach, ActionNotUnderstood, ActionRedFlag, ActionSessionStart
from coach import answers, user_files
from connectors.capabilities import of_channel
from tests.unit.chat import SCREENED


def make_tracker(
    intent: str, slots: dict | None = None, entities=None, text="", channel="rest", metadata=None
) -> Tracker:
    # As the channel's gate does: the record of what the channel can do goes with it.
    metadata = of_channel(channel).declare(metadata)
    return Tracker(
        sender_id="tester",
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.99},
            "entities": entities or [],
            "metadata": metadata,
        },
        events=[{"event": "user", "text": text, "input_channel": channel, "metadata": metadata}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def slots_of(events) -> dict:
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}


def test_coach_action_answers_with_disclaimer_buttons_and_slots():
    messages, events = run(ActionCoach(), make_tracker("ask_hold"))
    assert messages[0]["text"] == answers.DISCLAIMER
    assert messages[1]["text"].startswith(answers.ANSWERS["hold"].short)
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/affirm", "/deny"]
    assert SlotSet("disclaimer_given", True) in events
    assert SlotSet("pending_offer", "hold") in events


def test_coach_action_reads_other_exercise_entity():
    tracker = make_tracker(
        "ask_technique",
        {"disclaimer_given": True},
        entities=[{"entity": "other_exercise", "value": "plank", "start": 14, "end": 19}],
    )
    messages, _ = run(ActionCoach(), tracker)
    assert len(messages) == 1 and "planks" in messages[0]["text"]


def test_affirm_after_offer_gives_detail():
    tracker = make_tracker("affirm", {"disclaimer_given": True, "pending_offer": "frequency"})
    messages, events = run(ActionCoach(), tracker)
    assert messages[0]["text"] == answers.ANSWERS["frequency"].detail
    assert SlotSet("pending_offer", None) in events


def start_session(channel="rest", metadata=None):
    slots = {"disclaimer_given": True, "safety": SCREENED}
    tracker = make_tracker("start_session", slots, channel=channel, metadata=metadata)
    _, events = run(ActionCoach(), tracker)
    return slots_of(events)


def test_session_state_is_kept_in_the_session_slot():
    slots = start_session()
    assert slots["session"]["phase"] == "setup"
    tracker = make_tracker("continue_session", {"disclaimer_given": True, **slots})
    messages, events = run(ActionCoach(), tracker)
    assert slots_of(events)["session"]["phase"] == "active"
    assert "Set 1, left leg" in messages[0]["text"]


def finish_set_one(slots, channel):
    slots = {**slots, "disclaimer_given": True}
    for intent, number in (
        ("continue_session", None),
        ("report_reps", "10"),
        ("report_reps", "10"),
    ):
        entities = [{"entity": "number", "value": number}] if number else []
        tracker = make_tracker(intent, slots, entities=entities, channel=channel)
        _, events = run(ActionCoach(), tracker)
        slots.update(slots_of(events))
    return slots, events


def test_rest_is_timed_with_a_reminder_on_push_channels():
    slots, events = finish_set_one(start_session(channel="socketio"), "socketio")
    reminders = [event for event in events if event.get("event") == "reminder"]
    assert slots["session"]["phase"] == "rest" and len(reminders) == 1
    reminder = reminders[0]
    assert reminder["intent"] == "continue_session"
    assert reminder["entities"] == [{"entity": "rest_timer", "value": "2"}]
    assert reminder["name"] == "rest_timer_tester" and reminder["kill_on_user_msg"] is False
    # and when it fires, the next set starts by itself
    tracker = make_tracker("continue_session", slots, entities=reminder["entities"],
                           channel="socketio")  # fmt: skip
    messages, events = run(ActionCoach(), tracker)
    assert "Rest over" in messages[0]["text"]
    assert slots_of(events)["session"]["set_number"] == 2


def test_no_reminder_on_the_rest_channel():
    slots, events = finish_set_one(start_session(channel="rest"), "rest")
    assert slots["session"]["phase"] == "rest"
    assert not [event for event in events if event.get("event") == "reminder"]


def test_voice_metadata_adds_ssml_with_pacing():
    slots = start_session(metadata={"voice": True})
    tracker = make_tracker("continue_session", {"disclaimer_given": True, **slots},
                           metadata={"voice": True})  # fmt: skip
    messages, _ = run(ActionCoach(), tracker)
    ssml = [m["custom"]["ssml"] for m in messages if m.get("custom")]
    assert len(ssml) == 1 and ssml[0].startswith("<speak>") and ssml[0].count("Lift.") == 10


def test_red_flag_action_stops_the_session():
    slots = start_session()
    text = "I suddenly can't control my bladder"
    tracker = make_tracker("red_flag", {"disclaimer_given": True, **slots}, text=text)
    messages, events = run(ActionRedFlag(), tracker)
    updates = slots_of(events)
    assert updates["session"] is None and updates["caution"]["reason"] == "red_flag"
    assert len(messages) == 1 and "emergency" in messages[0]["text"].lower()


def test_session_start_keeps_user_slots_and_resets_conversation_ones():
    slots = {
        "disclaimer_given": True,
        "pending_offer": "hold",
        "last_topic": "hold",
        "level": "standard",
        "empty": None,
    }
    _, events = run(ActionSessionStart(), make_tracker("greet", slots))
    assert events[0] == SessionStarted()
    assert events[-1] == ActionExecuted("action_listen")
    # in_session: the rules read whether a session runs (data/rules/session.yml).
    assert events[1:-1] == [SlotSet("level", "standard"), SlotSet("in_session", False)]


def test_session_start_closes_an_open_session_and_saves_it():
    slots = start_session()
    slots, _ = finish_set_one(slots, "rest")
    _, events = run(ActionSessionStart(), make_tracker("greet", slots))
    updates = slots_of(events)
    assert updates["session"] is None
    assert updates["history"][-1]["reps"][0] == {"left": 10, "right": 10}
    assert updates["history"][-1]["completed"] is False


def test_not_understood_says_so():
    messages, _ = run(ActionNotUnderstood(), make_tracker("greet", {"disclaimer_given": True}))
    assert messages[0]["text"] == answers.NOT_UNDERSTOOD


# -- reminders, files and erasing (issue 5) ---------------------------------------------------

NOW = 1_764_000_000.0  # Monday 24 November 2025, 16:00 UTC


def a_session(ended_at: float) -> dict:
    return {
        "started_at": ended_at - 600, "ended_at": ended_at, "level": "standard", "target": 10,
        "reps": [{"left": 10, "right": 10}] * 2, "total_reps": 40, "completed": True,
        "pain": [], "notes": [],
    }  # fmt: skip


def test_a_reminder_is_scheduled_by_name_with_its_time(monkeypatch):
    monkeypatch.setenv("COACH_TEST_CLOCK", "1")
    tracker = make_tracker(
        "set_reminder",
        {"disclaimer_given": True},
        text="remind me in 2 hours",
        channel="socketio",
        metadata={"clock": NOW},
    )
    started = datetime.now()
    messages, events = run(ActionCoach(), tracker)
    reminder = next(e for e in events if e.get("event") == "reminder")
    assert (
        reminder["name"] == "session_reminder_tester" and reminder["intent"] == "continue_session"
    )
    assert reminder["entities"] == [{"entity": "reminder", "value": repr(NOW + 7200)}]
    delay = datetime.fromisoformat(reminder["date_time"]) - started
    assert timedelta(hours=2) - timedelta(seconds=5) < delay <= timedelta(hours=2, seconds=5)
    assert slots_of(events)["reminders"][0]["at"] == NOW + 7200
    assert "I'll remind you today at 6 pm" in messages[0]["text"]


def test_the_clock_in_metadata_is_ignored_unless_tests_switch_it_on(monkeypatch):
    monkeypatch.delenv("COACH_TEST_CLOCK", raising=False)
    tracker = make_tracker(
        "set_reminder", text="remind me in 2 hours", channel="socketio", metadata={"clock": NOW}
    )
    _, events = run(ActionCoach(), tracker)
    at = slots_of(events)["reminders"][0]["at"]
    assert abs(at - (time.time() + 7200)) < 60


def test_session_start_reschedules_pending_reminders_and_drops_stale_ones(monkeypatch):
    monkeypatch.setenv("COACH_TEST_CLOCK", "1")
    reminders = [{"at": NOW + 3600, "said": "today at 5 pm"}, {"at": NOW - 86400, "said": "x"}]
    tracker = make_tracker(
        "session_start", {"reminders": reminders}, metadata={"clock": NOW}, channel="socketio"
    )
    _, events = run(ActionSessionStart(), tracker)
    assert slots_of(events)["reminders"] == reminders[:1]
    scheduled = [e for e in events if e.get("event") == "reminder"]
    assert [e["entities"][0]["value"] for e in scheduled] == [repr(NOW + 3600)]
    assert events[-1] == ActionExecuted("action_listen")


def test_the_progress_chart_and_the_export_are_files_with_urls(monkeypatch, tmp_path):
    monkeypatch.setenv("COACH_FILES_DIR", str(tmp_path))
    monkeypatch.setenv("COACH_PUBLIC_URL", "https://coach.example")
    slots = {"disclaimer_given": True, "history": [a_session(NOW - 86400)]}
    messages, _ = run(ActionCoach(), make_tracker("ask_progress", slots, text="how am I doing"))
    image = messages[0]["image"]
    assert image.startswith("https://coach.example/webhooks/coach/files/")
    user, name = image.rsplit("/", 2)[-2:]
    assert user_files.path_for(user, name).read_bytes().startswith(b"\x89PNG")
    messages, _ = run(ActionCoach(), make_tracker("export_history", slots, text="export"))
    url = messages[0]["attachment"]["url"]
    assert url in messages[0]["text"]
    rows = list(
        csv.DictReader(
            io.StringIO(user_files.path_for(*url.rsplit("/", 2)[-2:]).read_text("utf-8-sig"))
        )
    )
    assert len(rows) == 1 and rows[0]["total_reps"] == "40"


def test_confirmed_delete_asks_the_store_to_erase_and_touches_nothing_itself(monkeypatch, tmp_path):
    """The store removes files and reminders once the erase is committed
    (tests/unit/test_tracker_store.py): the action only asks for it."""
    monkeypatch.setenv("COACH_FILES_DIR", str(tmp_path))
    slots = {"disclaimer_given": True, "history": [a_session(NOW)], "pending_offer": "delete_data"}
    run(ActionCoach(), make_tracker("ask_progress", {**slots, "pending_offer": None}))
    assert any(tmp_path.iterdir())
    messages, events = run(ActionCoach(), make_tracker("affirm", slots, text="yes"))
    assert "deleted" in messages[0]["text"]
    assert events == [SlotSet("erase_user_data", True)]
    assert any(tmp_path.iterdir())


def test_audio_metadata_adds_the_turns_audio_after_its_text(monkeypatch):
    spoken = []

    def audio_url(text: str, lang: str = "en") -> str | None:
        spoken.append(text)
        return "https://coach.example/webhooks/coach/audio/x.mp3" if len(spoken) == 1 else None

    monkeypatch.setattr("coach.speech.audio_url", audio_url)
    tracker = make_tracker("ask_hold", metadata={"audio": True})
    messages, _ = run(ActionCoach(), tracker)
    texts = [m["text"] for m in messages[:-1]]
    assert spoken == [" ".join(texts)] and all(texts)
    assert messages[-1]["custom"] == {"audio": "https://coach.example/webhooks/coach/audio/x.mp3"}
    # No audio (gTTS failed): the text alone; no "audio" in metadata: not even asked.
    again, _ = run(ActionCoach(), tracker)
    assert [m["text"] for m in again] == texts and len(spoken) == 2
    run(ActionCoach(), make_tracker("ask_hold"))
    assert len(spoken) == 2


def _selected(*answers_and_confidences):
    ranking = [
        {"intent_response_key": f"faq/{key}", "confidence": confidence}
        for key, confidence in answers_and_confidences
    ]
    return {"default": {"response": ranking[0], "ranking": ranking}}


def test_a_question_rasa_answered_is_remembered_and_the_disclaimer_follows():
    tracker = make_tracker("faq", text="how long do I hold it")
    tracker.latest_message["response_selector"] = _selected(("how_long_to_hold", 0.9))
    tracker.events.append({"event": "bot", "text": "Hold it for 2 to 3 seconds."})  # utter_faq
    messages, events = run(ActionCoach(), tracker)
    assert [m["text"] for m in messages] == [answers.DISCLAIMER]
    assert SlotSet("last_topic", "utter_faq/how_long_to_hold") in events


def test_unsure_readings_become_buttons_that_name_the_answer():
    tracker = make_tracker("nlu_fallback", {"disclaimer_given": True}, text="leg down")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "faq", "confidence": 0.35},
    ]
    tracker.latest_message["response_selector"] = _selected(
        ("lowering_the_leg", 0.3), ("how_high_to_lift", 0.25), ("toes", 0.01)
    )
    messages, _ = run(ActionCoach(), tracker)
    assert messages[0]["text"].startswith(answers.DID_YOU_MEAN)
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/choose_answer{"answer": "lowering_the_leg"}',
        '/choose_answer{"answer": "how_high_to_lift"}',
    ]


def test_a_chosen_answer_is_said_as_its_rasa_response_if_the_domain_has_it():
    entities = [{"entity": "answer", "value": "toes"}]
    tracker = make_tracker("choose_answer", {"disclaimer_given": True}, entities=entities)
    dispatcher = CollectingDispatcher()
    domain = {"responses": {"utter_faq/toes": [{"text": "Point your toes."}]}}
    asyncio.run(ActionCoach().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_faq/toes"
    unknown = {"responses": {}}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionCoach().run(dispatcher, tracker, unknown))
    assert dispatcher.messages[0]["text"] == answers.NOT_UNDERSTOOD


def test_the_in_session_slot_says_whether_a_session_runs():
    """The rules read it: in a session a question is the session's to answer."""
    screened = {"safety": SCREENED}
    _, events = run(ActionCoach(), make_tracker("start_session", screened, text="start my session"))
    slots = {**screened, **slots_of(events)}
    assert slots["in_session"] is True
    _, events = run(ActionCoach(), make_tracker("stop_session", slots, text="stop"))
    assert slots_of(events)["in_session"] is False


def test_a_question_in_a_session_rasa_left_unsaid_is_answered_by_the_action():
    screened = {"safety": SCREENED}
    _, events = run(ActionCoach(), make_tracker("start_session", screened, text="start my session"))
    tracker = make_tracker("faq", {**screened, **slots_of(events)}, text="how long do I hold it?")
    tracker.latest_message["response_selector"] = _selected(("how_long_to_hold", 0.9))
    messages, _ = run(ActionCoach(), tracker)
    assert messages[0].get("response") == "utter_faq/how_long_to_hold"


def test_a_question_whose_answer_ends_the_session_keeps_the_slot_for_the_turn():
    """Rasa's rule for a question in a session began with in_session set: it must still
    match when Rasa predicts what follows the action, or Rasa loops on its fallback."""
    screened = {"safety": SCREENED}
    _, events = run(ActionCoach(), make_tracker("start_session", screened, text="start"))
    slots = {**screened, **slots_of(events)}
    tracker = make_tracker("faq", slots, text="my back is agony, a 9")
    _, events = run(ActionCoach(), tracker)
    after = slots_of(events)
    assert after["in_session"] is True and after.get("session") is None
    tracker = make_tracker("nlu_fallback", {**slots, **after}, text="ok")
    assert slots_of(run(ActionCoach(), tracker)[1])["in_session"] is False

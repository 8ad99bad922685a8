"""The session state for the web chat page: sent on socket.io only, last in every coach turn."""

from actions.actions import ActionCoach
from tests.actions.test_actions import make_tracker, run, slots_of
from tests.unit.chat import SCREENED


def states(messages) -> list[dict]:
    customs = [m.get("custom") or {} for m in messages]
    return [custom["session_state"] for custom in customs if "session_state" in custom]


def turn(intent, slots, channel="socketio", **kwargs):
    messages, events = run(ActionCoach(), make_tracker(intent, slots, channel=channel, **kwargs))
    slots.update(slots_of(events))
    return messages


def test_socketio_gets_the_session_state_last_in_each_turn():
    slots = {"disclaimer_given": True, "safety": SCREENED}
    messages = turn("ask_hold", slots)
    assert messages[-1]["custom"] == {"session_state": {"active": False}}
    assert len(states(messages)) == 1
    turn("start_session", slots)
    turn("continue_session", slots, text="ready")
    numbers = [{"entity": "number", "value": "3"}]
    messages = turn("count_rep", slots, text="3", entities=numbers)
    state = messages[-1]["custom"]["session_state"]
    assert state["active"] and (state["set"], state["leg"], state["reps"]) == (1, "left", 3)
    assert (state["sets"], state["target"], state["resting_until"]) == (2, 10, None)


def test_the_rest_has_an_end_time_and_the_pushed_rest_over_updates_the_state():
    slots = {"disclaimer_given": True, "safety": SCREENED}
    turn("start_session", slots)
    turn("continue_session", slots, text="ready")
    turn("report_reps", slots, text="did 10")
    messages = turn("report_reps", slots, text="did 10")
    resting = states(messages)[-1]
    assert resting["phase"] == "rest" and resting["resting_until"] is not None
    timer = [{"entity": "rest_timer", "value": "2"}]
    messages = turn("continue_session", slots, entities=timer)  # the reminder firing
    assert "Rest over" in messages[0]["text"]
    after = states(messages)[-1]
    assert (after["phase"], after["set"], after["leg"], after["resting_until"]) == (
        "active",
        2,
        "left",
        None,
    )


def test_a_stopped_session_clears_the_state():
    slots = {"disclaimer_given": True, "safety": SCREENED}
    turn("start_session", slots)
    messages = turn("stop_session", slots, text="stop for today")
    assert states(messages) == [{"active": False}]


def test_other_channels_never_get_the_session_state():
    for channel in ("rest", "telegram", "slack", "alexa"):
        slots = {"disclaimer_given": True, "safety": SCREENED}
        for intent in ("ask_hold", "start_session", "continue_session"):
            assert states(turn(intent, slots, channel=channel)) == [], channel


def test_a_turn_rasa_started_has_the_channel_of_the_users_last_message():
    """The rest timer's turn carries no record of its own (Rasa makes it): the one of
    the user's last message holds, so the page still gets its session bar."""
    slots = {"disclaimer_given": True, "safety": SCREENED}
    turn("start_session", slots)
    turn("continue_session", slots, text="ready")
    turn("report_reps", slots, text="did 10")
    turn("report_reps", slots, text="did 10")
    user = make_tracker("report_reps", slots, channel="socketio").events[0]
    timer = make_tracker(
        "continue_session", slots, entities=[{"entity": "rest_timer", "value": "2"}]
    )
    timer.latest_message["metadata"] = {"is_external": True}
    timer.events = [user, {"event": "user", "metadata": {"is_external": True}}]
    messages, _ = run(ActionCoach(), timer)
    assert "Rest over" in messages[0]["text"]
    assert states(messages)[-1]["set"] == 2

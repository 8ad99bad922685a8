"""Progress through the turn logic: step ups earned and offered, breaks, the schedule,
reminders, the report and export, and deleting the user's data."""

from coach import protocol as p
from tests.unit.chat import HOUR, T0, Chat

DAY = 24 * HOUR
SET_DONE = "finished the set"


def full_session(chat: Chat, pain_score: int | None = None) -> str:
    """Start, do every set on both legs (reporting pain once if asked), return the last reply."""
    said = chat.say("start_session", "start my session")
    if chat.slots.get("pending_offer") == "start_anyway":
        chat.say("affirm", "yes")
    chat.say("continue_session", "ready")
    if pain_score is not None:
        chat.say("pain", f"my back hurts, {pain_score} out of 10")
        if chat.session is None:
            return said
    for set_number in range(p.SETS_PER_LEG):
        chat.say("report_reps", SET_DONE)
        said = chat.say("report_reps", SET_DONE)
        if set_number + 1 < p.SETS_PER_LEG:
            chat.say("continue_session", "ready")
    return said


def next_conversation(chat: Chat, days: float = 2) -> None:
    chat.new_conversation(hours_later=days * 24)


def back_after_a_session(days: float, **slots) -> Chat:
    """A user who did one full session, coming back `days` later."""
    chat = Chat(**slots)
    full_session(chat)
    next_conversation(chat, days)
    return chat


def test_two_comfortable_sessions_earn_an_offer_and_yes_moves_up():
    chat = Chat()
    first = full_session(chat)
    assert "Shall we move up" not in first and chat.slots["level"] == "standard"
    next_conversation(chat)
    second = full_session(chat)
    assert "2 comfortable sessions in a row" in second and "15-rep lift" in second
    assert chat.slots["pending_offer"] == "step_up"
    assert "from your next session" in chat.say("affirm", "yes please")
    assert chat.slots["level"] == "reps_15"
    next_conversation(chat)
    chat.say("start_session", "start")
    assert chat.session["target"] == 15


def test_not_yet_keeps_the_level_and_asks_again_after_the_next_good_session():
    chat = back_after_a_session(2)
    full_session(chat)
    assert "stay at the standard lift for now" in chat.say("deny", "not yet")
    next_conversation(chat)
    assert "3 comfortable sessions in a row" in full_session(chat)


def test_staying_at_a_level_stops_the_offers_until_the_user_asks():
    chat = back_after_a_session(2)
    full_session(chat)
    chat.say("stay_level", "I'd rather stay at this level")
    assert chat.slots["plan"]["stay_at"] == "standard"
    next_conversation(chat)
    assert "Shall we move up" not in full_session(chat)
    said = chat.say("ask_progression", "these are too easy now")
    assert "you'd like to stay" in said and chat.slots["pending_offer"] == "step_up"
    chat.say("affirm", "yes")
    assert chat.slots["level"] == "reps_15" and chat.slots["plan"]["stay_at"] is None


def test_too_easy_with_no_history_asks_before_moving_up():
    chat = Chat()
    said = chat.say("ask_progression", "these are too easy")
    assert "Have you done 2 full sessions" in said
    assert "15-rep lift" in chat.say("affirm", "yes I have")
    chat.say("affirm", "yes")
    assert chat.slots["level"] == "reps_15"


def test_too_easy_with_no_history_and_a_no_sets_the_bar():
    chat = Chat()
    chat.say("ask_progression", "this is way too easy")
    assert "I'll tell you when" in chat.say("deny", "no")
    assert chat.slots.get("level") is None


def test_too_easy_after_one_session_says_how_many_more():
    chat = back_after_a_session(2)
    said = chat.say("ask_progression", "it's too easy")
    assert "you have 1" in said and "One more" in said
    assert chat.slots.get("level") == "standard"
    assert "you have 1" in chat.say("ask_progression", "can you move me up a level")


def test_pain_above_the_threshold_blocks_the_step_up():
    chat = back_after_a_session(2)
    full_session(chat, pain_score=6)
    next_conversation(chat, days=3)
    said = chat.say("ask_progression", "it's too easy now")
    assert "Shall we move up" not in said and chat.slots["level"] != "reps_15"


def test_a_worse_next_morning_counts_against_the_session():
    chat = back_after_a_session(2)
    full_session(chat, pain_score=4)  # acceptable: eases off, morning check next time
    next_conversation(chat, days=1)
    assert chat.say("greet", "morning").endswith("better, the same, or worse?") or (
        chat.slots["pending_offer"] == "morning_check"
    )
    chat.say("feel_worse", "worse")
    assert chat.slots["history"][-1]["next_morning"] == "worse"


def test_a_general_progression_question_offers_the_step_up_when_earned():
    chat = back_after_a_session(2)
    full_session(chat)
    chat.say("deny", "not yet")
    next_conversation(chat)
    said = chat.say("ask_progression", "how do I make it harder?")
    assert "ankle weight" in said and "Shall we move up" in said


def test_too_hard_outside_a_session_steps_down_a_level():
    chat = Chat(level="reps_15")
    said = chat.say("ask_easier", "these are too hard for me")
    assert chat.slots["level"] == "reps_15" and "Shall I" in said
    said = chat.say("affirm", "yes please")
    assert chat.slots["level"] == "standard" and "from your next session" in said


def test_a_break_of_over_a_week_restarts_lower_once():
    chat = back_after_a_session(10, level="reps_15")
    said = chat.say("missed_sessions", "I missed a week")
    assert "10 days" in said and chat.slots["level"] == "standard"
    chat.say("start_session", "start")
    assert chat.session["level"] == "standard" and chat.session["target"] == 10
    chat.say("stop_session", "stop")
    said = chat.say("start_session", "start")
    assert "Welcome back" not in said and chat.session["level"] == "standard"


def test_starting_after_a_long_break_restarts_lower():
    chat = back_after_a_session(15, level="ankle_weight_1")
    said = chat.say("start_session", "start my session")
    assert "Welcome back" in said and chat.session["level"] == "reps_20"


def test_missing_a_session_or_two_keeps_the_level():
    chat = back_after_a_session(4, level="reps_15")
    said = chat.say("missed_sessions", "I skipped a couple of sessions")
    assert "Pick up where you left off" in said and chat.slots["level"] == "reps_15"


def test_when_is_my_next_session_reads_the_history():
    chat = back_after_a_session(1)
    said = chat.say("ask_next_session", "can I do it today?")
    assert "Not today" in said and "best tomorrow (from" in said
    said = chat.say("ask_frequency", "can I do my leg lifts again tomorrow?")
    assert "Yes, tomorrow works from" in said


def test_a_reminder_on_a_push_channel_is_scheduled_and_fires_once():
    chat = Chat()
    said = chat.say("set_reminder", "remind me tomorrow at 6 pm", channel="socketio")
    at = chat.outcome.reminder_at
    assert at is not None and "tomorrow at 6 pm" in said
    assert chat.slots["reminders"] == [{"at": at, "said": "tomorrow at 6 pm"}]
    chat.now = at + 1
    fired = chat.say("continue_session", "", channel="socketio", reminder_at=at)
    assert "time for your prone leg lifts" in fired and chat.slots["reminders"] == []
    assert "Let's do it" in chat.say("start_session", "/start_session", channel="socketio")


def test_a_day_without_a_time_is_asked_for():
    chat = Chat()
    said = chat.say("set_reminder", "remind me on saturday", channel="telegram")
    assert "What time on Saturday" in said and chat.outcome.reminder_at is None
    said = chat.say("count_rep", "7pm", channel="telegram")
    assert "Saturday" in said and chat.outcome.reminder_at is not None


def test_a_cancelled_or_replaced_reminder_stays_silent():
    chat = Chat()
    chat.say("set_reminder", "remind me tomorrow at 6 pm", channel="slack")
    first = chat.outcome.reminder_at
    said = chat.say("set_reminder", "actually remind me tomorrow at 7 pm", channel="slack")
    assert "replaces your reminder for tomorrow at 6 pm" in said
    assert chat.say("continue_session", "", channel="slack", reminder_at=first) == ""
    assert "Cancelled" in chat.say("cancel_reminder", "cancel my reminder", channel="slack")
    assert chat.outcome.cancel_reminders and chat.slots["reminders"] == []


def test_no_reminders_where_the_channel_cannot_push():
    chat = Chat()
    said = chat.say("set_reminder", "remind me tomorrow at 6 pm", channel="rest")
    assert "set an alarm for tomorrow at 6 pm" in said
    assert chat.outcome.reminder_at is None and not chat.slots.get("reminders")


def test_a_reminder_too_soon_after_a_session_says_so():
    chat = Chat()
    full_session(chat)
    said = chat.say("set_reminder", "remind me tomorrow at noon", channel="socketio")
    assert "a little early" in said


def test_progress_report_with_a_chart_except_by_voice():
    chat = Chat()
    full_session(chat)
    chat.say("ask_progress", "how am I doing?")
    assert [m.attachment for m in chat.outcome.reply.messages] == ["chart"]
    chat.say("ask_progress", "how am I doing?", metadata={"voice": True})
    assert all(m.attachment is None for m in chat.outcome.reply.messages)


def test_export_gives_a_csv_once_there_is_something_to_export():
    chat = Chat()
    assert "nothing to export" in chat.say("export_history", "export my history")
    full_session(chat)
    chat.say("export_history", "export my history")
    assert [m.attachment for m in chat.outcome.reply.messages] == ["csv"]


def test_delete_my_data_asks_first_and_only_yes_erases():
    chat = Chat()
    full_session(chat)
    assert "can't be undone" in chat.say("delete_data", "delete my data")
    chat.say("deny", "no")
    assert not chat.outcome.erase_user and chat.slots["history"]
    chat.say("delete_data", "delete my data")
    chat.say("affirm", "yes")
    assert chat.outcome.erase_user and chat.outcome.cancel_reminders


def test_a_red_flag_wins_over_a_pending_step_up():
    chat = back_after_a_session(2)
    full_session(chat)
    said = chat.say("affirm", "yes but I've lost control of my bladder")
    assert chat.slots.get("level") == "standard" and "emergency" in said.lower()


def test_the_users_time_zone_is_remembered():
    chat = Chat()
    chat.say("greet", "hi", metadata={"timezone": "Asia/Tokyo"})
    assert chat.slots["timezone"] == "Asia/Tokyo"
    chat.say("greet", "hi", metadata={"timezone": "Mars/Olympus"})
    assert chat.slots["timezone"] == "Asia/Tokyo"


def test_the_morning_answer_is_kept_with_the_painful_session():
    painful_end, later_end = T0 - 50 * HOUR, T0 - 26 * HOUR
    sessions = [
        {"ended_at": painful_end, "total_reps": 30, "pain": [5], "level": "standard"},
        {"ended_at": later_end, "total_reps": 40, "pain": [], "level": "standard"},
    ]
    chat = Chat(history=sessions, morning_check=painful_end)
    assert "the next morning" in chat.say("greet", "hi")
    chat.say("feel_worse", "worse")
    assert chat.slots["history"][0]["next_morning"] == "worse"
    assert "next_morning" not in chat.slots["history"][1]


def test_a_reminder_for_the_next_session_never_falls_at_night():
    chat = Chat(now=T0 + 13 * HOUR)  # a session ending around 1 am
    full_session(chat)
    said = chat.say("set_reminder", "remind me when it's time for my next session", channel="slack")
    assert "at 8 am" in said and chat.outcome.reminder_at is not None

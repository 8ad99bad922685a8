"""The user's history of sessions, and the schedule it implies (48-72 h between sessions).

A history is a list of session records (dicts, as Session.record() makes them),
oldest first, kept in a Rasa slot so that it survives restarts.
"""

from datetime import datetime, timedelta

from actions import protocol as p

HOUR = 3600


def last_session(history: list[dict] | None) -> dict | None:
    """The latest session in which the user actually did some reps."""
    for record in reversed(history or []):
        if record.get("total_reps", 0) > 0:
            return record
    return None


def hours_since_last(history: list[dict] | None, now: float) -> float | None:
    record = last_session(history)
    if record is None:
        return None
    return (now - record["ended_at"]) / HOUR


def too_soon(history: list[dict] | None, now: float) -> bool:
    """Less than the minimum recovery time since the last session."""
    hours = hours_since_last(history, now)
    return hours is not None and hours < p.HOURS_BETWEEN_SESSIONS.low


def next_window(ended_at: float) -> tuple[datetime, datetime]:
    """Earliest and latest good time for the next session (server local time)."""
    end = datetime.fromtimestamp(ended_at)
    return (
        end + timedelta(hours=p.HOURS_BETWEEN_SESSIONS.low),
        end + timedelta(hours=p.HOURS_BETWEEN_SESSIONS.high),
    )


def day_name(moment: datetime, now: datetime) -> str:
    """ "today", "tomorrow", or "Wednesday 25 November"."""
    days = (moment.date() - now.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"{moment:%A} {moment.day} {moment:%B}"


def next_session_advice(ended_at: float) -> str:
    earliest, latest = next_window(ended_at)
    now = datetime.fromtimestamp(ended_at)
    return (
        f"Give your muscles {p.HOURS_BETWEEN_SESSIONS.spoken('hours')} to recover: your next"
        f" session is best on {day_name(earliest, now)} or {day_name(latest, now)}."
    )


def too_soon_warning(history: list[dict], now: float) -> str:
    record = last_session(history)
    hours = int(hours_since_last(history, now) or 0)
    earliest, _ = next_window(record["ended_at"])
    when = "less than an hour" if hours < 1 else f"only {hours} hour{'s' if hours != 1 else ''}"
    return (
        f"Your last session was {when} ago, and muscles get stronger while they recover"
        f" ({p.HOURS_BETWEEN_SESSIONS.spoken('hours')} between sessions). The best day for the"
        f" next one is {day_name(earliest, datetime.fromtimestamp(now))}."
        " Do you want to go ahead anyway?"
    )

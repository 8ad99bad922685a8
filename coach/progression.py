"""The user's history and what it earns: the next level, the schedule, a restart after a break.

A history is a list of session records (dicts, as Session.record() makes them),
oldest first, kept in a Rasa slot so that it survives restarts. Days and times
are the user's own (their time zone), since "today" and "this week" are theirs.

The rules (design.md, clinical notes):
- two comfortable sessions in a row at a level (completed, full reps, pain at
  most the "fine" threshold, next morning not worse) earn the next level;
- never with a caution in force (red flag, pain above the threshold) or pain
  above the threshold in the last RECENT_PAIN_DAYS;
- 48-72 h between sessions, three a week; after a break of a week or more,
  restart a level lower.
"""

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach import protocol as p
from coach import when
from coach.pain import step_down

HOUR = 3600
DAY = 24 * HOUR
# Suggestions and reminders fall in the user's day, not at night.
DAY_STARTS_AT, DAY_ENDS_AT = 8, 21
# Notes that mean the session was made easier on the way (session.py).
EASED_NOTES = ("too_hard", "eased_off", "pain_stop_set")

# Step-up verdicts, safety first.
CAUTION = "caution"  # a red flag or pain above the threshold is still in force
RECENT_PAIN = "recent_pain"
TOP = "top"  # the hardest level already
NO_HISTORY = "no_history"
NEED_MORE = "need_more"
STAYING = "staying"  # the user chose to stay at this level
EARNED = "earned"


# -- time ------------------------------------------------------------------------------


def zone(name: str | None) -> tzinfo:
    """The user's time zone if known and valid, else COACH_TIMEZONE, else the server's."""
    for candidate in (name, os.environ.get("COACH_TIMEZONE")):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return datetime.now().astimezone().tzinfo


def valid_zone_name(name: object) -> str | None:
    if not isinstance(name, str) or not name or len(name) > 64:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def local(moment: float, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(moment, tz)


def day_name(moment: datetime, now: datetime) -> str:
    """ "today", "tomorrow", or "Wednesday 25 November"."""
    return when.day_words(moment.date(), now.date())


def on_day(moment: datetime, now: datetime) -> str:
    """ "today", "tomorrow", or "on Wednesday 25 November"."""
    name = day_name(moment, now)
    return name if name in ("today", "tomorrow") else f"on {name}"


def clock_time(moment: datetime) -> str:
    return when.clock_words(moment.time())


def plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _ago(hours: float) -> str:
    if hours < 1:
        return "less than an hour"
    if hours < 48:
        return plural(int(hours), "hour")
    return plural(int(hours // 24), "day")


# -- the history -------------------------------------------------------------------------


def sessions_done(history: list[dict] | None) -> list[dict]:
    """Sessions in which the user did some reps."""
    return [record for record in history or [] if record.get("total_reps", 0) > 0]


def last_session(history: list[dict] | None) -> dict | None:
    done = sessions_done(history)
    return done[-1] if done else None


def hours_since_last(history: list[dict] | None, now: float) -> float | None:
    record = last_session(history)
    if record is None:
        return None
    return (now - record["ended_at"]) / HOUR


def highest_pain(record: dict) -> int:
    return max(record.get("pain") or [0])


def comfortable(record: dict, fine_up_to: int) -> bool:
    """Completed at full reps, pain within "fine", and the next morning not worse."""
    full_reps = all(
        min(done.get(leg, 0) for leg in p.LEGS) >= record.get("target", 0)
        for done in record.get("reps") or [{}]
    )
    return (
        bool(record.get("completed"))
        and full_reps
        and highest_pain(record) <= fine_up_to
        and record.get("next_morning") != "worse"
        and not set(EASED_NOTES) & set(record.get("notes") or [])
    )


def comfortable_in_a_row(history: list[dict] | None, level: str, fine_up_to: int) -> int:
    """Comfortable sessions at this level, counting back from the latest."""
    count = 0
    for record in reversed(sessions_done(history)):
        if record.get("level") != level or not comfortable(record, fine_up_to):
            break
        count += 1
    return count


def recent_pain_above(history: list[dict] | None, stop_above: int, now: float) -> bool:
    return any(
        highest_pain(record) > stop_above
        and now - record.get("ended_at", 0) < p.RECENT_PAIN_DAYS * DAY
        for record in history or []
    )


def session_day(record: dict, tz: tzinfo) -> date:
    """The user's calendar day of a session: the day it started."""
    return local(record.get("started_at", record["ended_at"]), tz).date()


def sessions_this_week(history: list[dict] | None, now: float, tz: tzinfo) -> int:
    """Sessions since Monday, in the user's week."""
    today = local(now, tz).date()
    monday = today - timedelta(days=today.weekday())
    return sum(1 for record in sessions_done(history) if session_day(record, tz) >= monday)


# -- stepping up and down ------------------------------------------------------------------


def next_level(level: str) -> str | None:
    index = p.level_index(level)
    return p.LEVELS[index + 1].key if index + 1 < len(p.LEVELS) else None


@dataclass(frozen=True)
class StepUp:
    verdict: str
    level: str
    next_level: str | None
    in_a_row: int  # comfortable sessions in a row at this level

    @property
    def earned(self) -> bool:
        return self.verdict == EARNED


def step_up_check(
    history: list[dict] | None,
    level: str,
    *,
    fine_up_to: int,
    stop_above: int,
    now: float,
    caution: bool = False,
    stay_at: str | None = None,
) -> StepUp:
    """Whether the history earns the next level, and if not, why not."""
    higher = next_level(level)
    in_a_row = comfortable_in_a_row(history, level, fine_up_to)
    if caution:
        verdict = CAUTION
    elif recent_pain_above(history, stop_above, now):
        verdict = RECENT_PAIN
    elif higher is None:
        verdict = TOP
    elif not sessions_done(history):
        verdict = NO_HISTORY
    elif in_a_row < p.STEP_UP_AFTER_SESSIONS:
        verdict = NEED_MORE
    elif stay_at == level:
        verdict = STAYING
    else:
        verdict = EARNED
    return StepUp(verdict, level, higher, in_a_row)


def describe_level(level: str) -> str:
    """ "the 15-rep lift, 2 sets of 15 reps per leg. <how to do it>" """
    chosen = p.level_named(level)
    dose = f"{p.SETS_PER_LEG} sets of {chosen.reps_per_set} reps per leg"
    return f"the {chosen.name}, {dose}. {chosen.how}"


def step_up_offer(check: StepUp) -> str:
    return (
        f"That's {plural(check.in_a_row, 'comfortable session')} in a row at the"
        f" {p.level_named(check.level).name}. You've earned the next level:"
        f" {describe_level(check.next_level)} Shall we move up for next time?"
    )


def stepped_up(level: str, fine_up_to: int) -> str:
    return (
        f"Great: from your next session, you're on {describe_level(level)} If it brings"
        f" pain above {fine_up_to} out of 10, tell me and we'll go back to what was"
        " comfortable."
    )


def step_up_refusal(check: StepUp, fine_up_to: int) -> str:
    """Why not yet: every verdict but EARNED, said from the user's history."""
    name = p.level_named(check.level).name
    need = p.STEP_UP_AFTER_SESSIONS
    if check.verdict == CAUTION:
        return (
            "Not while we're being careful: after the pain or warning sign you told me"
            " about, let's get a run of comfortable sessions first, or your clinician's"
            " go-ahead."
        )
    if check.verdict == RECENT_PAIN:
        return (
            f"Not yet: you had pain above the safe limit in the last {p.RECENT_PAIN_DAYS} days."
            f" Stay at the {name} until it has settled."
        )
    if check.verdict == TOP:
        return (
            f"You're already at the top of the ladder, the {name}. Keep it up three times a"
            " week; slow, controlled reps make it harder without adding anything."
        )
    if check.verdict == NO_HISTORY:
        return (
            f"I don't have any sessions of yours yet. Have you done {need} full sessions at"
            f" the {name} with pain no more than {fine_up_to} out of 10, and no worse the"
            " next morning?"
        )
    if check.verdict == STAYING:
        return (
            f"You told me you'd like to stay at the {name}. Your last {check.in_a_row}"
            " sessions were comfortable, so you can move up whenever you like."
            " Shall we move up?"
        )
    more = need - check.in_a_row
    return (
        f"Good to hear it feels easy. The rule is {need} comfortable sessions in a row"
        f" before moving up (all reps done, pain no more than {fine_up_to} out of 10, no"
        f" worse the next morning); you have {check.in_a_row}."
        f" {'One more' if more == 1 else f'{more} more'} like that and we'll step up."
    )


def step_down_for_too_hard(level: str) -> tuple[str, str]:
    """ "These are too hard" outside a session: the level below, and what to say."""
    easier = step_down(level, 1)
    if easier == level:
        return level, (
            f"You're already on the easiest version, the {p.level_named(level).name}."
            " Do fewer reps, lift only a little, and if it's still too hard, check with"
            " your physiotherapist."
        )
    return easier, (
        f"Let's make it easier: from your next session you'll do"
        f" {describe_level(easier)} Two comfortable sessions there and we'll try moving up."
    )


def step_down_offer(easier: str) -> str:
    """ "Too hard" said: the easier level offered, never applied unasked."""
    return (
        f"We can make it easier from your next session: {describe_level(easier)}"
        " Shall I change your plan to that?"
    )


def stay_at_level(level: str) -> str:
    """The easier level turned down: the plan stays as it is."""
    return (
        f"Okay, your plan stays at the {p.level_named(level).name}. Fewer reps or a lower lift"
        " on a hard day is fine; tell me if it keeps feeling too hard."
    )


# -- the schedule -------------------------------------------------------------------------


def too_soon(history: list[dict] | None, now: float) -> bool:
    """Less than the minimum recovery time since the last session."""
    hours = hours_since_last(history, now)
    return hours is not None and hours < p.HOURS_BETWEEN_SESSIONS.low


def next_window(ended_at: float, tz: tzinfo) -> tuple[datetime, datetime]:
    """Earliest and latest good time for the next session, in the user's time zone.

    Elapsed hours, not wall-clock ones: across a clock change 48 h stays 48 h.
    """
    return (
        local(ended_at + p.HOURS_BETWEEN_SESSIONS.low * HOUR, tz),
        local(ended_at + p.HOURS_BETWEEN_SESSIONS.high * HOUR, tz),
    )


def daytime(moment: datetime) -> datetime:
    """The first sensible time to exercise from `moment`: 48 h after an evening session
    can fall at 1 am, which is no time to suggest (or to send a reminder)."""
    quarter = timedelta(minutes=(-moment.minute) % 15, seconds=-moment.second)
    moment = (moment + quarter).replace(microsecond=0) if quarter else moment
    if moment.hour < DAY_STARTS_AT:
        return moment.replace(hour=DAY_STARTS_AT, minute=0, second=0)
    if moment.hour >= DAY_ENDS_AT:
        return (moment + timedelta(days=1)).replace(hour=DAY_STARTS_AT, minute=0, second=0)
    return moment


def by_time(moment: datetime, now: datetime) -> str:
    """ "tomorrow at 6 pm", or just the day when the moment falls at night."""
    if DAY_STARTS_AT <= moment.hour < DAY_ENDS_AT:
        return f"{day_name(moment, now)} at {clock_time(moment)}"
    return f"the end of {day_name(moment - timedelta(hours=DAY_STARTS_AT), now)}"


def next_session_advice(ended_at: float, tz: tzinfo) -> str:
    earliest, latest = next_window(ended_at, tz)
    now = local(ended_at, tz)
    days = on_day(earliest, now)
    if latest.date() != daytime(earliest).date():
        days += f" or {on_day(latest, now)}"
    return (
        f"Give your muscles {p.HOURS_BETWEEN_SESSIONS.spoken('hours')} to recover: your next"
        f" session is best {days}."
    )


def too_soon_warning(history: list[dict], now: float, tz: tzinfo) -> str:
    record = last_session(history)
    hours = int(hours_since_last(history, now) or 0)
    earliest, _ = next_window(record["ended_at"], tz)
    when = "less than an hour" if hours < 1 else f"only {plural(hours, 'hour')}"
    return (
        f"Your last session was {when} ago, and muscles get stronger while they recover"
        f" ({p.HOURS_BETWEEN_SESSIONS.spoken('hours')} between sessions). The best day for the"
        f" next one is {day_name(earliest, local(now, tz))}."
        " Do you want to go ahead anyway?"
    )


def days_since_last(history: list[dict] | None, now: float) -> float | None:
    hours = hours_since_last(history, now)
    return None if hours is None else hours / 24


def restart_after_break(
    history: list[dict] | None, level: str, now: float, restarted_after: float | None
) -> str | None:
    """The level to restart at after a long break, or None if no restart is due.

    restarted_after is the end of the last session before which the user was
    already moved down, so one break lowers the level once.
    """
    days = days_since_last(history, now)
    record = last_session(history)
    if days is None or days < p.RESTART_LOWER_AFTER_DAYS:
        return None
    if restarted_after is not None and restarted_after >= record["ended_at"]:
        return None
    return step_down(level, 1)


def restart_text(days: float, level: str, lower: str) -> str:
    head = f"Welcome back! It's been {plural(int(days), 'day')} since your last session"
    if lower == level:
        return f"{head}. Start gently at the {p.level_named(level).name} and build up again."
    return (
        f"{head}, so we'll restart a level lower to let your body get used to it again:"
        f" {describe_level(lower)} After {p.STEP_UP_AFTER_SESSIONS} comfortable sessions"
        " you'll be back where you were."
    )


def _week_line(history: list[dict] | None, now: float, tz: tzinfo) -> str:
    done = sessions_this_week(history, now, tz)
    target = p.SESSIONS_PER_WEEK
    if done >= target:
        return f"You've done {done} sessions this week, which meets the {target} a week goal."
    return f"You've done {done} of your {target} sessions this week."


def after_this_session_answer(now: float, tz: tzinfo) -> str:
    """ "Can I do another session tonight?" asked during a session: the 48-72 hour gap is
    counted from the end of this one, so not again today."""
    today = local(now, tz)
    earliest, latest = next_window(now, tz)
    earliest = daytime(earliest)
    window = f"{on_day(earliest, today)} (from {clock_time(earliest)})"
    if latest.date() != earliest.date():
        window += f" or {on_day(latest, today)}"
    return (
        "Not another one today: after this session your muscles need"
        f" {p.HOURS_BETWEEN_SESSIONS.spoken('hours')} to recover, so your next session is best"
        f" {window}."
    )


def next_session_answer(
    history: list[dict] | None, now: float, tz: tzinfo, asked_day: date | None = None
) -> str:
    """ "When is my next session?" or "can I do it today / on Friday?", from the history."""
    today = local(now, tz)
    record = last_session(history)
    gap = p.HOURS_BETWEEN_SESSIONS.spoken("hours")
    if record is None:
        return (
            "You haven't done a session with me yet, so any time is good, today included."
            f" After that, leave {gap} between sessions: about {p.SESSIONS_PER_WEEK} a week."
        )
    earliest, latest = next_window(record["ended_at"], tz)
    earliest = daytime(earliest)
    hours = (now - record["ended_at"]) / HOUR
    since = f"Your last session was {_ago(hours)} ago"
    week = _week_line(history, now, tz)
    if asked_day is not None and asked_day != today.date():
        asked = datetime.combine(asked_day, datetime.min.time(), tz)
        name = day_name(asked, today)
        if asked_day < earliest.date():
            # Too soon: the day named as the user may have said it ("would Thursday do?").
            too_soon = f"{name} ({asked:%A})" if name == "tomorrow" else name
            return (
                f"Better not {too_soon}: your muscles need {gap} to recover. {since}, so the"
                f" best day is {day_name(earliest, today)}."
            )
        if asked_day == earliest.date():
            return f"Yes, {name} works from {clock_time(earliest)}. {week}"
        return f"Yes, {name} is fine. {week}"
    if now < earliest.timestamp():
        if earliest.date() == today.date():
            return (
                f"{since}. Yes, later today: from {clock_time(earliest)}, once your muscles"
                f" have had {p.HOURS_BETWEEN_SESSIONS.low} hours to recover. {week}"
            )
        about_today = "Not today. " if asked_day is not None else ""
        window = f"best {on_day(earliest, today)} (from {clock_time(earliest)})"
        if latest.date() != earliest.date():
            window += f" or {on_day(latest, today)}"
        return (
            f"{about_today}{since}, and muscles need {gap} to recover. Your next session is"
            f" {window}. {week}"
        )
    if now <= latest.timestamp():
        return (
            f"Yes, today is a good day. {since}. Try to fit it in by"
            f" {by_time(latest, today)}. {week}"
        )
    if hours / 24 >= p.RESTART_LOWER_AFTER_DAYS:
        return f"Yes, any time now. {since}, so we'll restart a level lower when you start. {week}"
    return f"Yes, any time now. {since}. {week}"


def answer_from_said_day(done: date, today: date, asked_day: date | None = None) -> str:
    """ "Did them yesterday, can I go again today?" with no session on record: the recovery
    gap counted from the day the user said."""
    asked = asked_day or today
    name = when.day_words(asked, today)
    days_ago = (today - done).days
    since = {0: "today", 1: "yesterday"}.get(days_ago, f"{days_ago} days ago")
    gap = p.HOURS_BETWEEN_SESSIONS.spoken("hours")
    earliest = done + timedelta(days=p.HOURS_BETWEEN_SESSIONS.low // 24)
    if asked < earliest:
        return (
            f"Better not {name}: you last did them {since}, and muscles need {gap} to"
            f" recover. The best day is {when.day_words(earliest, today)}."
        )
    return (
        f"Yes, {name} is fine: you last did them {since}, which gives your muscles the {gap}"
        f" they need to recover. Then aim for about {p.SESSIONS_PER_WEEK} sessions a week."
    )


def missed_sessions_answer(history: list[dict] | None, now: float, level: str) -> str:
    """ "I missed a week": from the history, without the level change (the coach does that)."""
    record = last_session(history)
    name = p.level_named(level).name
    if record is None:
        return (
            "No problem: there's nothing to catch up on. Start whenever you're ready, then"
            f" aim for {p.SESSIONS_PER_WEEK} sessions a week,"
            f" {p.HOURS_BETWEEN_SESSIONS.spoken('hours')} apart."
        )
    hours = (now - record["ended_at"]) / HOUR
    if hours <= p.HOURS_BETWEEN_SESSIONS.high:
        return (
            f"Your last session with me was {_ago(hours)} ago, so you're on track. Carry on"
            f" at the {name}."
        )
    return (
        f"No harm done: your last session was {_ago(hours)} ago. Pick up where you left off"
        f" at the {name}, and try for {p.SESSIONS_PER_WEEK} sessions a week."
    )

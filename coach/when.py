"""When the user means: "remind me on Thursday at 6 pm", "tomorrow morning", "in 2 hours".

Reads reminder requests as people type them in chat or say them to a voice
assistant, and says a moment back the way a coach would ("tomorrow at 7:30 am").
Standard library only: the rules are few and the coach's wording is narrow.
"""

import datetime
import re
from dataclasses import dataclass

from coach.numbers import TENS, UNITS

ONE_DAY = datetime.timedelta(days=1)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# A part of the day said without a clock time: when the coach reminds.
PART_OF_DAY_TIMES = {
    "morning": datetime.time(8), "lunch": datetime.time(12), "afternoon": datetime.time(14),
    "evening": datetime.time(18), "tonight": datetime.time(19), "night": datetime.time(19),
}  # fmt: skip
# Said with one of these parts of the day, 7-11 without am or pm are in the evening.
PM_PARTS = {"afternoon", "evening", "tonight", "night"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
OFFSET_UNITS = {"min": "minutes", "minute": "minutes", "hour": "hours", "hr": "hours",
                "day": "days", "week": "weeks"}  # fmt: skip

# "a" and "an" are left alone: "in an hour" is read as an offset, not a number.
_COUNTING_WORDS = {word: n for word, n in UNITS.items() if n > 0 and word not in ("a", "an")}
_ONES = "|".join(word for word, n in _COUNTING_WORDS.items() if n < 10)
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"

# Spelling and speech, made regular before reading.
_TOMORROW_SPELLINGS = re.compile(
    r"\b(?:tomorow|tommorow|tommorrow|tomorrw|tmrw|tmrow|tmr|tmw|2moro|2morrow|2mrw)\b"
)
_ORDINAL_WORDS = re.compile(
    rf"\b(?P<lead>the|{_MONTH_NAMES})\s+(?:(?P<tens>twenty|thirty)[\s-])?"
    rf"(?P<ordinal>{'|'.join(ORDINALS)})\b"
)
_NUMBER_WORDS = re.compile(
    rf"\b(?P<tens>{'|'.join(TENS)})(?:[\s-](?P<ones>{_ONES}))?\b"
    rf"|\b(?P<single>{'|'.join(_COUNTING_WORDS)})\b"
)
_SPOKEN_OH = re.compile(r"(?<=\d) oh (?P<digit>\d)\b")  # "six oh five"
_MERIDIEM_SPELLINGS = re.compile(r"(?P<number>\d(?:\s*-?ish)?)\s*(?P<letter>[ap])\.?\s?m\b\.?")
_OCLOCK_SPELLINGS = re.compile(r"\bo'?\s?clock\b")

_NEXT_SESSION = re.compile(
    r"\bnext\s+(?:session|workout)\b"  # "when it's time for my next session"
    r"|\bwhen\b.*\b(?:again|due)\b"  # "when I can do it again", "when I'm due"
)
# "good morning" and "last night" are not a part of the day to be reminded in.
_PART_OF_DAY = re.compile(
    r"(?<!good )(?<!last )\b(?P<part>morning|afternoon|evening|tonight|night|lunch)(?:\s?time)?\b"
)
_OFFSET = re.compile(
    r"\bin\s+(?:(?P<half>half\s+an?)|(?P<amount>\d+|an?))\s+"
    r"(?P<unit>minute|min|hour|hr|day|week)s?\b"
    r"(?P<and_a_half>\s+and\s+a\s+half)?"
)

_DAY_AFTER_TOMORROW = re.compile(r"\b(?:the\s+)?day\s+after\s+tomorrow\b")
_TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
_TOMORROW = re.compile(r"\btomorrow\b")
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}?\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\b{_YEAR}"
)
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}?\b{_YEAR}"
)
# Only "on the 28th" or "for the 28th": "do the 2nd set" names no day.
_DAY_OF_MONTH = re.compile(rf"\b(?:on|for|by)\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}\b")
# "sat" and "sun" are ordinary words too, so they need "on", "next" or "this" before them.
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>next|this)\s+)?"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|weds|wed|thurs|thur|thu|fri"
    r"|(?:(?<=on )|(?<=next )|(?<=this ))(?:sat|sun))\b"
)
_READ = " DAY "  # stands in for a day once read: not read twice, yet "thursday 6" still cues 6

# A number followed by one of these is a count ("10 reps", "2 hours"), never a time.
_NOT_A_COUNT = (
    r"(?!\d|\s*(?:(?:reps?|sets?|times|x|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|st|nd|rd|th)\b|/))"
)
_NOON_OR_MIDNIGHT = re.compile(r"\b(?:noon|midday|midnight)\b")
_PAST_OR_TO = re.compile(
    r"\b(?P<minutes>quarter|half|[1-5]?\d)(?:\s+minutes?)?\s+(?P<relation>past|after|to|till|til)"
    rf"\s+(?P<hour>\d{{1,2}}){_NOT_A_COUNT}(?:\s*(?P<meridiem>am|pm)\b)?"
)
_HALF_HOUR = re.compile(  # British "half six" is 6:30
    rf"\bhalf\s+(?P<hour>\d{{1,2}}){_NOT_A_COUNT}(?:\s*(?P<meridiem>am|pm)\b)?"
)
_CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?:(?P<separator>[:.]|\s)(?P<minute>\d{2}))?(?:\s*-?ish)?"
    rf"(?:\s*(?P<oclock>oclock))?(?:\s*(?P<meridiem>am|pm)\b)?{_NOT_A_COUNT}"
)
# Words just before a bare number that make it a time: "at 6", "around 7", "thursday 6".
_TIME_CUE_BEFORE = re.compile(
    r"(?:\b(?:at|around|about|by)|@|\b(?:reminder|alarm)\s+for"
    r"|DAY(?:\s+(?:morning|afternoon|evening|night))?)\s*$"
)


@dataclass(frozen=True)
class WhenSaid:
    day: datetime.date | None  # the day the user named or implied, if any
    time: datetime.time | None  # the time of day named, if any (after am/pm inference)
    moment: datetime.datetime | None  # aware, in the user's time zone, when fully resolved
    next_session: bool = False  # "when it's time for my next session"
    in_past: bool = False  # the moment is not in the future ("today at 5pm" said at 6pm)


def read_when(text: str, now: datetime.datetime) -> WhenSaid | None:
    """When the text means, read in the time zone of `now`; None if it names no day or time."""
    said = _normalise(text)
    next_session = bool(_NEXT_SESSION.search(said))
    part = _part_of_day(said)
    offset = _OFFSET.search(said)
    days, said = ([], _take(said, offset)) if offset else _named_days(said, now.date())
    time_of_day = _time_said(said, part, anywhere=False)
    if offset:
        moment = _after_offset(offset, time_of_day, now)
        return WhenSaid(moment.date(), moment.time(), moment, next_session, moment <= now)
    if not days and time_of_day is None:
        return WhenSaid(None, None, None, next_session=True) if next_session else None
    # Only a time: today if it is still ahead, otherwise tomorrow.
    day = _first_ahead(days or [now.date(), now.date() + ONE_DAY], time_of_day, now)
    if time_of_day is None:
        return WhenSaid(day, None, None, next_session)
    moment = at_time(day, time_of_day, now.tzinfo)
    return WhenSaid(day, time_of_day, moment, next_session, moment <= now)


# A session the user says they did: "did them", "got through my leg lifts", "trained",
# "my last workout", "previous session".
_SESSION_DONE = re.compile(
    r"\b(?:(?:did|done|finished|completed|had|got through|managed)\s+(?:them|it|these|those|"
    r"(?:my|the|a|an|one|some|\d+)\s+(?:\w+\s+)?(?:sessions?|workouts?|leg lifts?|lifts|"
    r"exercises?|reps|sets?|training|routine))|trained|exercised|worked out|(?:last|previous|"
    r"most recent|latest)\s+(?:sessions?|workouts?|time|go|one|training|leg lifts?))\b"
)
# The day it was done, counted back from today: "yesterday", "3 days ago", "on monday".
_DAYS_BACK = (
    (re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b"), lambda _, __: 2),
    (re.compile(r"\b(?:yesterday|last\s+night)\b"), lambda _, __: 1),
    (re.compile(r"\b(?:earlier\s+today|this\s+morning)\b"), lambda _, __: 0),
    (re.compile(r"\b(?P<n>\d+)\s+days?\s+ago\b"), lambda match, _: int(match["n"])),
    (re.compile(r"\ba\s+couple\s+(?:of\s+)?days\s+ago\b"), lambda _, __: 2),
    (re.compile(r"\b(?:a\s+week\s+ago|last\s+week)\b"), lambda _, __: 7),
    (
        re.compile(
            r"\b(?:on\s+|last\s+|this\s+(?:past\s+)?)?(?P<weekday>monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri)\b"
        ),
        # The latest such day before today: said on a Monday, "Monday" is a week ago.
        lambda match, today: (today.weekday() - WEEKDAYS.index(match["weekday"][:3])) % 7 or 7,
    ),
)


def read_last_done(text: str, today: datetime.date) -> tuple[datetime.date, str] | None:
    """The day the user says they last exercised ("did them yesterday", "last session was
    Monday"), and the rest of their words, where a day asked about may be; else None."""
    said = _normalise(text)
    if not _SESSION_DONE.search(said):
        return None
    for pattern, days_back in _DAYS_BACK:
        match = pattern.search(said)
        if match:
            return today - days_back(match, today) * ONE_DAY, _take(said, match)
    return None


def read_time_of_day(text: str) -> datetime.time | None:
    """The time of day in an answer to "What time on Thursday?": "6pm", "half six", "morning"."""
    said = _normalise(text)
    # The question is the cue: a bare "7" is a time here.
    return _time_said(said, _part_of_day(said), anywhere=True)


def at_time(
    day: datetime.date, time_of_day: datetime.time, tz: datetime.tzinfo
) -> datetime.datetime:
    """The moment a local day and time mean in `tz`.

    A repeated time (autumn) is its first occurrence; a skipped time (spring) is moved
    on by the change, so 01:30 on the night the clocks go forward is 02:30.
    """
    local = datetime.datetime.combine(day, time_of_day, tzinfo=tz)
    return local.astimezone(datetime.UTC).astimezone(tz)


def describe(moment: datetime.datetime, now: datetime.datetime) -> str:
    """A moment as the coach says it: "today at 6 pm", "Thursday 26 November at 7:30 am"."""
    moment = moment.astimezone(now.tzinfo)
    return f"{day_words(moment.date(), now.date())} at {clock_words(moment.time())}"


def day_words(day: datetime.date, today: datetime.date) -> str:
    """ "today", "tomorrow", or "Thursday 26 November"."""
    days_ahead = (day - today).days
    if days_ahead == 0:
        return "today"
    if days_ahead == 1:
        return "tomorrow"
    return date_words(day)


def date_words(day: datetime.date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def _normalise(text: str) -> str:
    said = " ".join(re.sub(r"[,;!?]", " ", text.lower().replace("’", "'")).split())
    said = _TOMORROW_SPELLINGS.sub("tomorrow", said)
    said = _ORDINAL_WORDS.sub(_ordinal_in_digits, said)
    said = _NUMBER_WORDS.sub(_number_in_digits, said)
    said = _SPOKEN_OH.sub(r" 0\g<digit>", said)
    said = _MERIDIEM_SPELLINGS.sub(r"\g<number> \g<letter>m", said)  # "6 p.m.", "6 p m"
    return _OCLOCK_SPELLINGS.sub("oclock", said)


def _ordinal_in_digits(match: re.Match[str]) -> str:
    day = ORDINALS[match["ordinal"]] + (TENS[match["tens"]] if match["tens"] else 0)
    return f"{match['lead']} {day}th"


def _number_in_digits(match: re.Match[str]) -> str:
    if match["single"]:
        return str(_COUNTING_WORDS[match["single"]])
    return str(TENS[match["tens"]] + (_COUNTING_WORDS[match["ones"]] if match["ones"] else 0))


def _part_of_day(said: str) -> str | None:
    match = _PART_OF_DAY.search(said)
    return match["part"] if match else None


def _take(said: str, match: re.Match[str]) -> str:
    return f"{said[: match.start()]}{_READ}{said[match.end() :]}"


def _after_offset(
    offset: re.Match[str], time_of_day: datetime.time | None, now: datetime.datetime
) -> datetime.datetime:
    """The moment "in 2 hours" or "in 3 days (at 7pm)" means."""
    if offset["half"]:
        amount = 0.5
    else:
        amount = 1 if offset["amount"] in ("a", "an") else int(offset["amount"])
    if offset["and_a_half"]:
        amount += 0.5
    unit = OFFSET_UNITS[offset["unit"]]
    delta = datetime.timedelta(**{unit: amount})
    if unit in ("minutes", "hours"):
        # Real time passes, even across a clock change.
        return (now.astimezone(datetime.UTC) + delta).astimezone(now.tzinfo)
    # Days keep the time of day (aware + timedelta is wall-clock arithmetic) unless one is said.
    later = now + delta
    return at_time(later.date(), time_of_day or later.time(), now.tzinfo)


def _named_days(said: str, today: datetime.date) -> tuple[list[datetime.date], str]:
    """The days the words could mean, soonest first, and the words with the naming taken out.

    A weekday or date that may be today also lists its next occurrence: which one is
    meant depends on whether the time is still ahead.
    """
    readings = [
        (_DAY_AFTER_TOMORROW, lambda _: [today + 2 * ONE_DAY]),
        (_TODAY, lambda _: [today]),
        (_TOMORROW, lambda _: [today + ONE_DAY]),
        (_DAY_MONTH, lambda match: _dates(match, today)),
        (_MONTH_DAY, lambda match: _dates(match, today)),
        (_DAY_OF_MONTH, lambda match: _days_of_month(int(match["day"]), today)),
        (_WEEKDAY, lambda match: _weekdays(match, today)),
    ]
    for pattern, days_meant in readings:
        match = pattern.search(said)
        if match and (days := days_meant(match)):
            return days, _take(said, match)
    return [], said


def _dates(match: re.Match[str], today: datetime.date) -> list[datetime.date]:
    """A date such as "28 November": this year if still ahead, else the next year that has it."""
    month = MONTHS.index(match["month"][:3]) + 1
    years = [int(match["year"])] if match["year"] else range(today.year, today.year + 5)
    dates = [_date_or_none(year, month, int(match["day"])) for year in years]
    return [date for date in dates if date and (match["year"] or date >= today)]


def _days_of_month(day: int, today: datetime.date) -> list[datetime.date]:
    """A day such as "the 28th": this month if still ahead, else the next month that has it."""
    dates = []
    for months_ahead in range(13):
        years_ahead, month_index = divmod(today.month - 1 + months_ahead, 12)
        dates.append(_date_or_none(today.year + years_ahead, month_index + 1, day))
    return [date for date in dates if date and date >= today]


def _weekdays(match: re.Match[str], today: datetime.date) -> list[datetime.date]:
    days_ahead = (WEEKDAYS.index(match["weekday"][:3]) - today.weekday()) % 7
    if match["which"] == "next":  # "next thursday" said on a Thursday is a week today
        return [today + (days_ahead or 7) * ONE_DAY]
    return [today + days_ahead * ONE_DAY, today + (days_ahead + 7) * ONE_DAY]


def _date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 31 November, 29 February in most years
        return None


def _first_ahead(
    days: list[datetime.date], time_of_day: datetime.time | None, now: datetime.datetime
) -> datetime.date:
    """The first day after today, or today if the time is still ahead; else the last day.

    A day named alone ("today", "tomorrow") is the last day, whether or not it is ahead.
    Without a time, a weekday that is today means next week: "today" would have been said.
    """
    for day in days:
        time_ahead = time_of_day is not None and at_time(day, time_of_day, now.tzinfo) > now
        if day > now.date() or time_ahead:
            return day
    return days[-1]


def _time_said(said: str, part: str | None, anywhere: bool) -> datetime.time | None:
    """The clock time said, else the usual time of the part of the day said.

    An impossible clock time ("25:00") gives None, not the part of the day's time.
    """
    found, clock = _clock_said(said, part, anywhere)
    if found:
        return clock
    return PART_OF_DAY_TIMES[part] if part else None


def _clock_said(said: str, part: str | None, anywhere: bool) -> tuple[bool, datetime.time | None]:
    """Whether a clock time was said, and the time if it is a possible one.

    Unless `anywhere`, a bare number is a time only with a cue (see _TIME_CUE_BEFORE).
    """
    if match := _NOON_OR_MIDNIGHT.search(said):
        return True, datetime.time(0 if match[0] == "midnight" else 12)
    if match := _PAST_OR_TO.search(said):
        minutes = {"quarter": 15, "half": 30}.get(match["minutes"]) or int(match["minutes"])
        hour = _hour_of_day(match["hour"], match["meridiem"], part)
        past = minutes if match["relation"] in ("past", "after") else -minutes
        return True, _clock(*divmod(hour * 60 + past, 60))
    if match := _HALF_HOUR.search(said):
        return True, _clock(_hour_of_day(match["hour"], match["meridiem"], part), 30)
    for match in _CLOCK.finditer(said):
        cued = (
            match["separator"] in (":", ".")
            or match["meridiem"]
            or match["oclock"]
            or _TIME_CUE_BEFORE.search(said, 0, match.start())
        )
        if anywhere or cued:
            hour = _hour_of_day(match["hour"], match["meridiem"], part)
            return True, _clock(hour, int(match["minute"] or 0))
    return False, None


def _hour_of_day(hour_said: str, meridiem: str | None, part: str | None) -> int:
    """The hour on the 24 hour clock, guessing am or pm when not said."""
    hour = int(hour_said)
    if meridiem and 1 <= hour <= 12:
        return hour % 12 + (12 if meridiem == "pm" else 0)
    if hour == 0 or hour >= 12 or hour_said.startswith("0"):
        return hour  # already on the 24 hour clock ("18:00", "06:30"), or noon
    if part == "morning":
        return hour
    # Nobody wants a 3 am exercise reminder; 7-11 are morning unless the evening is said.
    return hour + 12 if hour <= 6 or part in PM_PARTS else hour


def _clock(hour: int, minute: int) -> datetime.time | None:
    return datetime.time(hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None


def clock_words(time_of_day: datetime.time) -> str:
    """ "6 pm", "7:30 am", "noon", "midnight"."""
    if (time_of_day.hour, time_of_day.minute) == (12, 0):
        return "noon"
    if (time_of_day.hour, time_of_day.minute) == (0, 0):
        return "midnight"
    minutes = f":{time_of_day.minute:02d}" if time_of_day.minute else ""
    return f"{time_of_day.hour % 12 or 12}{minutes} {'am' if time_of_day.hour < 12 else 'pm'}"

"""Reading when a reminder is wanted ("on Thursday at 6 pm", "in 2 hours") and saying it back.

Unless a test says otherwise it is Tuesday 24 November 2026, 15:00 in London.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from coach.when import WhenSaid, at_time, describe, read_time_of_day, read_when

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC = ZoneInfo("UTC")
NOW = datetime.datetime(2026, 11, 24, 15, 0, tzinfo=LONDON)


def day(month: int, day_of_month: int, year: int = 2026) -> datetime.date:
    return datetime.date(year, month, day_of_month)


def clock(hour: int, minute: int = 0) -> datetime.time:
    return datetime.time(hour, minute)


def utc(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected_day", "expected_time"),
    [
        # The requests the coach hears most.
        ("remind me on Thursday at 6 pm", day(11, 26), clock(18)),
        ("remind me tomorrow morning", day(11, 25), clock(8)),
        ("set a reminder for 7:30", day(11, 25), clock(7, 30)),
        ("remind me at six thirty tonight", day(11, 24), clock(18, 30)),
        ("ping me next mon at 18:00", day(11, 30), clock(18)),
        ("remind me on the 28th at noon", day(11, 28), clock(12)),
        ("could you please remind me on thursday around 6ish pm", day(11, 26), clock(18)),
        ("remind me to do my leg lifts tomorrow at 7", day(11, 25), clock(7)),
        ("REMIND ME TOMORROW AT 6PM", day(11, 25), clock(18)),
        # Tomorrow, typed in a hurry.
        ("tmrw at 6pm", day(11, 25), clock(18)),
        ("tmr 6pm", day(11, 25), clock(18)),
        ("tomorow at 6pm", day(11, 25), clock(18)),
        ("2moro at 6pm", day(11, 25), clock(18)),
        ("tomorrow 7", day(11, 25), clock(7)),
        ("the day after tomorrow at 9", day(11, 26), clock(9)),
        ("day after tomorrow 5pm", day(11, 26), clock(17)),
        # Weekdays, short and long.
        ("thurs at 6", day(11, 26), clock(18)),
        ("thu 7pm", day(11, 26), clock(19)),
        ("on mon at 10", day(11, 30), clock(10)),
        ("wednesday at 8 in the evening", day(11, 25), clock(20)),
        ("this friday at 5", day(11, 27), clock(17)),
        ("next thursday at 6pm", day(11, 26), clock(18)),
        ("on sat at 10", day(11, 28), clock(10)),
        ("next sun at 9am", day(11, 29), clock(9)),
        ("friday evening", day(11, 27), clock(18)),
        ("thursday 6", day(11, 26), clock(18)),
        # Today's weekday: today while the time is ahead, else next week; "next" is next week.
        ("tuesday at 5", day(11, 24), clock(17)),
        ("tuesday at 2pm", day(12, 1), clock(14)),
        ("next tuesday at 5", day(12, 1), clock(17)),
        # Dates: this month or year while ahead, else the next.
        ("28 November at 6pm", day(11, 28), clock(18)),
        ("November 28 at 6pm", day(11, 28), clock(18)),
        ("28th of november at 6pm", day(11, 28), clock(18)),
        ("on 20 november at 6pm", day(11, 20, 2027), clock(18)),
        ("1st dec at 9am", day(12, 1), clock(9)),
        ("28 nov 2027 at 9am", day(11, 28, 2027), clock(9)),
        ("on the 20th at 10am", day(12, 20), clock(10)),
        ("on the 31st at noon", day(12, 31), clock(12)),  # November has no 31st
        ("on the 24th at 5pm", day(11, 24), clock(17)),
        ("on the 24th at 2pm", day(12, 24), clock(14)),
        ("on the twenty eighth at noon", day(11, 28), clock(12)),
        # Only a time: today if it is still ahead, otherwise tomorrow.
        ("at 6 pm", day(11, 24), clock(18)),
        ("6pm", day(11, 24), clock(18)),
        ("6 p.m.", day(11, 24), clock(18)),
        ("at 6 p m", day(11, 24), clock(18)),
        ("6:30pm", day(11, 24), clock(18, 30)),
        ("18:00", day(11, 24), clock(18)),
        ("18.30", day(11, 24), clock(18, 30)),
        ("at 06:30", day(11, 25), clock(6, 30)),  # a leading zero is the 24 hour clock
        ("at 6", day(11, 24), clock(18)),
        ("at six", day(11, 24), clock(18)),
        ("at 3", day(11, 25), clock(15)),  # 15:00 is now, not ahead
        ("@ 4", day(11, 24), clock(16)),
        ("by 5", day(11, 24), clock(17)),
        ("six thirty pm", day(11, 24), clock(18, 30)),
        ("six oh five pm", day(11, 24), clock(18, 5)),
        ("at 7 o'clock", day(11, 25), clock(7)),
        ("at seven o'clock tonight", day(11, 24), clock(19)),
        ("half past six", day(11, 24), clock(18, 30)),
        ("at half six", day(11, 24), clock(18, 30)),
        ("quarter past 7", day(11, 25), clock(7, 15)),
        ("quarter to 8", day(11, 25), clock(7, 45)),
        ("quarter to 8 tonight", day(11, 24), clock(19, 45)),
        ("twenty past five", day(11, 24), clock(17, 20)),
        ("at noon", day(11, 25), clock(12)),
        ("at midday", day(11, 25), clock(12)),
        ("at midnight", day(11, 25), clock(0)),
        # Am or pm when not said.
        ("at 1", day(11, 25), clock(13)),  # 13:00 has passed
        ("at 10", day(11, 25), clock(10)),
        ("at 10 tonight", day(11, 24), clock(22)),
        ("at 9 in the evening", day(11, 24), clock(21)),
        ("at 11 at night", day(11, 24), clock(23)),
        ("at 12", day(11, 25), clock(12)),
        ("at 13", day(11, 25), clock(13)),
        ("at 5 in the morning", day(11, 25), clock(5)),
        ("at 7pm", day(11, 24), clock(19)),
        ("at 11am", day(11, 25), clock(11)),
        ("at 12am", day(11, 25), clock(0)),
        # Parts of the day.
        ("this evening", day(11, 24), clock(18)),
        ("tonight", day(11, 24), clock(19)),
        ("in the morning", day(11, 25), clock(8)),
        ("tomorrow afternoon", day(11, 25), clock(14)),
        ("tomorrow at lunchtime", day(11, 25), clock(12)),
        ("tomorrow night", day(11, 25), clock(19)),
        # Counts are not times, but a cued number next to them is.
        ("do 10 reps at 6", day(11, 24), clock(18)),
        ("remind me to do 3 sets tomorrow at 7pm", day(11, 25), clock(19)),
    ],
)
def test_day_and_time_are_read(text, expected_day, expected_time):
    said = read_when(text, NOW)
    assert (said.day, said.time) == (expected_day, expected_time)
    assert said.moment == datetime.datetime.combine(expected_day, expected_time, tzinfo=LONDON)
    assert not said.in_past and not said.next_session


@pytest.mark.parametrize(
    ("text", "expected_day"),
    [
        ("remind me tomorrow", day(11, 25)),
        ("remind me on thursday", day(11, 26)),
        ("remind me to do 10 reps tomorrow", day(11, 25)),
        ("remind me on tuesday", day(12, 1)),  # today's weekday without a time: next week
        ("remind me on the 28th", day(11, 28)),
        ("remind me on the 24th", day(12, 24)),
        ("28th of november", day(11, 28)),
        ("on 29 february", day(2, 29, 2028)),
        ("tomorrow at 25:00", day(11, 25)),  # an impossible time is dropped, the day kept
        ("thursday at 6:75", day(11, 26)),
        ("do the second set tomorrow", day(11, 25)),  # "the second" is not the 2nd
    ],
)
def test_a_day_alone_leaves_the_time_to_be_asked(text, expected_day):
    assert read_when(text, NOW) == WhenSaid(day=expected_day, time=None, moment=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me in 2 hours", datetime.datetime(2026, 11, 24, 17, 0, tzinfo=LONDON)),
        ("in 30 minutes", datetime.datetime(2026, 11, 24, 15, 30, tzinfo=LONDON)),
        ("in 45 mins", datetime.datetime(2026, 11, 24, 15, 45, tzinfo=LONDON)),
        ("in half an hour", datetime.datetime(2026, 11, 24, 15, 30, tzinfo=LONDON)),
        ("in an hour", datetime.datetime(2026, 11, 24, 16, 0, tzinfo=LONDON)),
        ("in an hour and a half", datetime.datetime(2026, 11, 24, 16, 30, tzinfo=LONDON)),
        ("in two days", datetime.datetime(2026, 11, 26, 15, 0, tzinfo=LONDON)),
        ("in 3 days", datetime.datetime(2026, 11, 27, 15, 0, tzinfo=LONDON)),
        ("in a week", datetime.datetime(2026, 12, 1, 15, 0, tzinfo=LONDON)),
        ("in two days at 7pm", datetime.datetime(2026, 11, 26, 19, 0, tzinfo=LONDON)),
        ("in 2 days in the morning", datetime.datetime(2026, 11, 26, 8, 0, tzinfo=LONDON)),
        ("in 10 hours", datetime.datetime(2026, 11, 25, 1, 0, tzinfo=LONDON)),
    ],
)
def test_relative_offsets_count_from_now(text, expected):
    said = read_when(text, NOW)
    assert said.moment == expected
    assert (said.day, said.time) == (expected.date(), expected.time())
    assert not said.in_past


@pytest.mark.parametrize(
    ("text", "hour_now", "in_past", "expected_moment"),
    [
        ("today at 2pm", 15, True, datetime.datetime(2026, 11, 24, 14, 0, tzinfo=LONDON)),
        ("today at 5pm", 15, False, datetime.datetime(2026, 11, 24, 17, 0, tzinfo=LONDON)),
        ("today at 3pm", 15, True, datetime.datetime(2026, 11, 24, 15, 0, tzinfo=LONDON)),  # now
        ("today at 5pm", 18, True, datetime.datetime(2026, 11, 24, 17, 0, tzinfo=LONDON)),
        ("this morning", 15, True, datetime.datetime(2026, 11, 24, 8, 0, tzinfo=LONDON)),
        ("tonight", 20, True, datetime.datetime(2026, 11, 24, 19, 0, tzinfo=LONDON)),
        # Without "today" a passed time is tomorrow's.
        ("at 5pm", 18, False, datetime.datetime(2026, 11, 25, 17, 0, tzinfo=LONDON)),
    ],
)
def test_a_time_already_passed_today_is_flagged(text, hour_now, in_past, expected_moment):
    said = read_when(text, NOW.replace(hour=hour_now))
    assert said.moment == expected_moment
    assert said.in_past is in_past


@pytest.mark.parametrize(
    "text",
    [
        "remind me when it's time for my next session",
        "Remind me when I can do it again",
        "ping me before my next workout",
    ],
)
def test_next_session_needs_no_day_or_time(text):
    assert read_when(text, NOW) == WhenSaid(day=None, time=None, moment=None, next_session=True)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "set a reminder",
        "remind me please",
        "I did 10 reps",
        "remind me to do 3 sets of 10",
        "do 2 to 3 sets",
        "hold it for 5 seconds",
        "it hurts about 6/10",
        "I sat down",
        "good morning",
        "remind me at 25:00",
        "6:75",
    ],
)
def test_no_day_or_time_gives_none(text):
    assert read_when(text, NOW) is None


@pytest.mark.parametrize(
    ("tz", "expected_utc"),
    [
        (LONDON, utc(2026, 11, 25, 18)),
        (NEW_YORK, utc(2026, 11, 25, 23)),
        (TOKYO, utc(2026, 11, 25, 9)),
        (UTC, utc(2026, 11, 25, 18)),
    ],
)
def test_the_same_words_mean_the_users_own_time_zone(tz, expected_utc):
    now = datetime.datetime(2026, 11, 24, 15, 0, tzinfo=tz)
    moment = read_when("tomorrow at 6pm", now).moment
    assert moment == expected_utc
    assert moment.tzinfo is tz and moment.hour == 18


def test_today_is_the_users_today():
    # 15:00 in London is already Wednesday in Tokyo.
    said = read_when("at 6pm", NOW.astimezone(TOKYO))
    assert said.day == day(11, 25)
    assert said.moment == utc(2026, 11, 25, 9)


def test_tomorrow_across_the_clocks_going_forward():
    saturday = datetime.datetime(2026, 3, 28, 15, 0, tzinfo=LONDON)
    said = read_when("tomorrow at 6pm", saturday)
    assert said.day == day(3, 29)
    assert said.moment == utc(2026, 3, 29, 17)


def test_hours_are_real_hours_and_days_keep_the_time_across_a_clock_change():
    just_before = datetime.datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)
    assert read_when("in 2 hours", just_before).moment == utc(2026, 3, 29, 2, 30)
    saturday = datetime.datetime(2026, 3, 28, 15, 0, tzinfo=LONDON)
    assert read_when("in a day", saturday).moment == utc(2026, 3, 29, 14)


@pytest.mark.parametrize(
    ("local_day", "local_time", "tz", "expected"),
    [
        (day(11, 26), clock(18), LONDON, utc(2026, 11, 26, 18)),
        (day(7, 1), clock(18), LONDON, utc(2026, 7, 1, 17)),
        (day(11, 26), clock(18), TOKYO, utc(2026, 11, 26, 9)),
        # Skipped by the clocks going forward: moved on by the change.
        (day(3, 29), clock(1, 30), LONDON, utc(2026, 3, 29, 1, 30)),
        (day(3, 8), clock(2, 30), NEW_YORK, utc(2026, 3, 8, 7, 30)),
        # Repeated when the clocks go back: the first time round.
        (day(10, 25), clock(1, 30), LONDON, utc(2026, 10, 25, 0, 30)),
        (day(11, 1), clock(1, 30), NEW_YORK, utc(2026, 11, 1, 5, 30)),
    ],
)
def test_at_time_gives_a_real_instant(local_day, local_time, tz, expected):
    moment = at_time(local_day, local_time, tz)
    # In UTC: a time in a repeated hour never equals one in another zone (PEP 495).
    assert moment.astimezone(UTC) == expected
    assert moment.tzinfo is tz
    assert moment.utcoffset() == tz.utcoffset(moment.replace(tzinfo=None))


def test_a_skipped_time_shows_the_wall_clock_after_the_change():
    assert at_time(day(3, 29), clock(1, 30), LONDON).time() == clock(2, 30)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2026, 11, 24, 18, 0, tzinfo=LONDON), "today at 6 pm"),
        (datetime.datetime(2026, 11, 25, 7, 30, tzinfo=LONDON), "tomorrow at 7:30 am"),
        (datetime.datetime(2026, 11, 26, 18, 0, tzinfo=LONDON), "Thursday 26 November at 6 pm"),
        (datetime.datetime(2026, 12, 1, 9, 5, tzinfo=LONDON), "Tuesday 1 December at 9:05 am"),
        (datetime.datetime(2026, 11, 24, 12, 0, tzinfo=LONDON), "today at noon"),
        (datetime.datetime(2026, 11, 24, 12, 15, tzinfo=LONDON), "today at 12:15 pm"),
        (datetime.datetime(2026, 11, 25, 0, 0, tzinfo=LONDON), "tomorrow at midnight"),
        (datetime.datetime(2026, 11, 25, 0, 5, tzinfo=LONDON), "tomorrow at 12:05 am"),
        # Said in the user's time zone, whatever zone the moment is stored in.
        (utc(2026, 11, 24, 23, 30).astimezone(TOKYO), "today at 11:30 pm"),
    ],
)
def test_describe_says_the_moment_as_a_coach_would(moment, expected):
    assert describe(moment, NOW) == expected


def test_describe_uses_the_users_day():
    now_in_new_york = datetime.datetime(2026, 11, 24, 15, 0, tzinfo=NEW_YORK)
    assert describe(utc(2026, 11, 25, 3), now_in_new_york) == "today at 10 pm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me on Thursday at 6 pm", "Thursday 26 November at 6 pm"),
        ("tomorrow at half seven", "tomorrow at 7:30 am"),
        ("in 2 hours", "today at 5 pm"),
        ("on the 28th at noon", "Saturday 28 November at noon"),
    ],
)
def test_read_then_described(text, expected):
    assert describe(read_when(text, NOW).moment, NOW) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("6pm", clock(18)),
        ("at half six", clock(18, 30)),
        ("around 7 in the evening", clock(19)),
        ("18:30", clock(18, 30)),
        ("noon", clock(12)),
        ("morning", clock(8)),
        ("evening please", clock(18)),
        ("7", clock(7)),  # the question is the cue: a bare number is a time
        ("six", clock(18)),
        ("half past 5", clock(17, 30)),
        ("quarter to seven in the morning", clock(6, 45)),
        ("6 o'clock", clock(18)),
        ("at 9 tonight", clock(21)),
        ("7:15 a.m.", clock(7, 15)),
    ],
)
def test_time_of_day_answers(answer, expected):
    assert read_time_of_day(answer) == expected


@pytest.mark.parametrize("answer", ["", "thursday", "no idea", "25:00", "10 reps", "in 2 hours"])
def test_answers_without_a_time_of_day(answer):
    assert read_time_of_day(answer) is None

"""The progression rules (coach/progression.py): the ladder, what blocks a step up,
breaks, the schedule, and the user's time zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from coach import progression as pr
from coach import protocol as p

UTC = ZoneInfo("UTC")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
HOUR = 3600
DAY = 24 * HOUR
# Monday 23 November 2026, 18:00 UTC
MONDAY_6PM = datetime(2026, 11, 23, 18, tzinfo=UTC).timestamp()
FINE, STOP = 3, 5


def record(ended_at, level="standard", reps=None, pain=(), completed=True, **extra):
    target = extra.pop("target", p.level_named(level).reps_per_set)
    reps = reps if reps is not None else [{"left": target, "right": target}] * p.SETS_PER_LEG
    return {
        "started_at": ended_at - 900,
        "ended_at": ended_at,
        "level": level,
        "target": target,
        "reps": reps,
        "total_reps": sum(sum(done.values()) for done in reps),
        "completed": completed,
        "pain": list(pain),
        "notes": extra.pop("notes", []),
        **extra,
    }


def check(history, level="standard", now=None, **kwargs):
    now = now if now is not None else history[-1]["ended_at"] + 2 * DAY if history else MONDAY_6PM
    return pr.step_up_check(history, level, fine_up_to=FINE, stop_above=STOP, now=now, **kwargs)


def two_comfortable(level, end=MONDAY_6PM):
    return [record(end - 2 * DAY, level), record(end, level)]


# -- a comfortable session --------------------------------------------------------------


def test_a_full_pain_free_completed_session_is_comfortable():
    assert pr.comfortable(record(MONDAY_6PM, pain=[FINE]), FINE)


@pytest.mark.parametrize(
    "change",
    [
        {"pain": [FINE + 1]},
        {"completed": False},
        {"reps": [{"left": 10, "right": 10}, {"left": 10, "right": 7}]},
        {"next_morning": "worse"},
        {"notes": ["too_hard"]},
        {"notes": ["eased_off"]},
    ],
)
def test_a_session_is_not_comfortable_when(change):
    assert not pr.comfortable(record(MONDAY_6PM, **change), FINE)


def test_the_next_morning_fine_or_unknown_keeps_it_comfortable():
    assert pr.comfortable(record(MONDAY_6PM, next_morning="fine"), FINE)
    assert pr.comfortable(record(MONDAY_6PM, next_morning=None), FINE)


# -- every step of the ladder ---------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(p.LEVELS) - 1))
def test_two_comfortable_sessions_earn_the_next_rung(index):
    level = p.LEVELS[index].key
    verdict = check(two_comfortable(level), level)
    assert verdict.verdict == pr.EARNED and verdict.earned
    assert verdict.next_level == p.LEVELS[index + 1].key and verdict.in_a_row == 2


def test_the_ladder_after_standard_is_the_one_the_issue_asks_for():
    order, level = [], "standard"
    while (level := pr.next_level(level)) is not None:
        order.append(level)
    assert order == ["reps_15", "reps_20", "ankle_weight_1", "ankle_weight_2", "band", "ball"]
    assert [p.level_named(key).reps_per_set for key in ("standard", "reps_15", "reps_20")] == [
        10,
        15,
        20,
    ]


def test_the_top_of_the_ladder_has_nowhere_to_go():
    verdict = check(two_comfortable("ball"), "ball")
    assert verdict.verdict == pr.TOP and verdict.next_level is None


# -- what blocks a step up ---------------------------------------------------------------------


def test_one_comfortable_session_is_not_enough():
    verdict = check([record(MONDAY_6PM)])
    assert verdict.verdict == pr.NEED_MORE and verdict.in_a_row == 1


def test_sessions_at_another_level_do_not_count():
    history = [record(MONDAY_6PM - 4 * DAY, "bent_knee"), record(MONDAY_6PM)]
    assert check(history).in_a_row == 1


def test_an_uncomfortable_session_breaks_the_run():
    history = [
        record(MONDAY_6PM - 4 * DAY),
        record(MONDAY_6PM - 2 * DAY, pain=[FINE + 1]),
        record(MONDAY_6PM),
    ]
    assert check(history).verdict == pr.NEED_MORE


def test_a_worse_next_morning_blocks_the_step_up():
    history = two_comfortable("standard")
    history[-1]["next_morning"] = "worse"
    assert check(history).verdict == pr.NEED_MORE


def test_a_caution_in_force_blocks_everything():
    assert check(two_comfortable("standard"), caution=True).verdict == pr.CAUTION


def test_recent_pain_above_the_threshold_blocks_even_after_two_good_sessions():
    history = [
        record(MONDAY_6PM - 6 * DAY, "reps_15", reps=[{"left": 3, "right": 0}], pain=[STOP + 1]),
        *two_comfortable("standard"),
    ]
    assert check(history, now=MONDAY_6PM + HOUR).verdict == pr.RECENT_PAIN


def test_pain_above_the_threshold_stops_blocking_after_the_recent_window():
    history = [
        record(MONDAY_6PM - (p.RECENT_PAIN_DAYS + 3) * DAY, pain=[STOP + 1]),
        *two_comfortable("standard"),
    ]
    assert check(history, now=MONDAY_6PM + HOUR).verdict == pr.EARNED


def test_a_stopped_session_with_no_reps_but_severe_pain_still_blocks():
    history = [*two_comfortable("standard"), record(MONDAY_6PM + HOUR, reps=[], pain=[8])]
    history[-1]["total_reps"] = 0
    assert check(history, now=MONDAY_6PM + 2 * HOUR).verdict == pr.RECENT_PAIN


def test_choosing_to_stay_is_respected_until_asked():
    assert check(two_comfortable("standard"), stay_at="standard").verdict == pr.STAYING
    assert check(two_comfortable("reps_15"), "reps_15", stay_at="standard").earned


def test_no_history_means_the_coach_must_ask():
    assert check([]).verdict == pr.NO_HISTORY


@pytest.mark.parametrize(
    "verdict", [pr.CAUTION, pr.RECENT_PAIN, pr.TOP, pr.NO_HISTORY, pr.STAYING, pr.NEED_MORE]
)
def test_every_refusal_has_its_own_words(verdict):
    text = pr.step_up_refusal(pr.StepUp(verdict, "standard", "reps_15", 1), FINE)
    others = {
        pr.step_up_refusal(pr.StepUp(other, "standard", "reps_15", 1), FINE)
        for other in (pr.CAUTION, pr.RECENT_PAIN, pr.TOP, pr.NO_HISTORY, pr.STAYING, pr.NEED_MORE)
        if other != verdict
    }
    assert text and text not in others


def test_the_offer_explains_the_new_version():
    text = pr.step_up_offer(check(two_comfortable("reps_20"), "reps_20"))
    assert "2 comfortable sessions" in text and "ankle weight" in text
    assert p.level_named("ankle_weight_1").how in text


def test_too_hard_steps_down_one_rung_and_stops_at_the_bottom():
    assert pr.step_down_for_too_hard("reps_15")[0] == "standard"
    bottom = p.LEVELS[0].key
    level, text = pr.step_down_for_too_hard(bottom)
    assert level == bottom and "easiest" in text


# -- breaks -------------------------------------------------------------------------------------


def test_a_break_of_a_week_restarts_one_level_lower_once():
    history = [record(MONDAY_6PM, "reps_15")]
    later = MONDAY_6PM + p.RESTART_LOWER_AFTER_DAYS * DAY + HOUR
    assert pr.restart_after_break(history, "reps_15", later, None) == "standard"
    assert pr.restart_after_break(history, "standard", later, MONDAY_6PM) is None


def test_a_shorter_break_keeps_the_level():
    history = [record(MONDAY_6PM, "reps_15")]
    later = MONDAY_6PM + (p.RESTART_LOWER_AFTER_DAYS - 1) * DAY
    assert pr.restart_after_break(history, "reps_15", later, None) is None


def test_a_break_with_no_history_is_not_a_break():
    assert pr.restart_after_break([], "standard", MONDAY_6PM, None) is None


def test_missed_sessions_answer_reads_the_history():
    assert "nothing to catch up on" in pr.missed_sessions_answer([], MONDAY_6PM, "standard")
    recent = [record(MONDAY_6PM - 30 * HOUR)]
    assert "on track" in pr.missed_sessions_answer(recent, MONDAY_6PM, "standard")
    older = [record(MONDAY_6PM - 5 * DAY)]
    assert "5 days ago" in pr.missed_sessions_answer(older, MONDAY_6PM, "standard")


# -- the schedule and time zones ----------------------------------------------------------------


def test_next_session_with_no_history_is_any_time():
    assert "any time is good" in pr.next_session_answer([], MONDAY_6PM, UTC)


def test_too_soon_names_the_day_in_the_users_time_zone():
    history = [record(MONDAY_6PM)]
    said = pr.next_session_answer(history, MONDAY_6PM + 2 * HOUR, UTC, date(2026, 11, 23))
    assert said.startswith("Not today") and "on Wednesday 25 November (from 6 pm)" in said
    # 18:00 UTC on Monday is 03:00 on Tuesday in Tokyo: the next day is Thursday there.
    tokyo = pr.next_session_answer(history, MONDAY_6PM + 2 * HOUR, TOKYO)
    # (03:00 on Thursday there is no time to exercise: from 8 am.)
    assert "Thursday 26 November (from 8 am)" in tokyo


def test_later_today_once_48_hours_have_passed():
    history = [record(MONDAY_6PM)]
    said = pr.next_session_answer(history, MONDAY_6PM + 40 * HOUR, UTC)
    assert "later today: from 6 pm" in said


def test_inside_the_window_today_is_good():
    history = [record(MONDAY_6PM)]
    said = pr.next_session_answer(history, MONDAY_6PM + 50 * HOUR, UTC)
    assert said.startswith("Yes, today is a good day") and "by tomorrow at 6 pm" in said


def test_after_the_window_any_time_and_after_a_week_a_restart():
    history = [record(MONDAY_6PM)]
    assert "any time now" in pr.next_session_answer(history, MONDAY_6PM + 4 * DAY, UTC)
    said = pr.next_session_answer(history, MONDAY_6PM + 8 * DAY, UTC)
    assert "restart a level lower" in said


def test_asking_about_a_named_day():
    history = [record(MONDAY_6PM)]
    now = MONDAY_6PM + HOUR
    assert "Better not tomorrow" in pr.next_session_answer(history, now, UTC, date(2026, 11, 24))
    assert "works from 6 pm" in pr.next_session_answer(history, now, UTC, date(2026, 11, 25))
    assert "Friday 27 November is fine" in pr.next_session_answer(
        history, now, UTC, date(2026, 11, 27)
    )


def test_sessions_this_week_follow_the_users_calendar():
    # Sunday 22 November 23:30 UTC is Monday morning in Tokyo, the same week as "now".
    sunday_night = datetime(2026, 11, 22, 23, 30, tzinfo=UTC).timestamp()
    history = [record(sunday_night), record(MONDAY_6PM)]
    now = MONDAY_6PM + HOUR
    assert pr.sessions_this_week(history, now, UTC) == 1
    assert pr.sessions_this_week(history, now, TOKYO) == 2


def test_next_window_is_48_to_72_hours_in_local_time_across_a_clock_change():
    # 1 November 2026: New York leaves daylight saving time.
    ended = datetime(2026, 10, 31, 18, tzinfo=NEW_YORK).timestamp()
    earliest, latest = pr.next_window(ended, NEW_YORK)
    assert (earliest.timestamp() - ended, latest.timestamp() - ended) == (48 * HOUR, 72 * HOUR)
    assert earliest.utcoffset() != datetime.fromtimestamp(ended, NEW_YORK).utcoffset()


def test_zone_falls_back_from_bad_names(monkeypatch):
    monkeypatch.setenv("COACH_TIMEZONE", "Asia/Tokyo")
    assert pr.zone("Not/AZone") == TOKYO
    assert pr.zone("Europe/London") == ZoneInfo("Europe/London")
    assert pr.valid_zone_name("../../etc/passwd") is None
    assert pr.valid_zone_name(42) is None and pr.valid_zone_name("UTC") == "UTC"


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ((1, 40), (26, 8, 0)),  # the small hours: that morning at 8
        ((21, 30), (27, 8, 0)),  # late evening: the next morning
        ((18, 7), (26, 18, 15)),  # rounded up to the quarter hour
        ((18, 0), (26, 18, 0)),
    ],
)
def test_suggested_times_fall_in_the_users_day(clock, expected):
    moment = datetime(2026, 11, 26, *clock, tzinfo=UTC)
    got = pr.daytime(moment)
    assert (got.day, got.hour, got.minute) == expected


def test_a_window_ending_at_night_is_said_as_the_end_of_the_day_before():
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    assert pr.by_time(datetime(2026, 11, 26, 1, 40, tzinfo=UTC), now) == "the end of tomorrow"
    assert pr.by_time(datetime(2026, 11, 28, 5, tzinfo=UTC), now) == (
        "the end of Friday 27 November"
    )
    assert pr.by_time(datetime(2026, 11, 25, 18, tzinfo=UTC), now) == "tomorrow at 6 pm"

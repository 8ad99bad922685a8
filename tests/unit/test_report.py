"""The shareable views of a history (coach/report.py): the spoken progress summary,
the CSV for a physiotherapist and the PNG chart, in several time zones."""

import csv
import io
import re
import struct
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coach import protocol as p
from coach import report

MONDAY = datetime(2025, 11, 3, tzinfo=UTC)  # Monday 3 November 2025, midnight UTC
LONDON, TOKYO, NEW_YORK = (
    ZoneInfo("Europe/London"),
    ZoneInfo("Asia/Tokyo"),
    ZoneInfo("America/New_York"),
)
ROOT = Path(__file__).resolve().parents[2]


def at(day: float, hour: int = 12, minute: int = 0) -> float:
    """Epoch seconds, `day` days after Monday 3 November 2025 (UTC)."""
    return (MONDAY + timedelta(days=day, hours=hour, minutes=minute)).timestamp()


def session(
    day: float,
    total: int = 40,
    level: str = "standard",
    pain: tuple[int, ...] = (),
    completed: bool = True,
    reps: list[dict] | None = None,
    notes: tuple[str, ...] = (),
    next_morning: str | None = None,
    hour: int = 12,
    minute: int = 0,
) -> dict:
    started = at(day, hour, minute)
    half = total // 2
    return {
        "started_at": started,
        "ended_at": started + 15 * 60,
        "level": level,
        "target": 10,
        "reps": reps if reps is not None else [{"left": half // 2, "right": half - half // 2}] * 2,
        "total_reps": total,
        "completed": completed,
        "pain": list(pain),
        "notes": list(notes),
        "next_morning": next_morning,
    }


def name(key: str) -> str:
    return p.LEVELS[p.level_index(key)].name


def summary(history: list[dict], level: str = "standard", now: float | None = None, tz=LONDON):
    return report.progress_summary(history, level, now or at(4), tz)


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# -- progress summary ------------------------------------------------------------------


@pytest.mark.parametrize(
    "history",
    [[], [session(0, total=0, pain=(7,), completed=False, notes=("pain_stop_set",))]],
    ids=["empty", "only-zero-rep"],
)
def test_nothing_done_yet_invites_a_first_session(history):
    said = summary(history)
    assert "nothing in your history yet" in said and "start a session" in said
    assert len(re.findall(r"[.!?](\s|$)", said)) == 1


def test_sessions_this_week_count_from_monday_and_against_the_weekly_target():
    last_sunday = session(-1)
    history = [last_sunday, session(0), session(2)]
    said = summary(history, now=at(4))
    target = p.SESSIONS_PER_WEEK
    assert f"This week you've done 2 of your {target} sessions, and 3 sessions in total." in said


def test_a_new_week_starts_with_none_done():
    said = summary([session(0), session(2)], now=at(7))
    assert f"This week you've done none of your {p.SESSIONS_PER_WEEK} sessions" in said
    assert "2 sessions in total" in said


def test_the_weekly_target_met_and_passed():
    week = [session(day) for day in range(p.SESSIONS_PER_WEEK)]
    target = p.SESSIONS_PER_WEEK
    assert f"You've done all {target} of this week's sessions" in summary(week, now=at(6))
    more = [*week, session(5)]
    said = summary(more, now=at(6))
    assert f"You've done {target + 1} sessions this week, past the {target} to aim for" in said


@pytest.mark.parametrize(
    ("tz", "this_week"),
    [(UTC, "none"), (LONDON, "none"), (TOKYO, "1")],
)
def test_a_late_sunday_session_is_on_monday_further_east(tz, this_week):
    # Sunday 9 November, 23:15 UTC: already Monday 10 November in Tokyo.
    late_sunday = session(6, hour=23, minute=15)
    said = summary([late_sunday], now=at(7, hour=12), tz=tz)
    assert f"This week you've done {this_week} of your {p.SESSIONS_PER_WEEK} sessions" in said


def test_now_is_read_in_the_users_time_zone_too():
    # Monday 10 November 02:00 UTC is still Sunday evening in New York: same week as the
    # Wednesday session there, the next week in London.
    history = [session(2)]
    now = at(7, hour=2)
    assert "done 1 of your" in summary(history, now=now, tz=NEW_YORK)
    assert "done none of your" in summary(history, now=now, tz=LONDON)


def test_zero_rep_records_are_not_sessions_done():
    history = [session(0), session(1, total=0, pain=(6,), completed=False)]
    said = summary(history, now=at(2))
    assert "done 1 of your" in said and "1 session in total" in said


@pytest.mark.parametrize(
    ("totals", "wording"),
    [
        ([36], "Your first session came to 36 reps."),
        ([20, 30, 38], "Your reps are up from 20 to 38 since your first session."),
        ([40, 44, 30], "Your reps are down from 40 to 30 since your first session;"),
        ([40, 41], "Your reps are steady at about 41 a session."),
        (
            [30, 30, 30, 36, 38, 40],
            "On average your reps are up from 30 to 38 a session, your last 3 sessions"
            " against the 3 before.",
        ),
        ([40, 40, 40, 41, 40, 40], "Your reps are steady at about 40 a session."),
        ([40, 40, 40, 30, 30, 31], "On average your reps are down from 40 to 30 a session"),
        # Only the last six count: the big first session is left out of the average.
        ([90, 30, 30, 30, 36, 38, 40], "up from 30 to 38 a session"),
        # Averages are rounded to whole reps.
        ([40, 40, 41, 44, 44, 45], "up from 40 to 44 a session"),
    ],
)
def test_reps_trend_wording(totals, wording):
    history = [session(day, total=total) for day, total in enumerate(totals)]
    assert wording in summary(history, now=at(len(totals)))


def test_zero_rep_records_are_left_out_of_the_reps_trend():
    history = [session(0, total=20), session(1, total=0, completed=False), session(2, total=38)]
    assert "up from 20 to 38 since your first session" in summary(history)


def test_a_single_level_throughout():
    said = summary([session(0), session(2)], level="standard")
    assert f"You've been on the {name('standard')} throughout." in said


def test_a_level_change_is_named_with_its_date():
    history = [session(0), session(2), session(4, level="reps_15")]
    said = summary(history, level="reps_15", now=at(5))
    assert (
        f"You moved from the {name('standard')} to {name('reps_15')} on Friday 7 November,"
        f" and you're on {name('reps_15')} now." in said
    )


def test_moves_down_and_up_are_listed_in_order():
    history = [session(0), session(2, level="bent_knee"), session(4)]
    said = summary(history, now=at(5))
    assert (
        f"You moved from the {name('standard')} to the {name('bent_knee')} on Wednesday"
        f" 5 November, then to the {name('standard')} on Friday 7 November" in said
    )


def test_many_level_changes_are_counted_not_listed():
    keys = ["standard", "reps_15", "reps_20", "ankle_weight_1"]
    history = [session(2 * day, level=key) for day, key in enumerate(keys)]
    said = summary(history, level="ankle_weight_1", now=at(7))
    assert (
        f"You've worked through 4 levels, most recently moving to the {name('ankle_weight_1')}"
        " on Sunday 9 November" in said
    )


def test_current_level_after_the_last_session_is_said():
    history = [session(0), session(2)]
    said = summary(history, level="reps_15")
    assert f"all on the {name('standard')}, and you're on {name('reps_15')} now" in said


def test_level_change_date_is_the_local_day():
    # Tuesday 4 November 23:30 UTC is Wednesday 5 November in Tokyo.
    history = [session(0), session(1, level="reps_15", hour=23, minute=30)]
    assert "on Tuesday 4 November" in summary(history, level="reps_15", tz=LONDON)
    assert "on Wednesday 5 November" in summary(history, level="reps_15", tz=TOKYO)


def test_zero_rep_records_are_not_level_changes():
    history = [session(0), session(1, total=0, level="bent_knee", completed=False), session(2)]
    said = summary(history)
    assert "throughout" in said and name("bent_knee") not in said


@pytest.mark.parametrize(
    ("pains", "wording"),
    [
        ([(), ()], "You haven't reported any pain."),
        ([(1,), (2, 3), (), (0,), (3,)], "No pain above 3 in your last 4 sessions."),
        ([(2,)], "No pain above 3 in your last session."),
        ([(5,), (4,), (2,)], "Pain has eased from 5 to 2."),
        ([(2,), (6, 5), ()], "Pain has eased: it was up to 6, and you reported none last time."),
        ([(8,), (6,)], "Pain has eased from 8 to 6, but take it easy for now."),
        ([(1,), (2,), (1, 5)], "Pain has gone up lately: 2 then 5, so take it easy."),
        ([(), (4,)], "Your pain reached 4 last time, so take it easy."),
        ([(5,), (5,)], "Your pain reached 5 last time, so take it easy."),
        # An old flare-up outside the recent sessions is not brought up again.
        ([(7,), (2,), (1,), (), (0,)], "No pain above 3 in your last 4 sessions."),
    ],
)
def test_pain_trend_wording(pains, wording):
    history = [session(day, pain=pain) for day, pain in enumerate(pains)]
    assert wording in summary(history, now=at(len(pains)))


def test_a_session_stopped_at_once_for_pain_still_shows_in_the_pain_trend():
    history = [session(0, pain=(2,)), session(2, total=0, pain=(7,), completed=False)]
    said = summary(history, now=at(3))
    assert "Pain has gone up lately: 2 then 7, so take it easy." in said


def test_pain_wording_follows_the_pain_setting(monkeypatch):
    monkeypatch.setenv("COACH_PAIN_FINE_UP_TO", "2")
    said = summary([session(0, pain=(1,)), session(2, pain=(2,))])
    assert "No pain above 2 in your last 2 sessions." in said


def test_a_full_summary_is_a_few_short_plain_sentences():
    history = [
        session(0, total=30, pain=(4,)),
        session(2, total=32, pain=(3,)),
        session(4, total=34, pain=(2,)),
        session(7, total=38, level="reps_15", pain=(2,)),
        session(9, total=40, level="reps_15"),
        session(11, total=42, level="reps_15", pain=(1,)),
    ]
    said = summary(history, level="reps_15", now=at(12))
    sentences = re.split(r"(?<=[.!?])\s+", said.strip())
    assert 2 <= len(sentences) <= 5
    assert all(len(sentence.split()) <= 30 for sentence in sentences)
    assert "\n" not in said and "*" not in said
    target = p.SESSIONS_PER_WEEK
    assert said == (
        f"You've done all {target} of this week's sessions, and 6 sessions in total."
        " On average your reps are up from 32 to 40 a session, your last 3 sessions against"
        f" the 3 before. You moved from the {name('standard')} to {name('reps_15')} on Monday"
        f" 10 November, and you're on {name('reps_15')} now. No pain above 3 in your last"
        " 4 sessions."
    )


# -- CSV -------------------------------------------------------------------------------


def test_csv_row_has_every_column():
    record = session(
        0,
        total=38,
        pain=(2, 4),
        completed=False,
        reps=[{"left": 10, "right": 10}, {"left": 10, "right": 8}],
        notes=("too_easy", "eased_off"),
        next_morning="fine",
        hour=8,
        minute=5,
    )
    (row,) = rows(report.history_csv([record], LONDON))
    assert row == {
        "date": "2025-11-03",
        "start": "08:05",
        "end": "08:20",
        "timezone": "Europe/London",
        "level": name("standard"),
        "target_reps_per_set": "10",
        "set1_left": "10",
        "set1_right": "10",
        "set2_left": "10",
        "set2_right": "8",
        "total_reps": "38",
        "completed": "no",
        "highest_pain": "4",
        "pain_scores": "2;4",
        "next_morning": "fine",
        "notes": "too_easy;eased_off",
    }


def test_csv_columns_follow_the_largest_record_and_leave_blanks():
    one_set = session(0, reps=[{"left": 10, "right": 9}], total=19)
    three_sets = session(2, reps=[{"left": 10, "right": 10}] * 3, total=60, level="reps_15")
    text = report.history_csv([one_set, three_sets], LONDON)
    header = next(csv.reader(io.StringIO(text)))
    assert header == [
        "date",
        "start",
        "end",
        "timezone",
        "level",
        "target_reps_per_set",
        "set1_left",
        "set1_right",
        "set2_left",
        "set2_right",
        "set3_left",
        "set3_right",
        "total_reps",
        "completed",
        "highest_pain",
        "pain_scores",
        "next_morning",
        "notes",
    ]
    first, second = rows(text)
    assert (first["set1_left"], first["set1_right"]) == ("10", "9")
    assert first["set2_left"] == first["set2_right"] == first["set3_left"] == ""
    assert second["set3_right"] == "10" and second["level"] == name("reps_15")
    assert [first["date"], second["date"]] == ["2025-11-03", "2025-11-05"]


def test_csv_keeps_zero_rep_and_old_records_with_blanks():
    stopped = session(0, total=0, reps=[], pain=(7,), completed=False, notes=("pain_stop_set",))
    old = session(2, total=40, next_morning="worse")
    del old["next_morning"]
    quiet = session(4, next_morning="worse")
    stopped_row, old_row, quiet_row = rows(report.history_csv([stopped, old, quiet], LONDON))
    assert stopped_row["total_reps"] == "0" and stopped_row["completed"] == "no"
    assert stopped_row["set1_left"] == "" and stopped_row["highest_pain"] == "7"
    assert old_row["next_morning"] == "" and old_row["highest_pain"] == ""
    assert old_row["pain_scores"] == "" and old_row["notes"] == "" and old_row["completed"] == "yes"
    assert quiet_row["next_morning"] == "worse"


def test_csv_guards_against_formulas_in_free_text():
    evil = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tTAB"]
    history = [session(day, notes=(note, "fine")) for day, note in enumerate(evil)]
    history.append(session(9, notes=("felt good", "=not first")))
    text = report.history_csv(history, LONDON)
    parsed = rows(text)
    assert [row["notes"] for row in parsed[:-1]] == [f"'{note};fine" for note in evil]
    assert parsed[-1]["notes"] == "felt good;=not first"
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_csv_dates_and_times_are_local():
    # Sunday 9 November 23:30 UTC: Monday morning in Tokyo, Sunday evening in New York.
    late = session(6, hour=23, minute=30)
    (tokyo,) = rows(report.history_csv([late], TOKYO))
    (new_york,) = rows(report.history_csv([late], NEW_YORK))
    (utc,) = rows(report.history_csv([late], UTC))
    assert (tokyo["date"], tokyo["start"], tokyo["end"]) == ("2025-11-10", "08:30", "08:45")
    assert (new_york["date"], new_york["start"]) == ("2025-11-09", "18:30")
    assert (utc["date"], utc["end"]) == ("2025-11-09", "23:45")
    assert (tokyo["timezone"], new_york["timezone"]) == ("Asia/Tokyo", "America/New_York")
    assert utc["timezone"] == "UTC"  # datetime.UTC has no key: its name instead


def test_csv_time_zone_without_a_key_uses_its_name():
    (row,) = rows(report.history_csv([session(0)], timezone(timedelta(hours=5, minutes=30))))
    assert row["timezone"] == "UTC+05:30" and row["start"] == "17:30"


def test_csv_is_oldest_first_with_one_line_ending():
    history = [session(day, total=30 + day) for day in range(4)]
    text = report.history_csv(history, LONDON)
    assert [row["total_reps"] for row in rows(text)] == ["30", "31", "32", "33"]
    lines = text.split("\r\n")
    assert lines[-1] == "" and len(lines) == len(history) + 2
    assert "\n" not in "".join(lines)


def test_csv_of_an_empty_history_is_just_the_header():
    text = report.history_csv([], LONDON)
    assert text.startswith("date,start,end,timezone,level,target_reps_per_set,total_reps")
    assert rows(text) == []


def test_csv_filename():
    assert report.CSV_FILENAME == "prone-leg-lift-history.csv"


# -- chart -----------------------------------------------------------------------------


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def test_chart_is_a_phone_sized_png():
    history = [
        session(0, total=36, pain=(5,)),
        session(2, total=38, pain=(4,)),
        session(4, total=40, level="reps_15"),
        session(6, total=20, level="reps_15", pain=(6,), completed=False),
        session(7, total=0, level="reps_15", pain=(7,), completed=False),
    ]
    png = report.chart_png(history, LONDON)
    assert png.startswith(b"\x89PNG")
    assert len(png) > 10_000  # two panels of data, not a blank canvas
    width, height = png_size(png)
    assert 700 <= width <= 1000 and 500 <= height <= 800


def test_chart_of_an_empty_history_is_none():
    assert report.chart_png([], LONDON) is None


def test_chart_of_a_single_session_without_pain():
    png = report.chart_png([session(0)], TOKYO)
    assert png.startswith(b"\x89PNG") and len(png) > 5_000


def test_chart_shows_the_pain_bands_it_is_given():
    history = [session(0, pain=(2,)), session(2, pain=(4,))]
    default = report.chart_png(history, LONDON)
    assert report.chart_png(history, LONDON) == default
    assert report.chart_png(history, LONDON, pain_fine_up_to=2, pain_stop_above=4) != default


def test_chart_marks_level_changes():
    same = [session(0), session(2), session(4)]
    moved = [session(0), session(2), session(4, level="reps_15")]
    assert report.chart_png(moved, LONDON) != report.chart_png(same, LONDON)


def test_importing_report_does_not_load_matplotlib_and_charts_need_no_pyplot():
    code = (
        "import sys\n"
        "from zoneinfo import ZoneInfo\n"
        "import coach.report as report\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at module import'\n"
        "record = {'started_at': 1762171200.0, 'ended_at': 1762172100.0, 'level': 'standard',"
        " 'target': 10, 'reps': [{'left': 10, 'right': 10}], 'total_reps': 20,"
        " 'completed': True, 'pain': [], 'notes': []}\n"
        "assert report.chart_png([record], ZoneInfo('UTC')).startswith(b'\\x89PNG')\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot keeps figures alive'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr

"""Weeks of use end to end over REST, with the coach's clock set by each message
(COACH_TEST_CLOCK): the level path the history earns, the progress chart and the
CSV export served by the project, and "delete my data" leaving nothing behind."""

import csv
import io
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from coach import protocol as p
from tests.e2e.coach_server import (
    all_stored_data,
    stored_event_count,
    stored_slot,
    through_checklist,
)

LONDON = ZoneInfo("Europe/London")
DAY = 24 * 3600
SET_DONE = "finished the set"


class User:
    """One user over weeks: every message carries the simulated time and their time zone."""

    def __init__(self, coach, start: datetime) -> None:
        self.coach = coach
        self.sender = f"e2e-weeks-{uuid.uuid4().hex[:8]}"
        self.clock = start.timestamp()

    def replies(self, text: str) -> list[dict]:
        self.clock += 60
        metadata = {"clock": self.clock, "timezone": "Europe/London"}
        return self.coach.replies(self.sender, text, metadata)

    def say(self, text: str) -> str:
        return " ".join(reply.get("text", "") for reply in self.replies(text))

    def days_later(self, days: float) -> None:
        """A new conversation, as when the user comes back another day."""
        self.clock += days * DAY
        self.replies("/session_start")

    def session(self, pain: int | None = None) -> str:
        said = through_checklist(self.say("start my session"), lambda: self.say("no"))
        if "go ahead anyway" in said:
            said += self.say("yes")
        said += self.say("ready")
        if pain is not None:
            said += self.say(f"my lower back hurts, about {pain} out of 10")
            return said + self.say("stop for today")
        for set_number in range(p.SETS_PER_LEG):
            said += self.say(SET_DONE) + self.say(SET_DONE)
            if set_number + 1 < p.SETS_PER_LEG:
                said += self.say("ready")
        return said


def test_weeks_of_sessions_earn_the_level_path_and_export_it(coach):
    user = User(coach, datetime(2026, 11, 2, 17, tzinfo=LONDON))  # a Monday
    assert "move up" not in user.session()
    user.days_later(2)
    assert "You've earned the next level: the 15-rep lift" in user.session()
    user.say("yes please")
    user.days_later(2)
    assert "2 sets of 15 reps" in user.session()
    user.days_later(3)
    assert "You've earned the next level: the 20-rep lift" in user.session()
    assert "stay at the 15-rep lift" in user.say("not yet")
    user.days_later(2)
    assert "3 comfortable sessions in a row" in user.session()
    user.say("yes")
    user.days_later(2)
    assert "stop this set" in user.session(pain=6)  # pain after raising the reps
    assert stored_slot(coach.database, user.sender, "level") == "reps_15"
    user.days_later(3)
    assert "Yes" in user.say("can I do my leg lifts today?")
    user.say("the same")  # the morning check after the painful session
    assert "earned" not in user.session()  # pain above the limit is too recent
    user.days_later(15)
    assert "restart a level lower" in user.session()
    assert stored_slot(coach.database, user.sender, "level") == "standard"

    progress = user.replies("how am I doing?")
    summary = " ".join(reply.get("text", "") for reply in progress)
    assert "7 sessions in total" in summary  # the one stopped at once for pain had no reps
    chart = next(reply["image"] for reply in progress if reply.get("image"))
    status, png = coach.get(chart.removeprefix(coach.url))
    assert status == 200 and png.startswith(b"\x89PNG")

    export = user.replies("export my history for my physio")
    url = next(reply["attachment"]["url"] for reply in export if reply.get("attachment"))
    status, body = coach.get(url.removeprefix(coach.url))
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert status == 200
    assert [row["level"] for row in rows] == [
        "standard lift", "standard lift", "15-rep lift", "15-rep lift", "15-rep lift",
        "20-rep lift", "15-rep lift", "standard lift",
    ]  # fmt: skip
    assert [row["highest_pain"] for row in rows] == ["", "", "", "", "", "6", "", ""]
    assert [row["completed"] for row in rows].count("no") == 1
    assert rows[2]["set1_left"] == "15" and rows[0]["date"] == "2026-11-02"
    assert rows[0]["timezone"] == "Europe/London"


def test_delete_my_data_leaves_nothing_in_the_tracker_store(coach):
    user = User(coach, datetime(2026, 11, 2, 9, tzinfo=LONDON))
    secret = "my left hip clicks when I lift, about a 2 out of 10"
    user.session()
    user.say(secret)
    chart = next(r["image"] for r in user.replies("show my progress") if r.get("image"))
    assert stored_event_count(coach.database, user.sender) > 20
    assert "can't be undone" in user.say("delete my data")
    assert "deleted" in user.say("yes")
    assert stored_event_count(coach.database, user.sender) == 0
    stored = all_stored_data(coach.database)
    assert secret not in stored and user.sender not in stored
    try:
        status, _ = coach.get(chart.removeprefix(coach.url))
    except OSError as error:  # urllib raises on 404
        status = getattr(error, "code", None)
    assert status == 404
    # Coming back is starting fresh.
    assert "nothing" in user.say("how am I doing?").lower()
    assert stored_slot(coach.database, user.sender, "history") is None


def test_pain_worse_a_day_on_eases_the_next_session_over_rest(coach):
    # Issue 17: said without being asked, the morning after a session.
    user = User(coach, datetime(2026, 11, 2, 17, tzinfo=LONDON))
    user.session()
    user.days_later(0.7)
    said = user.say("my lower back aches more this morning than it did yesterday")
    assert "step down a level" in said and "Next session:" in said
    assert "How bad is it now" in said  # safety first: the score is still asked
    assert stored_slot(coach.database, user.sender, "level") != "standard"
    assert "fine to work with" in user.say("about a 3")

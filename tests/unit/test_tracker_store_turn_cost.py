"""connectors/tracker_store.py, what a turn costs: the first save after a read takes the
number of new events from the read instead of counting the stored ones again, and
stores exactly what Rasa's own SQL store stores."""

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.tracker_store import ROWS_READ, UrlSQLTrackerStore

DOMAIN = Domain.from_dict({"slots": {"reps": {"type": "any", "mappings": []}}})


def stores(tmp_path: Path) -> tuple[UrlSQLTrackerStore, SQLTrackerStore]:
    ours = UrlSQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{tmp_path / 'ours.db'}")
    rasas = SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    return ours, rasas


def rows(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as db:
        found = db.execute(
            "SELECT sender_id, type_name, intent_name, action_name, data FROM events ORDER BY id"
        ).fetchall()
    return [(*row[:4], without_clock_time(json.loads(row[4]))) for row in found]


def without_clock_time(data: dict) -> dict:
    """Rasa stamps the events it makes itself with the time of day; those of these tests
    have fixed times."""
    if data.get("timestamp", 0) > 1e9:
        data["timestamp"] = "now"
    return data


def a_turn(text: str, reps: int) -> list:
    return [
        UserUttered(text, {"name": "count_rep"}, timestamp=1000.0 + reps),
        ActionExecuted("action_coach", timestamp=1000.1 + reps),
        SlotSet("reps", reps, timestamp=1000.2 + reps),
        ActionExecuted("action_listen", timestamp=1000.3 + reps),
    ]


def a_new_conversation(at: float) -> list:
    return [
        ActionExecuted("action_session_start", timestamp=at),
        SessionStarted(timestamp=at + 0.1),
        ActionExecuted("action_listen", timestamp=at + 0.2),
    ]


async def saved(store: SQLTrackerStore, tracker, events: list) -> None:
    for event in events:
        tracker.update(event)
    await store.save(tracker)


async def conversation(store: SQLTrackerStore) -> None:
    """A new user, turns read and saved one by one, a second save of one tracker, a
    conversation that starts again in the middle of a turn, and a second user."""
    for sender in ("alice", "bob"):
        tracker = await store.get_or_create_tracker(sender)  # new: created and saved
        await saved(store, tracker, a_new_conversation(999.0))
        for reps in range(1, 4):
            tracker = await store.retrieve(sender)
            await saved(store, tracker, a_turn("done", reps))
        # the same tracker object, saved again
        await saved(store, tracker, [UserUttered("how long do I hold it", timestamp=1010.0)])
        tracker = await store.retrieve(sender)
        await saved(store, tracker, a_new_conversation(2000.0) + a_turn("start my session", 20))
        for reps in range(21, 23):
            tracker = await store.retrieve(sender)
            await saved(store, tracker, a_turn("next", reps))


def test_the_same_rows_as_rasas_store(tmp_path):
    ours, rasas = stores(tmp_path)
    asyncio.run(conversation(rasas))
    asyncio.run(conversation(ours))
    assert rows(tmp_path / "ours.db") == rows(tmp_path / "rasa.db")
    assert len(rows(tmp_path / "ours.db")) > 40


def test_the_first_save_after_a_read_does_not_count_again(tmp_path, monkeypatch):
    ours, _ = stores(tmp_path)
    counted = []
    rasa_additional_events = SQLTrackerStore._additional_events

    def counting(self, session, tracker):
        counted.append(tracker.sender_id)
        return rasa_additional_events(self, session, tracker)

    monkeypatch.setattr(SQLTrackerStore, "_additional_events", counting)

    async def turns() -> None:
        tracker = await ours.get_or_create_tracker("carol")  # new: counted
        assert counted == ["carol"]
        for reps in range(1, 3):
            tracker = await ours.retrieve("carol")
            assert getattr(tracker, ROWS_READ) == len(tracker.events)
            for event in a_turn("done", reps):
                tracker.update(event)
            await ours.save(tracker)
        assert counted == ["carol"]
        await ours.save(tracker)  # again: counted, as Rasa does
        assert counted == ["carol", "carol"]

    asyncio.run(turns())
    assert [row[4].get("text") for row in rows(tmp_path / "ours.db") if row[1] == "user"] == [
        "done",
        "done",
    ]


def test_a_full_history_read_is_counted_when_saved(tmp_path):
    ours, _ = stores(tmp_path)
    tracker = DialogueStateTracker.from_events("dave", a_turn("done", 1), slots=DOMAIN.slots)
    asyncio.run(ours.save(tracker))
    full = asyncio.run(ours.retrieve_full_tracker("dave"))
    assert not hasattr(full, ROWS_READ)
    assert asyncio.run(ours.retrieve("nobody")) is None


@pytest.mark.parametrize("unreadable", ['{"event": "topic", "timestamp": 1000.5}'])
def test_a_row_no_event_is_made_of_still_counts_as_read(tmp_path, unreadable):
    """Rasa skips such a row when it reads, and counts it when it saves: so does this."""
    ours, rasas = stores(tmp_path)
    for store, name in ((ours, "ours.db"), (rasas, "rasa.db")):
        tracker = DialogueStateTracker.from_events("erin", a_turn("done", 1), slots=DOMAIN.slots)
        asyncio.run(store.save(tracker))
        with sqlite3.connect(tmp_path / name) as db:
            db.execute(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                ("erin", "topic", 1000.5, unreadable),
            )
        tracker = asyncio.run(store.retrieve("erin"))
        for event in a_turn("next", 2):
            tracker.update(event)
        asyncio.run(store.save(tracker))
    assert rows(tmp_path / "ours.db") == rows(tmp_path / "rasa.db")

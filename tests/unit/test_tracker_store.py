"""connectors/tracker_store.py faults: a SQLite file that is not a database or is
locked is refused at start-up with one line; at run time an unreadable
conversation or an unsaved turn fails the turn (nothing unsaved is kept), a storage
error never ends the process, and an erase is all or nothing."""

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest
import sqlalchemy.exc
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from coach import user_files
from connectors import patches, tracker_store
from connectors.tracker_store import (
    ERASE_SLOT,
    EXIT_STORE_UNUSABLE,
    StoreUnusable,
    UrlSQLTrackerStore,
    check_sqlite_store,
    sqlite_file,
)

ROOT = Path(__file__).resolve().parents[2]
QUICK_WAIT = 0.1  # seconds to wait for a lock in these tests


def a_valid_database(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (1)")
    return path


def damaged(path: Path) -> None:
    path.write_bytes(a_valid_database(path).read_bytes()[:100])  # the header only


BAD_FILES = {
    "random-bytes": lambda path: path.write_bytes(os.urandom(4096)),
    "text": lambda path: path.write_text("name,reps\nalice,10\n" * 50),
    "truncated-database": damaged,
}


@pytest.mark.parametrize("make_bad", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path, make_bad):
    database = tmp_path / "tracker.db"
    make_bad(database)
    with pytest.raises(StoreUnusable) as refused:
        check_sqlite_store(f"sqlite:///{database}")
    assert str(refused.value) == (
        f"The conversation store {database} is not a SQLite database, or is damaged. "
        "Move it aside to start with an empty store, or restore a backup."
    )


@pytest.mark.parametrize("lock", ["BEGIN EXCLUSIVE", "BEGIN IMMEDIATE"])
def test_a_database_another_program_holds_locked_is_refused(tmp_path, lock):
    database = a_valid_database(tmp_path / "tracker.db")
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute(lock)
        with pytest.raises(StoreUnusable) as refused:
            check_sqlite_store(f"sqlite:///{database}", lock_wait_seconds=QUICK_WAIT)
    finally:
        holder.close()
    assert f"{database} is locked by another program" in str(refused.value)
    check_sqlite_store(f"sqlite:///{database}", lock_wait_seconds=QUICK_WAIT)  # released: fine


def test_a_reader_does_not_count_as_a_lock(tmp_path):
    database = a_valid_database(tmp_path / "tracker.db")
    with sqlite3.connect(database, isolation_level=None) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT * FROM t").fetchall()
        check_sqlite_store(f"sqlite:///{database}", lock_wait_seconds=QUICK_WAIT)
        reader.execute("ROLLBACK")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreUnusable, match="is a folder; COACH_TRACKER_URL must name a file"):
        check_sqlite_store(f"sqlite:///{tmp_path}")


def test_new_empty_and_valid_files_are_fine(tmp_path):
    new = tmp_path / "new" / "folder" / "tracker.db"
    check_sqlite_store(f"sqlite:///{new}")
    assert new.exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    check_sqlite_store(f"sqlite:///{empty}")
    check_sqlite_store(f"sqlite:///{a_valid_database(tmp_path / 'valid.db')}?timeout=1")


def test_only_sqlite_files_are_checked():
    assert sqlite_file("postgresql://coach:secret@db.invalid/coach") is None
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:////var/lib/coach/tracker.db") == Path("/var/lib/coach/tracker.db")
    check_sqlite_store("postgresql://coach:secret@db.invalid/coach")  # no connection tried


@pytest.mark.parametrize("url", ["not a url", "sqlite:relative.db", "http://example.com/db"])
def test_a_url_that_is_no_database_is_refused_without_repeating_it(url):
    with pytest.raises(StoreUnusable, match="COACH_TRACKER_URL is not a database URL") as refused:
        check_sqlite_store(url)
    assert url not in str(refused.value)


def test_the_store_refuses_to_start_with_one_line_and_no_traceback(tmp_path):
    """Inside Rasa the store is built during Sanic's start-up: it must exit by itself."""
    database = tmp_path / "tracker.db"
    database.write_text("not a database\n")
    build = (
        "import logging; logging.basicConfig(level=logging.INFO)\n"
        "from connectors.tracker_store import UrlSQLTrackerStore\n"
        f"UrlSQLTrackerStore(host='sqlite:///{database}')\n"
        "print('still running')\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", build],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, SQLALCHEMY_SILENCE_UBER_WARNING="1"),
    )
    output = done.stdout + done.stderr
    assert done.returncode == EXIT_STORE_UNUSABLE, output
    assert "Traceback" not in output and "still running" not in output
    assert f"The conversation store {database} is not a SQLite database" in output


# -- run time ------------------------------------------------------------------------


def texts(events) -> list[str]:
    return [event.text for event in events if isinstance(event, UserUttered)]


@pytest.fixture(autouse=True, scope="module")
def patched():
    """As the Rasa server starts (scripts/rasa_server.py)."""
    patches.install()


@pytest.fixture
def store(tmp_path):
    """The store as Rasa's Agent uses it: inside a fail-safe wrapper."""
    database = tmp_path / "tracker.db"
    inner = UrlSQLTrackerStore(
        domain=Domain.empty(), host=f"sqlite:///{database}?timeout={QUICK_WAIT}"
    )
    return FailSafeTrackerStore(inner), database


def a_turn(text: str):
    return [UserUttered(text), ActionExecuted("action_listen")]


def stored_texts(database: Path, sender: str) -> list[str]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (sender,),
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def test_the_busy_timeout_is_set_for_sqlite(store):
    wrapped, _ = store
    _, options = wrapped._tracker_store.engine.dialect.create_connect_args(
        wrapped._tracker_store.engine.url
    )
    assert options["timeout"] == QUICK_WAIT


def test_an_unreadable_conversation_fails_the_turn_instead_of_starting_over(store):
    wrapped, database = store
    tracker = DialogueStateTracker.from_events("alice", [ActionExecuted("action_listen")])
    for event in a_turn("start my session") + a_turn("done"):
        tracker.update(event)
    asyncio.run(wrapped.save(tracker))
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        # Rasa's wrapper alone would answer None: a brand-new conversation.
        with pytest.raises(sqlalchemy.exc.OperationalError, match="locked"):
            asyncio.run(wrapped.retrieve("alice"))
    finally:
        holder.close()
    assert texts(asyncio.run(wrapped.retrieve("alice")).events) == ["start my session", "done"]


def test_a_turn_that_could_not_be_saved_fails_and_is_not_kept(store):
    """Rasa's wrapper would keep it in memory, lost at the next restart after the user
    was told it counted; here the turn fails (the channel says so) and nothing lingers."""
    wrapped, database = store
    tracker = DialogueStateTracker.from_events("bob", [ActionExecuted("action_listen")])
    for event in a_turn("done"):
        tracker.update(event)
    asyncio.run(wrapped.save(tracker))
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer: reads work, writes wait
        tracker = asyncio.run(wrapped.retrieve("bob"))
        for event in a_turn("next"):
            tracker.update(event)
        with pytest.raises(sqlalchemy.exc.OperationalError, match="locked"):
            asyncio.run(wrapped.save(tracker))
        assert stored_texts(database, "bob") == ["done"]
    finally:
        holder.close()
    tracker = asyncio.run(wrapped.retrieve("bob"))
    assert texts(tracker.events) == ["done"], "the failed turn is not carried on"
    for event in a_turn("up"):
        tracker.update(event)
    asyncio.run(wrapped.save(tracker))
    assert stored_texts(database, "bob") == ["done", "up"]


def test_a_sender_the_database_cannot_store_fails_the_turn_not_the_process(store):
    """Rasa's session_scope turns any ValueError (a lone surrogate is one) into an exit."""
    wrapped, database = store
    tracker = DialogueStateTracker.from_events("\ud800x", [ActionExecuted("action_listen")])
    for event in a_turn("hi"):
        tracker.update(event)
    with pytest.raises(UnicodeEncodeError):
        asyncio.run(wrapped.save(tracker))
    with pytest.raises(UnicodeEncodeError):
        asyncio.run(wrapped.retrieve("\ud800x"))


def erase_turn(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen")])
    for event in [*a_turn("yes"), SlotSet(ERASE_SLOT, True)]:
        tracker.update(event)
    return tracker


def test_an_erase_removes_files_and_reminders_only_once_committed(store, tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_FILES_DIR", str(tmp_path / "files"))
    wrapped, database = store
    tracker = DialogueStateTracker.from_events("dee", [ActionExecuted("action_listen")])
    for event in a_turn("done"):
        tracker.update(event)
    asyncio.run(wrapped.save(tracker))
    user_files.save("dee", "chart", "png", b"png")
    removed: list[str] = []

    class Job:
        def __init__(self, name: str) -> None:
            self.name = name

        def remove(self) -> None:
            removed.append(self.name)

    class Scheduler:
        def get_jobs(self) -> list[Job]:
            return [Job("[a,b]__sender_id:dee"), Job("[a,b]__sender_id:someone-else")]

    async def scheduler() -> Scheduler:
        return Scheduler()

    monkeypatch.setattr("rasa.core.jobs.scheduler", scheduler)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlalchemy.exc.OperationalError):
            asyncio.run(wrapped.save(erase_turn("dee")))
    finally:
        holder.close()
    assert stored_texts(database, "dee") == ["done"]
    assert any((tmp_path / "files").rglob("chart-*")) and not removed, "nothing half-done"
    asyncio.run(wrapped.save(erase_turn("dee")))
    assert stored_texts(database, "dee") == []
    assert not any((tmp_path / "files").rglob("chart-*"))
    assert removed == ["[a,b]__sender_id:dee"]


def test_other_stores_keep_rasas_fail_safe_behaviour():
    class Broken(InMemoryTrackerStore):
        async def retrieve(self, sender_id):
            raise RuntimeError("down")

    assert asyncio.run(FailSafeTrackerStore(Broken(Domain.empty())).retrieve("carol")) is None


class FakeDriverConnection:
    """A DBAPI connection that counts its pings, or fails them when the server is gone."""

    def __init__(self, alive: bool = True) -> None:
        self.alive, self.pings = alive, 0

    def cursor(self) -> "FakeDriverConnection":
        return self

    def execute(self, statement: str) -> None:
        assert statement == "SELECT 1"
        self.pings += 1
        if not self.alive:
            raise OSError("server closed the connection unexpectedly")

    def close(self) -> None:
        pass


def test_a_connection_back_in_the_pool_a_moment_ago_is_not_pinged(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(tracker_store.time, "monotonic", lambda: clock[0])
    connection, record = FakeDriverConnection(), types.SimpleNamespace(info={})
    tracker_store._ping_if_idle(connection, record, None)  # new: pinged
    assert connection.pings == 1
    tracker_store._note_checkin(connection, record)
    clock[0] += tracker_store.IDLE_BEFORE_PING_SECONDS / 2
    tracker_store._ping_if_idle(connection, record, None)
    assert connection.pings == 1
    tracker_store._note_checkin(connection, record)
    clock[0] += tracker_store.IDLE_BEFORE_PING_SECONDS + 0.01
    tracker_store._ping_if_idle(connection, record, None)  # idle for a while: pinged
    assert connection.pings == 2


def test_a_dead_idle_connection_is_replaced_by_the_pool(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(tracker_store.time, "monotonic", lambda: clock[0])
    dead, record = FakeDriverConnection(alive=False), types.SimpleNamespace(info={})
    tracker_store._note_checkin(dead, record)
    clock[0] += 5
    with pytest.raises(sqlalchemy.exc.DisconnectionError):  # the pool's cue to reconnect
        tracker_store._ping_if_idle(dead, record, None)


def test_the_pool_replaces_a_connection_that_fails_its_ping(tmp_path):
    """On a real engine (SQLite here): a checkout whose ping fails gets a new connection."""
    engine = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    sqlalchemy.event.listen(engine, "checkin", tracker_store._note_checkin)
    sqlalchemy.event.listen(engine, "checkout", tracker_store._ping_if_idle)
    with engine.connect() as connection:
        first = connection.connection.dbapi_connection
        record = connection.connection._connection_record
    first.close()  # as a server restart leaves it: the ping fails on it
    record.info[tracker_store.CHECKED_IN] = tracker_store.time.monotonic() - 10
    with engine.connect() as connection:  # idle for a while: pinged, replaced
        assert connection.exec_driver_sql("SELECT 1").scalar() == 1
        assert connection.connection.dbapi_connection is not first

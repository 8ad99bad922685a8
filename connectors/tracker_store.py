"""A SQL tracker store configured by one database URL, that can forget a user.

Rasa's SQLTrackerStore takes dialect, host, port, ... separately; a single URL
(sqlite:///var/coach.db, postgresql://user:pass@host/db) is easier to set from
the environment, and the same setting works for SQLite and PostgreSQL.

Rasa only ever appends events, so "delete my data" needs the store itself:
when an action sets the ERASE_SLOT, every stored event of that user is
deleted instead of saving the turn.

Faults, so that no count is lost, nothing untrue is said and no one sees a
stack trace:
- At start-up a SQLite file that is not a database (corrupt, or some other
  file) or that another program keeps locked stops the server with one line
  saying which file and what to do (`check_sqlite_store`; scripts/serve.py
  runs the same check before it starts anything).
- At run time a conversation that cannot be read, or a turn that cannot be
  saved, fails that turn: the channel drops the turn's replies and tells the
  user nothing was saved (connectors/gateway.py), so the coach never confirms
  a rep or an erase the store does not hold. Rasa's own store ends the whole
  process on some storage errors (`session_scope` turns any ValueError into an
  exit); here they fail the turn only.
- An erase removes the user's files and scheduled reminders only once the
  database has committed it.

Cost per turn: Rasa's store saves a turn by first counting the user's stored
events of this conversation (one more query with a subquery), to know which of the
tracker's events are new. That count is the number of rows read when the tracker
was read at the start of the turn, under the same lock, so the first save after a
read uses it instead; a tracker that was not read here (a new one) or is saved a
second time is counted as Rasa counts it. Reading takes only the events' data
column, not whole ORM rows.
"""

import contextlib
import itertools
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import sqlalchemy
import sqlalchemy.orm
from rasa.core import jobs
from rasa.core.tracker_store import (
    SQLTrackerStore,
    create_engine_kwargs,
    ensure_schema_exists,
)
from rasa.shared.core.constants import ACTION_NAME_SENDER_ID_CONNECTOR_STR
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from coach import user_files

ERASE_SLOT = "erase_user_data"
# On a tracker this store read: how many stored rows it was made of (see above).
ROWS_READ = "_coach_rows_read"
# How long a turn waits for another program's lock on the SQLite file before it
# fails (SQLite's busy timeout). Also how long start-up waits before calling the
# file locked. The coach's own writes take milliseconds.
LOCK_WAIT_SECONDS = 5.0
# A pooled connection idle for longer than this is pinged before a turn uses it.
IDLE_BEFORE_PING_SECONDS = 1.0
CHECKED_IN = "coach_checked_in"  # in a pooled connection's info: when it came back
# The exit status when the store cannot be used at start-up (EX_CONFIG).
EXIT_STORE_UNUSABLE = 78

logger = logging.getLogger(__name__)


class StoreUnusable(Exception):
    """The conversation store cannot be used; the message says which file and what to do."""


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL; None for other databases and in-memory SQLite.

    StoreUnusable if it is no database URL at all (the URL itself is not repeated:
    it may hold a password)."""
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError):
        raise StoreUnusable(
            "COACH_TRACKER_URL is not a database URL this coach can use; for example "
            "sqlite:////srv/coach/tracker.db or postgresql://user:password@host/db."
        ) from None
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def _explain(path: Path, error: sqlite3.Error) -> str:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    store = f"The conversation store {path}"
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return (
            f"{store} is not a SQLite database, or is damaged. Move it aside to start "
            "with an empty store, or restore a backup."
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (
            f"{store} is locked by another program (is another coach running on it, or a "
            "database tool holding it open?). Close that program and start again."
        )
    if code == sqlite3.SQLITE_READONLY:
        return f"{store} is read-only. Make it writable for the user running the coach."
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return (
            f"{store} cannot be opened. Check that it is a file, and that its folder "
            "exists and is writable for the user running the coach."
        )
    return f"{store} cannot be used: {error}."


def check_sqlite_store(url: str, lock_wait_seconds: float = LOCK_WAIT_SECONDS) -> None:
    """Raise StoreUnusable if the SQLite file of `url` cannot be read and written.

    A missing file is fine (it is created); other databases are not checked here."""
    path = sqlite_file(url)
    if path is None:
        return
    if path.is_dir():
        raise StoreUnusable(
            f"The conversation store {path} is a folder; COACH_TRACKER_URL must name a file."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnusable(
            f"The folder of the conversation store {path} cannot be created: {error.strerror}."
        ) from None
    try:
        with closing(sqlite3.connect(path, timeout=lock_wait_seconds, isolation_level=None)) as db:
            # Reading the schema reads the file's header: a file that is not
            # SQLite (or a damaged one) fails here.
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            # Every turn writes: take the write lock once, as a turn would.
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
    except sqlite3.Error as error:
        raise StoreUnusable(_explain(path, error)) from None


def _refuse_to_start(message: str) -> NoReturn:
    """One line and exit. Rasa builds the store inside Sanic's start-up, which prints a
    long traceback for any exception (SystemExit too), so leave without raising."""
    logger.error(message)
    logging.shutdown()  # flush the line before the hard exit
    os._exit(EXIT_STORE_UNUSABLE)


def _note_checkin(dbapi_connection: Any, record: Any) -> None:
    record.info[CHECKED_IN] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    """A connection new or idle since its last turn is pinged; a dead one is replaced."""
    checked_in = record.info.get(CHECKED_IN)
    if checked_in is not None and time.monotonic() - checked_in < IDLE_BEFORE_PING_SECONDS:
        return
    try:
        with closing(dbapi_connection.cursor()) as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # the driver's own errors differ by driver
        raise sqlalchemy.exc.DisconnectionError(str(error)) from error


class UrlSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Any = None, host: str | None = None, **kwargs: Any) -> None:
        if not host:
            raise ValueError("The tracker store needs a database URL (COACH_TRACKER_URL).")
        try:
            check_sqlite_store(host)
        except StoreUnusable as error:
            _refuse_to_start(str(error))
        url = make_url(host)
        query = dict(url.query)
        if sqlite_file(host) is not None:
            # The same wait as the check, stated rather than left to the driver's default.
            query.setdefault("timeout", str(LOCK_WAIT_SECONDS))
        logger.info("Tracker store: %s", url.render_as_string(hide_password=True))
        super().__init__(
            domain=domain,
            dialect=url.drivername,
            host=url.host,
            port=url.port,
            db=url.database,
            username=url.username,
            password=url.password,
            query=query,
            **kwargs,
        )
        if sqlite_file(host) is None and url.get_backend_name() != "sqlite":
            self._check_connections_before_use()

    def _check_connections_before_use(self) -> None:
        """A database server that restarted (or failed over) leaves dead connections in
        the pool: Rasa's engine would fail a turn on one after it is back. Pinged
        before use, a dead one is replaced instead (SQLAlchemy's pool takes another
        when a checkout raises DisconnectionError). SQLAlchemy's own pool_pre_ping
        pings at every checkout, two round trips and queries a turn (12% of the Rasa
        server's time under the bench's load, py-spy): a connection that came back
        to the pool less than IDLE_BEFORE_PING_SECONDS ago worked then, so only one
        idle for longer is pinged. A server that restarts faster than that costs one
        turn, and SQLAlchemy then replaces every connection of the pool."""
        dead, url = self.engine, self.engine.url
        self.engine = sqlalchemy.create_engine(url, **create_engine_kwargs(url))
        sqlalchemy.event.listen(self.engine, "checkin", _note_checkin)
        sqlalchemy.event.listen(self.engine, "checkout", _ping_if_idle)
        self.sessionmaker = sqlalchemy.orm.sessionmaker(bind=self.engine)
        dead.dispose()

    @contextlib.contextmanager
    def session_scope(self) -> Iterator[Any]:
        """Rasa's, except that an error in the body is raised, never a process exit."""
        session = self.sessionmaker()
        try:
            try:
                ensure_schema_exists(session)
            except ValueError as error:
                raise StoreUnusable(f"The PostgreSQL schema {error} does not exist.") from None
            yield session
        finally:
            session.close()

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """Rasa's, reading only the data column, and noting how many rows it read."""
        with self.session_scope() as session:
            rows = (
                self._event_query(session, sender_id, fetch_events_from_all_sessions)
                .with_entities(self.SQLEvent.data)
                .all()
            )
            events = [json.loads(data) for (data,) in rows]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, ROWS_READ, len(rows))
        return tracker

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """The tracker's events not stored yet: after the rows it was read from."""
        rows_read = tracker.__dict__.pop(ROWS_READ, None)  # the first save only
        if rows_read is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, rows_read, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        if any(
            isinstance(event, SlotSet) and event.key == ERASE_SLOT and event.value
            for event in tracker.events
        ):
            await self.erase(tracker.sender_id)
            return
        await super().save(tracker)

    async def erase(self, sender_id: str) -> None:
        """Delete every event of this user, from all their conversations, then their files
        and scheduled reminders. If the database fails, nothing is removed."""
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        user_files.delete_all(sender_id)
        suffix = f"{ACTION_NAME_SENDER_ID_CONNECTOR_STR}{sender_id}"
        for job in (await jobs.scheduler()).get_jobs():
            if job.name.endswith(suffix):
                job.remove()
        logger.info("Erased %d stored events of one user at their request", deleted)

    def senders_with_reminders(self, due_after: datetime | None = None) -> list[str]:
        """Users who have ever set a reminder (the candidates to reschedule), or only
        those with one due after `due_after`: reading the reminder events alone is far
        cheaper than reading every such user's conversation (each process does it
        every few seconds when there are several, connectors/reminders.py)."""
        if due_after is not None:
            with self.session_scope() as session:
                rows = session.query(self.SQLEvent.sender_id, self.SQLEvent.data).filter(
                    self.SQLEvent.type_name == "reminder"
                )
                return sorted({sender for sender, data in rows if _due_after(data, due_after)})
        with self.session_scope() as session:
            rows = (
                session.query(self.SQLEvent.sender_id)
                .filter(self.SQLEvent.type_name == "reminder")
                .distinct()
            )
            return [row[0] for row in rows]


def _due_after(data: str, moment: datetime) -> bool:
    try:
        due = datetime.fromisoformat(json.loads(data)["date_time"])
        return due.replace(tzinfo=None) >= moment.replace(tzinfo=None)
    except (ValueError, KeyError, TypeError):
        return True  # unreadable here: let the conversation itself decide

"""A SQL tracker store configured by one database URL, that can forget a user.

Rasa's SQLTrackerStore takes dialect, host, port, ... separately; a single URL
(sqlite:///var/coach.db, postgresql://user:pass@host/db) is easier to set from
the environment, and the same setting works for SQLite and PostgreSQL.

Rasa only ever appends events, so "delete my data" needs the store itself:
when an action sets the ERASE_SLOT, every stored event of that user is
deleted instead of saving the turn.
"""

import logging
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

ERASE_SLOT = "erase_user_data"

logger = logging.getLogger(__name__)


class UrlSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Any = None, host: str | None = None, **kwargs: Any) -> None:
        if not host:
            raise ValueError("The tracker store needs a database URL (COACH_TRACKER_URL).")
        url = make_url(host)
        if url.get_backend_name() == "sqlite" and url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        logger.info("Tracker store: %s", url.render_as_string(hide_password=True))
        super().__init__(
            domain=domain,
            dialect=url.drivername,
            host=url.host,
            port=url.port,
            db=url.database,
            username=url.username,
            password=url.password,
            query=dict(url.query),
            **kwargs,
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        if any(
            isinstance(event, SlotSet) and event.key == ERASE_SLOT and event.value
            for event in tracker.events
        ):
            self.erase(tracker.sender_id)
            return
        await super().save(tracker)

    def erase(self, sender_id: str) -> None:
        """Delete every event of this user, from all their conversations."""
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        logger.info("Erased %d stored events of one user at their request", deleted)

    def senders_with_reminders(self) -> list[str]:
        """Users who have ever set a reminder (the candidates to reschedule at start-up)."""
        with self.session_scope() as session:
            rows = (
                session.query(self.SQLEvent.sender_id)
                .filter(self.SQLEvent.type_name == "reminder")
                .distinct()
            )
            return [row[0] for row in rows]

"""A SQL tracker store configured by one database URL.

Rasa's SQLTrackerStore takes dialect, host, port, ... separately; a single URL
(sqlite:///var/coach.db, postgresql://user:pass@host/db) is easier to set from
the environment, and the same setting works for SQLite and PostgreSQL.
"""

import logging
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.engine import make_url

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

"""The lock store from one URL (COACH_LOCK_STORE_URL, connectors/scale.py).

Rasa serialises the turns of one user with a ticket lock from its lock store.
Its in-memory store does that within one process; RedisLockStore does it across
every process that shares the Redis database, whichever of them gets the turn.
Rasa's RedisLockStore takes host, port, db and password separately: this takes
them from a URL, as the tracker store does (connectors/tracker_store.py).

endpoints.yml names this class with `url: ${COACH_LOCK_STORE_URL}`; an empty URL
gives Rasa's InMemoryLockStore, so that one process needs nothing more.

Rasa 3.6's RedisLockStore issues and returns tickets by reading the lock, changing
it and writing it back: two processes doing that at the same instant both get
the first ticket, and both run a turn of the same user (seen with reminders,
which come due at once in every replica that holds them). AtomicRedisLockStore
does those two steps under a short Redis lock of their own (redis-py's Lock:
SET NX with an expiry, released by a script), so tickets are unique.
"""

import logging
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore

from connectors.scale import lock_store_url

logger = logging.getLogger(__name__)

# Rasa's default is 10 s: a turn waits that long for Redis before it fails with
# the "having trouble" line. A few seconds are enough on a local network.
SOCKET_TIMEOUT_SECONDS = 3.0
# Issuing or returning a ticket takes a millisecond or two; a holder that dies
# leaves the guard for this long at most.
GUARD_SECONDS = 2.0
GUARD_PREFIX = "coach_lock_guard:"  # not Rasa's "lock:" + sender id: no sender can clash


class AtomicRedisLockStore(RedisLockStore):
    def _guard(self, conversation_id: str) -> Any:
        return self.red.lock(
            f"{GUARD_PREFIX}{self.key_prefix}{conversation_id}",
            timeout=GUARD_SECONDS,
            blocking_timeout=GUARD_SECONDS,
            sleep=0.005,
        )

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._guard(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._guard(conversation_id):
            super().cleanup(conversation_id, ticket_number)


def redis_arguments(url: str) -> dict[str, Any]:
    """RedisLockStore's keyword arguments from a redis:// or rediss:// URL."""
    parts = urlsplit(url)
    db = parts.path.strip("/")
    return {
        "host": parts.hostname,
        "port": parts.port or 6379,
        "db": int(db) if db else 0,
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "use_ssl": parts.scheme == "rediss",
        "socket_timeout": SOCKET_TIMEOUT_SECONDS,
    }


def lock_store_from_url(url: str) -> LockStore:
    url = lock_store_url({"COACH_LOCK_STORE_URL": url})
    if not url:
        return InMemoryLockStore()
    arguments = redis_arguments(url)
    logger.info(
        "Lock store: Redis at %s:%s, database %s",
        arguments["host"],
        arguments["port"],
        arguments["db"],
    )
    return AtomicRedisLockStore(**arguments)


class UrlLockStore(LockStore):
    """What endpoints.yml names. Rasa builds it from its endpoint config; what it gets
    is Rasa's own RedisLockStore or InMemoryLockStore."""

    def __new__(cls, endpoint_config: Any = None, **_: Any) -> LockStore:  # type: ignore[misc]
        return lock_store_from_url(getattr(endpoint_config, "url", None) or "")

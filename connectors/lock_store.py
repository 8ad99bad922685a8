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
does each of those two steps as one Lua script that Redis runs on its own, so
tickets are unique. The script does what Rasa's TicketLock does (drop expired
tickets, number the next one after the last, give one back and drop the lock when
no ticket is left), on the same key in the same JSON, with this process's clock as
Rasa uses it. One round trip each instead of Rasa's two to four (and the four more
of a guard lock around them, as this store first did): a turn used eleven Redis
round trips for its lock, then three. The issue script also says whether the new
ticket is served at once (the first live one), so a turn nobody is ahead of does
not read the lock back to learn it: two round trips (Rasa's wait, reading the lock
each second, is kept for a turn that must wait).
"""

import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import (
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockError,
    LockStore,
    RedisLockStore,
)

from connectors.scale import lock_store_url

logger = logging.getLogger(__name__)

# Rasa's default is 10 s: a turn waits that long for Redis before it fails with
# the "having trouble" line. A few seconds are enough on a local network.
SOCKET_TIMEOUT_SECONDS = 3.0
# Rasa's TicketLock in Lua. The lock is {"conversation_id": ..., "tickets": [...]},
# each ticket itself JSON, {"number": n, "expires": unix time}.
_TICKETS = """
local function live_tickets(now)
    local raw = redis.call('GET', KEYS[1])
    local tickets = {}
    if raw then
        for _, encoded in ipairs(cjson.decode(raw).tickets or {}) do
            local ticket = cjson.decode(encoded)
            if not (now > ticket.expires) then
                table.insert(tickets, ticket)
            end
        end
    end
    return tickets
end
local function save(tickets)
    if #tickets == 0 then
        redis.call('DEL', KEYS[1])
        return
    end
    local encoded = {}
    for i, ticket in ipairs(tickets) do
        encoded[i] = cjson.encode({number = ticket.number, expires = ticket.expires})
    end
    redis.call('SET', KEYS[1], cjson.encode({conversation_id = ARGV[1], tickets = encoded}))
end
"""
ISSUE_SCRIPT = (
    _TICKETS
    + """
local tickets = live_tickets(tonumber(ARGV[2]))
local number = 0
if #tickets > 0 then
    number = tickets[#tickets].number + 1
end
table.insert(tickets, {number = number, expires = tonumber(ARGV[2]) + tonumber(ARGV[3])})
save(tickets)
return {number, tickets[1].number}
"""
)
RETURN_SCRIPT = (
    _TICKETS
    + """
local tickets = live_tickets(tonumber(ARGV[2]))
local kept = {}
for _, ticket in ipairs(tickets) do
    if ticket.number ~= tonumber(ARGV[3]) then
        table.insert(kept, ticket)
    end
end
save(kept)
return #kept
"""
)


NO_TICKET = -1  # Rasa numbers tickets from 0


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._issue = self.red.register_script(ISSUE_SCRIPT)
        self._return = self.red.register_script(RETURN_SCRIPT)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self._issued(conversation_id, lock_lifetime)[0]

    def _issued(self, conversation_id: str, lock_lifetime: float) -> tuple[int, int]:
        """The ticket issued, and the first live ticket once it is (the one served)."""
        try:
            key = self.key_prefix + conversation_id
            number, first = self._issue([key], [conversation_id, time.time(), lock_lifetime])
            return int(number), int(first)
        except Exception as e:  # as Rasa's LockStore.issue_ticket says it
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    @contextlib.asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[TicketLock]:
        """Rasa's LockStore.lock, except that a ticket served as soon as it is issued
        (nobody else's turn before it, as nearly always) is not read back from Redis
        to find that out: the issue script says so."""
        ticket, first = self._issued(conversation_id, lock_lifetime)
        try:
            if ticket == first:
                expires = time.time() + lock_lifetime
                yield TicketLock(conversation_id, deque([Ticket(ticket, expires)]))
            else:
                yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            self.cleanup(conversation_id, ticket)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        key = self.key_prefix + conversation_id
        self._return([key], [conversation_id, time.time(), ticket_number])

    def update_lock(self, conversation_id: str) -> None:
        """What a waiting turn does between tries: drop expired tickets (Rasa reads and
        writes back, which could drop a ticket issued in between). A lock left with no
        ticket is deleted, so a turn whose own ticket expired gets Rasa's LockError
        instead of waiting for a ticket that is gone."""
        key = self.key_prefix + conversation_id
        self._return([key], [conversation_id, time.time(), NO_TICKET])


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

"""Rasa's ticket lock on a real Redis, shared by several processes' stores: every
ticket issued for one user is unique, so two turns of one user never hold the lock
together (connectors/lock_store.py)."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import LockError, RedisLockStore

from connectors.lock_store import lock_store_from_url, redis_arguments
from tests.e2e.engines import Redis

STORES = 6  # as many Rasa processes, each with its own connection
TICKETS_EACH = 40


@pytest.fixture(scope="module")
def redis_url():
    redis = Redis().start()
    try:
        yield redis.url
    finally:
        redis.stop()


def issue_all(stores, conversation: str) -> list[int]:
    def issue(store) -> list[int]:
        return [store.issue_ticket(conversation) for _ in range(TICKETS_EACH)]

    with ThreadPoolExecutor(len(stores)) as pool:
        return [ticket for tickets in pool.map(issue, stores) for ticket in tickets]


def test_tickets_issued_at_once_by_several_processes_are_unique(redis_url):
    stores = [lock_store_from_url(redis_url) for _ in range(STORES)]
    tickets = issue_all(stores, "same-user")
    assert len(tickets) == STORES * TICKETS_EACH
    assert len(set(tickets)) == len(tickets), "two processes got the same ticket"
    assert len(stores[0].get_lock("same-user").tickets) == len(tickets), "none lost"


def test_returning_tickets_at_once_loses_none_and_ends_with_no_lock(redis_url):
    stores = [lock_store_from_url(redis_url) for _ in range(STORES)]
    conversation = "returns"
    tickets = issue_all(stores, conversation)
    by_store = [tickets[n * TICKETS_EACH : (n + 1) * TICKETS_EACH] for n in range(STORES)]

    def give_back(n: int) -> None:
        for ticket in by_store[n]:
            stores[n].cleanup(conversation, ticket)

    with ThreadPoolExecutor(STORES) as pool:
        list(pool.map(give_back, range(STORES)))
    assert stores[0].get_lock(conversation) is None, "a returned ticket came back"


def test_a_turn_takes_its_lock_in_two_round_trips(redis_url, monkeypatch):
    """Issue (one script, which says the ticket is served), return (one script): Rasa's
    store and the guard this store first had took eleven."""
    store = lock_store_from_url(redis_url)

    async def turn() -> None:
        async with store.lock("two-trips"):
            pass

    asyncio.run(turn())  # Redis learns the scripts on their first use
    sent: list[str] = []
    execute = store.red.execute_command
    monkeypatch.setattr(
        store.red, "execute_command", lambda *a, **k: sent.append(a[0]) or execute(*a, **k)
    )
    asyncio.run(turn())
    assert sent == ["EVALSHA", "EVALSHA"]
    assert store.get_lock("two-trips") is None


def test_the_lock_is_rasas_ticket_lock_on_the_same_key(redis_url):
    ours = lock_store_from_url(redis_url)
    rasas = RedisLockStore(**redis_arguments(redis_url))
    first = ours.issue_ticket("shared")
    second = rasas.issue_ticket("shared")  # Rasa reads what ours wrote
    third = ours.issue_ticket("shared")  # and ours reads what Rasa wrote
    assert (first, second, third) == (0, 1, 2)
    lock = rasas.get_lock("shared")
    assert [ticket.number for ticket in lock.tickets] == [0, 1, 2]
    assert lock.now_serving == 0 and not lock.is_locked(0)
    ours.cleanup("shared", 0)
    assert rasas.get_lock("shared").now_serving == 1
    rasas.cleanup("shared", 1)
    ours.cleanup("shared", 2)
    assert rasas.get_lock("shared") is None


def test_expired_tickets_are_dropped_as_rasa_drops_them(redis_url):
    store = lock_store_from_url(redis_url)
    assert store.issue_ticket("expiring", lock_lifetime=0.05) == 0
    assert store.issue_ticket("expiring", lock_lifetime=60) == 1
    time.sleep(0.1)  # ticket 0 has expired: 1 is served now
    assert store.get_lock("expiring").now_serving == 1
    assert store.issue_ticket("expiring") == 2
    assert [t.number for t in store.get_lock("expiring").tickets] == [1, 2]
    store.update_lock("expiring")  # what a waiting turn does: nothing expired, kept
    assert [t.number for t in store.get_lock("expiring").tickets] == [1, 2]
    store.cleanup("expiring", 1)
    store.cleanup("expiring", 2)
    assert store.issue_ticket("expiring", lock_lifetime=0.05) == 0, "an empty lock starts at 0"
    time.sleep(0.1)
    store.update_lock("expiring")
    assert store.get_lock("expiring") is None


def test_two_turns_of_one_user_take_turns(redis_url):
    stores = [lock_store_from_url(redis_url) for _ in range(2)]
    inside: list[str] = []

    async def turn(store, name: str) -> None:
        async with store.lock("taking-turns", wait_time_in_seconds=0.01):
            inside.append(f"{name} in")
            await asyncio.sleep(0.05)
            inside.append(f"{name} out")

    async def both() -> None:
        await asyncio.gather(turn(stores[0], "a"), turn(stores[1], "b"))

    asyncio.run(both())
    assert inside in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])


def test_redis_gone_is_rasas_lock_error():
    store = lock_store_from_url("redis://127.0.0.1:1/0")
    with pytest.raises(LockError, match="Error while acquiring lock"):
        store.issue_ticket("nobody-home")

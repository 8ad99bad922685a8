"""Rasa's ticket lock on a real Redis, shared by several processes' stores: every
ticket issued for one user is unique, so two turns of one user never hold the lock
together (connectors/lock_store.py)."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from connectors.lock_store import lock_store_from_url
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

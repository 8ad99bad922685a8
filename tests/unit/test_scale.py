"""The scale-out settings, the lock store from a URL, HAProxy's configuration, and
which stored reminders are still due (connectors/scale.py, lock_store.py,
reminders.py, scripts/serve.py)."""

from datetime import datetime, timedelta

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.shared.core.events import ReminderCancelled, ReminderScheduled, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors import reminders, scale
from connectors.lock_store import UrlLockStore, redis_arguments
from tests.unit.test_serve import serve


def test_nothing_set_is_one_process_with_rasas_in_memory_lock():
    assert scale.rasa_workers({}) == 1 and scale.action_workers({}) == 1
    assert scale.lock_store_url({}) == ""
    assert isinstance(UrlLockStore(endpoint_config=None), InMemoryLockStore)


def test_several_workers_without_a_shared_lock_store_are_refused_with_one_line():
    with pytest.raises(scale.ScaleSettingError) as refused:
        scale.rasa_workers({"COACH_RASA_WORKERS": "2"})
    assert "COACH_LOCK_STORE_URL" in str(refused.value) and "\n" not in str(refused.value)
    env = {"COACH_RASA_WORKERS": "2", "COACH_LOCK_STORE_URL": "redis://localhost:6379/0"}
    assert scale.rasa_workers(env) == 2


@pytest.mark.parametrize(
    "name, value",
    [
        ("COACH_RASA_WORKERS", "0"),
        ("COACH_RASA_WORKERS", "two"),
        ("COACH_ACTION_WORKERS", "-1"),
        ("COACH_ACTION_WORKERS", "1000"),
        ("COACH_LOCK_STORE_URL", "memcached://host"),
        ("COACH_LOCK_STORE_URL", "redis://host:port"),
        ("COACH_LOCK_STORE_URL", "redis://host:6379/zero"),
        ("COACH_NLU_CACHE_SIZE", "-1"),
        ("COACH_NLU_CACHE_SIZE", "lots"),
        ("COACH_NLU_CACHE_SIZE", "2000000"),
    ],
)
def test_bad_scale_settings_are_named(name, value):
    with pytest.raises(scale.ScaleSettingError) as refused:
        scale.check({name: value})
    assert name in str(refused.value)


@pytest.mark.parametrize("value, size", [("", 4096), ("0", 0), (" 128 ", 128)])
def test_the_nlu_cache_size_setting(value, size):
    assert scale.nlu_cache_size({"COACH_NLU_CACHE_SIZE": value}) == size


def test_the_lock_store_url_gives_rasas_redis_lock_store():
    arguments = redis_arguments("rediss://user:p%40ss@cache.example:6380/3")
    assert arguments["host"] == "cache.example" and arguments["port"] == 6380
    assert arguments["db"] == 3 and arguments["password"] == "p@ss" and arguments["use_ssl"]

    class Endpoint:
        url = "redis://127.0.0.1:1/0"  # not contacted until a lock is taken

    assert isinstance(UrlLockStore(endpoint_config=Endpoint()), RedisLockStore)


def test_haproxy_keeps_pages_on_their_replica_and_spreads_turns():
    config = serve.haproxy_config(5005, [41001, 41002])
    assert "bind *:5005" in config
    assert config.count("127.0.0.1:41001") == 2 and config.count("127.0.0.1:41002") == 2
    pages = config.split("\nbackend pages", 1)[1]
    assert "cookie COACH_REPLICA insert" in pages and "balance source" in pages
    assert "balance leastconn" in config.split("\nbackend turns", 1)[1].split("\nbackend", 1)[0]
    assert "option redispatch" in config


def test_replicas_listen_on_loopback_and_trust_one_proxy(monkeypatch):
    command = serve.rasa_command("run", 41001)
    assert command[command.index("--port") + 1] == "41001"
    assert command[command.index("--interface") + 1] == "127.0.0.1"
    monkeypatch.delenv("SANIC_PROXIES_COUNT", raising=False)
    assert serve.replica_environment()["SANIC_PROXIES_COUNT"] == "1"
    assert "--interface" not in serve.rasa_command("run")


def rest_timer(at: datetime, value: str = "1") -> ReminderScheduled:
    return ReminderScheduled(
        "continue_session",
        trigger_date_time=at,
        entities=[{"entity": "rest_timer", "value": value}],
        name="rest_timer_u",
        kill_on_user_message=False,
    )


def tracker(*events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("u", list(events))


def test_a_reminder_is_due_until_it_fired_or_was_cancelled_or_replaced():
    soon = datetime.now() + timedelta(seconds=30)
    timer = rest_timer(soon)
    assert reminders.still_due(tracker(timer), timer)
    fired = UserUttered.create_external("continue_session", timer.entities)
    assert not reminders.still_due(tracker(timer, fired), timer)
    other = UserUttered.create_external(
        "continue_session", [{"entity": "rest_timer", "value": "2"}]
    )
    assert reminders.still_due(tracker(timer, other), timer)
    assert not reminders.still_due(tracker(timer, ReminderCancelled(name="rest_timer_u")), timer)
    newer = rest_timer(soon + timedelta(seconds=60), "2")
    assert not reminders.still_due(tracker(timer, newer), timer)
    assert reminders.still_due(tracker(timer, newer), newer)
    assert not reminders.still_due(tracker(), timer)  # erased


class FakeRedis:
    """SET with NX, as Redis does it (atomically, on one server)."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def set(self, key: str, value: object, nx: bool = False, ex: int | None = None) -> bool:
        assert nx and ex == reminders.CLAIM_SECONDS
        if key in self.values:
            return False
        self.values[key] = value
        return True


def test_only_one_process_claims_a_reminder_that_came_due_in_both():
    # Rasa's ticket lock can let two processes in at once: the claim in Redis cannot.
    shared = FakeRedis()
    first, second = RedisLockStore(), RedisLockStore()
    first.red = second.red = shared
    timer = rest_timer(datetime.now())
    assert reminders.claim(first, "u", timer)
    assert not reminders.claim(second, "u", timer)
    assert not reminders.claim(first, "u", timer)
    later = timer.trigger_date_time + timedelta(seconds=60)
    assert reminders.claim(second, "u", rest_timer(later, "2"))
    assert reminders.claim(second, "v", timer)  # another user's
    # The key is the same in every process (Rasa's job names are made of hash(),
    # which is not).
    assert list(shared.values) == [
        f"{reminders.CLAIM_PREFIX}{user}:rest_timer_u:{at.isoformat()}"
        for user, at in [
            ("u", timer.trigger_date_time),
            ("u", later),
            ("v", timer.trigger_date_time),
        ]
    ]
    # One process, Rasa's in-memory lock: nothing to claim against.
    assert reminders.claim(InMemoryLockStore(), "u", timer)


def test_pending_drops_late_timers_and_session_reminders_no_longer_listed():
    now = datetime.now()
    assert reminders.pending(tracker(rest_timer(now - timedelta(minutes=5))), now) == []
    late = rest_timer(now - timedelta(seconds=20))
    assert reminders.pending(tracker(late), now) == [late]
    session = ReminderScheduled(
        "continue_session",
        trigger_date_time=now + timedelta(hours=2),
        entities=[{"entity": "reminder", "value": "1000.0"}],
        name="session_reminder_u",
        kill_on_user_message=False,
    )
    listed = SlotSet("reminders", [{"at": 1000.0}])
    assert reminders.pending(tracker(listed, session), now) == [session]
    assert reminders.pending(tracker(SlotSet("reminders", []), session), now) == []


def test_sanics_websocket_can_wait_on_a_coroutine_on_python_3_11():
    import asyncio

    from sanic.server.websockets import impl

    from connectors import patches

    patches.install()

    async def message() -> str:
        return "hello"

    async def receive() -> str:
        cancel = asyncio.get_running_loop().create_future()
        done, pending = await impl.asyncio.wait(
            (cancel, message()), return_when=asyncio.FIRST_COMPLETED
        )
        assert cancel in pending  # the Future itself, as sanic compares it
        return next(iter(done)).result()

    assert asyncio.run(receive()) == "hello"


def test_only_users_with_a_reminder_still_due_are_read(tmp_path):
    import asyncio

    from connectors.tracker_store import UrlSQLTrackerStore

    store = UrlSQLTrackerStore(host=f"sqlite:///{tmp_path / 'tracker.db'}")
    now = datetime.now()
    for sender, at in (("past", now - timedelta(days=2)), ("ahead", now + timedelta(days=2))):
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, [rest_timer(at)])))
    asyncio.run(store.save(DialogueStateTracker.from_events("none", [SlotSet("reminders", [])])))
    assert sorted(store.senders_with_reminders()) == ["ahead", "past"]
    assert store.senders_with_reminders(due_after=now - timedelta(hours=1)) == ["ahead"]

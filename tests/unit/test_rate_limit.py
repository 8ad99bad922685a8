import pytest

from connectors.rate_limit import (
    BURST_SETTING,
    DEFAULT_BURST,
    DEFAULT_PER_MINUTE,
    PER_MINUTE_SETTING,
    RateLimiter,
    RateLimitSettingError,
    limiter_from_environment,
    retry_after_seconds,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_passes_then_the_next_message_waits():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=3, clock=clock)
    assert [limiter.wait_for("ann") for _ in range(3)] == [0, 0, 0]
    assert limiter.wait_for("ann") == pytest.approx(1.0)


def test_tokens_come_back_at_the_configured_rate():
    clock = Clock()
    limiter = RateLimiter(per_minute=30, burst=1, clock=clock)
    assert limiter.wait_for("ann") == 0
    clock.now += 1
    assert limiter.wait_for("ann") == pytest.approx(1.0)  # half a token back after 1 s
    clock.now += 2
    assert limiter.wait_for("ann") == 0


def test_a_refused_message_does_not_use_up_a_token():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=1, clock=clock)
    limiter.wait_for("ann")
    for _ in range(5):
        assert limiter.wait_for("ann") > 0
    clock.now += 1
    assert limiter.wait_for("ann") == 0


def test_the_bucket_never_holds_more_than_the_burst():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=2, clock=clock)
    limiter.wait_for("ann")
    clock.now += 3600
    assert [limiter.wait_for("ann") == 0 for _ in range(3)] == [True, True, False]


def test_one_sender_flooding_does_not_slow_another():
    limiter = RateLimiter(per_minute=60, burst=2, clock=Clock())
    for _ in range(50):
        limiter.wait_for("flood")
    assert limiter.wait_for("ben") == 0


def test_only_the_most_recent_senders_are_remembered():
    limiter = RateLimiter(per_minute=60, burst=1, clock=Clock(), max_senders=2)
    for sender in ("ann", "ben", "cat"):
        limiter.wait_for(sender)
    assert limiter.wait_for("cat") > 0  # still remembered
    assert limiter.wait_for("ann") == 0  # forgotten, so a full bucket again


def test_a_rate_of_zero_switches_limiting_off():
    limiter = RateLimiter(per_minute=0, burst=1, clock=Clock())
    assert not limiter.enabled
    assert all(limiter.wait_for("ann") == 0 for _ in range(100))


@pytest.mark.parametrize(("wait", "header"), [(0.01, 1), (1.0, 1), (1.2, 2), (59.5, 60)])
def test_retry_after_is_whole_seconds_rounded_up(wait, header):
    assert retry_after_seconds(wait) == header


def test_settings_default_when_unset():
    limiter = limiter_from_environment({})
    assert limiter.per_second * 60 == DEFAULT_PER_MINUTE
    assert limiter.burst == DEFAULT_BURST


def test_settings_are_read():
    limiter = limiter_from_environment({PER_MINUTE_SETTING: "120", BURST_SETTING: "5"})
    assert (limiter.per_second, limiter.burst) == (2, 5)


@pytest.mark.parametrize(
    "environ",
    [
        {PER_MINUTE_SETTING: "fast"},
        {PER_MINUTE_SETTING: "-1"},
        {PER_MINUTE_SETTING: "nan"},
        {BURST_SETTING: "0"},
        {BURST_SETTING: "inf"},
    ],
)
def test_bad_settings_are_named(environ):
    with pytest.raises(RateLimitSettingError, match=next(iter(environ))):
        limiter_from_environment(environ)

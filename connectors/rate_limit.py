"""Per-sender rate limiting for the chat channels, so one user cannot starve the others.

A token bucket per sender: up to `burst` messages at once, then `per_minute`
messages a minute. Plain Python, no Rasa; the channels ask `wait_for(sender)`
before a message reaches the dialogue.
"""

import math
import os
import time
from collections import OrderedDict
from collections.abc import Callable

PER_MINUTE_SETTING = "COACH_RATE_LIMIT_PER_MINUTE"
BURST_SETTING = "COACH_RATE_LIMIT_BURST"
# A person counting reps by button sends one message every few seconds; typing
# fast, a few a second for a moment. These leave room for both.
DEFAULT_PER_MINUTE = 60
DEFAULT_BURST = 20
# Buckets kept at most; the least recently seen sender is forgotten first (a
# forgotten sender simply starts again with a full bucket).
MAX_SENDERS = 10_000


class RateLimitSettingError(ValueError):
    pass


class RateLimiter:
    """`per_minute` 0 switches limiting off."""

    def __init__(
        self,
        per_minute: float = DEFAULT_PER_MINUTE,
        burst: int = DEFAULT_BURST,
        clock: Callable[[], float] = time.monotonic,
        max_senders: int = MAX_SENDERS,
    ) -> None:
        if per_minute < 0 or burst < 1:
            raise RateLimitSettingError("the rate must be 0 or more and the burst 1 or more")
        self.per_second = per_minute / 60
        self.burst = burst
        self.clock = clock
        self.max_senders = max_senders
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # tokens, time

    @property
    def enabled(self) -> bool:
        return self.per_second > 0

    def wait_for(self, sender: str) -> float:
        """0 if the sender may send now (and counts the message); else the seconds to wait."""
        if not self.enabled:
            return 0.0
        now = self.clock()
        tokens, then = self._buckets.pop(sender, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.per_second)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.per_second
        self._buckets[sender] = (tokens, now)
        while len(self._buckets) > self.max_senders:
            self._buckets.popitem(last=False)
        return wait


def retry_after_seconds(wait: float) -> int:
    """The whole seconds to tell a client (HTTP Retry-After), at least 1."""
    return max(1, math.ceil(wait))


def number_setting(environ: dict, name: str, default: float) -> float:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise RateLimitSettingError(f"{name} must be a number, not {raw!r}") from None
    if not math.isfinite(value) or value < 0:
        raise RateLimitSettingError(f"{name} must be 0 or more, not {raw!r}")
    return value


def limiter_from_environment(environ: dict | None = None) -> RateLimiter:
    environ = os.environ if environ is None else environ
    per_minute = number_setting(environ, PER_MINUTE_SETTING, DEFAULT_PER_MINUTE)
    burst = number_setting(environ, BURST_SETTING, DEFAULT_BURST)
    if burst < 1:
        raise RateLimitSettingError(f"{BURST_SETTING} must be 1 or more")
    return RateLimiter(per_minute=per_minute, burst=int(burst))

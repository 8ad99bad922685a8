"""What the Telegram and Slack channels share: settings from the environment, one
user turn delivered to a platform, and the small checks both webhooks make.

A turn goes through Rasa with the platform's output channel wrapped in
`TurnOutput`, which sends every message as Rasa produces it but never lets a
failed delivery escape into Rasa: an exception there would abort the turn
before the tracker is saved, losing (say) a counted rep because Telegram
timed out. The same wrapper counts what was sent, so a turn that produced
nothing (the action server is down) still gets answers.TROUBLE, as on REST.
The wrapper is also what Rasa keeps for reminders scheduled in the turn (the
rest timer), so those are delivered the same way.
"""

import logging
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

logger = logging.getLogger(__name__)

# Platforms deliver at least once; this many recent ids are remembered to drop repeats.
SEEN_IDS = 2048


def setting(environ: Mapping[str, str], name: str) -> str | None:
    """A setting's value, None when unset or blank."""
    value = environ.get(name, "").strip()
    return value or None


def header(headers: Mapping[str, str], name: str) -> str:
    """A request header by name, whatever its case; "" when absent."""
    return next((v for k, v in headers.items() if k.lower() == name.lower()), "")


def is_http_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


@dataclass(frozen=True)
class WebhookReply:
    """What a webhook answers: status, a small JSON body and any extra headers."""

    status: int
    body: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)

    @classmethod
    def ok(cls, status: str = "ok", **headers: str) -> "WebhookReply":
        return cls(200, {"status": status}, headers)

    @classmethod
    def error(cls, status: int, message: str) -> "WebhookReply":
        return cls(status, {"error": message})


def not_configured(platform: str, problems: list[str]) -> WebhookReply:
    return WebhookReply.error(503, not_configured_text(platform, problems))


def not_configured_text(platform: str, problems: list[str]) -> str:
    return f"{platform} is not configured: {'; '.join(problems)} (see README)."


def missing_settings(environ: Mapping[str, str], names: tuple[str, ...]) -> list[str]:
    """["set A, B"] for the required settings that are not set, else []."""
    missing = [name for name in names if setting(environ, name) is None]
    return [f"set {', '.join(missing)}"] if missing else []


class SeenIds:
    """The ids of recently handled deliveries (bounded), to ignore a platform's retries."""

    def __init__(self, size: int = SEEN_IDS) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """True the first time `key` is seen; it is remembered from then on."""
        if key in self._ids:
            self._ids.move_to_end(key)
            return False
        self._ids[key] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True

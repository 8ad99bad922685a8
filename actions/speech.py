"""Speech for voice channels: SSML built from the same lines the chat shows.

Alexa rejects a <break> longer than 10 seconds and a response over 8,000
characters of SSML, so both limits are enforced here rather than trusted.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape

from actions import protocol as p

MAX_BREAK_MS = 10_000
MAX_SSML_CHARS = 8_000


@dataclass(frozen=True)
class Line:
    """One thing the coach says: chat text, and optionally its own SSML for voice."""

    text: str
    ssml: str | None = None  # without <speak>; None means "read the text out"

    def spoken(self) -> str:
        return self.ssml if self.ssml is not None else escape(self.text)


def pause(milliseconds: int) -> str:
    """A silence, split so that no single break is longer than Alexa allows."""
    parts = []
    while milliseconds > 0:
        step = min(milliseconds, MAX_BREAK_MS)
        parts.append(f'<break time="{step}ms"/>')
        milliseconds -= step
    return "".join(parts)


def hold_ms() -> int:
    return (p.HOLD_SECONDS.low + p.HOLD_SECONDS.high) * 1000 // 2


def paced_reps(first: int, last: int) -> str:
    """Lift, hold, lower and count each rep from `first` to `last`, in real time."""
    reps = []
    for count in range(first, last + 1):
        reps.append(
            f"Lift.{pause(p.LIFT_SECONDS * 1000)}Hold.{pause(hold_ms())}"
            f"And lower, slowly.{pause(p.LOWER_SECONDS * 1000)}"
            f'<emphasis level="moderate">{count}.</emphasis>{pause(500)}'
        )
    return "".join(reps)


def to_ssml(lines: list[Line]) -> str:
    body = " ".join(line.spoken() for line in lines)
    return f"<speak>{body}</speak>"

"""A slow gTTS call (a stub: no network) for one user does not hold up another
user's turn: the action server runs each turn off its event loop."""

import asyncio
import time

import gtts
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionCoach
from tests.actions.test_actions import make_tracker

SLOW_SECONDS = 2.0


class SlowGTTS:
    """Stands in for gTTS: as slow as Google on a bad day, and offline."""

    def __init__(self, text: str, lang: str = "en", timeout: float | None = None) -> None:
        self.text = text

    def write_to_fp(self, out) -> None:
        time.sleep(SLOW_SECONDS)
        out.write(b"ID3 not really an mp3")


async def timed_turn(tracker) -> float:
    started = time.monotonic()
    await ActionCoach().run(CollectingDispatcher(), tracker, {})
    return time.monotonic() - started


async def both() -> tuple[float, float]:
    slow = asyncio.create_task(timed_turn(make_tracker("ask_hold", metadata={"audio": True})))
    await asyncio.sleep(0.2)  # the slow turn is waiting on "Google" by now
    quick = await timed_turn(make_tracker("ask_reps"))
    return await slow, quick


def test_one_users_slow_speech_does_not_delay_anothers_turn(monkeypatch, tmp_path):
    monkeypatch.setattr(gtts, "gTTS", SlowGTTS)  # coach.speech imports it when it speaks
    monkeypatch.setenv("COACH_AUDIO_DIR", str(tmp_path))
    asyncio.run(timed_turn(make_tracker("ask_reps")))  # first-turn imports out of the way
    slow, quick = asyncio.run(both())
    assert slow >= SLOW_SECONDS
    assert quick < SLOW_SECONDS / 2, f"the other turn waited {quick:.2f} s"

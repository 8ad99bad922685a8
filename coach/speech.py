"""Speech for voice channels: SSML built from the same lines the chat shows.

Alexa rejects a <break> longer than 10 seconds and a response over 8,000
characters of SSML, so both limits are enforced here rather than trusted.

Channels that play audio themselves (the web page's voice mode) get an MP3 made
by gTTS (Google Translate's speech), cached on disk by text and language and
served by the Rasa server (connectors/coach.py) at
COACH_PUBLIC_URL/webhooks/coach/audio/<name>. gTTS needs Google: when it fails
(offline, HTTP 429) there is no audio, the reply goes out as text alone, and a
warning is logged once per process.
"""

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from coach import protocol as p
from coach import user_files

MAX_BREAK_MS = 10_000
MAX_SSML_CHARS = 8_000

# What the coach says while leading a rep aloud.
LIFT, HOLD, LOWER = "Lift.", "Hold.", "And lower, slowly."
# The other leg rests meanwhile: there is no rest between legs, only between sets.
SWITCH_LEG = "Switch to your {leg} leg: your {other} leg rests while you do the {leg}."

AUDIO_URL_PATH = "/webhooks/coach/audio"
AUDIO_NAME = re.compile(r"^[0-9a-f]{64}\.mp3$")  # what cache_name makes, nothing else
MAX_AUDIO_TEXT_CHARS = 5_000  # replies are far shorter; more is abuse, not speech
GTTS_TIMEOUT_SECONDS = 5.0  # per request: the reply waits for it

logger = logging.getLogger(__name__)
_warned = False  # gTTS failures are logged as a warning once per process, then at debug


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
            f"{LIFT}{pause(p.LIFT_SECONDS * 1000)}{HOLD}{pause(hold_ms())}"
            f"{LOWER}{pause(p.LOWER_SECONDS * 1000)}"
            f'<emphasis level="moderate">{count}.</emphasis>{pause(500)}'
        )
    return "".join(reps)


def to_ssml(lines: list[Line]) -> str:
    body = " ".join(line.spoken() for line in lines)
    return f"<speak>{body}</speak>"


# -- audio (gTTS) ---------------------------------------------------------------------


def audio_dir() -> Path:
    return Path(os.environ.get("COACH_AUDIO_DIR") or user_files.ROOT / "var" / "audio")


def _normalised(text: str) -> str:
    return " ".join(text.split())


def cache_name(text: str, lang: str = "en") -> str:
    """The cache file for this text in this language.

    Whitespace is collapsed, as it changes nothing spoken. Case is kept: the coach
    writes each phrase the same way every time, so folding it would save nothing.
    """
    key = f"{lang}\n{_normalised(text)}".encode()
    return hashlib.sha256(key).hexdigest() + ".mp3"


def audio_path(name: str) -> Path | None:
    """The cached file behind an audio URL, or None if the name is not ours or not built."""
    if not AUDIO_NAME.match(name):
        return None
    path = audio_dir() / name
    return path if path.is_file() else None


def _failed(error: Exception) -> None:
    global _warned
    if _warned:
        logger.debug("gTTS failed again: %s", error)
        return
    _warned = True
    logger.warning("Text-to-speech failed (%s): replies go out as text only.", error)


def synthesize(text: str, lang: str = "en") -> Path | None:
    """The MP3 of the text, from the cache or made by gTTS; None if there is none.

    Never raises: without audio the reply still goes out as text.
    """
    # Imported here: only the action server makes audio; the Rasa server, which
    # serves the files, never loads gTTS.
    from gtts import gTTS, gTTSError

    spoken = _normalised(text)
    if not spoken or len(spoken) > MAX_AUDIO_TEXT_CHARS:
        return None
    path = audio_dir() / cache_name(spoken, lang)
    if path.is_file():
        return path
    temp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside then renamed, so no one is ever served half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as out:
            temp = Path(out.name)
            gTTS(spoken, lang=lang, timeout=GTTS_TIMEOUT_SECONDS).write_to_fp(out)
        if temp.stat().st_size == 0:
            raise gTTSError("No audio in Google's response")
        temp.replace(path)
        return path
    # gTTSError: HTTP errors (429) and failed connections; ValueError: a language gTTS
    # doesn't know; AssertionError: nothing speakable (only punctuation); OSError: disk.
    except (gTTSError, ValueError, AssertionError, OSError) as error:
        if temp is not None:
            temp.unlink(missing_ok=True)
        _failed(error)
        return None


def audio_url(text: str, lang: str = "en") -> str | None:
    path = synthesize(text, lang)
    return f"{user_files.public_url()}{AUDIO_URL_PATH}/{path.name}" if path else None


def prebuild(phrases: Iterable[str], lang: str = "en") -> tuple[int, int]:
    """Put the phrases (say, session.fixed_phrases()) in the cache: (built, failed).

    Stops at the first failure, counting the rest as failed: offline or rate
    limited (429), more requests only fail too, or make the limit last longer.
    """
    todo = list(phrases)
    for built, phrase in enumerate(todo):
        if synthesize(phrase, lang) is None:
            return built, len(todo) - built
    return len(todo), 0

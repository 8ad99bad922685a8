"""What the channel of a message can do, declared by the channel with every message.

The channels (connectors/capabilities.py) put their record in the message's
metadata under METADATA_KEY, through the gate; the coach shapes its replies
from the record, never from a channel's name:
- push: the channel can send a message nobody asked for (the rest timer's
  "rest over", reminders);
- voice: the replies are spoken (SSML, a set paced aloud, no chart or file);
- images: it shows an image (the progress chart);
- files: it takes a file attachment (the CSV export); elsewhere the link in
  the text does;
- progress: it shows the session's progress from JSON (the web page's bar).

A client of a text channel that speaks its replies (a speaker talking over
REST) says so with "voice": true in its metadata, and is then spoken to.
A turn Rasa starts by itself (a timer, a reminder) carries no record: it has
the record of the user's last message (actions/actions.py).
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

METADATA_KEY = "capabilities"
VOICE_REQUEST = "voice"


@dataclass(frozen=True)
class Capabilities:
    push: bool = False
    voice: bool = False
    images: bool = False
    files: bool = False
    progress: bool = False

    @classmethod
    def of(cls, metadata: Any) -> "Capabilities":
        """The record in a message's metadata; nothing at all when there is none."""
        record = metadata.get(METADATA_KEY) if isinstance(metadata, Mapping) else None
        if not isinstance(record, Mapping):
            return cls()
        return cls(**{f.name: record.get(f.name) is True for f in fields(cls)})

    def declare(self, metadata: Mapping[str, Any] | None) -> dict[str, Any]:
        """The message's metadata with this record in it (replacing any record a client
        sent: what a channel can do is the server's to say)."""
        declared = dict(metadata or {})
        record = self
        if declared.get(VOICE_REQUEST):
            record = replace(self, voice=True, images=False, files=False)
        declared[METADATA_KEY] = asdict(record)
        return declared

    @staticmethod
    def declared_in(metadata: Any) -> bool:
        return isinstance(metadata, Mapping) and isinstance(metadata.get(METADATA_KEY), Mapping)

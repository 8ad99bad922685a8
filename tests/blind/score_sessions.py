"""Score a blind set of whole conversations against the real coach (`make eval-sessions`).

Starts the servers (scripts/serve.py) on free ports with its own tracker database
(tests/e2e/coach_server.py), replays each conversation over REST with a fresh sender,
and counts a conversation right when every expectation of every turn holds. Voice conversations send
`"metadata": {"voice": true}` with each message, as the README describes.

The set is YAML, as the blind writers' brief describes it. The loader accepts the
spellings a writer might choose: a top-level list, or a mapping holding the list
(`conversations`, `sessions`, ...); each conversation's turns under `turns` (or
`messages`, `dialogue`, `steps`), each turn's text under `user` (or `say`, `text`,
`message`, `utterance`); a voice conversation says `voice: true`, or
`channel`/`mode`/`medium: voice`. Per turn:

- `expect`: keyword groups, `[["2", "two"], ["second"]]`: every group must have one
  of its keywords in the reply. A plain string is a group of one; a flat list of
  strings is read as one group per string (all must appear).
- `expect_not`: strings none of which may appear (nested lists are flattened).

Checked case-insensitively as substrings of the coach's whole reply to that turn:
its text messages, the titles of any buttons it offers, and for voice the speech
(the SSML with its tags removed), joined with spaces.

Usage: python -m tests.blind.score_sessions [SET.yml ...] [--json OUT] [--show-failures]
Without files, the newest tests/blind/*-sessions.yml.
"""

import argparse
import html
import json
import re
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import yaml

from tests.blind import newest
from tests.e2e.coach_server import CoachServer, through_checklist

HERE = Path(__file__).resolve().parent
LIST_KEYS = ("conversations", "sessions", "dialogues", "tests", "cases", "items")
TURN_KEYS = ("turns", "messages", "dialogue", "steps", "conversation", "exchanges")
TEXT_KEYS = ("user", "say", "text", "message", "utterance", "input", "u")
NAME_KEYS = ("id", "name", "title", "description")
TAG = re.compile(r"<[^>]+>")


def conversations(data) -> list[dict]:
    if isinstance(data, dict):
        for key in LIST_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        lists = [value for value in data.values() if isinstance(value, list)]
        if len(lists) == 1:
            return lists[0]
        raise ValueError(f"no list of conversations under any of {LIST_KEYS}")
    if isinstance(data, list):
        return data
    raise ValueError("the set is neither a list nor a mapping")


def turns_of(conversation: dict) -> list[dict]:
    for key in TURN_KEYS:
        if isinstance(conversation.get(key), list):
            return [t if isinstance(t, dict) else {"user": t} for t in conversation[key]]
    raise ValueError(f"conversation {name_of(conversation, 0)!r} has no turns")


def name_of(conversation: dict, index: int) -> str:
    for key in NAME_KEYS:
        if conversation.get(key):
            return str(conversation[key])
    return f"#{index + 1}"


def text_of(turn: dict) -> str:
    for key in TEXT_KEYS:
        if key in turn and turn[key] is not None:
            return str(turn[key])
    raise ValueError(f"a turn has no user text: {turn}")


def is_voice(conversation: dict) -> bool:
    if conversation.get("voice") is True:
        return True
    for key in ("channel", "mode", "medium", "modality", "interface", "type"):
        value = conversation.get(key)
        if isinstance(value, str) and ("voice" in value.lower() or "alexa" in value.lower()):
            return True
    metadata = conversation.get("metadata")
    return isinstance(metadata, dict) and metadata.get("voice") is True


def groups(expect) -> list[list[str]]:
    if expect is None:
        return []
    if isinstance(expect, str | int | float):
        return [[str(expect)]]
    result = []
    for group in expect:
        if isinstance(group, list):
            result.append([str(word) for word in flatten(group)])
        else:
            result.append([str(group)])
    return result


def flatten(value) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return [item for part in value for item in flatten(part)]
    return [value]


def reply_text(replies: list[dict]) -> str:
    parts = []
    for reply in replies:
        if reply.get("text"):
            parts.append(reply["text"])
        parts += [button.get("title", "") for button in reply.get("buttons") or []]
        custom = reply.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("ssml"), str):
            parts.append(html.unescape(TAG.sub(" ", custom["ssml"])))
    return " ".join(" ".join(parts).split())


def check(turn: dict, reply: str) -> list[str]:
    """What is wrong with this reply to this turn (nothing: an empty list)."""
    lowered = reply.lower()
    problems = []
    for group in groups(turn.get("expect")):
        if not any(word.lower() in lowered for word in group):
            problems.append(f"missing one of {group}")
    for word in flatten(turn.get("expect_not")):
        if str(word).lower() in lowered:
            problems.append(f"has {str(word)!r}")
    return problems


def score(server: CoachServer, path: Path, show_failures: bool) -> dict:
    data = yaml.safe_load(path.read_text())
    results = []
    for index, conversation in enumerate(conversations(data)):
        name = name_of(conversation, index)
        voice = is_voice(conversation)
        sender = f"blind-{path.stem}-{index}-{time.time_ns()}"
        failures = []
        transcript = []
        for number, turn in enumerate(turns_of(conversation), 1):
            text = text_of(turn)
            metadata = {"voice": True} if voice else {}
            if isinstance(turn.get("metadata"), dict):
                metadata = {**metadata, **turn["metadata"]}
            try:
                reply = reply_text(server.replies(sender, text, metadata or None))
                # The safety checklist before a first session: the set's writer could not
                # know its questions, so the simulated user answers them "no", as most do.
                say_no = partial(server.replies, sender, "no", metadata or None)
                reply = through_checklist(reply, lambda say_no=say_no: reply_text(say_no()))
            except AssertionError as error:  # not HTTP 200
                reply = f"<error {error}>"
            transcript.append((text, reply))
            for problem in check(turn, reply):
                failures.append({"turn": number, "user": text, "reply": reply, "problem": problem})
        results.append({"name": name, "voice": voice, "right": not failures, "failures": failures})
        if show_failures and failures:
            print(f"\nWRONG {name} ({'voice' if voice else 'chat'})")
            for said, reply in transcript:
                print(f"  user:  {said}\n  coach: {reply}")
            for failure in failures:
                print(f"  -> turn {failure['turn']}: {failure['problem']}")
    right = sum(result["right"] for result in results)
    return {"set": path.name, "right": right, "total": len(results), "results": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args(argv)
    sets = args.sets or [newest(list(HERE.glob("*-sessions.yml")))]
    if not sets:
        print("no blind session set in tests/blind/")
        return 2
    with tempfile.TemporaryDirectory(prefix="coach-blind-") as workdir:
        server = CoachServer(Path(workdir))
        server.start()
        try:
            scores = [score(server, path, args.show_failures) for path in sets]
        finally:
            server.stop()
    for result in scores:
        share = result["right"] / result["total"] if result["total"] else 0.0
        right, total = result["right"], result["total"]
        print(f"{result['set']}: {right}/{total} conversations right ({share:.1%})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(scores, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Check the NLU training data (data/nlu/*.yml) against the held-out set
(tests/nlu/heldout.yml), which must never be trained on.

Reports:
  - examples per intent, in training and held-out
  - held-out examples that also appear in training (case/punctuation-insensitive)
  - examples listed twice within the training data (same or different intents)
  - examples listed twice within the held-out set
  - intents present in one and not the other (a retrieval intent such as faq
    counts as one intent: not every answer needs held-out lines)
  - near-duplicates (warning only): held-out lines very close to a training line
    of the same intent (a near-copy tests memory, not understanding)

Held-out lines carry entity annotations ("[lower back](body_part)"), dropped
here so that the plain text is compared; training lines must carry none (the
EntityRuler finds entities, nothing learns them).

Exit status 1 if anything but warnings is found. Usage: python3 tests/nlu/check_overlap.py
"""

import difflib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING = sorted((ROOT / "data" / "nlu").glob("*.yml"))
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
NEAR = 0.85  # difflib ratio from which a held-out line counts as a near-copy
# Rasa's entity markup: [text](entity), [text](entity:value), [text]{...}, [text][{...}]
ENTITY = re.compile(r"\[(?P<text>[^\]]+?)\](?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\])")


def normalised(text: str) -> str:
    """Lower case, punctuation dropped, spaces collapsed; text made only of
    symbols (an emoji) is kept as it is, so that two emoji do not collide."""
    words = re.sub(r"[^\w ]", "", text.lower()).split()
    return " ".join(words) or text.strip()


def plain(text: str) -> str:
    """An example's text without its entity markup, as Rasa reads it."""
    return ENTITY.sub(lambda match: match.group("text"), text)


def load(path: Path, annotated: bool = False) -> list[tuple[str, str]]:
    """(intent, example) pairs of one Rasa NLU file, entity markup dropped where
    `annotated`; raises on a malformed file (or markup where not `annotated`)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "nlu" not in data:
        raise ValueError(f"{path}: no 'nlu:' key")
    if str(data.get("version")) != "3.1":
        raise ValueError(f'{path}: version should be "3.1"')
    pairs = []
    for block in data["nlu"]:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            if not line.strip():
                continue
            if not line.startswith("- "):
                raise ValueError(f"{path}: {block['intent']}: line without '- ': {line!r}")
            text = line[2:].strip()
            if ENTITY.search(text):
                if not annotated:
                    raise ValueError(f"{path}: entity annotation in {text!r}")
                text = plain(text)
            pairs.append((block["intent"], text))
    return pairs


def counts(pairs: list[tuple[str, str]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for intent, _ in pairs:
        found[intent] = found.get(intent, 0) + 1
    return found


def main() -> int:
    problems = 0
    training: list[tuple[str, str, str]] = []  # (file, intent, text)
    for path in TRAINING:
        training += [(path.name, intent, text) for intent, text in load(path)]
    heldout = load(HELDOUT, annotated=True)

    train_counts = counts([(i, t) for _, i, t in training])
    held_counts = counts(heldout)
    print(f"{'intent':<36}{'training':>9}{'held-out':>9}")
    for intent in sorted(set(train_counts) | set(held_counts)):
        print(f"{intent:<36}{train_counts.get(intent, 0):>9}{held_counts.get(intent, 0):>9}")
    print(f"{'total':<36}{len(training):>9}{len(heldout):>9}\n")

    # Every intent is tested; a retrieval intent (faq/<answer>) as a whole: its
    # answers are measured by cross-validation and the blind sets (tests/blind/).
    trained_intents = {intent.split("/")[0] for intent in train_counts}
    tested_intents = {intent.split("/")[0] for intent in held_counts}
    only_train = sorted(trained_intents - tested_intents)
    only_held = sorted(set(held_counts) - set(train_counts))
    if only_train or only_held:
        problems += len(only_train) + len(only_held)
        print(f"Intents only in training: {only_train}; only in held-out: {only_held}")

    seen: dict[str, tuple[str, str, str]] = {}
    for file, intent, text in training:
        key = normalised(text)
        if key in seen:
            problems += 1
            f0, i0, t0 = seen[key]
            print(f"Twice in training: {t0!r} ({f0}:{i0}) and {text!r} ({file}:{intent})")
        else:
            seen[key] = (file, intent, text)

    held_seen: dict[str, str] = {}
    for intent, text in heldout:
        key = normalised(text)
        if key in seen:
            problems += 1
            f0, i0, t0 = seen[key]
            print(f"Held-out {text!r} ({intent}) is in training: {t0!r} ({f0}:{i0})")
        if key in held_seen:
            problems += 1
            print(f"Twice in held-out: {text!r} ({intent}) and ({held_seen[key]})")
        held_seen[key] = intent

    near = 0
    by_intent: dict[str, list[str]] = {}
    for key, (_, intent, _) in seen.items():
        by_intent.setdefault(intent, []).append(key)
    for intent, text in heldout:
        key = normalised(text)
        if key in seen:
            continue
        for other in difflib.get_close_matches(key, by_intent.get(intent, []), n=1, cutoff=NEAR):
            near += 1
            f0, i0, t0 = seen[other]
            print(f"warning: held-out {text!r} ({intent}) is close to {t0!r} ({f0}:{i0})")

    print(f"\n{problems} problem(s), {near} near-duplicate warning(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

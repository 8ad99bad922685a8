"""Check that the red-flag matcher (coach/red_flags.py, specs matched slot by slot) finds
exactly what the phrase matcher it replaced found: spaCy's PhraseMatcher over every spec
spelled out as phrases. For every example and near miss in coach/red_flags.yml and every
text in the blind sets (tests/blind/*.yml), both give the same hits and the same verdict.
Also reports how long each takes to build.

    .venv/bin/python scripts/compare_red_flag_matchers.py
"""

import os
import sys
import time
from itertools import product
from pathlib import Path

import yaml

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from coach import red_flags  # noqa: E402


class SpelledOutMatcher:
    """The old way: every spec spelled out as phrases, looked up by spaCy's PhraseMatcher."""

    def __init__(self, nlp: spacy.Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.phrases = 0
        for label, specs in red_flags.PATTERNS.items():
            phrases = {
                tuple(word for part in parts for word in part)
                for spec in specs
                for parts in product(*(self._slot(slot) for slot in spec.split()))
            }
            phrases.discard(())
            self.phrases += len(phrases)
            docs = [Doc(nlp.vocab, words=list(w), spaces=[True] * len(w)) for w in sorted(phrases)]
            self.matcher.add(label, docs)

    def _slot(self, slot: str) -> list[tuple[str, ...]]:
        optional = slot.endswith("?") and len(slot) > 1
        slot = slot.removesuffix("?") if optional else slot
        choices = (
            red_flags.GROUPS[slot[1:]]
            if slot.startswith("@")
            else slot.replace("+", " ").split("|")
        )
        said = [tuple(red_flags._fold(t.norm_) for t in self.nlp.make_doc(c)) for c in choices]
        # Said of the user and of the person they write for ("my legs", "his legs").
        words = [form for s in said for form in (red_flags.person_forms(s) or [s])]
        return list(dict.fromkeys(words + [()] if optional else words))

    def __call__(self, words: list[str]) -> list[tuple[str, int, int]]:
        doc = Doc(self.nlp.vocab, words=words)
        for token, word in zip(doc, words, strict=True):
            token.norm_ = word
        strings = self.nlp.vocab.strings
        return [(strings[key], start, end) for key, start, end in self.matcher(doc)]


def texts() -> list[str]:
    found: list[str] = []
    for entry in red_flags.DATA["signs"].values():
        found += entry["examples"] + entry["near_misses"]

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    for path in sorted((ROOT / "tests" / "blind").glob("*.yml")):
        walk(yaml.safe_load(path.read_text()))
    return list(dict.fromkeys(found))


def verdicts() -> dict[str, tuple]:
    out = {}
    for text in texts():
        hits, _ = red_flags._hits(text)
        out[text] = (red_flags.check(text), sorted((h.label, h.start, h.end) for h in hits))
    return out


def main() -> int:
    nlp = spacy.blank("en")
    started = time.perf_counter()
    red_flags._matcher.cache_clear()
    red_flags.prepare()
    new_build = time.perf_counter() - started
    new = verdicts()

    started = time.perf_counter()
    old = SpelledOutMatcher(nlp)
    old_build = time.perf_counter() - started
    original = red_flags._matcher
    red_flags._matcher = lambda: (nlp, old)
    try:
        before = verdicts()
    finally:
        red_flags._matcher = original

    differ = [text for text in new if new[text] != before[text]]
    for text in differ[:20]:
        print(f"DIFFERS: {text!r}\n  old: {before[text]}\n  new: {new[text]}")
    print(f"{len(new)} texts, {len(differ)} differ")
    print(f"build: spelled-out phrase matcher {old_build:.2f}s ({old.phrases} phrases), "
          f"slot matcher {new_build:.2f}s")  # fmt: skip
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

"""Generate the Alexa interaction model (the JSON for the skill console) from our NLU data.

    python scripts/alexa_model.py [--out build/alexa] [NLU_FILE ...]

The skill is a thin front for Rasa: one custom intent, CoachIntent, whose only sample is
its catch-all slot, so Alexa hands every utterance to the connector (connectors/alexa.py
reads the slot `utterance`) and Rasa's NLU does the understanding. The slot type's values
are our own training examples, so that Alexa's speech recogniser expects our words.
Writes interaction-model.<locale>.json for each locale in LOCALES; `make alexa-model`.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
NLU_DIR = ROOT / "data" / "nlu"
OUT_DIR = ROOT / "build" / "alexa"

# Amazon's rules: lower case, two words or more, no wake word, launch word or "skill".
INVOCATION_NAME = "leg lift coach"
LOCALES = ("en-US", "en-GB")
INTENT = "CoachIntent"
SLOT = "utterance"
SLOT_TYPE = "CoachUtterance"
# Samples other than the bare slot ("tell me {utterance}") would take their carrier words
# out of what Rasa receives, so the catch-all is the only sample.
SAMPLES = ("{" + SLOT + "}",)
# The built-ins Amazon requires. Not AMAZON.YesIntent / NoIntent: "yes" and "no" are
# Rasa's affirm / deny and must reach Rasa through the catch-all like everything else.
BUILT_IN_INTENTS = (
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.HelpIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.StopIntent",
)
MAX_VALUE_CHARS = 140  # Amazon's limit for one slot value
# Amazon limits the number of custom slot values per skill; we stay well below it.
MAX_VALUES = 10_000

WAKE_WORDS = {"alexa", "amazon", "echo", "computer", "skill", "app"}
LAUNCH_WORDS = {
    "ask",
    "begin",
    "enable",
    "launch",
    "load",
    "open",
    "play",
    "resume",
    "run",
    "start",
    "tell",
    "use",
}
CONNECTING_WORDS = {"about", "and", "by", "for", "from", "if", "in", "to", "using", "whether"}

# [text](entity), [text](entity:value), [text]{"entity": "e", "value": "v"}
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
# What survives in a slot value: dotted abbreviations ("a.m.", "e.g."), otherwise words
# of letters and digits, with apostrophes only inside a word ("it's", not 'quoted').
TOKEN = re.compile(r"(?<![a-z0-9])[a-z](?:\.[a-z](?![a-z0-9]))+\.?|[a-z0-9]+(?:'[a-z0-9]+)*")
APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'"})


class SlotValues(NamedTuple):
    kept: list[str]  # sorted
    too_long: list[str]  # sorted; longer than MAX_VALUE_CHARS
    over_cap: list[str]  # sorted; beyond MAX_VALUES


def plain_text(example: str) -> str:
    """A training example as an Alexa slot value: entity annotations reduced to their
    text, lower case, ASCII letters, digits, inner apostrophes and dotted abbreviations,
    everything else a word break (nothing spelled out), single spaces. May be ""."""
    text = ANNOTATION.sub(r"\1", example).translate(APOSTROPHES)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(TOKEN.findall(text.lower()))


def examples(path: Path) -> list[str]:
    """The intent examples of one Rasa 3.x NLU file (not synonyms, lookups or regexes:
    those are entity values, not things people say)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = []
    for item in document.get("nlu") or []:
        if not isinstance(item, dict) or "intent" not in item:
            continue
        block = item.get("examples") or ""
        if isinstance(block, str):
            lines = (line.strip() for line in block.splitlines())
            found += [line[1:].strip() for line in lines if line.startswith("-")]
        else:  # the long form: a list of {text: ..., metadata: ...}
            found += [entry["text"] for entry in block if isinstance(entry, dict)]
    return found


def slot_values(paths: Iterable[Path], cap: int = MAX_VALUES) -> SlotValues:
    """Every intent's examples from `paths` as distinct slot values. red_flag examples
    are included: Alexa must hear those words well, and the catch-all sends them to Rasa.
    Over the cap, the longest values go first (ties alphabetically): short phrases carry
    the common words, long ones add the least for their size."""
    values = {plain_text(text) for path in sorted(paths) for text in examples(path)}
    values.discard("")
    too_long = sorted(v for v in values if len(v) > MAX_VALUE_CHARS)
    fitting = sorted((v for v in values if len(v) <= MAX_VALUE_CHARS), key=lambda v: (len(v), v))
    return SlotValues(sorted(fitting[:cap]), too_long, sorted(fitting[cap:]))


def invocation_problems(name: str) -> list[str]:
    """What is wrong with `name` as an invocation name by Amazon's rules ([] if nothing)."""
    words = name.split()
    problems = []
    if name != name.lower():
        problems.append("not lower case")
    if not re.fullmatch(r"[a-z' .]+", name):
        problems.append("only letters, spaces, apostrophes and periods are allowed")
    if len(words) < 2:
        problems.append("fewer than two words")
    for word in words:
        if word in WAKE_WORDS | LAUNCH_WORDS | CONNECTING_WORDS:
            problems.append(f"may not contain {word!r}")
    return problems


def interaction_model(values: Sequence[str], invocation: str = INVOCATION_NAME) -> dict:
    """The interaction model for the skill console: the catch-all and the built-ins."""
    coach = {
        "name": INTENT,
        "slots": [{"name": SLOT, "type": SLOT_TYPE}],
        "samples": list(SAMPLES),
    }
    built_ins = [{"name": name, "samples": []} for name in BUILT_IN_INTENTS]
    slot_type = {"name": SLOT_TYPE, "values": [{"name": {"value": v}} for v in values]}
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": invocation,
                "intents": [coach, *built_ins],
                "types": [slot_type],
            }
        }
    }


def to_json(model: dict) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    parser.add_argument("nlu_files", nargs="*", type=Path, help="default: data/nlu/*.yml")
    args = parser.parse_args(argv)
    problems = invocation_problems(INVOCATION_NAME)
    if problems:
        print(f"invocation name {INVOCATION_NAME!r}: {'; '.join(problems)}", file=sys.stderr)
        return 1
    paths = args.nlu_files or sorted(NLU_DIR.glob("*.yml"))
    values = slot_values(paths)
    for value in values.too_long:
        print(f"dropped (over {MAX_VALUE_CHARS} characters): {value}", file=sys.stderr)
    for value in values.over_cap:
        print(f"dropped (over the cap of {MAX_VALUES}): {value}", file=sys.stderr)
    text = to_json(interaction_model(values.kept))
    args.out.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        (args.out / f"interaction-model.{locale}.json").write_text(text, encoding="utf-8")
    dropped = len(values.too_long) + len(values.over_cap)
    print(
        f"alexa model: {len(values.kept)} slot values from {len(paths)} files, {dropped} dropped"
        f" ({len(values.too_long)} too long, {len(values.over_cap)} over the cap)"
        f" -> {args.out} ({', '.join(LOCALES)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

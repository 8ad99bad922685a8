"""The trained model's parse of every held-out line and test-story message, with or
without the patches of connectors/patches.py (tests/rasa/test_rasa_checks.py
compares the two runs: the patches must not change what the model says). With the
patches every text is parsed twice, the second time from their cache of parses,
and the two must be the same.

    .venv/bin/python -m tests.rasa.patched_parity OUT.json [--patched]
"""

import asyncio
import json
import logging
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def texts() -> list[str]:
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.loading import load_data

    found = [
        example.get(TEXT) for example in load_data(str(ROOT / "tests/nlu/heldout.yml")).nlu_examples
    ]
    stories = yaml.safe_load((ROOT / "tests/test_stories.yml").read_text())["stories"]
    for story in stories:
        found += [step["user"] for step in story["steps"] if "user" in step]
    return found


def main(out: Path, patched: bool) -> None:
    if patched:
        from connectors import patches

        patches.install()
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from tests.rasa.test_rasa_checks import MODEL

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(MODEL)

    async def parses() -> list:
        return [await agent.parse_message(text) for text in texts()]

    found = json.dumps(asyncio.run(parses()), indent=1, sort_keys=True, default=str)
    if patched:
        # Every text again: now each parse comes from the patches' cache of parses.
        again = json.dumps(asyncio.run(parses()), indent=1, sort_keys=True, default=str)
        if again != found:
            sys.exit("a text parsed again (from the cache) gave a different parse")
    out.write_text(found)


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--patched" in sys.argv[2:])

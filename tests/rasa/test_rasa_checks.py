"""Rasa's own checks on the trained model: data validation, NLU on a held-out
set never trained on (intents, and entities against hand annotations), and test
stories. The model is the one `make test` trained (COACH_MODEL); nothing here
retrains it.

Run as a module, this file scores the model's entities on the held-out set:
    .venv/bin/python -m tests.rasa.test_rasa_checks OUT_DIR
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.entities_parser import replace_entities

from coach.conversation import off_topic_response
from coach.vocabulary import ENTITY_VOCABULARY, OFF_TOPIC_KINDS

ROOT = Path(__file__).resolve().parents[2]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MODEL = os.environ.get("COACH_MODEL", str(ROOT / "models" / "coach.tar.gz"))
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
# One error moves the macro F1 by about 0.002 and small data changes move it by
# +-0.01, so the overall gate sits below the measured value (printed every run),
# and the intents that carry safety and the session have a gate of their own.
# Issue 16 made the questions one retrieval intent (faq) with answers chosen by
# the ResponseSelector, and added intents for "too easy", "too hard" and choosing
# an option: 0.928 measured then, so the gate moved from 0.94 to 0.92. This set
# has been tuned to; the blind sets (tests/blind/) are the evidence.
MIN_MACRO_F1 = 0.92
# count_rep is not among them since issue 17: in a session a count is read by the
# grammar (coach/numbers.py, table-tested) whatever the classifier says.
CRITICAL_INTENTS = ("red_flag", "pain", "report_reps", "stop_session")
MIN_CRITICAL_F1 = 0.95
# Entities (SpacyEntityExtractor) against the held-out set's hand annotations
# (179 entities on 207 tokens), scored per token as Rasa scores entities: micro
# F1 0.821 measured. The EntityRuler is rule-based, so retraining does not move
# it; only vocabulary or pattern edits do, and one token wrongly found or
# missed moves the micro F1 by about 0.002. The gate sits 0.02 below the
# measured value: room for a few new misfires (about ten tokens), not for a
# word that misfires across the set (the seven adverbs "back" found as body
# parts cost 0.012 today), nor for an entity type going wrong.
# Issue 16's spelling corrector runs before the entity ruler: 0.797 measured then.
MIN_ENTITY_MICRO_F1 = 0.78
# Every label the EntityRuler can give is annotated somewhere in the held-out
# set: Rasa's report counts only labels it finds in the annotations, so a
# label missing from them would hide that label's false positives.
RULER_LABELS = {*ENTITY_VOCABULARY, "pain_score", "number"}


def rasa(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    return subprocess.run(
        [RASA, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def examples(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for block in data.get("nlu", []):
        if "intent" in block:
            # Entity markup ("[lower back](body_part)") is dropped: the plain text is compared.
            lines = [
                replace_entities(line[2:].strip())
                for line in block["examples"].splitlines()
                if line.strip()
            ]
            found.setdefault(block["intent"], []).extend(lines)
    return found


def normalised(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def test_rasa_data_validates_without_warnings():
    result = rasa(
        "data", "validate", "--domain", "domain.yml", "--data", "data", "--config", "config.yml",
        "--fail-on-warnings",
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    # Rasa itself adds the retrieval intent faq from the responses in data/, and then
    # warns that domain.yml (where its rules need it) lists it too: that one is expected.
    expected = [
        "The following duplicated intents have been found across multiple domain files: faq"
    ]
    # action_coach says the off-topic redirects by name, which no story shows; any other
    # response no story or rule uses is still a warning.
    expected += [
        f"The utterance '{off_topic_response(kind)}' is not used in any story or rule."
        for kind in OFF_TOPIC_KINDS
    ]
    for warning in expected:
        output = output.replace(f"UserWarning: {warning}", "")
    assert "UserWarning" not in output, output[-4000:]


def test_heldout_set_is_big_and_never_trained_on():
    heldout = examples(HELDOUT)
    training: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for intent, lines in examples(path).items():
            training.setdefault(intent, []).extend(lines)
    assert sum(len(lines) for lines in heldout.values()) >= 150
    # A retrieval intent (faq/<answer>) is tested as a whole, like check_overlap.py does.
    assert {intent.split("/")[0] for intent in heldout} == {
        intent.split("/")[0] for intent in training
    }, "every intent is tested"
    assert set(heldout) <= set(training), "only trained intents (and answers) are tested"
    trained = {normalised(line) for lines in training.values() for line in lines}
    leaked = [line for lines in heldout.values() for line in lines if normalised(line) in trained]
    assert not leaked, leaked


@pytest.fixture(scope="module")
def nlu_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu")
    result = rasa("test", "nlu", "--nlu", str(HELDOUT), "--model", MODEL, "--out", str(out))
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return json.loads((out / "intent_report.json").read_text())


def test_heldout_intent_macro_f1(nlu_report, report_figure):
    macro_f1 = nlu_report["macro avg"]["f1-score"]
    weak = {
        intent: round(scores["f1-score"], 2)
        for intent, scores in nlu_report.items()
        if isinstance(scores, dict) and "support" in scores and scores["f1-score"] < 0.9
    }
    examples = nlu_report["macro avg"]["support"]
    report_figure(
        "Held-out intent macro F1",
        f"{macro_f1:.3f} on {examples} examples (gate {MIN_MACRO_F1}); below 0.9: {weak or 'none'}",
    )
    assert macro_f1 >= MIN_MACRO_F1, weak


def test_safety_and_counting_intents_are_recognised(nlu_report):
    scores = {intent: nlu_report[intent]["f1-score"] for intent in CRITICAL_INTENTS}
    assert min(scores.values()) >= MIN_CRITICAL_F1, scores


def evaluate_entities(out: Path) -> None:
    """Parse every held-out line with the trained model and score its entities
    against the annotations with Rasa's own entity evaluation, written to
    OUT/SpacyEntityExtractor_report.json (and _errors.json).

    `rasa test nlu` cannot do this: it drops the entities of pre-trained
    extractors (SpacyEntityExtractor, Duckling) before scoring, so it writes no
    entity report for this model.
    """
    import asyncio
    import logging

    from rasa.core.agent import Agent
    from rasa.core.channels import UserMessage
    from rasa.nlu import test as nlu_test
    from rasa.nlu.constants import TOKENS_NAMES
    from rasa.shared.nlu.constants import ENTITIES, TEXT
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)  # not a debug line per message parsed
    processor = Agent.load(MODEL).processor

    async def results() -> list:
        found = []
        for example in load_data(str(HELDOUT)).nlu_examples:
            parsed = await processor.parse_message(
                UserMessage(example.get(TEXT)), only_output_properties=False
            )
            found.append(
                nlu_test.EntityEvaluationResult(
                    example.get(ENTITIES, []),
                    parsed.get(ENTITIES, []),
                    parsed.get(TOKENS_NAMES[TEXT], []),
                    parsed.get(TEXT),
                )
            )
        return found

    out.mkdir(parents=True, exist_ok=True)
    nlu_test.evaluate_entities(
        asyncio.run(results()), {"SpacyEntityExtractor"}, str(out),
        successes=False, errors=True, disable_plotting=True, report_as_dict=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def entity_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("entities")
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    result = subprocess.run(
        [PYTHON, "-m", "tests.rasa.test_rasa_checks", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    report = out / "SpacyEntityExtractor_report.json"
    assert result.returncode == 0 and report.exists(), (result.stdout + result.stderr)[-4000:]
    return json.loads(report.read_text())


def test_heldout_entity_micro_f1(entity_report, report_figure):
    micro = entity_report["micro avg"]
    per_label = {
        label: scores
        for label, scores in entity_report.items()
        if isinstance(scores, dict) and "support" in scores and not label.endswith(" avg")
    }
    report_figure(
        "Held-out entity micro F1",
        f"{micro['f1-score']:.3f} (precision {micro['precision']:.3f}, recall"
        f" {micro['recall']:.3f}) on {micro['support']} annotated tokens"
        f" (gate {MIN_ENTITY_MICRO_F1}); per entity: "
        + ", ".join(
            f"{label} {scores['f1-score']:.2f} ({scores['support']})"
            for label, scores in sorted(per_label.items())
        ),
    )
    assert set(per_label) == RULER_LABELS, "every label the ruler gives is annotated"
    assert micro["f1-score"] >= MIN_ENTITY_MICRO_F1, {
        label: round(scores["f1-score"], 2) for label, scores in per_label.items()
    }


def test_stories_pass_with_no_prediction_errors(tmp_path):
    result = rasa(
        "test", "core", "--stories", "tests/test_stories.yml", "--model", MODEL,
        "--endpoints", "endpoints.yml", "--fail-on-prediction-errors", "--out", str(tmp_path),
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    failed = tmp_path / "failed_test_stories.yml"
    assert not failed.exists() or "stories:" not in failed.read_text(), failed.read_text()


def test_stories_pass_with_the_servers_patches_too(tmp_path):
    """The same stories through scripts/rasa_server.py, which installs
    connectors/patches.py (the policies' past states, the graph run, the debug-log
    copies) before Rasa runs: the patches change no prediction."""
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    result = subprocess.run(
        [PYTHON, "scripts/rasa_server.py", "test", "core", "--stories", "tests/test_stories.yml",
         "--model", MODEL, "--endpoints", "endpoints.yml", "--fail-on-prediction-errors",
         "--out", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    failed = tmp_path / "failed_test_stories.yml"
    assert not failed.exists() or "stories:" not in failed.read_text(), failed.read_text()


def test_the_patches_change_no_parse(tmp_path):
    """Every held-out line and test-story message parsed by the trained model with
    Rasa's own code and with the patches (tests/rasa/patched_parity.py): the same
    intents, confidences, rankings, answers and entities."""
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    runs = {}
    for name, extra in (("rasa", []), ("patched", ["--patched"])):
        out = tmp_path / f"{name}.json"
        result = subprocess.run(
            [PYTHON, "-m", "tests.rasa.patched_parity", str(out), *extra],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
        runs[name] = json.loads(out.read_text())
    assert len(runs["rasa"]) > 200
    assert runs["patched"] == runs["rasa"]


if __name__ == "__main__":
    evaluate_entities(Path(sys.argv[1]))

"""Rasa's own checks on the trained model: data validation, NLU on a held-out
set never trained on, and test stories. The model is the one `make test`
trained (COACH_MODEL); nothing here retrains it."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
MODEL = os.environ.get("COACH_MODEL", str(ROOT / "models" / "coach.tar.gz"))
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
# With 42 intents and 569 held-out lines, one error moves the macro F1 by about
# 0.002 and small data changes move it by +-0.01 (0.946-0.971 seen), so
# the overall gate sits below the measured value (printed every run), and the
# intents that carry safety and the session's count have a gate of their own.
MIN_MACRO_F1 = 0.94
CRITICAL_INTENTS = ("red_flag", "pain", "count_rep", "report_reps", "stop_session")
MIN_CRITICAL_F1 = 0.95


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
            lines = [line[2:].strip() for line in block["examples"].splitlines() if line.strip()]
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
    assert "UserWarning" not in output, output[-4000:]


def test_heldout_set_is_big_and_never_trained_on():
    heldout = examples(HELDOUT)
    training: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for intent, lines in examples(path).items():
            training.setdefault(intent, []).extend(lines)
    assert sum(len(lines) for lines in heldout.values()) >= 150
    assert set(heldout) == set(training), "every intent is tested, and only trained intents"
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


def test_stories_pass_with_no_prediction_errors(tmp_path):
    result = rasa(
        "test", "core", "--stories", "tests/test_stories.yml", "--model", MODEL,
        "--endpoints", "endpoints.yml", "--fail-on-prediction-errors", "--out", str(tmp_path),
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    failed = tmp_path / "failed_test_stories.yml"
    assert not failed.exists() or "stories:" not in failed.read_text(), failed.read_text()

"""scripts/alexa_model.py: the Alexa interaction model generated from our NLU data."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "alexa_model.py"

_spec = importlib.util.spec_from_file_location("alexa_model", SCRIPT)
alexa_model = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(alexa_model)

NLU_FILES = sorted((ROOT / "data" / "nlu").glob("*.yml"))


@pytest.fixture(scope="module")
def project_values():
    return alexa_model.slot_values(NLU_FILES)


def write_nlu(path: Path, intents: dict[str, list[str]]) -> Path:
    lines = ['version: "3.1"', "nlu:"]
    for intent, texts in intents.items():
        lines += [f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {text}" for text in texts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("example", "expected"),
    [
        ("[left](side)", "left"),
        ("my [left](side) leg", "my left leg"),
        ("did [7](reps:7) on the [right](side)", "did 7 on the right"),
        ('my [right]{"entity": "side", "value": "right"} leg', "my right leg"),
        ("Start My Session", "start my session"),
        ("It's SORE, really sore!", "it's sore really sore"),
        ("it's like a 3/10", "it's like a 3 10"),
        ("remind me at 18:00", "remind me at 18 00"),
        ("remind me at 6.30 in the morning", "remind me at 6 30 in the morning"),
        ("worse than it was :(", "worse than it was"),
        ("ok. done?", "ok done"),
        ("remind me at 7 a.m. tomorrow", "remind me at 7 a.m. tomorrow"),
        ("e.g. this", "e.g. this"),
        ("i\u2019m done", "i'm done"),
        ("'stop' please", "stop please"),
        ("the legs' ache", "the legs ache"),
        ("  lots   of \t space  ", "lots of space"),
        ("twenty-five reps", "twenty five reps"),
        ("café", "cafe"),
        ("\U0001f44d", ""),
        ("\u2705", ""),
    ],
)
def test_plain_text(example, expected):
    assert alexa_model.plain_text(example) == expected


def test_examples_are_collected_lowercased_and_deduplicated(tmp_path):
    one = write_nlu(tmp_path / "a.yml", {"greet": ["Hello", "hello!", "[hi](who) there"]})
    two = write_nlu(tmp_path / "b.yml", {"affirm": ["HELLO", "yes", "\U0001f44d"]})
    values = alexa_model.slot_values([two, one])
    assert values.kept == ["hello", "hi there", "yes"]
    assert values.too_long == values.over_cap == []


def test_only_intent_examples_are_read(tmp_path):
    path = tmp_path / "nlu.yml"
    path.write_text(
        'version: "3.1"\n'
        "nlu:\n"
        "  - synonym: physio\n"
        "    examples: |\n"
        "      - physiotherapist\n"
        "  - lookup: side\n"
        "    examples: |\n"
        "      - left\n"
        "  - intent: greet\n"
        "    examples:\n"
        "      - text: hi coach\n"
        "        metadata: {}\n",
        encoding="utf-8",
    )
    assert alexa_model.slot_values([path]).kept == ["hi coach"]


def test_values_over_140_characters_are_dropped(tmp_path):
    limit = "a" * 140
    too_long = "b" * 141
    path = write_nlu(tmp_path / "nlu.yml", {"x": [limit, too_long, "short one"]})
    values = alexa_model.slot_values([path])
    assert values.kept == [limit, "short one"]
    assert values.too_long == [too_long]


def test_the_cap_drops_the_longest_first_deterministically(tmp_path):
    texts = ["ccc", "a", "bb", "dd", "eeee", "f"]
    path = write_nlu(tmp_path / "nlu.yml", {"x": texts})
    values = alexa_model.slot_values([path], cap=4)
    assert values.kept == ["a", "bb", "dd", "f"]
    assert values.over_cap == ["ccc", "eeee"]
    path_reversed = write_nlu(tmp_path / "reversed.yml", {"x": texts[::-1]})
    assert alexa_model.slot_values([path_reversed], cap=4) == values


def test_values_come_from_the_project_data(project_values):
    kept = set(project_values.kept)
    assert {"start my session", "coach me through my leg lifts", "let's exercise"} <= kept
    assert len(kept) > 1000
    assert project_values.kept == sorted(kept)
    for value in kept:
        assert value and value == value.lower() and len(value) <= 140
        assert value == " ".join(value.split())
        assert all(ch.isascii() and (ch.isalnum() or ch in " '.") for ch in value), value


def test_invocation_name_follows_amazons_rules():
    name = alexa_model.INVOCATION_NAME
    assert alexa_model.invocation_problems(name) == []
    assert name == name.lower() and len(name.split()) >= 2
    forbidden = {"alexa", "amazon", "echo", "skill", "app", "launch", "ask", "tell", "open"}
    assert not forbidden & set(name.split())


@pytest.mark.parametrize(
    "name",
    [
        "coach",
        "Leg Lift Coach",
        "alexa leg coach",
        "leg lift skill",
        "open leg coach",
        "leg 2 lift",
    ],
)
def test_bad_invocation_names_are_caught(name):
    assert alexa_model.invocation_problems(name)


def test_model_structure():
    model = alexa_model.interaction_model(["start my session", "yes"])
    language = model["interactionModel"]["languageModel"]
    assert language["invocationName"] == "leg lift coach"
    intents = {intent["name"]: intent for intent in language["intents"]}
    coach = intents["CoachIntent"]
    assert coach["slots"] == [{"name": "utterance", "type": "CoachUtterance"}]
    assert coach["samples"] == ["{utterance}"]
    for built_in in (
        "AMAZON.StopIntent",
        "AMAZON.CancelIntent",
        "AMAZON.HelpIntent",
        "AMAZON.FallbackIntent",
        "AMAZON.NavigateHomeIntent",
    ):
        assert intents[built_in]["samples"] == []
    assert "AMAZON.YesIntent" not in intents and "AMAZON.NoIntent" not in intents
    assert set(intents) == {"CoachIntent", *alexa_model.BUILT_IN_INTENTS}
    (slot_type,) = language["types"]
    assert slot_type["name"] == "CoachUtterance"
    assert slot_type["values"] == [
        {"name": {"value": "start my session"}},
        {"name": {"value": "yes"}},
    ]


def test_main_writes_identical_deterministic_files(tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    assert alexa_model.main(["--out", str(first)]) == 0
    assert alexa_model.main(["--out", str(second)]) == 0
    summary = capsys.readouterr().out.strip().splitlines()
    assert len(summary) == 2 and "slot values" in summary[0] and "dropped" in summary[0]
    names = sorted(path.name for path in first.iterdir())
    assert names == ["interaction-model.en-GB.json", "interaction-model.en-US.json"]
    for name in names:
        text = (first / name).read_text(encoding="utf-8")
        assert text == (second / name).read_text(encoding="utf-8")
        assert text.endswith("}\n")
    us = (first / "interaction-model.en-US.json").read_text(encoding="utf-8")
    assert us == (first / "interaction-model.en-GB.json").read_text(encoding="utf-8")
    model = json.loads(us)
    values = model["interactionModel"]["languageModel"]["types"][0]["values"]
    assert "start my session" in [value["name"]["value"] for value in values]


def test_main_takes_nlu_files(tmp_path):
    path = write_nlu(tmp_path / "nlu.yml", {"greet": ["Hi [coach](who)!"]})
    assert alexa_model.main(["--out", str(tmp_path / "out"), str(path)]) == 0
    model = json.loads((tmp_path / "out" / "interaction-model.en-US.json").read_text())
    values = model["interactionModel"]["languageModel"]["types"][0]["values"]
    assert values == [{"name": {"value": "hi coach"}}]


def test_makefile_builds_every_locale():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = next(line for line in makefile.splitlines() if line.startswith("ALEXA_MODELS :="))
    assert line.split("foreach locale,")[1].split(",")[0].split() == list(alexa_model.LOCALES)

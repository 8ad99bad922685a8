"""The answers to questions (data/responses/*.yml) and their training data: one
answer per question, short enough to speak, every number from coach/protocol.py."""

import re
from pathlib import Path

import pytest
import yaml

from coach import protocol as p
from coach.conversation import QUESTION_INTENT, off_topic_response
from coach.pain import SEVERE_FROM, Thresholds
from coach.vocabulary import OFF_TOPIC_KINDS

ROOT = Path(__file__).resolve().parents[2]
PREFIX = f"utter_{QUESTION_INTENT}/"
# The pain scale the coach asks with ("from 0 to 10") and the pain model's bands
# (coach/pain.py) are the only other numbers.
PAIN_SCALE = {0, 10, Thresholds().fine_up_to, Thresholds().stop_above}
# The answer that explains the scale also names its bands: mild 1 to the fine
# threshold, moderate up to just under severe, severe from SEVERE_FROM.
PAIN_BANDS = {1, Thresholds().fine_up_to + 1, SEVERE_FROM - 1, SEVERE_FROM}
MIN_ANSWERS = 80
MIN_EXAMPLES = 6


def _responses() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "data" / "responses").glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text())["responses"]).items():
            assert name not in found, f"{name} twice"
            found[name] = variants
    return found


def _examples() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text()).get("nlu", []):
            if str(block.get("intent", "")).startswith(f"{QUESTION_INTENT}/"):
                lines = [line[2:] for line in block["examples"].splitlines() if line.strip()]
                found.setdefault(block["intent"].split("/", 1)[1], []).extend(lines)
    return found


ALL_RESPONSES = _responses()
RESPONSES = {name: v for name, v in ALL_RESPONSES.items() if name.startswith(PREFIX)}
ANSWERS = {name[len(PREFIX) :]: variants for name, variants in RESPONSES.items()}
# The rest say which kind of off-topic thing the coach can't help with.
OFF_TOPIC = {name: v for name, v in ALL_RESPONSES.items() if name not in RESPONSES}


def test_at_least_80_distinct_answers_all_answers_to_questions():
    texts = {variants[0]["text"] for variants in RESPONSES.values()}
    assert len(texts) == len(RESPONSES) >= MIN_ANSWERS


def test_each_off_topic_kind_has_its_own_short_redirect():
    assert set(OFF_TOPIC) == {off_topic_response(kind) for kind in OFF_TOPIC_KINDS}
    texts = {variants[0]["text"] for variants in OFF_TOPIC.values()}
    assert len(texts) == len(OFF_TOPIC)
    for text in texts:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
        assert len(sentences) <= 4 and "can't" in text and p.EXERCISE_NAME in text, text


@pytest.mark.parametrize("key", sorted(ANSWERS))
def test_each_answer_is_one_to_three_spoken_sentences(key):
    assert ANSWERS[key], f"{key} has no text"
    for variant in ANSWERS[key]:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", variant["text"].strip()) if s]
        assert 1 <= len(sentences) <= 3, variant["text"]
        assert len(variant["text"]) <= 400, "too long to speak"


@pytest.mark.parametrize("key", sorted(ANSWERS))
def test_every_number_an_answer_states_comes_from_the_protocol(key):
    allowed = p.stated_numbers() | PAIN_SCALE | (PAIN_BANDS if key == "pain_scale" else set())
    for variant in ANSWERS[key]:
        numbers = {int(n) for n in re.findall(r"\d+", variant["text"])}
        assert numbers <= allowed, (variant["text"], numbers - allowed)


def test_the_protocol_check_fails_on_a_wrong_number():
    wrong = "Hold it for 4 to 5 seconds."
    numbers = {int(n) for n in re.findall(r"\d+", wrong)}
    assert not numbers <= p.stated_numbers() | PAIN_SCALE


def test_key_numbers_are_stated_as_the_protocol_has_them():
    def text(key):
        return ANSWERS[key][0]["text"]

    assert p.HOLD_SECONDS.spoken("seconds") in text("how_long_to_hold")
    assert p.REPS_PER_SET.spoken() in text("reps_per_set")
    assert f"{p.SETS_PER_LEG} sets" in text("number_of_sets")
    assert p.BUILD_UP_REPS.spoken() in text("the_build_up_target")
    assert p.HOURS_BETWEEN_SESSIONS.spoken("hours") in text("gap_between_sessions")
    assert f"{p.SESSIONS_PER_WEEK} sessions a week" in text("sessions_per_week")
    assert f"{p.REST_BETWEEN_SETS_SECONDS // 60} minute" in text("rest_between_sets")
    assert p.ANKLE_WEIGHT_LB.spoken("lb") in text("ankle_weights")
    assert p.SESSION_MINUTES.spoken("minutes") in text("session_length")
    assert f"{p.SEE_DOCTOR_AFTER_WEEKS} weeks" in text("pain_that_persists")
    assert f"up to {Thresholds().fine_up_to} out of 10" in text("how_much_pain_is_ok")
    assert f"above {Thresholds().stop_above}" in text("how_much_pain_is_ok")
    # Pain during the lift, whatever the question's wording, comes with the bands too.
    assert f"up to {Thresholds().fine_up_to} out of 10" in text("pain_during_the_exercise")
    assert f"above {Thresholds().stop_above}" in text("pain_during_the_exercise")
    # More sets is answered with the build-up first; a band comes after 20 easy reps.
    assert f"{p.BUILD_UP_REPS.low} to {p.BUILD_UP_REPS.high} reps" in text("number_of_sets")
    assert f"once {p.BUILD_UP_REPS.high} reps are easy" in text("resistance_band").lower()
    assert f"{SEVERE_FROM} or more severe" in text("pain_scale")
    assert f"up to {Thresholds().fine_up_to} is fine" in text("pain_scale")


def test_every_answer_has_questions_and_every_question_an_answer():
    examples = _examples()
    assert set(examples) == set(ANSWERS)
    thin = {key: len(lines) for key, lines in examples.items() if len(lines) < MIN_EXAMPLES}
    assert not thin, thin


def test_units_a_speaker_would_misread_have_a_voice_variant():
    for key, variants in ANSWERS.items():
        if re.search(r"\d\s*lb\b", variants[0]["text"]):
            voice = [v for v in variants if v.get("channel") == "alexa"]
            assert voice and not re.search(r"\blb\b", voice[0]["text"]), key


def test_the_clinician_comes_first_where_the_answer_is_about_health():
    for key in (
        "after_surgery", "after_hip_replacement", "after_back_surgery", "pregnancy", "postnatal"
    ):  # fmt: skip
        text = ANSWERS[key][0]["text"].lower()
        assert any(who in text for who in ("surgeon", "physio", "doctor", "midwife")), key


def test_after_an_operation_the_answer_also_names_an_easier_version():
    assert "bent-knee" in ANSWERS["after_knee_surgery"][0]["text"]
    for key in ("after_surgery", "after_hip_replacement", "after_back_surgery"):
        text = ANSWERS[key][0]["text"].lower()
        assert "plan comes first" in text and ("bent" in text or "pillow" in text), key


def test_after_having_a_baby_is_not_the_pregnancy_answer():
    text = ANSWERS["postnatal"][0]["text"].lower()
    assert "caesarean" in text and "pregnan" not in text


WH_OPENER = re.compile(r"^\W*(?:how|what|whats|what's|when|where|which|why|who)\b", re.I)


def _asked_mostly_with_wh(questions: list[str]) -> bool:
    """A third or more of an answer's training questions open with how/what/when/..."""
    return bool(questions) and 3 * sum(bool(WH_OPENER.match(q)) for q in questions) >= len(
        questions
    )


ASKED_WITH_WH = sorted(key for key, qs in _examples().items() if _asked_mostly_with_wh(qs))


def test_many_answers_are_asked_mostly_with_how_or_what():
    assert len(ASKED_WITH_WH) >= 10


@pytest.mark.parametrize("key", ASKED_WITH_WH)
def test_a_yes_opens_only_answers_to_yes_no_questions(key):
    """ "How long do I rest?" is not answered "Yes, rest ...": an answer whose questions are
    a third or more how/what/when questions does not open with a yes."""
    assert not re.match(r"^\W*yes\b", ANSWERS[key][0]["text"], re.I)


@pytest.mark.parametrize("key", ["ankle_weights", "when_to_progress"])
def test_the_ankle_weight_step_is_the_protocols(key):
    # The weight comes after the top of the build-up, in the protocol's amount.
    said = ANSWERS[key][0]["text"]
    assert re.search(rf"\b{p.BUILD_UP_REPS.high} (?:reps )?are easy", said)
    assert p.ANKLE_WEIGHT_LB.spoken("lb") in said


def test_the_steps_push_the_leg_straight_back():
    # The movement itself: the leg pushed back, knee straight, up to about level.
    for key in ("steps_one_by_one", "how_to_do_it", "the_lift"):
        said = ANSWERS[key][0]["text"]
        assert re.search(r"\bpush\b.*\bback\b", said) and "level" in said, key

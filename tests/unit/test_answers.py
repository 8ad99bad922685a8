import importlib
import re

import pytest

from coach import answers, protocol

NUMBER_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"forty|sixty|seventy)\b",
    re.IGNORECASE,
)


def all_texts():
    for topic, answer in answers.ANSWERS.items():
        for part in (answer.short, answer.offer, answer.detail):
            if part:
                yield topic, part
    for name in ("DISCLAIMER", "GREETING", "NOTHING_TO_EXPAND", "ANYTHING_ELSE", "TROUBLE"):
        yield name, getattr(answers, name)
    yield "other_exercise", answers.other_exercise_answer("squats")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


@pytest.mark.parametrize(("topic", "text"), list(all_texts()))
def test_every_number_stated_comes_from_the_protocol(topic, text):
    stated = {int(n) for n in re.findall(r"\d+", text)}
    assert stated <= protocol.stated_numbers(), f"{topic}: {text}"
    assert not NUMBER_WORDS.search(text), f"{topic} spells a quantity out: {text}"


@pytest.mark.parametrize("topic", list(answers.ANSWERS))
def test_short_answers_are_short_enough_to_speak(topic):
    answer = answers.ANSWERS[topic]
    assert len(sentences(answer.short)) in (1, 2, 3), answer.short
    assert len(answer.short) <= 320
    if answer.offer:
        assert answer.offer.endswith("?")
        assert answer.detail, "an offer of more needs something more to give"


def test_answers_state_the_key_facts():
    a = answers.ANSWERS
    assert "2 to 3 seconds" in a["hold"].short
    assert "10 to 15" in a["reps"].short and "2 sets" in a["reps"].short
    assert "15 to 20" in a["reps"].detail
    assert "3 sessions a week" in a["frequency"].short and "48 to 72 hours" in a["frequency"].short
    assert "1 minute" in a["rest"].short
    assert "glute" in a["muscles"].short and "lower back" in a["muscles"].short
    assert all(word in a["progression"].short for word in ("1 to 2 lb", "band", "ball"))
    assert "prone hip extension" in a["what_is"].short
    assert "hands and knees" in a["start_position"].short
    assert "low back pain" in a["conditions"].short and "hip pain" in a["conditions"].short
    assert "diagnose" in a["medical"].short
    assert "2 weeks" in a["pain"].detail


def test_answers_follow_a_change_in_the_protocol(monkeypatch):
    monkeypatch.setattr(protocol, "HOLD_SECONDS", protocol.Span(4, 5))
    monkeypatch.setattr(protocol, "SESSIONS_PER_WEEK", 4)
    try:
        reloaded = importlib.reload(answers)
        assert "4 to 5 seconds" in reloaded.ANSWERS["hold"].short
        assert "4 sessions a week" in reloaded.ANSWERS["frequency"].short
    finally:
        monkeypatch.undo()
        importlib.reload(answers)

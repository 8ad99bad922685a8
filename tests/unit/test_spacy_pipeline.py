"""The project's spaCy pipeline (blank English + EntityRuler), as Rasa loads it."""

import pytest

from coach.numbers import parse_number
from coach.vocabulary import canonical
from nlp.build_pipeline import build


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    import spacy

    path = tmp_path_factory.mktemp("spacy") / "pipeline"
    build().to_disk(path)
    return spacy.load(path)  # loaded from disk by path, as Rasa's SpacyNLP does


def entities(nlp, text):
    return [(ent.label_, ent.text) for ent in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "label", "number"),
    [
        ("it's about seven out of ten", "pain_score", 7),
        ("sharp pain, like a 7/10", "pain_score", 7),
        ("maybe 4 / 10", "pain_score", 4),
        ("I did ten", "number", 10),
        ("managed twenty one reps", "number", 21),
        ("only 12 today", "number", 12),
    ],
)
def test_numbers_in_digits_or_words_are_found_and_read(nlp, text, label, number):
    found = [(lab, value) for lab, value in entities(nlp, text) if lab == label]
    assert len(found) == 1, entities(nlp, text)
    assert parse_number(found[0][1]) == number


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("my Lower Back twinges", "body_part", "lower back"),
        ("sore glutes", "body_part", "glute"),
        ("the back of my thigh", "body_part", "hamstring"),
        ("my left knee", "side", "left"),
        ("can I use ankle weights", "equipment", "ankle weight"),
        ("with a Swiss ball", "equipment", "ball"),
        ("a burning feeling", "pain_kind", "burning"),
        ("it hurts", "pain_word", "pain"),
        ("really bad", "severity", "severe"),
        ("how do I do a squat?", "other_exercise", "squats"),
        ("should I take an Advil", "medication", "ibuprofen"),
        ("do I need an MRI", "medical_test", "mri"),
    ],
)
def test_vocabulary_entities_are_found_with_their_canonical_value(nlp, text, label, value):
    found = [surface for lab, surface in entities(nlp, text) if lab == label]
    assert found, entities(nlp, text)
    assert canonical(label, found[0]) == value


def test_longest_phrase_wins(nlp):
    assert entities(nlp, "the back of my thigh aches") == [
        ("body_part", "back of my thigh"),
        ("pain_word", "aches"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my lower back twinges", {("body_part", "lower back"), ("pain_word", "pain")}),
        ("ouch", {("pain_word", "pain")}),
        (
            "sharp pain in my hip, like a 7",
            {("pain_kind", "sharp"), ("body_part", "hip"), ("number", "7")},
        ),
        ("it's a bit sore", {("severity", "mild"), ("pain_word", "pain")}),
        ("knees hurt on the floor", {("body_part", "knee"), ("pain_word", "pain")}),
        ("a dull ache in my left glute", {("pain_kind", "dull"), ("side", "left")}),
        ("burning, then numbness", {("pain_kind", "burning"), ("pain_kind", "numbness")}),
        ("tingling, really bad", {("pain_kind", "tingling"), ("severity", "severe")}),
        ("moderate I guess", {("severity", "moderate")}),
    ],
)
def test_pain_reports_yield_location_side_severity_and_kind(nlp, text, expected):
    """Entity values read back through the vocabulary, as the pain model reads them."""
    found = {
        (label, canonical(label, value) or value.lower()) for label, value in entities(nlp, text)
    }
    assert expected <= found, found

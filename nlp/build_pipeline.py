"""Build the project's spaCy pipeline: blank English plus an EntityRuler.

No pretrained model can be downloaded here, and Rasa only needs tokens and
entities from spaCy, so the pipeline is built from the project's own
vocabulary and saved to disk for Rasa's SpacyNLP to load by path.

    python -m nlp.build_pipeline build/spacy_pipeline
"""

import sys
from pathlib import Path

import spacy

from coach.vocabulary import ENTITY_VOCABULARY

TEN = {"LOWER": {"IN": ["10", "ten"]}}
NUMBER = {"LIKE_NUM": True}


def number_patterns() -> list[dict]:
    """Pain scores ("7/10", "seven out of ten") and plain numbers ("twenty one")."""
    return [
        {"label": "pain_score", "pattern": [NUMBER, {"LOWER": "out"}, {"LOWER": "of"}, TEN]},
        {"label": "pain_score", "pattern": [NUMBER, {"ORTH": "/"}, TEN]},
        {"label": "pain_score", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}/10$"}}]},
        # A fraction such as "7/10" is a pain score, never a plain number.
        {
            "label": "number",
            "pattern": [{"LIKE_NUM": True, "TEXT": {"REGEX": "^[^/]+$"}, "OP": "+"}],
        },
    ]


def vocabulary_patterns() -> list[dict]:
    return [
        {"label": label, "pattern": phrase, "id": value}
        for label, values in ENTITY_VOCABULARY.items()
        for value, phrases in values.items()
        for phrase in phrases
    ]


def build() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "prone_leg_lift_coach"
    nlp.meta["version"] = "1.0.0"
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(number_patterns() + vocabulary_patterns())
    return nlp


def main(argv: list[str]) -> None:
    target = Path(argv[1] if len(argv) > 1 else "build/spacy_pipeline")
    target.parent.mkdir(parents=True, exist_ok=True)
    build().to_disk(target)
    print(f"spaCy pipeline written to {target}")


if __name__ == "__main__":
    main(sys.argv)

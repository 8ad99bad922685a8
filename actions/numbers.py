"""Numbers as people type or say them: "7", "seven", "twenty one", "7/10", "seven out of ten"."""

import re

UNITS = {
    "zero": 0, "nil": 0, "none": 0, "oh": 0,
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Speech recognisers often hear these instead of the number.
SOUNDALIKES = {"won": "one", "to": "two", "too": "two", "for": "four", "ate": "eight"}

_OUT_OF_TEN = re.compile(r"^(?P<value>.+?)\s*(?:/|out of|outta|of)\s*(?:10|ten)$")
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")


def _word_number(words: list[str]) -> int | None:
    total = 0
    seen = False
    for word in words:
        word = SOUNDALIKES.get(word, word) if len(words) == 1 else word
        if word in ("and", "-"):
            continue
        if word in TENS:
            total += TENS[word]
        elif word in UNITS and not (word in ("a", "an") and len(words) > 1):
            total += UNITS[word]
        elif word == "hundred" and seen:
            total *= 100
        else:
            return None
        seen = True
    return total if seen else None


def parse_number(text: str) -> float | None:
    """Return the number in a short phrase, or None if it is not one.

    Scores said as "x out of ten" or "x/10" give x.
    """
    cleaned = " ".join(text.lower().replace("-", " ").split()).strip(" .!?,")
    if not cleaned:
        return None
    score = _OUT_OF_TEN.match(cleaned)
    if score:
        cleaned = score.group("value").strip()
    if _DIGITS.match(cleaned):
        value = float(cleaned)
        return int(value) if value.is_integer() else value
    if cleaned in ("a", "an"):
        return None
    return _word_number(cleaned.split())

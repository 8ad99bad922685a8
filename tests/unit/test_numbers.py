import pytest

from actions.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("10", 10),
        ("2.5", 2.5),
        ("seven", 7),
        ("Ten", 10),
        ("twelve", 12),
        ("twenty", 20),
        ("twenty one", 21),
        ("twenty-five", 25),
        ("seven out of ten", 7),
        ("7 out of 10", 7),
        ("7/10", 7),
        ("3 / 10", 3),
        ("eight outta ten", 8),
        ("zero", 0),
        ("one hundred", 100),
        ("won", 1),
        ("for", 4),
        ("  six. ", 6),
    ],
)
def test_numbers_in_digits_and_words(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "a", "lots", "seven dwarfs", "hundred", "ten out of"])
def test_non_numbers_give_none(text):
    assert parse_number(text) is None

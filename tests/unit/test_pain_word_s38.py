"""The contracted "pain's" ("pain's a 5") is normalised to "pains": still a pain word."""

import pytest

from coach import numbers


@pytest.mark.parametrize(
    "text", ["pain's a 5", "the pain's worse today", "my pains are back", "pains about a six"]
)
def test_contracted_and_plural_pain_is_a_pain_word(text):
    assert numbers.mentions_pain(text)


@pytest.mark.parametrize("text", ["painted the fence", "paint's drying", "spain was lovely"])
def test_words_that_only_contain_pain_are_not(text):
    assert not numbers.mentions_pain(text)

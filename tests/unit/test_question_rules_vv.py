"""Question kinds set uu showed (issue 17): a clinician's plan set against the coach's is
"follow theirs", whatever number or part the question names."""

import pytest

from coach import conversation


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the physio wants fewer lifts than you, whose do I go by?", "instead_of_physio"),
        ("my GP set 3 sets, which differs from yours, which is correct?", "instead_of_physio"),
        ("consultant says 5 a side or you say 10, who do I listen to?", "instead_of_physio"),
        ("the hospital gave me a different hold time, which should I do?", "instead_of_physio"),
        ("my physio gave me different exercises for my knee", None),  # no choice asked
        ("which leg do I start with?", None),
        ("how many reps is it again?", None),  # no clinician: the selector decides
    ],
)
def test_a_clinicians_plan_against_the_coachs_is_settled_by_its_words(text, key):
    assert conversation.answer_named_by_words(text) == key

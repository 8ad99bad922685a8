"""Question kinds set ww showed (issue 16): suitability asked with one's own condition is the
condition's answer; a clinician's figure set against the app's is theirs to follow; the next
day's check, a step up, as high as one can, a named part's stretch and another sport DIET
half read as out of scope each get their own answer."""

import pytest

from coach import conversation


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my surgeon says stop at 4 out of 10 pain but the app says 5, which do I go by?",
         "instead_of_physio"),
        ("the nurse told me 8 reps, the coach said 12, who should I trust?", "instead_of_physio"),
        ("what do I check the following morning?", "soreness_the_next_day"),
        ("what should I keep an eye on the morning after a session?", "soreness_the_next_day"),
        ("been on 2 sets of 12 easily for three weeks, can I move it up?", "the_build_up_target"),
        ("do I raise it as high as I physically can for a bigger burn?", "how_high_to_lift"),
        ("a cyclist with a stiff hip here, would these be helpful or a waste of time?",
         "hip_pain"),
        ("my hip is sore after these, should I stop?", None),
    ],
)  # fmt: skip
def test_the_words_settle_the_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "suits"),
    [
        ("an ache in my lower back lately, would these be a good idea for it?", True),
        ("would they be useful or a waste of time?", True),
        ("is it a good idea to carry on today?", False),
    ],
)
def test_suitability_said_many_ways(text, suits):
    assert bool(conversation.ASKS_IF_IT_SUITS.search(text)) is suits


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("any decent calf stretches?", True),
        ("best neck stretch for a desk worker", True),
        ("is this a hamstring stretch as well?", False),  # about the exercise itself
    ],
)
def test_a_named_parts_stretch_is_other_training(text, other):
    assert conversation.asks_for_other_training("faq", [], text, None) is other


def test_another_sport_diet_half_read_as_out_of_scope_is_settled():
    text = "is rowing fine for stiff ankles? might buy a machine"
    entities = [{"entity": "other_exercise", "value": "rowing", "start": text.index("rowing")}]
    assert conversation.rule_verdict("out_of_scope", entities, text, None) == "out_of_scope"

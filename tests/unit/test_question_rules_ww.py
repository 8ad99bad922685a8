"""Question kinds set vv showed (issue 16): a number with a unit is never a pain score;
another sport asked about gets the redirect; a diagnosis asked for goes to the doctor; a
count from the user's own sheet gets the dose; a mild ache while lifting gets the
pain thresholds."""

import pytest

from coach import conversation, numbers, pain


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("does this help back pain? I'm on my feet 9 hours a day", None),
        ("hip pain, I drive about 8 hrs most days", None),
        ("sore knees, I weigh about 9 stone", None),
        ("my back aches, walk maybe 4 miles a day", None),
        ("lower back pain on and off for about 6 yrs", None),
        ("the pain is about a 6", 6),
        ("hurts, maybe 4", 4),
        ("pain 7 after sitting 10 hrs", 7),  # the pain word makes the 7 a score
    ],
)
def test_a_number_with_a_unit_is_never_a_pain_score(text, score):
    assert numbers.read_pain_score(text) == score
    assert pain.read_severity([], text) == score


@pytest.mark.parametrize(
    ("text", "asked"),
    [("about 8 hrs", None), ("around 6 mins", None), ("about a 6", 6), ("5", 5)],
)
def test_a_quantity_answering_how_bad_is_still_no_score(text, asked):
    assert numbers.read_pain_score(text, asked=True) == asked


def _exercise(text: str, said: str, value: str) -> list[dict]:
    start = text.index(said)
    return [{"entity": "other_exercise", "value": value, "start": start}]


@pytest.mark.parametrize(
    ("text", "said", "value", "redirect"),
    [
        ("is rowing kind to sore hips?", "rowing", "rowing", True),
        ("would a swim ease my stiff back", "swim", "swimming", True),
        ("should i take up jogging to slim down", "jogging", "running", True),
        ("can i do these after cycling", "cycling", "cycling", False),  # around a session
        ("i go swimming on mondays, which day for these?", "swimming", "swimming", False),
    ],
)
@pytest.mark.parametrize("intent", ["nlu_fallback", "pain"])
def test_another_sport_asked_about_gets_the_redirect(text, said, value, redirect, intent):
    entities = _exercise(text, said, value)
    verdict = conversation.rule_verdict(intent, entities, text, None)
    assert (verdict == "out_of_scope") is redirect


def test_a_pain_score_said_beside_another_sport_stays_a_pain_report():
    text = "is a treadmill ok for a dodgy ankle, pain about 6"
    entities = _exercise(text, "treadmill", "running")
    assert conversation.rule_verdict("pain", entities, text, None) != "out_of_scope"


@pytest.mark.parametrize(
    ("text", "intent", "medical"),
    [
        ("could i be anaemic? i get out of breath on stairs", "nlu_fallback", True),
        ("might i have an allergy, my eyes keep streaming", "nlu_fallback", True),
        ("can you work out if i have gout", "out_of_scope", True),
        ("do i have hay fever, what are the symptoms", "faq", True),
        ("do i have to do both legs", "nlu_fallback", False),
        ("do i have a rest between the sets", "faq", False),
        ("could i be diabetic, always hungry", "faq", True),
        ("could i be doing more reps", "nlu_fallback", False),
    ],
)
def test_a_diagnosis_asked_for_goes_to_the_doctor(text, intent, medical):
    assert (conversation.rule_verdict(intent, [], text, None) == "ask_medical") is medical


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the handout from clinic says 8, is that enough?", "reps_per_set"),
        ("my programme has 12 on it, should i be doing more?", "reps_per_set"),
        ("a slight burn in my buttock as i lift, is that expected?", "how_much_pain_is_ok"),
        ("little bit of soreness when i raise the leg, is that fine", "how_much_pain_is_ok"),
        ("slight ache while lifting but it's sharp now, normal?", None),  # sharp: not mild
    ],
)
def test_a_sheets_count_and_a_mild_ache_are_settled_by_their_words(text, key):
    assert conversation.answer_named_by_words(text) == key

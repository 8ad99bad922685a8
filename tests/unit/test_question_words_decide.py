"""Questions whose own words settle the answer, whatever scene comes with them (issue 16,
the kinds set dd showed): setting up before the lift, going higher than level, a break
when tired, the next step at the top of the range, a back ache asked about, and other
training asked for."""

import pytest

from coach import conversation

YOGA = [{"entity": "other_exercise", "value": "yoga"}]
ACHE = [{"entity": "pain_word", "value": "achy"}, {"entity": "body_part", "value": "lower back"}]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # The scene (age, a lost sheet, a back history) comes first; the question decides.
        (
            "I'm 61 and the leaflet went in the bin. My hip's been iffy. How do I set myself up?",
            "starting_position",
        ),
        ("where am i supposed to set up before lifting", "starting_position"),
        ("how do I set up the band", None),  # setting up a thing is not the position
        ("how do i set up a reminder", None),
        ("can I take the leg past level if I'm bendy from gymnastics?", "how_high_to_lift"),
        ("is lifting above my hips better for a stretch", "how_high_to_lift"),
        ("worn out a few reps in, can I pause for a moment?", "breaks_when_tired"),
        ("can I stop for a bit?", None),  # no tiredness said: the selector decides
        ("I can do 3 sets of 25 easily, what now?", "harder_variations"),
        ("what comes next after twenty a side", "harder_variations"),
        ("what comes next after 2 sets of 10", None),  # below the top: the build-up
        ("is it ok if my hips turn so the leg gets higher than my back", None),  # the pelvis
        ("should I push the leg higher even if it's hard", "how_high_to_lift"),
        ("a whole minute of rest between every lift, really?", "rest_between_sets"),
        ("do I lock out my knee or keep a slight bend", "knee_straight"),
        (
            "the bent-knee version is fine now, when can I go to a straight leg",
            "from_bent_to_straight_leg",
        ),
        ("my hip gets sore when I add extra reps, what now", "pain_when_adding_reps"),
        ("no pain at all when I add extra reps, what now", None),
        ("my meniscus repair was in May, are these ok for me", "after_knee_surgery"),
    ],
)
def test_the_questions_own_words_settle_its_answer(text, key):
    assert conversation.answer_named_by_words(text) == key


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("my low back has been achy for a month from driving, would these sort it out?", True),
        ("my low back is achy, can I still do them?", False),  # whether to exercise: a report
    ],
)
def test_asking_if_it_sorts_out_a_back_ache_gets_the_low_back_answer(text, answered):
    verdict = conversation.rule_verdict("faq", ACHE, text, "other_names")
    assert (verdict == conversation.QUESTION_INTENT) is answered
    assert conversation.condition_answer(ACHE, "other_names") == "low_back_pain"


@pytest.mark.parametrize(
    ("text", "entities", "answer", "off_topic"),
    [
        ("what's a decent yoga class for stiff people?", YOGA, "clothing", True),
        ("which yoga mat is best", YOGA, "mat", False),  # no routine asked for
        ("can I do a yoga class after these?", YOGA, "with_other_exercise", False),
        ("good stretches for a stiff neck", [], "stretching_afterwards", True),
        ("good stretches for after the leg lifts", [], "stretching_afterwards", False),
    ],
)
def test_other_training_asked_for_is_out_of_scope(text, entities, answer, off_topic):
    verdict = conversation.rule_verdict("faq", entities, text, answer)
    assert (verdict == "out_of_scope") is off_topic


def test_other_training_asked_for_gets_the_other_exercise_redirect():
    state = conversation.State(disclaimer_given=True)
    asked = conversation.answer_question("out_of_scope", [], state, text="stretches for my calves?")
    assert "only coach" in asked.messages[0].text
    other = conversation.answer_question("out_of_scope", [], state, text="tell me a joke")
    assert other.messages[0].text != asked.messages[0].text

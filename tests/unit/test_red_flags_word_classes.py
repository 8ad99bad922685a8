"""Word classes of the red-flag screen that came back in new words round after round: each
table says a family several ways, with the near misses that must stay clear."""

import pytest

from coach import protocol, red_flags
from coach.red_flags import EMERGENCY, SOON, screen


def verdict(text: str) -> tuple[str | None, str | None]:
    """The sign and urgency flagged, ("asked", sign) for a yes/no question, or (None, None)."""
    found = red_flags.check(text)
    if found.flag is not None:
        return found.flag.sign, found.flag.urgency
    if found.suspected is not None:
        return found.suspected.sign, "asked"
    return None, None


# Pain that stays for the weeks the clinical notes name, said with or without a number
# or the word pain, in any order, and inside a count or a score.
PERSISTENT = [
    "my lower back still aches, been weeks of this",
    "been months now and the hip pain is still there",
    "ever since January my back hurts every day",
    "the score hasn't moved in a month, still a 6 out of 10",
    "I'm still 4/10 most mornings, three weeks into the plan",
    "a month in, my back is not feeling any easier",
    "the ache hasn't got any better since the start of last month",
    "been ages and it's still sore every morning",
    "still pain every day after four weeks of the programme",
]
NOT_PERSISTENT = [
    "stiff for a week after I began, fine since",
    "my back ached for one week and then eased",
    "still 0/10 after three weeks, love it",
    "three weeks in and much better, not getting any worse",
    "five weeks of lifts and my back feels great",
    "how many weeks until it stops being sore?",
]


def test_the_weeks_that_count_come_from_the_protocol():
    assert protocol.SEE_DOCTOR_AFTER_WEEKS == 2  # "a week" is below it, "weeks" is not


@pytest.mark.parametrize("text", PERSISTENT)
def test_pain_still_there_after_weeks_is_persistent_pain(text):
    assert verdict(text) == ("persistent_pain", SOON), text


@pytest.mark.parametrize("text", NOT_PERSISTENT)
def test_pain_below_the_span_or_easing_is_not_persistent(text):
    assert screen(text) is None, text


# Emergencies in slang or indirect words.
EMERGENCY_SLANG = [
    ("cant go for a wee since lunch, 7/10 today", "bladder"),
    ("cant have a wee at all today, what now", "bladder"),
    ("can't have a slash since last night", "bladder"),
    ("cant pass water since breakfast 8/10", "bladder"),
    ("another mishap from my bowels last night, I didn't even notice it", "incontinence"),
    ("bit of a bowel mishap on the train this morning", "incontinence"),
    ("can't feel my feet properly today", "both_legs"),
    ("my feet have gone numb and they're staying that way", "both_legs"),
    ("my foot is numb, in fact either of them is", "both_legs"),
]
NOT_EMERGENCY_SLANG = [
    "a little mishap with the dumbbell, dropped it on the mat",
    "my feet went numb after sitting on them",
    "my feet are numb from the cold walk home",
]


@pytest.mark.parametrize(("text", "sign"), EMERGENCY_SLANG)
def test_emergencies_in_slang_or_indirect_words_are_emergencies(text, sign):
    assert verdict(text) == (sign, EMERGENCY), text


@pytest.mark.parametrize("text", NOT_EMERGENCY_SLANG)
def test_slang_near_misses_stay_clear(text):
    assert screen(text) is None, text


def test_a_negated_opening_is_a_report_but_one_that_asks_of_someone_is_a_question():
    assert screen("cant go for a wee, what do i do") is not None
    assert red_flags._opens_with_question(range(3), ["can", "not", "i"])
    assert not red_flags._opens_with_question(range(3), ["can", "not", "pee"])


# Cancer, now or in the past, said as what the user was or is.
CANCER = [
    "ex chemo patient from years back, is this safe?",
    "cancer survivor here, is lifting safe",
    "in remission since 2021 (prostate), can I start these?",
    "had ovarian cancer a few years ago",
]
NOT_CANCER = [
    "I'm an oncology nurse, the shifts wreck my back",
    "I work on a cancer ward and lift people all day",
    "my uncle had cancer but is in remission",
    "my gran is a cancer survivor",
    "my colitis has been in remission for a year",
]


@pytest.mark.parametrize("text", CANCER)
def test_a_cancer_history_said_as_a_survivor_or_in_remission_is_found(text):
    assert verdict(text) == ("cancer", SOON), text


@pytest.mark.parametrize("text", NOT_CANCER)
def test_work_with_cancer_or_a_relatives_cancer_is_not_the_users(text):
    assert screen(text) is None, text


# Pain below the knee with its start named, in any order.
BELOW_KNEE = [
    "stabbing pain in my shin that starts from my lower back",
    "a burning ache into my foot, it begins in my bum",
    "electric pain along my shin which begins at my hip",
]
NOT_BELOW_KNEE = [
    "my shin hurts, I bumped it on the bed frame",
    "sharp pain in my calf from a cramp last night",
    "the ache in my ankle is a bruise from football",
]


@pytest.mark.parametrize("text", BELOW_KNEE)
def test_pain_below_the_knee_with_its_route_from_the_back_or_hip_is_found(text):
    assert verdict(text) == ("below_knee", SOON), text


@pytest.mark.parametrize("text", NOT_BELOW_KNEE)
def test_a_knock_or_a_cramp_in_the_leg_itself_is_not_spreading_pain(text):
    assert screen(text) is None, text


# "Is it normal to <sign>?": asked about when bare, flagged when something personal follows;
# "what does it mean?" and a question asked in advance are only explained.
IS_IT_NORMAL_ASKED = [
    ("is it normal to run a temperature with a bad back?", "fever"),
    ("is it usual to be losing weight out of the blue with a bad back?", "weight_loss"),
    ("is it normal to get night sweats with back ache?", "night_sweats"),
]
IS_IT_NORMAL_REPORTED = [
    (
        "is it common to leak from the back passage with sciatica? it keeps happening",
        "incontinence",
    ),  # fmt: skip
    (
        "is it usual to go numb around the back passage with sciatica? My bum's been numb since "
        "Friday.",
        "saddle_numbness",
    ),  # fmt: skip
    ("is it normal to have a fever with back pain? mine's been high all week", "fever"),
]
ONLY_EXPLAINED = [
    "what does a fever mean when you have back pain?",
    "what should I do if I ever get a fever? just asking in advance",
    "if my bottom ever went numb, who would I call? asking beforehand so I'm ready",
]


@pytest.mark.parametrize(("text", "sign"), IS_IT_NORMAL_ASKED)
def test_is_it_normal_about_a_sign_asks_the_signs_question(text, sign):
    found = red_flags.check(text)
    assert found.flag is None, text
    assert found.about is not None and found.suspected is not None, text
    assert found.suspected.sign == sign, text


@pytest.mark.parametrize(("text", "sign"), IS_IT_NORMAL_REPORTED)
def test_is_it_normal_followed_by_something_personal_is_the_users_report(text, sign):
    assert verdict(text)[0] == sign, text


@pytest.mark.parametrize("text", ONLY_EXPLAINED)
def test_what_a_sign_means_or_a_case_in_advance_is_explained_not_asked(text):
    found = red_flags.check(text)
    assert found.flag is None and found.suspected is None, text
    assert found.about is not None, text


# Near misses that read like a sign and are not the user's.
NEAR_MISSES = [
    "are night pains a warning sign? for me it only hurts in the afternoons",
    "is night pain a warning sign? I sleep fine, it's just mornings",
    "never had a sore back in my life, I'm 17 and just want a strong core",
    "I'm 16 and I've never had backache, my coach suggested these",
    "my uncle collapsed when his legs buckled, he's in hospital; I started these so it won't "
    "happen to me",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_with_a_sign_word_are_neither_flagged_nor_asked(text):
    assert verdict(text) == (None, None), text


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("I'm 17 and never had back pain until this week", "age"),
        ("I'm 18, never had back pain, but my back hurts now", "age"),
        ("my back pain wakes me at night, it's only eased in the day", "night_pain"),
    ],
)
def test_the_same_words_with_the_sign_new_or_at_night_are_still_found(text, sign):
    assert verdict(text)[0] == sign, text

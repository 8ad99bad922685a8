"""Round s38h (issue 15): the see-soon signs and the near misses of 2026-11-28g, by kind.

Night pain said as a peak in the small hours, or as rest that changes nothing; pain up by
the shoulder blades said in dialect ("me shoulders"); pain the same for a span given in
days, as "a month later", or as a count of sessions that takes two weeks at the protocol's
pace. And the near misses: a case put as "hypothetically", "suppose" or "if ... would",
answered as a case (the sign's information, no flag); a wallet "losing weight"; a feeling
denied ("don't feel weak, just stiff"); a spill or a kitchen mishap called an accident; an
upper back sore from sunburn or a pulled muscle. All sentences are our own."""

import pytest

from coach import protocol
from coach.red_flags import SOON, check, screen


def _flagged(text: str, sign: str) -> bool:
    flag = screen(text)
    return flag is not None and (flag.sign, flag.urgency) == (sign, SOON)


@pytest.mark.parametrize(
    "text",
    [
        "the ache peaks around 4am when I'm lying in bed",
        "my back is worst in the wee hours, every single night",
        "the soreness is at its worst in the middle of the night",
        "lying down makes not a bit of difference, the ache is there all day",
        "resting gives zero relief and nothing touches the pain",
        "my back throbs, nothing shifts it and it's with me every waking hour",
    ],
)
def test_night_or_constant_pain_said_as_a_peak_or_as_rest_changing_nothing(text):
    assert _flagged(text, "night_pain"), check(text)


@pytest.mark.parametrize(
    "text",
    [
        "my back's sore in between me shoulders",
        "there's an ache up the top of me back",
        "pain between me shoulder blades since Tuesday",
    ],
)
def test_upper_back_pain_said_in_dialect(text):
    assert _flagged(text, "upper_back"), check(text)


@pytest.mark.parametrize(
    "text",
    [
        "nineteen days of the lifts and zero improvement in my back",
        "17 days now and not a bit of progress with the ache",
        "month later and my hip is still as painful as ever",
        "a fortnight on and the soreness hasn't shifted",
        "done 12 sessions and the ache is no better",
        "ten workouts in and my back hasn't budged",
    ],
)
def test_pain_no_better_over_a_span_in_days_months_or_sessions(text):
    assert _flagged(text, "persistent_pain"), check(text)


def test_sessions_count_as_two_weeks_only_at_the_protocols_pace():
    fewest = protocol.SESSIONS_PER_WEEK * protocol.SEE_DOCTOR_AFTER_WEEKS + 1
    assert _flagged(f"done {fewest} sessions and the ache is no better", "persistent_pain")
    assert screen(f"done {fewest - 1} sessions and the ache is no better") is None


@pytest.mark.parametrize(
    "text",
    [
        "6 days in and still a little sore",
        "four days later and the ache is no better yet",
        "did 3 sessions and the back is no better so far",
    ],
)
def test_a_span_under_two_weeks_is_not_the_persistent_sign(text):
    assert screen(text) is None, screen(text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("if I ever ran a temperature would I have to skip my lifts?", "fever"),
        ("hypothetically, if the ache spread down past my knee, would that be bad?", "below_knee"),
        ("suppose both my legs went weak, should I stop the exercise?", "both_legs"),
        ("would it matter if my legs felt weak halfway through?", "both_legs"),
        ("imagine I dropped a stone without trying, would that count?", "weight_loss"),
    ],
)
def test_a_case_put_is_answered_as_a_case_not_flagged(text, sign):
    screening = check(text)
    assert screening.flag is None, screening
    assert screening.about is not None and screening.about.sign == sign, screening
    assert screening.suspected is None, screening


def test_a_habit_said_with_if_is_still_the_users_own():
    # Present tense: it happens to the user whenever they sit; not a case put.
    assert screen("if I sit for long my legs go numb, would that be my back?") is not None


@pytest.mark.parametrize(
    "text",
    [
        # Money, not the body.
        "my savings account is losing weight quicker than I am",
        "my wallet is losing weight this month, payday can't come soon enough",
        # A feeling denied, something milder said instead.
        "my legs don't feel weak, just a bit stiff",
        "honestly I can't feel any difference in my balance yet",
        "can't feel any improvement in my flexibility so far",
        # An accident that is no fall and no toilet matter.
        "knocked my coffee over my jeans, a bit of an accident",
        "had a little accident with the blender, lemonade everywhere",
        # An upper back explained: sunburn, a muscle pulled reaching, a pillow or a desk.
        "my upper back is sunburnt and sore after the beach",
        "pulled a muscle reaching for a box, my upper back twinges",
        "slept on a bad pillow and it's stiff between my shoulder blades",
        "my shoulders are stiff from hunching at my desk",
    ],
)
def test_near_misses_stay_quiet(text):
    screening = check(text)
    assert screening.flag is None and screening.suspected is None, screening


def test_the_signs_themselves_are_still_found():
    assert _flagged("I've lost a stone without trying and my back hurts", "weight_loss")
    assert screen("my legs feel weak and my back hurts") is not None
    assert screen("I can't feel my bum or my groin") is not None
    assert _flagged("was in a car accident on Monday and my back is sore", "trauma")
    assert _flagged("my upper back aches", "upper_back")

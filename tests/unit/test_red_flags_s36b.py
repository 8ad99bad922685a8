"""Red flags, round s36b: urinary retention said as an urge with nothing coming, legs that
"gave in" or "gave oot", a bowel euphemism that can no longer be held in asked as "is it
normal ... any more?", a span's count heard as a soundalike ("tree weeks", "to weeks"),
and near misses: someone else's sign told as past and over, worn knees, sleeplessness
with no pain, a case to come, a "not me" said beside someone else's sign."""

import pytest

from coach.red_flags import EMERGENCY, SIGNS, check, screen


@pytest.mark.parametrize(
    "text",
    [
        "urge to wee? yes, then nothing happens, all day today",
        "keep needing to go and nothing comes out since this morning",
        "feel like I've got to go but nothing happens when I try",
    ],
)
def test_an_urge_to_go_with_nothing_coming_is_retention(text):
    assert screen(text).sign == "bladder", text


def test_a_poo_that_will_not_come_is_not_retention():
    assert screen("need to go for a poo but nothing comes out") is None


@pytest.mark.parametrize(
    "text",
    [
        "my legs gave in halfway across the car park",
        "both my knees gave in going down the steps",
        "ma legs keep givin oot on me",
        "her legs just gave oot, the both of them",  # said for another: still the advice
    ],
)
def test_legs_that_gave_in_or_gave_oot_are_giving_way(text):
    flag = screen(text)
    assert flag is not None and flag.sign == "legs_giving_way", text


@pytest.mark.parametrize(
    "text",
    [
        "I can't keep my bowels in these days",
        "cannot keep a number 2 in since Friday",
        "is it normal to be unable to hold a poo in any more?",
        "is it normal to not be able to hold in my number twos now?",
        "is it normal that a number two won't stay in since the weekend?",
    ],
)
def test_a_bowel_euphemism_no_longer_held_in_is_the_users_emergency(text):
    flag = screen(text)
    assert flag is not None and flag.urgency == EMERGENCY, text


def test_a_general_normal_question_without_a_change_is_still_only_asked():
    result = check("is it normal to not be able to hold in a number two?")
    assert result.flag is None and result.suspected is SIGNS["incontinence"]
    # Of people in general, "any more" does not make it the asker's.
    result = check("is it normal for people to lose bowel control anymore?")
    assert result.flag is None


@pytest.mark.parametrize(
    "text",
    [
        "the ache has not changed for to weeks",
        "my back has hurt the same over the past for weeks",
        "pain's a three, same as it's been for the last tree weeks",
        "pain about a four, same as it was for about tree weeks",
    ],
)
def test_a_spans_count_heard_as_a_soundalike_is_persistent_pain(text):
    assert screen(text).sign == "persistent_pain", text


@pytest.mark.parametrize(
    "text",
    [
        "it's been sore for weeks",  # no count: "for" stays "for"
        "pain is a three, same as it was yesterday",
        "my reps are the same as they were last week",
    ],
)
def test_a_soundalike_only_counts_before_a_span(text):
    assert screen(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "my husband's legs gave way last month, he's fine now",
        "mum's legs went from under her once, ages ago, she's fine now",
        "my brother's legs gave out a couple of years ago, he's recovered now. "
        "I'm doing these for my hip",
    ],
)
def test_someone_elses_sign_past_and_over_is_nothing(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "she's fine otherwise but her legs keep giving way",  # not over
        "my legs gave way last month, I'm fine now",  # the user's own
        # The user's own sign said beside another's that is over.
        "my wife lost control of her bladder last year, she's fine now, "
        "but I can't pee since monday",
    ],
)
def test_a_sign_not_over_or_the_users_own_is_still_flagged(text):
    assert screen(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "both knees are shot, kneeling is agony",
        "both my knees are kaput after years of football",
        "both knees are gone, kneeling on the mat is out",
        "both my knees are useless for kneeling",
    ],
)
def test_worn_knees_are_not_both_legs_weak(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "both my legs are shot, I can't feel them properly",
        "both my legs are useless since this morning",
        "both my knees went numb and useless",
    ],
)
def test_legs_shot_or_useless_are_still_both_legs(text):
    assert screen(text).sign == "both_legs", text


@pytest.mark.parametrize(
    "text",
    ["I can't sleep at night, any ideas for insomnia?", "cannot get to sleep at night lately"],
)
def test_sleeplessness_with_no_pain_is_no_sign(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "can't get to sleep at night with the back pain",
        "I can't sleep at night because of my back",
        "I can't sleep, the ache never lets up",
    ],
)
def test_sleeplessness_with_pain_is_still_night_pain(text):
    assert screen(text).sign == "night_pain", text


def test_a_case_to_come_later_is_explained_not_asked():
    result = check("what if the ache shoots below my knee later on?")
    assert result.flag is None and result.suspected is None
    assert result.about is SIGNS["below_knee"]
    # Without a time to come it may be the user's own: still asked.
    assert check("what if the pain spreads down my leg?").suspected is SIGNS["below_knee"]


@pytest.mark.parametrize(
    "text",
    [
        "my partner's pain goes down to her toes, I don't, just a stiff back",
        "my wife gets pain right down into her foot, not me though, my back is just stiff",
    ],
)
def test_someone_elses_sign_with_the_user_saying_not_me_is_nothing(text):
    result = check(text)
    assert result.flag is None and result.suspected is None, (text, result)


def test_someone_elses_sign_beside_the_users_own_pain_is_still_asked():
    result = check("my husband has sciatica down to his foot and my back hurts")
    assert result.flag is None and result.suspected is SIGNS["below_knee"]

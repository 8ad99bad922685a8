"""Red-flag kinds that came back in the s35c round: a denial typed with its apostrophe
astray or its vowels dropped, "even" inside a denial, and "went" typed without its vowel
before where the legs went; and a relative's soon sign said with their own back pain, which
gets the advice as if the user's (the user writes for them), as an emergency of theirs does."""

import pytest

from coach.red_flags import EMERGENCY, SOON
from tests.unit.test_red_flags_word_classes import verdict

FOUND = [
    # The apostrophe in the wrong place, or the vowels left out, is still a denial.
    ("i had'nt passed any water by lunchtime and my back aches", "bladder"),
    ("did'nt feel the need for a wee once today", "bladder"),
    ("hvnt had a wee since yesterday tea time", "bladder"),
    # "Even" only stresses the denial.
    ("i never even get the urge to wee these days", "bladder"),
    ("I don't even notice when I need the loo now", "bladder"),
    # "Went" typed as "wnt", before where the legs went.
    ("both legs wnt out from under me on the stairs", "legs_giving_way"),
    ("me legs wnt down under me in the garden", "legs_giving_way"),
]

THEIRS_WITH_BACK_PAIN = [
    ("my father takes prednisone daily and now his lower back is sore", "immunity"),
    ("my gran has been on long-term steroid tablets and her back has started aching", "immunity"),
    ("my aunt has dropped two stone without dieting and her back hurts", "weight_loss"),
]

# The relative's sign with the user's own back pain: asked about, as for their other
# immunity words.
ASKED = ["my sister is on steroid tablets and my own back is stiff"]

CLEAR = [
    # The relative's sign with no back pain said: nothing to flag.
    "my grandad has been on steroids for years",
    # A likeness, not use.
    "my trainer says my legs will look like I'm on roids soon",
    # "Wnt" elsewhere may be "want": nothing read into it.
    "i wnt to try the harder level today",
    # A denial stressed with "even" stays a denial.
    "not even a hint of numbness anywhere, all good",
]


@pytest.mark.parametrize(("text", "sign"), FOUND)
def test_a_typed_denial_or_dropped_vowel_still_reads_the_emergency(text, sign):
    assert verdict(text) == (sign, EMERGENCY)


@pytest.mark.parametrize(("text", "sign"), THEIRS_WITH_BACK_PAIN)
def test_a_relatives_soon_sign_with_their_back_pain_gets_the_advice(text, sign):
    assert verdict(text) == (sign, SOON)


@pytest.mark.parametrize("text", ASKED)
def test_a_relatives_sign_with_the_users_back_pain_is_asked_about(text):
    assert verdict(text)[1] == "asked"


@pytest.mark.parametrize("text", CLEAR)
def test_a_near_miss_stays_clear(text):
    assert verdict(text) == (None, None)

"""Ordinary chat in a set (issue 17, stop 37e).

- Safety: a number with a word for how it feels ("5, brutal") is a pain score, never a
  count; a number said roughly and alone ("6ish", "maybe a 4") is asked about: reps, or
  pain out of 10? A plain number, or one after "did", stays a count.
- A rep taken back "too" / "either" / "as well", or "neither did that one": one more off.
- "Ok", "cheers", "thanks coach" mid-set are no rep: where the user is, and what is left.
"""

import pytest

from tests.unit.chat import in_a_set

MID_SET_INTENTS = ["report_reps", "count_rep", "nlu_fallback", "pain"]


def _left(chat):
    return chat.session["reps"][0]["left"]


def _three_in() -> object:
    chat = in_a_set()
    for said in ("1", "2", "3"):
        chat.say("count_rep", said)
    assert _left(chat) == 3
    return chat


def _buttons(chat):
    return [button for message in chat.outcome.reply.messages for button in message.buttons]


# -- a number with a feeling word is pain ----------------------------------------------


@pytest.mark.parametrize("intent", MID_SET_INTENTS)
@pytest.mark.parametrize(
    "said, score",
    [
        ("9, absolutely brutal", 9),
        ("ugh 8 - it's grim", 8),
        ("nine and it's killing", 9),
        ("horrible, an 8", 8),
        ("eight. awful", 8),
        ("ouch 9", 9),
        ("8 so rough", 8),
    ],
)
def test_a_number_with_a_feeling_word_is_a_severe_pain_score(intent, said, score):
    chat = _three_in()
    reply = chat.say(intent, said)
    assert f"Pain of {score} out of 10" in reply, reply
    assert chat.session is None or _left(chat) == 3  # never counted as reps


@pytest.mark.parametrize("intent", MID_SET_INTENTS)
@pytest.mark.parametrize("said", ["5, nasty", "4 - pretty rough", "five, feels sore"])
def test_a_middling_score_in_feeling_words_keeps_the_count(intent, said):
    chat = _three_in()
    reply = chat.say(intent, said)
    assert "out of 10" in reply, reply
    assert _left(chat) == 3


@pytest.mark.parametrize("said", ["did 8, nasty", "6 reps, brutal", "2 more, rough going"])
def test_a_count_word_keeps_the_number_a_count(said):
    chat = _three_in()
    chat.say("report_reps", said)
    assert chat.session is not None and _left(chat) != 3, said


# -- a rough number alone is asked about -------------------------------------------------


@pytest.mark.parametrize("intent", MID_SET_INTENTS)
@pytest.mark.parametrize(
    "said, n", [("6ish", 6), ("maybe a 4", 4), ("around a five", 5), ("6 or so", 6)]
)
def test_a_rough_number_alone_asks_reps_or_pain(intent, said, n):
    chat = _three_in()
    reply = chat.say(intent, said)
    assert f"Just to check: {n} reps, or pain {n} out of 10?" in reply, reply
    assert _left(chat) == 3
    labels = [label for label, _ in _buttons(chat)]
    assert labels == [f"{n} reps", f"Pain {n}/10"]


@pytest.mark.parametrize("answer", ["6 reps", "reps", "the count"])
def test_answered_reps_counts_it(answer):
    chat = _three_in()
    chat.say("report_reps", "6ish")
    reply = chat.say("report_reps", answer)
    assert _left(chat) == 6, reply
    assert not chat.session.get("check")


@pytest.mark.parametrize("answer", ["pain 6 out of 10", "pain", "it's the pain score"])
def test_answered_pain_takes_the_score(answer):
    chat = _three_in()
    chat.say("count_rep", "6ish")
    reply = chat.say("nlu_fallback", answer)
    assert "Pain of 6 out of 10" in reply, reply
    assert _left(chat) == 3


@pytest.mark.parametrize("said, left", [("7", 7), ("did 2", 5), ("4 done", 4)])
def test_a_plain_number_stays_a_count(said, left):
    chat = _three_in()
    reply = chat.say("report_reps", said)
    assert "out of 10" not in reply
    assert _left(chat) == left, reply


# -- one more taken off ------------------------------------------------------------------


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "nlu_fallback"])
@pytest.mark.parametrize(
    "said",
    [
        "this one doesn't count either",
        "bin that rep too",
        "forget that one as well",
        "and neither did that one",
        "nor that one",
        "the last one didn't count either",
    ],
)
def test_one_more_taken_off(intent, said):
    chat = _three_in()
    chat.say("count_rep", "4")
    chat.say("report_reps", "that one doesn't count")
    assert _left(chat) == 3
    reply = chat.say(intent, said)
    assert _left(chat) == 2, reply
    assert "corrected" in reply


# -- acknowledgements are no reps --------------------------------------------------------


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "nlu_fallback", "thank", "affirm"])
@pytest.mark.parametrize(
    "said",
    ["thanks", "thank you very much", "cheers mate", "okay", "alright then", "cool", "got it"],
)
def test_an_acknowledgement_is_no_rep(intent, said):
    chat = _three_in()
    reply = chat.say(intent, said)
    assert _left(chat) == 3, reply
    assert "3 of 10 done on your left leg, 7 to go" in reply


@pytest.mark.parametrize("said, left", [("another", 4), ("1 more", 4), ("did one", 4)])
def test_a_rep_word_still_counts(said, left):
    chat = _three_in()
    chat.say("count_rep", said)
    assert _left(chat) == left


@pytest.mark.parametrize("said", ["9, awful", "horrid - 8"])
def test_pain_in_feeling_words_wins_over_an_open_question(said):
    chat = _three_in()
    chat.say("count_rep", "4")
    assert "is it 2 in all?" in chat.say("report_reps", "so that's 2 in total")
    reply = chat.say("report_reps", said)
    assert "out of 10 is too much" in reply, reply


def test_pain_in_feeling_words_at_rest_is_pain_not_the_next_set():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    reply = chat.say("nlu_fallback", "8, grim")
    assert "Pain of 8 out of 10" in reply, reply

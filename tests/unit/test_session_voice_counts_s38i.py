"""Counts by voice (s38i, issue 17). To "did you get all 10, and how did it feel?" after a
paced leg, a hedged plain number with no pain word is the count, never a pain score; a pain
word or a pain form makes it pain; a count and a score in one message are both kept; a
number said the way a score is said ("about a six") with nothing to tell which is asked
about once. After "how many have you done now?", "done" or "finished" is the whole leg.
After "undo" just after a batch, more reps reported instead of an answer count on."""

import pytest

from coach import numbers
from tests.unit.chat import after_a_paced_set, in_a_set

VOICE = {"voice": True}
# Intents a classifier may give a hedged number after a paced leg.
INTENTS = ["report_reps", "pain", "affirm", "nlu_fallback", "count_rep"]


def _left(chat) -> int:
    return chat.session["reps"][0]["left"]


def _buttons(chat):
    return [button for message in chat.outcome.reply.messages for button in message.buttons]


# -- 1. a hedged number after a paced leg is the count ------------------------------------

HEDGED_COUNTS = [
    ("I'd say about seven", 7),
    ("reckon five", 5),
    ("hmm, probably 8 or so", 8),
    ("I guess four", 4),
    ("id say 6", 6),
    ("maybe nine I think", 9),
    ("uh roughly three give or take", 3),
    ("I suppose six", 6),
]


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize(("said", "n"), HEDGED_COUNTS)
def test_a_hedged_number_after_a_paced_leg_is_the_count(intent, said, n):
    chat = after_a_paced_set()
    reply = chat.say(intent, said, metadata=VOICE)
    assert f"{n} on your left leg recorded" in reply
    assert "Pain of" not in reply and "stop this set" not in reply
    assert chat.session["phase"] == "active" and not chat.session["pain"]
    assert _left(chat) == n


@pytest.mark.parametrize(
    ("said", "score"),
    [
        ("hurts like a 6", 6),
        ("pain 6", 6),
        ("about 6 out of 10 pain", 6),
        ("my hip aches, about a 6", 6),
        ("maybe a 6, it's sore", 6),
    ],
)
def test_a_pain_word_or_form_makes_the_number_pain(said, score):
    chat = after_a_paced_set()
    reply = chat.say("nlu_fallback", said, metadata=VOICE)
    assert f"Pain of {score} out of 10" in reply and "stop this set" in reply
    assert chat.session["pain"] == [score] and chat.session["phase"] == "rest"


@pytest.mark.parametrize("said", ["it hurts like an 8", "maybe 7, my back's really sore"])
def test_a_high_score_with_a_pain_word_stops_for_today(said):
    chat = after_a_paced_set()
    assert "stop the exercise for today" in chat.say("nlu_fallback", said, metadata=VOICE)


@pytest.mark.parametrize(
    ("said", "reps", "score"),
    [
        ("about 7, hurts like a 6", 7, 6),
        ("I'd say eight, pain about 2", 8, 2),
        ("reckon six, the ache is a 3", 6, 3),
        ("probably 9; pain was 4", 9, 4),
    ],
)
def test_a_count_and_a_pain_score_together_are_both_kept(said, reps, score):
    chat = after_a_paced_set()
    reply = chat.say("report_reps", said, metadata=VOICE)
    assert f"Pain of {score} out of 10" in reply
    assert chat.session["pain"] == [score] and _left(chat) == reps


@pytest.mark.parametrize(
    ("said", "n"),
    [("about a six", 6), ("probably a seven", 7), ("like a 5 I guess", 5), ("a four maybe", 4)],
)
def test_a_number_said_like_a_score_with_nothing_to_tell_is_asked_about(said, n):
    chat = after_a_paced_set()
    reply = chat.say("nlu_fallback", said, metadata=VOICE)
    assert f"Is that {n} reps, or pain of {n}?" in reply
    assert [title for title, _ in _buttons(chat)] == [f"{n} reps", f"Pain {n}/10"]
    assert not chat.session["pain"] and chat.session["phase"] == "active"


@pytest.mark.parametrize("answer", ["reps", "{n} reps", "the reps"])
def test_reps_to_that_question_is_the_count(answer):
    chat = after_a_paced_set()
    chat.say("nlu_fallback", "probably a seven", metadata=VOICE)
    reply = chat.say("report_reps", answer.format(n=7), metadata=VOICE)
    assert "7 on your left leg recorded" in reply and not chat.session["pain"]


@pytest.mark.parametrize("answer", ["pain", "the pain one", "pain 7 out of 10"])
def test_pain_to_that_question_is_the_pain(answer):
    chat = after_a_paced_set()
    chat.say("nlu_fallback", "probably a seven", metadata=VOICE)
    reply = chat.say("pain", answer, metadata=VOICE)
    assert "Pain of 7 out of 10 is too much" in reply


@pytest.mark.parametrize(
    ("said", "n"),
    [("I'd say about six", 6), ("reckon eight", 8), ("probably 6 or so", 6), ("7ish", 7)],
)
def test_the_grammar_reads_a_hedged_plain_number(said, n):
    assert numbers.hedged_count(said) == n


@pytest.mark.parametrize(
    "said", ["6", "about a six", "pain about 6", "maybe 6, it aches", "reckon a tree", "sort of"]
)
def test_other_words_are_no_hedged_plain_number(said):
    assert numbers.hedged_count(said) is None


# -- 2. "done" to "how many have you done now?" --------------------------------------------

ASKS_HOW_MANY = "How many have you done now? Say a number, or all of them."


def _asked_how_many_now():
    chat = after_a_paced_set()
    chat.say("affirm", "hmm kind of", metadata=VOICE)  # asked how many
    chat.say("report_reps", "i think i got about six", metadata=VOICE)
    assert ASKS_HOW_MANY in chat.say("affirm", "sort of", metadata=VOICE)
    return chat


@pytest.mark.parametrize("intent", ["affirm", "report_reps", "count_rep", "stop_session"])
@pytest.mark.parametrize(
    "said", ["done", "finished", "that's it", "yep all done", "I'm finished now", "that's all"]
)
def test_done_after_how_many_now_is_the_whole_leg(intent, said):
    chat = _asked_how_many_now()
    reply = chat.say(intent, said, metadata=VOICE)
    assert "10 on your left leg" in reply and "right leg" in reply
    assert _left(chat) == 10


def test_done_after_a_number_said_since_is_not_read_as_that_answer():
    chat = _asked_how_many_now()
    chat.say("report_reps", "eight", metadata=VOICE)
    assert _left(chat) == 8
    chat.say("count_rep", "done", metadata=VOICE)
    assert _left(chat) != 10


# -- 3. more reps reported instead of answering "all 6, or just the last one?" -----------


@pytest.mark.parametrize("voice", [None, VOICE])
@pytest.mark.parametrize("intent", ["report_reps", "count_rep"])
@pytest.mark.parametrize(
    ("said", "total"), [("3 more", 9), ("another two", 8), ("did 3 more", 9), ("plus two", 8)]
)
def test_more_reps_instead_of_the_undo_answer_count_on(voice, intent, said, total):
    chat = in_a_set()
    chat.say("report_reps", "did 6", metadata=voice)
    asked = chat.say("undo", "undo", metadata=voice)
    assert "Take back all 6, or just the last one?" in asked
    reply = chat.say(intent, said, metadata=voice)
    assert f"{total} of 10 on your left leg" in reply and f"{10 - total} to go" in reply
    assert chat.session["check"] is None and _left(chat) == total


@pytest.mark.parametrize("voice", [None, VOICE])
def test_one_more_rep_instead_of_the_undo_answer_says_the_new_total(voice):
    chat = in_a_set()
    chat.say("report_reps", "did 6", metadata=voice)
    chat.say("undo", "undo", metadata=voice)
    reply = chat.say("count_rep", "plus one", metadata=voice)
    assert reply.startswith("7") and chat.session["check"] is None and _left(chat) == 7

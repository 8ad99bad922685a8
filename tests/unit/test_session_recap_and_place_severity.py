"""Just after a session, a question about that session ("how many reps was it?", "how long
did it take?") gets its reps (per set and leg) and its time, not when the next one is; a
body part said to be mild, moderate or bad without the word pain is a pain report, read as
the pain model reads the word; and a count word a speech recogniser mishears ("ate", "for")
is read where a count goes."""

import pytest

from coach import numbers
from tests.unit.chat import Chat, after_a_full_session, in_a_set

NEXT_SESSION = "Your last session was"


def stopped_after_13() -> Chat:
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    for said in ("1", "2", "3"):
        chat.say("count_rep", said)
    chat.say("stop_session", "that's me finished, stopping now")
    return chat


RECAP_QUESTIONS = [
    "so how many reps was it?",
    "how many lifts was that in the end",
    "how much was that then",
    "how long did it take?",
    "how long did that last",
    "how long was i going for",
    "how long have i been at it",
    "how many did we just do",
    "how much have i done",
]


@pytest.mark.parametrize("asked", RECAP_QUESTIONS)
@pytest.mark.parametrize("intent", ["ask_next_session", "ask_progress", "nlu_fallback"])
def test_a_question_about_the_session_just_stopped_gets_its_reps_and_time(asked, intent):
    chat = stopped_after_13()
    reply = chat.say(intent, asked)
    assert "13 reps in all (set 1: left 10, right 3)" in reply
    assert "Time: under a minute" in reply
    assert NEXT_SESSION not in reply


@pytest.mark.parametrize("asked", RECAP_QUESTIONS[:5])
def test_a_question_about_a_finished_session_gets_every_set(asked):
    chat = after_a_full_session()
    reply = chat.say("ask_next_session", asked)
    assert "40 reps in all (set 1: left 10, right 10; set 2: left 10, right 10)" in reply
    assert NEXT_SESSION not in reply


@pytest.mark.parametrize(
    "asked", ["when's my next one?", "when can I go again?", "when should I do the next one"]
)
def test_when_the_next_one_is_still_gets_the_next_session(asked):
    chat = stopped_after_13()
    reply = chat.say("ask_next_session", asked)
    assert NEXT_SESSION in reply and "13 reps in all" not in reply


def test_the_same_question_by_voice_is_answered_the_same():
    chat = stopped_after_13()
    reply = chat.say("ask_next_session", "how many reps was it", metadata={"voice": True})
    assert "13 reps in all" in reply and NEXT_SESSION not in reply


def test_a_long_while_after_the_session_the_question_is_no_recap():
    chat = stopped_after_13()
    chat.now += 2 * 3600
    reply = chat.say("nlu_fallback", "how long did it take?")
    assert "13 reps in all" not in reply


@pytest.mark.parametrize(
    ("said", "score"),
    [
        ("my lower back feels moderate this evening", 5),
        ("the hip is moderate", 5),
        ("knees are mild this morning", 2),
        ("my glute is slight today", 2),
        ("hips pretty bad tonight", 7),
        ("my backs really bad", 8),
        ("the knee is bad", 6),
        ("thigh was quite bad earlier", 6),
        ("back is awful", 8),
        ("my hamstring is horrible", 8),
        ("groin is severe", 8),
        ("my back has been not too bad", 3),
        ("hip not bad now", 2),
        ("my leg is feeling moderate", 5),
        ("my back is excruciating", 10),
    ],
)
def test_a_place_and_how_bad_it_is_read_as_the_pain_model_reads_the_word(said, score):
    assert numbers.read_pain_score(said) == score


@pytest.mark.parametrize(
    "said",
    [
        "my back is good today",
        "hip feels fine",
        "my left leg was bad, only 6",
        "the other leg is bad at keeping up",
        "what if my back is moderate?",
        "is it okay if my knee is bad",
        "my back isnt bad",
        "my form was bad",
        "is it for when your back is bad",
        "good for people whose knees are moderate",
    ],
)
def test_no_pain_score_without_a_place_said_to_hurt(said):
    assert numbers.read_pain_score(said) is None


@pytest.mark.parametrize("when", ["before", "during"])
def test_a_moderate_place_offers_the_easier_version_as_a_pain_report_does(when):
    chat = Chat() if when == "before" else in_a_set()
    reply = chat.say("nlu_fallback", "my knee feels moderate tonight")
    assert "Moderate pain" in reply and "out of 10" not in reply  # the user's word, no number
    assert "easier" in reply or "lighter" in reply
    if when == "before":
        assert "2 sets of 7 reps" in chat.say("start_session", "go on then, start")


def test_a_severe_place_during_a_set_stops_it():
    chat = in_a_set()
    reply = chat.say("nlu_fallback", "hips horrible now")
    assert "Severe pain" in reply and "stop" in reply.lower()


@pytest.mark.parametrize(
    "said",
    [
        "my back was rough last night",
        "hip is playing up",
        "knees not great today",
        "my back has been acting up",
        "glutes are niggling",
    ],
)
@pytest.mark.parametrize("when", ["before", "during"])
def test_a_place_said_to_be_troubling_is_asked_how_bad(said, when):
    chat = Chat() if when == "before" else in_a_set()
    reply = chat.say("nlu_fallback", said)
    assert "How bad is it" in reply and "didn't catch" not in reply


@pytest.mark.parametrize(
    ("said", "kind", "value"),
    [
        ("did ate", numbers.TOTAL, 8),
        ("did ate reps", numbers.TOTAL, 8),
        ("i did for of them", numbers.TOTAL, 4),
        ("sicks reps", numbers.COUNT, 6),
        ("nein of them", numbers.COUNT, 9),
        ("fore", numbers.COUNT, 4),
        ("too more", numbers.MORE, 2),
        ("another to", numbers.MORE, 2),
        ("for more", numbers.MORE, 4),
        ("only managed ate", numbers.FINISHED, 8),
        ("got to sicks", numbers.FINISHED, 6),
    ],
)
def test_a_misheard_count_word_is_read_where_a_count_goes(said, kind, value):
    count = numbers.read_count(said)
    assert count is not None and (count.kind, count.value) == (kind, value)


@pytest.mark.parametrize(
    "said",
    [
        "i did it for my back",
        "ready to go",
        "i went for a walk",
        "too many",
        "i did to the end",
        "forget it",
        "for the last one i bent my knee",
    ],
)
def test_the_same_words_as_words_are_no_count(said):
    assert numbers.read_count(said) is None

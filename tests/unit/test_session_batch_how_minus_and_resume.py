"""Kinds from scored blind sessions: a batch said with how it was done is still N more, a
correction down by N may close on a filler word, resuming after a pause while "carrying
on, or is that it?" is open carries on, and a start closing a set-up remark starts. The
table also reads a batch on a named side and a total said of the leg it is on."""

import pytest

from coach import numbers
from tests.unit.chat import Chat, in_a_set


@pytest.mark.parametrize(
    ("said", "kind", "value"),
    [
        # A batch, then how it was done: still that many more.
        ("did 3 more holding each at the top", numbers.MORE, 3),
        ("ok done 2 more nice and slow", numbers.MORE, 2),
        ("managed another 5 more squeezing my glutes", numbers.MORE, 5),
        ("did four more with my hips square", numbers.MORE, 4),
        ("did 3 more keeping each one slow", numbers.MORE, 3),
        # A correction down by N, closed by a filler word.
        ("minus 2 actually", numbers.LESS, 2),
        ("minus three then", numbers.LESS, 3),
        ("take 1 off please", numbers.LESS, 1),
        ("knock two off actually", numbers.LESS, 2),
        ("minus one", numbers.LESS, 1),
        # A side named with "on the": a batch on that side.
        ("twelve more on the left", numbers.MORE, 12),
        ("ok 6 more on the right now", numbers.MORE, 6),
        ("did 4 more on my left", numbers.MORE, 4),
        # A total, then the leg it is of: the leg's count so far.
        ("so I've got 7 in total on this leg", numbers.TOTAL, 7),
        ("that's 6 altogether on this one", numbers.TOTAL, 6),
        ("done 9 so far on the right side", numbers.TOTAL, 9),
    ],
)
def test_batch_and_total_wordings_from_scored_sessions_are_read(said, kind, value):
    count = numbers.read_count(said)
    assert count is not None and (count.kind, count.value) == (kind, value)


@pytest.mark.parametrize(
    "said",
    ["did 3 more to go", "did 2 more than last week", "did 2 more sets", "did 3 more making 9"],
)
def test_n_more_then_what_is_left_planned_compared_or_a_total_is_not_a_batch_then_how(said):
    count = numbers.read_count(said)
    assert count is None or count.kind != numbers.MORE or count.value != int(said.split()[1])


def test_a_batch_then_how_counts_on_from_where_the_leg_was():
    chat = in_a_set()
    chat.say("report_reps", "did 5")
    chat.say("continue_session", "carry on")
    reply = chat.say("report_reps", "did 3 more holding each at the top")
    assert "8 of 10" in reply and "Switch" not in reply


@pytest.mark.parametrize(
    ("intent", "said"),
    [("affirm", "ok I'm back, unpause"), ("continue_session", "right, resume please")],
)
def test_resuming_at_carrying_on_or_is_that_it_carries_on(intent, said):
    chat = in_a_set()
    assert "is that it for this leg" in chat.say("report_reps", "did 4")
    assert "Paused" in chat.say("pause_session", "hang on, someone at the door")
    reply = chat.say(intent, said)
    assert "carry on from rep 5" in reply and "Switch" not in reply
    assert chat.session["phase"] == "active" and not chat.session["check"]
    assert "6 to go" in chat.say("ask_progress", "how many to go")


def test_a_question_about_a_batch_is_asked_again_on_resume():
    chat = in_a_set()
    for said in ("one", "two", "three"):
        chat.say("count_rep", said)
    chat.say("report_reps", "2 more")
    assert "5 more, or 5 in all" in chat.say("report_reps", "did 5")
    chat.say("pause_session", "pause")
    reply = chat.say("continue_session", "resume")
    assert "carry on from rep 6" in reply and "5 more, or 5 in all" in reply


@pytest.mark.parametrize(
    "said", ["mat is down and I'm on all fours, start", "got a cushion under my knees so let's go"]
)
def test_a_start_closing_a_set_up_remark_starts_the_session(said):
    chat = Chat()
    reply = chat.say("nlu_fallback", said)
    assert "Set 1, left leg" in reply or "Say ready" in reply
    assert chat.session is not None


def test_a_start_closing_a_question_does_not_start():
    chat = Chat()
    chat.say("ask_technique", "is a towel ok under my knees, or should I start without?")
    assert chat.session is None

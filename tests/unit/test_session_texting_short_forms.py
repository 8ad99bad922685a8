"""Texting short forms of the session words ("nxt", "rdy", "n e x t", "yup", "k") are those
words in a session: a rep, ready, yes, ok."""

import pytest

from coach.conversation import chat_short_form
from coach.dialogue import tidy
from tests.unit.chat import Chat, in_a_set


@pytest.mark.parametrize("typed", ["nxt", "nex", "n e x t", "NXT!", "dne", "done!!"])
def test_a_short_form_of_next_or_done_in_a_set_is_a_rep(typed):
    chat = in_a_set()
    chat.say("count_rep", "done")
    assert chat.say("nlu_fallback", typed).startswith("That's 2")
    assert chat.session["reps"][0]["left"] == 2


def test_a_short_form_of_ready_starts_the_set():
    chat = Chat()
    chat.say("start_session", "start my session")
    assert chat.say("nlu_fallback", "rdy").startswith("Set 1, left leg")


@pytest.mark.parametrize("typed, word", [("rdy now", "ready now"), ("k", "ok"), ("kk", "ok")])
def test_short_forms_are_tidied_to_their_words(typed, word):
    assert tidy(typed) == word


@pytest.mark.parametrize("typed", ["yep", "yup!", "ya", "yeh", "yuppp"])
def test_a_short_yes_on_its_own_is_a_yes(typed):
    assert chat_short_form(typed) == "affirm"


def test_a_lone_n_between_words_is_still_and():
    assert tidy("left n right") == "left and right"
    assert tidy("next n done") == "next and done"

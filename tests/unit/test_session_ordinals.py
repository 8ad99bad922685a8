"""An ordinal names the rep just done: a running count, never the end of a leg, whatever
the classifier said and whatever verb of finishing comes with it."""

import pytest

from coach.numbers import COUNT, SET_TO, read_count, read_counts
from tests.unit.chat import in_a_set


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("I've finished the first lift", 1),
        ("that was the second rep done", 2),
        ("third one completed", 3),
        ("I have just done the fourth", 4),
        ("fifth finished", 5),
        ("sixth", 6),
        ("and now the seventh", 7),
        ("eighth one down", 8),
        ("that's the ninth", 9),
        ("tenth done now", 10),
        ("completed the twelfth rep", 12),
        ("ok the 3rd", 3),
        ("2nd done", 2),
    ],
)
def test_an_ordinal_is_the_number_of_the_rep(said, value):
    reading = read_count(said)
    assert reading is not None and reading.kind == COUNT and reading.value == value


@pytest.mark.parametrize("said", ["first leg done", "second set finished", "give me a second"])
def test_an_ordinal_of_a_leg_or_a_set_or_a_moment_is_no_rep(said):
    reading = read_count(said)
    assert reading is None or reading.kind != COUNT


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "nlu_fallback", "stop_session"])
def test_ordinals_count_along_and_never_close_the_leg(intent):
    chat = in_a_set()
    said = chat.say(intent, "I've completed the first rep")
    assert "Well done" not in said and chat.session["reps"][0]["left"] == 1
    said = chat.say(intent, "that is the second one finished")
    assert "Well done" not in said and chat.session["reps"][0]["left"] == 2
    said = chat.say(intent, "third done")
    assert "Well done" not in said and chat.session["reps"][0]["left"] == 3
    assert chat.session["leg"] == "left"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("hang on that's wrong, 6", 6),
        ("no, that is wrong, it's 5", 5),
        ("oops that was wrong I'm on 4", 4),
        ("scrap that, 3", 3),
        ("my mistake, it was 8", 8),
        ("not right, 2", 2),
        ("wait, wrong number, 9", 9),
        ("strike that, seven", 7),
    ],
)
def test_words_saying_the_count_is_wrong_put_it_right(said, value):
    reading = read_count(said)
    assert reading is not None and reading.kind == SET_TO and reading.value == value
    assert read_counts(said) == []


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "nlu_fallback"])
def test_a_count_said_wrong_is_corrected_not_asked_about(intent):
    chat = in_a_set()
    chat.say("report_reps", "I'm on 8")
    said = chat.say(intent, "hang on that's wrong, 6")
    assert "more, or" not in said and chat.session["reps"][0]["left"] == 6

"""A leg named "1st"/"2nd" is that leg, never a rep numbered 1 or 2; and a bare count with a
finishing question after it ("5, finished?") is counted, then answered from the state."""

import pytest

from coach.numbers import read_count
from tests.unit.chat import in_a_set, number


@pytest.mark.parametrize(
    ("said", "value"),
    [("8 on the 1st leg", 8), ("did 9 with my 2nd leg", 9), ("7 on the 1st side", 7)],
)
def test_a_leg_named_by_a_numbered_ordinal_keeps_the_batch(said, value):
    reading = read_count(said)
    assert reading is not None and reading.value == value


def test_a_batch_for_the_1st_leg_after_the_switch_is_not_the_second_legs():
    chat = in_a_set()
    chat.say("report_reps", "10", number(10))
    assert chat.session["leg"] == "right"
    said = chat.say("report_reps", "8 on the 1st leg", number(8) + number("1st"))
    assert chat.session["reps"][0]["right"] == 0
    assert "left leg" in said


@pytest.mark.parametrize("said", ["5, finished?", "5. all done?", "5 - are we done?"])
def test_a_bare_count_then_are_we_done_is_counted_and_answered(said):
    chat = in_a_set()
    chat.say("report_reps", "2", number(2))
    reply = chat.say("report_reps", said, number(5))
    assert chat.session["reps"][0] == {"left": 5, "right": 0}
    assert chat.session["leg"] == "left"
    assert reply.startswith("Not yet") and "5 to go" in reply


def test_a_bare_count_that_ends_the_leg_then_a_check_says_the_leg_is_over():
    chat = in_a_set()
    chat.say("report_reps", "4", number(4))
    reply = chat.say("report_reps", "10. done?", number(10))
    assert chat.session["reps"][0] == {"left": 10, "right": 0}
    assert "left leg done" in reply and "right leg" in reply


@pytest.mark.parametrize(("first", "said", "right"), [(10, "9 plus 9", 9), (8, "8 and 6", 6)])
def test_both_legs_said_on_the_second_leg_keep_the_first_and_say_so(first, said, right):
    chat = in_a_set()
    chat.say("report_reps", f"{first} that's it for this leg", number(first))
    assert chat.session["leg"] == "right"
    reply = chat.say("report_reps", said)
    assert chat.session["reps"][0] == {"left": first, "right": right}
    assert reply.startswith("Your left leg") and f"{first}" in reply

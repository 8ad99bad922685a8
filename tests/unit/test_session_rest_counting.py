"""A rep said at rest (issue 17): "done" straight after a set ends the rest; "done" once the
coach has already reminded the user to say ready is the first rep of the next set."""

from tests.unit.chat import in_a_set


def _resting(skip: bool):
    chat = in_a_set()
    chat.say("count_rep", "did 3")
    if skip:
        chat.say("skip", "my leg is not right today, skip this set")
    else:
        chat.say("count_rep", "carry on")
        chat.say("count_rep", "7 more")
        chat.say("count_rep", "did 10")
    assert chat.session["phase"] == "rest"
    return chat


def test_done_straight_after_the_set_starts_the_next_set_uncounted():
    chat = _resting(skip=False)
    said = chat.say("count_rep", "done")
    assert "set 2" in said.lower() and chat.session["reps"][1]["left"] == 0


def test_done_after_a_reminder_at_rest_is_the_first_rep_of_the_next_set():
    for skip in (True, False):
        chat = _resting(skip)
        chat.say("affirm", "okay")  # told again: resting, say ready
        said = chat.say("count_rep", "done")
        assert chat.session["set_number"] == 2 and chat.session["reps"][1]["left"] == 1, said
        chat.say("count_rep", "2 more")
        assert chat.session["reps"][1]["left"] == 3


def test_ready_after_a_reminder_still_starts_the_set_uncounted():
    chat = _resting(skip=True)
    chat.say("affirm", "okay")
    chat.say("continue_session", "ready")
    assert chat.session["set_number"] == 2 and chat.session["reps"][1]["left"] == 0


def test_a_spoken_filler_before_ready_still_starts_the_set():
    from coach.dialogue import LETS_GO

    for text in ("uh-huh, ready", "mhm ready", "mm hmm lets go", "erm ready now", "uh huh ready"):
        assert LETS_GO.match(text), text
    assert not LETS_GO.match("uh huh not ready")

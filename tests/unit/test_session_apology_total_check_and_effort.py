"""A yes led by an apology or filler at a voice check, a count said together with a total
to be checked, and a remark on the effort mid-session. Phrasings are the team's own."""

import pytest

from coach import numbers
from tests.unit.chat import Chat, after_a_paced_set, in_a_set

VOICE = {"voice": True}


@pytest.mark.parametrize(
    "text",
    [
        "sorry yes all of them",
        "so sorry, yeah every one",
        "oops sorry yep got them all",
        "ah sorry yes the lot",
        "um sorry yeah all 10",
        "erm yes did them all",
        "oh yes all ten of them",
    ],
)
def test_a_yes_led_by_an_apology_or_filler_records_the_paced_set(text):
    chat = after_a_paced_set()
    reply = chat.say("nlu_fallback", text, metadata=VOICE)
    assert "didn't catch" not in reply
    assert chat.session["reps"][0]["left"] == 10
    assert chat.session["leg"] == "right"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("sorry yes all of them", numbers.ALL, None),
        ("sorry yeah 6", numbers.COUNT, 6),
        ("oh sorry yep 9 done", None, 9),
        # An apology with no yes still puts the count right, as before.
        ("sorry 7", numbers.SET_TO, 7),
        ("sorry no", None, None),
    ],
)
def test_an_apology_before_a_yes_is_read_past(text, kind, value):
    count = numbers.read_count(text)
    if kind is None and value is None:
        assert count is None
        return
    assert count is not None and count.value == value
    if kind is not None:
        assert count.kind == kind


def at_the_last_leg() -> Chat:
    chat = in_a_set()
    for step in ("did 10", "ready", "did 10", "ready", "did 10"):
        chat.say("report_reps" if "did" in step else "continue_session", step)
    assert chat.session["set_number"] == 2 and chat.session["leg"] == "right"
    return chat


@pytest.mark.parametrize(
    "text",
    [
        "10 more. so 40 in total right?",
        "another ten, that's 40 altogether yeah?",
        "did the other ten; 40 in all, right?",
    ],
)
def test_a_count_then_a_total_check_ends_the_session_and_confirms_it(text):
    chat = at_the_last_leg()
    reply = chat.say("nlu_fallback", text)
    assert "That's the session done" in reply
    assert reply.rstrip().endswith("Yes, that's right.")
    assert chat.session is None or chat.session.get("phase") in (None, "done")


def test_a_count_then_a_wrong_total_is_counted_and_put_right():
    chat = at_the_last_leg()
    reply = chat.say("nlu_fallback", "4 more, so that's 38 in total right?")
    assert reply.index("4 of 10 on your right leg") < reply.index("Not quite: it's 34.")
    assert chat.session["reps"][1]["right"] == 4


def test_a_total_check_alone_is_still_only_checked():
    chat = at_the_last_leg()
    reply = chat.say("nlu_fallback", "so that's 30 in all right?")
    assert "Yes, that's right." in reply and "So far today: 30" in reply
    assert chat.session["reps"][1]["right"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "phew I'm dripping here",
        "blimey this is a proper workout",
        "puffing a bit now",
        "getting a real sweat on",
    ],
)
def test_a_remark_on_the_effort_gets_a_word_then_the_pending_question(text):
    chat = after_a_paced_set()
    reply = chat.say("nlu_fallback", text, metadata=VOICE)
    assert reply.startswith("Sounds like you're working hard")
    assert "did you get all 10 on your left leg" in reply
    assert chat.session["reps"][0]["left"] == 0  # not taken as the set confirmed


@pytest.mark.parametrize(
    "text",
    ["sweating and a bit light headed", "I feel dizzy", "the cat just walked past"],
)
def test_other_remarks_are_not_waved_through_as_effort(text):
    chat = after_a_paced_set()
    reply = chat.say("nlu_fallback", text, metadata=VOICE)
    assert "working hard" not in reply


@pytest.mark.parametrize(
    ("intent", "text"),
    [("bot_challenge", "blimey I'm dripping"), ("out_of_scope", "quite the workout this")],
)
def test_an_effort_remark_wins_over_the_classifiers_guess(intent, text):
    chat = after_a_paced_set()
    assert chat.say(intent, text, metadata=VOICE).startswith("Sounds like you're working hard")


def test_an_effort_remark_with_a_stop_in_it_stops():
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    reply = chat.say("stop_session", "proper workout, let's stop there")
    assert "working hard" not in reply

"""Ordinary chat in and around a session (issue 17, stop 36d).

- The coach's own check on a lower total ("I had 6 - is it 4 in all?") answered in words:
  naming the kept number, or agreeing the coach was right, keeps it; naming the new one
  takes it; whatever the classifier made of the answer.
- Thanks and okays before a count ("got it. 3 more") are no reps.
- A start asked for by the exercise's name, or "the ... thing", starts the session.
- Speech soundalikes after "did"/"done" ("did to", "done ate") are counts.
- A question after a remark putting the session off is answered, not only acknowledged."""

import pytest

from tests.unit.chat import Chat, in_a_set

ANSWER_INTENTS = ["report_reps", "deny", "affirm", "nlu_fallback"]


def _left(chat):
    return chat.session["reps"][0]["left"]


def _asked_about_four() -> Chat:
    chat = in_a_set()
    for said in ("1", "2", "3", "4", "5", "6"):
        chat.say("count_rep", said)
    reply = chat.say("report_reps", "so that's 4 in total")
    assert "I had 6" in reply and "4 in all?" in reply
    return chat


# -- the coach's check answered in words --------------------------------------------


@pytest.mark.parametrize("intent", ANSWER_INTENTS)
@pytest.mark.parametrize(
    "said",
    [
        "ah sorry you're right, it is 6",
        "nope, six",
        "keep it at 6",
        "stick with six",
        "you're right",
        "you are correct, my bad",
        "my mistake",
        "whoops my error, 6",
        "6 is correct",
        "leave it, I miscounted",
    ],
)
def test_naming_the_kept_count_or_agreeing_keeps_it(intent, said):
    chat = _asked_about_four()
    reply = chat.say(intent, said)
    assert _left(chat) == 6, reply
    assert not chat.session.get("check")
    assert "6 of 10" in reply  # where the user is, not the check again


@pytest.mark.parametrize("intent", ANSWER_INTENTS)
@pytest.mark.parametrize("said", ["oh, 4 then", "it's four", "yes 4", "4 is right actually"])
def test_naming_the_new_count_takes_it(intent, said):
    chat = _asked_about_four()
    reply = chat.say(intent, said)
    assert _left(chat) == 4, reply
    assert not chat.session.get("check")


def test_pain_with_the_answer_is_not_swallowed_by_the_keep():
    chat = _asked_about_four()
    chat.say("report_reps", "you're right, 6, but my back hurts")
    assert _left(chat) == 6


# -- thanks and okays before a count are no reps --------------------------------------


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "nlu_fallback", "affirm"])
@pytest.mark.parametrize(
    "said",
    [
        "got it. 3 more",
        "got it, 3 more",
        "gotcha thanks. 3 more",
        "ok got it. 3 more",
        "got that. three more",
        "thanks coach, 3 more",
        "cheers. 3 more",
        "okay. 3 more",
    ],
)
def test_an_acknowledgement_before_a_count_is_no_rep(intent, said):
    chat = in_a_set()
    chat.say("report_reps", "4 done")
    chat.say("faq", "how long is the hold at the top?", answer_key="how_long_to_hold")
    reply = chat.say(intent, said)
    assert _left(chat) == 7, reply


def test_a_bare_done_is_still_one_rep():
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    chat.say("count_rep", "done")
    assert _left(chat) == 5


# -- a start asked for by the exercise's name ----------------------------------------


@pytest.mark.parametrize("intent", ["start_session", "faq", "nlu_fallback", "continue_session"])
@pytest.mark.parametrize(
    "said",
    [
        "begin the leg raise thing",
        "start the prone leg lift",
        "kick off the hip extension stuff",
        "let's start the exercise thing",
        "can we do the leg lifts now",
        "start the leg lift exercises please",
    ],
)
def test_a_start_naming_the_exercise_starts_the_session(intent, said):
    chat = Chat()
    chat.say("greet", "hello")
    reply = chat.say(intent, said, answer_key="starting_position")
    assert chat.session, reply
    assert "Today:" in reply


def test_the_start_position_question_is_still_a_question():
    chat = Chat()
    chat.say("greet", "hello")
    chat.say(
        "faq", "what's the starting position for the leg lift?", answer_key="starting_position"
    )
    assert not chat.session


# -- soundalikes after "did" / "done" ------------------------------------------------


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "nlu_fallback"])
@pytest.mark.parametrize(
    "said, value",
    [("did to", 2), ("i did for", 4), ("done ate", 8), ("did tree", 3), ("done for", 4)],
)
def test_a_soundalike_after_did_is_a_count(intent, said, value):
    for chat in (in_a_set(), Chat()):
        if not chat.session:
            chat.say("start_session", "start the leg lift thing")
        reply = chat.say(intent, said)
        assert _left(chat) == value, reply


# -- a question after putting the session off ----------------------------------------


@pytest.mark.parametrize(
    "said, key",
    [
        ("perhaps tomorrow. how often am I meant to do them", "sessions_per_week"),
        ("later maybe, how many times a week should I do it", "sessions_per_week"),
        ("another day then - what muscles does it work", "muscles_worked"),
    ],
)
def test_a_question_after_putting_it_off_is_answered(said, key):
    chat = Chat()
    chat.say("greet", "hello")
    chat.say("deny", "no, not today thanks")
    reply = chat.say("faq", said, answer_key=key, answer_said=False)
    assert "no problem" not in reply.lower(), reply
    answered = [m.response for m in chat.outcome.reply.messages if m.response] or [reply]
    assert any(answered), reply
    assert not chat.session


@pytest.mark.parametrize("intent", ["ask_frequency", "nlu_fallback"])
def test_how_often_after_putting_it_off_is_not_only_okay(intent):
    chat = Chat()
    chat.say("greet", "hello")
    chat.say("deny", "no, not today thanks")
    reply = chat.say(intent, "maybe later on. how often should these be done anyway")
    assert not reply.startswith("Okay, no problem"), reply


def test_putting_it_off_alone_is_still_okay():
    chat = Chat()
    chat.say("greet", "hello")
    reply = chat.say("deny", "maybe tomorrow then")
    assert "no problem" in reply.lower()

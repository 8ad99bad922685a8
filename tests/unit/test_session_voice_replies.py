"""After a paced set (voice): the reply to "did you get all of them?" that says nothing
about the set, a count said with being worn out, and the whole session's numbers asked
about in a set. Phrasings are the team's own."""

import pytest

from tests.unit.chat import Chat, after_a_paced_set, in_a_set

VOICE = {"voice": True}


def left_reps(chat: Chat) -> int:
    return chat.session["reps"][0]["left"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            ("continue_session", "right, ready when you are"),
            ("continue_session", "alright lets have another go"),
        ),
        (("nlu_fallback", "ok"), ("feel_fine", "felt smoother that time")),
        (("nlu_fallback", "ok"), ("nlu_fallback", "hmm")),
    ],
)
def test_a_second_reply_saying_nothing_about_the_set_is_taken_as_led_and_said(first, second):
    chat = after_a_paced_set()
    asked = chat.say(*first, metadata=VOICE)
    assert "did you do all 10" in asked.lower()
    assert left_reps(chat) == 0  # not recorded on the first unclear reply

    moved_on = chat.say(*second, metadata=VOICE)
    assert "put down all 10 on your left leg" in moved_on
    assert "right leg" in moved_on  # on to the next leg, not the same question again
    assert left_reps(chat) == 10
    assert chat.session["leg"] == "right"


def test_a_reply_that_hints_at_fewer_is_asked_about_again_never_assumed():
    chat = after_a_paced_set()
    chat.say("nlu_fallback", "ok", metadata=VOICE)
    again = chat.say("nlu_fallback", "that was tough", metadata=VOICE)
    assert "put down" not in again
    assert left_reps(chat) == 0
    assert chat.session["awaiting_feedback"]


@pytest.mark.parametrize(
    ("said", "reps"),
    [
        ("got through eight and im totally shattered", 8),
        ("only managed five, need a breather", 5),
    ],
)
def test_a_count_said_with_tiredness_is_kept_and_a_break_comes_before_the_next_leg(said, reps):
    chat = after_a_paced_set()
    reply = chat.say("report_reps", said, metadata=VOICE)
    assert f"{reps} on your left leg" in reply
    assert "Counting reps" not in reply  # the right leg is not led straight away
    assert left_reps(chat) == reps
    assert chat.session["phase"] == "paused"
    resumed = chat.say("continue_session", "okay going again", metadata=VOICE)
    assert "right leg" in resumed


def test_the_unpunctuated_count_at_the_end_of_a_spoken_sentence_is_recorded():
    chat = after_a_paced_set()
    reply = chat.say("report_reps", "the timing threw me off so i got to for", metadata=VOICE)
    assert "4 on your left leg" in reply
    assert left_reps(chat) == 4


def test_the_total_while_a_paced_set_awaits_its_answer_says_both_figures():
    chat = after_a_paced_set()
    reply = chat.say("faq", "so what's my total so far?", metadata=VOICE)
    assert "So far today: 0 reps in all" in reply
    assert "If you got all 10 on your left leg just now, that's 10" in reply


def test_the_reps_left_while_a_paced_set_awaits_its_answer_say_both_figures():
    chat = after_a_paced_set()
    reply = chat.say("faq", "how many reps remaining overall?", metadata=VOICE)
    assert "40 reps to go" in reply
    assert "If you got all 10 on your left leg just now, that's 30 to go" in reply


@pytest.mark.parametrize(
    "question", ["how many does that make in total?", "what rep am I up to overall?"]
)
def test_the_session_total_asked_in_a_set_is_the_total_not_what_is_left(question):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 4")
    reply = chat.say("faq", question)
    assert "14 reps in all" in reply


def _responses(chat: Chat) -> list[str]:
    return [m.response for m in chat.outcome.reply.messages if m.response]


def test_say_that_again_just_after_an_answer_in_a_session_repeats_the_answer():
    chat = after_a_paced_set()
    chat.say(
        "faq",
        "how many seconds between sets?",
        metadata=VOICE,
        answer_key="rest_between_sets",
        answer_said=False,
    )
    answer = _responses(chat)
    assert answer
    again = chat.say("repeat", "come again?", metadata=VOICE)
    assert _responses(chat) == answer
    assert "did you get all 10" in again  # and where the set stands


def test_say_that_again_after_a_session_step_repeats_the_step_not_an_older_answer():
    chat = after_a_paced_set()
    chat.say(
        "faq",
        "how long is the hold",
        metadata=VOICE,
        answer_key="how_long_to_hold",
        answer_said=False,
    )
    assert _responses(chat)
    chat.say("continue_session", "all of them", metadata=VOICE)  # the right leg is led
    chat.say("repeat", "pardon?", metadata=VOICE)
    assert not _responses(chat)


def test_asking_for_a_repeat_before_the_first_set_says_the_plan_again():
    chat = Chat()
    chat.say("start_session", "start my session")
    again = chat.say(
        "repeat",
        "sorry, what did you say? could you repeat it",
        ranking=["repeat", "ask_next_session"],
    )
    assert "2 sets of 10 reps" in again
    assert "Say ready" in again

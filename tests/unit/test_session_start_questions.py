"""A go-ahead said with mild pain, and the words of exercising said to a question asked
before a session starts ("Shall we start now?", the checklist)."""

import pytest

from tests.unit.chat import Chat, in_a_set, number


def left_leg(chat, set_number=1):
    return chat.session["reps"][set_number - 1]["left"]


@pytest.mark.parametrize(
    ("said", "target"),
    [("knee's about a 1, right, off we go", 10),
     ("hips ache a little, 2/10, so let's begin", 10),
     ("lower back's a bit sore, 4 out of 10, can we start", 7),
     ("stiff neck, a 3. go", 10)],
)  # fmt: skip
def test_mild_pain_with_a_go_ahead_starts_the_session_at_once(said, target):
    chat = Chat()
    reply = chat.say("pain", said)
    assert "Shall we start" not in reply and "Say ready" in reply
    assert chat.session is not None and chat.session["target"] == target
    assert chat.slots.get("pending_offer") is None


def test_a_go_ahead_with_pain_before_a_first_session_asks_the_checklist_then_starts():
    chat = Chat(screened=False)
    reply = chat.say("pain", "my calf is a 2 out of 10, let's get going")
    assert "safety questions" in reply and chat.session is None
    for _ in range(3):
        reply = chat.say("deny", "no")
    assert "Say ready" in reply and chat.session is not None


@pytest.mark.parametrize(
    "said", ["back's a 2, let's start tomorrow", "bit achy, a 3, might train later"]
)
def test_a_start_put_off_with_pain_neither_starts_nor_asks(said):
    chat = Chat()
    chat.say("pain", said)
    assert chat.session is None and chat.slots.get("pending_offer") is None


def offered_a_start() -> Chat:
    chat = Chat()
    reply = chat.say("pain", "my hip is a 2 today, I'm planning to do my leg lifts")
    assert reply.endswith("Shall we start today's session now?")
    return chat


@pytest.mark.parametrize(
    ("intent", "said", "counted"),
    [("nlu_fallback", "done", 1), ("count_rep", "next", 1), ("report_reps", "did 4", 4),
     ("count_rep", "2", 2), ("continue_session", "here goes", 0)],
)  # fmt: skip
def test_exercising_words_to_shall_we_start_are_a_yes(intent, said, counted):
    chat = offered_a_start()
    chat.say(intent, said, number(counted) if counted > 1 else ())
    assert chat.session is not None and left_leg(chat) == counted
    assert chat.slots.get("pending_offer") is None


def test_finished_to_shall_we_start_asks_the_question_again_plainly():
    chat = offered_a_start()
    reply = chat.say("report_reps", "finished")
    assert reply.endswith("Shall we start today's session now?") and "yes or a no" in reply
    assert chat.session is None and chat.slots["pending_offer"] == "reminder_start"
    chat.say("affirm", "yes")
    assert chat.session is not None


def test_a_count_after_severe_pain_is_no_go_ahead():
    chat = Chat()
    chat.say("pain", "my back is an 8 today")
    chat.say("start_session", "start my session")
    assert chat.slots["pending_offer"] == "start_after_severe_pain"
    reply = chat.say("report_reps", "did 5", number(5))
    assert "go ahead anyway" in reply and chat.session is None
    assert chat.slots["pending_offer"] == "start_after_severe_pain"


def checklist() -> Chat:
    chat = Chat(screened=False)
    chat.say("start_session", "start my session")
    assert chat.slots["pending_offer"] == "screening"
    return chat


@pytest.mark.parametrize(
    ("intent", "said"),
    [("nlu_fallback", "done"), ("continue_session", "ok go"), ("report_reps", "finished")],
)
def test_exercising_words_during_the_checklist_ask_the_same_question_again(intent, said):
    chat = checklist()
    chat.say("deny", "no")
    question = chat.say("deny", "no")  # the third question
    reply = chat.say(intent, said)
    assert "yes or a no" in reply and reply.endswith(question)
    assert chat.slots["pending_offer"] == "screening" and chat.session is None


def test_a_count_during_the_checklist_is_kept_for_the_session():
    chat = checklist()
    chat.say("report_reps", "did 3", number(3))
    assert chat.session is None
    for _ in range(3):
        chat.say("deny", "no")
    assert chat.session is not None and left_leg(chat) == 3


def test_a_total_equal_to_the_reps_left_just_said_is_those_reps():
    chat = in_a_set()
    chat.say("report_reps", "did 4", number(4))
    assert "6 to go" in chat.say("ask_progress", "how many have I got left")
    reply = chat.say("report_reps", "did 6", number(6))
    assert left_leg(chat) == 10 and "right leg" in reply


def test_a_batch_that_reaches_the_target_as_more_finishes_the_leg():
    chat = in_a_set()
    chat.say("report_reps", "did 4", number(4))
    reply = chat.say("report_reps", "did 6", number(6))
    assert "more, or" not in reply and left_leg(chat) == 10

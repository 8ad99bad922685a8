"""End to end: `make run`'s real servers, spoken to over the REST channel,
stopped with SIGTERM and started again on the same tracker database."""

import asyncio
import json
import signal
import time

import pytest

from coach import answers
from coach import protocol as p
from connectors.gateway import TOO_LONG
from tests.e2e.coach_server import CoachServer, joined, port_open, stored_user_texts
from tests.e2e.test_socketio_e2e import socket_turns

QUESTIONS = [
    ("how long do I hold the lift?", [p.HOLD_SECONDS.spoken("seconds")]),
    ("how many reps?", [p.REPS_PER_SET.spoken()]),
    ("how many sets?", [f"{p.SETS_PER_LEG} sets"]),
    ("how often a week?", [f"{p.SESSIONS_PER_WEEK} sessions a week", "48 to 72 hours"]),
    ("how do I do a squat?", ["only coach", "squats"]),
    ("which muscles does it work?", ["glute", "lower back"]),
]


def test_technique_questions_are_answered_with_the_protocol_facts(coach):
    sender = "e2e-questions"
    first = coach.say(sender, QUESTIONS[0][0])
    # The disclaimer comes with the first answer, after it (Rasa says a question's answer first).
    assert first[-1] == answers.DISCLAIMER and p.HOLD_SECONDS.spoken("seconds") in first[0]
    for question, facts in QUESTIONS:
        reply = joined(coach.say(sender, question))
        for fact in facts:
            assert fact in reply, (question, reply)
        assert answers.DISCLAIMER not in reply or question == QUESTIONS[0][0]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"message": "hi"}',
        b'{"sender": "", "message": "hi"}',
        b'{"sender": "x", "message": 42}',
        b'{"sender": "x", "message": "hi", "metadata": "nope"}',
    ],
)
def test_malformed_requests_get_a_clear_4xx(coach, body):
    status, reply = coach.post_raw(body)
    assert status == 400, reply
    assert isinstance(reply, dict) and reply["error"]
    assert "Traceback" not in reply["error"]


def test_oversized_messages_are_refused_clearly(coach):
    """Text longer than people type gets a polite reply, unparsed; a body far beyond any
    message is refused before it is read."""
    status, reply = coach.post_raw(json.dumps({"sender": "big", "message": "a" * 30_000}).encode())
    assert status == 200 and reply == [{"recipient_id": "big", "text": TOO_LONG}]
    status, _ = coach.post_raw(json.dumps({"sender": "big", "message": "a" * 100_000}).encode())
    assert status == 413


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        pytest.param("how long do I hold it " * 455, id="10000-characters"),
        "🦵🦵🦵",
        "💪",
        "¿Cuántas repeticiones debo hacer?",
        "这个练习怎么做",
        "asdkjh qwpoeiru zmxnbv",
        "\u0000\u200b",
    ],
)
def test_odd_input_gets_a_friendly_answer(coach, text):
    replies = coach.say(f"odd-{abs(hash(text))}", text)
    assert replies and all(replies), replies
    assert not any("Traceback" in reply or "Error" in reply for reply in replies)


def test_other_scripts_get_the_english_only_hint(coach):
    replies = coach.say("e2e-chinese", "这个练习怎么做")
    assert "English" in joined(replies)


def test_a_question_in_spanish_gets_the_answer_or_the_english_only_hint(coach):
    said = joined(coach.say("e2e-spanish", "¿Cuántas repeticiones debo hacer?"))
    assert p.REPS_PER_SET.spoken() in said or "English" in said, said


def test_action_server_down_still_gets_a_reply(tmp_path):
    """The Rasa server pointed at a dead action endpoint answers, it does not go silent."""
    server = CoachServer(tmp_path, action_url="http://127.0.0.1:9/webhook")
    server.start()
    try:
        started = time.monotonic()
        replies = server.say("e2e-no-actions", "how many reps?")
        assert replies == [answers.TROUBLE]
        assert time.monotonic() - started < 30
        # The web chat's channel too.
        said = asyncio.run(socket_turns(server.url, "e2e-no-actions-sio", ["how many reps?"]))
        assert said == [answers.TROUBLE]
    finally:
        server.stop()


def test_conversation_survives_a_restart(coach, tmp_path):
    sender = "e2e-restart"
    for question, _ in QUESTIONS:
        coach.say(sender, question)
    assert stored_user_texts(coach.database, sender) == [q for q, _ in QUESTIONS]

    # make stops its children on SIGTERM, then exits by the same signal.
    assert coach.stop() in (0, -signal.SIGTERM), coach.log_tail()
    assert not port_open(coach.rasa_port) and not port_open(coach.actions_port), (
        "SIGTERM to make run stops both servers"
    )
    assert "Traceback" not in coach.log_path.read_text(errors="replace"), coach.log_tail()
    coach.start()

    assert stored_user_texts(coach.database, sender) == [q for q, _ in QUESTIONS]
    # The coach still knows where it was: "repeat that" says the muscles answer
    # again, and the disclaimer is not repeated.
    reply = joined(coach.say(sender, "repeat that"))
    assert "glute" in reply and answers.DISCLAIMER not in reply

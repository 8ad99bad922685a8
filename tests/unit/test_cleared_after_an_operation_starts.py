"""An operation named with the clinician's go-ahead and a request to be led through a
session: the session starts, their plan first (issue 17). Without the go-ahead, or with it
only awaited, the operation's answer alone."""

import pytest

from coach import answers
from coach.dialogue import cleared_and_asks_to_start
from tests.unit.chat import Chat


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("new knee in March, my surgeon has cleared me, can you take me through a session?", True),
        ("Back op last autumn. The physio gave me the all-clear so let's start", True),
        ("my consultant says I'm fine to begin; guide me through my first go please", True),
        ("had my hip done, the physio okayed these, could we start a session now?", True),
        ("hip replaced in June, not cleared yet, can you walk me through a session?", False),
        ("knee op 3 weeks ago, waiting for the physio's go-ahead; can we start?", False),
        ("once my surgeon clears me, could you take me through one?", False),
        ("my physio has cleared me for these, how high should the leg go?", False),
        ("had back surgery, can you walk me through a session?", False),
    ],
)  # fmt: skip
def test_cleared_and_asks_to_start(text, starts):
    assert cleared_and_asks_to_start(text) is starts


def test_cleared_after_an_operation_starts_the_session_with_their_plan_first():
    text = "knee replaced in spring; my physio has cleared me, take me through a session please"
    chat = Chat(disclaimer_given=True)
    said = chat.say("faq", text, answer_key="after_knee_surgery")
    assert answers.CLEARED_PLAN_FIRST in said
    assert "Today: 2 sets of 10 reps" in said and "Say ready" in said
    assert chat.session is not None


def test_not_cleared_after_an_operation_gets_the_answer_alone():
    text = "knee replaced in spring, can you take me through a session please"
    chat = Chat(disclaimer_given=True)
    said = chat.say("faq", text, answer_key="after_knee_surgery")
    assert answers.CLEARED_PLAN_FIRST not in said and chat.session is None

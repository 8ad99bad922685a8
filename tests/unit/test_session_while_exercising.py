"""Table tests for the kinds issue 17's sessions set 'v' showed the coach missing: the end
of a session said with thanks, the answer to "did you do all of them?" after a paced set,
a rep taken back with its reason, and a count set in words like "call it 6". The
phrasings are the team's own."""

import pytest

from tests.unit.chat import Chat

VOICE = {"voice": True}


def _chat_at(count=3):
    chat = Chat()
    chat.say("start_session", "start my session")
    chat.say("continue_session", "ready")
    for rep in range(1, count + 1):
        chat.say("count_rep", str(rep))
    return chat


def _chat_resting():
    chat = _chat_at(0)
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    return chat


# Thanks said with the end of the session: a stop (the summary), not "you're welcome".
STOPS_WITH_THANKS = [
    ("thank", "cheers, that's enough"),
    ("thank", "thanks a lot, that's me"),
    ("thank", "that's me done, thanks coach"),
    ("thank", "many thanks, that's enough for the day"),
    ("thank", "thank you, enough for this session"),
    ("thank", "that'll do, cheers"),
    ("thank", "ta very much, that'll do for tonight"),
    ("ask_dose", "thanks so much, that is enough for one day"),
    ("goodbye", "thats enough for today thank you"),
]


@pytest.mark.parametrize(("intent", "said"), STOPS_WITH_THANKS)
def test_the_end_said_with_thanks_mid_set_stops_with_the_summary(intent, said):
    chat = _chat_at(3)
    reply = chat.say(intent, said)
    assert "stop there" in reply and "welcome" not in reply
    assert chat.session is None or chat.session.get("phase") == "done"


@pytest.mark.parametrize(("intent", "said"), STOPS_WITH_THANKS)
def test_the_end_said_with_thanks_at_rest_stops_with_the_summary(intent, said):
    chat = _chat_resting()
    reply = chat.say(intent, said)
    assert "stop there" in reply and "welcome" not in reply


@pytest.mark.parametrize("said", ["thanks", "cheers", "thank you coach", "ta"])
def test_bare_thanks_mid_set_is_thanks_and_where_they_are(said):
    chat = _chat_at(3)
    reply = chat.say("thank", said)
    assert "stop there" not in reply and "3 of 10" in reply

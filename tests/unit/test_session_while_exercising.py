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


def _asked_all_or_fewer():
    """Voice: a paced set, then "did you do all 10 on your left leg?" asked."""
    chat = Chat()
    chat.say("start_session", "start my session", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    reply = chat.say("continue_session", "ok ready", metadata=VOICE)
    assert "did you do all 10" in reply
    return chat


# A reply that is a yes in context confirms all of them, whatever the classifier made of it.
YES_IN_CONTEXT = [
    ("feel_fine", "fine"), ("feel_fine", "yeah, fine thanks"), ("feel_fine", "good"),
    ("mood_great", "great"), ("affirm", "yep"), ("continue_session", "let's go"),
    ("continue_session", "ready"), ("continue_session", "next"), ("feel_fine", "all good"),
    ("affirm", "yes I did"), ("continue_session", "ok, next leg"),
    ("nlu_fallback", "yup, all done"),
    ("continue_session", "yeah go on"), ("affirm", "sure did"), ("continue_session", "move on"),
]  # fmt: skip


@pytest.mark.parametrize(("intent", "said"), YES_IN_CONTEXT)
def test_a_yes_in_context_to_did_you_do_all_confirms_them_all(intent, said):
    chat = _asked_all_or_fewer()
    reply = chat.say(intent, said, metadata=VOICE)
    assert "10 on your left leg" in reply and "right leg" in reply
    assert chat.session["reps"][0]["left"] == 10


@pytest.mark.parametrize(
    ("said", "done"),
    [("that one I did seven", 7), ("I did 6 on that one", 6), ("on that set I got 8", 8),
     ("nine", 9), ("only managed five", 5), ("for this one I got 4", 4)],
)  # fmt: skip
def test_a_number_to_did_you_do_all_is_how_many_were_done(said, done):
    chat = _asked_all_or_fewer()
    reply = chat.say("report_reps", said, metadata=VOICE)
    assert f"{done} on your left leg" in reply
    assert chat.session["reps"][0]["left"] == done


@pytest.mark.parametrize(("intent", "said"), [("deny", "no"), ("deny", "fewer"), ("deny", "nope")])
def test_no_to_did_you_do_all_asks_how_many(intent, said):
    chat = _asked_all_or_fewer()
    assert "How many" in chat.say(intent, said, metadata=VOICE)


def test_an_unclear_answer_gets_the_question_put_another_way_never_word_for_word():
    chat = _asked_all_or_fewer()
    first = chat.say("nlu_fallback", "hmm", metadata=VOICE)
    second = chat.say("nlu_fallback", "erm", metadata=VOICE)
    assert "did you do all 10" not in first and "Just say a number" in first
    assert first != second or "Just say a number" in second
    assert chat.say("continue_session", "all of them", metadata=VOICE).startswith("10 on")


def test_a_new_paced_leg_asks_the_first_way_again():
    chat = _asked_all_or_fewer()
    chat.say("nlu_fallback", "hmm", metadata=VOICE)
    chat.say("affirm", "yes", metadata=VOICE)
    reply = chat.say("continue_session", "ok ready", metadata=VOICE)
    assert "did you do all 10 on your right leg" in reply

"""Going again the same day after severe pain (issue 17 item 5): every way of asking, by
chat and by voice, right after the stop or hours later, goes through one question that says
the pain was severe, advises rest and needs an explicit go-ahead; a yes starts the easier
version, a no ends politely. Phrasings are the team's own."""

import pytest

from tests.unit.chat import Chat, in_a_set

VOICE = {"voice": True}

GO_AGAIN = [
    ("start_session", "it has calmed down a lot, shall we start over?"),
    ("nlu_fallback", "feels better, can I have another try"),
    ("affirm", "could I carry on now"),
    ("nlu_fallback", "ok to go again?"),
    ("nlu_fallback", "how about another go"),
    ("nlu_fallback", "how about one more go"),  # "one" is no clock time, whatever the hour
    ("start_session", "restart please"),
    ("continue_session", "right, lets continue"),
    ("nlu_fallback", "the pain's gone, can we pick up where we left off"),
    ("pain", "it's settled down now, could we try it again?"),
    ("start_session", "begin my session"),
    ("ask_reps", "can I get back to it now?"),
]
EXPLICIT_YES = [
    ("affirm", "yes im sure"),
    ("nlu_fallback", "I'm sure"),
    ("affirm", "yes go ahead"),
    ("nlu_fallback", "Yes, I want to go ahead"),
    ("affirm", "yep, I am certain"),
    ("affirm", "/affirm"),  # the button that says "Yes, I want to go ahead"
]
NO = [
    ("deny", "no"),
    ("affirm", "ok, I'll rest"),
    ("nlu_fallback", "nah, better not"),
    ("deny", "not today then"),
    ("nlu_fallback", "you're right, i'll leave it"),
]


def _stopped_for_severe_pain(said="ouch that's a 9", metadata=None) -> Chat:
    chat = in_a_set()
    chat.say("count_rep", "did 3", metadata=metadata)
    chat.say("pain", said, metadata=metadata)
    for _ in range(3):
        chat.say("deny", "no", metadata=metadata)  # the safety questions, all clear
    chat.say("affirm", "alright", metadata=metadata)
    return chat


def _running(chat: Chat) -> bool:
    return bool(chat.session) and not chat.session.get("over")


def _asked_to_confirm(chat: Chat, reply: str) -> None:
    assert chat.slots["pending_offer"] == "start_after_severe_pain", reply
    assert "severe" in reply and "rest" in reply, reply
    assert "want to go ahead" in reply, reply
    assert not _running(chat)


@pytest.mark.parametrize(("intent", "said"), GO_AGAIN)
def test_asking_to_go_again_right_after_the_stop_asks_for_the_go_ahead(intent, said):
    chat = _stopped_for_severe_pain()
    _asked_to_confirm(chat, chat.say(intent, said))


@pytest.mark.parametrize(("intent", "said"), GO_AGAIN[::2])
def test_asking_later_the_same_day_asks_for_the_go_ahead(intent, said):
    chat = _stopped_for_severe_pain()
    chat.new_conversation(hours_later=3)
    _asked_to_confirm(chat, chat.say(intent, said))


@pytest.mark.parametrize(("intent", "said"), GO_AGAIN[1::2])
def test_by_voice_after_agony_asking_to_go_again_asks_for_the_go_ahead(intent, said):
    chat = _stopped_for_severe_pain("aargh it's agony", metadata=VOICE)
    reply = chat.say(intent, said, metadata=VOICE)
    _asked_to_confirm(chat, reply)
    assert 'Say "yes, I want to go ahead"' in reply  # no buttons on a speaker


@pytest.mark.parametrize(("intent", "answer"), EXPLICIT_YES)
def test_an_explicit_yes_starts_the_easier_version_and_says_so(intent, answer):
    chat = _stopped_for_severe_pain()
    level_after_stop = chat.slots["level"]
    chat.say("nlu_fallback", "can we start again")
    reply = chat.say(intent, answer)
    assert _running(chat), reply
    assert "easier version" in reply and "lighter" in reply
    assert chat.session["level"] == level_after_stop != "standard"
    assert "eased_off" in chat.session["notes"]


@pytest.mark.parametrize("voice_yes", ["yes", "yes I'm sure", "I'm sure, go ahead"])
def test_by_voice_a_yes_to_the_question_starts_the_easier_version(voice_yes):
    chat = _stopped_for_severe_pain("it's absolute agony", metadata=VOICE)
    chat.say("nlu_fallback", "can we have another go", metadata=VOICE)
    reply = chat.say("affirm", voice_yes, metadata=VOICE)
    assert _running(chat) and "easier version" in reply


@pytest.mark.parametrize(("intent", "answer"), NO)
def test_a_no_ends_politely_without_a_session(intent, answer):
    chat = _stopped_for_severe_pain()
    chat.say("nlu_fallback", "let's go again")
    reply = chat.say(intent, answer)
    assert "Rest" in reply and not _running(chat)
    assert chat.slots["pending_offer"] is None


@pytest.mark.parametrize("vague", ["ok", "okay", "fine", "hmm"])
def test_a_bare_ok_is_not_a_go_ahead(vague):
    chat = _stopped_for_severe_pain()
    chat.say("start_session", "start again")
    reply = chat.say("affirm", vague)
    assert not _running(chat)
    assert "clear answer" in reply and "want to go ahead" in reply
    assert chat.slots["pending_offer"] == "start_after_severe_pain"
    chat.say("affirm", "yes I am sure")
    assert _running(chat)


def test_a_milder_score_said_after_the_stop_still_needs_the_go_ahead():
    chat = _stopped_for_severe_pain()
    chat.say("pain", "it's only about a 2 now")
    reply = chat.say("start_session", "ok start my session")
    _asked_to_confirm(chat, reply)
    assert "9 out of 10" in reply


def test_once_confirmed_a_second_start_the_same_day_is_not_asked_again():
    chat = _stopped_for_severe_pain()
    chat.say("nlu_fallback", "can we try again")
    chat.say("affirm", "yes go ahead")
    chat.say("stop_session", "stop for today")
    chat.say("start_session", "start my session")
    assert chat.slots.get("pending_offer") != "start_after_severe_pain"


@pytest.mark.parametrize(
    "said", ["I won't try again today", "can I try again tomorrow?", "when can I go again?"]
)
def test_not_today_or_a_later_day_is_not_the_same_day_question(said):
    chat = _stopped_for_severe_pain()
    reply = chat.say("nlu_fallback", said)
    assert chat.slots.get("pending_offer") != "start_after_severe_pain", reply
    assert not _running(chat)


def test_the_next_day_no_question_is_asked():
    chat = _stopped_for_severe_pain()
    chat.new_conversation(hours_later=50)
    chat.say("start_session", "start my session")
    assert chat.slots.get("pending_offer") != "start_after_severe_pain"


@pytest.mark.parametrize("said", ["can we start again", "I'm sure, let's go again"])
def test_a_warning_sign_keeps_its_own_stricter_rule(said):
    chat = _stopped_for_severe_pain()
    chat.slots["caution"] = {"reason": "red_flag", "at": chat.now}
    reply = chat.say("nlu_fallback", said)
    assert "doctor" in reply and not _running(chat)
    reply = chat.say("start_session", "start my session")
    assert "clinician" in reply and not _running(chat)
    assert chat.slots.get("pending_offer") != "start_after_severe_pain"


def test_a_checklist_talked_over_after_the_stop_is_finished_before_the_session():
    chat = in_a_set()
    chat.say("pain", "that's an 8, ow")  # the stop, and the first safety question
    chat.say("nlu_fallback", "it's easing, can we go again?")  # talked over
    reply = chat.say("affirm", "yes, I'm sure")
    assert not _running(chat) and "bladder" in reply
    for _ in range(3):
        reply = chat.say("deny", "no")
    assert _running(chat) and chat.session["target"] < 10

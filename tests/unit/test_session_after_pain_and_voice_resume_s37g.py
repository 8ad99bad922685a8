"""Sessions after pain, and resuming by voice (s37g, issue 17). By voice, back from a pause
before a paced leg goes to the ready point, not straight into the count. Pain above 5 before
a session: any start, the easier one named included, gets the same-day go-ahead question.
A bare "ok" at the rest after a pain stop is no go-ahead, the same reply whatever the words.
Pain of 4-5 just after a session gets only what to watch."""

import pytest

from tests.unit.chat import Chat, after_a_full_session

VOICE = {"voice": True}
READY_POINT = "Say ready when you're in position."
PACED = "Counting reps"


# -- 1. voice: back from a pause before a paced leg ---------------------------------------

BACK_WORDS = [
    ("continue_session", "okay, I'm back now"),
    ("continue_session", "back again"),
    ("continue_session", "resume please"),
    ("continue_session", "yep I'm here"),
    ("affirm", "okay"),
    ("continue_session", "right, carry on"),
]


def _paused_in_the_set_up(voice: bool = True) -> Chat:
    chat = Chat()
    meta = VOICE if voice else None
    chat.say("start_session", "let's start the exercises", metadata=meta)
    reply = chat.say("pause_session", "one moment please", metadata=meta)
    assert "Paused: about to start set 1" in reply
    return chat


@pytest.mark.parametrize(("intent", "said"), BACK_WORDS)
def test_back_by_voice_before_the_first_leg_goes_to_the_ready_point(intent, said):
    chat = _paused_in_the_set_up()
    reply = chat.say(intent, said, metadata=VOICE)
    assert READY_POINT in reply and PACED not in reply
    assert chat.session["phase"] == "setup" and not chat.session["awaiting_feedback"]
    # Then an explicit go-ahead paces the leg.
    paced = chat.say("continue_session", "ok ready", metadata=VOICE)
    assert PACED in paced and "Set 1, left leg" in paced


@pytest.mark.parametrize("said", ["ready", "go", "in position now"])
def test_ready_said_while_paused_by_voice_paces_the_leg(said):
    chat = _paused_in_the_set_up()
    assert PACED in chat.say("continue_session", said, metadata=VOICE)


def test_back_by_voice_with_the_next_leg_named_goes_to_the_ready_point():
    chat = Chat()
    chat.say("start_session", "start", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    chat.say("affirm", "yes all of them", metadata=VOICE)
    chat.say("pause_session", "give me a second", metadata=VOICE)
    reply = chat.say("continue_session", "okay I'm back", metadata=VOICE)
    assert READY_POINT in reply and "right leg" in reply and PACED not in reply
    assert PACED in chat.say("continue_session", "ready", metadata=VOICE)


def test_back_by_voice_after_a_pause_at_the_rest_names_the_next_set_and_waits():
    chat = Chat()
    chat.say("start_session", "start", metadata=VOICE)
    for _ in range(2):
        chat.say("continue_session", "ready", metadata=VOICE)
        chat.say("affirm", "all of them, felt fine", metadata=VOICE)
    assert chat.session["phase"] == "rest"
    chat.say("pause_session", "hold on a minute", metadata=VOICE)
    reply = chat.say("continue_session", "back now", metadata=VOICE)
    assert "left leg, set 2 of 2" in reply and READY_POINT in reply and PACED not in reply
    paced = chat.say("continue_session", "let's go", metadata=VOICE)
    assert "Set 2, left leg" in paced and PACED in paced


def test_back_in_chat_before_the_first_leg_keeps_starting_the_set():
    chat = _paused_in_the_set_up(voice=False)
    reply = chat.say("continue_session", "okay, I'm back now")
    assert "Set 1, left leg: 10 reps" in reply and chat.session["phase"] == "active"


# -- 2. pain above 5 before a session: the same-day go-ahead question ----------------------

ABOVE_FIVE = "above 5, so resting today is advised"
EASIER_STARTS = [
    ("start_session", "fine, begin the lighter one"),
    ("too_easy", "alright let's try the easy version"),
    ("stay_level", "could I just do the gentler one today?"),
    ("too_hard", "ok I'll do the simpler version then"),
    ("start_session", "start my exercises"),
]


def _sore_before_a_session(voice: bool = False) -> Chat:
    chat = Chat()
    chat.say("pain", "my lower back is sore this morning, a 6", metadata=VOICE if voice else None)
    assert chat.session is None
    return chat


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(("intent", "said"), EASIER_STARTS)
def test_a_start_after_pain_above_five_asks_for_the_go_ahead(voice, intent, said):
    chat = _sore_before_a_session(voice)
    reply = chat.say(intent, said, metadata=VOICE if voice else None)
    assert "Not while we're being careful" not in reply
    assert "pain of 6 out of 10" in reply and ABOVE_FIVE in reply
    assert 'Say "yes, I want to go ahead"' in reply and "goes above 5" in reply
    assert chat.session is None and chat.slots["pending_offer"] == "start_after_severe_pain"


@pytest.mark.parametrize("voice", [False, True])
def test_an_explicit_yes_starts_the_easier_version_and_ends_with_say_ready(voice):
    chat = _sore_before_a_session(voice)
    meta = VOICE if voice else None
    chat.say("too_easy", "alright let's try the easy version", metadata=meta)
    reply = chat.say("affirm", "yes, I want to go ahead", metadata=meta)
    assert "easier version" in reply and "goes above 5" in reply
    assert reply.endswith(READY_POINT)
    assert chat.session["phase"] == "setup" and chat.session["level"] != "standard"


def test_a_no_to_the_go_ahead_ends_politely():
    chat = _sore_before_a_session()
    chat.say("stay_level", "could I just do the gentler one today?")
    reply = chat.say("deny", "no, I'll leave it")
    assert "Rest up today" in reply and chat.session is None


def test_a_bare_ok_to_the_go_ahead_asks_again():
    chat = _sore_before_a_session()
    chat.say("start_session", "fine, begin the lighter one")
    assert "clear answer" in chat.say("affirm", "ok")


def test_pain_of_five_before_a_session_still_starts_lighter_without_the_question():
    chat = Chat()
    chat.say("pain", "my hip's a bit sore, a 5")
    reply = chat.say("start_session", "let's begin")
    assert "go ahead anyway" not in reply and chat.session["phase"] == "setup"


# -- 3. a bare assent at the rest after a pain stop ----------------------------------------

REST_FIRST = "Okay, rest first."
SETTLED = "has the pain settled"


def _stopped_by_pain(voice: bool) -> Chat:
    meta = VOICE if voice else None
    chat = Chat()
    chat.say("start_session", "start", metadata=meta)
    chat.say("continue_session", "ready", metadata=meta)
    if not voice:
        chat.say("count_rep", "did 3")
    chat.say("pain", "my back twinges, 6 out of 10 I reckon", metadata=meta)
    assert chat.session["phase"] == "rest"
    return chat


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize(
    ("intent", "said"),
    [("affirm", "ok"), ("affirm", "yep alright"), ("affirm", "okay then"), ("feel_fine", "fine")],
)
def test_a_bare_assent_while_resting_after_a_pain_stop_says_the_rest_and_what_next(
    voice, intent, said
):
    chat = _stopped_by_pain(voice)
    reply = chat.say(intent, said, metadata=VOICE if voice else None)
    assert reply.startswith(REST_FIRST) and "Next: set 2 of 2" in reply
    assert "pain has settled" in reply and SETTLED not in reply
    assert chat.session["phase"] == "rest" and chat.session["set_number"] == 1


@pytest.mark.parametrize("voice", [False, True])
def test_a_bare_assent_once_the_rest_is_over_asks_if_the_pain_has_settled(voice):
    chat = _stopped_by_pain(voice)
    chat.now += 90
    reply = chat.say("affirm", "okay", metadata=VOICE if voice else None)
    assert SETTLED in reply and chat.session["phase"] == "rest"
    assert "smaller lift" in chat.say("affirm", "yes", metadata=VOICE if voice else None)


# -- 4. pain of 4-5 just after a session ----------------------------------------------------


@pytest.mark.parametrize(
    "said",
    ["my hip is a bit achy after that, 4/10", "lower back grumbling now we're done, a 5"],
)
def test_moderate_pain_just_after_a_session_says_only_what_to_watch(said):
    chat = after_a_full_session()
    reply = chat.say("pain", said)
    assert "If you exercise today" not in reply and "Slow it down" not in reply
    assert "settle by tomorrow" in reply and "worse tomorrow morning, tell me" in reply
    assert "next session will be lighter" in reply


def test_moderate_pain_with_no_session_just_done_keeps_the_lighter_today_advice():
    reply = Chat().say("pain", "my hip is a bit achy today, 4/10")
    assert "If you exercise today, I'll make the session lighter" in reply

"""Table tests for what the coach heard wrong around the edges of a set: counts said before
"ready", pain said beside an okay, a pain band on its own after a paced set, a count named
by the leg's place, "done" with no session, a start wished for after some background, the
rest length asked in other words, and goodbyes said with thanks. The phrasings are the
team's own."""

import pytest

from coach import answers, dialogue, numbers
from coach.numbers import TOTAL, Count, read_count
from tests.unit.chat import Chat, in_a_set

VOICE = {"voice": True}


def _waiting_for_ready(voice: bool) -> Chat:
    chat = Chat()
    chat.say("start_session", "start my session", metadata=VOICE if voice else None)
    return chat


def _paced_set() -> Chat:
    chat = _waiting_for_ready(voice=True)
    chat.say("continue_session", "ready", metadata=VOICE)
    return chat


# -- 1. a put-right count before "ready": reps done, the start of the set ------------------

BEFORE_READY = [
    ("nope, I only managed five", 5),
    ("no I just got to 3", 3),
    ("no, only did six", 6),
    ("no it was only for", 4),
]


@pytest.mark.parametrize(("said", "reps"), BEFORE_READY)
@pytest.mark.parametrize("voice", [True, False])
def test_a_put_right_count_before_ready_is_the_start_of_the_set(said, reps, voice):
    chat = _waiting_for_ready(voice)
    reply = chat.say("nlu_fallback", said, metadata=VOICE if voice else None)
    assert "nothing to correct" not in reply
    assert f"{reps} of 10 on your left leg" in reply
    assert chat.session["reps"][0]["left"] == reps


# -- 2. pain beside an okay while waiting: the pain wins -----------------------------------

OKAY_BUT_SORE = [
    "yeah fine, some soreness in my back though",
    "ok ready, it does hurt a little",
    "alright, bit of an ache in my hip",
]


@pytest.mark.parametrize("said", OKAY_BUT_SORE)
@pytest.mark.parametrize("intent", ["affirm", "continue_session"])
def test_pain_beside_an_okay_before_ready_is_asked_about_not_started(said, intent):
    chat = _waiting_for_ready(voice=True)
    reply = chat.say(intent, said, metadata=VOICE)
    assert "How bad is it" in reply
    assert "Set 1, left leg" not in reply
    assert chat.session["phase"] == "setup"


@pytest.mark.parametrize("said", OKAY_BUT_SORE)
def test_pain_beside_an_okay_after_a_paced_set_is_asked_about(said):
    chat = _paced_set()
    reply = chat.say("affirm", said, metadata=VOICE)
    assert "How bad is it" in reply
    assert chat.session["reps"][0]["right"] == 0  # nothing moved on


def test_knees_sore_from_the_floor_before_ready_is_the_padding_tip_not_a_pain_check():
    assert not dialogue._hurts_now("my knees are sore on this hard floor")
    assert not dialogue._hurts_now("is it normal if it hurts?")
    assert dialogue._hurts_now("fine, a bit of pain though")


# -- 3. a pain band on its own answers "how did it feel?" ----------------------------------


@pytest.mark.parametrize("said", ["moderate i think", "honestly, moderate", "fairly moderate"])
def test_a_moderate_band_after_a_paced_set_eases_the_plan(said):
    chat = _paced_set()
    reply = chat.say("nlu_fallback", said, metadata=VOICE)
    # said back as the band the user gave, never as a number they did not say
    assert "Moderate pain" in reply and "out of 10 is" not in reply and "easier" in reply
    assert answers.NOT_UNDERSTOOD not in reply


@pytest.mark.parametrize("said", ["severe", "quite severe to be honest", "it got severe"])
def test_a_severe_band_after_a_paced_set_stops_the_session(said):
    chat = _paced_set()
    reply = chat.say("nlu_fallback", said, metadata=VOICE)
    assert "too much" in reply and "we'll stop there" in reply


def test_a_mild_band_after_a_paced_set_is_fine_to_work_with():
    reply = _paced_set().say("nlu_fallback", "pretty mild", metadata=VOICE)
    assert "Mild pain is fine" in reply and "out of 10 is" not in reply  # the band, as said


# -- 4. a count for the leg named by its place ---------------------------------------------

BY_PLACE = [
    ("9 on the other one", 9),
    ("and 7 on the second", 7),
    ("eight for the second leg", 8),
    ("6 on the next side", 6),
    ("10 on my second one", 10),
]


@pytest.mark.parametrize(("said", "reps"), BY_PLACE)
def test_a_count_named_by_the_legs_place_reads_as_a_total(said, reps):
    assert read_count(said) == Count(TOTAL, reps)


@pytest.mark.parametrize(("said", "reps"), BY_PLACE)
def test_a_count_named_by_the_legs_place_counts_for_the_leg_the_coach_is_on(said, reps):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("nlu_fallback", said)
    assert chat.session["reps"][0] == {"left": 10, "right": reps}


@pytest.mark.parametrize(
    "said", ["the same on the other leg", "and same for the second one", "same again", "same"]
)
def test_the_same_on_the_next_leg_is_the_count_of_the_leg_before(said):
    chat = in_a_set()
    chat.say("report_reps", "did 8")
    chat.say("affirm", "that's it")  # 8 of 10: that is it for this leg
    chat.say("nlu_fallback", said)
    assert chat.session["reps"][0] == {"left": 8, "right": 8}


def test_same_with_nothing_counted_before_is_not_a_count():
    chat = in_a_set()
    reply = chat.say("nlu_fallback", "same on the other side")
    assert chat.session["reps"][0] == {"left": 0, "right": 0}
    assert "10 on your" not in reply


# -- 5. outside a session ------------------------------------------------------------------


@pytest.mark.parametrize("said", ["done", "finished", "next one", "next"])
@pytest.mark.parametrize("intent", ["nlu_fallback", "report_reps"])
def test_a_rep_word_with_no_session_says_how_to_start_one(said, intent):
    reply = Chat().say(intent, said)
    assert answers.NO_SESSION in reply
    assert answers.NOT_UNDERSTOOD not in reply


STARTS_AFTER_CONTEXT = [
    "Hi. My back went last winter and my GP said to keep moving. I'd like to begin now.",
    "I'm 70 with a new knee, and the physio gave me this one. Can we get started, if that's ok",
    "Evening coach, long day at work but I want to start now please",
]


@pytest.mark.parametrize("said", STARTS_AFTER_CONTEXT)
@pytest.mark.parametrize("intent", ["faq", "nlu_fallback"])
def test_a_start_wished_for_after_some_background_starts_the_session(said, intent):
    reply = Chat().say(intent, said)
    assert "Today: 2 sets of 10" in reply


@pytest.mark.parametrize("said", ["I'd like to start next week", "can I start with a pillow?"])
def test_a_start_later_or_a_question_is_no_start_now(said):
    assert not dialogue.START_WISH_AT_END.search(said)


# -- 6. the rest length asked in other words -----------------------------------------------

REST_LENGTH = [
    "how long should I relax for",
    "how long's my breather",
    "how long am I chilling",
    "how long is the recovery between sets",
]


@pytest.mark.parametrize("said", REST_LENGTH)
def test_the_rest_length_at_rest_comes_from_the_protocol_then_where_you_are(said):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    reply = chat.say("faq", said, answer_key="how_long_to_keep_doing_it", answer_said=False)
    assert "The rest between sets is 60 seconds" in reply and "set 2 of 2" in reply
    assert chat.outcome.reply.messages[0].response is None  # not the selector's other answer


@pytest.mark.parametrize("said", ["how long do I hold it", "how long between sessions"])
def test_other_how_long_questions_are_not_the_rest(said):
    assert not dialogue._asks_rest_length(said)


# -- 7. goodbyes said with thanks ----------------------------------------------------------

GOODBYES = ["thanks, bye now", "ta, see you on friday", "thank you, see you next week", "bye"]


@pytest.mark.parametrize("said", GOODBYES)
@pytest.mark.parametrize("intent", ["thank", "goodbye", "nlu_fallback"])
def test_thanks_and_a_goodbye_with_no_session_is_a_goodbye(said, intent):
    reply = Chat().say(intent, said)
    assert answers.GOODBYE in reply and "Anything else" not in reply


@pytest.mark.parametrize("said", GOODBYES)
def test_thanks_and_a_goodbye_mid_session_ends_it_with_the_summary(said):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    reply = chat.say("thank", said)
    assert "10 in all" in reply and answers.GOODBYE in reply


def test_thanks_alone_is_no_goodbye():
    assert "Anything else" in Chat().say("thank", "thanks a lot")
    assert not dialogue.leaving("see you do the lift")


def test_a_finished_count_before_ready_is_asked_about_not_taken_as_the_leg_done():
    chat = _waiting_for_ready(voice=False)
    assert read_count("managed seven already").kind == numbers.FINISHED
    reply = chat.say("report_reps", "managed seven already")
    assert "Carrying on, or is that it" in reply
    assert chat.session["leg"] == "left"

"""Table tests for the kinds issue 17's sessions set 'v' showed the coach missing: the end
of a session said with thanks, the answer to "did you do all of them?" after a paced set,
a rep taken back with its reason, and a count set in words like "call it 6". The
phrasings are the team's own."""

import pytest

from coach import conversation, numbers
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
    ("thank", "I reckon that's enough, ta"),
    ("thank", "that's my lot, thanks"),
    ("thank", "enough now, cheers"),
    ("goodbye", "ok I'm off, thanks"),
    ("thank", "that's all from me, thank you"),
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
    ("continue_session", "go on then"), ("continue_session", "next please"),
    ("affirm", "yes thanks"),
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
     ("nine", 9), ("only managed five", 5), ("for this one I got 4", 4),
     ("I reckon I got to about 6 on that set", 6), ("managed roughly 7", 7)],
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


def test_a_second_unclear_answer_is_taken_as_the_set_led_and_said_not_asked_again():
    chat = _asked_all_or_fewer()
    reply = chat.say("nlu_fallback", "hmm", metadata=VOICE)
    assert "did you do all 10 on your left leg" not in reply.lower()
    assert "put down all 10 on your left leg" in reply
    assert chat.session["reps"][0]["left"] == 10


def test_a_new_paced_leg_asks_once_before_it_assumes_anything():
    chat = _asked_all_or_fewer()
    chat.say("nlu_fallback", "hmm", metadata=VOICE)  # the left leg taken as led
    assert "Counting reps" in chat.say("continue_session", "ok ready", metadata=VOICE)
    reply = chat.say("continue_session", "ok ready", metadata=VOICE)
    assert "did you do all 10 on your right leg" in reply
    assert chat.session["reps"][0]["right"] == 0


# A rep taken back with the reason why: one rep off, whatever the classifier made of it,
# and the NLU relabels it a count so that no question's answer is said first.
TAKEN_BACK_WITH_A_REASON = [
    "take that one back, my pelvis rolled",
    "bin the last rep, I arched",
    "scrap that last one, my knee bent",
    "ignore that rep, I twisted to the side",
    "cross off the last one, my hips tipped",
    "take back that last lift, my back sagged",
    "that lift didn't count, my leg was bent",
    "delete this rep, I rushed it",
    "wipe the last one off, my form went",
    "scratch that one, my hip rolled out",
    "minus that one, bad form",
    "not counting that one, my back dipped",
    "uncount the last rep, I wobbled",
    "that last one was dodgy, take it off",
    "I need to take one back, my knee bent",
    "that one was a bit rushed, don't count it",
]


@pytest.mark.parametrize("said", TAKEN_BACK_WITH_A_REASON)
@pytest.mark.parametrize("intent", ["faq", "nlu_fallback", "count_rep"])
def test_a_rep_taken_back_with_a_reason_takes_one_off(said, intent):
    chat = _chat_at(5)
    reply = chat.say(intent, said)
    assert "4 of 10" in reply and chat.session["reps"][0]["left"] == 4


@pytest.mark.parametrize("said", TAKEN_BACK_WITH_A_REASON)
def test_a_rep_taken_back_is_a_count_to_the_nlu(said):
    assert conversation.rule_verdict("faq", [], said) == "count_rep"


@pytest.mark.parametrize(
    "said", ["that one didn't count, it hurt my back", "how do I take a rep back?", "no, 8"]
)
def test_pain_a_question_or_a_bare_no_is_not_relabelled_a_count(said):
    assert conversation.rule_verdict("faq", [], said) != "count_rep"


# A count given to be written down: the count set, not a pain score, not a question.
SET_DOWN = [
    ("make it 7, I lost track", 7), ("call it 3", 3), ("let's call it 8", 8),
    ("put me down for seven", 7), ("mark me down as 4", 4), ("log it as 6", 6),
    ("count it as 3, I wasn't sure", 3), ("just call it six, lost count", 6),
    ("put me down for 2 please", 2), ("write down 8", 8), ("make that 4", 4),
    ("let's just say 6", 6), ("go with 7", 7), ("stick me down for 3", 3),
    ("chalk it up as 8", 8), ("set it to 2", 2), ("update it to 6", 6), ("pop me down for 4", 4),
]  # fmt: skip


@pytest.mark.parametrize(("said", "value"), SET_DOWN)
def test_a_count_given_to_be_written_down_is_set(said, value):
    count = numbers.read_count(said)
    assert count == numbers.Count(numbers.SET_TO, value, True)
    assert numbers.read_pain_score(said) is None
    assert conversation.rule_verdict("faq", [], said) == "count_rep"


@pytest.mark.parametrize(("said", "value"), SET_DOWN)
def test_a_count_given_to_be_written_down_mid_set_sets_the_count(said, value):
    chat = _chat_at(5)
    reply = chat.say("faq", said)
    assert chat.session["reps"][0]["left"] == value and f"{value}" in reply


@pytest.mark.parametrize(
    ("said", "score"), [("I'd call it a 6", 6), ("call it 6", 6), ("put me down for a 5", 5)]
)
def test_asked_how_bad_a_number_to_write_down_is_the_score(said, score):
    assert numbers.read_pain_score(said, asked=True) == score


@pytest.mark.parametrize("said", ["I've lost track", "ive lost count now", "weve done loads"])
def test_a_contraction_typed_without_its_apostrophe_is_no_number(said):
    assert numbers.read_count(said) is None


@pytest.mark.parametrize(
    ("said", "value"),
    [("right, I've lost track now, reckon I've done 7", 7),
     ("ive lost count, im fairly sure its 8", 8), ("lost track, I've done 3 I think", 3)],
)  # fmt: skip
@pytest.mark.parametrize("intent", ["count_rep", "red_flag"])
def test_lost_track_then_a_count_sets_the_count(said, value, intent):
    # "Lost" read by the classifier as a red flag: losing count is no sign, so no
    # safety question, and the count is taken.
    chat = _chat_at(5)
    reply = chat.say(intent, said)
    assert chat.session["reps"][0]["left"] == value and f"{value} of 10" in reply
    assert "bladder" not in reply


@pytest.mark.parametrize(
    ("said", "value"),
    [("6done", 6), ("7 almost there", 7), ("8, getting there", 8), ("6 nearly done", 6),
     ("6reps", 6)],
)  # fmt: skip
def test_a_count_typed_against_a_word_or_with_nearly_there_is_the_count(said, value):
    chat = _chat_at(5)
    chat.say("nlu_fallback", said)
    assert chat.session["reps"][0]["left"] == value


def test_nearly_there_asked_is_where_they_are():
    chat = _chat_at(5)
    assert "5 to go" in chat.say("ask_progress", "nearly there?")


@pytest.mark.parametrize(
    "said",
    ["call it 4, I wasn't counting properly", "call it 4 - not sure", "put me down for 4 please",
     "make it 4 on this leg, I stopped counting"],
)  # fmt: skip
def test_a_count_to_write_down_with_a_reason_after_it_is_no_pain_score(said):
    assert numbers.read_pain_score(said) is None
    assert numbers.read_count(said) == numbers.Count(numbers.SET_TO, 4, True)


@pytest.mark.parametrize(
    "said",
    ["cheers, that's plenty for today", "that's plenty", "plenty for tonight, thanks",
     "thanks, that will be all for today", "ta, that's lots for one day"],
)  # fmt: skip
def test_plenty_said_for_the_end_stops(said):
    chat = _chat_at(2)
    assert "stop there" in chat.say("thank", said)


@pytest.mark.parametrize(
    "said",
    ["is that enough?", "not enough yet", "enough rest, let's go", "I'm off to the other leg"],
)
def test_enough_asked_denied_or_about_the_rest_is_no_stop(said):
    chat = _chat_at(2)
    assert "stop there" not in chat.say("nlu_fallback", said)


@pytest.mark.parametrize("said", ["that was poor", "that last one was bad, don't count it"])
def test_voice_a_rep_taken_back_after_a_paced_set_asks_how_many_not_the_leg_before(said):
    chat = Chat()
    chat.say("start_session", "start my session", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    chat.say("affirm", "yes", metadata=VOICE)  # the left leg: all 10
    chat.say("continue_session", "ready", metadata=VOICE)  # the right leg paced
    reply = chat.say("feel_worse", said, metadata=VOICE)
    assert "right leg" in reply and "how many" in reply
    assert chat.session["reps"][0] == {"left": 10, "right": 0}


@pytest.mark.parametrize("said", ["say 6", "call it 6", "put me down for 6", "let's go with 6"])
def test_asked_how_bad_mid_set_a_number_to_write_down_is_the_pain_score(said):
    chat = _chat_at(3)
    chat.say("pain", "ouch, that hurts")
    reply = chat.say("count_rep", said)
    assert "Pain of 6" in reply and chat.session["reps"][0]["left"] == 3


@pytest.mark.parametrize("said", ["I'm shattered", "so tired now", "worn out"])
def test_tired_just_after_a_session_is_told_to_rest_until_the_next(said):
    chat = _chat_resting()
    chat.say("stop_session", "stop for today")
    reply = chat.say("nlu_fallback", said)
    assert "Rest" in reply and "next session" in reply


@pytest.mark.parametrize("said", ["finished 10 again", "i did ten again"])
def test_a_batch_said_again_for_the_next_leg_is_that_legs_total(said):
    chat = _chat_at(0)
    chat.say("report_reps", "did 10")
    reply = chat.say("nlu_fallback", said)
    assert chat.session["reps"][0]["right"] == 10 and "10 on your right leg" in reply

"""Session questions and batches (s37e). Another or a later session asked about mid-session
is a schedule question: the 48-72 hour gap, then where the user is, never "carry on". A batch
naming every set on both legs ("8 a side, two rounds", "did the lot") records them all and
closes the session. "What do I do?" at the set-up says how to get into position. And only
N/10 (or "out of 10") is a pain score: "140/90" is a blood pressure, "3/5" no score."""

import pytest

from coach import numbers, pain
from tests.unit.chat import Chat, after_a_full_session, after_a_paced_set, in_a_set

GAP = "48 to 72 hours"


@pytest.mark.parametrize("intent", ["continue_session", "ask_frequency", "nlu_fallback"])
@pytest.mark.parametrize(
    "said",
    [
        "could I fit in a second workout this evening?",
        "am I ok to do another session later on?",
        "is it fine to go again tomorrow?",
        "can I do these twice a day?",
        "would one more session tonight be alright?",
        "can I do it again later today?",
    ],
)
def test_another_session_asked_mid_session_gets_the_gap_and_where_the_user_is(intent, said):
    chat = in_a_set()
    chat.say("count_rep", "4")
    reply = chat.say(intent, said)
    assert GAP in reply
    assert "carry on" not in reply.lower()
    assert "4 of 10" in reply  # and where they are
    assert chat.session["reps"][0]["left"] == 4  # nothing counted


@pytest.mark.parametrize("intent", ["continue_session", "nlu_fallback"])
def test_another_session_asked_just_after_one_gets_the_gap(intent):
    chat = after_a_full_session()
    reply = chat.say(intent, "is a second workout this evening ok?")
    assert GAP in reply and "Not today" in reply


def test_a_count_or_a_set_question_is_not_a_session_question():
    chat = in_a_set()
    assert GAP not in chat.say("count_rep", "another 2")
    chat = in_a_set()
    assert GAP not in chat.say("ask_question", "can I do another set after this one?")


@pytest.mark.parametrize("intent", ["report_reps", "count_rep", "session_done"])
@pytest.mark.parametrize(
    ("said", "each"),
    [
        ("managed 8 per leg, both sets, finished", 8),
        ("ten a side, two rounds, done", 10),
        ("2 sets of 9 on each leg all done", 9),
        ("did both the sets on both legs", 10),
        ("done all four sets now", 10),
        ("got through the whole lot", 10),
        ("completed the entire session", 10),
        ("did 10 on each leg x2", 10),
    ],
)
def test_a_batch_naming_every_set_records_them_all_and_ends_the_session(intent, said, each):
    chat = Chat()
    chat.say("start_session", "start my session")
    reply = chat.say(intent, said)
    assert chat.session is None  # the session closed
    record = chat.slots["history"][-1]
    assert record["reps"] == [{"left": each, "right": each}] * 2
    assert "session done" in reply
    reply = chat.say("continue_session", "am I ok to squeeze another session in tonight?")
    assert GAP in reply


def test_the_whole_session_said_mid_set_finishes_the_legs_still_to_do():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("count_rep", "3")  # the right leg under way
    chat.say("report_reps", "finished the whole lot")
    assert chat.session is None
    assert chat.slots["history"][-1]["reps"] == [{"left": 10, "right": 10}] * 2


@pytest.mark.parametrize(
    "said",
    [
        "is that the whole session?",
        "how long is the whole workout",
        "nearly did the lot",
        "10 each leg",
        "did 10 and 10",
    ],
)
def test_no_whole_session_is_read_from_a_question_or_a_leg_pair(said):
    chat = in_a_set()
    chat.say("report_reps", said)
    assert chat.session is not None
    assert "every set" not in chat.say("count_rep", "2")


NOT_THE_PLAN = ["did 10 each leg, 5 rounds", "twelve a side, three rounds", "finished all 6 sets"]


@pytest.mark.parametrize("said", NOT_THE_PLAN)
def test_a_whole_session_that_misses_the_plan_is_asked_once_with_buttons(said):
    chat = Chat()
    chat.say("start_session", "start my session")
    reply = chat.say("report_reps", said)
    assert "Did you do every set" in reply
    assert [label for label, _ in chat.outcome.reply.messages[-1].buttons] == [
        "Yes, every set",
        "No, not all",
    ]
    assert chat.session["reps"] == [{"left": 0, "right": 0}] * 2  # nothing recorded yet
    chat.say("affirm", "yes, all of it")
    assert chat.session is None and chat.slots["history"][-1]["completed"]


@pytest.mark.parametrize("said", NOT_THE_PLAN)
def test_no_to_the_whole_session_question_records_nothing_and_a_count_is_counted(said):
    chat = Chat()
    chat.say("start_session", "start my session")
    chat.say("report_reps", said)
    reply = chat.say("deny", "not all")
    assert "Did you do every set" not in reply
    assert chat.session["reps"] == [{"left": 0, "right": 0}] * 2
    chat = Chat()
    chat.say("start_session", "start my session")
    chat.say("report_reps", said)
    chat.say("count_rep", "3")
    assert chat.session["reps"][0]["left"] == 3


@pytest.mark.parametrize("intent", ["ask_question", "nlu_fallback", "continue_session"])
@pytest.mark.parametrize(
    "said", ["ok what now?", "so now what", "what should I do first", "right, what do I do?"]
)
def test_what_now_at_the_set_up_says_how_to_get_into_position(intent, said):
    chat = Chat()
    chat.say("start_session", "let's start")
    reply = chat.say(intent, said)
    assert "hands and knees" in reply and "hands under your shoulders" in reply
    assert "knees under your hips" in reply
    assert "Say ready" in reply
    assert chat.session["phase"] == "setup"


def test_what_now_mid_set_still_says_where_the_user_is():
    chat = in_a_set()
    chat.say("count_rep", "3")
    reply = chat.say("ask_question", "what now?")
    assert "hands under your shoulders" not in reply
    assert "3 of 10" in reply


@pytest.mark.parametrize(
    "said",
    [
        "my bp was 140/90 earlier, is that ok?",
        "blood pressure 160/100 this morning",
        "it's 3/5",
        "sugar reading 12/4",
    ],
)
def test_a_fraction_over_anything_but_ten_is_no_pain_score(said):
    assert numbers.read_pain_score(said) is None
    assert numbers.read_pain_score(said, asked=True) is None
    assert pain.read_severity([], said) is None


def test_a_score_extracted_from_a_blood_pressure_is_ignored():
    said = "my bp is 130/85"
    at = said.index("85")
    entity = {"entity": "pain_score", "value": "8", "start": at, "end": at + 1}
    assert pain.read_severity([entity], said) is None


@pytest.mark.parametrize(
    ("said", "score"),
    [("hurts about 6/10", 6), ("pain 4 out of 10", 4), ("bp 120/80, pain 3/10", 3)],
)
def test_out_of_ten_is_still_a_score(said, score):
    assert numbers.read_pain_score(said) == score


def test_a_blood_pressure_mid_set_records_no_pain():
    chat = in_a_set()
    chat.say("count_rep", "2")
    reply = chat.say("pain", "my blood pressure read 150/95 before I started")
    assert "out of 10 is" not in reply
    assert chat.session["pain"] == []


def test_the_lot_said_to_did_you_get_all_ten_is_that_set_only():
    chat = after_a_paced_set()
    chat.say("report_reps", "yes did the lot", metadata={"voice": True})
    assert chat.session is not None
    assert chat.session["reps"][0]["left"] == 10 and chat.session["leg"] == "right"


@pytest.mark.parametrize("said", ["did them all", "finished them all", "got through all of them"])
def test_them_all_is_the_set_not_the_session(said):
    assert numbers.read_whole_session(said) is None

"""Kinds of failure seen in scored blind sessions, fixed in general: a decrement said with
the miscount that explains it, "by accident" beside a count correction (no fall), a start
asked for after words of context, a position report as ready, several counts with a story
between them, a count followed by "that's the leg done?", a muscles question mid-set,
pain said with "can I still do them", and the voice total with a paced set unconfirmed."""

import pytest

from coach import conversation, numbers, red_flags
from tests.unit.chat import Chat, in_a_set

VOICE = {"voice": True}


# -- decrements said with a miscount ------------------------------------------------------


# A decrement with the miscount that explains it takes reps off; a miscount with the count
# put right still sets it.
MISCOUNTS = [
    ("minus two, I miscounted", numbers.LESS, 2),
    ("take off one, lost track there", numbers.LESS, 1),
    ("subtract 3, my count was wrong", numbers.LESS, 3),
    ("one less, I over counted", numbers.LESS, 1),
    ("I think I miscounted, minus one", numbers.LESS, 1),
    ("miscounted sorry so take off two", numbers.LESS, 2),
    ("knock 2 off, lost count", numbers.LESS, 2),
    ("minus two miscounted oops", numbers.LESS, 2),
    ("3 less, counted wrong", numbers.LESS, 3),
    ("lost track, take one off", numbers.LESS, 1),
    ("miscounted, it's 6", numbers.SET_TO, 6),
    ("lost count, 4", numbers.SET_TO, 4),
    ("I miscounted, I've only done 2", numbers.SET_TO, 2),
    ("lost track, it was 7 not 8", numbers.SET_TO, 7),
]
# A tap or a word sent twice or by mistake: one rep too many.
TAPPED_TWICE = [
    "oops clicked it twice by accident",
    "I hit done two times",
    "double clicked by accident",
    "sent next twice by mistake",
    "that was a double press",
    "accidentally tapped that twice",
    "minus one my bad",
]


@pytest.mark.parametrize("text", TAPPED_TWICE)
def test_a_tap_sent_twice_takes_one_rep_off(text):
    count = numbers.read_count(text)
    assert count is not None and (count.kind, count.value) == (numbers.LESS, 1)


@pytest.mark.parametrize("text", ["I pressed it", "tapped done", "hit my knee by accident"])
def test_a_tap_said_without_twice_or_mistake_takes_nothing_off(text):
    count = numbers.read_count(text)
    assert count is None or count.kind != numbers.LESS


@pytest.mark.parametrize(("text", "kind", "value"), MISCOUNTS)
def test_a_miscount_with_a_decrement_or_the_count_put_right(text, kind, value):
    count = numbers.read_count(text)
    assert count is not None and (count.kind, count.value) == (kind, value)


def test_minus_one_with_a_miscount_in_a_session_takes_one_off():
    chat = in_a_set()
    chat.say("count_rep", "did 7")
    reply = chat.say("count_rep", "knock one off, I lost track")
    assert "6 of 10" in reply


# -- "by accident" beside a count correction ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "undo please, I clicked it by accident",
        "pressed it by accident, take one off",
        "I counted one extra by accident",
        "said nine by accident, meant eight",
        "accidentally tapped next twice, undo",
    ],
)
def test_by_accident_with_a_count_is_no_fall(text):
    screening = red_flags.check(text)
    assert screening.flag is None and screening.suspected is None


@pytest.mark.parametrize(
    "text",
    [
        "I had an accident on my bike yesterday",
        "was in an accident last week and my back aches",
        "my back has hurt since the accident",
    ],
)
def test_an_accident_that_happened_to_the_user_is_still_asked_about(text):
    screening = red_flags.check(text)
    assert screening.flag is not None or screening.suspected is not None


def test_undo_by_accident_takes_the_rep_back():
    chat = in_a_set()
    for _ in range(5):
        chat.say("count_rep", "done")
    reply = chat.say("count_rep", "undo please, I clicked it by accident")
    assert "4 of 10" in reply and "fall" not in reply


def test_a_correction_is_applied_when_the_safety_question_is_asked():
    chat = in_a_set()
    for _ in range(4):
        chat.say("count_rep", "done")
    reply = chat.say("count_rep", "minus one, I was in an accident last week")
    assert "3 of 10" in reply and reply.rstrip().endswith("?")
    assert chat.session["reps"][0]["left"] == 3


# -- a start asked for after context --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Retired teacher, 68, my doctor wants me doing these. Would you guide me through them?",
        "Evening all. These are from my osteopath for my hips. Can you lead me through them",
        "I had a hip replacement last year and was told to do these. Start my session please.",
        "been putting these off for weeks, finally got the mat out. let's get started",
        "my sister does these and swears by them so here goes, lets go",
        "I'm 59, and my nurse printed these out. Can you help me do them?",
        "My chiropractor sent me here. Please guide me through it.",
    ],
)
def test_a_start_after_context_is_a_start(text):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], text) == "start_session"


@pytest.mark.parametrize(
    "text",
    [
        "My knee has been aching. Could you take me through them?",
        "I'm 50. What are the benefits? Take me through them",
        "how often should I do these, lets go",
        "take me through them",
        "My form is off. Could you help me with it?",
    ],
)
def test_pain_or_a_question_in_the_context_is_not_a_plain_start(text):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], text) != "start_session"


def test_a_start_after_context_is_not_taken_from_an_in_session_go():
    verdict = conversation.rule_verdict("continue_session", [], "back now, lets go")
    assert verdict is None


# -- a position report means ready ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in position now",
        "down on all fours",
        "ok I'm on my hands and knees on the mat",
        "right, I'm down on all fours in the lounge",
        "I'm in the starting position",
        "got into position",
        "I'm on the yoga mat, on all fours",
        "on hands and knees and ready to go",
        "kneeling on the mat now",
    ],
)
def test_a_position_report_is_a_start(text):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], text) == "start_session"


@pytest.mark.parametrize(
    "text",
    ["I'm on all fours, is the carpet ok?", "on my hands and knees, my wrists ache"],
)
def test_a_position_with_a_question_or_more_is_not(text):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], text) is None


@pytest.mark.parametrize(
    ("intent", "text", "said"),
    [
        # A position on a rug or carpet: in position, not the padding tip.
        ("start_session", "ok I'm down on all fours on the carpet", "Set 1, left leg"),
        # Batches with a story between them, before ready: the set starts from their sum.
        ("count_rep", "did 2, then my son needed me, then another 6", "8 of 10"),
    ],
)
def test_said_after_the_steps_before_ready(intent, text, said):
    chat = Chat()
    chat.say("start_session", "start my session")
    assert said in chat.say(intent, text)


# -- counts with a story between them, and a count with "that's the leg done?" -------------


def test_counts_with_a_story_between_them_add_up():
    counts = numbers.read_counts("did 3 then the doorbell went so I stopped, then another 4")
    assert [(c.kind, c.value) for c in counts] == [(numbers.MORE, 3), (numbers.MORE, 4)]


def test_a_story_with_pain_between_counts_is_not_skipped():
    assert numbers.read_counts("did 3 then my back started hurting, then 4 more") == []


def test_counts_with_a_story_before_a_session_start_it_from_their_sum():
    chat = Chat()
    reply = chat.say("count_rep", "did 5, then the phone went so I answered it, then another 2")
    assert "7 of 10" in reply


def test_a_count_then_whether_the_leg_is_done_counts_and_answers():
    chat = in_a_set()
    chat.say("count_rep", "did 6")
    reply = chat.say("count_rep", "4 more so that's my left side finished, yes?")
    assert "left leg done" in reply and "Switch to your right leg" in reply


def test_a_count_short_of_the_target_then_the_check_says_not_yet():
    chat = in_a_set()
    chat.say("count_rep", "did 3")
    reply = chat.say("count_rep", "2 more, is that the leg done?")
    assert reply.startswith("Not yet") and "5 of 10" in reply


# -- a muscles question mid-set; pain with "can I still do them" ---------------------------


def test_a_muscles_question_mid_set_is_answered_then_where_they_are():
    chat = in_a_set()
    chat.say("count_rep", "did 2")
    chat.say("faq", "quick q which muscles does this target", answer_key="session_length")
    responses = [m.response for m in chat.outcome.reply.messages]
    assert "utter_faq/muscles_worked" in responses
    assert "2 of 10" in " ".join(m.text for m in chat.outcome.reply.messages)


@pytest.mark.parametrize(
    "text",
    [
        "hamstring feels tight and a bit achy, may I still train",
        "woke up with an achy hip, could I still do my session",
    ],
)
def test_pain_then_can_i_still_do_them_is_a_pain_report(text):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], text) == "pain"


def test_if_it_hurts_can_i_do_them_asked_in_general_is_not():
    text = "if my back hurts can I still do them"
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], text) is None


def test_pain_then_can_i_still_exercise_asks_how_bad():
    chat = Chat()
    reply = chat.say("pain", "woke up with an achy hip, could I still do my session")
    assert "How bad" in reply


# -- voice: how many done with a paced set unconfirmed --------------------------------------


def test_how_many_done_with_a_paced_set_unconfirmed_gives_the_total_it_would_make():
    chat = Chat()
    chat.say("start_session", "start", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    chat.say("report_reps", "no I only got to six", metadata=VOICE)
    chat.say("count_rep", "that's it for this leg", metadata=VOICE)  # the leg called done
    chat.say("continue_session", "ready", metadata=VOICE)
    reply = chat.say("ask_progress", "how many have I done", metadata=VOICE)
    assert "6 on your left leg" in reply and "16 in all" in reply


def test_a_count_then_whether_the_leg_is_done_gets_no_answer_about_the_exercise_first():
    chat = in_a_set()
    chat.say("count_rep", "did 8")
    chat.say(
        "faq", "2 more, is that the leg done?", answer_key="reps_first_session", answer_said=False
    )
    assert not any(m.response for m in chat.outcome.reply.messages)


@pytest.mark.parametrize(
    "text",
    [
        "My knee was operated on in June. Can I start the leg lifts?",
        "Had a baby in the spring. Should I do the exercises",
        "hip's been sore, about a 3 today, could we do a session",
    ],
)
def test_leave_asked_or_a_score_in_the_context_is_not_a_plain_start(text):
    assert not conversation.asks_to_start_after_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've got no aches at all, can I still do them to stay strong",
        "my knee's sore, about a 5, can I still exercise",
    ],
)
def test_no_pain_or_a_score_said_is_no_how_bad_question(text):
    assert not conversation.pain_then_asks_to_exercise(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # A correction and the take-back it already made: the correction alone.
        ("hang on i only did 3, scrap that last one", numbers.SET_TO, 3),
        # "Now at 7", no subject said: the reps so far.
        ("now at 6", numbers.TOTAL, 6),
    ],
)
def test_a_correction_with_its_take_back_and_a_bare_now_at(text, kind, value):
    count = numbers.read_count(text)
    assert count is not None and (count.kind, count.value) == (kind, value)
    assert numbers.read_counts(text) == []

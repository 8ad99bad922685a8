"""What people say just after a session ended, or after pain stopped it: a late count goes
into that session's record (or is asked about), a batch said again replaces the last one,
reps are never read as a pain score, and how the pain is going gets an answer that keeps
the advice to rest."""

import pytest

from coach import numbers, pain
from tests.unit.chat import Chat, in_a_set


def ended_short(last: int = 7) -> Chat:
    """A chat whose session just ended with the last leg short of its 10."""
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "go")
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "go")
    chat.say("report_reps", f"managed {last}")
    return chat


def last_record(chat: Chat) -> dict:
    return chat.slots["history"][-1]


@pytest.mark.parametrize(
    ("said", "right_leg"),
    [
        ("final 3", 10),
        ("the last three", 10),
        ("and 3 more", 10),
        ("plus two", 9),
        ("another 1", 8),
        ("ten in all", 10),
        ("all of them actually", 10),
        ("sorry i meant 8", 8),
        ("no, 9", 9),
        ("minus one", 6),
        ("take 2 off", 5),
    ],
)
def test_a_count_just_after_the_end_goes_into_that_sessions_record(said, right_leg):
    chat = ended_short()
    assert chat.session is None and last_record(chat)["reps"][1]["right"] == 7
    reply = chat.say("nlu_fallback", said)
    assert "not in a session" not in reply and "session you just finished" in reply
    assert last_record(chat)["reps"][1]["right"] == right_leg
    assert last_record(chat)["total_reps"] == 30 + right_leg
    assert chat.session is None  # no new session was started by it


def test_the_last_leg_made_up_to_its_target_says_the_session_is_all_done():
    chat = ended_short()
    reply = chat.say("count_rep", "did the final 3")
    assert "well done" in reply.lower() and last_record(chat)["completed"]


@pytest.mark.parametrize("answer, total", [("yes", 50), ("no", 40)])
def test_a_count_that_does_not_fit_the_last_leg_is_asked_about(answer, total):
    chat = ended_short(last=10)
    reply = chat.say("report_reps", "did 10")
    assert "already finished" in reply and "add" in reply.lower()
    assert [title for m in chat.outcome.reply.messages for title, _ in m.buttons] == [
        "Yes, add them",
        "No, leave it",
    ]
    chat.say("affirm" if answer == "yes" else "deny", answer)
    assert last_record(chat)["total_reps"] == total and chat.session is None


def test_reps_added_after_a_pain_stop_keep_the_advice_to_rest():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "go")
    chat.say("report_reps", "did 4")
    chat.say("continue_session", "carrying on")
    chat.say("pain", "my back hurts, 7 out of 10")
    for _ in range(3):
        chat.say("deny", "no")
    reply = chat.say("count_rep", "2 more")
    assert last_record(chat)["reps"][0]["right"] == 6 and "rest" in reply
    assert not last_record(chat)["completed"]


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("wait no that was only 2 more", 6),
        ("hang on, it was just 1 more", 5),
        ("oops those were only three more", 7),
        ("actually make that 2 more", 6),
        ("make it 5 more", 9),
        ("sorry that was really only two more not three", 6),
        ("no, the last lot was just 1 more", 5),
    ],
)
def test_the_last_batch_said_again_replaces_it(said, left):
    chat = in_a_set()
    chat.say("report_reps", "did 3")
    chat.say("report_reps", "actually make that 4")
    chat.say("report_reps", "did another 3")
    assert chat.session["reps"][0]["left"] == 7
    chat.say("nlu_fallback", said)
    assert chat.session["reps"][0]["left"] == left


@pytest.mark.parametrize(
    "said", ["that was 2 more", "its only 2 more", "thats only 3 more to go", "2 more"]
)
def test_a_batch_without_a_look_back_is_not_a_correction(said):
    count = numbers.read_count(said)
    assert count is None or count.kind != numbers.MORE_INSTEAD


@pytest.mark.parametrize(
    "said",
    [
        "did 10",
        "managed 8",
        "10 done",
        "got 6",
        "done 10",
        "completed 9",
        "did another 4",
        "ten more",
    ],
)
def test_reps_are_never_a_pain_score_even_when_asked_how_bad(said):
    assert numbers.read_pain_score(said, asked=True) is None


@pytest.mark.parametrize(
    ("said", "score"),
    [("6", 6), ("a six", 6), ("about 4 now", 4), ("7/10", 7), ("maybe 3 or 4", 4), ("2ish", 2)],
)
def test_a_score_is_still_a_score_when_asked_how_bad(said, score):
    assert numbers.read_pain_score(said, asked=True) == score


def test_a_count_said_to_how_bad_counts_reps_and_scores_nothing():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "go")
    chat.say("report_reps", "did 10")
    assert "How bad" in chat.say("pain", "a small twinge at the back, ready though")
    reply = chat.say("count_rep", "did 10")
    assert "stop" not in reply.lower() and chat.session["reps"][1]["left"] == 10
    assert not chat.session["pain"]


def stopped_for_pain() -> Chat:
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    chat.say("continue_session", "carrying on")
    chat.say("pain", "sharp pain in my back 8/10", [{"entity": "body_part", "value": "lower back"}])
    for _ in range(3):
        chat.say("deny", "no")
    assert chat.session is None
    return chat


@pytest.mark.parametrize(
    "said",
    [
        "its easing off now thanks",
        "it's settling down a bit",
        "feels a lot better now",
        "the ache has gone",
        "pain's fading",
        "ok it's calming down",
        "much better already",
        "improving slowly",
        "not as bad as before",
    ],
)
def test_pain_easing_after_a_stop_keeps_the_rest_advice(said):
    chat = stopped_for_pain()
    reply = chat.say("nlu_fallback", said)
    assert reply == pain.EASING_AFTER_A_STOP


@pytest.mark.parametrize(
    "said",
    [
        "still hurts",
        "it's not easing at all",
        "getting worse to be honest",
        "hasn't settled",
        "still throbbing away",
        "not really better",
        "feels worse now",
    ],
)
def test_pain_not_easing_after_a_stop_gets_when_to_get_it_checked(said):
    chat = stopped_for_pain()
    reply = chat.say("nlu_fallback", said)
    assert reply == pain.NOT_EASING_AFTER_A_STOP and "doctor" in reply


@pytest.mark.parametrize(
    "said",
    [
        "what did i do wrong",
        "was it my form?",
        "why did it hurt",
        "what caused that",
        "what went wrong there",
        "is it my fault",
    ],
)
def test_what_went_wrong_after_pain_is_about_form(said):
    chat = stopped_for_pain()
    reply = chat.say("nlu_fallback", said)
    assert pain.WHAT_WENT_WRONG in reply and "arch" in reply


def test_a_pain_update_with_no_pain_earlier_is_not_taken_as_one():
    chat = Chat()
    reply = chat.say("nlu_fallback", "its easing off now thanks")
    assert reply != pain.EASING_AFTER_A_STOP


VOICE = {"voice": True}


def after_a_paced_set() -> Chat:
    chat = Chat()
    chat.say("start_session", "start my exercises", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    assert chat.session["awaiting_feedback"]
    return chat


@pytest.mark.parametrize(
    ("intent", "said"),
    [("count_rep", "okay got one"), ("count_rep", "did one"), ("report_reps", "got one rep")],
)
def test_voice_one_after_a_paced_set_is_asked_about_not_recorded_as_all(intent, said):
    chat = after_a_paced_set()
    reply = chat.say(intent, said, metadata=VOICE)
    assert "?" in reply and chat.session["reps"][0]["left"] < 10


@pytest.mark.parametrize("said", ["much better", "smoother that time", "better than last time"])
def test_voice_a_second_feeling_to_did_you_do_all_of_them_is_taken_as_led_and_said(said):
    chat = after_a_paced_set()
    chat.say("feel_fine", "ok", metadata=VOICE)
    assert chat.session["check"]["kind"] == "voice_total"
    reply = chat.say("feel_fine", said, metadata=VOICE)
    # Not the same question again and again (issue 17): the set as led, and said so.
    assert "put down all 10 on your left leg" in reply
    assert chat.session["reps"][0]["left"] == 10 and chat.session["leg"] == "right"


@pytest.mark.parametrize(
    "said",
    [
        "my knees are sore from the floor can i put a towel under them",
        "kneeling hurts my knees, is it ok to use a cushion",
        "knees ache on the wooden floor, could i kneel on a pillow",
    ],
)
def test_asking_for_padding_in_a_set_is_answered_yes_with_what_to_use(said):
    chat = in_a_set()
    reply = chat.say("nlu_fallback", said)
    assert reply.startswith("Yes") and "towel" in reply


@pytest.mark.parametrize(
    "said",
    [
        "lets do this, no pain right now",
        "no pain at all, let's go",
        "ok go, back feels fine",
        "let's get started, nothing hurts today",
    ],
)
@pytest.mark.parametrize("intent", ["pain", "nlu_fallback", "feel_fine"])
def test_a_go_ahead_with_an_all_clear_starts_the_session(said, intent):
    chat = Chat()
    reply = chat.say(intent, said)
    assert "Say ready when you're in position" in reply and "How bad" not in reply


def four_done() -> Chat:
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    chat.say("continue_session", "carrying on")
    return chat


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("knock one off", 3),
        ("chop 2 off", 2),
        ("take two reps off", 2),
        ("sorry typo meant 5", 5),
        ("typo, 6", 6),
        ("my mistake, meant 3", 3),
        ("should be 6 not 7", 6),
        ("should have been 5", 5),
        ("lost count, call it 6", 6),
        ("lost track, say 7", 7),
        ("i reckon i did 7 by now", 7),
        ("im on 6 at this point", 6),
    ],
)
def test_corrections_and_counts_in_everyday_forms(said, left):
    chat = four_done()
    reply = chat.say("nlu_fallback", said)
    assert chat.session["reps"][0]["left"] == left, reply
    assert not chat.session["pain"]


@pytest.mark.parametrize(
    "said", ["that's me done for this leg", "finito", "me done", "done and dusted"]
)
def test_finishing_words_end_the_leg_or_ask_if_short(said):
    chat = four_done()
    reply = chat.say("nlu_fallback", said)
    assert "all 10" in reply and "stop at 4" in reply


@pytest.mark.parametrize(
    "said",
    [
        "wheres my count at",
        "where's the tally",
        "remind me what number i'm on",
        "what number am i on",
        "tell me how many",
        "what rep are we up to",
    ],
)
def test_where_am_i_in_other_words_says_where_the_user_is(said):
    chat = four_done()
    reply = chat.say("nlu_fallback", said)
    assert "6 to go" in reply and chat.session["reps"][0]["left"] == 4


def resting() -> Chat:
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "go")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    return chat


@pytest.mark.parametrize(
    "said",
    [
        "how long have i got",
        "is the minute up?",
        "how much rest is left",
        "how much longer",
        "has the break finished",
        "how many seconds left",
        "can i go yet",
    ],
)
def test_how_much_rest_is_left_is_answered_at_rest(said):
    chat = resting()
    reply = chat.say("nlu_fallback", said)
    assert "seconds of rest left" in reply and chat.session["phase"] == "rest"


@pytest.mark.parametrize("said", ["ready for more", "ready for set 2", "ok ready for round two"])
def test_ready_for_more_at_rest_starts_the_next_set(said):
    chat = resting()
    assert "Set 2" in chat.say("nlu_fallback", said) and chat.session["set_number"] == 2


@pytest.mark.parametrize(
    ("said", "left"), [("no i stopped at six", 6), ("nah, gave up after 4", 4), ("no, only 7", 7)]
)
def test_voice_a_no_with_how_far_they_got_records_it(said, left):
    chat = after_a_paced_set()
    chat.say("deny", said, metadata=VOICE)
    assert chat.session["reps"][0]["left"] == left


@pytest.mark.parametrize(
    "said",
    ["how did i do", "so how'd I get on", "how did we do then", "how much did we get done?",
     "ok how much work did i do", "so how many have I managed"],
)  # fmt: skip
def test_how_did_i_do_after_the_session_gives_its_totals(said):
    chat = ended_short(last=10)
    reply = chat.say("nlu_fallback", said)
    assert "40 reps in all" in reply


@pytest.mark.parametrize("intent", ["nlu_fallback", "feel_fine"])
@pytest.mark.parametrize("said", ["what's our final count", "and the grand total?"])
def test_the_grand_total_after_the_session_is_its_reps_in_all(said, intent):
    chat = ended_short(last=10)
    assert "40 reps in all" in chat.say(intent, said)


def test_a_late_correction_of_the_last_leg_by_name():
    chat = ended_short(last=10)
    chat.say("nlu_fallback", "wait i only did 8 on the last one")
    assert last_record(chat)["reps"][1]["right"] == 8


@pytest.mark.parametrize(
    "said", ["pretty sore now", "it stings a bit", "bit of a twinge there", "feeling uncomfortable"]
)
def test_pain_words_the_classifier_missed_are_asked_how_bad(said):
    chat = four_done()
    reply = chat.say("nlu_fallback", said)
    assert reply == pain.ASK_SEVERITY and chat.slots["pending_offer"] == "pain_severity"


@pytest.mark.parametrize(
    ("said", "score"),
    [("hurts like hell", 8), ("mild ache", 2), ("aching a bit, around four", 4)],
)
def test_pain_said_with_its_strength_the_classifier_missed_is_scored(said, score):
    chat = four_done()
    chat.say("nlu_fallback", said)
    pains = chat.session["pain"] if chat.session else last_record(chat)["pain"]
    assert pains == [score]


@pytest.mark.parametrize("said", ["fine, zero pain", "feels tight, not painful", "no pain at all"])
def test_no_pain_in_a_set_is_not_a_pain_report(said):
    chat = four_done()
    reply = chat.say("nlu_fallback", said)
    assert "4 of 10" in reply and not chat.session["pain"]


@pytest.mark.parametrize(
    "said",
    [
        "ok ill try tomorrow if it settles down",
        "hopefully it eases off by tonight",
        "i'll start again once it's better",
    ],
)
def test_a_plan_that_waits_for_the_pain_to_ease_is_no_pain_update(said):
    chat = stopped_for_pain()
    assert chat.say("nlu_fallback", said) != pain.EASING_AFTER_A_STOP


@pytest.mark.parametrize(
    "said",
    [
        "what if it doesnt get any better",
        "and if it doesn't settle?",
        "what if it's still sore tomorrow",
        "what if it won't go away",
    ],
)
def test_what_if_it_does_not_ease_after_a_stop_says_when_to_get_it_checked(said):
    chat = stopped_for_pain()
    assert pain.WHEN_TO_SEE_A_DOCTOR in chat.say("nlu_fallback", said)


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("did 3 then another 2", 9),
        ("2 more and then 1 more", 7),
        ("another 2, then 2 more", 8),
        ("oops not 4 it was 3, and 2 more since", 5),
        ("i meant 3, plus 2 more now", 5),
        ("undo that and add 2", 2),
        ("scratch that, 5 more", 5),
        ("two more, no wait three more", 7),
        ("did 5... no 6", 6),
        ("3 more; sorry, 2 more", 6),
    ],
)
def test_several_counts_in_one_message_are_applied_in_order(said, left):
    chat = four_done()
    chat.say("nlu_fallback", said)
    assert chat.session["reps"][0]["left"] == left


@pytest.mark.parametrize(
    "said", ["9 and 10 done", "did 2 more then had a rest", "did 4, no pain", "done, thanks"]
)
def test_one_count_with_other_words_is_not_a_sequence(said):
    assert numbers.read_counts(said) == []


@pytest.mark.parametrize(("said", "value"), [("ok did those 3", 3), ("these 2 done", 2)])
def test_those_n_is_a_batch(said, value):
    assert numbers.read_count(said) == numbers.Count(numbers.MORE, value, True)


@pytest.mark.parametrize(
    "said", ["am i done", "did i finish?", "was that all of it", "is that the lot", "all done?"]
)
def test_is_that_it_just_after_the_session_says_yes_with_its_totals(said):
    chat = ended_short(last=10)
    reply = chat.say("nlu_fallback", said)
    assert reply.startswith("Yes") and "40 reps in all" in reply


@pytest.mark.parametrize("said", ["done for today", "that's it for today", "ok I'm done for now"])
def test_done_for_today_after_the_session_says_when_the_next_is(said):
    chat = ended_short(last=10)
    reply = chat.say("nlu_fallback", said)
    assert "well done" in reply and "48 to 72 hours" in reply


@pytest.mark.parametrize("said", ["what do i do tomorrow", "what's the plan for next time"])
def test_what_to_do_next_time_after_the_session_is_the_schedule(said):
    chat = ended_short(last=10)
    assert "48 to 72 hours" in chat.say("nlu_fallback", said)


@pytest.mark.parametrize(
    "said", ["wait what set is next", "what leg comes next", "what rep is this"]
)
def test_which_set_or_leg_is_next_says_where_the_user_is(said):
    chat = resting()
    reply = chat.say("nlu_fallback", said)
    assert "Set 1 of 2" in reply or "set 1 of 2" in reply


@pytest.mark.parametrize(
    "said",
    [
        "what happens if it gets worse?",
        "what do i do if it starts hurting?",
        "and if my back gets sore?",
    ],
)
def test_what_if_it_hurts_mid_set_is_about_pain_whatever_answer_was_picked(said):
    chat = four_done()
    reply = chat.say("faq", said, answer_key="equipment")
    assert "pain" in reply.lower() and chat.session["reps"][0]["left"] == 4
    assert "stop" in reply.lower()


@pytest.mark.parametrize("said", ["oops pressed that twice, undo", "scratch that, undo"])
def test_one_take_back_said_twice_takes_back_one(said):
    chat = in_a_set()
    for n in ("1", "2", "3", "4"):
        chat.say("count_rep", n)
    chat.say("nlu_fallback", said)
    assert chat.session["reps"][0]["left"] == 3

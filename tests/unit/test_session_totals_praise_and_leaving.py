"""Kinds seen in scored blind sessions, fixed in general: a running total said back to be
checked, a count question left unanswered, praise for the coach, a goodbye in a session,
when (not how) to make it harder, and the wording of two replies."""

import pytest

from coach import conversation, numbers, red_flags
from coach.dialogue import ASKS_WHEN_TO_STEP_UP, PROGRESSION_ANSWER, leaving
from tests.unit.chat import Chat, after_a_paced_set, in_a_set
from tests.unit.test_session_after_end import resting

at_rest_after_set_one = resting  # 20 reps done, resting before set 2


# -- a running total said back to be checked ------------------------------------------


@pytest.mark.parametrize(
    "text, total",
    [
        ("so that comes to 14 in total, yeah?", 14),
        ("thats thirty altogether right", 30),
        ("16 so far?", 16),
        ("we're on 22 overall, correct?", 22),
        ("so in total that's 9, right", 9),
        ("eleven reps in all?", 11),
    ],
)
def test_a_total_said_back_is_read(text, total):
    assert numbers.read_total_said_back(text) == total


@pytest.mark.parametrize(
    "text",
    [
        "lost track, it's 6 in total",  # said plainly: a count that corrects the leg
        "how many have i done in total?",  # no number: the ordinary total question
        "3 to go in total?",
        "did 8",
    ],
)
def test_no_total_said_back(text):
    assert numbers.read_total_said_back(text) is None


@pytest.mark.parametrize("intent", ["ask_progress", "nlu_fallback", "repeat"])
def test_a_right_total_is_confirmed_at_rest(intent):
    chat = at_rest_after_set_one()
    reply = chat.say(intent, "so that comes to 20 in total, yeah?")
    assert reply.startswith("Yes")
    assert "20 reps in all" in reply
    assert chat.session["phase"] == "rest"


def test_a_wrong_total_is_put_right_mid_set():
    chat = at_rest_after_set_one()
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 3")
    reply = chat.say("ask_progress", "i'm on 25 overall now, right?")
    assert reply.startswith("Not quite: it's 23.")
    assert "3 of 10" in reply  # back to the step; nothing recorded


def test_a_total_said_back_after_the_session():
    chat = at_rest_after_set_one()
    chat.say("stop_session", "stop")
    assert chat.say("repeat", "was it 20 altogether?").startswith("Yes, that's right.")
    assert chat.say("repeat", "so 18 in all?").startswith("Not quite: it's 20.")


# -- a question about a count, left unanswered ----------------------------------------

ASKED = "Is that 6 more, or 6 in all?"


def asked_more_or_total() -> Chat:
    chat = in_a_set()
    chat.say("report_reps", "did 7")
    assert ASKED in chat.say("report_reps", "did 6")  # 6 more would overshoot 10
    return chat


@pytest.mark.parametrize(
    "intent, text, answered",
    [
        ("ask_reps", "how many have i got left", "3 to go"),
        ("continue_session", "ok go", "7 of 10"),
    ],
)
def test_an_unanswered_count_question_is_asked_again(intent, text, answered):
    chat = asked_more_or_total()
    reply = chat.say(intent, text)
    assert answered in reply
    assert reply.endswith("(6 more would make 13.)")
    assert chat.session["reps"][0]["left"] == 7
    # Still open: the answer settles it.
    assert chat.say("report_reps", "6 more").startswith("13 on your left leg")


def test_a_new_count_settles_the_question():
    chat = asked_more_or_total()
    chat.say("ask_reps", "how many left")
    reply = chat.say("report_reps", "did 10")
    assert "more, or" not in reply
    assert chat.session["leg"] == "right"


def test_another_batch_keeps_the_one_asked_about():
    chat = asked_more_or_total()
    chat.say("report_reps", "did 2")
    assert chat.session["reps"][0] == {"left": 13, "right": 2}


def test_stopping_keeps_the_batch_asked_about():
    chat = asked_more_or_total()
    assert "13 in all" in chat.say("stop_session", "stop")


def test_undo_drops_the_batch_asked_about():
    chat = asked_more_or_total()
    assert "not counted" in chat.say("nlu_fallback", "undo")
    assert chat.session["reps"][0]["left"] == 7


# -- praise for the coach ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "you are a seriously good coach",
        "ur pretty amazing at this",
        "loving this app",
        "great little app",
        "you're killing it mate",
        "nice work coach",
        "i really like this",
        "like it!",
    ],
)
def test_praise_is_read(text):
    assert conversation.praises_the_coach(text)


@pytest.mark.parametrize(
    "text",
    [
        "you're great but my hip hurts",
        "my knee is killing me",
        "pretty sore today",
        "good",  # to "how did it feel?": the set, not the coach
        "that was good",
        "you are great, pain about 5",
        "my hip has felt like this since monday",  # a likeness, not a liking
        "it's been like it for a fortnight",
    ],
)
def test_no_praise_where_it_hurts_or_answers_the_set(text):
    assert not conversation.praises_the_coach(text)


@pytest.mark.parametrize("intent", ["pain", "thank", "faq", "nlu_fallback"])
def test_praise_mid_set_is_thanked_not_a_pain_question(intent):
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    reply = chat.say(intent, "you're a really pretty great trainer", answer_said=False)
    assert reply.startswith("Thank you")
    assert "0 (no pain)" not in reply and "hurt" not in reply
    assert "4 of 10" in reply


def test_praise_by_voice_after_a_paced_set_keeps_the_question():
    chat = after_a_paced_set()
    reply = chat.say("pain", "you're a pretty good coach", metadata={"voice": True})
    assert reply.startswith("Thank you")
    assert "did you get all 10" in reply
    assert chat.session["awaiting_feedback"]


# -- a goodbye in a session ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["ta, see ya", "thanks, gotta run", "cheers, i'm finished", "ok bye now", "good night all"],
)
def test_leaving_is_read(text):
    assert leaving(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it bye to the band then?",
        "bye, my back really hurts",
        "i'm done",
        "10 done",
        "i need to go a bit slower",
        "have to go to the toilet",
        "had a good night's sleep so i feel strong",
        "thanks, i'm done with this leg",
    ],
)
def test_not_leaving(text):
    assert not leaving(text)


@pytest.mark.parametrize("intent", ["thank", "goodbye", "nlu_fallback"])
def test_leaving_at_rest_ends_with_the_summary_and_a_goodbye(intent):
    chat = at_rest_after_set_one()
    reply = chat.say(intent, "thank you, see you later")
    assert "20 in all" in reply
    assert "Bye for now" in reply
    assert "Anything else" not in reply


def test_leaving_mid_set_keeps_the_reps():
    chat = in_a_set()
    chat.say("report_reps", "did 5")
    reply = chat.say("thank", "cheers, that's me finished")
    assert "5 in all" in reply and "Bye for now" in reply


# -- when to make it harder: the timing, not how --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "how soon should i put on an ankle weight",
        "when do i get to use the band",
        "at what stage can i try the ball",
        "when am i allowed to step up",
        "how long before i can add extra reps",
    ],
)
def test_when_to_step_up_is_read(text):
    assert ASKS_WHEN_TO_STEP_UP.search(text)


@pytest.mark.parametrize(
    "text",
    ["how do i use the band", "when i wear the weight does it go on my ankle", "when do i rest"],
)
def test_how_or_other_whens_are_not(text):
    assert not ASKS_WHEN_TO_STEP_UP.search(text)


def test_when_to_use_a_band_mid_set_gives_the_progression_rule():
    chat = in_a_set()
    chat.say("report_reps", "did 3")
    chat.say(
        "faq", "when do i get to use the band", answer_key="resistance_band", answer_said=False
    )
    responses = [m.response for m in chat.outcome.reply.messages if m.response]
    assert responses == [f"utter_faq/{PROGRESSION_ANSWER}"]


# -- wording ------------------------------------------------------------------------


def test_strong_pain_after_the_checklist_says_to_skip_today_and_when_to_see_someone():
    said = red_flags.reply("screening_clear_after_pain")
    assert "reassuring" not in said
    assert "skip today's session" in said
    assert "physio" in said and "GP" in said


# -- a start named by the exercise's other names ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "please start the straight leg raises",
        "kick off my hip extensions now",
        "begin the leg extensions",
    ],
)
def test_a_start_by_another_name_is_a_start_whatever_the_classifier(text):
    assert conversation.rule_verdict("faq", [], text) == "start_session"


def test_a_question_about_starting_one_is_not():
    assert conversation.rule_verdict("faq", [], "how do i begin a hip extension") is None


@pytest.mark.parametrize("intent", ["faq", "nlu_fallback", "repeat"])
def test_a_total_said_back_is_about_progress_whatever_the_classifier(intent):
    assert conversation.rule_verdict(intent, [], "so 14 altogether, yeah?") == "ask_progress"

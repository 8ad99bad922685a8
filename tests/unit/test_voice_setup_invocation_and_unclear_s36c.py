"""Issue 17 items 3 and 4, by voice: "done" where the coach waits for "ready" starts the
paced set; the wake word and the skill's name are not part of the message; an unsure answer
to "did you get all 10?" is asked about plainly; "resume" after a pause names the leg and
the set. The phrasings are the team's own."""

import pytest

from coach import dialogue
from tests.unit.chat import Chat, after_a_paced_set

VOICE = {"voice": True}
READY_WORDS = ("done", "all done now", "done it", "i'm done", "finished", "all set", "set")


def _voice_setup() -> Chat:
    chat = Chat()
    chat.say("start_session", "let's get going with the session", metadata=VOICE)
    assert chat.session["phase"] == "setup"
    return chat


@pytest.mark.parametrize("said", READY_WORDS)
@pytest.mark.parametrize("intent", ["count_rep", "continue_session", "nlu_fallback"])
def test_done_at_the_voice_setup_starts_the_paced_set(said, intent):
    chat = _voice_setup()
    reply = chat.say(intent, said, metadata=VOICE)
    assert "Counting reps 1 to 10" in reply
    assert chat.session["awaiting_feedback"] and chat.session["reps"][0]["left"] == 0


@pytest.mark.parametrize("said", ("done", "finished now", "i'm all set"))
def test_done_at_the_voice_leg_switch_paces_the_next_leg(said):
    chat = after_a_paced_set()
    chat.say("affirm", "yes, got every one", metadata=VOICE)
    assert chat.session["awaiting_ready"] and chat.session["leg"] == "right"
    reply = chat.say("count_rep", said, metadata=VOICE)
    assert "Counting reps 1 to 10" in reply
    assert chat.session["reps"][0]["right"] == 0 and chat.session["awaiting_feedback"]


def test_done_after_the_voiced_rest_starts_the_next_set():
    chat = after_a_paced_set()
    chat.say("affirm", "yes, got every one", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    chat.say("affirm", "yes, all ten", metadata=VOICE)
    assert chat.session["phase"] == "rest"
    reply = chat.say("count_rep", "done", metadata=VOICE)
    assert "Counting reps 1 to 10" in reply and chat.session["set_number"] == 2
    assert chat.session["reps"][1]["left"] == 0


def test_chat_keeps_done_at_the_setup_as_before():
    chat = Chat()
    chat.say("start_session", "let's get going with the session")
    reply = chat.say("count_rep", "done")
    assert "Counting reps" not in reply


@pytest.mark.parametrize(
    "said, left",
    [
        ("alexa, ask leg lift coach to begin", "begin"),
        ("Alexa tell the leg lift coach i did 6", "i did 6"),
        ("hey google, talk to leg lift coach and start", "start"),
        ("ok google ask leg lift coach how long do I hold", "how long do I hold"),
        ("launch leg lift coach and go", "go"),
        ("leg lift coach, pause please", "pause please"),
        ("open leg lift coach", "open leg lift coach"),  # the launch alone: kept whole
        ("what does a leg lift coach do", "what does a leg lift coach do"),
    ],
)
def test_wake_words_and_the_skill_name_are_taken_off(said, left):
    assert dialogue.tidy(said) == left


@pytest.mark.parametrize(
    "said",
    [
        "alexa, tell leg lift coach to begin",
        "hey google ask leg lift coach to start the workout",
        "alexa open leg lift coach and begin my session",
        "ask leg lift coach to go",
    ],
)
@pytest.mark.parametrize("intent", ["faq/starting_position", "nlu_fallback", "faq"])
def test_start_through_the_skill_name_starts_a_session(said, intent):
    chat = Chat()
    chat.say(intent, said, metadata=VOICE)
    assert chat.session is not None and chat.session["phase"] == "setup"


@pytest.mark.parametrize(
    "said", ["er, I reckon so, maybe", "kind of", "not really sure", "i dunno", "probably"]
)
@pytest.mark.parametrize("intent", ["affirm", "feel_fine", "nlu_fallback"])
def test_an_unsure_answer_to_a_paced_set_is_asked_again(said, intent):
    chat = after_a_paced_set()
    reply = chat.say(intent, said, metadata=VOICE)
    assert reply == "How many did you manage? Say a number, or all of them."
    assert chat.session["reps"][0]["left"] == 0 and chat.session["leg"] == "left"


def test_the_number_after_an_unsure_answer_is_recorded():
    chat = after_a_paced_set()
    chat.say("affirm", "sort of", metadata=VOICE)
    reply = chat.say("report_reps", "eight", metadata=VOICE)
    assert chat.session["reps"][0]["left"] == 8 and "8" in reply


def test_all_of_them_after_an_unsure_answer_ends_the_leg():
    chat = after_a_paced_set()
    chat.say("nlu_fallback", "hmm not sure", metadata=VOICE)
    chat.say("feel_fine", "all of them", metadata=VOICE)
    assert chat.session["reps"][0]["left"] == 10 and chat.session["leg"] == "right"


@pytest.mark.parametrize("said", ["okay resume", "right, carry on", "i'm back now", "resume"])
@pytest.mark.parametrize("intent", ["continue_session", "nlu_fallback"])
def test_resume_after_a_pause_mid_set_names_the_leg_and_set(said, intent):
    chat = after_a_paced_set()
    chat.say("pause_session", "hold on, pause", metadata=VOICE)
    assert chat.session["phase"] == "paused"
    reply = chat.say(intent, said, metadata=VOICE)
    assert "Back to your left leg, set 1 of 2" in reply
    assert chat.session["phase"] == "active" and chat.session["reps"][0]["left"] == 0


def test_resume_after_a_pause_at_the_leg_switch_keeps_the_leg():
    chat = after_a_paced_set()
    chat.say("affirm", "yes, got every one", metadata=VOICE)
    chat.say("pause_session", "pause", metadata=VOICE)
    reply = chat.say("nlu_fallback", "ok i'm back", metadata=VOICE)
    assert "right leg, set 1 of 2" in reply and chat.session["leg"] == "right"
    assert chat.session["reps"][0]["left"] == 10

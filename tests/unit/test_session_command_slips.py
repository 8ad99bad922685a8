"""Session commands and counts said a little wrong: a start typed as a real word ("stat"),
a start after saying where one is ("on the mat, count me in"), a speech recogniser's
soundalike count before "done", and a count with an unpunctuated reason after it."""

from coach import numbers
from coach.conversation import rule_verdict
from coach.dialogue import tidy
from tests.unit.chat import Chat, in_a_set

VOICE = {"voice": True}


def test_a_soundalike_count_before_done_is_read():
    assert numbers.read_count("only got free done this round").value == 3
    assert numbers.read_count("managed for done").value == 4


def test_reaching_the_end_is_no_count():
    assert numbers.read_count("managed to the end") is None
    assert numbers.read_count("made it to the final one") is None


def test_a_count_then_an_unpunctuated_reason_is_the_count():
    assert numbers.read_count("managed 7 the final three felt too heavy").value == 7
    assert numbers.read_count("only reached ate the rest were too much").value == 8


def test_a_count_before_ready_in_voice_is_recorded_not_the_target():
    chat = Chat()
    chat.say("start_session", "begin my exercises", metadata=VOICE)
    reply = chat.say("nlu_fallback", "only reached ate the rest were too much", metadata=VOICE)
    assert "8 of 10 on your left leg" in reply
    assert chat.session["reps"][0]["left"] == 8  # what was said, not the target


def test_a_start_after_saying_where_one_is_starts_the_session():
    assert rule_verdict("faq", [], "down on the mat now, count me in") == "start_session"
    assert rule_verdict("nlu_fallback", [], "knees on the rug so get me going") == "start_session"


def test_a_question_about_the_floor_stays_a_question():
    assert rule_verdict("faq", [], "do i need a mat on a wooden floor?") is None
    assert rule_verdict("faq", [], "can you start me off on the floor?") is None


def test_a_start_typed_as_a_real_word_starts():
    assert rule_verdict("nlu_fallback", [], "stat my exercises") == "start_session"
    assert tidy("stay the workout") == "start the workout"
    reply = Chat().say("nlu_fallback", "stat my exercises")
    assert "Today: 2 sets of 10" in reply


def test_a_slip_word_without_a_session_word_is_left_alone():
    assert tidy("star jumps are hard") == "star jumps are hard"
    assert rule_verdict("nlu_fallback", [], "stay there a second") is None


def test_session_commands_mistyped_on_their_own_are_the_commands():
    assert tidy("paws") == "pause"
    assert tidy("reddy") == "ready"
    assert tidy("resum") == "resume"


def test_a_band_said_after_a_vague_ache_rates_it_again():
    chat = in_a_set()
    pains = [{"entity": "severity", "value": "a bit"}, {"entity": "body_part", "value": "back"}]
    first = chat.say("pain", "back's niggling a bit", entities=pains)
    # Said back in the user's terms, never as a number they did not say.
    assert "Mild pain" in first and "out of 10" not in first
    again = chat.say("nlu_fallback", "more like moderate really")
    assert "Moderate pain" in again and "out of 10" not in again


def test_a_lower_band_after_a_score_changes_nothing():
    chat = in_a_set()
    chat.say("pain", "hip is at 6", entities=[{"entity": "number", "value": "6"}])
    assert "out of 10" not in chat.say("nlu_fallback", "mild i think")

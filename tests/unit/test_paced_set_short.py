"""Voice: fewer than the target after a paced set is recorded and the leg left open,
with one question (carry on for the rest, or call the leg done), never ended silently."""

from tests.unit.chat import Chat

VOICE = {"voice": True}


def paced_left_leg():
    chat = Chat()
    chat.say("start_session", "let's begin the exercise", metadata=VOICE)
    chat.say("ready", "ready", metadata=VOICE)
    return chat


def short_by_three():
    chat = paced_left_leg()
    reply = chat.say("report_reps", "nope, just seven", metadata=VOICE)
    return chat, reply


def test_a_short_paced_set_is_recorded_and_asked_about():
    chat, reply = short_by_three()
    assert "7 on your left leg recorded, 3 short of 10" in reply
    asked = "Just to check: carry on for the last 3 on your left leg, or call that leg done?"
    assert asked in reply
    assert chat.session["leg"] == "left" and chat.session["reps"][0]["left"] == 7
    titles = [title for title, _ in chat.outcome.reply.messages[-1].buttons]
    assert titles == ["Carry on for the last 3", "Call that leg done"]


def test_how_many_left_after_a_short_paced_set_counts_this_leg():
    chat, _ = short_by_three()
    reply = chat.say("ask_reps_left", "how many are left", metadata=VOICE)
    assert "3 to go on your left leg" in reply


def test_carrying_on_paces_the_rest_of_the_leg():
    chat, _ = short_by_three()
    reply = chat.say("continue_session", "keep going", metadata=VOICE)
    assert "Counting reps 8 to 10" in reply and chat.session["leg"] == "left"
    chat.say("feel_fine", "all of them", metadata=VOICE)
    assert chat.session["reps"][0]["left"] == 10 and chat.session["leg"] == "right"


def test_calling_the_leg_done_moves_to_the_other_leg_with_the_short_count():
    for said in ("that's it for this leg", "done"):
        chat, _ = short_by_three()
        reply = chat.say("count_rep", said, metadata=VOICE)
        assert "right leg" in reply
        assert chat.session["reps"][0]["left"] == 7 and chat.session["leg"] == "right"


def test_pain_after_a_short_paced_set_still_wins():
    chat, _ = short_by_three()
    reply = chat.say("pain", "ow my hip really hurts", metadata=VOICE)
    assert "stop this set" in reply and "Counting reps" not in reply


def test_the_whole_target_still_ends_the_leg():
    chat = paced_left_leg()
    assert "right leg" in chat.say("report_reps", "i did 10", metadata=VOICE)


def test_tired_after_a_short_paced_set_calls_the_leg_done_then_a_break():
    chat, _ = short_by_three()
    reply = chat.say("nlu_fallback", "i'm worn out now", metadata=VOICE)
    assert "7 on your left leg" in reply and chat.session["phase"] == "paused"
    assert chat.session["leg"] == "right" and chat.session["reps"][0]["left"] == 7


def test_a_bare_no_to_carry_on_or_done_asks_again():
    chat, _ = short_by_three()
    reply = chat.say("deny", "no", metadata=VOICE)
    asked = "Just to check: carry on for the last 3 on your left leg, or call that leg done?"
    assert reply == asked
    assert chat.session["leg"] == "left" and chat.session["reps"][0]["left"] == 7


def test_all_but_the_last_after_a_paced_set_still_ends_the_leg():
    chat = paced_left_leg()
    reply = chat.say("nlu_fallback", "did the lot apart from the last one", metadata=VOICE)
    assert "9 on your left leg" in reply and chat.session["leg"] == "right"


def test_ready_to_carry_on_or_done_starts_the_other_leg_at_once():
    for intent, said in (("ready", "ready"), ("continue_session", "lets go")):
        chat, _ = short_by_three()
        reply = chat.say(intent, said, metadata=VOICE)
        assert "7 on your left leg" in reply and "Switch to your right leg" in reply
        assert "Set 1, right leg" in reply and "Counting reps 1 to 10" in reply
        assert "Say ready" not in reply
        assert chat.session["reps"][0]["left"] == 7 and chat.session["leg"] == "right"


def test_ready_to_carry_on_or_done_on_the_right_leg_rests_first():
    chat, _ = short_by_three()
    chat.say("count_rep", "that's it for this leg", metadata=VOICE)
    chat.say("ready", "ready", metadata=VOICE)
    chat.say("report_reps", "only eight", metadata=VOICE)
    reply = chat.say("ready", "ready", metadata=VOICE)
    assert "That's set 1 done" in reply and "Set 2," not in reply
    assert chat.session["phase"] == "rest" and chat.session["reps"][0]["right"] == 8

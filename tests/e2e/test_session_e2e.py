"""End to end over REST: a whole guided session with interruptions, its history
surviving a restart, and a red flag stopping a session in the very same turn."""

import signal

from coach import protocol as p
from tests.e2e.coach_server import joined, stored_slot, through_checklist


def test_a_two_set_session_with_interruptions_is_saved_across_a_restart(coach):
    sender = "e2e-session"
    say = lambda text: joined(coach.say(sender, text))  # noqa: E731

    reply = through_checklist(say("coach me through my leg lifts"), lambda: say("no"))
    assert "ready" in reply.lower()
    assert "Set 1, left leg" in say("ready")
    for count in range(1, 5):
        assert str(count) in say("done")
    reply = say("how long do I hold each one?")
    assert p.HOLD_SECONDS.spoken("seconds") in reply and "4 of 10 done on your left leg" in reply
    assert say("done").startswith("5")
    assert "Paused" in say("hold on a sec")
    assert "rep 6" in say("ok I'm back")
    assert "Switch to your right leg" in say("I did 10 with my left")
    reply = say("finished the set")
    assert "set 1 done" in reply and "ready" in reply.lower()
    assert "Set 2, left leg" in say("ready")
    assert "right leg" in say("did 10")
    reply = say("only managed 8")
    assert "set 1: left 10, right 10; set 2: left 10, right 8" in reply
    assert "next session is best on" in reply

    history = stored_slot(coach.database, sender, "history")
    assert history[-1]["reps"] == [{"left": 10, "right": 10}, {"left": 10, "right": 8}]

    assert coach.stop() in (0, -signal.SIGTERM), coach.log_tail()
    coach.start()

    # The history came back with the tracker: a new session this soon needs a yes.
    reply = say("let's exercise")
    assert "go ahead anyway" in reply, reply
    assert "Okay" in say("no")
    assert stored_slot(coach.database, sender, "history")[-1]["total_reps"] == 38


def test_a_red_flag_mid_set_stops_the_session_in_that_turn(coach):
    sender = "e2e-red-flag"
    through_checklist(
        joined(coach.say(sender, "start my session")), lambda: joined(coach.say(sender, "no"))
    )
    coach.say(sender, "ready")
    coach.say(sender, "done")
    coach.say(sender, "done")
    replies = coach.say(sender, "I suddenly can't feel anything in my groin and inner thighs")
    reply = joined(replies)
    assert "emergency" in reply.lower()
    for exercise_word in ("rep", "set ", "leg lift", "ready", "lift"):
        assert exercise_word not in reply.lower(), reply
    assert stored_slot(coach.database, sender, "session") is None
    assert stored_slot(coach.database, sender, "history")[-1]["notes"][-1] == "red_flag"
    # The session is over and the emergency stays in force: counting words no longer
    # count, and "it's gone now" does not undo the advice.
    said = joined(coach.say(sender, "done"))
    assert said.startswith("Not yet") and stored_slot(coach.database, sender, "session") is None
    said = joined(coach.say(sender, "it's fine now, it went away"))
    assert "doctor" in said and "Glad" not in said, said


def test_pain_mid_set_is_asked_about_and_the_count_kept(coach):
    sender = "e2e-pain"
    through_checklist(
        joined(coach.say(sender, "let's do my leg lifts")), lambda: joined(coach.say(sender, "no"))
    )
    coach.say(sender, "ready")
    for _ in range(3):
        coach.say(sender, "done")
    asked = joined(coach.say(sender, "ouch my lower back twinges"))
    assert "0" in asked and "10" in asked, asked
    reply = joined(coach.say(sender, "about a 2"))
    assert "3 of 10 done on your left leg" in reply, reply
    assert joined(coach.say(sender, "next")).startswith("4")


def _two_reps_then_pain(coach, sender, pain):
    """A chat session two reps into its first set, then a pain said: the say, the reply."""
    say = lambda text: joined(coach.say(sender, text))  # noqa: E731
    through_checklist(say("let's do my leg lifts"), lambda: say("no"))
    say("ready")
    for _ in range(2):
        say("done")
    return say, say(pain)


def test_a_place_after_a_pain_stop_is_noted_and_what_now_gives_the_plan(coach):
    sender = "e2e-pain-stop-place"
    say, reply = _two_reps_then_pain(coach, sender, "argh that really hurts, a 6")
    assert "stop this set" in reply
    reply = say("right knee, on the inside")
    assert "noted: your knee" in reply and "15 slow reps" not in reply, reply
    assert stored_slot(coach.database, sender, "plan")["recent_pain"]["location"] == "knee"
    reply = say("ok so what do I do now")
    assert "next set uses the easier version" in reply and "stop for today" in reply, reply
    assert "2 on your left leg" in reply, reply


def test_what_now_in_a_set_eased_for_pain_gives_the_plan_and_a_knee_part_is_the_knee(coach):
    say, reply = _two_reps_then_pain(coach, "e2e-eased-what-now", "ouch, my leg aches, about a 4")
    assert "easier for the rest of today" in reply
    reply = say("back of my left knee")
    assert "noted: your knee" in reply, reply
    reply = say("so what now")
    assert "eased off" in reply and "above 5 out of 10" in reply, reply
    assert reply.index("eased off") < reply.index("2 of 7"), reply
    reply = say("then I only did 5 more by myself")  # a batch: 2 + 5 ends the eased leg
    assert "7 on your left leg" in reply and "Switch to your right leg" in reply, reply

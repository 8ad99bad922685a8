"""End to end over REST: a start closing a set-up remark starts, a batch said with how it
was done is N more, a correction down by N may end on a filler, and resuming after a pause
while "carrying on, or is that it?" is open carries on with the leg."""

from tests.e2e.test_session_language_e2e import talk


def test_set_up_start_batch_with_how_minus_n_and_resume_at_the_question(coach):
    say = talk(coach, "e2e-batch-how-minus-resume")
    reply, _ = say("got my mat out and I'm on all fours, begin")
    assert "hands and knees" in reply or "Set 1, left leg" in reply
    say("ready")
    assert "is that it for this leg" in say("did 5")[0]
    assert "Paused" in say("pause, someone at the door")[0]
    reply, _ = say("right I'm back, resume")
    assert "carry on from rep 6" in reply and "Switch" not in reply
    assert "8 of 10" in say("did 3 more holding each at the top")[0]
    assert "6 of 10" in say("minus 2 actually")[0]
    assert "4 to go" in say("how many left")[0]

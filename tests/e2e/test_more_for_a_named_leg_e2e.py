"""End to end over REST: "N more" with a leg named is that leg's count, a pain of 0 gets no
form correction, and the closing total counts every batch said."""

from coach import pain
from tests.e2e.test_session_language_e2e import talk


def test_n_more_for_the_other_leg_counts_and_the_total_has_every_batch(coach):
    say = talk(coach, "e2e-more-named-leg")
    say("start my session")
    assert "Set 1, left leg" in say("ready")[0]
    assert "Switch to your right leg" in say("got all 10")[0]
    reply, _ = say("pain zero")
    assert "fine to work with" in reply and pain.form_cue(None) not in reply
    reply, _ = say("8 more on the other side")
    assert "8 of 10 on your right leg" in reply and "adding reps" not in reply
    say("2 more")
    say("rested, ready")
    say("did 10")
    say("did 10 on the other side")
    reply, _ = say("how many did I do altogether")
    assert "40" in reply

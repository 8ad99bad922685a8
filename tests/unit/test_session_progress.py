"""What the web chat page's session bar shows: coach.session.progress of the stored session."""

from coach import protocol as p
from coach.session import Session, progress

T0 = 1_700_000_000.0


def begun(target=10) -> Session:
    session, _ = Session.begin(p.STANDARD_LEVEL, target, T0, first_time=False)
    return session


def stored(session: Session) -> dict:
    return session.to_dict()  # what the slot holds, as the action reads it back


def test_no_session_or_an_unreadable_one_is_inactive():
    assert progress(None) == {"active": False}
    assert progress({"level": "standard", "unknown": 1}) == {"active": False}
    assert progress("not a session") == {"active": False}


def test_setup_shows_set_one_of_two_on_the_left_leg_with_no_reps():
    assert progress(stored(begun())) == {
        "active": True,
        "phase": "setup",
        "set": 1,
        "sets": p.SETS_PER_LEG,
        "leg": "left",
        "reps": 0,
        "target": 10,
        "resting_until": None,
    }


def test_reps_counted_on_the_current_leg():
    session = begun()
    session.ready(T0 + 5)
    for n in range(3):
        session.count_rep(None, T0 + 10 + n)
    shown = progress(stored(session))
    assert (shown["phase"], shown["set"], shown["leg"], shown["reps"]) == ("active", 1, "left", 3)
    session.report(None, T0 + 60)  # left leg finished: on to the right, from zero
    shown = progress(stored(session))
    assert (shown["leg"], shown["reps"], shown["target"]) == ("right", 0, 10)


def test_the_rest_ends_a_rest_period_after_the_set_and_is_cleared_by_the_next_set():
    session = begun()
    session.ready(T0 + 5)
    session.report(None, T0 + 60)
    session.report(None, T0 + 120)  # set 1 done on both legs
    shown = progress(stored(session))
    assert shown["phase"] == "rest" and shown["set"] == 1
    assert shown["resting_until"] == T0 + 120 + p.REST_BETWEEN_SETS_SECONDS
    session.rest_over(2)
    shown = progress(stored(session))
    assert (shown["phase"], shown["set"], shown["leg"], shown["resting_until"]) == (
        "active",
        2,
        "left",
        None,
    )
    assert stored(session)["rest_until"] is None


def test_paused_during_the_rest_shows_no_countdown():
    session = begun()
    session.ready(T0 + 5)
    session.report(None, T0 + 60)
    session.report(None, T0 + 120)
    session.pause()
    shown = progress(stored(session))
    assert shown["phase"] == "paused" and shown["resting_until"] is None


def test_a_finished_session_is_inactive():
    session = begun()
    session.stop(T0 + 30)
    assert progress(stored(session)) == {"active": False}


def test_a_session_stored_before_the_rest_time_was_kept_still_reads():
    data = stored(begun())
    del data["rest_until"]
    assert progress(data)["active"] is True

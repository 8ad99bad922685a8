"""The guided-session state machine: every transition, and the state surviving a round trip."""

import re

from coach import protocol as p
from coach import speech
from coach.session import ACTIVE, CUES, DONE, PAUSED, REST, SETUP, Session

T0 = 1_700_000_000.0


def started(target=10, **options) -> Session:
    session, _ = Session.begin(p.STANDARD_LEVEL, target, T0, first_time=False, **options)
    session.ready(T0 + 5)
    return session


def texts(lines) -> str:
    return " ".join(line.text for line in lines)


def finish_leg(session: Session, now=T0 + 60):
    return session.report(None, now)


def test_first_time_gets_the_start_position_and_regulars_do_not():
    _, first = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=True)
    _, regular = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=False)
    assert "hands and knees" in texts(first)
    assert "hands and knees" not in texts(regular)
    for lines in (first, regular):
        assert "2 sets of 10 reps" in texts(lines) and "ready" in texts(lines[-1:]).lower()


def test_ready_starts_set_one_on_the_left_leg():
    session, _ = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=False)
    assert session.phase == SETUP
    said = texts(session.ready(T0))
    assert session.phase == ACTIVE and session.leg == "left" and session.set_number == 1
    assert "Set 1, left leg: 10 reps" in said


def test_each_rep_counts_one_and_the_count_is_said():
    session = started()
    replies = [texts(session.count_rep(None, T0 + i)) for i in range(1, 5)]
    assert session.count == 4
    for number, reply in enumerate(replies, start=1):
        assert re.search(rf"\b{number}\b", reply)


def test_cues_come_now_and_then_and_vary():
    session = started(target=15)
    replies = [texts(session.count_rep(None, T0 + i)) for i in range(1, 13)]
    with_cue = [reply for reply in replies if any(cue in reply for cue in CUES)]
    assert 2 <= len(with_cue) <= 6
    assert len(set(with_cue)) == len(with_cue)


def test_a_said_number_is_the_users_own_count_when_it_moves_forward():
    session = started()
    session.count_rep(3, T0)
    assert session.count == 3
    session.count_rep(2, T0)  # behind the count: one more rep, not a step back
    assert session.count == 4
    session.count_rep(99, T0)  # nonsense: one more rep
    assert session.count == 5


def test_left_then_right_then_rest_then_set_two_then_done():
    session = started()
    said = texts(finish_leg(session))
    assert session.leg == "right" and "Switch to your right leg" in said
    said = texts(finish_leg(session))
    assert session.phase == REST and "Rest for 60 seconds" in said
    said = texts(session.ready(T0 + 200))
    assert session.set_number == 2 and session.leg == "left" and "Set 2" in said
    finish_leg(session)
    said = texts(finish_leg(session, now=T0 + 600))
    assert session.over and session.phase == DONE
    assert "set 1: left 10, right 10; set 2: left 10, right 10" in said
    assert "about 10 minutes" in said


def test_counting_to_the_target_finishes_the_leg():
    session = started(target=5)
    for i in range(5):
        session.count_rep(None, T0 + i)
    assert session.leg == "right" and session.count == 0


def test_batch_fewer_than_target_is_recorded_not_argued_with():
    session = started()
    said = texts(session.report(7, T0))
    assert session.reps[0]["left"] == 7 and session.leg == "right"
    assert "7 on your left leg" in said


def test_batch_over_target_is_recorded_as_done():
    session = started()
    session.report(12, T0)
    assert session.reps[0]["left"] == 12 and session.leg == "right"


def test_how_many_left():
    session = started()
    for i in range(4):
        session.count_rep(None, T0 + i)
    said = texts(session.how_many_left())
    assert "6 to go" in said and "4 of 10" in said and "right leg" in said


def test_pause_and_resume_mid_set_keep_the_count():
    session = started()
    for i in range(3):
        session.count_rep(None, T0 + i)
    said = texts(session.pause())
    assert session.phase == PAUSED and "3 of 10" in said
    assert "already paused" in texts(session.pause())
    said = texts(session.resume(T0 + 100))
    assert session.phase == ACTIVE and session.count == 3 and "rep 4" in said


def test_a_rep_reported_while_paused_means_the_user_carried_on():
    session = started()
    session.count_rep(None, T0)
    session.pause()
    session.count_rep(None, T0 + 30)
    assert session.phase == ACTIVE and session.count == 2
    session.pause()
    session.report(None, T0 + 60)
    assert session.leg == "right" and session.reps[0]["left"] == 10


def test_next_after_a_rest_starts_the_next_set_without_counting_a_rep():
    session = started()
    finish_leg(session)
    finish_leg(session)
    said = texts(session.count_rep(None, T0 + 200))
    assert session.set_number == 2 and session.count == 0 and "Set 2" in said


def test_pause_in_rest_then_resume_starts_the_next_set():
    session = started()
    finish_leg(session)
    finish_leg(session)
    assert session.phase == REST
    session.pause()
    assert session.phase == PAUSED and "resting" in session.where()
    said = texts(session.resume(T0 + 300))
    assert session.phase == ACTIVE and session.set_number == 2 and "Set 2" in said


def test_rest_timer_starts_the_next_set_only_while_still_resting():
    session = started(timed_rest=True)
    finish_leg(session)
    assert "I'll tell you when" in texts(finish_leg(session))
    said = texts(session.rest_over(2))
    assert "Rest over" in said and session.set_number == 2 and session.phase == ACTIVE
    assert session.rest_over(2) == []  # a late timer says nothing


def test_user_ready_before_the_timer_then_timer_is_ignored():
    session = started(timed_rest=True)
    finish_leg(session)
    finish_leg(session)
    session.ready(T0 + 30)
    session.count_rep(None, T0 + 31)
    assert session.rest_over(2) == [] and session.count == 1


def test_skip_a_leg_keeps_what_was_done():
    session = started()
    session.count_rep(None, T0)
    session.skip(False, T0)
    assert session.reps[0]["left"] == 1 and session.leg == "right"


def test_skip_the_set_goes_to_rest():
    session = started()
    session.skip(True, T0)
    assert session.phase == REST and session.set_number == 1


def test_skip_on_the_last_leg_ends_the_session():
    session = started()
    finish_leg(session)
    finish_leg(session)
    session.ready(T0)
    finish_leg(session)
    said = texts(session.skip(False, T0 + 400))
    assert session.over and "set 2: left 10, right 0" in said


def test_skip_during_rest_starts_the_next_set():
    session = started()
    finish_leg(session)
    finish_leg(session)
    session.skip(False, T0)
    assert session.phase == ACTIVE and session.set_number == 2


def test_stop_mid_set_saves_the_partial_session():
    session = started()
    for i in range(4):
        session.count_rep(None, T0 + i)
    said = texts(session.stop(T0 + 120))
    record = session.record()
    assert session.over and "left 4, right 0" in said
    assert record["total_reps"] == 4 and record["completed"] is False
    assert record["ended_at"] == T0 + 120


def test_stop_after_set_one_gives_the_summary():
    session = started()
    finish_leg(session)
    finish_leg(session)
    said = texts(session.stop(T0 + 300))
    assert "set 1: left 10, right 10" in said and "set 2" not in said
    assert "20 in all" in said, "the summary adds up the reps"


def test_repeat_gives_the_last_instruction_again():
    session, _ = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=True)
    assert "hands and knees" in texts(session.repeat())
    session.ready(T0)
    session.count_rep(None, T0)
    assert "1 of 10" in texts(session.repeat())


def test_too_hard_eases_off_for_the_rest_of_today():
    session = started()
    for i in range(8):
        session.count_rep(None, T0 + i)
    said = texts(session.ease_off("too_hard", T0 + 10))
    assert session.target == 10 - p.EASE_OFF_REPS
    assert "smaller" in said or "only as high" in said
    assert session.leg == "right"  # 8 already meets the new target of 7


def test_easing_off_never_goes_below_the_minimum():
    session = started(target=p.MIN_REPS_PER_SET)
    session.ease_off("too_hard", T0)
    assert session.target == p.MIN_REPS_PER_SET


def test_too_easy_is_noted_for_progression():
    session = started()
    session.note_easy()
    assert "too_easy" in session.record()["notes"]


def test_the_state_round_trips_through_a_plain_dict():
    session = started()
    session.count_rep(None, T0)
    session.pause()
    copy = Session.from_dict(session.to_dict())
    assert copy == session
    assert Session.from_dict(None) is None
    assert Session.from_dict({"level": "standard"}) is None  # missing fields: unreadable
    assert Session.from_dict("garbage") is None


def test_stop_set_for_pain_rests_and_continues_at_the_easier_level():
    session = started()
    session.count_rep(None, T0)
    session.stop_set_for_pain("short_range", T0 + 10)
    assert session.phase == REST and session.level == "short_range"
    asked = session.ready(T0 + 100)  # has the pain settled? asked before the next set
    assert session.phase == REST and "pain settled" in asked[0].text
    session.resume_after_pain_settled(T0 + 110)
    assert session.set_number == 2 and session.leg == "left"


def test_voice_paces_a_whole_leg_then_asks_how_it_felt():
    session, _ = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=False, voice=True)
    lines = session.ready(T0)
    ssml = speech.to_ssml(lines)
    assert session.awaiting_feedback and "how did it feel" in lines[-1].text
    assert ssml.count("Lift.") == 10 and ssml.count("Hold.") == 10
    for number in range(1, 11):
        assert f"{number}.</emphasis>" in ssml
    breaks = [int(ms) for ms in re.findall(r'<break time="(\d+)ms"/>', ssml)]
    assert breaks and max(breaks) <= speech.MAX_BREAK_MS
    assert len(ssml) <= speech.MAX_SSML_CHARS
    # "ready" says nothing about what was done: asked, not recorded
    session.ready(T0 + 90)
    assert session.reps[0]["left"] == 0 and session.check["kind"] == "voice_total"
    # "fine" records the paced set and names the other leg; "ready" then paces it
    lines = session.feedback(T0 + 95)
    assert session.reps[0]["left"] == 10 and session.leg == "right"
    assert "Lift." not in speech.to_ssml(lines) and "Say ready" in lines[-1].text
    assert speech.to_ssml(session.ready(T0 + 110)).count("Lift.") == 10


def test_voice_feedback_with_a_number_records_it():
    session, _ = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=False, voice=True)
    session.ready(T0)
    session.report(6, T0 + 60)
    assert session.reps[0]["left"] == 6 and session.leg == "right"


def test_voice_ssml_fits_alexa_for_the_longest_set_on_the_ladder():
    longest = max(level.reps_per_set for level in p.LEVELS)
    ssml = speech.to_ssml([speech.Line("x", ssml=speech.paced_reps(1, longest))])
    assert len(ssml) <= speech.MAX_SSML_CHARS


def test_long_pauses_are_split_into_allowed_breaks():
    assert speech.pause(25_000).count("<break") == 3
    assert all(
        int(ms) <= speech.MAX_BREAK_MS for ms in re.findall(r"(\d+)ms", speech.pause(25_000))
    )


def test_voice_how_many_left_before_the_set_is_confirmed_says_what_follows_it():
    session, _ = Session.begin(p.STANDARD_LEVEL, 10, T0, first_time=False, voice=True)
    session.ready(T0)
    said = texts(session.how_many_left())
    assert "30 to go today" in said and "right leg" in said and "all of them?" in said
    assert session.reps[0]["left"] == 0  # still asked, not recorded

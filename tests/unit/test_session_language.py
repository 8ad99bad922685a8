"""What people say while they exercise, through the turn logic (coach/dialogue.py):
counts and corrections by grammar, questions about ambiguous counts, ordinary replies,
voice that records only what the user confirms, and pain that sets the plan."""

import re

import pytest

from coach import answers, numbers, speech
from coach import protocol as p
from tests.unit.chat import HOUR, Chat, after_a_full_session, in_a_set, number


def buttons(chat: Chat) -> list[str]:
    return [title for m in chat.outcome.reply.messages for title, _ in m.buttons]


def reps(chat: Chat, leg: str = "left", set_number: int = 1) -> int:
    return chat.session["reps"][set_number - 1][leg]


def test_three_is_a_count_whatever_the_classifier_said():
    chat = in_a_set()
    chat.say("count_rep", "one")
    chat.say("count_rep", "two")
    assert chat.say("nlu_fallback", "three").startswith("3") and reps(chat) == 3
    assert chat.say("nlu_fallback", "for").startswith("4")


def test_increments_add_what_was_said():
    chat = in_a_set()
    chat.say("count_rep", "3 more")
    assert reps(chat) == 3
    chat.say("count_rep", "another 2")
    assert reps(chat) == 5
    said = chat.say("report_reps", "did another 3")
    assert reps(chat) == 8 and "2 to go" in said


def test_a_small_batch_at_zero_asks_whether_the_leg_is_done():
    chat = in_a_set()
    said = chat.say("report_reps", "did 4")
    assert "Well done" not in said and "carrying on" in said.lower() and buttons(chat)
    assert reps(chat) == 4 and chat.session["leg"] == "left"
    assert "6 to go" in chat.say("continue_session", "carrying on")
    assert chat.say("count_rep", "done").startswith("5")


def test_a_batch_after_single_reps_asks_more_or_in_all():
    chat = in_a_set()
    for _ in range(5):
        chat.say("count_rep", "done")
    said = chat.say("report_reps", "did 5")
    assert "5 more, or 5 in all" in said and buttons(chat) == ["5 more", "5 in all"]
    assert "Switch to your right leg" in chat.say("count_rep", "5 more")
    assert reps(chat) == 10


def test_in_all_keeps_the_total_and_carries_on():
    chat = in_a_set()
    for _ in range(5):
        chat.say("count_rep", "done")
    chat.say("report_reps", "did 7")
    said = chat.say("report_reps", "7 in all")
    assert reps(chat) == 7 and "3 to go" in said


def test_a_total_below_the_count_is_asked_about():
    chat = in_a_set()
    for _ in range(6):
        chat.say("count_rep", "done")
    said = chat.say("count_rep", "3")
    assert "3 more, or 3 in all" in said and reps(chat) == 6


def test_undo_minus_one_and_that_one_didnt_count():
    chat = in_a_set()
    for _ in range(5):
        chat.say("count_rep", "done")
    assert "4 of 10" in chat.say("nlu_fallback", "undo")
    assert "3 of 10" in chat.say("nlu_fallback", "minus one")
    assert "2 of 10" in chat.say("count_rep", "that one didn't count")
    assert reps(chat) == 2


def test_i_miscounted_sets_the_count_and_stays_on_the_leg():
    chat = in_a_set()
    for _ in range(4):
        chat.say("count_rep", "done")
    said = chat.say("report_reps", "I miscounted, I've only done 1")
    assert reps(chat) == 1 and chat.session["leg"] == "left" and "9 to go" in said


def test_i_meant_is_a_correction_never_a_pause():
    chat = in_a_set()
    for _ in range(3):
        chat.say("count_rep", "done")
    chat.say("count_rep", "4")
    said = chat.say("pause_session", "no wait I meant 5")
    assert chat.session["phase"] == "active" and reps(chat) == 5 and "Paused" not in said


def test_a_correction_after_the_leg_switched_goes_back_to_that_leg():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    assert chat.session["leg"] == "right"
    said = chat.say("deny", "no, 8")
    assert chat.session["leg"] == "left" and reps(chat) == 8 and "left leg" in said
    chat.say("report_reps", "2 more")
    assert chat.session["leg"] == "right" and reps(chat) == 10


def test_a_count_far_above_the_target_is_checked():
    chat = in_a_set()
    said = chat.say("report_reps", "did 25")
    assert "25" in said and "Did you really" in said and reps(chat) == 0
    assert "How many" in chat.say("deny", "no")
    assert "Switch to your right leg" in chat.say("count_rep", "10")
    assert reps(chat) == 10


def test_a_far_count_confirmed_is_kept():
    chat = in_a_set()
    chat.say("report_reps", "did 25")
    assert "Switch to your right leg" in chat.say("affirm", "yes")
    assert reps(chat) == 25


def test_pain_scores_in_a_set_are_read_whatever_the_intent():
    for text in ("pain 6", "Pain: 6", "hurts 6", "6/10"):
        chat = in_a_set()
        chat.say("count_rep", "done")
        said = chat.say("count_rep", text)
        assert "6 out of 10" in said, text
        assert 6 in chat.session["pain"] if chat.session else True


def test_agony_alone_stops_the_session():
    chat = in_a_set()
    chat.say("count_rep", "done")
    said = chat.say("nlu_fallback", "agony")
    assert "stop the exercise for today" in said and chat.session is None


def test_how_bad_answers_in_words():
    chat = in_a_set()
    chat.say("pain", "my back hurts")
    assert "4 out of 10" in chat.say("nlu_fallback", "a four")
    chat.say("pain", "my back hurts again")
    assert "6 out of 10" in chat.say("nlu_fallback", "between 5 and 6")


def test_ordinary_replies_mid_set():
    chat = in_a_set()
    for _ in range(4):
        chat.say("count_rep", "done")
    assert "4 of 10" in chat.say("nlu_fallback", "ok")
    assert "6 to go" in chat.say("nlu_fallback", "where was I")
    assert "6 to go" in chat.say("nlu_fallback", "what's next")
    assert "6 to go" in chat.say("ask_progress", "how many did I do")
    assert reps(chat) == 4


def test_finished_at_zero_is_the_whole_leg_and_mid_leg_asks():
    chat = in_a_set()
    assert "Switch to your right leg" in chat.say("nlu_fallback", "finished")
    chat.say("count_rep", "done")
    chat.say("count_rep", "done")
    said = chat.say("nlu_fallback", "finished")
    assert "all 10 on your right leg, or stop at 2" in said
    assert "set 1 done" in chat.say("nlu_fallback", "only 2")
    assert reps(chat, "right") == 2


def test_lets_go_and_not_today():
    chat = Chat()
    chat.say("start_session", "start my session")
    assert "Set 1, left leg" in chat.say("nlu_fallback", "let's go")
    chat = Chat()
    chat.say("start_session", "start my session")
    said = chat.say("nlu_fallback", "actually no, not today")
    assert "no session today" in said and chat.session is None
    assert not chat.slots.get("history")


def test_a_question_is_answered_never_taken_as_a_pause():
    chat = in_a_set()
    for _ in range(2):
        chat.say("count_rep", "done")
    said = chat.say(
        "pause_session", "wait how long do I hold again", ranking=["pause_session", "ask_hold"]
    )
    assert answers.ANSWERS["hold"].short in said and chat.session["phase"] == "active"
    assert "2 of 10" in said


def test_no_offer_of_more_detail_mid_set():
    chat = in_a_set()
    said = chat.say("ask_technique", "how do I do it")
    assert "Shall I" not in said and not buttons(chat)
    assert chat.slots.get("pending_offer") is None


def test_a_typed_button_title_works_like_the_button():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    chat.new_conversation(hours_later=2)
    assert "go ahead anyway" in chat.say("start_session", "start my session")
    assert "Say ready" in chat.say("nlu_fallback", "yes, start")


def test_voice_records_a_paced_set_only_when_confirmed():
    chat = Chat()
    voice = {"voice": True}
    chat.say("start_session", "start", metadata=voice)
    chat.say("continue_session", "ready", metadata=voice)
    assert chat.session["awaiting_feedback"]
    said = chat.say("continue_session", "okay I'm ready", metadata=voice)
    assert "all 10" in said and reps(chat) == 0
    said = chat.say("ask_reps", "how many left", metadata=voice)
    assert "0 of 10" not in said and "all of them" in said and reps(chat) == 0
    chat.say("report_reps", "I managed 8", metadata=voice)
    chat.say("count_rep", "that's it for this leg", metadata=voice)  # the leg called done
    assert reps(chat) == 8 and chat.session["leg"] == "right"
    chat.say("continue_session", "ready", metadata=voice)
    chat.say("nlu_fallback", "all of them", metadata=voice)
    assert reps(chat, "right") == 10 and chat.session["phase"] == "rest"
    rest = chat.outcome.reply.messages[-1].ssml
    waits = sum(int(ms) for ms in re.findall(r'time="(\d+)ms"', rest))
    assert waits == p.REST_BETWEEN_SETS_SECONDS * 1000
    assert all(int(ms) <= speech.MAX_BREAK_MS for ms in re.findall(r'time="(\d+)ms"', rest))
    said = chat.say("ask_hold", "how long do I hold it", metadata=voice)
    assert answers.ANSWERS["hold"].short in said and chat.session["phase"] == "rest"


def test_pain_before_a_session_lightens_it():
    chat = Chat()
    chat.say("pain", "my back hurts, about a 4")
    said = chat.say("start_session", "start my session")
    assert "7 reps" in said and chat.session["target"] == 7


def test_severe_pain_needs_an_explicit_go_ahead_the_same_day():
    chat = in_a_set()
    chat.say("count_rep", "done")
    chat.say("pain", "pain 8")
    assert chat.session is None
    said = chat.say("start_session", "start session")
    assert "go ahead anyway" in said and chat.session is None
    assert "Yes, I want to go ahead" in buttons(chat)
    assert chat.session is None or chat.say("deny", "no")
    chat.say("start_session", "start session")
    said = chat.say("nlu_fallback", "yes, I want to go ahead")
    # After severe pain the safety checklist comes again before any session (issue 15).
    for _ in range(3):
        if chat.session is None and "?" in said:
            said = chat.say("deny", "no")
    assert chat.session is not None and chat.session["phase"] == "setup"


def test_severe_pain_yesterday_does_not_block_today():
    chat = Chat()
    chat.say("pain", "pain 8")
    chat.new_conversation(hours_later=30)
    chat.say("feel_fine", "better")
    assert "go ahead anyway" not in chat.say("start_session", "start session")


def test_pain_after_a_session_is_added_to_its_record():
    chat = in_a_set()
    for _ in range(4):
        chat.say("report_reps", "did 10")
        if chat.session and chat.session["phase"] == "rest":
            chat.say("continue_session", "ready")
    assert chat.session is None
    said = chat.say("pain", "my back hurts 4/10")
    assert 4 in chat.slots["history"][-1]["pain"] and "record" in said


def test_pain_with_no_set_running_does_not_say_stop_this_set():
    said = Chat().say("pain", "pain 6")
    assert "stop this set" not in said and "6 out of 10" in said


def test_worse_the_next_morning_reduces_the_load_and_says_what_next():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("stop_session", "stop for today")
    chat.new_conversation(hours_later=18)
    said = chat.say("feel_worse", "my back was worse the next morning")
    assert "step down" in said and "Next session" in said
    assert chat.slots["level"] != p.STANDARD_LEVEL


def test_delete_my_data_mid_set_confirms_by_typed_words():
    chat = in_a_set()
    assert "delete everything?" in chat.say("delete_data", "delete my data")
    assert "kept everything" in chat.say("nlu_fallback", "no, actually keep it")
    chat.say("delete_data", "delete my data")
    chat.say("delete_data", "yes, delete everything")
    assert chat.outcome.erase_user


def test_next_session_days_are_not_repeated():
    chat = in_a_set(history=[])
    chat.now = chat.now - chat.now % (24 * HOUR) + 22 * HOUR  # a late-evening session
    for _ in range(4):
        chat.say("report_reps", "did 10")
        if chat.session and chat.session["phase"] == "rest":
            chat.say("continue_session", "ready")
    said = chat.say("ask_frequency", "can I do another tonight?")
    days = re.findall(r"on (\w+day \d+ \w+)", said)
    assert len(days) == len(set(days)), said


def test_a_count_with_a_reason_is_a_count_and_tired_is_not_pain():
    chat = Chat()
    voice = {"voice": True}
    chat.say("start_session", "start", metadata=voice)
    chat.say("continue_session", "ready", metadata=voice)
    chat.say("pain", "just for, arms were shaking", metadata=voice)
    chat.say("count_rep", "that's it for this leg", metadata=voice)  # the leg called done
    assert reps(chat) == 4 and chat.session["leg"] == "right"


def test_when_to_see_a_doctor_is_answered():
    said = Chat().say("nlu_fallback", "so when do I need to see my GP about it")
    assert "2 weeks" in said and "urgently" in said


def test_worse_next_morning_asks_how_bad_now():
    chat = Chat()
    chat.say("feel_worse", "woke up and my back was worse than the day before")
    assert chat.slots["pending_offer"] == "pain_severity"
    assert "Pain of 5 out of 10" in chat.say("nlu_fallback", "was 3 yesterday, about 5 today")


def test_can_i_still_exercise_follows_the_pain_reported_today():
    chat = Chat()
    chat.say("pain", "knee's sore, 2 out of 10")
    assert chat.say("nlu_fallback", "can i still exercise").startswith("Yes")
    chat.say("pain", "now it's 8 out of 10")
    assert chat.say("nlu_fallback", "could I still do my session").startswith("Not today")


def test_voice_how_many_said_in_any_form_is_recorded_and_ok_is_not_a_yes():
    voice = {"voice": True}
    chat = Chat()
    chat.say("start_session", "start", metadata=voice)
    chat.say("continue_session", "ready", metadata=voice)
    chat.say("deny", "nah only got to six", metadata=voice)
    chat.say("count_rep", "that's it for this leg", metadata=voice)  # the leg called done
    assert reps(chat) == 6 and chat.session["leg"] == "right"
    chat.say("continue_session", "ready", metadata=voice)
    chat.say("count_rep", "nine", metadata=voice)
    chat.say("count_rep", "that's it for this leg", metadata=voice)  # the leg called done
    assert reps(chat, "right") == 9 and chat.session["phase"] == "rest"
    chat.say("continue_session", "ready", metadata=voice)
    chat.say("deny", "no", metadata=voice)
    said = chat.say("feel_fine", "ok", metadata=voice)
    assert reps(chat, "left", 2) == 0 and chat.session["leg"] == "left", said


def test_a_miscount_with_a_number_is_a_correction_not_the_end_of_the_leg():
    chat = in_a_set()
    for _ in range(6):
        chat.say("count_rep", "done")
    chat.say("report_reps", "ugh I got the count wrong, just 5")
    assert reps(chat) == 5 and chat.session["leg"] == "left"


def test_where_was_i_out_of_a_session_and_remind_me_how():
    chat = Chat()
    assert answers.NO_SESSION in chat.say("nlu_fallback", "what's next")
    said = chat.say(
        "set_reminder", "remind me how to do it", ranking=["set_reminder", "ask_technique"]
    )
    assert "When shall I remind you" not in said


def test_pain_during_the_rest_gets_no_set_advice():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    said = chat.say("pain", "pain 6 in my back")
    assert "Pain of 6 out of 10" in said and "stop this set" not in said


def test_undo_takes_back_a_whole_batch_and_minus_one_takes_one():
    chat = in_a_set()
    chat.say("count_rep", "done")
    chat.say("count_rep", "3 more")
    # A batch undone: all of it, or its last rep? Asked (s36b), then the whole batch.
    assert "Take back all 3" in chat.say("nlu_fallback", "undo that")
    assert "1 of 10" in chat.say("affirm", "all 3")
    chat.say("count_rep", "did 2 more")
    assert "2 of 10" in chat.say("count_rep", "that one didn't count")


def voiced_set() -> Chat:
    chat = Chat()
    chat.say("start_session", "start", metadata={"voice": True})
    chat.say("continue_session", "ready", metadata={"voice": True})
    return chat


def test_a_count_and_how_it_felt_in_one_message():
    chat = voiced_set()
    said = chat.say("report_reps", "did 7 and then it went severe", metadata={"voice": True})
    record = chat.slots["history"][-1]
    assert chat.session is None and record["reps"][0]["left"] == 7 and "Severe pain" in said
    chat = in_a_set()
    said = chat.say("report_reps", "got through 10, though it was moderate")
    assert reps(chat) == 10 and "Moderate pain" in said
    chat = in_a_set()
    said = chat.say("report_reps", "did 10 but my knee was sore")
    assert reps(chat) == 10 and chat.slots["pending_offer"] == "pain_severity" and "0" in said


def test_a_score_before_the_place_it_hurts_and_right_is_no_eight():
    chat = in_a_set()
    for _ in range(3):
        chat.say("count_rep", "done")
    assert "3 out of 10" in chat.say("nlu_fallback", "hmm about a 3ish across my low back")
    said = chat.say("continue_session", "right, keep going")
    assert reps(chat) == 3 and "8" not in said


def test_all_again_n_not_m_and_a_hedged_soundalike():
    chat = voiced_set()
    chat.say("report_reps", "all of them", metadata={"voice": True})
    chat.say("continue_session", "ready", metadata={"voice": True})
    chat.say("report_reps", "every one again", metadata={"voice": True})
    assert reps(chat, "right") == 10 and chat.session["phase"] == "rest"
    chat = in_a_set()
    for _ in range(10):
        chat.say("count_rep", "done")
    chat.say("nlu_fallback", "oops, that was 9 rather than 10")
    assert reps(chat) == 9
    chat = voiced_set()
    chat.say("nlu_fallback", "sicks probably", metadata={"voice": True})
    assert reps(chat) == 6


def test_a_vague_yes_after_a_paced_set_is_asked_about():
    chat = voiced_set()
    said = chat.say("affirm", "yep, on to the next leg then", metadata={"voice": True})
    assert reps(chat) == 0 and "all 10" in said


def test_the_rest_and_the_plan_are_answered_from_the_session():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    said = chat.say("faq", "how much time do I get to rest between sets?")
    assert "60 seconds" in said and "right leg" in said
    said = chat.say("faq", "so how many am I meant to do each set")
    assert "2 sets of 10 reps" in said
    said = chat.say("nlu_fallback", "how many should I do per leg")
    assert "2 sets of 10 reps" in said


def test_how_many_during_the_rest_gives_each_leg():
    chat = in_a_set()
    chat.say("report_reps", "did 8 and that's all")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    said = chat.say("ask_reps", "how many did I get on my left leg")
    assert "8 on your left leg" in said and "10 on your right leg" in said


def test_what_instead_after_pain_names_the_easier_version():
    chat = in_a_set()
    chat.say("count_rep", "done")
    chat.say("pain", "pain 6")
    said = chat.say("nlu_fallback", "so what can I do instead?")
    level = p.LEVELS[p.level_index(chat.session["level"])]
    assert level.name in said and chat.session["level"] != p.STANDARD_LEVEL


def test_asking_to_finish_after_severe_pain_gets_rest():
    chat = in_a_set()
    chat.say("count_rep", "done")
    chat.say("pain", "pain 8")
    assert chat.session is None
    said = chat.say("faq", "could I finish off the last few?")
    assert "Not today" in said
    assert "Not today" in chat.say("nlu_fallback", "so can I carry on with my right side")


def test_start_then_starts_whatever_the_intent():
    chat = Chat()
    chat.say("faq", "okay start then")
    assert chat.session is not None and chat.session["phase"] == "setup"


def test_a_count_with_strong_pain_keeps_the_count_and_stops():
    chat = in_a_set()
    said = chat.say("pain", "made it to 4 then it was agony")
    record = chat.slots["history"][-1]
    assert chat.session is None and record["reps"][0]["left"] == 4 and "Severe pain" in said
    chat = in_a_set()
    chat.say("pain", "my knee hurts, 3")
    assert reps(chat) == 0 and "3 out of 10" in chat.outcome.reply.messages[0].text


def test_lost_count_with_a_number_sets_the_count():
    chat = in_a_set()
    chat.say("count_rep", "done")
    said = chat.say("report_reps", "lost track, pretty sure I'm at 6")
    assert reps(chat) == 6 and "6" in said


def test_voice_how_many_after_a_leg_says_that_leg():
    chat = voiced_set()
    chat.say("report_reps", "seven", metadata={"voice": True})
    chat.say("count_rep", "that's it for this leg", metadata={"voice": True})  # the leg called done
    said = chat.say("ask_reps", "how many have I done", metadata={"voice": True})
    assert "7 on your left leg" in said and reps(chat, "right") == 0


def test_voice_no_only_n_is_how_many_and_a_later_correction_goes_back():
    chat = voiced_set()
    said = chat.say("deny", "nope, I only did five", metadata={"voice": True})
    chat.say("count_rep", "that's it for this leg", metadata={"voice": True})  # the leg called done
    assert reps(chat) == 5 and chat.session["leg"] == "right" and "5" in said
    chat = voiced_set()
    chat.say("continue_session", "okay I'm ready", metadata={"voice": True})
    chat.say("deny", "no just 7", metadata={"voice": True})
    chat.say("count_rep", "that's it for this leg", metadata={"voice": True})  # the leg called done
    assert reps(chat) == 7 and chat.session["leg"] == "right"
    chat = voiced_set()
    chat.say("report_reps", "all of them", metadata={"voice": True})
    chat.say("nlu_fallback", "sorry that was 8 not 10", metadata={"voice": True})
    assert reps(chat) == 8 and reps(chat, "right") == 0


def test_pain_this_morning_with_ok_to_exercise_is_a_pain_report():
    chat = Chat()
    said = chat.say("pain", "mild ache in my hip this morning, is it ok to train?")
    assert "same level" not in said and "Mild pain" in said


def test_voice_counting_along_with_a_paced_set_counts_each_rep():
    """The next number up after a paced set is the user counting along, never the total."""
    voice = {"voice": True}
    chat = voiced_set()
    assert chat.say("count_rep", "one", metadata=voice).startswith("1") and reps(chat) == 1
    assert not chat.session["awaiting_feedback"]
    assert "2" in chat.say("nlu_fallback", "to", metadata=voice) and reps(chat) == 2
    assert "3" in chat.say("nlu_fallback", "tree", metadata=voice) and reps(chat) == 3
    assert "7 to go" in chat.say("ask_reps", "how many left", metadata=voice)
    for word in ("four", "five", "six", "seven", "ate", "nine"):
        chat.say("count_rep", word, metadata=voice)
    said = chat.say("count_rep", "ten", metadata=voice)
    assert "10 on your left leg" in said and chat.session["leg"] == "right"
    # The next leg is paced again on "ready", and counting along starts again from one.
    chat.say("continue_session", "ready", metadata=voice)
    assert chat.session["awaiting_feedback"]
    assert chat.say("count_rep", "one", metadata=voice).startswith("1")


def test_voice_a_total_below_the_target_asks_whether_the_leg_is_done():
    voice = {"voice": True}
    chat = voiced_set()
    said = chat.say("report_reps", "I did six I think", metadata=voice)
    assert "6 of 10" in said and "carrying on" in said.lower() and chat.session["leg"] == "left"
    assert "4 to go" in chat.say("ask_reps", "how many more", metadata=voice)
    assert "8 of 10" in chat.say("count_rep", "two more", metadata=voice)
    chat.say("count_rep", "nine", metadata=voice)
    assert "10 on your left leg" in chat.say("count_rep", "ten", metadata=voice)
    chat = voiced_set()
    said = chat.say("report_reps", "I only managed eight that time", metadata=voice)
    assert "carry on for the last 2" in said
    chat.say("count_rep", "that's it for this leg", metadata=voice)  # the leg called done
    assert reps(chat) == 8 and chat.session["leg"] == "right", said


def test_ordinary_ways_to_start_start_a_session_whatever_the_intent():
    for words in ("right, off we go", "I'm ready to start", "let's crack on", "go on then",
                  "ok let's give it a go", "let's get on with these leg raises"):  # fmt: skip
        chat = Chat()
        assert "Say ready" in chat.say("nlu_fallback", words), words
        assert chat.session["phase"] == "setup"


def test_a_count_outside_a_session_starts_one_and_counts_it():
    chat = Chat()
    said = chat.say("count_rep", "that's one")
    assert "already started" in said and reps(chat) == 1 and chat.session["phase"] == "active"
    assert "2" in chat.say("count_rep", "two done") and reps(chat) == 2
    # A first session: the checklist first, then the count said before it.
    chat = Chat(screened=False)
    chat.say("count_rep", "did 3")
    for _ in range(3):
        said = chat.say("deny", "no")
    assert "3 of 10" in said and reps(chat) == 3
    # Just after a session, a count is not a new session: it goes into that session's record.
    chat = in_a_set()
    chat.say("count_rep", "3 more")
    chat.say("stop_session", "stop for today")
    said = chat.say("count_rep", "4")
    assert "session you just finished" in said and chat.session is None
    assert chat.slots["history"][-1]["total_reps"] == 4


def test_stopping_for_today_in_ordinary_words_keeps_what_was_done():
    chat = in_a_set()
    chat.say("count_rep", "3 more")
    said = chat.say("nlu_fallback", "right, stopping there, I have to go out")
    assert "stop there" in said and chat.session is None
    assert chat.slots["history"][-1]["total_reps"] == 3


def test_a_break_or_being_tired_pauses_the_set():
    chat = in_a_set()
    chat.say("count_rep", "two")
    said = chat.say("missed_sessions", "can I have a quick break")
    assert "Paused" in said and chat.session["phase"] == "paused"
    chat.say("continue_session", "ok I'm back")
    said = chat.say("nlu_fallback", "I'm knackered")
    assert "breather" in said and chat.session["phase"] == "paused"


def test_how_many_in_all_after_todays_session():
    chat = after_a_full_session()
    assert chat.session is None
    said = chat.say("ask_next_session", "how many did I do altogether")
    assert "40 reps in all" in said


def test_a_batch_corrected_and_a_range_asked_about():
    chat = in_a_set()
    chat.say("count_rep", "did 5")
    chat.say("continue_session", "carrying on")
    chat.say("count_rep", "2 more")
    said = chat.say("nlu_fallback", "sorry, I meant 3 more, not 2")
    assert reps(chat) == 8 and "8 of 10" in said
    said = chat.say("count_rep", "1 or 2 more")
    assert "1 or 2 more?" in said and buttons(chat) == ["1 more", "2 more"]
    assert "10 on your left leg" in chat.say("count_rep", "2 more")


def test_fillers_and_stutters_do_not_hide_a_count():
    chat = in_a_set()
    assert "4 of 10" in chat.say("nlu_fallback", "so um I I did four I think")
    assert "6 to go" in chat.say("nlu_fallback", "uh hows many to go")
    assert "6 of 10" in chat.say("nlu_fallback", "like er two more")


def test_a_pain_range_before_a_session_reads_the_higher_and_lightens_the_session():
    chat = Chat()
    said = chat.say("pain", "I'd say moderate, 4 or 5")
    assert "5 out of 10" in said and "lighter" in said
    said = chat.say("nlu_fallback", "ok let's try that")
    assert "lighter" in said and chat.session["target"] < 10


def test_pain_for_weeks_gets_a_doctor_whatever_the_intent():
    chat = Chat()
    said = chat.say("nlu_fallback", "my hip has been sore like this for a month now")
    assert "doctor" in said


def test_an_unsure_question_mid_set_offers_its_likeliest_answers():
    """The classifier's best reading was a question about the exercise: its answers are
    offered, not the first intent ranked below it."""
    chat = in_a_set()
    chat.say("count_rep", "3")
    candidates = (("knee_straight", 0.4), ("the_lift", 0.3))
    said = chat.say(
        "nlu_fallback",
        "is the knee meant to bend?",
        ranking=["nlu_fallback", "faq", "ask_next_session"],
        answer_candidates=candidates,
    )
    assert "Knee straight" in said or "knee straight" in said.lower()
    assert "next session" not in said and reps(chat) == 3


def test_voice_a_vague_go_after_a_partial_paced_leg_moves_on():
    voice = {"voice": True}
    chat = voiced_set()
    chat.say("report_reps", "I did seven", metadata=voice)
    said = chat.say("continue_session", "ok go", metadata=voice)
    assert reps(chat) == 7 and chat.session["leg"] == "right", said
    chat = voiced_set()
    chat.say("report_reps", "I did seven", metadata=voice)
    assert "3 to go" in chat.say("continue_session", "carrying on", metadata=voice)


def test_everyday_words_mid_set():
    chat = in_a_set()
    chat.say("count_rep", "3")
    assert chat.say("nlu_fallback", "ok done that").startswith("That's 4") or reps(chat) == 4
    assert "Back to it" in chat.say("nlu_fallback", "phew")
    assert "Back to it" in chat.say("nlu_fallback", "uh")
    assert "Paused" in chat.say("nlu_fallback", "my phone's ringing")
    chat.say("continue_session", "back")
    said = chat.say("nlu_fallback", "that's me done")
    assert "stop there" in said and chat.session is None


def test_when_do_i_go_again_after_a_session_says_when():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("stop_session", "stop for today")
    assert "48 to 72" in chat.say("faq", "when can I do them again", answer_key="progression")


def test_voice_a_small_number_after_a_paced_set_is_counting_along_not_the_total():
    voice = {"voice": True}
    chat = voiced_set()
    said = chat.say("count_rep", "two", metadata=voice)  # "one" went unheard
    assert reps(chat) == 2 and chat.session["leg"] == "left" and "8 to go" in said


def test_voice_most_of_them_asks_how_many():
    voice = {"voice": True}
    chat = voiced_set()
    said = chat.say("nlu_fallback", "most of them", metadata=voice)
    assert "How many did you manage" in said and reps(chat) == 0
    chat.say("count_rep", "eight", metadata=voice)
    chat.say("count_rep", "that's it for this leg", metadata=voice)  # the leg called done
    assert reps(chat) == 8 and chat.session["leg"] == "right"


def test_chat_shorthand_and_now_what_mid_set():
    chat = in_a_set()
    chat.say("count_rep", "5")
    assert "6" in chat.say("nlu_fallback", "n 6") and reps(chat) == 6
    assert "4 to go" in chat.say("nlu_fallback", "sweet. now what")


def test_a_how_many_question_the_classifier_was_unsure_of_is_answered_from_the_plan():
    chat = Chat()
    said = chat.say("nlu_fallback", "and how many reps do I begin on?")
    assert "2 sets of 10 reps" in said


def test_a_pause_word_never_hides_a_correction_or_pain():
    chat = in_a_set()
    chat.say("count_rep", "7")
    said = chat.say("nlu_fallback", "wait a sec, that was 6 not 7")
    assert reps(chat) == 6 and chat.session["phase"] == "active", said
    said = chat.say("pain", "hold on a sec, my back hurts")
    assert chat.session["phase"] == "active" and "How bad is it" in said
    said = chat.say("nlu_fallback", "I'm not tired, keep counting")
    assert chat.session["phase"] == "active"


def test_in_position_and_round_two_start_the_set_but_sorted_starts_nothing_outside():
    chat = Chat()
    chat.say("start_session", "start")
    assert "Set 1, left leg" in chat.say("nlu_fallback", "ok I'm in position")
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    assert "Set 2, left leg" in chat.say("nlu_fallback", "round two")
    chat = Chat()
    chat.say("nlu_fallback", "sorted")
    assert chat.session is None


def test_an_unsure_question_about_pain_getting_worse_mid_set_is_about_pain():
    chat = in_a_set()
    chat.say("count_rep", "5")
    said = chat.say(
        "nlu_fallback",
        "what do I do if it hurts more?",
        ranking=["nlu_fallback", "faq", "missed_sessions"],
        answer_candidates=(("easier_versions", 0.3), ("muscles_worked", 0.2)),
    )
    assert "Did you mean" not in said and "0 to 10" in said and reps(chat) == 5


def test_have_to_go_slower_is_no_stop_and_the_loo_is_a_pause():
    chat = in_a_set()
    chat.say("count_rep", "2")
    chat.say("nlu_fallback", "I have to go slower")
    assert chat.session is not None and chat.session["phase"] == "active"
    assert "Paused" in chat.say("nlu_fallback", "need to go to the loo")


VOICE = {"voice": True}


def paced_set() -> Chat:
    chat = Chat()
    chat.say("start_session", "start", metadata=VOICE)
    chat.say("continue_session", "ready", metadata=VOICE)
    assert chat.session["awaiting_feedback"]
    return chat


def test_voice_zero_after_a_paced_set_confirms_it_with_no_pain():
    for intent, text in (
        ("pain", "zero pain"),
        ("nlu_fallback", "fine, zero"),
        ("feel_fine", "good, nought"),
    ):
        chat = paced_set()
        said = chat.say(intent, text, metadata=VOICE)
        assert reps(chat) == 10 and chat.session["leg"] == "right", text
        assert "Pain of" not in said, text


def test_voice_tired_no_pain_and_a_longer_break_records_the_leg_then_pauses():
    chat = paced_set()
    said = chat.say(
        "missed_sessions",
        "no pain at all, just knackered, could I get a longer rest",
        metadata=VOICE,
    )
    assert "No matter" not in said and "break" in said
    assert reps(chat) == 10 and chat.session["phase"] == "paused"
    assert chat.session["leg"] == "right" and "Counting" not in said
    said = chat.say("continue_session", "ok I'm ready", metadata=VOICE)
    assert chat.session["phase"] == "active" and "right leg" in said


def test_voice_a_bare_zero_after_a_paced_set_is_still_asked_about():
    chat = paced_set()
    assert "did you do all 10" in chat.say("nlu_fallback", "zero", metadata=VOICE)
    assert reps(chat) == 0


def test_mid_session_the_total_so_far_is_counted_not_the_dose():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "7 done")
    for text in ("so how many does that make altogether?", "what's my total?"):
        said = chat.say("faq", text)
        assert "17 reps in all" in said and "10 to 15" not in said, text
    assert "3 to go" in chat.say("faq", "how many have I still got left?")


def test_after_the_session_total_reps_is_the_total_not_the_next_session():
    chat = in_a_set()
    for text in ("did 10", "did 10"):
        chat.say("report_reps", text)
    chat.say("continue_session", "ready")
    for text in ("did 10", "did 10"):
        chat.say("report_reps", text)
    assert chat.session is None
    assert "40 reps in all" in chat.say("faq", "total lift count?")


def test_at_the_start_the_plan_question_states_the_plan():
    for text in ("so what's the plan?", "what are we doing today?", "what shall we do first?"):
        chat = Chat()
        chat.say("start_session", "start")
        said = chat.say("nlu_fallback", text)
        assert "2 sets of 10 reps on each leg" in said and "left leg" in said, text


def test_how_do_i_do_that_after_the_easier_version_is_offered_describes_it():
    chat = paced_set()
    said = chat.say("pain", "ouch, that was about a six", metadata=VOICE)
    easier = p.LEVELS[p.level_index(chat.session["level"])]
    assert easier.key != p.STANDARD_LEVEL and easier.name in said
    said = chat.say("nlu_fallback", "right, and how would I do that one?", metadata=VOICE)
    assert said.startswith(f"The {easier.name}: {easier.how}")


def test_no_more_today_and_having_had_enough_end_the_session():
    for text in ("no more for today thanks", "I've had enough, honestly", "I need to stop now"):
        chat = in_a_set()
        chat.say("report_reps", "did 10")
        chat.say("nlu_fallback", text)
        assert chat.session is None, text


def test_asking_to_carry_on_with_fine_pain_mid_set_is_a_yes():
    chat = in_a_set()
    chat.say("report_reps", "did 3")
    chat.say("pain", "slight twinge, like a 2", number(2))
    said = chat.say("faq", "still a 2 - alright to keep going?")
    assert said.startswith("Yes, carry on: pain of 2 out of 10") and "3 of 10" in said
    assert not chat.say("faq", "it's a 5 now, can I keep going?").startswith("Yes")


# -- issue 17, fourth round, by kind ----------------------------------------------------


def test_a_question_while_the_coach_awaits_an_answer_is_answered_and_the_question_stays():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    assert "carrying on" in chat.say("report_reps", "did 4").lower()
    said = chat.say("ask_progress", "how many reps have i done altogether so far?")
    assert "14 reps in all" in said and chat.session["leg"] == "right" and reps(chat, "right") == 4
    assert "6 of 10" in chat.say("count_rep", "2 more")
    chat.say("report_reps", "did 25")
    assert "25 on your right leg" in chat.say("affirm", "yes?")  # an answer, not a question


def test_how_many_left_in_the_whole_session_counts_every_leg_and_set_ahead():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    chat.say("count_rep", "done")
    said = chat.say("ask_progress", "how many are left in today's whole session?")
    assert "29 reps to go" in said and "11 done" in said


def test_the_next_number_up_said_as_a_batch_is_the_next_rep():
    chat = in_a_set()
    for _ in range(4):
        chat.say("count_rep", "done")
    said = chat.say("report_reps", "done five")
    assert "more, or" not in said and reps(chat) == 5


def test_a_second_batch_within_the_target_is_counted_as_more_and_said():
    chat = in_a_set()
    chat.say("report_reps", "did 3")
    chat.say("continue_session", "carrying on")
    said = chat.say("report_reps", "did 4")
    assert "more, or" not in said and "7 of 10" in said and reps(chat) == 7


def test_a_second_batch_put_right_as_in_all():
    chat = in_a_set()
    chat.say("report_reps", "did 3")
    chat.say("report_reps", "did 2")
    chat.say("report_reps", "2 in all")
    assert reps(chat) == 2


def test_undo_after_a_second_batch_takes_back_only_that_batch():
    chat = in_a_set()
    chat.say("report_reps", "did 5")
    chat.say("report_reps", "did 2")
    assert "Take back all 2" in chat.say("undo_count", "undo")
    said = chat.say("report_reps", "take off 2")  # the "All 2" button's words
    assert reps(chat) == 5 and "5 of 10" in said


def test_a_batch_that_would_overshoot_the_target_as_more_is_a_total():
    chat = in_a_set()
    for _ in range(6):
        chat.say("count_rep", "done")
    said = chat.say("report_reps", "did 8")
    assert "more, or" not in said and reps(chat) == 8 and "2 to go" in said


def test_undo_on_its_own_or_with_that_takes_back_the_last_thing_said():
    # Undo works as it does anywhere else: the last change, a batch as much as a rep.
    chat = in_a_set()
    chat.say("count_rep", "2 more")
    chat.say("count_rep", "4 more")
    assert "Take back all 4" in chat.say("nlu_fallback", "undo") and reps(chat) == 6
    assert "2 of 10" in chat.say("affirm", "all of them") and reps(chat) == 2
    chat.say("count_rep", "3 more")
    chat.say("nlu_fallback", "undo that")
    assert "2 of 10" in chat.say("report_reps", "the whole lot") and reps(chat) == 2
    chat.say("count_rep", "done")
    assert "2 of 10" in chat.say("nlu_fallback", "Undo") and reps(chat) == 2


def test_undo_said_again_takes_one_more_off():
    chat = in_a_set()
    for _ in range(5):
        chat.say("count_rep", "done")
    assert "4 of 10" in chat.say("nlu_fallback", "undo") and reps(chat) == 4
    for second in ("undo once more", "and another undo", "undo that too"):
        before = reps(chat)
        chat.say("nlu_fallback", second)
        assert reps(chat) == before - 1, second


def test_the_other_few_said_after_a_batch_are_added():
    chat = in_a_set()
    chat.say("report_reps", "did 6")
    said = chat.say("nlu_fallback", "plus the remaining four")
    assert reps(chat) == 0 or "10" in said  # the leg is finished: 10 counted, switched
    chat = in_a_set()
    chat.say("count_rep", "3 more")
    chat.say("nlu_fallback", "and the other two")
    assert reps(chat) == 5


def test_a_batch_put_right_with_only():
    chat = in_a_set()
    chat.say("count_rep", "4 more")
    chat.say("count_rep", "3 more")
    chat.say("nlu_fallback", "no, just two more, not three")
    assert reps(chat) == 6


def test_scrapping_the_last_one_while_the_coach_asks_if_the_leg_is_done():
    chat = in_a_set()
    assert "carrying on" in chat.say("report_reps", "did 5").lower()
    said = chat.say("nlu_fallback", "scrap the last one")
    assert "4 of 10" in said and reps(chat) == 4


def test_finished_part_way_asks_about_the_leg():
    chat = in_a_set()
    chat.say("report_reps", "did 6")
    chat.say("continue_session", "carry on")
    said = chat.say("count_rep", "finished")
    assert "all 10 on your left leg, or stop at 6" in said


def test_a_pain_score_taken_back_just_after_is_replaced_and_the_gate_lifts():
    chat = Chat()
    chat.say("pain", "my lower back is an 8 today")
    said = chat.say("nlu_fallback", "oops, wrong number: i meant 2 not 8")
    assert "2 out of 10" in said and chat.slots["plan"]["recent_pain"]["severity"] == 2
    assert chat.slots.get("level") in (None, p.STANDARD_LEVEL)
    said = chat.say("start_session", "start my session")
    assert "go ahead anyway" not in said and "10 reps" in said


def test_a_pain_score_is_not_taken_back_hours_later():
    chat = Chat()
    chat.say("pain", "my lower back is an 8 today")
    chat.now += 2 * HOUR
    chat.say("nlu_fallback", "i meant 2 not 8")
    assert chat.slots["plan"]["recent_pain"]["severity"] == 8


def test_starting_in_ordinary_words():
    starts = (
        "hello, shall we begin?",
        "right, changed my mind, let's go",
        "sounds good, let's give it a go",
    )
    for words in starts:
        chat = Chat()
        assert "10 reps" in chat.say("nlu_fallback", words), words
    chat = Chat()
    said = chat.say("faq", "let's get going with the leg lifts then")
    assert "10 reps" in said
    chat = Chat()
    said = chat.say("faq", "Good morning. My GP suggested these, and I want to begin my exercises.")
    assert "10 reps" in said
    chat = Chat()
    said = chat.say("faq", "I'd like to start my exercises tomorrow")
    assert "10 reps" not in said and chat.session is None


def test_not_managing_any_more_today_ends_the_session():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 10")
    said = chat.say("nlu_fallback", "i can't manage any more today")
    assert "stop there" in said and chat.session is None
    for words in ("ok that's enough", "i give up, calling it there"):
        chat = in_a_set()
        chat.say("count_rep", "done")
        assert "stop there" in chat.say("nlu_fallback", words), words


def test_typed_slips_in_questions_and_counts():
    chat = in_a_set()
    chat.say("count_rep", "done")
    assert "9 to go" in chat.say("nlu_fallback", "hw many lft")
    assert "9 to go" in chat.say("nlu_fallback", "wat next")
    assert reps(chat) == 1
    chat.say("count_rep", "2 moer")
    assert reps(chat) == 3


def test_what_if_it_does_not_improve_after_severe_pain_points_to_a_clinician():
    chat = Chat()
    chat.say("pain", "my back is a 9 today")
    said = chat.say("nlu_fallback", "and what if the pain doesn't go away?")
    assert any(word in said.lower() for word in ("doctor", "physio", "gp"))


def test_repeat_by_voice_mid_set_says_where_the_user_is():
    chat = Chat()
    chat.say("start_session", "start", metadata={"voice": True})
    chat.say("report_reps", "did three", metadata={"voice": True})
    assert "3 of 10" in chat.say("repeat", "say that again", metadata={"voice": True})


def test_a_pain_score_corrected_in_a_set_changes_the_score_not_the_count():
    chat = in_a_set()
    for _ in range(3):
        chat.say("count_rep", "done")
    chat.say("pain", "pain 5 in my back")
    said = chat.say("nlu_fallback", "sorry, 2 not 5")
    assert "2 out of 10" in said and reps(chat) == 3
    assert chat.session["pain"] == [2] and chat.slots["plan"]["recent_pain"]["severity"] == 2
    assert "2 of" in chat.say("nlu_fallback", "i meant 2 not 3") and reps(chat) == 2


def test_a_pain_score_corrected_after_a_session_is_corrected_in_its_record():
    chat = after_a_full_session()
    chat.say("pain", "my back is sore, 6")
    assert chat.slots["history"][-1]["pain"] == [6]
    chat.say("nlu_fallback", "typo: should have said 1")
    assert chat.slots["history"][-1]["pain"] == [1]


def test_a_number_meant_just_after_a_batch_corrects_the_batch():
    chat = in_a_set()
    chat.say("count_rep", "4 more")
    chat.say("count_rep", "another 4")
    assert "6 of 10" in chat.say("nlu_fallback", "no wait, I meant 2") and reps(chat) == 6


def test_an_undo_with_the_right_number_sets_the_count():
    chat = in_a_set()
    chat.say("report_reps", "did 8")
    assert "7 of 10" in chat.say("nlu_fallback", "cancel that, it was 7") and reps(chat) == 7
    chat.say("count_rep", "2 more")
    assert "8 of 10" in chat.say("nlu_fallback", "oops, 1 more sorry") and reps(chat) == 8


def test_totals_while_resting_and_a_bare_total_question():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    chat.say("report_reps", "did 9")
    chat.say("count_rep", "that's it for this leg")
    assert "19 in all so far" in chat.say("ask_progress", "how many have I done")
    chat.say("continue_session", "ready")
    chat.say("count_rep", "done")
    assert "20 reps in all" in chat.say("ask_progress", "the total now?")


def test_a_stop_at_the_end_of_a_message_ends_the_session():
    for words in ("meh, stop", "cant be bothered anymore"):
        chat = in_a_set()
        chat.say("count_rep", "done")
        assert "stop there" in chat.say("nlu_fallback", words), words


def test_stopping_in_ordinary_words_ends_the_session_with_its_summary():
    for intent, words in (
        ("nlu_fallback", "have to stop now, apologies"),
        ("ask_faq", "think I'd better call it a night"),
        ("nlu_fallback", "finished for the day"),
    ):
        chat = in_a_set()
        chat.say("report_reps", "did 10")
        said = chat.say(intent, words)
        assert "stop there" in said and "10 in all" in said and chat.session is None


def test_im_done_between_sets_or_at_a_leg_switch_ends_it_but_mid_leg_finishes_the_leg():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert "stop there" in chat.say("report_reps", "I'm finished, cheers")
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    assert "1" in chat.say("count_rep", "done") and chat.session  # "done" alone: a rep
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    assert "stop there" in chat.say("nlu_fallback", "we're done")
    chat = in_a_set()
    chat.say("report_reps", "did 4")
    said = chat.say("report_reps", "I'm done")
    assert "stop there" not in said and chat.session["leg"] == "right"


def test_the_rest_said_to_be_over_starts_the_next_set_and_counts_nothing():
    for words in ("ok, done with the break", "breather's over", "all rested now"):
        chat = in_a_set()
        chat.say("report_reps", "did 10")
        chat.say("report_reps", "did 10")
        said = chat.say("report_reps", words)
        assert said.startswith("Set 2, left leg") and "Well done" not in said
        assert reps(chat, "left", 2) == 0


def test_a_bare_skip_mid_set_is_asked_about():
    chat = in_a_set()
    chat.say("count_rep", "done")
    said = chat.say("skip", "skip it")
    assert "keep going" in said.lower() and len(buttons(chat)) == 2
    assert chat.session["phase"] == "active" and reps(chat) == 1
    assert "keep going" in chat.say("continue_session", "carry on").lower()
    assert chat.say("count_rep", "done").startswith(("2", "That's 2"))
    chat.say("skip", "skip")
    said = chat.say("skip", "skip this set")
    assert "set 1 done" in said and chat.session["phase"] == "rest"


def test_a_bare_skip_in_the_last_set_says_it_would_finish_the_session():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    chat.say("continue_session", "ready")
    assert "finish today's session" in chat.say("skip", "skip")
    assert "session done" in chat.say("skip", "skip this set")


def test_skip_at_rest_still_skips_the_rest():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert "Set 2" in chat.say("skip", "skip")


def test_later_or_tomorrow_out_of_a_session_is_acknowledged():
    for intent, words in (
        ("ask_stretch", "ok I'll do them later this evening"),
        ("ask_frequency", "tomorrow maybe"),
        ("ask_technique", "I'm going to have a go at it on Friday"),
    ):
        said = Chat().say(intent, words)
        assert "no problem" in said.lower() and "start my session" in said


def test_how_do_i_do_it_gives_the_how_to_whatever_the_classifier_leaned():
    chat = Chat()
    chat.say("start_session", "start my session", channel="alexa", metadata={"voice": True})
    said = chat.say("ask_frequency", "so how should I do this again")
    assert "hands and knees" in said and "48" not in said


def test_not_wanting_to_stop_is_no_stop():
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("nlu_fallback", "I don't need to stop yet")
    assert chat.session and chat.session["phase"] == "active"


def test_how_many_per_session_adds_the_sets_to_the_answer_about_one_set():
    assert "2 sets of 10" in Chat().say("faq", "and how many in a session")
    assert "sets of" not in Chat().say("faq", "how many reps should I do?")


def test_ready_for_the_next_said_without_saying_next_what():
    for said in ("ready for the next", "i'm set for the other", "ok on to the next",
                 "ready for the other side", "all set for the next leg"):  # fmt: skip
        chat = in_a_set()
        chat.say("report_reps", "10 in all")
        answer = chat.say("nlu_fallback", said)
        assert "catch" not in answer and "right leg" in answer, (said, answer)


def test_what_was_done_today_asked_in_ordinary_words():
    asked = ("what have I done today?", "how did I get on today", "what did we manage this session",
             "so what did i get done today", "today's totals?")  # fmt: skip
    for question in asked:
        chat = after_a_full_session()
        answer = chat.say("nlu_fallback", question)
        assert "40 reps" in answer, (question, answer)
        chat = Chat()
        answer = chat.say("nlu_fallback", question)
        assert "No reps recorded today" in answer, (question, answer)
    chat = in_a_set()
    chat.say("report_reps", "did 6")
    chat.say("count_rep", "4 more")
    assert "10 reps in all" in chat.say("nlu_fallback", "what have I done so far today?")


def test_what_was_done_today_after_a_stop_with_nothing_counted():
    chat = in_a_set()
    chat.say("stop_session", "stop, that's enough for today")
    answer = chat.say("nlu_fallback", "what did I manage today?")
    assert "No reps recorded today" in answer, answer


def test_a_running_count_that_goes_on_past_a_finished_leg_stays_on_that_leg():
    chat = in_a_set()
    for _ in range(10):
        chat.say("count_rep", "done")
    assert reps(chat, "left") == 10
    for said, left in (("eleven", 11), ("12", 12)):
        answer = chat.say("nlu_fallback", said)
        assert reps(chat, "left") == left and reps(chat, "right") == 0, answer
        assert "right leg" in answer
    assert "1" in chat.say("count_rep", "1") and reps(chat, "right") == 1
    # At the rest after a set, too: not the first count of the next set.
    for _ in range(9):
        chat.say("count_rep", "done")
    chat.say("nlu_fallback", "11")
    assert reps(chat, "right") == 11 and reps(chat, "left", set_number=2) == 0


def test_a_count_that_skips_ahead_after_a_switch_is_still_the_new_leg():
    chat = in_a_set()
    chat.say("report_reps", "10 in all")
    chat.say("nlu_fallback", "5")  # not one on from 10: the new leg's count
    assert reps(chat, "right") == 5 and reps(chat, "left") == 10


@pytest.mark.parametrize(
    ("said", "target"),
    [("my knee is moderately painful but I'd like to train", 7),
     ("lower back's a bit sore, 4 out of 10, keen to train today", 7),
     ("hip aches, maybe a 3, still want to do my exercises", 10)],
)  # fmt: skip
def test_pain_with_a_wish_to_exercise_offers_the_adjusted_session_and_ok_starts_it(said, target):
    chat = Chat()
    reply = chat.say("pain", said)
    assert reply.endswith("Shall we start today's session now?")
    chat.say("affirm", "alright sounds good")
    assert chat.session is not None and chat.session["target"] == target


@pytest.mark.parametrize(
    "said", ["my back is mildly sore today", "hip pain 8 but I want to do my session"]
)
def test_pain_without_a_wish_or_too_strong_offers_no_start(said):
    chat = Chat()
    chat.say("pain", said)
    assert chat.slots.get("pending_offer") != "reminder_start"


def test_a_sign_with_a_break_asked_for_mid_set_pauses_then_asks_the_question():
    chat = in_a_set()
    chat.say("count_rep", "3")
    reply = chat.say("red_flag", "my legs are all wobbly, I need a moment")
    assert reply.startswith("Paused") and reply.endswith("numbness or weakness?")
    assert chat.session["phase"] == "paused"


@pytest.mark.parametrize("said", ["ok off I go again", "right, carrying on", "let's keep at it"])
def test_a_reply_to_a_safety_question_that_is_neither_yes_nor_no_is_asked_once_more(said):
    chat = in_a_set()
    chat.say("red_flag", "my legs are all wobbly")
    reply = chat.say("continue_session", said)
    assert "yes or a no" in reply and reply.endswith("?")
    assert "Keep going" not in reply
    chat.say("count_rep", "1")
    assert chat.session["reps"][0]["left"] == 1  # a second non-answer goes on as ever


@pytest.mark.parametrize(
    "said", ["ok next", "right, next", "next leg please", "on to the next side"]
)
def test_next_just_after_the_coach_switched_legs_is_no_rep(said):
    chat = in_a_set()
    chat.say("count_rep", "did 10")
    reply = chat.say("count_rep", said)
    assert chat.session["reps"][0] == {"left": 10, "right": 0}
    assert "right leg" in reply


@pytest.mark.parametrize(
    "text, score",
    [
        ("hmm it's a seven now, in my left hip", 7),
        ("about a five, the upper back", 5),
        ("pain's at a six now", 6),
    ],
)
def test_a_score_said_as_a_number_beside_a_sore_place_is_the_pain(text, score):
    assert numbers.read_pain_score(text) == score


@pytest.mark.parametrize("text", ["maybe a 4 on my right leg", "did about 6 on my left leg"])
def test_a_number_beside_a_leg_stays_a_count(text):
    assert numbers.read_pain_score(text) is None

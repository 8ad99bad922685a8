"""Whole conversations through the turn logic (coach/dialogue.py), with remembered slots."""

from coach import answers, dialogue, pain
from tests.unit.chat import HOUR, T0, Chat, in_a_set, number


def test_disclaimer_once_per_conversation_and_after_a_greeting():
    chat = Chat()
    first = chat.say("greet", "hi")
    assert first.startswith(answers.GREETING) and answers.DISCLAIMER in first
    assert answers.DISCLAIMER not in chat.say("ask_hold", "how long do I hold it")


def test_a_question_mid_set_is_answered_and_the_count_goes_on():
    chat = in_a_set()
    for _ in range(4):
        chat.say("count_rep", "done")
    said = chat.say("ask_hold", "how long do I hold each one?")
    assert answers.ANSWERS["hold"].short in said
    assert "4 of 10 done on your left leg" in said
    assert chat.say("count_rep", "done").startswith("5")


def test_a_batch_with_the_leg_moves_to_the_other_leg():
    chat = in_a_set()
    said = chat.say("report_reps", "I did 10 with my left", number(10))
    assert "Switch to your right leg" in said and chat.session["leg"] == "right"


def test_stop_after_set_one_saves_the_partial_session_and_offers_a_date():
    chat = in_a_set()
    chat.say("report_reps", "did 10", number(10))
    chat.say("report_reps", "did 10", number(10))
    said = chat.say("stop_session", "stop for today")
    assert "set 1: left 10, right 10" in said and "next session is best on" in said
    assert chat.session is None
    record = chat.slots["history"][-1]
    assert record["total_reps"] == 20 and record["completed"] is False
    assert record["level"] == "standard"


def test_full_session_then_a_second_within_48_hours_asks_first():
    chat = in_a_set()
    for _ in range(2):
        chat.say("report_reps", "finished the set")
        chat.say("report_reps", "finished the set")
        chat.say("continue_session", "ready")
    assert chat.slots["history"][-1]["completed"] is True
    chat.new_conversation(hours_later=20)
    warning = chat.say("start_session", "let's exercise")
    assert "Do you want to go ahead anyway" in warning and chat.session is None
    assert "Okay" in chat.say("deny", "no")
    chat.say("start_session", "let's exercise")
    assert "Say ready" in chat.say("affirm", "yes")
    assert chat.session["phase"] == "setup"


def test_regulars_are_not_lectured_on_the_start_position():
    chat = in_a_set()
    chat.say("stop_session", "stop")  # nothing done: not a session in the history
    first = Chat().say("start_session", "start")
    assert "hands and knees" in first
    chat = Chat(history=[{"total_reps": 40, "ended_at": T0 - 100 * HOUR, "pain": []}])
    assert "hands and knees" not in chat.say("start_session", "start")


def test_pain_without_a_score_is_asked_about_and_the_count_is_kept():
    chat = in_a_set()
    for _ in range(3):
        chat.say("count_rep", "done")
    asked = chat.say(
        "pain", "ouch my lower back twinges", [{"entity": "body_part", "value": "lower back"}]
    )
    assert "0" in asked and "10" in asked and chat.session["reps"][0]["left"] == 3
    said = chat.say("count_rep", "2", number(2))  # the answer, not a rep
    assert "brace" in said.lower() and chat.session["reps"][0]["left"] == 3
    assert "3 of 10" in said


def test_wrists_aching_on_all_fours_get_the_wrists_answer_not_the_pain_score():
    wrists = [{"entity": "body_part", "value": "wrists"}, {"entity": "pain_kind", "value": "ache"}]
    chat = Chat(disclaimer_given=True)
    chat.say("pain", "my wrists are achy from kneeling on my hands", wrists)
    responses = [message.response for message in chat.outcome.reply.messages]
    assert "utter_faq/sore_wrists" in responses
    assert chat.slots.get("pending_offer") != "pain_severity"
    # With a score it is a pain report like any other.
    said = Chat(disclaimer_given=True).say(
        "pain", "my wrists hurt, 8 out of 10", [*wrists, {"entity": "pain_score", "value": "8"}]
    )
    assert "8" in said


def test_neck_pain_said_with_a_request_for_other_rehab_goes_to_the_clinician():
    neck = [{"entity": "body_part", "value": "neck"}, {"entity": "severity", "value": "agony"}]
    said = Chat(disclaimer_given=True).say(
        "pain", "could you coach my neck rehab too, my neck is agony", neck
    )
    assert "can only coach" in said and "GP or physio" in said
    assert "9 out of 10" not in said
    # Said on its own, it is a pain report like any other.
    alone = Chat(disclaimer_given=True).say("pain", "my neck is agony", neck)
    assert "can only coach" not in alone


def test_pain_that_has_lasted_weeks_is_sent_to_a_clinician_before_the_score():
    chat = Chat(disclaimer_given=True)
    back = [{"entity": "body_part", "value": "back"}]
    asked = chat.say("pain", "my back has ached for three weeks now", back)
    assert "doctor" in asked and "0" in asked and "10" in asked
    said = chat.say("count_rep", "2", number(2))
    assert said.count("doctor") <= 1  # said once, not again with the advice
    assert "doctor" not in Chat(disclaimer_given=True).say("pain", "my back aches", back)


def test_pain_no_better_after_weeks_of_the_exercise_stops_it_until_a_clinician_checks():
    # Clinical notes: pain that persists beyond a couple of weeks despite the exercise.
    chat = Chat(disclaimer_given=True)
    back = [{"entity": "body_part", "value": "back"}]
    said = chat.say("pain", "three weeks of these and my back still aches", back)
    assert "doctor or physiotherapist" in said and "stop the exercise" in said
    assert chat.slots["caution"]["sign"] == "persistent_pain"


def test_pain_above_the_threshold_stops_the_set_and_steps_down():
    chat = in_a_set()
    chat.say("count_rep", "done")
    said = chat.say("pain", "sharp pain in my hip, like a 6", number(6))
    assert "stop this set" in said and chat.slots["level"] == "short_range"
    assert chat.session["phase"] == "rest" and chat.session["reps"][0]["left"] == 1
    assert chat.slots["caution"]["reason"] == "pain"


def test_severe_pain_ends_the_session_and_progression_is_off():
    chat = in_a_set()
    said = chat.say(
        "pain", "really bad pain, 8 out of 10", [{"entity": "pain_score", "value": "8 out of 10"}]
    )
    assert "stop the exercise for today" in said and chat.session is None
    assert chat.slots["level"] == "bent_knee"
    assert chat.slots["history"][-1]["pain"] == [8]
    assert chat.say("ask_progression", "how do I make it harder") == (
        answers.NO_PROGRESSION_AFTER_CAUTION
    )


def test_acceptable_pain_eases_off_and_the_next_morning_is_checked():
    chat = in_a_set()
    said = chat.say("pain", "my back aches, about a 5", number(5))
    assert "aim for 7 reps" in said and chat.session["target"] == 7
    chat.say("stop_session", "done for today")
    assert chat.slots["morning_check"] is not None
    chat.new_conversation(hours_later=1)  # same day: too early to ask about the morning
    assert "next morning" not in chat.say("greet", "hi")
    chat.new_conversation(hours_later=20)
    asked = chat.say("greet", "good morning")
    assert "next morning" in asked
    said = chat.say("feel_worse", "worse")
    assert "step down" in said and chat.slots["level"] == "short_range"
    assert chat.slots["morning_check"] is None


def test_morning_settled_keeps_the_level():
    chat = Chat(morning_check=T0 - 30 * HOUR, level="reps_15")
    assert "next morning" in chat.say("ask_hold", "how long do I hold")
    chat.say("feel_fine", "it was fine")
    assert chat.slots["level"] == "reps_15" and chat.slots["morning_check"] is None


def test_no_worse_than_usual_is_not_worse_and_a_question_saying_so_is_answered():
    # The morning check: "no worse than before" keeps the level.
    chat = Chat(morning_check=T0 - 30 * HOUR, level="reps_15")
    chat.say("greet", "hello")
    chat.say("feel_worse", "a bit stiff, but not any worse than other weeks")
    assert chat.slots["level"] == "reps_15" and chat.slots["morning_check"] is None
    # Outside it, asked after saying so: the answer, not the pain score question.
    chat = Chat(disclaimer_given=True)
    readings = (("soreness_the_next_day", 0.6), ("how_much_pain_is_ok", 0.2))
    chat.say(
        "feel_worse",
        "achy the day after, nothing worse, fine to go on?",
        selector_readings=readings,
    )
    responses = [m.response for m in chat.outcome.reply.messages]
    assert responses == ["utter_faq/soreness_the_next_day"]
    # Worse is still worse.
    said = Chat(disclaimer_given=True).say("feel_worse", "my back is worse today, go on?")
    assert "step down" in said and "0 to 10" in said


def test_pause_and_resume_through_the_coach():
    chat = in_a_set()
    chat.say("count_rep", "done")
    assert "Paused" in chat.say("pause_session", "hold on a sec")
    said = chat.say("ask_reps", "how many left")
    assert "9 to go" in said and "We're paused" in said
    assert "rep 2" in chat.say("continue_session", "ok I'm back")


def test_session_words_without_a_session_get_a_pointer():
    chat = Chat(disclaimer_given=True)
    assert chat.say("count_rep", "done") == answers.NO_SESSION
    assert "nothing to stop" in chat.say("stop_session", "stop")


def test_timer_turns_are_silent_unless_still_resting():
    chat = in_a_set()
    chat.say("report_reps", "did 10", number(10))
    chat.say("report_reps", "did 10", number(10), channel="socketio")
    assert chat.timers == [2]
    chat.say("continue_session", "ready")
    assert chat.say("continue_session", "", timer=2) == ""
    assert chat.session["set_number"] == 2 and chat.session["phase"] == "active"


def test_too_hard_and_too_easy_in_a_session():
    chat = in_a_set()
    assert "only as high" in chat.say("ask_easier", "this is too hard")
    assert "noted it felt easy" in chat.say("ask_progression", "this is too easy")


def test_unreadable_slots_do_not_crash():
    chat = Chat(session={"phase": "bogus"}, history="nonsense", level="no-such-level")
    assert chat.say("count_rep", "done")


def test_no_offer_to_build_up_while_cautious_and_a_comfortable_session_lifts_it():
    chat = Chat(caution={"reason": "pain", "at": T0 - 100 * HOUR}, disclaimer_given=True)
    said = chat.say("ask_reps", "how many reps")
    assert answers.ANSWERS["reps"].offer not in said and not chat.slots.get("pending_offer")
    chat.say("start_session", "start")
    chat.say("continue_session", "ready")
    for _ in range(2):
        chat.say("report_reps", "finished the set")
        chat.say("report_reps", "finished the set")
        chat.say("continue_session", "ready")
    assert chat.slots["caution"] is None


def test_a_red_flag_caution_needs_a_clinicians_ok_before_the_next_session():
    caution = {"reason": "red_flag", "sign": "trauma", "at": T0 - 100 * HOUR}
    chat = Chat(caution=caution, disclaimer_given=True)
    assert "doctor or physiotherapist" in chat.say("start_session", "start my session")
    assert chat.session is None
    chat.say("affirm", "yes they said it's fine")
    assert chat.session is not None and chat.slots["caution"] is None


def test_a_red_flag_in_any_state_stops_everything_and_says_nothing_else():
    chat = in_a_set()
    chat.say("count_rep", "done")
    said = chat.say("ask_hold", "how long do I hold it, my legs keep giving way")
    assert "emergency" in said.lower() and "hold" not in said.lower()
    assert chat.session is None and chat.slots["history"][-1]["notes"][-1] == "red_flag"
    assert chat.slots["caution"]["reason"] == "red_flag"


def test_go_on_and_ok_resume_a_paused_session():
    for intent in ("ask_more", "affirm"):
        chat = in_a_set()
        chat.say("count_rep", "done")
        chat.say("pause_session", "pause")
        assert "rep 2" in chat.say(intent, "go on")


def test_a_general_pain_question_gets_the_answer_not_a_pain_score_question():
    chat = Chat(disclaimer_given=True)
    said = chat.say("pain", "what should I do if it hurts?")
    assert answers.ANSWERS["pain"].short in said and "0 to 10" in said
    assert "Pain of 6 out of 10" in chat.say("count_rep", "6", number(6))
    chat.say("pain", "is it normal to be sore?")
    assert answers.ANSWERS["hold"].short in chat.say("ask_hold", "how long do I hold it")


def test_goodbye_mid_session_saves_it_and_says_bye():
    chat = in_a_set()
    chat.say("report_reps", "did 10", number(10))
    said = chat.say("goodbye", "gotta go, bye")
    assert "left 10, right 0" in said and said.endswith(answers.GOODBYE)
    assert chat.session is None and chat.slots["history"][-1]["total_reps"] == 10


def test_tell_me_more_after_declining_still_expands_the_last_topic():
    chat = Chat(disclaimer_given=True)
    chat.say("ask_frequency", "how often should I do these")
    assert chat.say("deny", "no thanks") == answers.ANYTHING_ELSE
    assert chat.say("ask_more", "actually tell me more") == answers.ANSWERS["frequency"].detail


# -- questions answered by Rasa responses (retrieval intent faq) --------------------


def test_a_question_answered_by_its_response_is_remembered_for_repeat():
    chat = Chat(disclaimer_given=True)
    assert chat.say("faq", "how long do I hold it", answer_key="how_long_to_hold") == ""
    assert chat.slots["last_topic"] == "utter_faq/how_long_to_hold"
    chat.say("repeat", "say that again")
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/how_long_to_hold"]


def test_a_question_mid_set_is_followed_by_where_the_session_is():
    chat = in_a_set()
    for _ in range(4):
        chat.say("count_rep", "done")
    said = chat.say("faq", "how long do I hold each one?", answer_key="how_long_to_hold")
    assert "4 of 10 done on your left leg" in said
    assert chat.say("count_rep", "done").startswith("5")


def test_unsure_between_answers_asks_which_with_buttons():
    chat = Chat(disclaimer_given=True)
    candidates = (("lowering_the_leg", 0.3), ("how_high_to_lift", 0.25))
    said = chat.say("nlu_fallback", "the leg down bit", answer_candidates=candidates)
    assert said == f"{answers.DID_YOU_MEAN}: lowering the leg or how high to lift?"
    buttons = chat.outcome.reply.messages[0].buttons
    assert buttons == (
        ("Lowering the leg", '/choose_answer{"answer": "lowering_the_leg"}'),
        ("How high to lift", '/choose_answer{"answer": "how_high_to_lift"}'),
    )


def test_an_option_picked_by_its_place_is_answered():
    chat = Chat(disclaimer_given=True)
    candidates = (("lowering_the_leg", 0.3), ("how_high_to_lift", 0.25), ("speed", 0.2))
    chat.say("nlu_fallback", "the leg down bit", answer_candidates=candidates)
    chat.say("choose_answer", "the second one")
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/how_high_to_lift"]
    chat.say("nlu_fallback", "the leg down bit", answer_candidates=candidates)
    chat.say("choose_answer", "the last one")
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/speed"]


def test_an_ordinal_read_as_a_count_still_picks_an_option():
    chat = Chat(disclaimer_given=True)
    candidates = (("lowering_the_leg", 0.3), ("how_high_to_lift", 0.25))
    chat.say("nlu_fallback", "the leg down bit", answer_candidates=candidates)
    chat.say("count_rep", "second")
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/how_high_to_lift"]


def test_a_question_read_as_a_session_command_is_answered_outside_a_session():
    chat = Chat(disclaimer_given=True)
    readings = (("benefits", 0.7), ("who_it_is_for", 0.2))
    chat.say("pause_session", "why did my doctor pick this one?", selector_readings=readings)
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/benefits"]
    unsure = (("benefits", 0.3), ("who_it_is_for", 0.25))
    said = chat.say("pause_session", "why did my doctor pick this one?", selector_readings=unsure)
    assert said.startswith(answers.DID_YOU_MEAN)
    # Not phrased as a question: still the session command.
    said = chat.say("pause_session", "pause", selector_readings=readings)
    assert said == answers.NO_SESSION


def test_a_question_with_a_number_in_it_is_answered_outside_a_session():
    # Asked without a question mark, by an auxiliary or after a statement: never a count,
    # never "we're not in a session".
    chat = Chat(disclaimer_given=True)
    readings = (("how_long_to_hold", 0.3), ("breaks_when_tired", 0.15))
    chat.say("pause_session", "would a 6 second hold be better", selector_readings=readings)
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/how_long_to_hold"]
    said = chat.say("count_rep", "could i hold it for five instead", selector_readings=readings)
    assert answers.NO_SESSION not in said and "safety" not in said.lower()
    assert chat.outcome.reply.messages[0].response == "utter_faq/how_long_to_hold"


def test_a_statement_then_what_next_is_a_question_not_where_am_i():
    chat = Chat(disclaimer_given=True)
    readings = (("the_build_up_target", 0.4), ("harder_variations", 0.2))
    said = chat.say(
        "too_easy", "12 a leg feels simple these days, what next", selector_readings=readings
    )
    assert answers.NO_SESSION not in said
    assert chat.outcome.reply.messages[0].response == "utter_faq/the_build_up_target"
    # "what next" on its own still says where the user is.
    assert chat.say("continue_session", "ok what next") == answers.NO_SESSION


def test_a_question_about_mornings_is_no_morning_report():
    chat = Chat(disclaimer_given=True)
    readings = (("time_of_day", 0.4), ("who_it_is_for", 0.1))
    chat.say("greet", "are evenings or mornings better for this", selector_readings=readings)
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/time_of_day"]
    chat.say("greet", "afternoon or night", selector_readings=readings)
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/time_of_day"]
    # A greeting stays a greeting.
    said = chat.say("greet", "good morning", selector_readings=readings)
    assert not chat.outcome.reply.messages[0].response and "coach" in said.lower()


def test_asks_something_reads_questions_without_their_mark():
    for text in (
        "would a longer hold help",
        "is evening better",
        "my knee aches, should i stop",
        "20 is easy now, whats next",
        "only got to four is that bad",
        "fast or slow",
        "my bum barely works now should i add some",
    ):
        assert dialogue.asks_something(text), text
    for text in ("did 3", "do 10 more", "6 so far", "done", "that was 8", "cant do more"):
        assert not dialogue.asks_something(text), text


def test_one_close_reading_is_answered_without_asking():
    chat = Chat(disclaimer_given=True)
    chat.say("nlu_fallback", "toes??", answer_candidates=(("toes", 0.15),))
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/toes"]


def test_an_unclassified_message_the_selector_is_sure_of_is_answered():
    chat = Chat(disclaimer_given=True)
    chat.say(
        "nlu_fallback", "carpet ok for these", selector_readings=(("mat", 0.6), ("equipment", 0.1))
    )
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/mat"]
    said = chat.say("nlu_fallback", "zxqv", selector_readings=(("mat", 0.2), ("equipment", 0.1)))
    assert answers.NOT_UNDERSTOOD in said


def test_can_i_do_them_on_a_surface_is_not_a_question_about_the_schedule():
    chat = Chat(disclaimer_given=True)
    chat.say("nlu_fallback", "can i do them on a rug", selector_readings=(("mat", 0.6),))
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/mat"]
    said = chat.say("nlu_fallback", "can i do them today")
    assert "session" in said.lower() and not chat.outcome.reply.messages[0].response


def test_nothing_close_gets_the_plain_not_understood():
    chat = Chat(disclaimer_given=True)
    assert answers.NOT_UNDERSTOOD in chat.say("nlu_fallback", "zxqv")


def test_a_did_you_mean_button_says_the_answer_it_names():
    chat = Chat(disclaimer_given=True)
    chat.say("choose_answer", "", [{"entity": "answer", "value": "lowering_the_leg"}])
    assert [m.response for m in chat.outcome.reply.messages] == ["utter_faq/lowering_the_leg"]
    assert chat.slots["last_topic"] == "utter_faq/lowering_the_leg"


def test_a_made_up_button_payload_is_not_understood():
    chat = Chat(disclaimer_given=True)
    said = chat.say("choose_answer", "", [{"entity": "answer", "value": "../../etc"}])
    assert answers.NOT_UNDERSTOOD in said


def test_too_easy_and_too_hard_are_answered_from_the_history():
    assert "sessions" in Chat(disclaimer_given=True).say("too_easy", "this is too easy")
    said = Chat(disclaimer_given=True).say("too_hard", "this is too hard for me")
    assert said


def severe_pain_stopped() -> Chat:
    chat = in_a_set()
    said = chat.say("pain", "that was agony, an 8", number(8))
    assert chat.session is None and "stop" in said
    return chat


def test_after_severe_pain_what_now_gets_the_rest_advice_not_an_answer():
    for intent in ("faq", "nlu_fallback", "ask_technique"):
        chat = severe_pain_stopped()
        said = chat.say(intent, "right, what should I do then?")
        assert pain.AFTER_SEVERE_PAIN in said and "weeks" in said, intent


def test_after_severe_pain_asking_about_a_check_says_when():
    chat = severe_pain_stopped()
    said = chat.say("faq", "do you think I need to see somebody about this?")
    assert pain.WHEN_TO_SEE_A_DOCTOR in said and "rest" in said


def test_after_severe_pain_weeks_of_it_needs_a_check():
    chat = severe_pain_stopped()
    said = chat.say("nlu_fallback", "honestly it's been like that for a month")
    assert said == pain.AFTER_SEVERE_PAIN_FOR_WEEKS


def test_after_severe_pain_saying_they_will_phone_the_doctor_is_acknowledged():
    chat = severe_pain_stopped()
    assert chat.say("nlu_fallback", "I'll phone the surgery tomorrow") == pain.SEEING_A_CLINICIAN


def test_without_severe_pain_what_now_is_not_the_pain_advice():
    chat = Chat()
    assert pain.AFTER_SEVERE_PAIN not in chat.say("nlu_fallback", "what should I do now")


def test_after_severe_pain_a_few_reps_is_still_a_no():
    chat = severe_pain_stopped()
    for text in ("what about just a couple of reps?", "not even one set?"):
        assert chat.say("ask_progression", text).startswith("Not today"), text

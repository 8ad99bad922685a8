"""End to end over REST and the Alexa channel: what people say while they exercise.
Counts and corrections by grammar, ambiguous counts asked about with buttons, questions
answered mid-set, pain that sets the plan, and voice that records only what the user
confirms, with the rest timed aloud within Alexa's limits."""

import re

from coach import answers, speech
from coach import protocol as p
from tests.e2e.coach_server import asks_checklist, stored_slot, through_checklist
from tests.e2e.test_alexa_e2e import ask, spoken


def talk(coach, sender):
    def say(text: str) -> tuple[str, list[str]]:
        replies = coach.replies(sender, text)
        text_said = " ".join(r.get("text", "") for r in replies if r.get("text"))
        titles = [b["title"] for r in replies for b in r.get("buttons") or []]
        if asks_checklist(text_said):  # the safety checklist: answered "no", all of it kept
            after, titles = say("no")
            return f"{text_said} {after}", titles
        return text_said, titles

    return say


def talk_by_voice(coach, sender):
    def speak(text: str) -> str:
        replies = coach.replies(sender, text, {"voice": True})
        said = " ".join(r.get("text", "") for r in replies if r.get("text"))
        if asks_checklist(said):  # the safety checklist: answered "no"
            return f"{said} {speak('no')}"
        return said

    return speak


def test_counts_corrections_and_questions_in_a_chat_session(coach):
    say = talk(coach, "e2e-language-counts")
    assert "ready" in say("start my session")[0].lower()
    assert "Set 1, left leg" in say("let's go")[0]
    say("one")
    say("two")
    assert say("three")[0].startswith("3")
    assert "5 of 10" in say("2 more")[0]
    reply, buttons = say("did 5")
    assert "5 more, or 5 in all" in reply and buttons == ["5 more", "5 in all"]
    assert "5 to go" in say("5 in all")[0]
    assert "4 of 10" in say("undo")[0]
    reply, buttons = say("wait how long do I hold again")
    assert p.HOLD_SECONDS.spoken("seconds") in reply and "4 of 10" in reply
    assert not buttons and "Paused" not in reply
    assert "6 to go" in say("where was I")[0]
    reply, buttons = say("did 25")
    assert "Did you really do 25" in reply and buttons
    assert "How many" in say("no")[0]
    assert "Switch to your right leg" in say("10")[0]
    reply, _ = say("no wait I meant 9")
    assert "back on your left leg" in reply and "9 of 10" in reply
    assert "Switch to your right leg" in say("one more")[0]
    reply, _ = say("ok")
    assert "0 of 10" in reply and answers.NOT_UNDERSTOOD not in reply
    reply, _ = say("pain 6")
    assert "Pain of 6 out of 10" in reply and "stop this set" in reply
    reply, _ = say("stop for today")
    assert "set 1: left 10, right 0" in reply
    history = stored_slot(coach.database, "e2e-language-counts", "history")
    assert history[-1]["reps"][0] == {"left": 10, "right": 0} and history[-1]["pain"] == [6]


def test_pain_sets_the_plan_over_rest(coach):
    say = talk(coach, "e2e-language-pain-before")
    assert "Pain of 4 out of 10" in say("my back hurts, about a 4")[0]
    reply, _ = say("start my session")
    assert "7 reps a set instead of 10" in reply

    say = talk(coach, "e2e-language-severe")
    assert "stop the exercise for today" in say("my back is killing me")[0]
    reply, buttons = say("start my session")
    assert "go ahead anyway" in reply and "Yes, I want to go ahead" in buttons
    assert "rest today" not in say("yes, I want to go ahead")[0].lower()
    assert stored_slot(coach.database, "e2e-language-severe", "session")["phase"] == "setup"


def test_the_next_session_asked_about_after_a_stop_or_from_a_day_said(coach):
    say = talk(coach, "e2e-language-next-go")
    say("start my session")
    say("ready")
    say("did 3")
    assert "stop the exercise for today" in say("my lower back hurts, a 9")[0]
    reply, _ = say("how soon could I have another go at them?")
    assert "48 to 72 hours" in reply and "easier version" in reply and "doctor" in reply

    say = talk(coach, "e2e-language-said-day")
    reply, _ = say("got through my leg lifts yesterday, okay to go again today?")
    assert "48 to 72 hours" in reply and "any time is good" not in reply


def test_pain_after_a_session_goes_in_its_record(coach):
    sender = "e2e-language-after"
    say = talk(coach, sender)
    say("start my session")
    say("ready")
    for _ in range(3):
        say("did 10")
        if "ready" in say("did 10")[0].lower():
            say("ready")
    assert stored_slot(coach.database, sender, "session") is None
    reply, _ = say("back's a bit sore now, 3 out of 10")
    assert "record" in reply and "stop this set" not in reply
    assert stored_slot(coach.database, sender, "history")[-1]["pain"] == [3]


def test_a_voice_session_over_alexa_records_only_what_is_confirmed(coach):
    user = "amzn1.ask.account.e2e-language-voice"

    def speak(utterance: str) -> str:
        status, reply = ask(coach, "coach_intent", user, utterance=utterance)
        assert status == 200, reply
        _, ssml = spoken(reply)
        assert len(ssml) <= speech.MAX_SSML_CHARS
        breaks = [int(ms) for ms in re.findall(r'<break time="(\d+)ms"/>', ssml)]
        assert not breaks or max(breaks) <= speech.MAX_BREAK_MS
        return ssml

    through_checklist(speak("start my session"), lambda: speak("no"))
    assert speak("ready").count("Lift.") == 10
    assert "all 10" in speak("okay I'm ready")
    session = stored_slot(coach.database, user, "session")
    assert session["reps"][0]["left"] == 0
    switch = speak("all of them")  # the right leg named; paced once the user is ready
    assert "Switch to your right leg" in switch and "Lift." not in switch
    assert speak("ready").count("Lift.") == 10
    # Counting along with the paced set: each number up is one rep, never the total.
    assert "1" in speak("one") and "2" in speak("to")
    session = stored_slot(coach.database, user, "session")
    assert session["reps"][0]["right"] == 2
    rest = speak("I managed 8")
    waits = sum(int(ms) for ms in re.findall(r'<break time="(\d+)ms"/>', rest))
    assert waits >= p.REST_BETWEEN_SETS_SECONDS * 1000 and "Rest over" in rest
    answer = speak("how long do I hold it")
    assert p.HOLD_SECONDS.spoken("seconds") in answer
    session = stored_slot(coach.database, user, "session")
    assert session["reps"][0] == {"left": 10, "right": 8} and session["phase"] == "rest"


def test_everyday_words_start_count_ask_and_stop_over_rest(coach):
    sender = "e2e-language-everyday"
    say = talk(coach, sender)
    reply, _ = say("that's one")  # no session yet: one starts (after the checklist), counting it
    assert "already started" in reply and "1" in reply
    assert "2" in say("um two done")[0]
    reply, buttons = say("3 or 4 more")
    assert "3 or 4 more?" in reply and buttons == ["3 more", "4 more"]
    assert "6 of 10" in say("4 more")[0]
    assert "Paused" in say("hang on, the doorbell")[0]
    say("ok I'm back")
    reply, _ = say("right, stopping there, got to go")
    assert "set 1: left 6, right 0" in reply
    assert stored_slot(coach.database, sender, "history")[-1]["total_reps"] == 6


def test_context_then_a_start_position_and_corrections_over_rest(coach):
    """Who they are, then "guide me through them": a start; where they are: ready; a
    take-back said "by accident" and a decrement with a miscount: reps taken off."""
    say = talk(coach, "e2e-language-context")
    reply, _ = say(
        "Hello there. I'm 66 and my doctor wants me doing these. Would you guide me through them?"
    )
    assert "2 sets of 10 reps" in reply
    assert "Set 1, left leg" in say("ok I'm down on all fours on the carpet")[0]
    for _ in range(5):
        say("done")
    reply, _ = say("undo please, I clicked it by accident")
    assert "4 of 10" in reply and "fall" not in reply
    assert "7 of 10" in say("3 more")[0]
    assert "5 of 10" in say("take off two, I lost count")[0]


def test_totals_praise_an_open_question_and_thanks_bye_over_rest(coach):
    say = talk(coach, "e2e-language-totals")
    say("start my session")
    say("ready")
    say("did 10")
    say("ready")
    say("did 10")
    reply, _ = say("so that comes to 20 altogether, yeah?")
    assert reply.startswith("Yes, that's right.") and "20 reps in all" in reply
    reply, _ = say("you're a really good trainer you know")
    assert reply.startswith("Thank you") and "0 (no pain)" not in reply
    say("ready")
    say("did 2")
    # A second batch within the leg's target is that many more, said back so that
    # someone who meant "in all" can put it right.
    reply, _ = say("did 6")
    assert reply.startswith("Counted as 6 more.") and "8 of 10" in reply
    assert "2 to go" in say("how many have i got left")[0]
    reply, _ = say("ta, gotta run")
    assert "28 in all" in reply and answers.GOODBYE in reply


def test_a_go_ahead_with_mild_pain_and_exercising_words_to_a_start_question_over_rest(coach):
    say = talk(coach, "e2e-language-go-ahead")
    reply, _ = say("my hamstring is tight, maybe a 1, ok let's begin")
    assert "Shall we start" not in reply and "ready" in reply.lower()
    say("ready")
    say("2 done")
    assert "8 to go" in say("how many have I got left")[0]
    assert "Switch to your right leg" in say("did 8")[0]
    say = talk(coach, "e2e-language-start-question")
    reply, _ = say("my knee is a 2 but I'm keen to exercise")
    assert reply.endswith("Shall we start today's session now?")
    reply, _ = say("done")
    assert "already started" in reply and answers.NOT_UNDERSTOOD not in reply


def test_a_count_with_mild_pain_and_a_days_a_week_question_over_rest(coach):
    """The count said first and pain scored after it: both kept. "How many days a week"
    mid-set is how often to train, not how long a session takes."""
    say = talk(coach, "e2e-language-count-then-pain")
    say("start my session")
    say("let's go")
    say("1")
    say("2")
    reply, _ = say("3 - knee's a little achy, about a 2")
    assert "2 out of 10" in reply and "3 of 10" in reply
    assert say("4")[0].startswith("4")
    reply, _ = say("how many days per week am I meant to train this")
    assert "3 sessions a week" in reply and "48 to 72 hours" in reply
    assert "4 of 10" in reply


def test_a_count_for_the_other_leg_a_rest_taken_and_see_you_over_rest(coach):
    """A count named for the other leg ends this one and counts on the next; a rest said
    to be taken starts the next set; "see you then" after the session is a goodbye."""
    sender = "e2e-language-other-leg"
    say = talk(coach, sender)
    say("start my session")
    say("let's go")
    assert "6 of 10" in say("done 6")[0]
    reply, _ = say("other side did 4")
    assert "6 on your left leg" in reply and "4 of 10 on your right leg" in reply
    assert "set 1 done" in say("6 more")[0]
    assert "Set 2, left leg" in say("took my full minute break, going again")[0]
    say("stop for today")
    assert answers.GOODBYE in say("cheers, see you then")[0]


def test_a_stop_with_more_said_after_it_over_voice_rest_and_thanks_at_rest(coach):
    speak = talk_by_voice(coach, "e2e-language-stop-voice")

    speak("start my session")
    assert "Did you get all 10" in speak("ready")
    reply = speak("stop now, i'm finished")
    assert "we'll stop there" in reply and answers.NOT_UNDERSTOOD not in reply
    say = talk(coach, "e2e-language-leave-at-rest")
    say("start my session")
    say("ready")
    say("did 10")
    assert "rest" in say("did 10")[0].lower()
    reply, _ = say("thanks")
    assert "Anything else" not in reply and "resting" in reply
    reply, _ = say("cheers, that will do me for now")
    assert "we'll stop there" in reply and "20 in all" in reply


def test_counts_before_ready_pain_beside_an_okay_and_a_goodbye_over_rest(coach):
    """A put-right count before "ready" starts the set from it; "done" with no session says
    how to start one; a count named by the leg's place counts there; pain said beside an
    okay before ready is asked about; thanks with a day to meet again is a goodbye."""
    say = talk(coach, "e2e-language-before-ready")
    reply, _ = say("done")
    assert answers.NO_SESSION in reply
    say("start my session")
    reply, _ = say("no, I only got to 4")
    assert "4 of 10 on your left leg" in reply and "nothing to correct" not in reply
    assert "Switch to your right leg" in say("that's it for this leg")[0]
    assert "9 of 10 on your right leg" in say("and 9 on the second one")[0]
    say("stop for today")
    assert answers.GOODBYE in say("thank you, see you on saturday")[0]
    ache = talk(coach, "e2e-language-okay-but-sore")
    ache("start my session")
    reply, _ = ache("yes fine, though my back is a bit sore")
    # the pain heard (said back as the user said it, mild), the set not led
    assert "Mild pain" in reply and "Set 1" not in reply


def test_a_count_said_with_a_fall_after_a_paced_set_is_kept_through_the_question(coach):
    """ "Did six then I fell over" after a paced set: the fall is asked about first, and the
    six is recorded and said back once the user answers no."""
    voice = "e2e-language-count-through-screen"
    speak = talk_by_voice(coach, voice)

    speak("start my session")
    assert "Did you get all 10" in speak("ready")
    asked = speak("i did six then i fell over")
    assert asked.rstrip().endswith("?") and "6 on your left leg" not in asked
    assert "6 on your left leg" in speak("no")
    assert stored_slot(coach.database, voice, "session")["reps"][0]["left"] == 6


def test_an_apology_before_yes_a_remark_and_a_count_with_a_total_check_over_rest(coach):
    """By voice, "sorry yes" confirms the paced set and a remark on the effort gets a word
    and the question again; by chat, a count said with a total check is counted first."""
    voice = "e2e-language-apology-and-effort"
    speak = talk_by_voice(coach, voice)
    speak("start my session")
    assert "Did you get all 10" in speak("ready")
    remark = speak("phew getting a real sweat on")
    assert "working hard" in remark and "all 10 on your left leg" in remark
    assert "Switch to your right leg" in speak("oops sorry yep got them all")
    assert stored_slot(coach.database, voice, "session")["reps"][0]["left"] == 10

    say = talk(coach, "e2e-language-count-and-total-check")
    say("start my session")
    say("ready")
    say("did 10")
    reply, _ = say("6 more, so that's 16 altogether right?")
    assert reply.index("6 of 10 on your right leg") < reply.index("Yes, that's right.")


def test_the_session_just_stopped_is_recapped_and_a_bad_place_is_pain(coach):
    """Just after a stop, "how many reps was it?" gets that session's reps and time (by chat
    and by voice), not when the next one is; a place said to be moderate, the word pain left
    out, is a pain report that makes the next session lighter."""
    say = talk(coach, "e2e-language-recap")
    say("start my session")
    say("ready")
    say("did 10")
    say("4")
    say("stop for today")
    reply, _ = say("so how many reps was it?")
    assert "14 reps in all (set 1: left 10, right 4)" in reply and "Time:" in reply
    assert "Your last session was" not in reply

    speak = talk_by_voice(coach, "e2e-language-place-severity")
    reply = speak("my lower back feels moderate this evening")
    assert "moderate pain" in reply.lower() and "lighter" in reply  # said back as said
    assert "2 sets of 7 reps" in speak("start my session")
    assert "Did you get all 7" in speak("ready")
    assert "6 on your left leg" in speak("only managed sicks")
    stop = speak("stop for today")
    assert "Your reps: 6 in all" in stop
    recap = speak("how long did that take?")
    assert "6 reps in all" in recap and "Your last session was" not in recap


def test_position_with_a_go_word_starts_and_a_remark_while_waiting_is_heard(coach):
    """Waiting to start, a remark on the effort gets a word and the step again, never "didn't
    catch that"; where they are said with a go word starts the set, by chat and by voice,
    not the steps again."""
    say = talk(coach, "e2e-language-position-go")
    say("start my session")
    reply, _ = say("well that felt heavy")
    assert answers.NOT_UNDERSTOOD not in reply and "thanks for telling me" in reply.lower()
    assert "Say ready when you're in position" in reply
    reply, _ = say("I'm kneeling on the mat now, let's begin")
    assert "Set 1, left leg" in reply and "toes pointed" not in reply
    say("did 10")
    say("did 10")
    reply, _ = say("pretty tiring, ok though")
    assert answers.NOT_UNDERSTOOD not in reply and "Say ready when you've rested" in reply

    speak = talk_by_voice(coach, "e2e-language-position-go-voice")
    speak("start my session")
    reply = speak("down on all fours, here we go")
    assert "Did you get all 10" in reply and "toes pointed" not in reply


def test_own_start_a_count_first_for_the_other_leg_and_a_slip_after_a_count(coach):
    """ "I'm beginning my workout" starts a session (not the start position's answer); a
    count named first for the other leg, with this one part-counted, goes to the leg not
    in progress; by voice, a count that ends in a slip is recorded and said back, and the
    slip is asked about after it."""
    sender = "e2e-language-own-start"
    say = talk(coach, sender)
    reply, _ = say("i'm beginning my workout")
    assert "Say ready" in reply
    say("ready")
    assert "4 of 10" in say("done 4")[0]
    reply, _ = say("7 on the other side")
    assert "4 on your left leg" in reply and "7 of 10 on your right leg" in reply
    voice = "e2e-language-slip-voice"
    speak = talk_by_voice(coach, voice)
    speak("start my session")
    assert "Did you get all 10" in speak("ready")
    reply = speak("completed ate and then my hand slid off")
    assert reply.index("8 on your left leg") < reply.index("Sorry about the slip")
    assert stored_slot(coach.database, voice, "session")["reps"][0]["left"] == 8


def test_the_other_leg_on_ready_a_last_rep_taken_back_and_scores_said_after_a_report(coach):
    """By voice, a confirmed leg names the other and waits for "ready" before pacing it; the
    set said done with its last rep taken back records one fewer. By chat, a start said as
    "begin it" after a pre-session pain answer starts, and a score said on its own after a
    pain in words replaces the one read from the words."""
    voice = "e2e-language-switch-on-ready"
    speak = talk_by_voice(coach, voice)
    for said, expected in [("start my session", "Say ready"), ("ready", "Did you get all 10")]:
        assert expected in speak(said)
    reply = speak("got them all, except the final one was a bit sloppy")
    assert "9 on your left leg" in reply and "Switch to your right leg" in reply
    assert "Lift." not in reply and "Say ready" in reply
    assert "Did you get all 10" in speak("ok ready")
    assert stored_slot(coach.database, voice, "session")["reps"][0] == {"left": 9, "right": 0}

    say = talk(coach, "e2e-language-begin-it-and-rescore")
    reply, _ = say("my hip is at a 1 this morning, can I still train?")
    assert "1 out of 10" in reply
    reply, _ = say("lovely, begin it then")
    assert "Say ready when you're in position" in reply
    say("ready")
    say("did 3")
    say("slight ache in my back now")
    reply, _ = say("I'd say a 3 really")
    assert "3 out of 10" in reply and answers.NOT_UNDERSTOOD not in reply


def test_a_count_with_its_leg_after_it_the_hold_amid_other_words_and_left_at_the_switch(coach):
    """By chat, a count with the leg said after it finishes that leg, and how long to hold,
    asked with other words around it, is the hold answer mid-set. By voice, "how many left"
    at the leg switch says what is left of the whole session and records nothing."""
    say = talk(coach, "e2e-language-leg-after-the-count")
    say("start my session")
    say("ready")
    say("3")
    reply, _ = say("oh before I forget, how long do I keep it raised? I was told once")
    assert p.HOLD_SECONDS.spoken("seconds") in reply and "3 of 10" in reply
    assert "Switch to your right leg" in say("10 left")[0]
    assert "set 1 done" in say("and 10 right")[0]

    voice = "e2e-language-left-at-the-switch"
    speak = talk_by_voice(coach, voice)
    speak("start my session")
    assert "Did you get all 10" in speak("ready")
    assert "Say ready" in speak("yes all ten, felt fine")
    reply = speak("how many left")
    assert "30 reps to go today" in reply and "right leg next" in reply
    assert stored_slot(coach.database, voice, "session")["reps"][0] == {"left": 10, "right": 0}

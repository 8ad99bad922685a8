"""Ordinary replies around a session (s38h, issue 17). A day asked about after the gap
answer ("how about Sunday?") gets that day against the 48-72 h gap, whatever the classifier
read. Changing one's mind just after declining a session starts it. "What now?" at the
set-up says the position and the first leg's plan. By voice, a hedge after a partial count
("sort of") is asked about: how many, not "back to it"."""

import pytest

from coach import conversation
from tests.unit.chat import Chat, after_a_full_session, after_a_paced_set

VOICE = {"voice": True}
GAP = "48 to 72 hours"


def _meta(voice: bool):
    return VOICE if voice else None


# -- 1. another day asked about after the gap answer ---------------------------------------
# The chat starts on Wednesday 15 November at noon; the session just ended, so Thursday is
# too soon and Friday 17 November is the best day.

TOO_SOON_DAY = [
    "what about tomorrow afternoon then",
    "ok, how about tomorrow?",
    "would Thursday work?",
    "is tomorrow morning any good?",
]
FINE_DAY = [
    ("how about Saturday?", "Saturday 18 November"),
    ("what about Sunday then", "Sunday 19 November"),
    ("and next Monday?", "Monday 20 November"),
]
# Intents a classifier may give such a follow-up: none of them is the pain's answer.
MISREAD = ["ask_next_session", "pain", "start_session", "out_of_scope", "nlu_fallback"]


def _after_the_gap_answer(voice: bool = False) -> Chat:
    chat = after_a_full_session()
    reply = chat.say(
        "ask_next_session", "could I squeeze in another one this evening?", metadata=_meta(voice)
    )
    assert "Not today" in reply and "Friday 17 November" in reply
    return chat


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("intent", MISREAD)
@pytest.mark.parametrize("said", TOO_SOON_DAY)
def test_a_day_too_soon_is_named_with_the_gap_and_the_best_day(voice, intent, said):
    chat = _after_the_gap_answer(voice)
    reply = chat.say(intent, said, metadata=_meta(voice))
    assert "Better not tomorrow (Thursday)" in reply and GAP in reply
    assert "best day is Friday 17 November" in reply
    assert "How bad is it" not in reply and "go ahead anyway" not in reply


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("intent", MISREAD)
@pytest.mark.parametrize(("said", "day"), FINE_DAY)
def test_a_day_after_the_gap_is_fine(voice, intent, said, day):
    chat = _after_the_gap_answer(voice)
    reply = chat.say(intent, said, metadata=_meta(voice))
    assert f"Yes, {day} is fine" in reply and "How bad" not in reply


@pytest.mark.parametrize("intent", MISREAD)
def test_the_day_after_is_counted_from_the_day_asked_before(intent):
    chat = _after_the_gap_answer()
    chat.say(intent, "what about tomorrow then?")
    reply = chat.say(intent, "and the one after?")
    assert "Yes, Friday 17 November works from noon" in reply
    reply = chat.say(intent, "or the day after that?")
    assert "Yes, Saturday 18 November is fine" in reply


def test_the_day_after_tonight_is_tomorrow():
    chat = _after_the_gap_answer()
    assert "Better not tomorrow (Thursday)" in chat.say("pain", "and the day after?")


def test_with_no_session_on_record_the_day_is_counted_from_the_day_said():
    chat = Chat()
    reply = chat.say("ask_next_session", "I did my leg lifts this morning, again this evening?")
    assert GAP in reply
    reply = chat.say("pain", "how about tomorrow then?")
    assert "Better not tomorrow" in reply and "How bad" not in reply


@pytest.mark.parametrize(
    "said",
    [
        "how about Saturday then?",
        "would Friday be alright?",
        "and the day after that?",
        "tmrw night?",
    ],
)
def test_the_classifier_rule_reads_a_day_asked_about_as_the_schedule(said):
    for intent in (conversation.QUESTION_INTENT, "pain", "start_session", "out_of_scope"):
        assert conversation.rule_verdict(intent, [], said) == "ask_next_session"


@pytest.mark.parametrize(
    "said", ["my back hurts on sundays", "tomorrow then", "what about my knee?", "how about 8?"]
)
def test_other_words_are_no_day_asked_about(said):
    assert not conversation.asks_about_another_day(said)


def test_a_reminder_for_a_day_is_still_a_reminder():
    assert conversation.rule_verdict("set_reminder", [], "and tomorrow at six?") != (
        "ask_next_session"
    )


# -- 2. changing one's mind after declining a session -------------------------------------

CHANGES_OF_MIND = [
    ("start_session", "oh alright, begin it then"),
    ("affirm", "ok fine, I'll do it after all"),
    ("continue_session", "actually go on, start"),
    ("affirm", "meh go on then, let's do it"),
    (conversation.QUESTION_INTENT, "fine, i'll do them"),
    ("affirm", "on second thoughts let's go"),
]
DECLINES = ["nah not today, I'm shattered", "actually no, not now"]


def _declined(voice: bool, decline: str) -> Chat:
    chat = Chat()
    chat.say("start_session", "start the exercises", metadata=_meta(voice))
    reply = chat.say("deny", decline, metadata=_meta(voice))
    assert "no session today" in reply and chat.session is None
    return chat


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("decline", DECLINES)
@pytest.mark.parametrize(("intent", "said"), CHANGES_OF_MIND)
def test_changing_ones_mind_starts_the_declined_session(voice, decline, intent, said):
    chat = _declined(voice, decline)
    reply = chat.say(intent, said, metadata=_meta(voice), answer_key="which_leg")
    assert "2 sets of 10 reps on each leg" in reply and "Say ready" in reply
    assert chat.session is not None and chat.session["phase"] == "setup"


@pytest.mark.parametrize(
    ("intent", "said"),
    [("affirm", "ok"), ("deny", "no, I'll do it tomorrow"), ("affirm", "fine, later then")],
)
def test_an_acknowledgement_or_another_day_starts_nothing(intent, said):
    chat = _declined(False, DECLINES[0])
    chat.say(intent, said)
    assert chat.session is None


def test_a_go_ahead_long_after_another_topic_is_not_read_as_that_session():
    chat = _declined(False, DECLINES[0])
    chat.say("faq", "how long do I hold it?", answer_key="how_long_to_hold")
    assert chat.slots.get("last_topic") != "declined_session"


@pytest.mark.parametrize("said", ["oh fine, begin it then", "right go on then, let's do this"])
def test_the_classifier_rule_reads_a_terse_go_ahead_as_a_start(said):
    assert conversation.rule_verdict(conversation.QUESTION_INTENT, [], said) == "start_session"


# -- 3. "what now?" at the set-up ---------------------------------------------------------

WHAT_NOW = [
    "so what now then?",
    "ok so what do I do next",
    "what's next then",
    "right, what comes next",
]


@pytest.mark.parametrize("voice", [False, True])
@pytest.mark.parametrize("intent", ["continue_session", "faq", "ask_technique"])
@pytest.mark.parametrize("said", WHAT_NOW)
def test_what_now_at_the_set_up_says_the_position_and_the_first_leg(voice, intent, said):
    chat = Chat()
    chat.say("start_session", "let's get going", metadata=_meta(voice))
    reply = chat.say(intent, said, metadata=_meta(voice))
    assert "hands and knees" in reply
    assert "First: set 1, your left leg, 10 reps." in reply
    assert reply.rstrip().endswith("Say ready when you're in position, and we'll start.")
    assert chat.session["phase"] == "setup"


# -- 4. voice: a hedge after a partial count ----------------------------------------------

HEDGES = ["uh mostly", "kinda", "sort of I guess", "roughly yeah", "I guess so", "nearly"]
ASKS_HOW_MANY = "How many have you done now? Say a number, or all of them."


def _six_of_ten() -> Chat:
    chat = after_a_paced_set()
    chat.say("affirm", "hmm kind of", metadata=VOICE)  # asked how many
    reply = chat.say("report_reps", "i think i got about six", metadata=VOICE)
    assert "6 of 10" in reply and "4 to go" in reply
    return chat


@pytest.mark.parametrize("intent", ["affirm", "feel_fine", "continue_session", "nlu_fallback"])
@pytest.mark.parametrize("said", HEDGES)
def test_a_hedge_mid_count_by_voice_asks_how_many(intent, said):
    chat = _six_of_ten()
    reply = chat.say(intent, said, metadata=VOICE)
    assert ASKS_HOW_MANY in reply and "6 of 10" in reply and "Back to it" not in reply
    assert chat.session["phase"] == "active" and not chat.session["awaiting_feedback"]


def test_after_the_hedge_all_of_them_finishes_the_leg():
    chat = _six_of_ten()
    chat.say("affirm", "sorta", metadata=VOICE)
    reply = chat.say("affirm", "all of them", metadata=VOICE)
    assert "10 on your left leg" in reply and "right leg" in reply


def test_after_the_hedge_a_number_is_the_count():
    chat = _six_of_ten()
    chat.say("affirm", "more or less", metadata=VOICE)
    assert "9 of 10" in chat.say("report_reps", "nine", metadata=VOICE)


def test_a_hedge_with_pain_in_it_is_the_pain():
    chat = _six_of_ten()
    reply = chat.say("pain", "sort of, my back aches", metadata=VOICE)
    assert ASKS_HOW_MANY not in reply

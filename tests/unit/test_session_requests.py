"""A start said after a greeting, the last set named as a go-ahead, and a question about
having the pain checked after a stop for severe pain."""

import pytest

from tests.unit.chat import Chat, after_a_full_session, in_a_set, number


@pytest.mark.parametrize("said", ["hey, let's go", "hiya start", "morning, ready", "hello begin"])
def test_a_start_after_a_greeting_starts(said):
    chat = Chat(disclaimer_given=True)
    chat.say("greet", said)
    assert chat.session is not None


@pytest.mark.parametrize("said", ["hello", "hi there", "hey, how long do I hold it"])
def test_a_greeting_alone_starts_nothing(said):
    chat = Chat(disclaimer_given=True)
    chat.say("greet", said)
    assert chat.session is None


@pytest.mark.parametrize("said", ["final set", "onto the last round", "the final batch"])
def test_the_last_set_named_is_a_go_ahead(said):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    reply = chat.say("nlu_fallback", said)
    assert "didn't catch" not in reply and chat.session["set_number"] == 2


@pytest.mark.parametrize(
    "said",
    [
        "do I need a doctor to check it",
        "should somebody examine it",
        "is it worth having a physio look at my hip",
        "should I get it seen",
    ],
)
@pytest.mark.parametrize("intent", ["faq", "nlu_fallback", "ask_medical"])
def test_asking_about_a_check_after_severe_pain_gets_the_clinician_reply(said, intent):
    chat = in_a_set()
    chat.say("pain", "that was agony, an 8", number(8))
    assert chat.session is None
    reply = chat.say(intent, said).lower()
    assert any(word in reply for word in ("doctor", "physio", "gp"))


@pytest.mark.parametrize(
    "said", ["how many lifts total", "so how many reps combined", "how many total then"]
)
@pytest.mark.parametrize("intent", ["faq", "ask_reps", "ask_progress"])
def test_how_many_in_total_after_todays_session_is_the_days_total(said, intent):
    chat = after_a_full_session()
    assert chat.session is None
    assert "40" in chat.say(intent, said)


@pytest.mark.parametrize(
    "said", ["ok I'll stop and have another go on friday", "think im gonna stop now", "i will stop"]
)
def test_a_stop_said_as_a_plan_at_rest_stops(said):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    assert chat.session["phase"] == "rest"
    chat.say("ask_easier", said)
    assert chat.session is None


@pytest.mark.parametrize("said", ["I'll stop if it starts to hurt", "i won't stop yet"])
def test_a_stop_said_as_a_condition_carries_on(said):
    chat = in_a_set()
    chat.say("report_reps", "did 10")
    chat.say("report_reps", "did 10")
    chat.say("nlu_fallback", said)
    assert chat.session is not None


@pytest.mark.parametrize("intent", ["deny", "nlu_fallback", "stop_session"])
@pytest.mark.parametrize("said", ["not today thanks", "maybe another day", "forget it"])
def test_not_today_to_a_question_about_the_count_ends_the_session(intent, said):
    chat = Chat()
    chat.say("start_session", "start", metadata={"voice": True})
    chat.say("continue_session", "ready", metadata={"voice": True})
    chat.say("ask_reps", "what now", metadata={"voice": True})
    assert chat.session is not None and chat.session.get("check")
    reply = chat.say(intent, said, metadata={"voice": True})
    assert chat.session is None and "how many" not in reply.lower()


@pytest.mark.parametrize(
    "said", ["so I should leave them today?", "can I still try them now", "no leg lifts then"]
)
@pytest.mark.parametrize("intent", ["ask_frequency", "ask_next_session", "nlu_fallback"])
def test_whether_to_exercise_today_after_severe_pain_says_rest(said, intent):
    chat = Chat(disclaimer_given=True)
    chat.say("pain", "my back is at an 8 today", number(8))
    reply = chat.say(intent, said)
    assert reply.startswith("Not today") and chat.session is None


@pytest.mark.parametrize(
    "said", ["how long do I usually wait between sessions", "how long should I wait in general"]
)
def test_the_usual_schedule_asked_after_severe_pain_is_the_usual_answer(said):
    chat = Chat(disclaimer_given=True)
    chat.say("pain", "my back is at an 8 today", number(8))
    reply = chat.say("nlu_fallback", said)
    assert "until the pain has settled" not in reply

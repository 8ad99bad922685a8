"""End to end: the Alexa channel of `make run`'s real servers, sent Amazon's request
envelopes signed with a test certificate chain (COACH_ALEXA_TEST_CERTS)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from coach import protocol as p
from coach import speech
from tests.e2e.alexa_certs import envelope, signed_headers
from tests.e2e.coach_server import CHECKLIST, stored_event_count, stored_user_texts

WEBHOOK = "/webhooks/alexa/webhook"


def ask(coach, name: str, user: str, **changes) -> tuple[int, dict]:
    """Send a recorded envelope, signed as Alexa would."""
    age = changes.pop("age_seconds", 0)
    body = json.dumps(envelope(name, user, age_seconds=age, **changes)).encode()
    return coach.post(WEBHOOK, body, signed_headers(body, coach.alexa_key))


def spoken(reply: dict) -> tuple[ET.Element, str]:
    ssml = reply["response"]["outputSpeech"]["ssml"]
    assert reply["response"]["outputSpeech"]["type"] == "SSML"
    root = ET.fromstring(ssml)  # valid XML
    assert root.tag == "speak"
    return root, ssml


def test_launch_greets_and_offers_a_session(coach):
    status, reply = ask(coach, "launch", "amzn1.ask.account.e2e-launch")
    assert status == 200, reply
    root, _ = spoken(reply)
    assert "start my session" in "".join(root.itertext())
    assert reply["response"]["shouldEndSession"] is False
    spoken({"response": reply["response"]["reprompt"]})


def test_a_question_is_answered_by_voice(coach):
    user = "amzn1.ask.account.e2e-question"
    status, reply = ask(coach, "coach_intent", user, utterance="how long do I hold it")
    assert status == 200, reply
    root, _ = spoken(reply)
    assert p.HOLD_SECONDS.spoken("seconds") in "".join(root.itertext())
    assert stored_user_texts(coach.database, user) == ["how long do I hold it"]


def test_a_guided_set_fits_alexas_limits_and_stop_ends(coach):
    user = "amzn1.ask.account.e2e-session"
    status, reply = ask(coach, "coach_intent", user, utterance="start my session")
    for question in CHECKLIST:  # the safety checklist, spoken: answered no by voice
        assert status == 200 and question in "".join(spoken(reply)[0].itertext()), reply
        status, reply = ask(coach, "coach_intent", user, utterance="no")
    assert status == 200 and "ready" in spoken(reply)[1].lower()
    status, reply = ask(coach, "coach_intent", user, utterance="ready")
    assert status == 200, reply
    _, ssml = spoken(reply)
    assert ssml.count("Lift.") >= p.REPS_PER_SET.low, ssml[:300]
    breaks = [int(ms) for ms in re.findall(r'<break time="(\d+)ms"/>', ssml)]
    assert breaks and max(breaks) <= speech.MAX_BREAK_MS
    assert len(ssml) <= speech.MAX_SSML_CHARS
    status, reply = ask(coach, "stop_intent", user)
    assert status == 200 and reply["response"]["shouldEndSession"] is True
    assert stored_user_texts(coach.database, user)[-1] == "stop"


def test_help_fallback_and_session_end_are_answered(coach):
    user = "amzn1.ask.account.e2e-help"
    status, reply = ask(coach, "help_intent", user)
    assert status == 200 and spoken(reply)
    status, reply = ask(coach, "fallback_intent", user)
    assert status == 200 and "didn't catch" in spoken(reply)[1]
    status, reply = ask(coach, "session_ended", user)
    assert (status, reply) == (200, {"version": "1.0", "response": {}})


def test_each_alexa_user_has_their_own_tracker(coach):
    first, second = "amzn1.ask.account.e2e-one", "amzn1.ask.account.e2e-two"
    assert ask(coach, "coach_intent", first, utterance="how many reps")[0] == 200
    assert ask(coach, "coach_intent", second, utterance="how often a week")[0] == 200
    assert stored_user_texts(coach.database, first) == ["how many reps"]
    assert stored_user_texts(coach.database, second) == ["how often a week"]


def test_bad_signature_is_refused_and_touches_no_tracker(coach):
    user = "amzn1.ask.account.e2e-forged"
    body = json.dumps(envelope("coach_intent", user)).encode()
    headers = signed_headers(body, coach.alexa_key)
    status, reply = coach.post(WEBHOOK, body.replace(b"hold", b"HOLD"), headers)
    assert status == 400 and "signature" in reply["error"]
    assert stored_event_count(coach.database, user) == 0


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"age_seconds": 600}, "timestamp"),
        ({"skill_id": "amzn1.ask.skill.someone-else"}, "another skill"),
    ],
)
def test_stale_or_foreign_requests_are_refused(coach, changes, reason):
    user = f"amzn1.ask.account.e2e-{reason.replace(' ', '-')}"
    status, reply = ask(coach, "coach_intent", user, **changes)
    assert status == 400 and reason in reply["error"]
    assert stored_event_count(coach.database, user) == 0


@pytest.mark.parametrize(
    "body, signed",
    [(b"{not json", True), (b"[]", True), (b"{}", False), (b"", False)],
)
def test_malformed_requests_get_400_not_500(coach, body, signed):
    headers = signed_headers(body, coach.alexa_key) if signed else {}
    status, reply = coach.post(WEBHOOK, body, headers)
    assert status == 400 and reply["error"], reply

"""The Alexa channel's pure pieces: verification, request classification, SSML responses."""

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from coach import answers, speech
from connectors import alexa
from tests.e2e.alexa_certs import SKILL_ID, envelope, make_certs, signed_headers


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("alexa-certs")
    return folder, make_certs(folder)


def test_a_signed_request_passes_and_a_changed_body_does_not(certs):
    folder, key = certs
    verifier = alexa.LocalCertsVerifier(folder)
    body = json.dumps(envelope("launch", "u1")).encode()
    now = datetime.now(UTC)
    verifier.verify(signed_headers(body, key), body, now)
    with pytest.raises(alexa.Rejected, match="signature"):
        verifier.verify(signed_headers(body, key), body.replace(b"u1", b"u2"), now)


def test_missing_headers_and_expired_certs_are_rejected(certs):
    folder, key = certs
    verifier = alexa.LocalCertsVerifier(folder)
    body = b"{}"
    with pytest.raises(alexa.Rejected, match="headers"):
        verifier.verify({}, body, datetime.now(UTC))
    with pytest.raises(alexa.Rejected, match="not valid"):
        verifier.verify(signed_headers(body, key), body, datetime.now(UTC) + timedelta(days=60))


def test_a_cert_without_the_alexa_domain_is_rejected(tmp_path):
    key = make_certs(tmp_path, domain="example.com")
    body = b"{}"
    with pytest.raises(alexa.Rejected, match="not valid"):
        alexa.LocalCertsVerifier(tmp_path).verify(
            signed_headers(body, key), body, datetime.now(UTC)
        )


@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://notamazon.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
        "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
    ],
)
def test_certificate_urls_follow_amazons_rules(url):
    with pytest.raises(alexa.Rejected):
        alexa.check_cert_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
        "HTTPS://s3.AmazonAWS.com/echo.api/echo-api-cert.pem",
    ],
)
def test_amazons_valid_certificate_urls_pass(url):
    alexa.check_cert_url(url)


def test_timestamp_tolerance_is_150_seconds():
    now = datetime.now(UTC)
    alexa.check_timestamp(envelope("launch", "u", age_seconds=100), now)
    with pytest.raises(alexa.Rejected):
        alexa.check_timestamp(envelope("launch", "u", age_seconds=600), now)
    with pytest.raises(alexa.Rejected):
        alexa.check_timestamp({"request": {}}, now)


def test_skill_and_user_ids_come_from_the_context():
    body = envelope("launch", "amzn1.ask.account.X")
    assert alexa.skill_id(body) == SKILL_ID
    assert alexa.user_id(body) == "amzn1.ask.account.X"
    del body["context"]
    assert alexa.user_id(body) == "amzn1.ask.account.X", "session.user is the fallback"
    assert alexa.user_id({"request": {}}) is None


def test_requests_are_classified():
    assert alexa.classify(envelope("launch", "u")["request"]).text == alexa.LAUNCH_TEXT
    coach = alexa.classify(envelope("coach_intent", "u", utterance="how many reps")["request"])
    assert coach.text == "how many reps" and not coach.ends_session
    stop = alexa.classify(envelope("stop_intent", "u")["request"])
    assert stop.text == "stop" and stop.ends_session is True
    assert alexa.classify(envelope("help_intent", "u")["request"]).text == alexa.HELP_TEXT
    assert alexa.classify(envelope("fallback_intent", "u")["request"]).text is None
    assert alexa.classify(envelope("coach_intent", "u", utterance=" ")["request"]).text is None
    assert alexa.classify(envelope("session_ended", "u")["request"]) is None


def speech_of(reply: dict) -> ET.Element:
    return ET.fromstring(reply["response"]["outputSpeech"]["ssml"])


def test_texts_are_spoken_escaped_and_buttons_ignored():
    messages = [
        {"text": "Pain <3 & effort?", "buttons": [{"title": "Yes", "payload": "/yes"}]},
        {"text": "Second."},
    ]
    reply = alexa.alexa_response(messages, alexa.AlexaTurn("x"))
    assert "".join(speech_of(reply).itertext()) == "Pain <3 & effort? Second."
    assert reply["response"]["shouldEndSession"] is False
    reprompt = reply["response"]["reprompt"]["outputSpeech"]["ssml"]
    assert ET.fromstring(reprompt).text == alexa.REPROMPT
    assert "Yes" not in json.dumps(reply)


def test_the_coachs_own_ssml_is_spoken_instead_of_its_texts():
    ssml = f"<speak>Lift.{speech.pause(3000)}Hold.</speak>"
    messages = [{"text": "Lift. Hold."}, {"custom": {"ssml": ssml}}]
    assert alexa.alexa_response(messages, alexa.AlexaTurn("x"))["response"]["outputSpeech"] == {
        "type": "SSML",
        "ssml": ssml,
    }


def test_no_messages_means_trouble_and_stop_ends_the_session():
    stop = alexa.AlexaTurn("stop", closing=answers.GOODBYE, ends_session=True)
    reply = alexa.alexa_response([], stop)
    text = "".join(speech_of(reply).itertext())
    assert text == f"{answers.TROUBLE} {answers.GOODBYE}"
    assert reply["response"]["shouldEndSession"] is True
    assert "reprompt" not in reply["response"]


def test_fallback_speaks_without_the_coach():
    reply = alexa.alexa_response([], alexa.AlexaTurn(None, closing=alexa.FALLBACK))
    assert speech_of(reply).text == alexa.FALLBACK


def test_long_ssml_is_trimmed_at_a_sentence_end_outside_elements():
    rep = f'Lift.{speech.pause(3000)}<emphasis level="moderate">1.</emphasis>{speech.pause(500)}'
    ssml = f"<speak>{'Keep going, you are doing well. ' * 200}{rep * 200}</speak>"
    trimmed = alexa.trim_ssml(ssml)
    assert len(trimmed) <= speech.MAX_SSML_CHARS
    root = ET.fromstring(trimmed)  # still well-formed
    assert "".join(root.itertext()).rstrip().endswith(".")
    assert alexa.trim_ssml("<speak>Short.</speak>") == "<speak>Short.</speak>"


def test_trimming_keeps_the_closing_line():
    messages = [{"text": "A sentence here. " * 1000}]
    stop = alexa.AlexaTurn("stop", closing=answers.GOODBYE, ends_session=True)
    ssml = alexa.alexa_response(messages, stop)["response"]["outputSpeech"]["ssml"]
    assert len(ssml) <= speech.MAX_SSML_CHARS
    assert ssml.endswith(f"{answers.GOODBYE}</speak>")


def test_verification_off_warns_and_test_certs_need_their_setting(monkeypatch, caplog):
    monkeypatch.delenv(alexa.TEST_CERTS_SETTING, raising=False)
    monkeypatch.setenv("COACH_ALEXA_VERIFY", "false")
    with caplog.at_level("WARNING", logger="connectors.alexa"):
        assert alexa.AlexaInput().verifier is None
    assert "NOT checked" in caplog.text
    monkeypatch.delenv("COACH_ALEXA_VERIFY")
    assert type(alexa.AlexaInput().verifier) is alexa.SignatureVerifier

"""gTTS audio: only the HTTP exchange with Google is faked, so gTTS's own request
building and response parsing run as they do in production."""

import asyncio
import base64
import json
import logging
from urllib.parse import parse_qs

import pytest
import requests

from coach import speech
from coach.session import COUNT_WORDINGS, CUES, fixed_phrases

MP3 = b"ID3\x04\x00fake mp3 frames"


class FakeGoogle:
    """Stands in for translate.google.com at requests' transport layer."""

    def __init__(self) -> None:
        self.status = 200
        self.body: bytes | None = None  # None: a normal answer carrying MP3
        self.error: Exception | None = None
        self.sent: list[tuple[str, str]] = []  # (text, language) of each request

    def send(self, request: requests.PreparedRequest) -> requests.Response:
        form = parse_qs(request.body)  # f.req=<the RPC as JSON, its parameters as JSON>
        text, lang, *_ = json.loads(json.loads(form["f.req"][0])[0][0][1])
        self.sent.append((text, lang))
        if self.error is not None:
            raise self.error
        audio = base64.b64encode(MP3).decode("ascii")
        rpc = [["wrb.fr", "jQ1olc", json.dumps([audio]), None, None, None, "generic"]]
        payload = json.dumps(rpc, separators=(",", ":"))  # Google's compact batchexecute
        response = requests.Response()
        response.status_code = self.status
        response.reason = {200: "OK", 429: "Too Many Requests"}.get(self.status, "")
        response._content = self.body if self.body is not None else f")]}}'\n\n{payload}".encode()
        response._content_consumed = True
        response.request = request
        response.url = request.url
        return response


@pytest.fixture
def google(monkeypatch, tmp_path) -> FakeGoogle:
    fake = FakeGoogle()
    monkeypatch.setattr(
        requests.adapters.HTTPAdapter, "send", lambda _adapter, request, **_: fake.send(request)
    )
    monkeypatch.setenv("COACH_AUDIO_DIR", str(tmp_path / "audio"))
    monkeypatch.setattr(speech, "_warned", False)
    return fake


def test_first_call_asks_google_and_caches_the_mp3(google):
    path = speech.synthesize("Lift your leg.")
    assert path is not None and path.read_bytes() == MP3
    assert path.parent == speech.audio_dir() and path.name == speech.cache_name("Lift your leg.")
    assert google.sent == [("Lift your leg.", "en")]
    assert list(path.parent.iterdir()) == [path]  # no temp file left behind


def test_second_call_is_a_cache_hit_without_network(google):
    first = speech.synthesize("Hold.")
    again = speech.synthesize("  Hold.\n")  # whitespace does not make another file
    assert again == first and len(google.sent) == 1


def test_another_language_is_another_file(google):
    english = speech.synthesize("Hold.")
    french = speech.synthesize("Hold.", lang="fr")
    assert english != french and google.sent == [("Hold.", "en"), ("Hold.", "fr")]


def test_http_429_gives_none_and_warns_once(google, caplog):
    google.status = 429
    caplog.set_level(logging.DEBUG, logger="coach.speech")
    assert speech.synthesize("Lift.") is None
    assert speech.synthesize("Lower.") is None
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "429" in warnings[0].getMessage()
    assert len(google.sent) == 2 and not any(speech.audio_dir().iterdir())


def test_no_connection_gives_none(google):
    google.error = requests.ConnectionError("no network")
    assert speech.synthesize("Lift.") is None and len(google.sent) == 1


def test_an_answer_without_audio_gives_none_and_no_file(google):
    google.body = b")]}'\n\n[]"
    assert speech.synthesize("Lift.") is None
    assert not any(speech.audio_dir().iterdir())


@pytest.mark.parametrize("text", ["", "  \n ", "x" * (speech.MAX_AUDIO_TEXT_CHARS + 1)])
def test_empty_or_huge_text_is_not_sent(google, text):
    assert speech.synthesize(text) is None and google.sent == []


def test_audio_url_points_at_the_coach_route(google, monkeypatch):
    monkeypatch.setenv("COACH_PUBLIC_URL", "https://coach.example/")
    url = speech.audio_url("Hold.")
    assert url == f"https://coach.example/webhooks/coach/audio/{speech.cache_name('Hold.')}"
    google.status = 429
    assert speech.audio_url("Lower.") is None


def test_prebuild_counts_and_reuses_the_cache(google):
    assert speech.prebuild(["Lift.", "Hold."]) == (2, 0)
    assert speech.prebuild(["Lift.", "Hold."]) == (2, 0) and len(google.sent) == 2


def test_prebuild_stops_at_the_first_failure(google):
    google.status = 429
    assert speech.prebuild(["Lift.", "Hold.", "Lower."]) == (0, 3)
    assert len(google.sent) == 1  # no hammering a rate-limited service


def test_fixed_phrases_are_what_the_session_says():
    phrases = fixed_phrases()
    for wording in COUNT_WORDINGS:
        assert wording.format(n=1) in phrases and wording.format(n=20) in phrases
    assert set(CUES) <= set(phrases)
    switch = "Switch to your left leg: your right leg rests while you do the left."
    assert {"Lift.", "Hold.", "And lower, slowly.", switch} <= set(phrases)
    assert len(set(phrases)) == len(phrases)


def test_cache_names_are_stable_and_only_they_are_served(google):
    name = speech.cache_name("Hold.")
    assert name == speech.cache_name("Hold.") != speech.cache_name("Hold.", "fr")
    assert speech.AUDIO_NAME.match(name)
    assert speech.audio_path(name) is None  # not built yet
    path = speech.synthesize("Hold.")
    assert speech.audio_path(name) == path
    (speech.audio_dir() / "notes.mp3").write_bytes(b"x")
    for bad in ["../" + name, name.upper(), name[:-4] + ".wav", "notes.mp3", name + "/"]:
        assert speech.audio_path(bad) is None


def test_long_text_is_split_by_gtts_and_joined_in_one_file(google):
    text = " ".join(["Lift your leg slowly, keeping your hips square on the mat."] * 4)
    path = speech.synthesize(text)
    assert len(google.sent) > 1 and path is not None
    assert path.read_bytes() == MP3 * len(google.sent)


def test_the_audio_route_serves_cached_mp3_and_nothing_else(google):
    from connectors.coach import CoachInput  # imports Rasa: a few seconds, so only here

    # No test client is installed: call the route's handler as Sanic would.
    routes = {route.uri: route.handler for route in CoachInput().blueprint(None)._future_routes}
    serve = routes["/audio/<name>"]
    path = speech.synthesize("Hold.")
    found = asyncio.run(serve(None, path.name))
    assert found.status == 200 and found.content_type == "audio/mpeg" and found.body == MP3
    for bad in ["../" + path.name, "a" * 64 + ".mp3"]:
        missing = asyncio.run(serve(None, bad))
        assert missing.status == 404 and json.loads(missing.body) == {"error": "No such audio."}

import pytest

from connectors.server_settings import configured_origins
from connectors.socketio import BadMessage, origin_allowed, read_message

PAGE = {"HTTP_HOST": "coach.example.org", "wsgi.url_scheme": "https"}


def test_a_message_with_metadata():
    data = {"message": "how many reps?", "session_id": "s1", "metadata": {"audio": True}}
    assert read_message(data, "metadata") == ("how many reps?", {"audio": True})


def test_metadata_as_a_json_string_and_the_configured_key():
    data = {"message": "hi", "customData": '{"timezone": "Europe/London"}'}
    assert read_message(data, "customData") == ("hi", {"timezone": "Europe/London"})


def test_a_missing_message_is_empty_text():
    assert read_message({"session_id": "s1"}, "metadata") == ("", {})


@pytest.mark.parametrize(
    "data",
    [
        "hello",
        ["hello"],
        None,
        {"message": 42},
        {"message": "hi", "metadata": {"a": [[[[[[[[[[1]]]]]]]]]]}},
        {"message": "hi", "metadata": "[" * 900 + "]" * 900},
        {"message": "hi", "metadata": {"text": "x" * 5000}},
        {"message": "hi", "metadata": "{not json"},
        {"message": "hi", "metadata": "[1, 2]"},
        {"message": "hi", "metadata": ["a"]},
    ],
)
def test_malformed_messages_are_refused_with_a_reason(data):
    with pytest.raises(BadMessage) as error:
        read_message(data, "metadata")
    assert str(error.value)


def test_origins_setting_accepts_commas_and_spaces():
    environ = {"COACH_CORS_ORIGINS": "https://a.example, https://b.example/  http://c.example:8080"}
    assert configured_origins(environ) == [
        "https://a.example",
        "https://b.example",
        "http://c.example:8080",
    ]


def test_the_coachs_own_page_may_connect():
    assert origin_allowed({**PAGE, "HTTP_ORIGIN": "https://coach.example.org"}, [])


BEHIND_A_PROXY = {
    "HTTP_HOST": "127.0.0.1:5005",
    "wsgi.url_scheme": "http",
    "HTTP_ORIGIN": "https://coach.example.org",
}


def test_behind_a_proxy_the_public_origin_may_connect(monkeypatch):
    monkeypatch.setenv("COACH_PUBLIC_URL", "https://coach.example.org/")
    assert origin_allowed(BEHIND_A_PROXY, [])


def test_a_clients_forwarded_host_header_is_not_trusted(monkeypatch):
    monkeypatch.delenv("COACH_PUBLIC_URL", raising=False)
    forged = {**BEHIND_A_PROXY, "HTTP_X_FORWARDED_HOST": "coach.example.org"}
    assert not origin_allowed({**forged, "HTTP_X_FORWARDED_PROTO": "https"}, [])


def test_another_site_may_connect_only_when_configured():
    environ = {**PAGE, "HTTP_ORIGIN": "https://partner.example"}
    assert not origin_allowed(environ, [])
    assert origin_allowed(environ, ["https://partner.example"])


def test_a_look_alike_origin_is_refused():
    environ = {**PAGE, "HTTP_ORIGIN": "https://coach.example.org.evil.example"}
    assert not origin_allowed(environ, ["https://coach.example.org"])


def test_clients_that_send_no_origin_are_not_browsers_and_may_connect():
    assert origin_allowed(PAGE, [])

import pytest

from connectors.server_settings import (
    SettingError,
    api_arguments,
    cors_arguments,
    rasa_arguments,
)

TOKEN = "s3cret-token-0123456789"
JWT_SECRET = "jwt-secret-0123456789abcdef-0123456789"


@pytest.mark.parametrize("value", ["", "false", "0", "off", "no"])
def test_the_api_is_off_unless_switched_on(value):
    assert api_arguments({"COACH_ENABLE_API": value, "COACH_API_TOKEN": TOKEN}) == []


def test_the_api_needs_a_token_or_a_jwt_secret():
    with pytest.raises(SettingError, match="COACH_API_TOKEN"):
        api_arguments({"COACH_ENABLE_API": "true"})


def test_the_api_with_a_token():
    arguments = api_arguments({"COACH_ENABLE_API": "true", "COACH_API_TOKEN": TOKEN})
    assert arguments == ["--enable-api", "--auth-token", TOKEN]


def test_the_api_with_a_jwt_secret_defaults_to_hs256():
    arguments = api_arguments({"COACH_ENABLE_API": "yes", "COACH_API_JWT_SECRET": JWT_SECRET})
    assert arguments == ["--enable-api", "--jwt-secret", JWT_SECRET, "--jwt-method", "HS256"]


def test_the_api_with_both():
    environ = {
        "COACH_ENABLE_API": "on",
        "COACH_API_TOKEN": TOKEN,
        "COACH_API_JWT_SECRET": JWT_SECRET,
        "COACH_API_JWT_METHOD": "HS512",
    }
    assert api_arguments(environ) == [
        "--enable-api",
        "--auth-token",
        TOKEN,
        "--jwt-secret",
        JWT_SECRET,
        "--jwt-method",
        "HS512",
    ]


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"COACH_ENABLE_API": "true", "COACH_API_TOKEN": "short"}, "COACH_API_TOKEN"),
        ({"COACH_ENABLE_API": "true", "COACH_API_JWT_SECRET": "short"}, "COACH_API_JWT_SECRET"),
        (
            {
                "COACH_ENABLE_API": "true",
                "COACH_API_JWT_SECRET": JWT_SECRET,
                "COACH_API_JWT_METHOD": "none",
            },
            "COACH_API_JWT_METHOD",
        ),
        ({"COACH_ENABLE_API": "maybe"}, "COACH_ENABLE_API"),
    ],
)
def test_weak_or_unknown_api_settings_are_refused(environ, named):
    with pytest.raises(SettingError, match=named):
        api_arguments(environ)


def test_no_origins_means_same_origin_only():
    assert cors_arguments({}) == []


def test_configured_origins_are_passed_to_rasa():
    environ = {"COACH_CORS_ORIGINS": "https://coach.example.org, http://localhost:3000/"}
    assert cors_arguments(environ) == [
        "--cors",
        "https://coach.example.org",
        "http://localhost:3000",
    ]


@pytest.mark.parametrize("origin", ["*", "coach.example.org", "https://x.org/path", "ftp://x.org"])
def test_anything_but_a_plain_origin_is_refused(origin):
    with pytest.raises(SettingError, match="COACH_CORS_ORIGINS"):
        cors_arguments({"COACH_CORS_ORIGINS": origin})


def test_a_bad_rate_limit_stops_start_up_with_a_named_setting():
    with pytest.raises(SettingError, match="COACH_RATE_LIMIT_BURST"):
        rasa_arguments({"COACH_RATE_LIMIT_BURST": "lots"})


def test_all_arguments_together():
    environ = {
        "COACH_ENABLE_API": "true",
        "COACH_API_TOKEN": TOKEN,
        "COACH_CORS_ORIGINS": "https://coach.example.org",
    }
    assert rasa_arguments(environ) == [
        "--enable-api",
        "--auth-token",
        TOKEN,
        "--cors",
        "https://coach.example.org",
    ]

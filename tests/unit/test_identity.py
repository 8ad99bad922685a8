"""connectors/identity.py: signed web conversation ids and who may use REST."""

import jwt
import pytest

from connectors.identity import (
    IdentitySettingError,
    RestAuth,
    SessionIds,
    is_local_request,
    rest_auth_from_environment,
    session_secret,
)

KEY = b"k" * 32
JWT_SECRET = "j" * 40


def test_an_issued_token_names_its_user_and_only_the_server_can_make_one():
    ids = SessionIds(KEY)
    token = ids.issue()
    sender = ids.sender_of(token)
    assert sender and token.startswith(sender + ".") and sender.startswith("web-")
    assert ids.issue() != token
    signature = token.split(".")[1]
    assert ids.sender_of(sender) is None, "the user's id alone is not enough"
    assert ids.sender_of(f"{sender}.{'0' * len(signature)}") is None
    assert ids.sender_of(f"web-other.{signature}") is None
    assert SessionIds(b"x" * 32).sender_of(token) is None, "another server's key"


@pytest.mark.parametrize(
    "token", [None, 42, "", ".", "a.b.c", "web-\ud800.x", "alice.0123", "web-a b.00"]
)
def test_junk_tokens_name_nobody(token):
    assert SessionIds(KEY).sender_of(token) is None


def test_the_session_key_is_made_once_and_kept(tmp_path):
    environ = {"COACH_SECRETS_DIR": str(tmp_path / "secrets")}
    first = session_secret(environ)
    assert len(first) == 64 and session_secret(environ) == first
    assert (tmp_path / "secrets" / "session-secret").stat().st_mode & 0o777 == 0o600
    configured = "s" * 40
    assert session_secret({**environ, "COACH_SESSION_SECRET": configured}) == configured.encode()
    with pytest.raises(IdentitySettingError):
        session_secret({**environ, "COACH_SESSION_SECRET": "short"})


@pytest.mark.parametrize(
    ("peer", "headers", "local"),
    [
        ("127.0.0.1", {}, True),
        ("127.0.0.2", {}, True),
        ("::1", {}, True),
        ("203.0.113.5", {}, False),
        ("192.168.1.20", {}, False),
        ("127.0.0.1", {"x-forwarded-for": "203.0.113.5"}, False),  # a proxy on this machine
        ("127.0.0.1", {"forwarded": "for=203.0.113.5"}, False),
        ("127.0.0.1", {"x-real-ip": "203.0.113.5"}, False),
        (None, {}, False),
        ("not an address", {}, False),
    ],
)
def test_local_requests(peer, headers, local):
    assert is_local_request(peer, headers) is local


def test_with_nothing_set_rest_answers_on_this_machine_only():
    auth = rest_auth_from_environment({})
    assert auth.check("alice", {}, "127.0.0.1") is None
    failure = auth.check("alice", {}, "203.0.113.5")
    assert failure.status == 403 and "COACH_REST_TOKEN" in failure.message


def test_a_token_lets_a_back_end_speak_for_any_user():
    auth = RestAuth("t" * 20, None, "HS256")
    good = {"authorization": "Bearer " + "t" * 20}
    assert auth.check("alice", good, "203.0.113.5") is None
    assert auth.check("bob", good, "127.0.0.1") is None
    assert auth.check("alice", {}, "127.0.0.1").status == 401, "set means required"
    assert auth.check("alice", {"authorization": "Bearer wrong"}, "127.0.0.1").status == 401
    assert auth.check("alice", {"authorization": "Basic " + "t" * 20}, None).status == 401


def test_a_jwt_speaks_only_for_its_subject():
    auth = RestAuth(None, JWT_SECRET, "HS256")

    def bearer(claims: dict, secret: str = JWT_SECRET) -> dict:
        return {"authorization": "Bearer " + jwt.encode(claims, secret, algorithm="HS256")}

    assert auth.check("alice", bearer({"sub": "alice"}), "203.0.113.5") is None
    assert auth.check("bob", bearer({"sub": "alice"}), None).status == 403
    assert auth.check("alice", bearer({"sub": "alice"}, "x" * 40), None).status == 401
    assert auth.check("alice", bearer({"sub": "alice", "exp": 1}), None).status == 401
    assert auth.check("alice", {"authorization": "Bearer not.a.jwt"}, None).status == 401


@pytest.mark.parametrize(
    "environ",
    [
        {"COACH_REST_TOKEN": "short"},
        {"COACH_REST_JWT_SECRET": "short"},
        {"COACH_REST_JWT_SECRET": JWT_SECRET, "COACH_REST_JWT_METHOD": "none"},
    ],
)
def test_weak_rest_settings_are_refused(environ):
    with pytest.raises(IdentitySettingError):
        rest_auth_from_environment(environ)

"""Who is talking: identities a client cannot forge.

- The web page's conversation ids are issued by the server and signed
  (`SessionIds`): the page keeps "web-<id>.<signature>", the tracker knows the
  user as "web-<id>". Knowing someone's id, or guessing one, is not enough to
  join their conversation; only the browser the server gave it to has the
  signature. The key is COACH_SESSION_SECRET, or a random key kept in
  COACH_SECRETS_DIR (var/ by default), so ids stay valid across restarts.
- REST trusts the sender it is given, so it is for trusted back ends
  (`RestAuth`): with no setting it answers only on the loopback address (and
  not through a proxy on this machine); with COACH_REST_TOKEN a back end sends
  "Authorization: Bearer <token>" and may speak for any user; with
  COACH_REST_JWT_SECRET a client sends a JWT whose subject ("sub") is the
  sender, so it can speak only as itself.
"""

import hashlib
import hmac
import ipaddress
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jwt

from connectors.server_settings import JWT_METHODS, MIN_HMAC_KEY_CHARS, MIN_SECRET_CHARS

ROOT = Path(__file__).resolve().parent.parent
SESSION_SECRET_SETTING = "COACH_SESSION_SECRET"
SECRETS_DIR_SETTING = "COACH_SECRETS_DIR"
SESSION_SECRET_FILE = "session-secret"
REST_TOKEN_SETTING = "COACH_REST_TOKEN"
REST_JWT_SECRET_SETTING = "COACH_REST_JWT_SECRET"
REST_JWT_METHOD_SETTING = "COACH_REST_JWT_METHOD"
WEB_PREFIX = "web-"
SIGNATURE_CHARS = 32
# Headers a proxy adds: a request that carries one came from elsewhere, whatever its peer.
FORWARDING_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")


class IdentitySettingError(ValueError):
    pass


def secrets_dir(environ: Mapping[str, str]) -> Path:
    return Path(environ.get(SECRETS_DIR_SETTING) or ROOT / "var")


def session_secret(environ: Mapping[str, str] | None = None) -> bytes:
    """COACH_SESSION_SECRET, else a random key made once and kept in COACH_SECRETS_DIR."""
    environ = os.environ if environ is None else environ
    configured = environ.get(SESSION_SECRET_SETTING, "").strip()
    if configured:
        if len(configured) < MIN_HMAC_KEY_CHARS:
            raise IdentitySettingError(
                f"{SESSION_SECRET_SETTING} must be at least {MIN_HMAC_KEY_CHARS} characters."
            )
        return configured.encode()
    path = secrets_dir(environ) / SESSION_SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created readable by this user only, and never overwritten if another process won.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


class SessionIds:
    def __init__(self, key: bytes) -> None:
        self.key = key

    def _signature(self, sender: str) -> str:
        digest = hmac.new(self.key, sender.encode(), hashlib.sha256).hexdigest()
        return digest[:SIGNATURE_CHARS]

    def issue(self) -> str:
        """A new conversation's token, for the page to keep."""
        sender = WEB_PREFIX + secrets.token_hex(16)
        return f"{sender}.{self._signature(sender)}"

    def sender_of(self, token: object) -> str | None:
        """The user a token names, or None unless the server issued it."""
        if not isinstance(token, str) or token.count(".") != 1:
            return None
        sender, signature = token.split(".")
        if not sender.startswith(WEB_PREFIX) or not sender[len(WEB_PREFIX) :].isalnum():
            return None
        return sender if hmac.compare_digest(signature, self._signature(sender)) else None


def is_local_request(peer: str | None, headers: Mapping[str, str]) -> bool:
    """True for a request from this machine itself, not relayed by a proxy."""
    if any(header in headers for header in FORWARDING_HEADERS):
        return False
    try:
        return bool(peer) and ipaddress.ip_address(peer).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class AuthFailure:
    status: int
    message: str


class RestAuth:
    def __init__(self, token: str | None, jwt_secret: str | None, jwt_method: str) -> None:
        self.token = token
        self.jwt_secret = jwt_secret
        self.jwt_method = jwt_method

    @property
    def configured(self) -> bool:
        return bool(self.token or self.jwt_secret)

    def check(
        self, sender: str, headers: Mapping[str, str], peer: str | None
    ) -> AuthFailure | None:
        """None if this request may speak as `sender`, else why not."""
        if not self.configured:
            if is_local_request(peer, headers):
                return None
            return AuthFailure(
                403,
                "The REST channel answers only on this machine unless COACH_REST_TOKEN or "
                "COACH_REST_JWT_SECRET is set (see the README's Security section).",
            )
        scheme, _, credential = headers.get("authorization", "").partition(" ")
        credential = credential.strip()
        if scheme.lower() != "bearer" or not credential:
            return AuthFailure(401, 'Send "Authorization: Bearer <token or JWT>".')
        if self.token and hmac.compare_digest(credential.encode(), self.token.encode()):
            return None
        if self.jwt_secret:
            try:
                claims = jwt.decode(credential, self.jwt_secret, algorithms=[self.jwt_method])
            except jwt.PyJWTError:
                return AuthFailure(401, "The token is not valid.")
            if claims.get("sub") != sender:
                return AuthFailure(403, 'The token\'s subject ("sub") is not this sender.')
            return None
        return AuthFailure(401, "The token is not valid.")


def rest_auth_from_environment(environ: Mapping[str, str] | None = None) -> RestAuth:
    environ = os.environ if environ is None else environ
    token = environ.get(REST_TOKEN_SETTING, "").strip() or None
    jwt_secret = environ.get(REST_JWT_SECRET_SETTING, "").strip() or None
    method = environ.get(REST_JWT_METHOD_SETTING, "").strip() or "HS256"
    if token and len(token) < MIN_SECRET_CHARS:
        raise IdentitySettingError(
            f"{REST_TOKEN_SETTING} must be at least {MIN_SECRET_CHARS} characters."
        )
    if jwt_secret:
        if method not in JWT_METHODS:
            raise IdentitySettingError(
                f"{REST_JWT_METHOD_SETTING} must be one of {', '.join(JWT_METHODS)}."
            )
        if method.startswith("HS") and len(jwt_secret) < MIN_HMAC_KEY_CHARS:
            raise IdentitySettingError(
                f"{REST_JWT_SECRET_SETTING} must be at least {MIN_HMAC_KEY_CHARS} characters."
            )
    return RestAuth(token, jwt_secret, method)

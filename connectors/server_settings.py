"""The Rasa server's security settings, read from the environment.

- The Rasa HTTP API (conversations, model, tracker routes) is off unless
  COACH_ENABLE_API is true, and then it needs COACH_API_TOKEN and/or
  COACH_API_JWT_SECRET: an open API would let anyone read or rewrite every
  user's conversation.
- Browser origins (CORS, socket.io) other than the coach's own come only from
  COACH_CORS_ORIGINS.
- The rate limit settings are checked here too, so a bad value stops start-up
  with one clear line instead of a stack trace from inside the server.

Secrets are handed to Rasa inside its own process (scripts/rasa_server.py),
never on a command line, where every local user could read them with `ps`.
"""

import os
import re

from connectors.rate_limit import RateLimitSettingError, limiter_from_environment

ENABLE_API_SETTING = "COACH_ENABLE_API"
TOKEN_SETTING = "COACH_API_TOKEN"
JWT_SECRET_SETTING = "COACH_API_JWT_SECRET"
JWT_METHOD_SETTING = "COACH_API_JWT_METHOD"
MIN_SECRET_CHARS = 16
MIN_HMAC_KEY_CHARS = 32  # RFC 7518 3.2: an HS256 key at least as long as the hash
JWT_METHODS = ("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512")
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")


CORS_SETTING = "COACH_CORS_ORIGINS"


def configured_origins(environ: dict | None = None) -> list[str]:
    """COACH_CORS_ORIGINS: origins (scheme://host[:port]) separated by commas or spaces."""
    environ = os.environ if environ is None else environ
    raw = environ.get(CORS_SETTING, "")
    return [origin.rstrip("/") for origin in raw.replace(",", " ").split() if origin]


# Request bodies: a chat message with its metadata, a platform's update or an Alexa
# envelope is a few kB; Sanic's default is 100 MB.
MAX_BODY_SETTING = "COACH_MAX_BODY_BYTES"
DEFAULT_MAX_BODY_BYTES = 64 * 1024
MIN_BODY_BYTES = 8 * 1024


class SettingError(ValueError):
    pass


def _on(environ: dict, name: str) -> bool:
    value = environ.get(name, "").strip().lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise SettingError(f"{name} must be true or false, not {value!r}")


def api_arguments(environ: dict | None = None) -> list[str]:
    """`rasa run` arguments for the HTTP API: none when it is off."""
    environ = os.environ if environ is None else environ
    if not _on(environ, ENABLE_API_SETTING):
        return []
    token = environ.get(TOKEN_SETTING, "").strip()
    jwt_secret = environ.get(JWT_SECRET_SETTING, "").strip()
    if not token and not jwt_secret:
        raise SettingError(
            f"{ENABLE_API_SETTING} is on, so set {TOKEN_SETTING} (a long random string) "
            f"or {JWT_SECRET_SETTING}: the API must not be open to anyone."
        )
    arguments = ["--enable-api"]
    if token:
        if len(token) < MIN_SECRET_CHARS:
            raise SettingError(f"{TOKEN_SETTING} must be at least {MIN_SECRET_CHARS} characters.")
        arguments += ["--auth-token", token]
    if jwt_secret:
        method = environ.get(JWT_METHOD_SETTING, "").strip() or "HS256"
        if method not in JWT_METHODS:
            raise SettingError(f"{JWT_METHOD_SETTING} must be one of {', '.join(JWT_METHODS)}.")
        if method.startswith("HS") and len(jwt_secret) < MIN_HMAC_KEY_CHARS:
            raise SettingError(
                f"{JWT_SECRET_SETTING} must be at least {MIN_HMAC_KEY_CHARS} characters."
            )
        arguments += ["--jwt-secret", jwt_secret, "--jwt-method", method]
    return arguments


def cors_arguments(environ: dict | None = None) -> list[str]:
    """`rasa run --cors` for the configured origins; none means same-origin only."""
    origins = configured_origins(environ)
    for origin in origins:
        if not ORIGIN.match(origin):
            raise SettingError(
                f"{CORS_SETTING}: {origin!r} is not an origin like https://coach.example.org"
                " (list each origin; '*' is not accepted)."
            )
    return ["--cors", *origins] if origins else []


def max_body_bytes(environ: dict | None = None) -> int:
    """COACH_MAX_BODY_BYTES: the largest request body the Rasa server reads."""
    environ = os.environ if environ is None else environ
    raw = environ.get(MAX_BODY_SETTING, "").strip() or str(DEFAULT_MAX_BODY_BYTES)
    if not raw.isdigit() or not int(raw) >= MIN_BODY_BYTES:
        raise SettingError(
            f"{MAX_BODY_SETTING} must be a number of bytes, at least {MIN_BODY_BYTES}."
        )
    return int(raw)


def rasa_arguments(environ: dict | None = None) -> list[str]:
    """Every setting-dependent `rasa run` argument; SettingError names a bad setting.
    The other settings the Rasa server reads are checked here too, so that a bad one
    stops start-up with one line."""
    # Imported here: the channels' modules import this one.
    from connectors.gateway import gate_from_environment
    from connectors.identity import (
        IdentitySettingError,
        rest_auth_from_environment,
        session_secret,
    )

    try:
        limiter_from_environment(environ)
        gate_from_environment(environ)
        rest_auth_from_environment(environ)
        session_secret(environ)
    except (RateLimitSettingError, IdentitySettingError) as error:
        raise SettingError(str(error)) from None
    max_body_bytes(environ)
    return api_arguments(environ) + cors_arguments(environ)

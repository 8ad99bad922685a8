"""The Alexa channel: an Alexa custom skill hosted on the Rasa server.

POST /webhooks/alexa/webhook takes Alexa's request envelopes. Every request is
checked as Amazon requires of skills hosted outside Lambda, before anything in
it reaches the dialogue: the signature over the raw body with the certificate
chain from SignatureCertChainUrl (URL rules, chain to a trusted root, SAN
echo-api.amazon.com, validity dates), the timestamp, and the skill id.

Amazon's own verifier (ask-sdk-webservice-support 1.3.3) is not used: it
imports certvalidator, whose oscrypto 1.3.0 cannot read the version of
OpenSSL 3.0.10 and later and so fails at import. The chain is validated with
cryptography's X.509 path validator instead, the same checks in the same order.

Settings: COACH_ALEXA_SKILL_ID (required while verification is on),
COACH_ALEXA_VERIFY=false (local testing only: no signature or timestamp check).
"""

import asyncio
import base64
import json
import logging
import os
import posixpath
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import urlopen
from xml.sax.saxutils import escape

import certifi
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.x509.verification import (
    Criticality,
    ExtensionPolicy,
    PolicyBuilder,
    Store,
    VerificationError,
)
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from coach import answers, speech
from connectors.gateway import Refusal, gate_from_environment, sender_problem

logger = logging.getLogger(__name__)

# Amazon's rules: https://developer.amazon.com/docs/custom-skills/host-a-custom-skill-as-a-web-service.html
CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"  # SHA-256; the older "Signature" header is SHA-1
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
CERT_DOMAIN = "echo-api.amazon.com"
TIMESTAMP_TOLERANCE_SECONDS = 150
MAX_CHAIN_BYTES = 64_000
FETCH_TIMEOUT_SECONDS = 5
MAX_CACHED_CHAINS = 8

TEST_CERTS_SETTING = "COACH_ALEXA_TEST_CERTS"
TEST_CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"

COACH_INTENT = "CoachIntent"
UTTERANCE_SLOT = "utterance"
LAUNCH_OFFER = "Say start my session, or ask me a question."
REPROMPT = "Say ready when you are, or ask me anything."
FALLBACK = (
    "Sorry, I didn't catch that. You can ask me about prone leg lifts, or say start my session."
)
HELP_TEXT = "what can you do"
STOP_TEXT = "stop"
LAUNCH_TEXT = "hello"
EMPTY_RESPONSE = {"version": "1.0", "response": {}}


class Rejected(Exception):
    """A request that must not reach the dialogue; the message is the short reason."""


# --- Verification -------------------------------------------------------------


def check_cert_url(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme.lower() != "https":
        raise Rejected("certificate URL must use https")
    if (parsed.hostname or "").lower() != CERT_HOST:
        raise Rejected(f"certificate URL must be on {CERT_HOST}")
    # normpath first, so that /echo.api/../other/ does not pass
    if not posixpath.normpath(parsed.path).startswith(CERT_PATH_PREFIX):
        raise Rejected(f"certificate URL path must start with {CERT_PATH_PREFIX}")
    try:
        port = parsed.port
    except ValueError:
        port = -1
    if port not in (None, 443):
        raise Rejected("certificate URL must use port 443")


def header(headers: Mapping[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


class SignatureVerifier:
    """Checks a request's signature and its certificate chain, as Amazon requires."""

    def __init__(self) -> None:
        self._chains: dict[str, bytes] = {}
        self._store: Store | None = None  # loaded once: about 150 root certificates

    def trust(self) -> Store:
        return Store(x509.load_pem_x509_certificates(Path(certifi.where()).read_bytes()))

    def _trusted(self) -> Store:
        if self._store is None:
            self._store = self.trust()
        return self._store

    def fetch(self, url: str) -> bytes:
        with urlopen(url, timeout=FETCH_TIMEOUT_SECONDS) as reply:  # noqa: S310 - URL checked
            return reply.read(MAX_CHAIN_BYTES)

    def signing_cert(self, url: str, now: datetime) -> x509.Certificate:
        check_cert_url(url)
        chain = self._chains.get(url)
        if chain is None:
            try:
                chain = self.fetch(url)
            except OSError as error:
                raise Rejected("certificate chain could not be fetched") from error
        try:
            certs = x509.load_pem_x509_certificates(chain)
        except ValueError as error:
            raise Rejected("certificate chain is not PEM") from error
        # The EE policy allows any extended key usage: Amazon documents none for this cert.
        leaf_policy = ExtensionPolicy.webpki_defaults_ee().may_be_present(
            x509.ExtendedKeyUsage, Criticality.AGNOSTIC, None
        )
        verifier = (
            PolicyBuilder()
            .store(self._trusted())
            .time(now)
            .extension_policies(
                ca_policy=ExtensionPolicy.webpki_defaults_ca(), ee_policy=leaf_policy
            )
            .build_server_verifier(x509.DNSName(CERT_DOMAIN))  # SAN must name echo-api.amazon.com
        )
        try:
            verifier.verify(certs[0], certs[1:])  # also checks every validity period
        except VerificationError as error:
            raise Rejected("certificate chain is not valid") from error
        if len(self._chains) >= MAX_CACHED_CHAINS:
            self._chains.clear()
        self._chains[url] = chain
        return certs[0]

    def verify(self, headers: Mapping[str, str], raw: bytes, now: datetime) -> None:
        url = header(headers, CERT_URL_HEADER)
        signature = header(headers, SIGNATURE_HEADER)
        if not url or not signature:
            raise Rejected(f"{CERT_URL_HEADER} and {SIGNATURE_HEADER} headers are required")
        key = self.signing_cert(url, now).public_key()
        if not isinstance(key, RSAPublicKey):
            raise Rejected("signing certificate must have an RSA key")
        try:
            key.verify(base64.b64decode(signature, validate=True), raw, PKCS1v15(), SHA256())
        except (InvalidSignature, ValueError) as error:
            raise Rejected("signature does not match the body") from error


class LocalCertsVerifier(SignatureVerifier):
    """TEST ONLY, on when COACH_ALEXA_TEST_CERTS names a folder: the chain for
    TEST_CERT_URL is read from <folder>/chain.pem instead of fetched, and
    <folder>/root.pem is the only trusted root. Every check stays the real one."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def trust(self) -> Store:
        return Store([x509.load_pem_x509_certificate((self.folder / "root.pem").read_bytes())])

    def fetch(self, url: str) -> bytes:
        if url != TEST_CERT_URL:
            raise OSError(f"only {TEST_CERT_URL} is served from {self.folder}")
        return (self.folder / "chain.pem").read_bytes()


def check_timestamp(envelope: dict, now: datetime) -> None:
    stamp = (envelope.get("request") or {}).get("timestamp")
    try:
        at = datetime.fromisoformat(stamp)
    except (TypeError, ValueError) as error:
        raise Rejected("request.timestamp is missing or not ISO 8601") from error
    if at.tzinfo is None or abs((now - at).total_seconds()) > TIMESTAMP_TOLERANCE_SECONDS:
        raise Rejected("request timestamp is too old or in the future")


def member(value: Any, key: str) -> Any:
    """value[key] if value is a JSON object, else None: an envelope's parts may be of
    any type when a client gets them wrong."""
    return value.get(key) if isinstance(value, dict) else None


def skill_id(envelope: dict) -> str | None:
    system = member(envelope.get("context"), "System")
    application = member(system, "application") or member(envelope.get("session"), "application")
    return member(application, "applicationId")


def parse_envelope(raw: bytes) -> dict:
    try:
        envelope = json.loads(raw)
    except ValueError as error:
        raise Rejected("body is not JSON") from error
    if not isinstance(envelope, dict) or not isinstance(envelope.get("request"), dict):
        raise Rejected("body is not an Alexa request envelope")
    return envelope


# --- Dialogue -----------------------------------------------------------------


@dataclass(frozen=True)
class AlexaTurn:
    """What one Alexa request means for the coach."""

    text: str | None  # what Rasa hears; None: the coach is not asked
    closing: str = ""  # said after the coach's own words
    reprompt: str = REPROMPT
    ends_session: bool = False


def user_id(envelope: dict) -> str | None:
    system = member(envelope.get("context"), "System")
    user = member(system, "user") or member(envelope.get("session"), "user")
    value = member(user, "userId")
    return value if sender_problem(value) is None else None


def classify(request: dict) -> AlexaTurn | None:
    """The turn for a request; None for requests that take no speech (SessionEndedRequest)."""
    kind = request.get("type")
    if kind == "LaunchRequest":
        return AlexaTurn(LAUNCH_TEXT, closing=LAUNCH_OFFER, reprompt=LAUNCH_OFFER)
    if kind != "IntentRequest":
        return None
    intent = request.get("intent")
    name = member(intent, "name")
    if name in ("AMAZON.StopIntent", "AMAZON.CancelIntent"):
        # Rasa hears "stop" so that a running session is saved.
        return AlexaTurn(STOP_TEXT, closing=answers.GOODBYE, ends_session=True)
    if name == "AMAZON.HelpIntent":
        return AlexaTurn(HELP_TEXT)
    slot = member(member(member(intent, "slots"), UTTERANCE_SLOT), "value")
    if name == COACH_INTENT and isinstance(slot, str) and slot.strip():
        return AlexaTurn(slot.strip())
    return AlexaTurn(None, closing=FALLBACK)  # FallbackIntent, an empty slot, unknown intents


_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def trim_ssml(ssml: str, limit: int = speech.MAX_SSML_CHARS) -> str:
    """SSML cut to `limit` characters at the last sentence end outside any element."""
    if len(ssml) <= limit:
        return ssml
    body = ssml.removeprefix("<speak>").removesuffix("</speak>")
    room = limit - len("<speak></speak>")
    depth, cut, sentence_ended = 0, 0, False
    for match in _TOKEN.finditer(body):
        token, start = match.group(), match.start()
        if token.startswith("</"):
            depth -= 1
        elif token.startswith("<"):
            depth += 0 if token.endswith("/>") else 1
        elif token.strip():
            if depth == 0:
                ends = [start + m.end() for m in _SENTENCE_END.finditer(token)]
                cut = max([end for end in ends if end <= room], default=cut)
            sentence_ended = token.rstrip()[-1] in ".!?"
        if match.end() > room:
            break
        if depth == 0 and sentence_ended:
            cut = match.end()  # after a closing tag or a pause that follows a sentence
    return f"<speak>{body[:cut].rstrip()}</speak>"


def coach_ssml(messages: list[dict]) -> str:
    """The coach's SSML for the turn: its own (paced) SSML if it sent one, else its texts."""
    for message in messages:
        ssml = (message.get("custom") or {}).get("ssml")
        if isinstance(ssml, str) and ssml.startswith("<speak>"):
            return ssml
    texts = [escape(m["text"]) for m in messages if m.get("text")]  # buttons are not spoken
    return f"<speak>{' '.join(texts)}</speak>"


def alexa_response(messages: list[dict], turn: AlexaTurn) -> dict:
    """Alexa's response envelope: everything said this turn, in SSML, with a reprompt."""
    closing = escape(turn.closing)
    if turn.text is None:  # the coach was not asked
        ssml = f"<speak>{closing}</speak>"
    else:
        # No messages at all: the action server is down.
        ssml = coach_ssml(messages or [{"text": answers.TROUBLE}])
        if closing:
            # Trimmed with room for the closing line, so that it is never cut off.
            ssml = trim_ssml(ssml, speech.MAX_SSML_CHARS - len(closing) - 1)
            ssml = ssml.removesuffix("</speak>") + f" {closing}</speak>"
        ssml = trim_ssml(ssml)
    body: dict[str, Any] = {
        "outputSpeech": {"type": "SSML", "ssml": ssml},
        "shouldEndSession": turn.ends_session,
    }
    if not turn.ends_session:
        body["reprompt"] = {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{escape(turn.reprompt)}</speak>"}
        }
    return {"version": "1.0", "response": body}


# --- Channel ------------------------------------------------------------------


def _setting_off(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("0", "false", "no", "off")


class AlexaInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "alexa"

    def __init__(self) -> None:
        self.skill_id = os.environ.get("COACH_ALEXA_SKILL_ID", "").strip() or None
        self.verifier: SignatureVerifier | None = None
        test_certs = os.environ.get(TEST_CERTS_SETTING, "").strip()
        if _setting_off("COACH_ALEXA_VERIFY"):
            logger.warning(
                "COACH_ALEXA_VERIFY is off: Alexa request signatures and timestamps are NOT "
                "checked. Use this for local testing only, never on a public server."
            )
        elif test_certs:
            logger.warning(
                "%s is set: Alexa requests are verified against the TEST root in %s. "
                "Tests only; real Alexa requests will be refused.",
                TEST_CERTS_SETTING,
                test_certs,
            )
            self.verifier = LocalCertsVerifier(Path(test_certs))
        else:
            self.verifier = SignatureVerifier()
        if self.verifier and not self.skill_id:
            logger.warning("COACH_ALEXA_SKILL_ID is not set: every Alexa request is refused.")

    @classmethod
    def from_credentials(cls, credentials: dict | None) -> InputChannel:
        return cls()

    async def checked_envelope(self, request: Request) -> dict:
        """The envelope of a request that passed every check, or Rejected."""
        raw = request.body or b""
        now = datetime.now(UTC)
        if self.verifier:
            await asyncio.to_thread(self.verifier.verify, request.headers, raw, now)
        envelope = parse_envelope(raw)
        if self.verifier:
            check_timestamp(envelope, now)
        if self.skill_id and skill_id(envelope) != self.skill_id:
            raise Rejected("request is for another skill")
        return envelope

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("coach_alexa_webhook", __name__)
        gate = gate_from_environment()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.verifier and not self.skill_id:
                return response.json({"error": "COACH_ALEXA_SKILL_ID is not set"}, status=503)
            try:
                envelope = await self.checked_envelope(request)
            except Rejected as error:
                logger.warning("Alexa request refused: %s", error)
                return response.json({"error": str(error)}, status=400)
            turn = classify(envelope["request"])
            if turn is None:
                return response.json(EMPTY_RESPONSE)  # no speech allowed here
            sender = user_id(envelope)
            if sender is None:
                return response.json({"error": "the request has no valid user id"}, status=400)
            if turn.text is None:
                return response.json(alexa_response([], turn))
            locale = envelope["request"].get("locale")
            alexa_session = member(envelope.get("session"), "sessionId")
            metadata = {
                "locale": locale if isinstance(locale, str) else None,
                "alexa_session": alexa_session if isinstance(alexa_session, str) else None,
            }
            collector = CollectingOutputChannel()
            replies = await gate.handle(
                on_new_message, collector, turn.text, sender, self.name(), metadata, typed=False
            )
            if isinstance(replies, Refusal):
                # Said, not typed: a very long or unreadable utterance is asked again.
                closing = FALLBACK if replies.unreadable else replies.text
                return response.json(alexa_response([], AlexaTurn(None, closing=closing)))
            return response.json(alexa_response(replies, turn))

        return webhook

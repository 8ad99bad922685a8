"""A test root CA and an Alexa-like signing certificate, made fresh for each test run,
and signed Alexa requests: the connector's real checks run without the internet."""

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from connectors.alexa import CERT_DOMAIN, TEST_CERT_URL

SKILL_ID = "amzn1.ask.skill.00000000-test-coach-0000-000000000000"
ENVELOPES = Path(__file__).parent / "alexa"


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_certs(folder: Path, domain: str = CERT_DOMAIN) -> rsa.RSAPrivateKey:
    """Write root.pem and chain.pem into `folder`; return the signing key."""
    now = datetime.now(UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("Coach Test Root CA"))
        .issuer_name(_name("Coach Test Root CA"))
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)
        .sign(root_key, hashes.SHA256())
    )
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name(domain))
        .issuer_name(root.subject)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(domain)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False
        )
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "root.pem").write_bytes(root.public_bytes(pem))
    (folder / "chain.pem").write_bytes(leaf.public_bytes(pem) + root.public_bytes(pem))
    return leaf_key


def envelope(name: str, user: str, *, age_seconds: float = 0, **changes) -> dict:
    """A recorded envelope from tests/e2e/alexa/, for `user`, stamped `age_seconds` ago."""
    body = json.loads((ENVELOPES / f"{name}.json").read_text())
    stamp = datetime.now(UTC) - timedelta(seconds=age_seconds)
    body["request"]["timestamp"] = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    body["session"]["user"]["userId"] = user
    body["context"]["System"]["user"]["userId"] = user
    if "utterance" in changes:
        body["request"]["intent"]["slots"]["utterance"]["value"] = changes["utterance"]
    if "skill_id" in changes:
        body["session"]["application"]["applicationId"] = changes["skill_id"]
        body["context"]["System"]["application"]["applicationId"] = changes["skill_id"]
    return body


def signed_headers(body: bytes, key: rsa.RSAPrivateKey) -> dict[str, str]:
    signature = key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    return {
        "Content-Type": "application/json",
        "SignatureCertChainUrl": TEST_CERT_URL,
        "Signature-256": base64.b64encode(signature).decode(),
    }

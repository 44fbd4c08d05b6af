"""The tests' DNS: it answers only the DKIM keys a test published, so no test ever reaches real DNS
(tests/settings.py points MAIL_DKIM_DNS here). A name nobody published has no record, as NXDOMAIN."""

import base64
import email
import email.policy
from dataclasses import dataclass
from email.utils import parseaddr

import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

RECORDS: dict[bytes, bytes] = {}
ASKED: list[bytes] = []


def lookup(name: bytes, timeout: float = 5) -> bytes | None:
    ASKED.append(name)
    return RECORDS.get(name.lower().rstrip(b"."))


@dataclass
class Signer:
    """A DKIM key published for (selector, domain), and the signing with it."""

    domain: str
    selector: str
    private_pem: bytes

    def sign(self, raw: bytes, headers: tuple[str, ...] = ("From", "To", "Subject", "Date", "Message-ID")) -> bytes:
        signature = dkim.sign(
            raw,
            self.selector.encode(),
            self.domain.encode(),
            self.private_pem,
            include_headers=[h.encode() for h in headers],
        )
        return signature + raw


def publish(domain: str, selector: str = "sd2026") -> Signer:
    """A fresh 2048-bit RSA key (the size Amazon publishes), its public half in the stub's DNS."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    name = f"{selector}._domainkey.{domain}".encode()
    RECORDS[name] = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return Signer(domain=domain, selector=selector, private_pem=pem)


_AMAZON: dict[str, Signer] = {}


def amazon_sign(raw: bytes) -> bytes:
    """Sign a mail as Amazon's servers do, with a key of its From's domain published here."""
    sender = str(email.message_from_bytes(raw, policy=email.policy.compat32).get("From", ""))
    domain = parseaddr(sender)[1].rpartition("@")[2].lower()
    signer = _AMAZON.get(domain)
    if signer is None or f"{signer.selector}._domainkey.{domain}".encode() not in RECORDS:
        signer = _AMAZON[domain] = publish(domain)
    return signer.sign(raw)


def clear() -> None:
    RECORDS.clear()
    ASKED.clear()
    _AMAZON.clear()

"""The tests' DNS: it answers only the DKIM keys a test published, so no test ever reaches real DNS
(tests/settings.py points MAIL_DKIM_DNS here). A name nobody published has no record, as NXDOMAIN."""

import base64
from dataclasses import dataclass

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


def clear() -> None:
    RECORDS.clear()
    ASKED.clear()

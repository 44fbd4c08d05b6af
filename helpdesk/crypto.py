"""Secrets kept in the database (IMAP passwords, SP-API credentials), Fernet-encrypted.

Each kind of secret has its own key, derived (HKDF-SHA256) from SECRET_KEY and
the kind's `SecretPurpose`. A value is always encrypted under the current
SECRET_KEY; one stored under a key listed in SECRET_KEY_FALLBACKS still
decrypts, so SECRET_KEY can be rotated without entering the secrets again, and
each value moves to the new key the next time it is written.
"""

from base64 import urlsafe_b64encode
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class SecretUnreadable(Exception):
    """The token decrypts under neither SECRET_KEY nor any key in SECRET_KEY_FALLBACKS."""


@dataclass(frozen=True)
class SecretPurpose:
    """What a kind of secret is for: the HKDF `info` (and `salt`) its key is derived with.

    Never change a purpose once values are stored under it: they would no longer decrypt."""

    info: bytes
    salt: bytes | None = None


def _fernet(purpose: SecretPurpose, secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=purpose.salt, info=purpose.info).derive(
        secret_key.encode("utf-8")
    )
    return Fernet(urlsafe_b64encode(key))


def _cipher(purpose: SecretPurpose) -> MultiFernet:
    """Encrypts under SECRET_KEY; decrypts under it or any of SECRET_KEY_FALLBACKS."""
    return MultiFernet([_fernet(purpose, key) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]])


def secret_encrypt(value: str, *, purpose: SecretPurpose) -> str:
    """`value` encrypted under the current SECRET_KEY, as a Fernet token (URL-safe base64 text)."""
    return _cipher(purpose).encrypt(value.encode("utf-8")).decode("ascii")


def secret_decrypt(token: str | bytes, *, purpose: SecretPurpose) -> str:
    """The value `secret_encrypt` was given. Raises `SecretUnreadable` when no configured key opens it."""
    try:
        return _cipher(purpose).decrypt(token).decode("utf-8")
    except InvalidToken:
        raise SecretUnreadable("the token cannot be decrypted with SECRET_KEY or SECRET_KEY_FALLBACKS") from None

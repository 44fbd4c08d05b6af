"""SP-API credentials: encrypted at rest with a Fernet key derived from SECRET_KEY (`helpdesk.crypto`).

Each of the three values comes from the account's `AmazonConnection` when stored
there, else from the SPAPI_REFRESH_TOKEN / SPAPI_CLIENT_ID / SPAPI_CLIENT_SECRET
setting. The client id and secret belong to the developer app and may be shared;
a refresh token belongs to one seller, so an SPAPI_REFRESH_TOKEN fallback only
fits an installation with one seller account.

Changing SECRET_KEY without keeping the old key in SECRET_KEY_FALLBACKS makes
stored values unreadable: they then count as an authorization failure (never as
"no credentials", which would quietly turn into a dry run) until an admin enters
them again.
"""

from dataclasses import dataclass

from django.conf import settings

from helpdesk.crypto import SecretPurpose, SecretUnreadable, secret_decrypt, secret_encrypt
from helpdesk.models import AmazonConnection

# The derivation every stored credential was encrypted under (when they were kept with the
# review request settings, hence the name): it must never change.
SPAPI_CREDENTIALS = SecretPurpose(info=b"sellerdesk.solicitation.spapi-credentials")

# (model field, fallback setting)
FIELDS = {
    "refresh_token": ("refresh_token_encrypted", "SPAPI_REFRESH_TOKEN"),
    "client_id": ("client_id_encrypted", "SPAPI_CLIENT_ID"),
    "client_secret": ("client_secret_encrypted", "SPAPI_CLIENT_SECRET"),
}


class CredentialsUnreadable(Exception):
    """Stored credentials cannot be decrypted with SECRET_KEY or any of SECRET_KEY_FALLBACKS."""


@dataclass(frozen=True, repr=False)
class SpApiCredentials:
    refresh_token: str
    client_id: str
    client_secret: str

    def __repr__(self) -> str:  # never let a secret reach a log line or a traceback
        return "SpApiCredentials(…)"


def encrypt(value: str) -> str:
    return secret_encrypt(value, purpose=SPAPI_CREDENTIALS) if value else ""


def _decrypt(token: str) -> str:
    try:
        return secret_decrypt(token, purpose=SPAPI_CREDENTIALS)
    except SecretUnreadable:
        raise CredentialsUnreadable(
            "The stored SP-API credentials cannot be decrypted (was SECRET_KEY changed?): "
            "an admin must enter them again."
        ) from None


def credential_sources(connection: AmazonConnection) -> dict[str, str]:
    """Where each value would come from: "account" (stored for it), "server" (the setting) or "" (missing).
    Decrypts nothing."""
    sources = {}
    for name, (field, setting) in FIELDS.items():
        if getattr(connection, field):
            sources[name] = "account"
        elif getattr(settings, setting):
            sources[name] = "server"
        else:
            sources[name] = ""
    return sources


def spapi_connected(connection: AmazonConnection) -> bool:
    """Whether the account reaches Amazon: all three credentials present, its own or the server's."""
    return all(credential_sources(connection).values())


def spapi_credentials(connection: AmazonConnection) -> SpApiCredentials | None:
    """The account's credentials, or None when any of the three is missing.

    Raises `CredentialsUnreadable` when a stored value cannot be decrypted.
    """
    values = {}
    for name, (field, setting) in FIELDS.items():
        stored = getattr(connection, field)
        values[name] = _decrypt(stored) if stored else getattr(settings, setting)
    if not all(values.values()):
        return None
    return SpApiCredentials(**values)

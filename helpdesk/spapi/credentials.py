"""SP-API credentials: encrypted at rest with a Fernet key derived from SECRET_KEY (`helpdesk.crypto`).

Each of the three values comes from the account's `AmazonConnection` when stored
there, else from a server setting:
- the client id and secret (SPAPI_CLIENT_ID / SPAPI_CLIENT_SECRET) belong to the
  developer app and are shared: they serve every account;
- a refresh token is one seller's authorization, so SPAPI_REFRESH_TOKEN serves only
  the account whose slug SPAPI_ACCOUNT names, never every account: a tenant's new
  account on the same marketplace must not read or write as another seller.
An account with no refresh token of its own, and not the named one, has no
connection: the order sync leaves it alone and its review requests stay dry runs.

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
# The one seller's value among the fallbacks: it serves only the account SPAPI_ACCOUNT names.
SELLERS_OWN = "refresh_token"


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


def _server_value(connection: AmazonConnection, name: str) -> str:
    """The setting that stands in for the account's value `name`; "" when none serves this account."""
    if name == SELLERS_OWN and not (settings.SPAPI_ACCOUNT and connection.account.slug == settings.SPAPI_ACCOUNT):
        return ""
    return getattr(settings, FIELDS[name][1])


def credential_sources(connection: AmazonConnection) -> dict[str, str]:
    """Where each value would come from: "account" (stored for it), "server" (the setting) or "" (missing).
    Decrypts nothing."""
    sources = {}
    for name, (field, _setting) in FIELDS.items():
        if getattr(connection, field):
            sources[name] = "account"
        elif _server_value(connection, name):
            sources[name] = "server"
        else:
            sources[name] = ""
    return sources


def spapi_connected(connection: AmazonConnection) -> bool:
    """Whether the account reaches Amazon: all three credentials present, its own or the server's
    (the server's refresh token only for the account SPAPI_ACCOUNT names)."""
    return all(credential_sources(connection).values())


def spapi_credentials(connection: AmazonConnection) -> SpApiCredentials | None:
    """The account's credentials, or None when any of the three is missing.

    Raises `CredentialsUnreadable` when a stored value cannot be decrypted.
    """
    values = {}
    for name, (field, _setting) in FIELDS.items():
        stored = getattr(connection, field)
        values[name] = _decrypt(stored) if stored else _server_value(connection, name)
    if not all(values.values()):
        return None
    return SpApiCredentials(**values)

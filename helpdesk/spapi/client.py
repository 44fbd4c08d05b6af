"""The plumbing every SP-API call shares: python-amazon-sp-api clients built from an
account's credentials, at the configured endpoints, failing by HTTP status. An app
calling another SP-API operation subclasses `StatusChecked` with sp_api's client
class and builds it with `spapi_client`.

Endpoints: Amazon's regional SP-API endpoint for the marketplace and Amazon's
LWA token endpoint, unless the settings SPAPI_ENDPOINT / SPAPI_LWA_TOKEN_URL
point elsewhere (the tests point both at a local server).
"""

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from sp_api.auth import AccessTokenClient
from sp_api.auth.exceptions import AuthorizationError
from sp_api.base import Client, Marketplaces
from sp_api.base.credential_provider import FromCodeCredentialProvider

from .credentials import SpApiCredentials

LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"
TIMEOUT_S = 30
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class SpApiTarget:
    """Where the calls go: empty `endpoint` means Amazon's regional endpoint for the marketplace."""

    endpoint: str = ""
    lwa_token_url: str = LWA_TOKEN_URL

    @classmethod
    def from_settings(cls) -> "SpApiTarget":
        return cls(endpoint=settings.SPAPI_ENDPOINT, lwa_token_url=settings.SPAPI_LWA_TOKEN_URL)


class SpApiError(Exception):
    """A non-2xx answer from the SP-API, with Amazon's first error."""

    def __init__(self, *, http_status: int, code: str, message: str):
        super().__init__(f"{http_status} {code}: {message}")
        self.http_status, self.code, self.message = http_status, code, message


class TransientSpApiError(Exception):
    """Amazon was unreachable, throttled us or failed: worth trying again later."""

    def __init__(self, *, code: str, message: str, http_status: int | None = None):
        super().__init__(f"{http_status or 'no answer'} {code}: {message}")
        self.code, self.message, self.http_status = code, message, http_status


@contextmanager
def transient_failures_raised() -> Iterator[None]:
    """Raise `TransientSpApiError` for throttling (429), 5xx and network failures, from the
    SP-API or from Login with Amazon. Every other `SpApiError` or LWA `AuthorizationError` passes."""
    try:
        yield
    except SpApiError as exc:
        if exc.http_status in TRANSIENT_STATUSES:
            raise TransientSpApiError(code=exc.code, message=exc.message, http_status=exc.http_status) from exc
        raise
    except AuthorizationError as exc:
        if exc.status_code in TRANSIENT_STATUSES:
            raise TransientSpApiError(
                code=exc.error_code or "", message=exc.message or "", http_status=exc.status_code
            ) from exc
        raise
    except httpx.TransportError as exc:
        raise TransientSpApiError(code=type(exc).__name__, message=str(exc) or "no answer") from exc


def _first_error(response: httpx.Response) -> tuple[str, str]:
    """(code, message) of an error body, which may be Amazon's `{"errors": [...]}`, a bare
    list, or a truncated JSON text (Amazon has sent all three)."""
    try:
        body = response.json()
    except json.JSONDecodeError:
        body = None
    if isinstance(body, dict):
        body = body.get("errors") or [body]
    if isinstance(body, list) and body and isinstance(body[0], dict):
        return str(body[0].get("code", "")), str(body[0].get("message", ""))
    text = response.text
    code = re.search(r'"code"\s*:\s*"([^"]*)"', text)
    message = re.search(r'"message"\s*:\s*"([^"]*)"', text)
    return (code.group(1) if code else ""), (message.group(1) if message else text.strip())


class _LwaTokenClient(AccessTokenClient):
    """sp_api's Login-with-Amazon token client, posting to `token_url`."""

    def __init__(self, *, token_url: str, **kwargs):
        super().__init__(**kwargs)
        parts = urlsplit(token_url)
        self.scheme, self.host, self.path = f"{parts.scheme}://", parts.netloc, parts.path


class StatusChecked:
    """Mixin for an sp_api client class: at `endpoint`, deciding failure by the HTTP status.

    sp_api 2.1.35 raises only when the body carries an `errors` list, so a 403
    with a truncated body or a 500 with a bare error list would pass as success.
    """

    def __init__(self, *, endpoint: str, **kwargs):
        super().__init__(**kwargs)
        self.endpoint = endpoint

    def _check_response(self, res: httpx.Response, *args, **kwargs):
        if not res.is_success:
            code, message = _first_error(res)
            raise SpApiError(http_status=res.status_code, code=code, message=message)
        return super()._check_response(res, *args, **kwargs)


def marketplace_for(marketplace_id: str) -> Marketplaces:
    for marketplace in Marketplaces:
        if marketplace.marketplace_id == marketplace_id:
            return marketplace
    raise ValueError(f"Unknown marketplace id {marketplace_id!r}")


def amazon_time(moment: datetime) -> str:
    """A moment as the SP-API's query parameters take it: ISO 8601 in UTC, to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def spapi_client[C: Client](
    client_class: type[C], *, credentials: SpApiCredentials, marketplace_id: str, target: SpApiTarget
) -> C:
    """An sp_api client of `client_class` (a `StatusChecked` subclass) for one marketplace.
    The caller closes it."""
    marketplace = marketplace_for(marketplace_id)
    return client_class(
        endpoint=target.endpoint or marketplace.endpoint,
        marketplace=marketplace,
        credentials={
            "refresh_token": credentials.refresh_token,
            "lwa_app_id": credentials.client_id,
            "lwa_client_secret": credentials.client_secret,
        },
        credential_providers=(FromCodeCredentialProvider,),
        auth_token_client_class=partial(_LwaTokenClient, token_url=target.lwa_token_url),
        timeout=TIMEOUT_S,
    )

"""Sending a review request: one interface, Amazon's Solicitations API behind it.

`SpApiAdapter` goes through python-amazon-sp-api (`sp_api.api.Solicitations`):
first getSolicitationActionsForOrder, and only when it offers
productReviewAndSellerFeedback, createProductReviewAndSellerFeedbackSolicitation.
`DryRunAdapter` records "would send" when no credentials are configured.

How Amazon answers, and what we record (SOURCES.md notes 2-3):
- 201 `{}` or 200 `{"errors": []}`: sent.
- actions list without productReviewAndSellerFeedback: not eligible (no POST).
- 400 (InvalidInput): invalid.
- 403 `Unauthorized` is used both for business refusals ("The requested
  solicitation is not available for this amazonOrderId.", outside the 5-30 day
  range, ...) and for real authorization failures ("Access to requested resource
  is denied.", a bad or expired token). Only the message tells them apart: the
  known refusal messages are refused, every other 403 is an authorization
  failure, so that an unknown 403 sends an admin to check access, never hides.
- a Login-with-Amazon token refusal: authorization failure.
- 429, 5xx and network errors: `TransientSendError`, which the task retries.
- anything else: error, with Amazon's code and message.

Endpoints: Amazon's regional SP-API endpoint for the marketplace and Amazon's
LWA token endpoint, unless the settings SPAPI_ENDPOINT / SPAPI_LWA_TOKEN_URL
point elsewhere (the tests point both at a local server).
"""

import json
import re
from dataclasses import dataclass
from functools import partial
from typing import Protocol
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from sp_api.api import Solicitations
from sp_api.auth import AccessTokenClient
from sp_api.auth.exceptions import AuthorizationError
from sp_api.base import Marketplaces
from sp_api.base.credential_provider import FromCodeCredentialProvider

from .credentials import SpApiCredentials, spapi_credentials
from .models import RequestState, SolicitationSettings

LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"
REVIEW_ACTION = "productReviewAndSellerFeedback"
TIMEOUT_S = 30
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
# Lower-cased fragments of the 403 messages Amazon uses to refuse a solicitation on business grounds.
BUSINESS_REFUSALS = (
    "not available for this amazonorderid",
    "outside the 5-30 day range",
    "amazonorderid and template combination",
)


@dataclass(frozen=True)
class SendResult:
    state: RequestState
    code: str = ""
    message: str = ""
    http_status: int | None = None


class TransientSendError(Exception):
    """Amazon was unreachable, throttled us or failed: worth trying again later."""

    def __init__(self, *, code: str, message: str, http_status: int | None = None):
        super().__init__(f"{http_status or 'no answer'} {code}: {message}")
        self.code, self.message, self.http_status = code, message, http_status


class SolicitationAdapter(Protocol):
    def request_review(self, *, marketplace_id: str, amazon_order_id: str) -> SendResult: ...


class DryRunAdapter:
    """No SP-API credentials: record what would have been sent."""

    def request_review(self, *, marketplace_id: str, amazon_order_id: str) -> SendResult:
        return SendResult(
            state=RequestState.WOULD_SEND, message="No SP-API credentials configured: nothing was sent to Amazon."
        )


class SpApiError(Exception):
    """A non-2xx answer from the SP-API, with Amazon's first error."""

    def __init__(self, *, http_status: int, code: str, message: str):
        super().__init__(f"{http_status} {code}: {message}")
        self.http_status, self.code, self.message = http_status, code, message


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


class _SolicitationsClient(Solicitations):
    """sp_api's Solicitations client, at `endpoint`, deciding failure by the HTTP status.

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


def _marketplace(marketplace_id: str) -> Marketplaces:
    for marketplace in Marketplaces:
        if marketplace.marketplace_id == marketplace_id:
            return marketplace
    raise ValueError(f"Unknown marketplace id {marketplace_id!r}")


def _offers_review(actions: dict) -> bool:
    links = (actions.get("_links") or {}).get("actions") or []
    return any(
        link.get("name") == REVIEW_ACTION or f"/solicitations/{REVIEW_ACTION}" in link.get("href", "") for link in links
    )


class SpApiAdapter:
    def __init__(self, *, credentials: SpApiCredentials, endpoint: str = "", lwa_token_url: str = LWA_TOKEN_URL):
        self.credentials = credentials
        self.endpoint = endpoint
        self.lwa_token_url = lwa_token_url

    def _client(self, marketplace_id: str) -> _SolicitationsClient:
        marketplace = _marketplace(marketplace_id)
        return _SolicitationsClient(
            endpoint=self.endpoint or marketplace.endpoint,
            marketplace=marketplace,
            credentials={
                "refresh_token": self.credentials.refresh_token,
                "lwa_app_id": self.credentials.client_id,
                "lwa_client_secret": self.credentials.client_secret,
            },
            credential_providers=(FromCodeCredentialProvider,),
            auth_token_client_class=partial(_LwaTokenClient, token_url=self.lwa_token_url),
            timeout=TIMEOUT_S,
        )

    def request_review(self, *, marketplace_id: str, amazon_order_id: str) -> SendResult:
        client = self._client(marketplace_id)
        try:
            actions = client.get_solicitation_actions_for_order(amazon_order_id, marketplaceIds=[marketplace_id])
            if not _offers_review(actions.payload):
                return SendResult(
                    state=RequestState.NOT_ELIGIBLE,
                    message=(
                        "Amazon offers no review request for this order (no productReviewAndSellerFeedback action)."
                    ),
                )
            client.create_product_review_and_seller_feedback_solicitation(
                amazon_order_id, marketplaceIds=[marketplace_id]
            )
            return SendResult(state=RequestState.SENT)
        except SpApiError as exc:
            return _api_failure(exc)
        except AuthorizationError as exc:
            if exc.status_code in TRANSIENT_STATUSES:
                raise TransientSendError(
                    code=exc.error_code or "", message=exc.message or "", http_status=exc.status_code
                ) from exc
            return SendResult(
                state=RequestState.AUTH_FAILED,
                code=exc.error_code or "",
                message=f"Login with Amazon refused the credentials: {exc.message or exc.error_code}",
                http_status=exc.status_code,
            )
        except httpx.TransportError as exc:
            raise TransientSendError(code=type(exc).__name__, message=str(exc) or "no answer") from exc
        finally:
            client.close()


def _api_failure(exc: SpApiError) -> SendResult:
    if exc.http_status in TRANSIENT_STATUSES:
        raise TransientSendError(code=exc.code, message=exc.message, http_status=exc.http_status) from exc
    if exc.http_status == 400:
        state = RequestState.INVALID
    elif exc.http_status == 403:
        refused = any(fragment in exc.message.lower() for fragment in BUSINESS_REFUSALS)
        state = RequestState.REFUSED if refused else RequestState.AUTH_FAILED
    else:
        state = RequestState.ERROR
    return SendResult(state=state, code=exc.code, message=exc.message, http_status=exc.http_status)


def adapter_for(rules: SolicitationSettings) -> SolicitationAdapter:
    """The SP-API adapter when the account has credentials, else the dry run.

    Raises `CredentialsUnreadable` when stored credentials cannot be decrypted.
    """
    credentials = spapi_credentials(rules)
    if credentials is None:
        return DryRunAdapter()
    return SpApiAdapter(
        credentials=credentials,
        endpoint=settings.SPAPI_ENDPOINT,
        lwa_token_url=settings.SPAPI_LWA_TOKEN_URL,
    )

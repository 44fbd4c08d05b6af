"""Sending a review request: one interface, Amazon's Solicitations API behind it.

`SpApiAdapter` goes through python-amazon-sp-api (`sp_api.api.Solicitations`):
first getSolicitationActionsForOrder, and only when it offers
productReviewAndSellerFeedback, createProductReviewAndSellerFeedbackSolicitation.
`DryRunAdapter` records "would send" when no credentials are configured.

How Amazon answers, and what we record (docs/amazon-formats.md, "Selling Partner API"):
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
- 429, 5xx and network errors: `TransientSpApiError`, which the task retries.
- anything else: error, with Amazon's code and message.

Endpoints, client construction and the account's credentials: the core's `helpdesk.spapi`,
shared with the order sync.
"""

from dataclasses import dataclass
from typing import Protocol

from sp_api.api import Solicitations
from sp_api.auth.exceptions import AuthorizationError

from helpdesk.models import AmazonConnection
from helpdesk.spapi.client import SpApiError, SpApiTarget, StatusChecked, spapi_client, transient_failures_raised
from helpdesk.spapi.credentials import SpApiCredentials, spapi_credentials

from .models import RequestState

REVIEW_ACTION = "productReviewAndSellerFeedback"
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


class SolicitationAdapter(Protocol):
    def request_review(self, *, marketplace_id: str, amazon_order_id: str) -> SendResult: ...


class DryRunAdapter:
    """No SP-API credentials: record what would have been sent."""

    def request_review(self, *, marketplace_id: str, amazon_order_id: str) -> SendResult:
        return SendResult(
            state=RequestState.WOULD_SEND, message="No SP-API credentials configured: nothing was sent to Amazon."
        )


class _SolicitationsClient(StatusChecked, Solicitations):
    """sp_api's Solicitations client, failing by the HTTP status (see `StatusChecked`)."""


def _offers_review(actions: dict) -> bool:
    links = (actions.get("_links") or {}).get("actions") or []
    return any(
        link.get("name") == REVIEW_ACTION or f"/solicitations/{REVIEW_ACTION}" in link.get("href", "") for link in links
    )


class SpApiAdapter:
    def __init__(self, *, credentials: SpApiCredentials, target: SpApiTarget):
        self.credentials = credentials
        self.target = target

    def request_review(self, *, marketplace_id: str, amazon_order_id: str) -> SendResult:
        client = spapi_client(
            _SolicitationsClient, credentials=self.credentials, marketplace_id=marketplace_id, target=self.target
        )
        try:
            with transient_failures_raised():
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
            return SendResult(
                state=RequestState.AUTH_FAILED,
                code=exc.error_code or "",
                message=f"Login with Amazon refused the credentials: {exc.message or exc.error_code}",
                http_status=exc.status_code,
            )
        finally:
            client.close()


def _api_failure(exc: SpApiError) -> SendResult:
    if exc.http_status == 400:
        state = RequestState.INVALID
    elif exc.http_status == 403:
        refused = any(fragment in exc.message.lower() for fragment in BUSINESS_REFUSALS)
        state = RequestState.REFUSED if refused else RequestState.AUTH_FAILED
    else:
        state = RequestState.ERROR
    return SendResult(state=state, code=exc.code, message=exc.message, http_status=exc.http_status)


def adapter_for(connection: AmazonConnection) -> SolicitationAdapter:
    """The SP-API adapter when the account has credentials, else the dry run.

    Raises `CredentialsUnreadable` when stored credentials cannot be decrypted.
    """
    credentials = spapi_credentials(connection)
    if credentials is None:
        return DryRunAdapter()
    return SpApiAdapter(credentials=credentials, target=SpApiTarget.from_settings())

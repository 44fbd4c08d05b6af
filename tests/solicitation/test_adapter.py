"""Sending through python-amazon-sp-api to a local server that answers as Amazon's Solicitations API."""

from urllib.parse import parse_qs

import pytest

from feedback.solicitation.adapters import DryRunAdapter, SendResult, SpApiAdapter, adapter_for
from feedback.solicitation.models import RequestState, SolicitationRequest
from feedback.solicitation.sending import SEND_MAX_RETRIES, send_solicitation
from helpdesk.models import Activity, AmazonConnection
from helpdesk.spapi.client import SpApiTarget, TransientSpApiError
from helpdesk.spapi.credentials import SpApiCredentials, spapi_credentials
from helpdesk.spapi.selectors import amazon_connection_for
from tests.spapi import CREDENTIALS
from tests.spapi_server import ACCESS_TOKEN, Answer, errors

from .helpers import delivered

US = "ATVPDKIKX0DER"
ORDER = "112-3456789-0123456"
NOT_AVAILABLE = "The requested solicitation is not available for this amazonOrderId."


@pytest.fixture
def adapter(amazon):
    return SpApiAdapter(
        credentials=CREDENTIALS, target=SpApiTarget(endpoint=amazon.url, lwa_token_url=f"{amazon.url}/auth/o2/token")
    )


def send(adapter, order_id=ORDER) -> SendResult:
    return adapter.request_review(marketplace_id=US, amazon_order_id=order_id)


# --- answers ----------------------------------------------------------------


def test_sent_after_asking_which_solicitations_the_order_offers(adapter, amazon):
    assert send(adapter) == SendResult(state=RequestState.SENT)
    token_request = parse_qs(amazon.token_requests()[0].body)
    assert token_request == {
        "grant_type": ["refresh_token"],
        "refresh_token": [CREDENTIALS.refresh_token],
        "client_id": [CREDENTIALS.client_id],
        "client_secret": [CREDENTIALS.client_secret],
    }
    get, post = amazon.calls()
    assert (get.method, get.path) == ("GET", f"/solicitations/v1/orders/{ORDER}")
    assert (post.method, post.path) == (
        "POST",
        f"/solicitations/v1/orders/{ORDER}/solicitations/productReviewAndSellerFeedback",
    )
    for call in (get, post):
        assert call.query["marketplaceIds"] == [US]
        assert call.headers["x-amz-access-token"] == ACCESS_TOKEN


def test_sent_when_amazon_answers_200_with_an_empty_error_list(adapter, amazon):
    amazon.answer("post", ORDER, Answer(200, {"errors": []}))
    assert send(adapter).state == RequestState.SENT


def test_not_eligible_when_no_review_action_is_offered_and_nothing_is_posted(adapter, amazon):
    amazon.not_eligible.add(ORDER)
    result = send(adapter)
    assert result.state == RequestState.NOT_ELIGIBLE
    assert "no productReviewAndSellerFeedback action" in result.message
    assert amazon.calls("post") == []


def test_invalid_input(adapter, amazon):
    result = send(adapter, "123-1234567-0000000")  # the sandbox's invalid order
    assert result == SendResult(
        state=RequestState.INVALID, code="InvalidInput", message="Invalid Input", http_status=400
    )


def test_a_403_business_refusal_is_refused_not_an_auth_failure(adapter, amazon):
    amazon.answer("post", ORDER, Answer(403, errors("Unauthorized", NOT_AVAILABLE)))
    assert send(adapter) == SendResult(
        state=RequestState.REFUSED, code="Unauthorized", message=NOT_AVAILABLE, http_status=403
    )


def test_a_403_outside_the_window_with_amazons_truncated_mojibake_body_is_refused(adapter, amazon):
    body = (
        '{\n  "errors": [\n    {\n      "code": "Unauthorized",\n      "message": "You canâ€™t use this feature to '
        'request a review outside the 5-30 day range after the order delivery date.",\n'
        '      "details": ""\n    }\n  ]\n'
    )
    amazon.answer("post", ORDER, Answer(403, body))
    result = send(adapter)
    assert (result.state, result.code, result.http_status) == (RequestState.REFUSED, "Unauthorized", 403)
    assert result.message.endswith("outside the 5-30 day range after the order delivery date.")


def test_a_403_access_denied_is_an_auth_failure(adapter, amazon):
    amazon.answer("get", ORDER, Answer(403, errors("Unauthorized", "Access to requested resource is denied.")))
    result = send(adapter)
    assert (result.state, result.code, result.message) == (
        RequestState.AUTH_FAILED,
        "Unauthorized",
        "Access to requested resource is denied.",
    )
    assert amazon.calls("post") == []


def test_a_403_for_a_revoked_token_is_an_auth_failure(adapter, amazon):
    revoked = "The access token you provided is revoked, malformed or invalid."
    amazon.answer("post", ORDER, Answer(403, errors("Unauthorized", revoked)))
    assert send(adapter) == SendResult(
        state=RequestState.AUTH_FAILED, code="Unauthorized", message=revoked, http_status=403
    )


def test_login_with_amazon_refusing_the_refresh_token_is_an_auth_failure(adapter, amazon):
    amazon.token_refusal = Answer(
        400,
        {"error": "invalid_grant", "error_description": "The request has an invalid grant parameter : refresh_token"},
    )
    result = send(adapter)
    assert (result.state, result.code, result.http_status) == (RequestState.AUTH_FAILED, "invalid_grant", 400)
    assert "invalid grant parameter" in result.message
    assert amazon.calls() == []


@pytest.mark.parametrize(
    "answer",
    [
        Answer(500, [{"message": "We encountered an internal error. Please try again.", "code": "InternalFailure"}]),
        Answer(503, errors("ServiceUnavailable", "Service temporarily unavailable.")),
        Answer(429, errors("QuotaExceeded", "You exceeded your quota for the requested resource.")),
    ],
    ids=["500-bare-list", "503", "429"],
)
def test_throttling_and_server_errors_are_transient(adapter, amazon, answer):
    amazon.answer("post", ORDER, answer)
    with pytest.raises(TransientSpApiError) as caught:
        send(adapter)
    assert caught.value.http_status == answer.status
    assert caught.value.code in {"InternalFailure", "ServiceUnavailable", "QuotaExceeded"}


def test_an_unreachable_amazon_is_transient(amazon):
    adapter = SpApiAdapter(
        credentials=CREDENTIALS,
        target=SpApiTarget(endpoint="http://127.0.0.1:9", lwa_token_url=f"{amazon.url}/auth/o2/token"),
    )
    with pytest.raises(TransientSpApiError):
        send(adapter)


# --- through the task, with the account's stored credentials ---------------


def _queued(account):
    order = delivered(account, 10)
    return SolicitationRequest.objects.create(account=account, order=order)


def test_the_task_records_what_amazon_answered(live_account, amazon, celery_eager):
    request = _queued(live_account)
    amazon.answer("post", request.order.amazon_order_id, Answer(403, errors("Unauthorized", NOT_AVAILABLE)))
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert (request.state, request.error_code, request.error_message, request.http_status, request.attempts) == (
        RequestState.REFUSED,
        "Unauthorized",
        NOT_AVAILABLE,
        403,
        1,
    )
    assert Activity.objects.get(verb="solicitation.refused").summary.endswith(
        f"Refused by Amazon — Unauthorized {NOT_AVAILABLE}"
    )


def test_5xx_is_retried_then_sent(live_account, amazon, celery_eager):
    request = _queued(live_account)
    failure = Answer(
        500, [{"message": "We encountered an internal error. Please try again.", "code": "InternalFailure"}]
    )
    amazon.answer("post", request.order.amazon_order_id, failure, failure)
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert (request.state, request.attempts) == (RequestState.SENT, 3)
    assert len(amazon.calls("post")) == 3


def test_5xx_gives_up_after_the_retry_cap_with_amazons_error(live_account, amazon, celery_eager):
    request = _queued(live_account)
    failure = Answer(503, errors("ServiceUnavailable", "Service temporarily unavailable."))
    amazon.answer("post", request.order.amazon_order_id, *[failure] * (SEND_MAX_RETRIES + 2))
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert request.state == RequestState.ERROR
    assert (request.error_code, request.http_status, request.attempts) == (
        "ServiceUnavailable",
        503,
        SEND_MAX_RETRIES + 1,
    )
    assert request.error_message == f"Gave up after {SEND_MAX_RETRIES + 1} attempts: Service temporarily unavailable."
    assert len(amazon.calls("post")) == SEND_MAX_RETRIES + 1


def test_a_4xx_is_not_retried(live_account, amazon, celery_eager):
    request = _queued(live_account)
    amazon.answer("get", request.order.amazon_order_id, Answer(400, errors("InvalidInput", "Invalid Input")))
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert (request.state, request.attempts, len(amazon.calls())) == (RequestState.INVALID, 1, 1)


# --- credentials --------------------------------------------------------------


def test_without_credentials_the_dry_run_records_would_send_and_nothing_reaches_amazon(account, amazon, celery_eager):
    request = _queued(account)
    assert isinstance(adapter_for(amazon_connection_for(account)), DryRunAdapter)
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert request.state == RequestState.WOULD_SEND
    assert amazon.seen == []


def test_credentials_are_stored_encrypted(live_account):
    connection = AmazonConnection.objects.get(account=live_account)
    for secret in (CREDENTIALS.refresh_token, CREDENTIALS.client_id, CREDENTIALS.client_secret):
        stored = " ".join(
            [connection.refresh_token_encrypted, connection.client_id_encrypted, connection.client_secret_encrypted]
        )
        assert secret not in stored
    assert spapi_credentials(connection) == CREDENTIALS
    assert isinstance(adapter_for(connection), SpApiAdapter)


def test_credentials_may_come_from_the_environment_for_the_account_it_names(account, other_account, settings):
    settings.SPAPI_REFRESH_TOKEN, settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "rt", "id", "secret"
    settings.SPAPI_ACCOUNT = account.slug
    assert spapi_credentials(amazon_connection_for(account)) == SpApiCredentials("rt", "id", "secret")
    assert spapi_credentials(amazon_connection_for(other_account)) is None
    assert isinstance(adapter_for(amazon_connection_for(other_account)), DryRunAdapter)


def test_credentials_unreadable_after_a_secret_key_change_are_an_auth_failure(
    live_account, amazon, settings, celery_eager
):
    request = _queued(live_account)
    settings.SECRET_KEY = "another-secret-key"
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert request.state == RequestState.AUTH_FAILED
    assert "cannot be decrypted" in request.error_message
    assert amazon.seen == []

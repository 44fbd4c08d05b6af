"""Sending one review request: the worker's side. `send_solicitation` (a Celery task) claims a
queued request, asks Amazon through the account's adapter and records the one result.

The run (`services.solicitation_run`) queues it after commit; nothing here imports the
services or the daily tasks, so the modules go tasks -> services -> sending.
"""

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from helpdesk.services.lifecycle import transition
from helpdesk.spapi.client import TransientSpApiError
from helpdesk.spapi.credentials import CredentialsUnreadable
from helpdesk.spapi.selectors import amazon_connection_for

from .adapters import SendResult, adapter_for
from .models import REQUEST_TRANSITIONS, RequestState, SolicitationRequest
from .selectors import solicitation_settings_for, would_send_recorded

# Backoff 60 s, 120 s, ... capped at an hour, with jitter: 6 attempts over about an hour.
SEND_MAX_RETRIES = 5


@shared_task(
    bind=True,
    ignore_result=True,
    autoretry_for=(TransientSpApiError,),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=SEND_MAX_RETRIES,
    rate_limit="1/s",  # Amazon's usage plan for both operations: 1 request/s, burst 5
)
def send_solicitation(self, request_id: int) -> None:
    """Not acks_late: a request is not idempotent at Amazon. A lost task leaves the
    request queued, and the next run of its account queues it again."""
    solicitation_request_send(request_id=request_id, final_attempt=self.request.retries >= self.max_retries)


def solicitation_request_finish(*, request: SolicitationRequest, result: SendResult) -> SolicitationRequest:
    """Record the request's one result. Call inside the transaction that holds the request."""
    now = timezone.now()
    detail = f" — {result.code} {result.message}".rstrip() if result.code or result.message else ""
    return transition(
        request,
        to=result.state,
        field="state",
        transitions=REQUEST_TRANSITIONS,
        refusal=lambda r, to: f"A {r.state} review request cannot become {to}.",
        also={
            "error_code": result.code[:100],
            "error_message": result.message[:1000],
            "http_status": result.http_status,
            "attempts": request.attempts + 1,
            "attempted_at": now,
            "finished_at": now,
        },
        verb=f"solicitation.{result.state}",
        summary=lambda r, _: f"Review request for order {r.order.amazon_order_id}: {r.get_state_display()}{detail}",
        account=lambda r: r.account,
        after={"code": result.code, "http_status": result.http_status},
        locked=True,
    )


def solicitation_request_send(*, request_id: int, final_attempt: bool) -> SolicitationRequest | None:
    """Send one queued request through the account's adapter and record the result.

    Returns None, doing nothing, when the request is no longer queued, another
    worker holds it, or the account is paused (it stays queued for the next run).
    A transient failure is re-raised for the task to retry, unless this is the
    final attempt: then it is recorded as an error.
    """
    transient: TransientSpApiError | None = None
    with transaction.atomic():
        request = (
            SolicitationRequest.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("account", "order")
            .filter(id=request_id, state=RequestState.QUEUED)
            .first()
        )
        if request is None:
            return None
        rules = solicitation_settings_for(request.account)
        if rules.paused:
            return None
        order = request.order
        try:
            result = adapter_for(amazon_connection_for(request.account)).request_review(
                marketplace_id=order.marketplace_id or request.account.marketplace_id,
                amazon_order_id=order.amazon_order_id,
            )
        except CredentialsUnreadable as exc:
            result = SendResult(state=RequestState.AUTH_FAILED, message=str(exc))
        except TransientSpApiError as exc:
            if final_attempt:
                result = SendResult(
                    state=RequestState.ERROR,
                    code=exc.code,
                    message=f"Gave up after {request.attempts + 1} attempts: {exc.message}",
                    http_status=exc.http_status,
                )
            else:
                _attempt_failed(request=request, error=exc)
                transient = exc
        if transient is None:
            if result.state == RequestState.WOULD_SEND and would_send_recorded(order_id=order.pk):
                # Queued while live, the credentials gone since: it stays queued until they are back.
                return None
            solicitation_request_finish(request=request, result=result)
    if transient is not None:
        raise transient
    return request


def _attempt_failed(*, request: SolicitationRequest, error: TransientSpApiError) -> None:
    """Note a failed attempt that will be retried; the request stays queued."""
    request.attempts += 1
    request.attempted_at = timezone.now()
    request.error_code, request.error_message, request.http_status = (
        error.code[:100],
        error.message[:1000],
        error.http_status,
    )
    request.save(update_fields=["attempts", "attempted_at", "error_code", "error_message", "http_status"])

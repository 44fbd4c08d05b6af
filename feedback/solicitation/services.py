"""Writes: settings, SKU exclusions, the daily run and the sending of each request."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.cases import InvalidTransition

from .adapters import SendResult, TransientSendError, adapter_for
from .credentials import FIELDS, CredentialsUnreadable, encrypt
from .models import REQUEST_TRANSITIONS, RequestState, SkuExclusion, SolicitationRequest, SolicitationSettings
from .selectors import queued_request_ids, solicitation_candidates, solicitation_settings_for

RULE_FIELDS = ("window_start_days", "window_end_days", "max_sku_return_rate")


def _settings_locked(account: SellerAccount) -> SolicitationSettings:
    """The account's settings row, created with the defaults if needed, locked until the transaction ends."""
    SolicitationSettings.objects.get_or_create(account=account)
    return SolicitationSettings.objects.select_for_update().get(account=account)


# --- settings ------------------------------------------------------------


@transaction.atomic
def solicitation_pause(*, account: SellerAccount, paused: bool, actor: AbstractBaseUser) -> SolicitationSettings:
    """Pause (or resume) solicitation for the account. Pausing also holds requests still queued."""
    rules = _settings_locked(account)
    if rules.paused != paused:
        rules.paused = paused
        rules.save(update_fields=["paused", "updated_at"])
        audit(
            verb="solicitation.paused" if paused else "solicitation.resumed",
            summary=f"Review requests {'paused' if paused else 'resumed'} for {account.name}",
            actor=actor,
            account=account,
            before={"paused": not paused},
            after={"paused": paused},
        )
    return rules


@transaction.atomic
def solicitation_rules_update(
    *,
    account: SellerAccount,
    window_start_days: int,
    window_end_days: int,
    max_sku_return_rate: Decimal,
    actor: AbstractBaseUser,
) -> SolicitationSettings:
    rules = _settings_locked(account)
    values = {
        "window_start_days": window_start_days,
        "window_end_days": window_end_days,
        "max_sku_return_rate": max_sku_return_rate,
    }
    changed = [field for field in RULE_FIELDS if getattr(rules, field) != values[field]]
    if changed:
        before = {field: str(getattr(rules, field)) for field in changed}
        for field in changed:
            setattr(rules, field, values[field])
        rules.save(update_fields=[*changed, "updated_at"])
        audit(
            verb="solicitation.rules_changed",
            summary=f"Review request rules changed for {account.name}: {', '.join(changed)}",
            actor=actor,
            account=account,
            before=before,
            after={field: str(values[field]) for field in changed},
        )
    return rules


@transaction.atomic
def spapi_credentials_update(
    *,
    account: SellerAccount,
    actor: AbstractBaseUser,
    refresh_token: str = "",
    client_id: str = "",
    client_secret: str = "",
    clear: bool = False,
) -> list[str]:
    """Store the given credentials encrypted (a blank value keeps the stored one), or
    clear all three. Returns the names changed; the audit row names them, never their values."""
    rules = _settings_locked(account)
    values = {"refresh_token": refresh_token, "client_id": client_id, "client_secret": client_secret}
    changed = []
    for name, (field, _setting) in FIELDS.items():
        new = "" if clear else values[name].strip()
        if (clear and getattr(rules, field)) or (not clear and new):
            setattr(rules, field, encrypt(new))
            changed.append(name)
    if changed:
        rules.save(update_fields=[FIELDS[name][0] for name in changed] + ["updated_at"])
        action = "removed" if clear else "set"
        audit(
            verb="solicitation.credentials_changed",
            summary=f"SP-API credentials {action} for {account.name}: {', '.join(changed)}",
            actor=actor,
            account=account,
        )
    return changed


# --- SKU exclusions --------------------------------------------------------


@transaction.atomic
def sku_exclusion_add(*, account: SellerAccount, sku: str, reason: str, actor: AbstractBaseUser) -> SkuExclusion:
    sku = sku.strip()
    if SkuExclusion.objects.filter(account=account, sku=sku).exists():
        raise ValidationError(f"SKU {sku} is already excluded.")
    exclusion = SkuExclusion.objects.create(account=account, sku=sku, reason=reason.strip(), excluded_by=actor)
    audit(
        verb="solicitation.sku_excluded",
        summary=f"SKU {sku} excluded from review requests" + (f": {exclusion.reason}" if exclusion.reason else ""),
        actor=actor,
        account=account,
        after={"sku": sku, "reason": exclusion.reason},
    )
    return exclusion


@transaction.atomic
def sku_exclusion_remove(*, exclusion: SkuExclusion, actor: AbstractBaseUser) -> None:
    exclusion.delete()
    audit(
        verb="solicitation.sku_included",
        summary=f"SKU {exclusion.sku} no longer excluded from review requests",
        actor=actor,
        account=exclusion.account,
        before={"sku": exclusion.sku, "reason": exclusion.reason},
    )


# --- the run -----------------------------------------------------------------


@dataclass(frozen=True)
class RunResult:
    looked_at: int
    created: int
    queued: int


@transaction.atomic
def solicitation_run(*, account: SellerAccount, on_date: date, actor: AbstractBaseUser | None = None) -> RunResult:
    """Create a request for every included order and queue the sending of every queued request.

    Requests still queued from an earlier run (a lost task, a pause) are queued again.
    One run per account at a time; running it again creates nothing new.
    """
    from .tasks import send_solicitation

    rules = _settings_locked(account)  # serialises runs of one account
    if rules.paused:
        return RunResult(looked_at=0, created=0, queued=0)
    candidates = solicitation_candidates(account=account, on_date=on_date)
    created = SolicitationRequest.objects.bulk_create(
        [SolicitationRequest(account=account, order=c.order, created_by=actor) for c in candidates if c.included]
    )
    queued = queued_request_ids(account)
    for request_id in queued:
        send_solicitation.delay_on_commit(request_id)
    audit(
        verb="solicitation.run",
        summary=(
            f"Review requests for {on_date:%Y-%m-%d}: {len(created)} new of {len(candidates)} orders looked at, "
            f"{len(queued)} queued for sending"
        ),
        actor=actor,
        account=account,
        after={"on_date": on_date.isoformat(), "created": len(created), "queued": len(queued)},
    )
    return RunResult(looked_at=len(candidates), created=len(created), queued=len(queued))


# --- sending ---------------------------------------------------------------


def solicitation_request_finish(*, request: SolicitationRequest, result: SendResult) -> SolicitationRequest:
    """Record the request's one result. Call inside the transaction that holds the request."""
    if result.state not in REQUEST_TRANSITIONS.get(request.state, ()):
        raise InvalidTransition(f"A {request.state} review request cannot become {result.state}.")
    now = timezone.now()
    before = request.state
    request.state = result.state
    request.error_code = result.code[:100]
    request.error_message = result.message[:1000]
    request.http_status = result.http_status
    request.attempts += 1
    request.attempted_at = request.finished_at = now
    request.save(
        update_fields=["state", "error_code", "error_message", "http_status", "attempts", "attempted_at", "finished_at"]
    )
    detail = f" — {result.code} {result.message}".rstrip() if result.code or result.message else ""
    audit(
        verb=f"solicitation.{result.state}",
        summary=f"Review request for order {request.order.amazon_order_id}: {request.get_state_display()}{detail}",
        account=request.account,
        before={"state": before},
        after={"state": result.state, "code": result.code, "http_status": result.http_status},
    )
    return request


def solicitation_request_send(*, request_id: int, final_attempt: bool) -> SolicitationRequest | None:
    """Send one queued request through the account's adapter and record the result.

    Returns None, doing nothing, when the request is no longer queued, another
    worker holds it, or the account is paused (it stays queued for the next run).
    A transient failure is re-raised for the task to retry, unless this is the
    final attempt: then it is recorded as an error.
    """
    transient: TransientSendError | None = None
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
            result = adapter_for(rules).request_review(
                marketplace_id=order.marketplace_id or request.account.marketplace_id,
                amazon_order_id=order.amazon_order_id,
            )
        except CredentialsUnreadable as exc:
            result = SendResult(state=RequestState.AUTH_FAILED, message=str(exc))
        except TransientSendError as exc:
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
            solicitation_request_finish(request=request, result=result)
    if transient is not None:
        raise transient
    return request


def _attempt_failed(*, request: SolicitationRequest, error: TransientSendError) -> None:
    """Note a failed attempt that will be retried; the request stays queued."""
    request.attempts += 1
    request.attempted_at = timezone.now()
    request.error_code, request.error_message, request.http_status = (
        error.code[:100],
        error.message[:1000],
        error.http_status,
    )
    request.save(update_fields=["attempts", "attempted_at", "error_code", "error_message", "http_status"])

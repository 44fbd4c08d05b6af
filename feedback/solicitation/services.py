"""Writes: settings, SKU exclusions, and the daily run (which queues the sending of each
request: `sending`). The orders it reads are kept up to date by the core's order sync
(`helpdesk.spapi.sync`)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit
from helpdesk.spapi.credentials import spapi_connected
from helpdesk.spapi.selectors import amazon_connection_for
from messaging.outbound.cap import contact_record
from messaging.outbound.models import ContactKind

from .models import SkuExclusion, SolicitationRequest, SolicitationSettings
from .selectors import queued_request_ids, solicitation_candidates
from .sending import send_solicitation

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
    rules = _settings_locked(account)  # serialises runs of one account
    if rules.paused:
        return RunResult(looked_at=0, created=0, queued=0)
    candidates = solicitation_candidates(account=account, on_date=on_date)
    created = SolicitationRequest.objects.bulk_create(
        [SolicitationRequest(account=account, order=c.order, created_by=actor) for c in candidates if c.included]
    )
    if spapi_connected(amazon_connection_for(account)):
        # A live request reaches the buyer: it counts against the order's cap on messages they did not ask for.
        for request in created:
            contact_record(
                account=account,
                amazon_order_id=request.order.amazon_order_id,
                kind=ContactKind.REVIEW_REQUEST,
                at=request.requested_at,
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

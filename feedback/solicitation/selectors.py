"""Reads: which delivered orders to ask for a review, and why each one is in or out.

The delivery date is the order's actual delivery time when we know it, else,
for a shipped order, Amazon's latest delivery estimate (the end of the delivery
window promised to the buyer, read by the order sync): Amazon counts the review
window from delivery, and that estimate is the latest the delivery should be.

Days are counted in the account's timezone: the delivery day is day 0, and an
order delivered on day D is asked on any date D + window_start ... D +
window_end, both ends included (Amazon's "5-30 days after delivery"). The
candidates shown are the orders in the window plus one day either side, so the
preview also shows the orders that just miss it. Orders delivered more than
`PURCHASE_TO_DELIVERY_DAYS` after they were bought are not looked at: bounding
the purchase date keeps the query on the (account, purchase_date) index.

An order is left out, first reason that applies:
1. a review was already requested for it (one request per order, ever); or,
   while no credentials are configured, a dry run already recorded "would
   send" for it (once credentials are, that record no longer counts);
2. it is outside the window;
3. it has a return, an A-to-z claim or a chargeback (a case of that kind);
4. it was refunded (the order's or an item's status mentions "refund");
5. it already has feedback;
6. the buyer (same relay e-mail, when known) returned, or was refunded on,
   another order of the account;
7. none of its lines is known yet (an order the sync created before the order
   report brought its lines): the SKU rules cannot be checked;
8. a manager excluded one of its SKUs;
9. one of its SKUs was returned on more than `max_sku_return_rate` % of the
   orders containing it, purchased in the 90 days before the date (cancelled
   orders and lines not counted; a return counts against every SKU of the order,
   since a return case is per order);
10. solicitation is paused for the account.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case as SqlCase
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, When
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from feedback.kinds import FEEDBACK
from feedback.models import Feedback
from helpdesk.models import AmazonConnection, Case, Order, OrderItem, SellerAccount
from helpdesk.roles import Role
from helpdesk.selectors import scoped
from helpdesk.spapi.credentials import spapi_connected
from messaging.outbound.cap import cap_reason, contacts_by_order
from messaging.outbound.models import ContactCap

from .models import RequestState, SkuExclusion, SolicitationRequest, SolicitationSettings

# The returns and claims apps' kinds of case, by value: feedback does not import its sibling apps.
RETURN, ATOZ, CHARGEBACK = "return", "atoz", "chargeback"
NEAR_DAYS = 1
RETURN_RATE_DAYS = 90
PURCHASE_TO_DELIVERY_DAYS = 120
REFUND_MARKER = "refund"
CANCELLED = "cancelled"
SHIPPED = "Shipped"


@dataclass(frozen=True)
class Candidate:
    order: Order
    included: bool
    reason: str
    days_since_delivery: int
    delivered_on: date
    delivery_estimated: bool  # Amazon's latest delivery estimate stands in for the unknown delivery date


def solicitation_settings_for(account: SellerAccount) -> SolicitationSettings:
    """The account's settings; the defaults, unsaved, when it has none yet."""
    return SolicitationSettings.objects.filter(account=account).first() or SolicitationSettings(account=account)


def settings_and_connection_for(account: SellerAccount) -> tuple[SolicitationSettings, AmazonConnection]:
    """The account's settings and its Amazon connection (each the unsaved default when it has none), in one query."""
    row = SellerAccount.objects.select_related("solicitation_settings", "amazon_connection", "contact_cap").get(
        pk=account.pk
    )
    rules = getattr(row, "solicitation_settings", None) or SolicitationSettings(account=row)
    return rules, getattr(row, "amazon_connection", None) or AmazonConnection(account=row)


def active_account_ids() -> list[int]:
    """Accounts whose solicitation is not paused (no settings row: the defaults, not paused)."""
    return list(
        SellerAccount.objects.exclude(solicitation_settings__paused=True).order_by("id").values_list("id", flat=True)
    )


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


def _has_case(kind: str) -> Exists:
    return Exists(Case.objects.filter(order=OuterRef("pk"), kind=kind))


def _refunded() -> Q:
    """The order, or one of its items, says refunded."""
    return Q(status__icontains=REFUND_MARKER) | Exists(
        OrderItem.objects.filter(order=OuterRef("pk"), item_status__icontains=REFUND_MARKER)
    )


def order_has_feedback() -> Expression:
    """Exists(feedback on the outer order): a feedback case, or a `feedback.Feedback` row
    (matched by order id too, for feedback imported before its order)."""
    feedback = Feedback.objects.filter(account_id=OuterRef("account_id"), amazon_order_id=OuterRef("amazon_order_id"))
    return _has_case(FEEDBACK) | Exists(feedback)


def _buyer_orders() -> QuerySet[Order]:
    """The buyer's other orders on the same account, by relay e-mail (unknown e-mail: none)."""
    return (
        Order.objects.filter(account_id=OuterRef("account_id"), buyer_email=OuterRef("buyer_email"))
        .exclude(buyer_email="")
        .exclude(pk=OuterRef("pk"))
    )


def _delivery() -> Coalesce:
    """When the order was delivered; for a shipped order not known to be delivered, Amazon's latest estimate."""
    return Coalesce("delivered_at", SqlCase(When(status=SHIPPED, then="estimated_delivery_date")))


def _orders_near_window(account: SellerAccount, rules: SolicitationSettings, on_date: date) -> list[Order]:
    tz = account.tzinfo
    earliest = _midnight(on_date - timedelta(days=rules.window_end_days + NEAR_DAYS), tz)
    latest = _midnight(on_date - timedelta(days=max(rules.window_start_days - NEAR_DAYS, 0)) + timedelta(days=1), tz)
    bought_in_time = Q(
        purchase_date__gte=earliest - timedelta(days=PURCHASE_TO_DELIVERY_DAYS), purchase_date__lt=latest
    )
    return list(
        Order.objects.filter(bought_in_time | Q(purchase_date__isnull=True), account=account)
        .annotate(delivery=_delivery())
        .filter(delivery__gte=earliest, delivery__lt=latest)
        .annotate(
            has_return=_has_case(RETURN),
            has_atoz=_has_case(ATOZ),
            has_chargeback=_has_case(CHARGEBACK),
            is_refunded=_refunded(),
            has_feedback=order_has_feedback(),
            buyer_returned=Subquery(_buyer_orders().filter(_has_case(RETURN)).values("amazon_order_id")[:1]),
            buyer_refunded=Subquery(_buyer_orders().filter(_refunded()).values("amazon_order_id")[:1]),
        )
        .prefetch_related(Prefetch("items", queryset=OrderItem.objects.order_by("sku")))
        .order_by("delivery", "id")
    )


def sku_return_rates(*, account: SellerAccount, skus: set[str], on_date: date) -> dict[str, Decimal]:
    """% of the orders containing each SKU, purchased in the 90 days up to `on_date`, that have a return."""
    tz = account.tzinfo
    rows = (
        OrderItem.objects.filter(
            order__account=account,
            sku__in=skus,
            order__purchase_date__gte=_midnight(on_date - timedelta(days=RETURN_RATE_DAYS), tz),
            order__purchase_date__lt=_midnight(on_date + timedelta(days=1), tz),
        )
        .exclude(order__status__iexact=CANCELLED)
        .exclude(item_status__iexact=CANCELLED)
        .values("sku")
        .annotate(
            orders=Count("order", distinct=True),
            returned=Count(
                "order",
                distinct=True,
                filter=Q(Exists(Case.objects.filter(order=OuterRef("order"), kind=RETURN))),
            ),
        )
    )
    return {row["sku"]: Decimal(row["returned"] * 100) / row["orders"] for row in rows}


def _pct(value: Decimal) -> str:
    return f"{value:.1f}".removesuffix(".0") + "%"


def _who(user: AbstractBaseUser | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else "a former user"


def _day(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{local.day} {local:%b %Y}"


def _reason_out(
    order: Order,
    *,
    days: int,
    delivery: str,
    tz: ZoneInfo,
    rules: SolicitationSettings,
    live: bool,
    requested: SolicitationRequest | None,
    dry_run: SolicitationRequest | None,
    exclusions: dict[str, SkuExclusion],
    rates: dict[str, Decimal],
) -> str:
    if requested is not None:
        return f"already requested on {_day(requested.requested_at, tz)} ({requested.get_state_display().lower()})"
    if dry_run is not None and not live:
        return (
            f"dry run recorded “would send” on {_day(dry_run.requested_at, tz)}, nothing reached Amazon: "
            "asked for real once SP-API credentials are configured"
        )
    if days < rules.window_start_days:
        return f"{delivery} {days} days ago: too early (asks from day {rules.window_start_days})"
    if days > rules.window_end_days:
        return f"{delivery} {days} days ago: too late (asks until day {rules.window_end_days})"
    if order.has_return:
        return "has a return"
    if order.has_atoz:
        return "has an A-to-z claim"
    if order.has_chargeback:
        return "has a chargeback"
    if order.is_refunded:
        return "refunded"
    if order.has_feedback:
        return "already has feedback"
    if order.buyer_returned:
        return f"buyer returned another order ({order.buyer_returned})"
    if order.buyer_refunded:
        return f"buyer was refunded on another order ({order.buyer_refunded})"
    skus = [item.sku for item in order.items.all()]
    if not skus:
        return "no order lines imported yet: the SKU rules cannot be checked"
    for sku in skus:
        if sku in exclusions:
            exclusion = exclusions[sku]
            note = f": {exclusion.reason}" if exclusion.reason else ""
            return f"SKU {sku} excluded by {_who(exclusion.excluded_by)}{note}"
    for sku in skus:
        rate = rates.get(sku)
        if rate is not None and rate > rules.max_sku_return_rate:
            return f"SKU {sku} returns {_pct(rate)} > {_pct(rules.max_sku_return_rate)}"
    if rules.paused:
        return "solicitation paused"
    return ""


def _reason_in(
    *, days: int, delivery: str, tz: ZoneInfo, rules: SolicitationSettings, dry_run: SolicitationRequest | None
) -> str:
    reason = f"{delivery} {days} days ago: in the {rules.window_start_days}-{rules.window_end_days} day window"
    if dry_run is not None:
        reason += f" (a dry run on {_day(dry_run.requested_at, tz)} sent nothing)"
    return reason


def solicitation_candidates(*, account: SellerAccount, on_date: date) -> list[Candidate]:
    """Every order delivered (or, shipped, expected by Amazon's latest estimate) in the window on `on_date`,
    or one day either side of it, with why it is in or out.

    A fixed number of queries, whatever the number of orders.
    """
    rules, connection = settings_and_connection_for(account)
    live = spapi_connected(connection)  # else a dry run: requests record "would send"
    orders = _orders_near_window(account, rules, on_date)
    if not orders:
        return []
    tz = account.tzinfo
    skus = {item.sku for order in orders for item in order.items.all()}
    rates = sku_return_rates(account=account, skus=skus, on_date=on_date)
    exclusions = {
        e.sku: e for e in SkuExclusion.objects.filter(account=account, sku__in=skus).select_related("excluded_by")
    }
    requested, dry_runs = {}, {}
    for request in SolicitationRequest.objects.filter(order__in=orders):
        (dry_runs if request.state == RequestState.WOULD_SEND else requested)[request.order_id] = request
    # The cap on messages the buyer did not ask for: a live review request is one of them.
    cap = getattr(rules.account, "contact_cap", None) or ContactCap(account=account)
    contacts = (
        contacts_by_order(account=account, amazon_order_ids=[order.amazon_order_id for order in orders]) if live else {}
    )
    now = datetime.now(tz=tz)
    candidates = []
    for order in orders:
        delivered_on = order.delivery.astimezone(tz).date()
        estimated = order.delivered_at is None
        days = (on_date - delivered_on).days
        context = {"days": days, "delivery": "expected" if estimated else "delivered", "tz": tz, "rules": rules}
        reason = _reason_out(
            order,
            **context,
            live=live,
            requested=requested.get(order.pk),
            dry_run=dry_runs.get(order.pk),
            exclusions=exclusions,
            rates=rates,
        )
        if not reason and live:
            capped = cap_reason(
                cap=cap, sent=contacts.get(order.amazon_order_id, []), amazon_order_id=order.amazon_order_id, now=now
            )
            reason = f"contact cap: {capped}" if capped else ""
        included = not reason
        if included:
            reason = _reason_in(**context, dry_run=dry_runs.get(order.pk))
        candidates.append(
            Candidate(
                order=order,
                included=included,
                reason=reason,
                days_since_delivery=days,
                delivered_on=delivered_on,
                delivery_estimated=estimated,
            )
        )
    return candidates


def would_send_recorded(*, order_id: int) -> bool:
    """Whether a dry run already recorded "would send" for the order."""
    return SolicitationRequest.objects.filter(order_id=order_id, state=RequestState.WOULD_SEND).exists()


# --- pages ----------------------------------------------------------------


def sku_exclusions_for(account: SellerAccount) -> QuerySet[SkuExclusion]:
    return account.solicitation_exclusions.select_related("excluded_by").order_by("sku")


def sku_exclusion_get(user: AbstractBaseUser, *, exclusion_id: int) -> SkuExclusion:
    return get_object_or_404(
        scoped(SkuExclusion.objects.select_related("account"), user, min_role=Role.MANAGER), id=exclusion_id
    )


def solicitation_requests_for(account: SellerAccount, *, state: str = "") -> QuerySet[SolicitationRequest]:
    requests = account.solicitation_requests.select_related("order", "created_by").order_by("-requested_at", "-id")
    return requests.filter(state=state) if state else requests


def queued_request_ids(account: SellerAccount) -> list[int]:
    return list(
        SolicitationRequest.objects.filter(account=account, state=RequestState.QUEUED)
        .order_by("id")
        .values_list("id", flat=True)
    )

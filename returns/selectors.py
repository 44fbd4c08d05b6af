"""Reads on returns. Every queryset a view touches is scoped to the user's accounts here."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from helpdesk.models import Case, Order, Role, SellerAccount
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.selectors import scoped
from messaging.models import Conversation
from messaging.outbound.selectors import latest_inbound_id
from messaging.parsing import is_relay_address

from .kinds import RETURN
from .models import (
    Grade,
    ReasonFigures,
    RestockingRule,
    Return,
    ReturnedUnit,
    ReturnSettings,
    ReturnStatus,
    ReturnWindowOverride,
    SkuFigures,
    SkuRecovery,
    UnitPhoto,
)
from .rules import (
    PolicyVerdict,
    RecoveryRates,
    RestockingAllowance,
    WindowOverride,
    policy_verdict,
    restocking_allowance,
)

WINDOWS = (30, 90, 365)
SKUS_SHOWN = 50
CHART_SKUS = 10
REASONS_SHOWN = 10


def settings_for(account: SellerAccount) -> ReturnSettings:
    """The account's return rules; the defaults, unsaved, when it has none yet."""
    return ReturnSettings.objects.filter(account=account).first() or ReturnSettings(account=account)


def return_get(user: AbstractBaseUser, *, return_id: int, min_role: str = Role.AGENT) -> Return:
    return get_object_or_404(
        scoped(Return.objects.select_related("account", "case__order"), user, min_role=min_role), id=return_id
    )


def unit_get(user: AbstractBaseUser, *, unit_id: int, min_role: str = Role.AGENT) -> ReturnedUnit:
    return get_object_or_404(
        scoped(ReturnedUnit.objects.select_related("ret__account", "ret__case", "item"), user, min_role=min_role),
        id=unit_id,
    )


def photo_get(user: AbstractBaseUser, *, photo_id: int) -> UnitPhoto:
    return get_object_or_404(scoped(UnitPhoto.objects.all(), user, field="unit__account_id"), id=photo_id)


def override_get(user: AbstractBaseUser, *, override_id: int) -> ReturnWindowOverride:
    return get_object_or_404(
        scoped(ReturnWindowOverride.objects.select_related("account"), user, min_role=Role.ADMIN), id=override_id
    )


def restocking_rule_get(user: AbstractBaseUser, *, rule_id: int) -> RestockingRule:
    return get_object_or_404(
        scoped(RestockingRule.objects.select_related("account"), user, min_role=Role.ADMIN), id=rule_id
    )


def sku_recovery_get(user: AbstractBaseUser, *, row_id: int) -> SkuRecovery:
    return get_object_or_404(
        scoped(SkuRecovery.objects.select_related("account"), user, min_role=Role.ADMIN), id=row_id
    )


def return_for_case(case: Case) -> Return | None:
    return (
        Return.objects.select_related(
            "account", "decision__decided_by", "decision__reply", "refund__refunded_by", "notice_mail"
        )
        .defer("notice_mail__raw")
        .filter(case=case)
        .first()
    )


def order_for(ret: Return) -> Order | None:
    """The order the return is about, when it is held."""
    if ret.case_id and ret.case.order_id:
        return ret.case.order
    return Order.objects.filter(account_id=ret.account_id, amazon_order_id=ret.amazon_order_id).first()


# --- the buyer -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuyerTarget:
    """Where a message about the return goes: the buyer's relay address, and the order's conversation
    with them when there is one (its newest buyer message is what the agent saw)."""

    address: str
    conversation: Conversation | None
    seen_message_id: int


def buyer_target(ret: Return, order: Order | None) -> BuyerTarget:
    """The order's latest conversation with a relay address, else the order's buyer e-mail if it is one."""
    conversation = (
        Conversation.objects.filter(account_id=ret.account_id, amazon_order_id=ret.amazon_order_id)
        .select_related("case")
        .order_by("-last_message_at", "-id")
        .first()
    )
    if conversation is not None and is_relay_address(conversation.buyer_email):
        return BuyerTarget(conversation.buyer_email, conversation, latest_inbound_id(conversation))
    address = order.buyer_email if order is not None and is_relay_address(order.buyer_email) else ""
    return BuyerTarget(address, conversation, 0)


# --- the in-policy check and the restocking fee --------------------------------------------------


def window_overrides(account: SellerAccount) -> list[WindowOverride]:
    return [
        WindowOverride(o.label, o.delivered_from, o.delivered_to, o.returnable_until)
        for o in ReturnWindowOverride.objects.filter(account=account)
    ]


def delivery_of(order: Order | None, account: SellerAccount) -> tuple[date | None, bool]:
    """(the delivery day in the account's timezone, whether it is only Amazon's latest estimate)."""
    if order is None:
        return None, False
    if order.delivered_at:
        return timezone.localtime(order.delivered_at, account.tzinfo).date(), False
    if order.estimated_delivery_date:
        return timezone.localtime(order.estimated_delivery_date, account.tzinfo).date(), True
    return None, False


def verdict_for(ret: Return, order: Order | None, items: list) -> PolicyVerdict:
    rules = settings_for(ret.account)
    delivered_on, estimated = delivery_of(order, ret.account)
    flags = [item.in_policy for item in items if item.in_policy is not None]
    return policy_verdict(
        requested_on=timezone.localtime(ret.requested_at, ret.account.tzinfo).date(),
        delivered_on=delivered_on,
        delivery_estimated=estimated,
        window_days=rules.window_days,
        overrides=window_overrides(ret.account),
        amazon_in_policy=all(flags) if flags else None,
    )


def restocking_for(ret: Return, items: list, units: list[ReturnedUnit]) -> RestockingAllowance:
    rules = settings_for(ret.account)
    categories = {item.category for item in items if item.category}
    limits = list(
        RestockingRule.objects.filter(account_id=ret.account_id, category__in=categories).values_list(
            "max_percent", flat=True
        )
    )
    return restocking_allowance(
        reasons=[item.reason for item in items],
        grades=[unit.grade for unit in units if unit.grade] if all(u.grade for u in units) else [],
        mismatched=any(unit.mismatched for unit in units),
        category_limits=limits,
        default_limit=rules.restocking_max_percent,
    )


# --- recovery rules --------------------------------------------------------------------------------


def recovery_rates(account: SellerAccount, skus: set[str]) -> dict[str, RecoveryRates]:
    """Each SKU's recovery rules: the account's, with the SKU's own exceptions (two queries)."""
    rules = settings_for(account)
    exceptions = {row.sku: row for row in SkuRecovery.objects.filter(account=account, sku__in=skus)}
    rates = {}
    for sku in skus:
        own = exceptions.get(sku)

        def pick(name: str, default: Decimal, own=own) -> Decimal:
            value = getattr(own, name) if own is not None else None
            return default if value is None else value

        oversize = own.oversize if own is not None else False
        rates[sku] = RecoveryRates(
            shares={
                Grade.NEW: pick("share_new", rules.share_new),
                Grade.REWORK: pick("share_rework", rules.share_rework),
                Grade.USED: pick("share_used", rules.share_used),
                Grade.NOT_RESELLABLE: pick("share_not_resellable", rules.share_not_resellable),
            },
            oversize=oversize,
            fee_return=rules.fee_return_oversize if oversize else rules.fee_return_standard,
            fee_disposal=rules.fee_disposal_oversize if oversize else rules.fee_disposal_standard,
            referral_rate=pick("referral_rate", rules.referral_rate),
            referral_refund_share=rules.referral_refund_share,
            referral_refund_cap=rules.referral_refund_cap,
        )
    return rates


# --- the managers' returns page ------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    sold_units: int
    returned_units: int
    returned_value: Decimal
    graded_units: int
    graded_value: Decimal
    recovered: Decimal
    write_offs: int
    fees: Decimal
    referral_refund: Decimal
    cost: Decimal

    @property
    def return_rate(self) -> Decimal | None:
        return Decimal(100) * self.returned_units / self.sold_units if self.sold_units else None

    @property
    def recovery_rate(self) -> Decimal | None:
        return Decimal(100) * self.recovered / self.graded_value if self.graded_value else None


@dataclass(frozen=True)
class ReturnsOverview:
    account: SellerAccount
    days: int
    skus: list[SkuFigures]
    sku_count: int
    totals: Totals
    reasons: list[ReasonFigures]
    refreshed_at: datetime | None
    awaiting_decision: int
    awaiting_grading: int


def returns_overview(*, account: SellerAccount, days: int) -> ReturnsOverview:
    """The page's figures for one account and window, in five queries whatever the volume: the
    costliest SKUs, their totals, the top reasons (all read from the figures workers keep), the
    settings row (when they were refreshed), and the work waiting."""
    figures = SkuFigures.objects.filter(account=account, days=days)
    sums = figures.aggregate(
        skus=Count("id"),
        sold_units=Sum("sold_units"),
        returned_units=Sum("returned_units"),
        returned_value=Sum("returned_value"),
        graded_units=Sum("graded_units"),
        graded_value=Sum("graded_value"),
        recovered=Sum("recovered"),
        write_offs=Sum("write_offs"),
        fees=Sum("fees"),
        referral_refund=Sum("referral_refund"),
        cost=Sum("cost"),
    )
    sku_count = sums.pop("skus")
    totals = Totals(**{name: value or 0 for name, value in sums.items()})
    awaiting_decision = Return.objects.filter(account=account, status=ReturnStatus.REQUESTED).count()
    ungraded = ReturnedUnit.objects.filter(account=account, grade="").count()
    return ReturnsOverview(
        account=account,
        days=days,
        skus=list(figures.order_by("-cost", "sku")[:SKUS_SHOWN]),
        sku_count=sku_count,
        totals=totals,
        reasons=list(
            ReasonFigures.objects.filter(account=account, days=days).order_by("-units", "reason")[:REASONS_SHOWN]
        ),
        refreshed_at=settings_for(account).figures_refreshed_at,
        awaiting_decision=awaiting_decision,
        awaiting_grading=ungraded,
    )


def sku_figures_rows(*, account: SellerAccount, days: int) -> QuerySet[SkuFigures]:
    """Every SKU's figures for the export, costliest first."""
    return SkuFigures.objects.filter(account=account, days=days).order_by("-cost", "sku")


@dataclass(frozen=True)
class SkuDetail:
    account: SellerAccount
    sku: str
    windows: list[SkuFigures]
    units: list[ReturnedUnit]


SKU_UNITS_SHOWN = 100


def sku_detail(*, account: SellerAccount, sku: str) -> SkuDetail:
    """One SKU's figures in each window and its latest returned units, with their returns."""
    found = {f.days: f for f in SkuFigures.objects.filter(account=account, sku=sku)}
    windows = [found.get(days) or SkuFigures(account=account, days=days, sku=sku) for days in WINDOWS]
    units = list(
        ReturnedUnit.objects.filter(account=account, sku=sku)
        .select_related("ret", "item")
        .order_by("-received_on", "-id")[:SKU_UNITS_SHOWN]
    )
    return SkuDetail(account=account, sku=sku, windows=windows, units=units)


EXPORT_HEADER = [
    "SKU",
    "Product",
    "Window (days)",
    "Units sold",
    "Units returned",
    "Return rate (%)",
    "Returned value",
    "Units graded",
    "Graded value",
    "Recovered",
    "Recovery rate (%)",
    "Write-offs",
    "Mismatched units",
    "FBA fees",
    "Referral fee refund",
    "Seller-paid labels",
    "Cost of returns",
]


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}"


def export_rows(*, account: SellerAccount, days: int) -> Iterator[list[str]]:
    """The header, then one row per SKU, costliest first, read in chunks."""
    yield EXPORT_HEADER
    for f in sku_figures_rows(account=account, days=days).iterator(chunk_size=2000):
        yield [
            f.sku,
            f.title,
            str(f.days),
            str(f.sold_units),
            str(f.returned_units),
            _pct(f.return_rate),
            str(f.returned_value),
            str(f.graded_units),
            str(f.graded_value),
            str(f.recovered),
            _pct(f.recovery_rate),
            str(f.write_offs),
            str(f.mismatched),
            str(f.fees),
            str(f.referral_refund),
            str(f.label_cost),
            str(f.cost),
        ]


# --- the managers' dashboard -----------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardFigures:
    awaiting_decision: int
    breached: int
    awaiting_grading: int
    totals: Totals | None


def dashboard_figures(account: SellerAccount) -> DashboardFigures:
    overview = returns_overview(account=account, days=WINDOWS[0])
    breached = Case.objects.filter(
        account=account, kind=RETURN, status__in=ACTIVE_STATUSES, next_due_at__lt=timezone.now()
    ).count()
    return DashboardFigures(
        awaiting_decision=overview.awaiting_decision,
        breached=breached,
        awaiting_grading=overview.awaiting_grading,
        totals=overview.totals if overview.sku_count else None,
    )

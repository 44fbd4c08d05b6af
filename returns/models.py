"""Returns: the request and the seller's decision, what comes back and how it is graded, the
refund, each account's return rules, and the per-SKU figures the managers' page reads.

A seller-fulfilled (MFN) return hangs off one `helpdesk.Case` of kind `return`; a return
Amazon handled for an FBA order has no case (Amazon authorises those) but is graded and
counted like the others.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from helpdesk.models import Case, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE, order_id_validator
from messaging.models import InboundMail
from messaging.outbound.models import Reply

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
MONEY = {"max_digits": 12, "decimal_places": 2}


class Channel(models.TextChoices):
    MFN = "MFN", "Seller-fulfilled"
    AFN = "AFN", "Fulfilled by Amazon (FBA)"


class ReturnStatus(models.TextChoices):
    REQUESTED = "requested", "Awaiting the seller's decision"
    AUTHORISED = "authorised", "Authorised, on its way back"
    RECEIVED = "received", "Received"
    REFUNDED = "refunded", "Refunded"
    CLOSED = "closed", "Closed"


RETURN_TRANSITIONS: dict[str, frozenset[str]] = {
    ReturnStatus.REQUESTED: frozenset(
        {ReturnStatus.AUTHORISED, ReturnStatus.RECEIVED, ReturnStatus.REFUNDED, ReturnStatus.CLOSED}
    ),
    ReturnStatus.AUTHORISED: frozenset({ReturnStatus.RECEIVED, ReturnStatus.REFUNDED, ReturnStatus.CLOSED}),
    ReturnStatus.RECEIVED: frozenset({ReturnStatus.REFUNDED, ReturnStatus.CLOSED}),
    ReturnStatus.REFUNDED: frozenset(),
    ReturnStatus.CLOSED: frozenset(),
}
FINAL_RETURN_STATUSES = frozenset({ReturnStatus.REFUNDED, ReturnStatus.CLOSED})


class Return(models.Model):
    """One return as Amazon identifies it: an order and its Amazon RMA id (MFN), or a returned
    licence plate of an FBA order. The columns of Amazon's reports are kept as they came."""

    # Indexed by the unique constraint below (account first), as every foreign key here whose column
    # leads another index: an import writes hundreds of thousands of rows, each index costs.
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="returns", db_index=False)
    case = models.OneToOneField(Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="return_request")
    channel = models.CharField(max_length=3, choices=Channel.choices)
    amazon_order_id = models.CharField(max_length=19, validators=[order_id_validator])
    # What makes the return unique within its order: the Amazon RMA id; "mail:<id>" for a request known only
    # from its notice mail (until a report brings its RMA id); "fba:<licence plate>" for an FBA return.
    key = models.CharField(max_length=80)
    rma_id = models.CharField("Amazon RMA id", max_length=40, blank=True)
    merchant_rma_id = models.CharField("merchant RMA id", max_length=60, blank=True)
    status = models.CharField(max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED)
    amazon_status = models.CharField(max_length=60, blank=True, help_text="The request's status as Amazon reports it.")
    requested_at = models.DateTimeField()
    requested_time_known = models.BooleanField(
        default=True, help_text="False when Amazon gave only the day: the request is dated at the day's start."
    )
    order_date = models.DateField(null=True, blank=True)
    label_type = models.CharField(max_length=40, blank=True)
    label_cost = models.DecimalField(**MONEY, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    return_carrier = models.CharField(max_length=60, blank=True)
    tracking_id = models.CharField(max_length=60, blank=True)
    label_paid_by = models.CharField(max_length=20, blank=True)
    a_to_z_claim = models.BooleanField(default=False)
    is_prime = models.BooleanField(default=False)
    return_type = models.CharField(max_length=40, blank=True)
    invoice_number = models.CharField(max_length=60, blank=True)
    order_amount = models.DecimalField(**MONEY, null=True, blank=True)
    order_quantity = models.PositiveIntegerField(null=True, blank=True)
    refunded_amount = models.DecimalField(**MONEY, null=True, blank=True)
    safet_claim_id = models.CharField(max_length=40, blank=True)
    safet_reason = models.CharField(max_length=200, blank=True)
    safet_state = models.CharField(max_length=40, blank=True)
    # FBA's customer returns report.
    fulfillment_center = models.CharField(max_length=10, blank=True)
    license_plate = models.CharField(max_length=40, blank=True)
    disposition = models.CharField(max_length=40, blank=True, help_text="FBA's detailed disposition of the unit.")
    fba_status = models.CharField(max_length=60, blank=True)
    customer_comments = models.TextField(blank=True)
    notice_mail = models.ForeignKey(
        InboundMail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        help_text="Amazon's notice.",
    )
    # Who returned it, to recognise the same buyer on other returns (helpdesk.buyers keys): filled from the
    # order when it is held, and from the parcel's return address once it arrives.
    buyer_name = models.CharField(max_length=200, blank=True)
    email_key = models.CharField(max_length=300, blank=True)
    name_key = models.CharField(max_length=300, blank=True)
    address_key = models.CharField(max_length=400, blank=True)
    buyer_known = models.BooleanField(default=False, help_text="The order was held when the buyer keys were set.")
    sender_address = models.TextField(blank=True, help_text="The return address on the parcel that came back.")
    sender_postal_code = models.CharField(max_length=20, blank=True)
    sender_country = models.CharField(max_length=2, blank=True)
    buyer_purged_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the retention purge removed who returned it (name, keys, return address) and their words.",
    )
    received_on = models.DateField(null=True, blank=True, help_text="When the parcel reached the seller or FBA.")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["account", "amazon_order_id", "key"], name="return_unique_amazon_ids"),
            models.CheckConstraint(condition=models.Q(amazon_order_id__regex=ORDER_ID_RE), name="return_order_id"),
            models.CheckConstraint(
                condition=models.Q(channel="AFN", case__isnull=True) | models.Q(channel="MFN"),
                name="return_fba_has_no_case",
            ),
        ]
        indexes = [
            models.Index(fields=["account", "requested_at"], name="return_account_requested"),
            models.Index(
                fields=["account", "requested_at"],
                condition=models.Q(status="requested"),
                name="return_awaiting_decision",
            ),
            # The buyer keys are blank until the worker takes them from the order: only the others are indexed.
            models.Index(fields=["account", "email_key"], condition=~models.Q(email_key=""), name="return_email_key"),
            models.Index(fields=["account", "name_key"], condition=~models.Q(name_key=""), name="return_name_key"),
            models.Index(
                fields=["account", "address_key"], condition=~models.Q(address_key=""), name="return_address_key"
            ),
            models.Index(
                fields=["notice_mail"], condition=models.Q(notice_mail__isnull=False), name="return_notice_mail"
            ),
            models.Index(fields=["account", "id"], condition=models.Q(buyer_known=False), name="return_buyer_unknown"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} return {self.rma_id or self.key} · {self.amazon_order_id}"

    @property
    def is_fba(self) -> bool:
        return self.channel == Channel.AFN

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_RETURN_STATUSES

    @property
    def seller_pays_label(self) -> bool:
        return self.label_paid_by.lower() == "seller"


class ReturnItem(models.Model):
    """One SKU of a return, with Amazon's reason and in-policy flag."""

    # Both indexed by the constraint and the index below.
    ret = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="items", db_column="return_id", db_index=False
    )
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+", db_index=False)
    sku = models.CharField(max_length=80)
    asin = models.CharField(max_length=10, blank=True)
    title = models.CharField(max_length=500, blank=True)
    quantity = models.PositiveIntegerField(default=1)
    reason = models.CharField(max_length=80, blank=True, help_text="Amazon's reason code, e.g. AMZ-PG-BAD-DESC.")
    in_policy = models.BooleanField(null=True, blank=True, help_text="Amazon's own in-policy flag, where reported.")
    category = models.CharField(max_length=80, blank=True)
    refund_amount = models.DecimalField(**MONEY, null=True, blank=True)
    amazon_resolution = models.CharField(max_length=40, blank=True)
    unit_price = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="What one unit sold for: the order line, else the report."
    )

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["ret", "sku"], name="return_item_unique_sku")]
        indexes = [models.Index(fields=["account", "sku"], name="return_item_account_sku")]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"


class Grade(models.TextChoices):
    NEW = "new", "Resellable as new"
    REWORK = "rework", "Resellable as new after rework"
    USED = "used", "Resellable as used"
    NOT_RESELLABLE = "not_resellable", "Not resellable"


class Disposition(models.TextChoices):
    RESTOCK = "restock", "Restock"
    REWORK = "rework", "Rework (repack, new manual)"
    LIST_USED = "list_used", "List as used"
    SELL_ELSEWHERE = "sell_elsewhere", "Sell elsewhere"
    WRITE_OFF = "write_off", "Write off"


class GradedBy(models.TextChoices):
    SELLER = "seller", "Graded here"
    AMAZON = "amazon", "FBA's disposition"


class ReturnedUnit(models.Model):
    """One unit that came back, to be graded. Its grade decides what becomes of it."""

    ret = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="units", db_column="return_id")
    # Both indexed by the constraint and the index below.
    item = models.ForeignKey(ReturnItem, on_delete=models.CASCADE, related_name="units", db_index=False)
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+", db_index=False)
    sku = models.CharField(max_length=80)
    number = models.PositiveIntegerField(help_text="1, 2, … within its item.")
    received_on = models.DateField()
    grade = models.CharField(max_length=16, choices=Grade.choices, blank=True)
    disposition = models.CharField(max_length=16, choices=Disposition.choices, blank=True)
    mismatched = models.BooleanField(
        default=False, help_text="Its serial number or warranty label is not the one shipped: a false return."
    )
    shipped_serial = models.CharField(max_length=100, blank=True)
    returned_serial = models.CharField(max_length=100, blank=True)
    note = models.TextField(blank=True)
    graded_by = models.CharField(max_length=10, choices=GradedBy.choices, blank=True)
    grader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="returned_unit_unique_number"),
            models.CheckConstraint(
                condition=models.Q(grade="", disposition="") | (~models.Q(grade="") & ~models.Q(disposition="")),
                name="returned_unit_graded_with_disposition",
            ),
        ]
        indexes = [
            models.Index(fields=["account", "sku"], name="returned_unit_account_sku"),
            models.Index(fields=["account", "id"], condition=models.Q(grade=""), name="returned_unit_ungraded"),
            models.Index(
                fields=["account", "id"], condition=models.Q(mismatched=True), name="returned_unit_mismatched"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku} #{self.number} of {self.ret_id}"

    @property
    def is_graded(self) -> bool:
        return bool(self.grade)


PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTOS_PER_UNIT = 6


class UnitPhoto(models.Model):
    """A photo of a graded unit: the seller's proof. Kept in the database, served only as a download."""

    unit = models.ForeignKey(ReturnedUnit, on_delete=models.CASCADE, related_name="photos")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(size__lte=PHOTO_MAX_BYTES), name="unit_photo_size_limit"),
        ]

    def __str__(self) -> str:
        return self.filename


class DecisionKind(models.TextChoices):
    AUTHORISE = "authorise", "Authorise the return"
    CLOSE = "close", "Close the request"
    RETURNLESS = "returnless", "Refund without return"


class LabelChoice(models.TextChoices):
    AMAZON_PREPAID = "amazon_prepaid", "Prepaid Amazon return label"
    SELLER_LABEL = "seller_label", "The seller's own prepaid label"
    BUYER_PAYS = "buyer_pays", "The buyer pays the return postage"


class CloseReason(models.TextChoices):
    """Reasons Amazon accepts for closing a return request without authorising it."""

    OUTSIDE_WINDOW = "outside_window", "Requested outside the return window"
    NOT_RETURNABLE = "not_returnable", "The item is not returnable (category or hygiene rules)"
    BUYER_CANCELLED = "buyer_cancelled", "The buyer withdrew the request"
    RESOLVED = "resolved", "Resolved with the buyer (replacement, part sent, technical help)"
    ALREADY_REFUNDED = "already_refunded", "Already refunded"


class DecisionSource(models.TextChoices):
    AGENT = "agent", "Decided here"
    AMAZON = "amazon", "Decided in Seller Central (from the returns report)"


class ReturnDecision(models.Model):
    """The seller's answer to a return request, and the message that told the buyer."""

    ret = models.OneToOneField(Return, on_delete=models.CASCADE, related_name="decision", db_column="return_id")
    kind = models.CharField(max_length=12, choices=DecisionKind.choices)
    label = models.CharField(max_length=16, choices=LabelChoice.choices, blank=True)
    close_reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    message = models.TextField(blank=True)
    reply = models.ForeignKey(Reply, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source = models.CharField(max_length=8, choices=DecisionSource.choices, default=DecisionSource.AGENT)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="authorise") | ~models.Q(label="") | models.Q(source="amazon"),
                name="return_decision_authorise_has_label",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="close") | ~models.Q(close_reason="") | models.Q(source="amazon"),
                name="return_decision_close_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.ret_id}"


class ReturnRefund(models.Model):
    """The refund of a return, with any restocking fee kept back and why."""

    ret = models.OneToOneField(Return, on_delete=models.CASCADE, related_name="refund", db_column="return_id")
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal(0))])
    restocking_fee = models.DecimalField(**MONEY, default=Decimal(0), validators=[MinValueValidator(Decimal(0))])
    restocking_reason = models.TextField(blank=True)
    source = models.CharField(max_length=8, choices=DecisionSource.choices, default=DecisionSource.AGENT)
    refunded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    refunded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(restocking_fee=0) | ~models.Q(restocking_reason=""),
                name="return_refund_fee_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} · {self.ret_id}"


# --- each account's rules (admin-editable) --------------------------------------------------


class ReturnSettings(models.Model):
    """An account's return window, the share of the sale price each grade recovers, the FBA
    fees and referral-fee refund of its marketplace (an account sells on one marketplace), and
    when a buyer's returns count as repeated."""

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="return_settings")
    window_days = models.PositiveSmallIntegerField(
        "return window (days from delivery)", default=30, validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    share_new = models.DecimalField(
        "recovery, resellable as new (%)", max_digits=5, decimal_places=2, default=Decimal(100), validators=PERCENT
    )
    share_rework = models.DecimalField(
        "recovery, after rework (%)", max_digits=5, decimal_places=2, default=Decimal(80), validators=PERCENT
    )
    share_used = models.DecimalField(
        "recovery, resellable as used (%)", max_digits=5, decimal_places=2, default=Decimal(50), validators=PERCENT
    )
    share_not_resellable = models.DecimalField(
        "recovery, not resellable (%)", max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    restocking_max_percent = models.DecimalField(
        "restocking fee, most for any category (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(50),
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text="Amazon allows up to 50 % for an item returned materially different from what was shipped.",
    )
    fee_return_standard = models.DecimalField("FBA return to seller, standard size", **MONEY, default=Decimal("0.50"))
    fee_return_oversize = models.DecimalField("FBA return to seller, oversize", **MONEY, default=Decimal("0.60"))
    fee_disposal_standard = models.DecimalField("FBA disposal, standard size", **MONEY, default=Decimal("0.15"))
    fee_disposal_oversize = models.DecimalField("FBA disposal, oversize", **MONEY, default=Decimal("0.30"))
    referral_rate = models.DecimalField(
        "referral fee (% of the sale price)", max_digits=5, decimal_places=2, default=Decimal(15), validators=PERCENT
    )
    referral_refund_share = models.DecimalField(
        "referral fee refunded on a refund (%)", max_digits=5, decimal_places=2, default=Decimal(80), validators=PERCENT
    )
    referral_refund_cap = models.DecimalField("referral fee refund, most per unit", **MONEY, default=Decimal("5.00"))
    risk_min_returns = models.PositiveSmallIntegerField(
        "repeated returns: from this many orders of one buyer in a year",
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
    )
    figures_refreshed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "return settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    share_new__gte=0,
                    share_new__lte=100,
                    share_rework__gte=0,
                    share_rework__lte=100,
                    share_used__gte=0,
                    share_used__lte=100,
                    share_not_resellable__gte=0,
                    share_not_resellable__lte=100,
                ),
                name="return_settings_shares_percent",
            ),
            models.CheckConstraint(
                condition=models.Q(restocking_max_percent__gte=0, restocking_max_percent__lte=50),
                name="return_settings_restocking_at_most_50",
            ),
        ]

    def __str__(self) -> str:
        return f"Return settings · {self.account}"


class ReturnWindowOverride(models.Model):
    """A longer return window for a season: items delivered between two dates may be returned until a
    later date (Amazon's holiday returns)."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="return_window_overrides")
    label = models.CharField(max_length=80)
    delivered_from = models.DateField()
    delivered_to = models.DateField()
    returnable_until = models.DateField()

    class Meta:
        ordering = ["-delivered_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(delivered_from__lte=models.F("delivered_to"))
                & models.Q(delivered_to__lte=models.F("returnable_until")),
                name="return_window_override_dates_in_order",
                violation_error_message="The dates must follow each other: delivered from ≤ to ≤ returnable until.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: delivered {self.delivered_from} – {self.delivered_to}, until {self.returnable_until}"


class RestockingRule(models.Model):
    """The most an account may keep back as a restocking fee in one product category."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="restocking_rules")
    category = models.CharField(max_length=80, help_text="As Amazon's returns report names it, e.g. Apparel.")
    max_percent = models.DecimalField(
        max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(50)]
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["category"]
        constraints = [
            models.UniqueConstraint(fields=["account", "category"], name="restocking_rule_unique_category"),
            models.CheckConstraint(
                condition=models.Q(max_percent__gte=0, max_percent__lte=50), name="restocking_rule_at_most_50"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: up to {self.max_percent} %"


class SkuRecovery(models.Model):
    """Per-SKU exceptions: its recovery share per grade, its referral fee, whether it is oversize."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="sku_recovery")
    sku = models.CharField(max_length=80)
    oversize = models.BooleanField(default=False)
    share_new = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT)
    share_rework = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT)
    share_used = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT)
    share_not_resellable = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT
    )
    referral_rate = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT)

    class Meta:
        ordering = ["sku"]
        verbose_name_plural = "SKU recovery"
        constraints = [models.UniqueConstraint(fields=["account", "sku"], name="sku_recovery_unique_sku")]

    def __str__(self) -> str:
        return f"{self.sku} · {self.account}"


# --- the managers' page reads these: refreshed by workers, never computed per request -------------


class SkuFigures(models.Model):
    """One SKU's returns over the last `days` days: sold, returned, graded, recovered, what they cost."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+")
    days = models.PositiveSmallIntegerField()
    sku = models.CharField(max_length=80)
    title = models.CharField(max_length=500, blank=True)
    sold_units = models.PositiveIntegerField(default=0)
    returns = models.PositiveIntegerField(default=0)
    returned_units = models.PositiveIntegerField(default=0)
    returned_value = models.DecimalField(**MONEY, default=Decimal(0))
    graded_units = models.PositiveIntegerField(default=0)
    graded_value = models.DecimalField(**MONEY, default=Decimal(0))
    recovered = models.DecimalField(**MONEY, default=Decimal(0))
    write_offs = models.PositiveIntegerField(default=0)
    mismatched = models.PositiveIntegerField(default=0)
    fees = models.DecimalField(**MONEY, default=Decimal(0))
    referral_refund = models.DecimalField(**MONEY, default=Decimal(0))
    label_cost = models.DecimalField(**MONEY, default=Decimal(0))
    cost = models.DecimalField(**MONEY, default=Decimal(0))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "days", "sku"], name="sku_figures_unique")]
        indexes = [
            models.Index("account", "days", models.F("cost").desc(), "sku", name="sku_figures_costliest"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} · {self.days} days"

    @property
    def return_rate(self) -> Decimal | None:
        return Decimal(100) * self.returned_units / self.sold_units if self.sold_units else None

    @property
    def recovery_rate(self) -> Decimal | None:
        return Decimal(100) * self.recovered / self.graded_value if self.graded_value else None


class ReasonFigures(models.Model):
    """Units returned for one reason over the last `days` days."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+")
    days = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=80)
    units = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "days", "reason"], name="reason_figures_unique")]

    def __str__(self) -> str:
        return f"{self.reason}: {self.units}"

"""A-to-z Guarantee claims and chargebacks: one `Claim` per case, the Amazon notices that
made and moved it, and the Finances events that recorded its money."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from helpdesk.models import Case, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE, order_id_validator
from messaging.models import InboundMail

from .kinds import ATOZ, CHARGEBACK


class ClaimKind(models.TextChoices):
    ATOZ = ATOZ, "A-to-z Guarantee claim"
    CHARGEBACK = CHARGEBACK, "Chargeback"


class ClaimSource(models.TextChoices):
    MAIL = "mail", "Amazon's notice mail"
    FINANCES = "finances", "Amazon's Finances API"


class Ground(models.TextChoices):
    """What the buyer (or the card holder) says went wrong."""

    NOT_RECEIVED = "not_received", "Item not received"
    NOT_AS_DESCRIBED = "not_as_described", "Not as described, damaged or defective"
    REFUND_NOT_MADE = "refund_not_made", "Promised refund not made"
    UNAUTHORISED = "unauthorised", "Transaction not authorised (payment fraud)"
    OTHER = "other", "Other or not stated"


class Liability(models.TextChoices):
    """Who answers for a chargeback: the seller for service, Amazon for payment fraud."""

    SERVICE = "service", "Service-related: the seller's liability"
    FRAUD = "fraud", "Payment fraud: Amazon's liability"
    UNKNOWN = "unknown", "Not stated"


class ClaimStatus(models.TextChoices):
    OPEN = "open", "Waiting for our answer"
    RESPONDED = "responded", "Answered: waiting for Amazon"
    REFUNDED = "refunded", "Refunded: waiting for Amazon"
    DECIDED = "decided", "Decided"
    APPEALED = "appealed", "Appealed: waiting for Amazon"


CLAIM_TRANSITIONS: dict[str, frozenset[str]] = {
    ClaimStatus.OPEN: frozenset({ClaimStatus.RESPONDED, ClaimStatus.REFUNDED, ClaimStatus.DECIDED}),
    # A request for more information puts an answered claim back on our side.
    ClaimStatus.RESPONDED: frozenset({ClaimStatus.OPEN, ClaimStatus.REFUNDED, ClaimStatus.DECIDED}),
    ClaimStatus.REFUNDED: frozenset({ClaimStatus.OPEN, ClaimStatus.DECIDED}),
    # A later decision replaces an earlier one (a chargeback debited weeks after it was won).
    ClaimStatus.DECIDED: frozenset({ClaimStatus.APPEALED, ClaimStatus.DECIDED}),
    ClaimStatus.APPEALED: frozenset({ClaimStatus.DECIDED}),
}
# Waiting for Amazon: the agent has nothing to answer.
WAITING_STATUSES = frozenset({ClaimStatus.RESPONDED, ClaimStatus.REFUNDED, ClaimStatus.APPEALED})


class Response(models.TextChoices):
    EVIDENCE = "evidence", "Responded with evidence"
    REPRESENT = "represent", "Represented"
    REFUND_FULL = "refund_full", "Refunded in full"
    REFUND_PARTIAL = "refund_partial", "Refunded in part"


class Outcome(models.TextChoices):
    PENDING = "pending", "Pending"
    GRANTED_AMAZON = "granted_amazon", "Granted, Amazon-funded"
    GRANTED_SELLER = "granted_seller", "Granted, charged to you"
    DENIED = "denied", "Decided in your favour"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Claim(models.Model):
    """One A-to-z claim or chargeback on one order, and everything done about it."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="claims")
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="claim")
    kind = models.CharField(max_length=12, choices=ClaimKind.choices)
    amazon_order_id = models.CharField(max_length=19, validators=[order_id_validator])
    source = models.CharField(max_length=10, choices=ClaimSource.choices, help_text="What told us of it first.")
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.OPEN)
    claimed_at = models.DateTimeField(help_text="When Amazon told us of it: the notice's date.")
    reason = models.CharField(max_length=300, blank=True, help_text="The reason as Amazon's notice words it.")
    ground = models.CharField(max_length=20, choices=Ground.choices, default=Ground.OTHER)
    liability = models.CharField(max_length=10, choices=Liability.choices, default=Liability.UNKNOWN)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    notice_address = models.CharField(
        max_length=300, blank=True, help_text="The shipping address as the notice gives it."
    )
    statement = models.TextField(blank=True, help_text="The statement for Seller Central's response form.")
    response = models.CharField(max_length=16, choices=Response.choices, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    refund_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.PENDING)
    outcome_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    debited = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="What Amazon's Finances events took from the seller, net (fees given back counted).",
    )
    appealed_at = models.DateTimeField(null=True, blank=True)
    appeal_note = models.TextField(blank=True)
    carrier_delivered_at = models.DateTimeField(
        null=True, blank=True, help_text="Delivery as the carrier's tracking shows it, recorded by an agent."
    )
    signed_by = models.CharField(max_length=120, blank=True, help_text="Who signed for the parcel, per the carrier.")
    follow_up_started_at = models.DateTimeField(null=True, blank=True, help_text="The no-show playbook began.")
    shipping_purged_at = models.DateTimeField(
        null=True, blank=True, help_text="When the retention purge removed the address and the signature."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-claimed_at", "-id"]
        constraints = [
            # A notice, a reminder and a Finances event about the same claim make one claim.
            models.UniqueConstraint(fields=["account", "kind", "amazon_order_id"], name="claim_unique_order_kind"),
            models.CheckConstraint(condition=models.Q(amazon_order_id__regex=ORDER_ID_RE), name="claim_order_id"),
        ]
        indexes = [models.Index(fields=["account", "claimed_at"], name="claim_account_claimed")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amazon_order_id}"

    @property
    def is_atoz(self) -> bool:
        return self.kind == ClaimKind.ATOZ

    @property
    def is_decided(self) -> bool:
        return self.outcome != Outcome.PENDING

    @property
    def charged_to_seller(self) -> bool:
        return self.outcome == Outcome.GRANTED_SELLER


class NoticeWhat(models.TextChoices):
    NEW = "new", "New claim"
    REMINDER = "reminder", "Reminder of an open claim"
    INFORMATION = "information", "Request for more information"
    DECISION = "decision", "Decision"


class ClaimNotice(models.Model):
    """One Amazon notice mail about a claim, and what was read from it."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notices")
    mail = models.OneToOneField(InboundMail, on_delete=models.CASCADE, related_name="claim_notice")
    what = models.CharField(max_length=12, choices=NoticeWhat.choices)
    sent_at = models.DateTimeField(help_text="The notice's date.")
    subject = models.CharField(max_length=300, blank=True)
    facts = models.JSONField(default=dict, blank=True, help_text="What was read from it: amount, reason, deadline, …")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_what_display()} {self.sent_at:%Y-%m-%d}"


class FinancesList(models.TextChoices):
    """The lists of `listFinancialEvents` this app reads."""

    GUARANTEE_CLAIM = "GuaranteeClaimEventList", "A-to-z Guarantee claim"
    CHARGEBACK = "ChargebackEventList", "Chargeback"


class FinancesEvent(models.Model):
    """One guarantee-claim or chargeback event from Amazon's Finances API, stored as Amazon sent it
    before it is applied to its claim. Amazon gives these events no id: `key` is a hash of the event."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="finances_events")
    event_list = models.CharField(max_length=32, choices=FinancesList.choices)
    key = models.CharField(max_length=64)
    raw = models.JSONField()
    amazon_order_id = models.CharField(max_length=19, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    charged = models.DecimalField(max_digits=12, decimal_places=2, help_text="Charge adjustments: negative is taken.")
    fees = models.DecimalField(max_digits=12, decimal_places=2, help_text="Fee adjustments: positive is given back.")
    currency = models.CharField(max_length=3, blank=True)
    claim = models.ForeignKey(Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="finances_events")
    applied_at = models.DateTimeField(null=True, blank=True)
    problem = models.CharField(max_length=300, blank=True, help_text="Why it could not be applied to a claim.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["posted_at", "id"]
        constraints = [models.UniqueConstraint(fields=["account", "key"], name="finances_event_unique")]
        indexes = [
            models.Index(
                fields=["account", "id"], condition=models.Q(applied_at__isnull=True), name="finances_unapplied"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_event_list_display()} {self.amazon_order_id} {self.posted_at:%Y-%m-%d}"

    @property
    def net(self):
        return self.charged + self.fees


class FinancesSyncState(models.TextChoices):
    NEVER = "", "Never run"
    OK = "ok", "Synced"
    RETRYING = "retrying", "Amazon unavailable, retrying"
    AUTH_FAILED = "auth_failed", "Authorization failure"
    ERROR = "error", "Error"


class FinancesSync(models.Model):
    """Where an account's Finances sync stands: every event Amazon posted before `synced_until` is read."""

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="finances_sync")
    synced_until = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=12, choices=FinancesSyncState.choices, blank=True)
    message = models.CharField(max_length=1000, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Finances sync · {self.account}"

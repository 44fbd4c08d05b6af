"""The figures managers judge an account by, kept as they happen instead of counted on each view.

- `ClockDay`: per account, clock kind, holder and day (the clock's start, in the account's
  timezone), how the clocks ended: met on time, met late, breached and never met, stopped with
  nothing to answer ("no response needed"), and for the answered ones their count within 24 hours
  and their summed response time. Moved by `lifecycle` (start, meet) and the sweeper (breach) in
  the transaction that moves the clock (`helpdesk.services.clock_days`).
- `OrderDefect`: one row per defect Amazon counts in the order defect rate (negative feedback, an
  A-to-z claim, a service chargeback), handed over by the app that holds it in the write's
  transaction (`helpdesk.services.defects`); the ODR counts the orders that carry any of them.
- `AccountHealthReport`: Amazon's own figures, as its Account Health report gave them.
- `UserPreference`: what a person chose for themselves (the weekly summary mail, the zone times read in).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .accounts import TIMEZONE_CHOICES, SellerAccount


class ClockDay(models.Model):
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="clock_days")
    kind = models.CharField(max_length=24)
    # Who held the case when the clock was met or breached; none for a clock nobody held.
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    day = models.DateField(help_text="The day the clocks started, in the account's timezone.")
    opened = models.IntegerField(default=0)
    met_on_time = models.IntegerField(default=0)
    met_late = models.IntegerField(default=0)
    breached = models.IntegerField(default=0, help_text="Breached and not met since (cancelled or still open).")
    exempt = models.IntegerField(default=0, help_text="Stopped without an answer: nothing to answer.")
    answered = models.IntegerField(default=0)
    answered_in_24h = models.IntegerField(default=0)
    response_seconds = models.BigIntegerField(default=0, help_text="Summed time from start to answer.")

    COUNTERS = (
        "opened",
        "met_on_time",
        "met_late",
        "breached",
        "exempt",
        "answered",
        "answered_in_24h",
        "response_seconds",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "kind", "holder", "day"], name="clock_day_unique", nulls_distinct=False
            )
        ]
        indexes = [models.Index(fields=["account", "day"], name="clock_day_account_day")]

    def __str__(self) -> str:
        return f"{self.account_id} {self.kind} {self.day}"


class DefectKind(models.TextChoices):
    NEGATIVE_FEEDBACK = "negative_feedback", "Negative feedback"
    CLAIM = "claim", "A-to-z Guarantee claim"
    CHARGEBACK = "chargeback", "Service chargeback"


class DefectState(models.TextChoices):
    OPEN = "open", "Open (can still be removed or won)"
    COUNTED = "counted", "Counted"
    CLEARED = "cleared", "Removed or won"


class OrderDefect(models.Model):
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="order_defects")
    source = models.CharField(max_length=30, help_text="The app that holds it.")
    ref = models.BigIntegerField(help_text="The id of its row in that app.")
    kind = models.CharField(max_length=20, choices=DefectKind.choices)
    amazon_order_id = models.CharField(max_length=19)
    channel = models.CharField(max_length=3, blank=True, help_text="AFN or MFN; blank while the order is unknown.")
    day = models.DateField(help_text="When the defect happened: the feedback's day, the claim's or chargeback's.")
    state = models.CharField(max_length=10, choices=DefectState.choices)
    case_id = models.BigIntegerField(null=True, blank=True)
    open_until = models.DateField(null=True, blank=True, help_text="An open defect: the last day it can be undone.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "source", "ref"], name="order_defect_unique")]
        indexes = [
            models.Index(fields=["account", "day"], name="order_defect_account_day"),
            models.Index(fields=["account", "amazon_order_id"], name="order_defect_account_order"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amazon_order_id}"


class AccountHealthReport(models.Model):
    """Amazon's Account Health report (GET_V2_SELLER_PERFORMANCE_REPORT) for one account, as parsed from
    the file its import job keeps (uploaded, or fetched through the Reports API): the account's
    marketplace's entry, whole."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="health_reports")
    imported_at = models.DateTimeField(default=timezone.now)
    marketplace_id = models.CharField(max_length=20)
    status = models.CharField(max_length=20, blank=True, help_text="The account's status in that marketplace.")
    metrics = models.JSONField(help_text="The marketplace's performanceMetrics entry as Amazon sent it.")

    class Meta:
        ordering = ["-imported_at", "-id"]
        indexes = [models.Index(fields=["account", "-imported_at"], name="health_account_time")]

    def __str__(self) -> str:
        return f"{self.account_id} {self.marketplace_id} {self.imported_at:%Y-%m-%d}"


class UserPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference")
    weekly_summary = models.BooleanField(default=True, help_text="Mail me the weekly summary of my accounts.")
    time_zone = models.CharField(
        max_length=64,
        choices=TIMEZONE_CHOICES,
        blank=True,
        help_text="Every time on every page reads in this zone. Empty: each seller account's own zone.",
    )
    summary_sent_on = models.DateField(null=True, blank=True, help_text="The Monday of the last summary sent.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}"

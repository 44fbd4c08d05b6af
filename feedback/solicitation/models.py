"""Request a Review: per-account rules, SKU exclusions, and one request per order, ever
(a dry run's "would send" aside)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from helpdesk.models import Order, SellerAccount


class SolicitationSettings(models.Model):
    """How solicitation runs for one seller account. A missing row means the defaults.

    Whether requests reach Amazon is the account's SP-API connection (`helpdesk.AmazonConnection`).
    """

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="solicitation_settings")
    paused = models.BooleanField(default=False)
    window_start_days = models.PositiveSmallIntegerField(
        default=5, help_text="First day after delivery on which a review may be requested (Amazon: 5)."
    )
    window_end_days = models.PositiveSmallIntegerField(
        default=30, help_text="Last day after delivery on which a review may be requested (Amazon: 30)."
    )
    max_sku_return_rate = models.DecimalField(
        "max SKU return rate (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("10.00"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Orders with a SKU whose return rate over the last 90 days is above this are not asked.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "solicitation settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(window_start_days__lte=models.F("window_end_days")),
                name="solicitation_window_ordered",
                violation_error_message="The window must end on or after the day it starts.",
            ),
            models.CheckConstraint(
                condition=models.Q(max_sku_return_rate__gte=0, max_sku_return_rate__lte=100),
                name="solicitation_return_rate_percent",
                violation_error_message="The return rate is a percentage, from 0 to 100.",
            ),
        ]

    def __str__(self) -> str:
        return f"Solicitation settings · {self.account}"


class SkuExclusion(models.Model):
    """A SKU a manager does not want reviews asked for, on one account."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="solicitation_exclusions")
    sku = models.CharField(max_length=80)
    excluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sku"]
        constraints = [models.UniqueConstraint(fields=["account", "sku"], name="solicitation_exclusion_unique_sku")]

    def __str__(self) -> str:
        return f"{self.sku} · {self.account}"


class RequestState(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    WOULD_SEND = "would_send", "Would send (no credentials)"
    NOT_ELIGIBLE = "not_eligible", "Not eligible"
    REFUSED = "refused", "Refused by Amazon"
    INVALID = "invalid", "Invalid request"
    AUTH_FAILED = "auth_failed", "Authorization failure"
    ERROR = "error", "Error"


# A request is queued once, then gets exactly one result.
FINAL_STATES = frozenset(RequestState.values) - {RequestState.QUEUED}
REQUEST_TRANSITIONS: dict[str, frozenset[str]] = {RequestState.QUEUED: FINAL_STATES}


class SolicitationRequest(models.Model):
    """One "Request a Review" for one order.

    One real request per order, ever: every state but "would send" counts. A dry
    run's "would send" reached nothing, so it does not stand in the way of the real
    request once credentials are configured; there is at most one of those too.
    """

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="solicitation_requests")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="solicitation_requests")
    state = models.CharField(max_length=12, choices=RequestState.choices, default=RequestState.QUEUED)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error_code = models.CharField("Amazon error code", max_length=100, blank=True)
    error_message = models.CharField("Amazon error message", max_length=1000, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_at = models.DateTimeField(default=timezone.now)
    attempted_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who ran the batch; empty for the daily run.",
    )

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order"],
                condition=~models.Q(state=RequestState.WOULD_SEND),
                name="solicitation_one_request_per_order",
            ),
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(state=RequestState.WOULD_SEND),
                name="solicitation_one_would_send_per_order",
            ),
        ]
        indexes = [
            models.Index(fields=["account", "-requested_at", "-id"], name="solicitation_account_time"),
            models.Index(
                fields=["account", "id"],
                condition=models.Q(state=RequestState.QUEUED),
                name="solicitation_queued",
            ),
        ]

    def __str__(self) -> str:
        return f"Review request · {self.order_id} · {self.state}"

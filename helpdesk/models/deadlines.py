from datetime import timedelta

from django.conf import settings
from django.db import models

from helpdesk.registry import clock_kind_choices

from .accounts import SellerAccount
from .cases import Case


class Calendar(models.TextChoices):
    CALENDAR = "calendar", "Calendar hours (24×7, as Amazon counts)"
    BUSINESS = "business", "Business hours"


class Policy(models.Model):
    """How one kind of clock runs for one seller account."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="policies")
    kind = models.CharField(max_length=24, choices=clock_kind_choices)
    duration = models.DurationField()
    warn_before = models.DurationField()
    calendar = models.CharField(max_length=10, choices=Calendar.choices, default=Calendar.CALENDAR)
    # {"0": [["09:00", "17:00"]], ...}: ISO weekday index (Monday 0) → opening intervals.
    opening_hours = models.JSONField(default=dict, blank=True)
    holiday_country = models.CharField(max_length=2, blank=True)
    holiday_subdivision = models.CharField(max_length=10, blank=True)
    closed_dates = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["account", "kind"]
        verbose_name_plural = "policies"
        constraints = [
            models.UniqueConstraint(fields=["account", "kind"], name="policy_unique_account_kind"),
            models.CheckConstraint(condition=models.Q(duration__gt=timedelta(0)), name="policy_duration_positive"),
            models.CheckConstraint(condition=models.Q(warn_before__gte=timedelta(0)), name="policy_warn_not_negative"),
            models.CheckConstraint(
                condition=models.Q(warn_before__lt=models.F("duration")), name="policy_warn_before_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account} · {self.get_kind_display()}"


class DeadlineState(models.TextChoices):
    OPEN = "open", "Open"
    MET = "met", "Met"
    BREACHED = "breached", "Breached"
    CANCELLED = "cancelled", "Cancelled"


# The sweeper makes the OPEN → BREACHED move; services make the others.
DEADLINE_TRANSITIONS: dict[str, frozenset[str]] = {
    DeadlineState.OPEN: frozenset({DeadlineState.MET, DeadlineState.BREACHED, DeadlineState.CANCELLED}),
    DeadlineState.BREACHED: frozenset({DeadlineState.MET, DeadlineState.CANCELLED}),
    DeadlineState.MET: frozenset(),
    DeadlineState.CANCELLED: frozenset(),
}

# A breached clock is still unmet: it keeps the case at the top of the queue
# until it is met (late) or cancelled.
UNMET_STATES = frozenset({DeadlineState.OPEN, DeadlineState.BREACHED})


class Deadline(models.Model):
    """One clock on one case. Started, met, cancelled and restarted only by services."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=24, choices=clock_kind_choices)
    policy_snapshot = models.JSONField(help_text="The policy the times were computed with.")
    started_at = models.DateTimeField()
    warn_at = models.DateTimeField()
    due_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=DeadlineState.choices, default=DeadlineState.OPEN)
    warned_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Who held the case when the clock was breached or met (the figures per agent, the breach list).
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Met without an answer because nothing needed one ("no response needed"): not a response.
    exempt = models.BooleanField(default=False, db_default=False)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(
                fields=["due_at", "id"], condition=models.Q(state=DeadlineState.OPEN), name="deadline_open_due"
            ),
            models.Index(
                fields=["warn_at", "id"],
                condition=models.Q(state=DeadlineState.OPEN, warned_at__isnull=True),
                name="deadline_open_warn",
            ),
            models.Index(fields=["case", "state"], name="deadline_case_state"),
            models.Index(fields=["account", "started_at"], name="deadline_account_started"),
            # The clocks still running, per account and start (the dashboard's open clocks per kind,
            # counted from the index alone).
            models.Index(
                fields=["account", "started_at", "kind", "id"],
                condition=models.Q(state=DeadlineState.OPEN),
                name="deadline_open_account_started",
            ),
            # Answers given in a day, per account (the workload's "answered today", counted per
            # holder from the index alone).
            models.Index(
                fields=["account", "met_at", "holder", "id"],
                condition=models.Q(state=DeadlineState.MET, exempt=False),
                name="deadline_account_answered",
            ),
            # Breached clocks, newest first (the breach list: read backwards until a page is full).
            models.Index(
                fields=["started_at", "id"],
                condition=models.Q(breached_at__isnull=False),
                name="deadline_breached_started",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_at__gte=models.F("started_at")), name="deadline_due_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} due {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def met_late(self) -> bool:
        return self.met_at is not None and self.met_at > self.due_at

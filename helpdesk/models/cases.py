from django.conf import settings
from django.db import models
from django.utils import timezone

from helpdesk.registry import case_kind_choices, registry

from .accounts import SellerAccount
from .orders import Order


class CaseStatus(models.TextChoices):
    NEW = "new", "New"
    OPEN = "open", "Open"
    WAITING = "waiting", "Waiting"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"


CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.NEW: frozenset({CaseStatus.OPEN, CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CLOSED}),
    CaseStatus.OPEN: frozenset({CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CLOSED}),
    CaseStatus.WAITING: frozenset({CaseStatus.OPEN, CaseStatus.RESOLVED, CaseStatus.CLOSED}),
    CaseStatus.RESOLVED: frozenset({CaseStatus.OPEN, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.OPEN}),
}
FINAL_STATUSES = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED})
ACTIVE_STATUSES = [s for s in CaseStatus.values if s not in FINAL_STATUSES]


class Priority(models.IntegerChoices):
    LOW = 0, "Low"
    NORMAL = 1, "Normal"
    HIGH = 2, "High"
    URGENT = 3, "Urgent"


class Case(models.Model):
    """One piece of agent work, whatever its kind. Domain apps hang details off it."""

    # Indexed by the indexes below that lead with it (case_account_status_kind, …): an import opens a
    # hundred thousand cases, and each index costs every one of them.
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="cases", db_index=False)
    # The kinds the apps register (helpdesk.registry): the core names none of them.
    kind = models.CharField(max_length=24, choices=case_kind_choices)
    order = models.ForeignKey(Order, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases")
    # The order the case is about, as Amazon names it: kept when the order itself is not imported yet,
    # so the order writer links the case when it arrives.
    amazon_order_id = models.CharField(max_length=19, blank=True, default="", db_default="")
    subject = models.CharField(max_length=300, blank=True)
    buyer_name = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_cases"
    )
    priority = models.SmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The earliest unmet clock of the case, kept by the deadline engine.
    next_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    next_warn_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("next_due_at").asc(nulls_last=True), "id"]
        indexes = [
            models.Index(
                fields=["next_due_at", "id"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="case_active_due",
            ),
            models.Index(
                fields=["assignee", "next_due_at", "id"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="case_active_assignee_due",
            ),
            # The queue sorted by a column (its sortable headers): the column, then the clock.
            *(
                models.Index(
                    fields=[column, "next_due_at", "id"],
                    condition=models.Q(status__in=ACTIVE_STATUSES),
                    name=f"case_active_{name}_due",
                )
                for column, name in [("kind", "kind"), ("amazon_order_id", "order"), ("buyer_name", "buyer")]
            ),
            # The dashboard's workload and at-risk list read two more, on PostgreSQL only: migration 0017.
            models.Index(fields=["account", "status", "kind"], name="case_account_status_kind"),
            models.Index(fields=["account", "amazon_order_id"], name="case_account_order_id"),
            # One kind's open work on one account, soonest due first (the feedback page's removal cases).
            models.Index(
                fields=["account", "kind", "next_due_at", "id"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="case_active_account_kind_due",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"

    def get_kind_display(self) -> str:
        """The kind's label from the registry. Django's own flattens every kind's choices on each call,
        and a queue page shows a kind in every row."""
        return registry.kind_label(self.kind)

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

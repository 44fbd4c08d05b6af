from django.conf import settings
from django.db import models
from django.utils import timezone

from .accounts import SellerAccount
from .cases import Case


class Activity(models.Model):
    """Append-only audit row: who did what, when, to which case, before and after.

    Written by `helpdesk.services.audit`, and in bulk, for cases opened and clocks moved many at a
    time, by the lifecycle and deadline services; never updated or deleted.
    """

    # Both indexed by the indexes below that lead with them: every write anywhere adds an audit row, and an
    # import a hundred thousand, each paying for every index.
    account = models.ForeignKey(
        SellerAccount, on_delete=models.CASCADE, null=True, blank=True, related_name="activities", db_index=False
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="activities", db_index=False
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verb = models.CharField(max_length=60)
    summary = models.CharField(max_length=500)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "activities"
        indexes = [
            models.Index(fields=["case", "created_at"], name="activity_case_time"),
            models.Index(fields=["account", "created_at"], name="activity_account_time"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb}"

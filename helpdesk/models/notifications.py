from django.conf import settings
from django.db import models
from django.utils import timezone

from .accounts import SellerAccount
from .cases import Case
from .deadlines import Deadline


class EmailState(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "No email address"
    # Handed to the mail server, whose answer never came: not sent again (the notification stays in the app).
    UNCONFIRMED = "unconfirmed", "Sent, not confirmed"


class Notification(models.Model):
    """An in-app notification, and the outbox row for its email."""

    class Kind(models.TextChoices):
        WARN = "warn", "Clock warning"
        BREACH = "breach", "Clock breached"
        ASSIGNED = "assigned", "Case assigned"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(max_length=12, choices=EmailState.choices, default=EmailState.PENDING)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    # When a worker may next try the email: the backoff of a pending row, the lease of a sending one.
    email_next_attempt_at = models.DateTimeField(default=timezone.now)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    email_handed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the current attempt began handing the email to the mail server."
    )
    email_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["user", "-created_at"], condition=models.Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(fields=["user", "-created_at"], name="notification_user_time"),
            models.Index(
                fields=["email_next_attempt_at", "id"],
                condition=models.Q(email_state__in=[EmailState.PENDING, EmailState.SENDING]),
                name="notification_email_due",
            ),
        ]
        constraints = [
            # A clock's warning or breach reaches each person once, whatever the sweepers do.
            models.UniqueConstraint(
                fields=["user", "deadline", "kind"],
                condition=models.Q(deadline__isnull=False),
                name="notification_once_per_deadline",
            ),
        ]

    def __str__(self) -> str:
        return self.title

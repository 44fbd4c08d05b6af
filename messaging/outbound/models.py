"""What agents send and write on a conversation.

A reply is a `messaging.Message` (direction out) for the thread, and a `Reply`
row here that delivers it: the outbox row a Celery worker claims, sends through
Django's mailer and records. Notes and call logs are plain Messages (direction
note/call). `ConversationMark` records "no response needed" and "suspicious";
`CannedResponse` and `OutboundSettings` are per seller account.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from helpdesk.models import Deadline, SellerAccount
from messaging.models import Conversation, Message


class OutboundSettings(models.Model):
    """Where an account's replies come from. Without a row, settings.DEFAULT_FROM_EMAIL."""

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="outbound_settings")
    from_address = models.EmailField(help_text="The address registered with Amazon for buyer messages.")
    display_name = models.CharField(
        max_length=120, blank=True, help_text="Shown to the buyer; the account name if empty."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "outbound settings"

    def __str__(self) -> str:
        return f"{self.account} · {self.from_address}"


class CannedResponse(models.Model):
    """A reply template of one seller account, with {variables} filled from the order."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="canned_responses")
    name = models.CharField(max_length=120)
    body = models.TextField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["account", "name"]
        constraints = [models.UniqueConstraint(fields=["account", "name"], name="canned_unique_name_per_account")]

    def __str__(self) -> str:
        return self.name


class ReplyStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    UNCONFIRMED = "unconfirmed", "Sent, not confirmed"


REPLY_TRANSITIONS: dict[str, frozenset[str]] = {
    ReplyStatus.QUEUED: frozenset({ReplyStatus.SENDING}),
    # Back to queued: a transport error with retries left. Unconfirmed: the message went to the mail server
    # and its answer never came (a read timeout, or the worker died), so it may have gone out.
    ReplyStatus.SENDING: frozenset({ReplyStatus.SENT, ReplyStatus.FAILED, ReplyStatus.QUEUED, ReplyStatus.UNCONFIRMED}),
    # Amazon bounced it.
    ReplyStatus.SENT: frozenset({ReplyStatus.FAILED}),
    # The retry button.
    ReplyStatus.FAILED: frozenset({ReplyStatus.QUEUED}),
    # Never sent again by itself: the agent confirms it went (Seller Central shows the message), or sends it
    # again; Amazon's verified bounce fails it.
    ReplyStatus.UNCONFIRMED: frozenset({ReplyStatus.SENT, ReplyStatus.QUEUED, ReplyStatus.FAILED}),
}
# What the delivery sweep looks at: a queued row whose task was lost, a sending row whose lease ran out.
PENDING_STATUSES = frozenset({ReplyStatus.QUEUED, ReplyStatus.SENDING})


class Reply(models.Model):
    """The delivery of one reply: the outbox row, claimed before it is sent."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="replies")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="delivery")
    key = models.CharField(
        max_length=64, unique=True, help_text="Idempotency key from the composer: one form, one reply, one email."
    )
    status = models.CharField(max_length=12, choices=ReplyStatus.choices, default=ReplyStatus.QUEUED)
    to_address = models.CharField(max_length=254, help_text="The buyer's relay address.")
    from_address = models.CharField(max_length=300)
    subject = models.CharField(max_length=300)
    email_message_id = models.CharField(max_length=255, unique=True, help_text="Our Message-ID, without <>.")
    in_reply_to = models.CharField(max_length=255, blank=True, help_text="The buyer's last Message-ID, without <>.")
    queued_at = models.DateTimeField(default=timezone.now, help_text="When the agent sent it: the clock stops here.")
    attempts = models.PositiveSmallIntegerField(default=0)
    # When a worker may next take it: the backoff of a queued row, the lease of a sending one.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    handed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the current attempt began handing the message to the mail server (SMTP DATA); "
        "an attempt that stops after it, without an outcome, leaves the reply unconfirmed, never sent again.",
    )
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["queued_at", "id"]
        verbose_name_plural = "replies"
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=models.Q(status__in=sorted(PENDING_STATUSES)),
                name="reply_pending_due",
            ),
            models.Index(fields=["account", "to_address"], name="reply_account_recipient"),
        ]

    def __str__(self) -> str:
        return f"Reply {self.key} ({self.status})"


class MarkKind(models.TextChoices):
    NO_RESPONSE = "no_response", "No response needed"
    SUSPICIOUS = "suspicious", "Suspicious"


class ConversationMark(models.Model):
    """An agent's decision that a conversation needs no reply, or is suspicious
    (brand or competitor fishing): it meets the clock, says who and why, and a
    suspicious one waits for a manager's review."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="marks")
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=MarkKind.choices)
    reason = models.CharField(max_length=500)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # The clocks it stopped: they are not responses, so the response-time figure leaves them out.
    met_deadlines = models.ManyToManyField(Deadline, blank=True, related_name="outbound_marks")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["account", "-created_at"],
                condition=models.Q(kind="suspicious", reviewed_at__isnull=True),
                name="mark_suspicious_unreviewed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.reason[:40]}"


class ContactCap(models.Model):
    """How often the seller may write to a buyer about an order when the buyer did not ask: outreach,
    proactive notices (order problems), review requests. Replies to the buyer are never counted.
    Without a row, the defaults below."""

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="contact_cap")
    max_per_order = models.PositiveSmallIntegerField(
        default=3, help_text="At most this many messages the buyer did not ask for, per order."
    )
    min_hours_between = models.PositiveSmallIntegerField(
        default=24, help_text="At least this many hours between two of them on one order."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(max_per_order__gte=1), name="contact_cap_at_least_one")
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.max_per_order} per order, {self.min_hours_between} h apart"


class ContactKind(models.TextChoices):
    MESSAGE = "message", "Message the seller started"
    OUTREACH = "outreach", "Feedback outreach"
    NOTICE = "notice", "Proactive notice"
    REVIEW_REQUEST = "review_request", "Review request"


class UnsolicitedContact(models.Model):
    """One message the seller sent a buyer about an order that the buyer did not ask for: what the cap counts."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+")
    amazon_order_id = models.CharField(max_length=19)
    kind = models.CharField(max_length=16, choices=ContactKind.choices)
    at = models.DateTimeField(default=timezone.now)
    reply = models.OneToOneField(
        Reply, on_delete=models.SET_NULL, null=True, blank=True, related_name="unsolicited_contact"
    )

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["account", "amazon_order_id", "at"], name="unsolicited_order_time")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.amazon_order_id} at {self.at:%Y-%m-%d %H:%M}"


class PromptOutcome(models.TextChoices):
    SENT = "sent", "Summary sent"
    DISMISSED = "dismissed", "Dismissed"


class CallSummaryPrompt(models.Model):
    """After a phone call is logged, the buyer should get a written summary: the thread is the record
    Amazon reads in a claim. The prompt stays on the case until a reply is sent to the buyer, or someone
    dismisses it with a reason."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="call_prompts")
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="+")
    call = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="summary_prompt")
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=PromptOutcome.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True, help_text="Why no summary is sent, when dismissed.")
    reply = models.ForeignKey(Reply, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["conversation", "created_at"],
                condition=models.Q(closed_at__isnull=True),
                name="call_prompt_open",
            )
        ]

    def __str__(self) -> str:
        return f"Call summary prompt ({self.outcome or 'open'})"

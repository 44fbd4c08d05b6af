"""Seller feedback, the removal requests made to Amazon, and the outreach to buyers."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from helpdesk.models import Case, Order, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE, order_id_validator

POSITIVE_MIN = 4  # 4–5 stars positive, 3 neutral, 1–2 negative
NEGATIVE_MAX = 2
CRITICAL_MAX = 3  # negative or neutral: the ones worth a removal case


class FeedbackStatus(models.TextChoices):
    LIVE = "live", "Live"
    REMOVED = "removed", "Removed by Amazon"
    STRUCK = "struck", "Struck through by Amazon"
    WITHDRAWN = "withdrawn", "Removed by the buyer"


FEEDBACK_TRANSITIONS: dict[str, frozenset[str]] = {
    FeedbackStatus.LIVE: frozenset({FeedbackStatus.REMOVED, FeedbackStatus.STRUCK, FeedbackStatus.WITHDRAWN}),
    FeedbackStatus.REMOVED: frozenset(),
    FeedbackStatus.STRUCK: frozenset(),
    FeedbackStatus.WITHDRAWN: frozenset(),
}


class FeedbackSource(models.TextChoices):
    REPORT = "report", "Imported report"
    MANUAL = "manual", "Entered by hand"


class Feedback(models.Model):
    """One buyer's seller feedback on one order, as Amazon reports it."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="feedback")
    amazon_order_id = models.CharField(max_length=19, validators=[order_id_validator])
    order = models.ForeignKey(Order, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback")
    date = models.DateField(help_text="The day the buyer left it, as the marketplace reports it.")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    comments = models.TextField(blank=True)
    rater_email = models.CharField(max_length=254, blank=True)
    rater_purged_at = models.DateTimeField(
        null=True, blank=True, help_text="When the retention purge removed the rater's address."
    )
    response = models.TextField(blank=True, help_text="The public response as posted on Amazon.")
    response_posted_at = models.DateTimeField(null=True, blank=True)
    response_draft = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.LIVE)
    source = models.CharField(max_length=10, choices=FeedbackSource.choices, default=FeedbackSource.REPORT)
    case = models.OneToOneField(Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name_plural = "feedback"
        constraints = [
            models.UniqueConstraint(fields=["account", "amazon_order_id", "date"], name="feedback_unique_order_date"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"),
            models.CheckConstraint(
                condition=models.Q(amazon_order_id__regex=ORDER_ID_RE), name="feedback_order_id_format"
            ),
        ]
        # Covers the feedback page's counts per day and rating.
        indexes = [models.Index(fields=["account", "date", "rating"], name="feedback_account_date_rating")]

    def __str__(self) -> str:
        return f"{self.rating}★ {self.amazon_order_id} {self.date:%Y-%m-%d}"

    @property
    def is_positive(self) -> bool:
        return self.rating >= POSITIVE_MIN

    @property
    def is_negative(self) -> bool:
        return self.rating <= NEGATIVE_MAX

    @property
    def is_critical(self) -> bool:
        """Negative or neutral."""
        return self.rating <= CRITICAL_MAX

    @property
    def sentiment(self) -> str:
        return "positive" if self.is_positive else "negative" if self.is_negative else "neutral"

    @property
    def is_live(self) -> bool:
        return self.status == FeedbackStatus.LIVE


class RemovalReason(models.TextChoices):
    PRODUCT_REVIEW = "product_review", "Entirely a product review"
    OBSCENITY = "obscenity", "Obscene or profane language"
    PERSONAL_INFO = "personal_info", "Personal information"
    FBA_FULFILLMENT = "fba_fulfillment", "FBA order: about delivery or customer service"
    PRICING = "pricing", "Pricing complaint"
    OTHER = "other", "Other"


class RemovalOutcome(models.TextChoices):
    PENDING = "pending", "Pending"
    REMOVED = "removed", "Removed"
    STRUCK = "struck", "Struck through"
    REFUSED = "refused", "Refused"


REMOVAL_TRANSITIONS: dict[str, frozenset[str]] = {
    RemovalOutcome.PENDING: frozenset({RemovalOutcome.REMOVED, RemovalOutcome.STRUCK, RemovalOutcome.REFUSED}),
    RemovalOutcome.REMOVED: frozenset(),
    RemovalOutcome.STRUCK: frozenset(),
    RemovalOutcome.REFUSED: frozenset(),
}


class RemovalRequest(models.Model):
    """A request to Amazon to remove or strike a feedback, and what Amazon answered."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="removal_requests")
    reason = models.CharField(max_length=20, choices=RemovalReason.choices)
    submitted_on = models.DateField()
    note = models.TextField(blank=True)
    outcome = models.CharField(max_length=10, choices=RemovalOutcome.choices, default=RemovalOutcome.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["feedback"], condition=models.Q(outcome="pending"), name="removal_request_one_pending"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.get_outcome_display()})"


class ResolutionKind(models.TextChoices):
    REFUND = "refund", "Refund"
    REPLACEMENT = "replacement", "Replacement"
    EXPLANATION = "explanation", "Explanation"


class Resolution(models.Model):
    """What the seller did about the buyer's problem, recorded before any removal ask."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="resolutions")
    kind = models.CharField(max_length=12, choices=ResolutionKind.choices)
    note = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class OutreachPurpose(models.TextChoices):
    RESOLVE = "resolve", "Resolve the problem"
    REMOVAL_ASK = "removal_ask", "Ask to remove or update the feedback"


class OutreachOutcome(models.TextChoices):
    AWAITING = "awaiting", "Awaiting reply"
    BUYER_REMOVED = "buyer_removed", "Buyer removed the feedback"
    BUYER_UPDATED = "buyer_updated", "Buyer updated the rating"
    NO_REPLY = "no_reply", "No reply"


OUTREACH_TRANSITIONS: dict[str, frozenset[str]] = {
    OutreachOutcome.AWAITING: frozenset(
        {OutreachOutcome.BUYER_REMOVED, OutreachOutcome.BUYER_UPDATED, OutreachOutcome.NO_REPLY}
    ),
    OutreachOutcome.NO_REPLY: frozenset({OutreachOutcome.BUYER_REMOVED, OutreachOutcome.BUYER_UPDATED}),
    OutreachOutcome.BUYER_REMOVED: frozenset(),
    OutreachOutcome.BUYER_UPDATED: frozenset(),
}


class OutreachContact(models.Model):
    """One contact with the buyer about a feedback: its text, and the reply that carries it
    to the buyer's relay address through the messaging outbox."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="contacts")
    purpose = models.CharField(max_length=12, choices=OutreachPurpose.choices)
    text = models.TextField()
    reply = models.OneToOneField(
        "outbound.Reply", on_delete=models.SET_NULL, null=True, blank=True, related_name="outreach_contact"
    )
    contacted_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=14, choices=OutreachOutcome.choices, default=OutreachOutcome.AWAITING)
    outcome_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["contacted_at", "id"]
        indexes = [models.Index(fields=["feedback", "contacted_at"], name="outreach_feedback_time")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.contacted_at:%Y-%m-%d}"


class OutreachSettings(models.Model):
    """How often one seller account may contact a buyer about one feedback."""

    account = models.OneToOneField(SellerAccount, on_delete=models.CASCADE, related_name="outreach_settings")
    max_contacts = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1), MaxValueValidator(10)], help_text="Contacts per feedback, at most."
    )
    min_days_between = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Days between two contacts, at least.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "outreach settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(max_contacts__gte=1), name="outreach_max_contacts_positive"),
            models.CheckConstraint(condition=models.Q(min_days_between__gte=1), name="outreach_min_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.max_contacts} contacts, {self.min_days_between} days apart"

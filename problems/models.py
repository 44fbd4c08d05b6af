"""Order problems: an order the buyer must hear about before they ask.

One `OrderProblem` per order and problem hangs off one `order_problem` case:
- `late`: a seller-fulfilled order not shipped as its latest ship date approaches (a clock due at
  that date), then past it (a clock to tell the buyer, due before the latest delivery date passes);
- `must_cancel`: an order the seller cannot fulfil (out of stock), flagged by an agent or said by
  Amazon's order data: cancel it and tell the buyer within 48 hours of knowing;
- `buyer_cancel`: the buyer asked to cancel (a relayed cancellation request): answer before it ships.
"""

from django.conf import settings
from django.db import models

from helpdesk.models import Case, Order, SellerAccount
from messaging.models import Message
from messaging.outbound.models import Reply


class ProblemKind(models.TextChoices):
    LATE = "late", "Not shipped by the latest ship date"
    MUST_CANCEL = "must_cancel", "Must be cancelled"
    BUYER_CANCEL = "buyer_cancel", "Buyer asked to cancel"


class OrderProblem(models.Model):
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="order_problems")
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="order_problem")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="problems")
    kind = models.CharField(max_length=16, choices=ProblemKind.choices)
    known_at = models.DateTimeField(help_text="When the problem was known: its clocks start here.")
    late_at = models.DateTimeField(null=True, blank=True, help_text="When a late order passed its latest ship date.")
    shipped_seen_at = models.DateTimeField(null=True, blank=True, help_text="When the order data first said shipped.")
    reason = models.CharField(max_length=500, blank=True, help_text="Why it must be cancelled, and who said so.")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    request_message = models.ForeignKey(
        Message,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The buyer's cancellation request.",
    )
    told_reply = models.ForeignKey(Reply, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    told_at = models.DateTimeField(null=True, blank=True, help_text="When the buyer was told (or answered).")

    class Meta:
        ordering = ["-known_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["order", "kind"], name="order_problem_once_per_kind")]
        indexes = [models.Index(fields=["account", "kind", "-known_at"], name="order_problem_account_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.order_id}"

from django.core.validators import RegexValidator
from django.db import models

from .accounts import SellerAccount

ORDER_ID_RE = r"^\d{3}-\d{7}-\d{7}$"
order_id_validator = RegexValidator(ORDER_ID_RE, "An Amazon order id looks like 123-1234567-1234567.")


class FulfillmentChannel(models.TextChoices):
    AFN = "AFN", "Fulfilled by Amazon (FBA)"
    MFN = "MFN", "Fulfilled by merchant"


class Order(models.Model):
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="orders")
    amazon_order_id = models.CharField(max_length=19, validators=[order_id_validator])
    merchant_order_id = models.CharField(max_length=64, blank=True)
    marketplace_id = models.CharField(max_length=20, blank=True)
    sales_channel = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=40, blank=True)
    purchase_date = models.DateTimeField(null=True, blank=True)
    last_updated = models.DateTimeField(null=True, blank=True)
    ship_date = models.DateTimeField(null=True, blank=True)
    # Amazon's promise (Orders API LatestShipDate): a seller-fulfilled order ships by then, or the buyer is told.
    latest_ship_date = models.DateTimeField(null=True, blank=True)
    estimated_delivery_date = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    fulfillment_channel = models.CharField(max_length=3, choices=FulfillmentChannel.choices, blank=True)
    ship_service_level = models.CharField(max_length=60, blank=True)
    carrier = models.CharField(max_length=60, blank=True)
    tracking_number = models.CharField(max_length=60, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    order_total = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    buyer_name = models.CharField(max_length=200, blank=True)
    buyer_email = models.EmailField(blank=True, help_text="The buyer's anonymised Amazon relay address.")
    ship_city = models.CharField(max_length=100, blank=True)
    ship_state = models.CharField(max_length=100, blank=True)
    ship_postal_code = models.CharField(max_length=20, blank=True)
    ship_country = models.CharField(max_length=2, blank=True)
    is_business_order = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The retention purge (helpdesk.services.retention): when it cleared the buyer's name and email,
    # and, 6 months after the order date, the shipping record. A writer never fills them in again.
    buyer_purged_at = models.DateTimeField(null=True, blank=True)
    shipping_purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-purchase_date"]
        indexes = [
            models.Index(fields=["account", "purchase_date"], name="order_account_purchased"),
            models.Index(
                fields=["account", "purchase_date"],
                condition=models.Q(buyer_purged_at__isnull=True),
                name="order_buyer_unpurged",
            ),
            models.Index(
                fields=["account", "purchase_date"],
                condition=models.Q(shipping_purged_at__isnull=True),
                name="order_shipping_unpurged",
            ),
            # Orders not shipped yet, by the date Amazon promised they would ship (order-problem detection).
            models.Index(
                fields=["latest_ship_date"],
                condition=models.Q(ship_date__isnull=True, latest_ship_date__isnull=False),
                name="order_unshipped_by",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["account", "amazon_order_id"], name="order_unique_per_account"),
            models.CheckConstraint(condition=models.Q(amazon_order_id__regex=ORDER_ID_RE), name="order_id_format"),
        ]

    def __str__(self) -> str:
        return self.amazon_order_id

    @property
    def is_fba(self) -> bool:
        return self.fulfillment_channel == FulfillmentChannel.AFN


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    sku = models.CharField(max_length=80)
    asin = models.CharField(max_length=10, blank=True)
    title = models.CharField(max_length=500, blank=True)
    quantity = models.PositiveIntegerField(default=1)
    item_status = models.CharField(max_length=40, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    item_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    item_tax = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    shipping_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["order", "sku"], name="order_item_unique_sku")]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"


class OrderDay(models.Model):
    """How many orders a seller account holds per purchase day, in the account's timezone.

    The feedback page divides negative feedback by a year of orders: it sums up to 365
    of these rows instead of counting up to a million orders. Every write that creates
    an order or moves its purchase date keeps it, in the same transaction
    (`helpdesk.services.order_days`)."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="order_days")
    day = models.DateField()
    orders = models.IntegerField(default=0)
    # Of those, fulfilled by Amazon and by the seller (the order defect rate's two halves); an
    # order whose channel is not known yet is in neither.
    afn = models.IntegerField(default=0, db_default=0)
    mfn = models.IntegerField(default=0, db_default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "day"], name="order_day_unique")]

    def __str__(self) -> str:
        return f"{self.account_id} {self.day}: {self.orders}"

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from helpdesk.models import Case, Membership, Order, OrderItem, SellerAccount
from helpdesk.services.order_days import order_days_add
from messaging.kinds import MESSAGE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    first_name = factory.LazyAttribute(lambda u: u.username.capitalize())
    password = factory.django.Password("pw-for-tests")


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SellerAccount
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Seller {n}")
    slug = factory.Sequence(lambda n: f"seller-{n}")
    merchant_id = factory.Sequence(lambda n: f"A{n:013d}")
    marketplace = "US"
    timezone = "UTC"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    account = factory.SubFactory(AccountFactory)
    role = "agent"


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    account = factory.SubFactory(AccountFactory)
    amazon_order_id = factory.Sequence(lambda n: f"111-{n:07d}-{(n * 7919) % 10_000_000:07d}")
    marketplace_id = "ATVPDKIKX0DER"
    sales_channel = "Amazon.com"
    status = "Shipped"
    purchase_date = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    fulfillment_channel = "MFN"
    carrier = "UPS"
    tracking_number = factory.Sequence(lambda n: f"1Z999AA1{n:010d}")
    currency = "USD"
    order_total = "29.99"
    buyer_name = factory.Faker("name")
    buyer_email = factory.Sequence(lambda n: f"b{n:014d}@marketplace.amazon.com")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Counted in the account's per-day orders, as the importers count the orders they write."""
        order = super()._create(model_class, *args, **kwargs)
        order_days_add(account=order.account, added=[(order.purchase_date, order.fulfillment_channel)])
        return order


class OrderItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderItem

    order = factory.SubFactory(OrderFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:04d}")
    asin = factory.Sequence(lambda n: f"B0{n:08d}")
    title = "Stainless steel water bottle, 750 ml"
    quantity = 1
    currency = "USD"
    item_price = "29.99"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    account = factory.SubFactory(AccountFactory)
    kind = MESSAGE
    order = factory.SubFactory(OrderFactory, account=factory.SelfAttribute("..account"))
    subject = "Where is my order?"
    buyer_name = factory.LazyAttribute(lambda c: c.order.buyer_name if c.order else "")

"""Demo data for `make run`: two seller accounts, three people and their orders; then each app
adds its own work on those orders (the demo seeder it registered): a case of every kind."""

import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.models import Membership, Order, OrderItem, Role, SellerAccount
from helpdesk.registry import registry
from helpdesk.services.deadlines import policies_ensure
from helpdesk.services.metrics import metrics_rebuild
from helpdesk.services.order_days import order_days_rebuild

User = get_user_model()

PASSWORD = "demo"
PEOPLE = [
    ("agent", "Avery", "Agent", Role.AGENT),
    ("manager", "Morgan", "Manager", Role.MANAGER),
    ("admin", "Ada", "Admin", Role.ADMIN),
]
ACCOUNTS = [
    ("demo-us", "Demo Outdoor US", "A2DEMO0US00001", "US", "America/New_York", "USD", "111"),
    ("demo-de", "Demo Outdoor DE", "A2DEMO0DE00002", "DE", "Europe/Berlin", "EUR", "302"),
]
PRODUCTS = [
    ("BTL-750-STL", "B07XJ8C8F5", "Stainless steel water bottle, 750 ml", Decimal("24.99")),
    ("TENT-2P-GRN", "B08KTZ8249", "Two-person dome tent, green", Decimal("129.00")),
    ("LAMP-HD-300", "B09G9FPHY6", "Head lamp, 300 lumen, rechargeable", Decimal("19.50")),
    ("MAT-SELF-INF", "B07PGL2ZSL", "Self-inflating sleeping mat", Decimal("49.90")),
]
RELAY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
BUYERS = [
    "Jordan Miller",
    "Priya Patel",
    "Lukas Schneider",
    "Emma Weber",
    "Sam Lee",
    "Chen Wang",
    "Maria Garcia",
    "Noah Fischer",
]


class Command(BaseCommand):
    help = "Create demo accounts, users (agent, manager, admin; password 'demo'), orders and cases."

    @transaction.atomic
    def handle(self, *args, **options):
        if SellerAccount.objects.filter(slug=ACCOUNTS[0][0]).exists():
            self.stdout.write("Demo data already present.")
            return
        rng = random.Random(2026)
        now = timezone.now()
        people = {}
        for username, first, last, role in PEOPLE:
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@sellerdesk.test"},
            )
            user.set_password(PASSWORD)
            user.save()
            people[username] = (user, role)
        for slug, name, merchant_id, marketplace, tz, currency, prefix in ACCOUNTS:
            account = SellerAccount.objects.create(
                slug=slug, name=name, merchant_id=merchant_id, marketplace=marketplace, timezone=tz
            )
            policies_ensure(account=account)
            for user, role in people.values():
                Membership.objects.create(user=user, account=account, role=role)
            orders = []
            for n in range(40):
                purchased = now - timedelta(days=rng.randint(2, 70), hours=rng.randint(0, 23))
                afn = n % 3 == 0
                order = Order.objects.create(
                    account=account,
                    amazon_order_id=f"{prefix}-{rng.randint(0, 9_999_999):07d}-{rng.randint(0, 9_999_999):07d}",
                    marketplace_id=account.marketplace_id,
                    sales_channel=account.site.capitalize(),
                    status="Shipped",
                    purchase_date=purchased,
                    ship_date=purchased + timedelta(days=1),
                    estimated_delivery_date=purchased + timedelta(days=5),
                    delivered_at=purchased + timedelta(days=4) if n % 4 else None,
                    fulfillment_channel="AFN" if afn else "MFN",
                    ship_service_level="Standard",
                    carrier="AMZL" if afn else ("UPS" if marketplace == "US" else "DHL"),
                    tracking_number=f"TBA{rng.randint(10**11, 10**12 - 1)}"
                    if afn
                    else f"1Z{rng.randint(10**15, 10**16 - 1)}",
                    currency=currency,
                    buyer_name=rng.choice(BUYERS),
                    buyer_email=f"{''.join(rng.choices(RELAY_CHARS, k=15))}@marketplace.{account.site}",
                    ship_city="Portland" if marketplace == "US" else "München",
                    ship_postal_code="97201" if marketplace == "US" else "80331",
                    ship_country=marketplace,
                )
                total = Decimal(0)
                for sku, asin, title, price in rng.sample(PRODUCTS, k=rng.randint(1, 2)):
                    OrderItem.objects.create(
                        order=order, sku=sku, asin=asin, title=title, quantity=1, currency=currency, item_price=price
                    )
                    total += price
                order.order_total = total
                order.save(update_fields=["order_total"])
                orders.append(order)
            order_days_rebuild(account=account)
            pool = iter(orders)
            users = {username: user for username, (user, _) in people.items()}
            for seeder in registry.demo_seeders():
                import_string(seeder)(account=account, orders=pool, people=users, now=now)
            metrics_rebuild(account=account)  # counted once from all the seeders wrote, whichever way they wrote it
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data created: demo-us and demo-de, users agent / manager / admin, password 'demo'."
            )
        )

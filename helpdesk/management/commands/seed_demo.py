"""Demo data for `make run`: three seller accounts on three marketplaces, three people and their orders;
then each app adds its own work on those orders (the demo seeder it registered): a working day with a
case of every kind, dated relative to now.

Run again, it replaces the demo accounts with a fresh day (clocks relative to the new now) instead of
adding a second one; accounts and people of your own are left alone."""

import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.models import Membership, Order, OrderItem, Role, SearchPending, SellerAccount
from helpdesk.registry import registry
from helpdesk.services.deadlines import deadlines_sweep, policies_ensure
from helpdesk.services.metrics import metrics_rebuild
from helpdesk.services.order_days import order_days_rebuild
from helpdesk.services.search import search_reindex_all

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
    ("demo-fr", "Demo Outdoor FR", "A2DEMO0FR00003", "FR", "Europe/Paris", "EUR", "405"),
]
CITIES = {"US": ("Portland", "97201"), "DE": ("München", "80331"), "FR": ("Lyon", "69002")}
PRODUCTS = [
    ("BTL-750-STL", "B07XJ8C8F5", "Stainless steel water bottle, 750 ml", Decimal("24.99")),
    ("TENT-2P-GRN", "B08KTZ8249", "Two-person dome tent, green", Decimal("129.00")),
    ("LAMP-HD-300", "B09G9FPHY6", "Head lamp, 300 lumen, rechargeable", Decimal("19.50")),
    ("MAT-SELF-INF", "B07PGL2ZSL", "Self-inflating sleeping mat", Decimal("49.90")),
]
RELAY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
BUYERS = {
    "US": ["Jordan Miller", "Maria Garcia", "Priya Patel", "Sam Lee", "Chen Wang", "Carlos Hernández"],
    "DE": ["Lukas Schneider", "Emma Weber", "Noah Fischer", "Anke Vögele", "James Carter"],
    "FR": ["Camille Martin", "Léa Dubois", "Hugo Bernard", "Amélie Laurent"],
}


class Command(BaseCommand):
    help = "Create (or renew) the demo accounts, users (agent, manager, admin; password 'demo'), orders and cases."

    @transaction.atomic
    def handle(self, *args, **options):
        renewed, _ = SellerAccount.objects.filter(slug__in=[a[0] for a in ACCOUNTS]).delete()
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
                    carrier="AMZL" if afn else {"US": "UPS", "DE": "DHL"}.get(marketplace, "Colissimo"),
                    tracking_number=f"TBA{rng.randint(10**11, 10**12 - 1)}"
                    if afn
                    else f"1Z{rng.randint(10**15, 10**16 - 1)}",
                    currency=currency,
                    buyer_name=rng.choice(BUYERS[marketplace]),
                    buyer_email=f"{''.join(rng.choices(RELAY_CHARS, k=15))}@marketplace.{account.site}",
                    ship_city=CITIES[marketplace][0],
                    ship_postal_code=CITIES[marketplace][1],
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
            # Clocks already past their warning or due time say so at once, before any worker runs.
            deadlines_sweep(now=now)
            metrics_rebuild(account=account)  # counted once from all the seeders wrote, whichever way they wrote it
        # The demo's cases are searchable at once, without waiting for the worker's index-search.
        search_reindex_all()
        SearchPending.objects.all().delete()
        slugs = ", ".join(a[0] for a in ACCOUNTS)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data {'renewed' if renewed else 'created'}: {slugs}; "
                "users agent / manager / admin, password 'demo'."
            )
        )

from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.models import SellerAccount
from helpdesk.services.metrics import metrics_rebuild


class Command(BaseCommand):
    help = (
        "Count the dashboards' kept figures afresh from the raw rows: orders per day (with their fulfilment "
        "channel), clocks per kind, holder and day, and the order defects every app reports. Run it after a "
        "bulk load that went around the services, or to check the kept figures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", metavar="SLUG", help="One seller account (default: every account).")

    def handle(self, *args, account: str | None = None, **options) -> None:
        accounts = SellerAccount.objects.order_by("id")
        if account:
            accounts = accounts.filter(slug=account)
            if not accounts.exists():
                raise CommandError(f"No seller account with slug {account!r}.")
        for seller in accounts:
            rebuilt = metrics_rebuild(account=seller)
            self.stdout.write(
                f"{seller.slug}: {rebuilt.order_days} order days, {rebuilt.clock_days} clock rows, "
                f"{rebuilt.defects} defects"
            )

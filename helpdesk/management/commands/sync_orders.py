from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.models import OrderSyncState, SellerAccount
from helpdesk.spapi.sync import order_sync


class Command(BaseCommand):
    help = (
        "Read the orders Amazon updated since the last sync (Orders API, getOrders) into one seller account's "
        "orders: status, fulfilment channel and Amazon's latest delivery estimate. Needs the account's SP-API "
        "credentials. The result goes to stdout and to the account's Amazon connection page."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", required=True, metavar="SLUG", help="The seller account's slug.")

    def handle(self, *args, account: str, **options) -> None:
        seller = SellerAccount.objects.filter(slug=account).first()
        if seller is None:
            raise CommandError(f"No seller account with slug {account!r}.")
        result = order_sync(account=seller)
        if result.state != OrderSyncState.OK:
            raise CommandError(f"{result.state.label}: {result.message}")
        self.stdout.write(result.message)

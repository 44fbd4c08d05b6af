from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.models import SellerAccount
from helpdesk.services.search import search_reindex_all


class Command(BaseCommand):
    help = (
        "Rewrite the search rows of every case (of one account): on first deployment of search, or after "
        "restoring a backup. Day to day the index-search beat task keeps them current."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", metavar="SLUG", help="Only this seller account's cases.")

    def handle(self, *args, account: str | None = None, **options) -> None:
        account_id = None
        if account:
            seller = SellerAccount.objects.filter(slug=account).first()
            if seller is None:
                raise CommandError(f"No seller account with slug {account!r}.")
            account_id = seller.id
        indexed = search_reindex_all(account_id=account_id)
        self.stdout.write(f"{indexed} cases indexed.")

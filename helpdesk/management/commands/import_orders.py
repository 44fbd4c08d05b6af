import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.importing import ReportError
from helpdesk.models import SellerAccount
from helpdesk.services.orders import orders_import


class Command(BaseCommand):
    help = (
        "Import an Amazon all-orders report (tab-separated, optionally gzip-compressed) for one seller account. "
        "Rejected rows are listed on stderr as `line N: reason`; the summary goes to stdout."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", required=True, metavar="SLUG", help="The seller account's slug.")
        parser.add_argument("file", metavar="FILE", help="The report file, or - for standard input.")

    def handle(self, *args, account: str, file: str, **options) -> None:
        seller = SellerAccount.objects.filter(slug=account).first()
        if seller is None:
            raise CommandError(f"No seller account with slug {account!r}.")
        try:
            data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from exc
        try:
            result = orders_import(account=seller, data=data)
        except ReportError as exc:
            raise CommandError(f"{file} was not imported: {exc}") from exc
        for error in result.errors:
            self.stderr.write(f"line {error.line}: {error.reason}")
        self.stdout.write(result.summary_line())

from itertools import chain
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.models import SellerAccount
from messaging.mailfiles import read_mail_files
from messaging.models import MailSource
from messaging.services import MAX_MAIL_BYTES, mail_import


class Command(BaseCommand):
    help = (
        "Import mail from .eml files, folders of them, Maildir folders or mbox files. With --account every mail "
        "is filed under that seller account; without it, each is matched by the marketplace id in Amazon's "
        "links. Mail over 35 MB (which no relay mail is) is not imported. "
        "Mail that cannot be read or matched is listed on stderr and kept as an ingestion problem; "
        "the summary goes to stdout."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", metavar="SLUG", help="The seller account's slug.")
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, account: str | None, paths: list[str], **options) -> None:
        seller = None
        if account:
            seller = SellerAccount.objects.filter(slug=account).first()
            if seller is None:
                raise CommandError(f"No seller account with slug {account!r}.")
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        mails = chain.from_iterable(read_mail_files(Path(path), max_bytes=MAX_MAIL_BYTES) for path in paths)
        try:
            result = mail_import(account=seller, mails=mails, source=MailSource.COMMAND)
        except OSError as exc:
            raise CommandError(f"Cannot read {exc.filename or 'a file'}: {exc.strerror or exc}") from exc
        for ref, reason in result.problems:
            self.stderr.write(f"{ref}: {reason}")
        self.stdout.write(result.summary_line())

import sys
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError, CommandParser

from helpdesk.models import ImportJob, SellerAccount
from helpdesk.services.imports import import_job_create, import_job_run


class ReportImportCommand(BaseCommand):
    """`manage.py <command> --account SLUG FILE`: one Amazon report for one seller account.

    The file is kept as received first, like every upload, so a refused file
    stays visible and retryable. Rejected rows go to stderr as `line N: reason`;
    the summary line to stdout."""

    kind: str  # a report kind an app registered

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--account", required=True, metavar="SLUG", help="The seller account's slug.")
        parser.add_argument("file", metavar="FILE", help="The report file, or - for standard input.")

    def handle(self, *args, account: str, file: str, **options) -> None:
        seller = SellerAccount.objects.filter(slug=account).first()
        if seller is None:
            raise CommandError(f"No seller account with slug {account!r}.")
        name = "standard input" if file == "-" else file
        try:
            with sys.stdin.buffer if file == "-" else Path(file).open("rb") as handle:
                job = import_job_create(account=seller, kind=self.kind, filename=Path(name).name, raw=File(handle))
        except OSError as exc:
            raise CommandError(f"Cannot read {name}: {exc.strerror or exc}") from exc
        job = import_job_run(job_id=job.id)
        if job.status == ImportJob.Status.FAILED:
            raise CommandError(f"{name} was not imported: {job.failure}")
        for line, reason in job.errors:
            self.stderr.write(f"line {line}: {reason}")
        self.stdout.write(job.summary_line)

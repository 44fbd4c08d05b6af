"""Amazon's Account Health report, imported like every report: the file is kept as received by
the import job first (an upload, or the document the Reports API returned), then read here."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from helpdesk.health import health_read
from helpdesk.importing import ImportResult
from helpdesk.models import AccountHealthReport, SellerAccount

from .audit import audit

REPORT_TYPE = "GET_V2_SELLER_PERFORMANCE_REPORT"


@transaction.atomic
def health_import(
    *,
    account: SellerAccount,
    data: bytes,
    actor: AbstractBaseUser | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Keep the account's marketplace's figures from the report. The same figures as the last
    report's change nothing."""
    entry = health_read(data, marketplace_id=account.marketplace_id, limit=settings.IMPORT_MAX_BYTES)
    result = ImportResult()
    latest = AccountHealthReport.objects.filter(account=account).order_by("-imported_at", "-id").first()
    if latest is not None and (latest.metrics, latest.status) == (entry.metrics, entry.status):
        result.unchanged = 1
    else:
        AccountHealthReport.objects.create(
            account=account, marketplace_id=entry.marketplace_id, status=entry.status, metrics=entry.metrics
        )
        result.imported = 1
        audit(
            verb="health.imported",
            summary=f"Account Health report imported for {entry.marketplace_id}: status {entry.status or 'not given'}",
            actor=actor,
            account=account,
        )
    if progress is not None:
        progress(1, 1)
    return result

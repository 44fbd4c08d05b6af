"""Report imports: keep the file as received, then parse it (in Celery for uploads)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.importing import ReportError
from helpdesk.models import ImportJob, SellerAccount
from helpdesk.registry import registry

from .audit import audit


def import_job_create(
    *, account: SellerAccount, kind: str, filename: str, raw: bytes, actor: AbstractBaseUser | None = None
) -> ImportJob:
    job = ImportJob.objects.create(account=account, kind=kind, filename=filename[:255], raw=raw, created_by=actor)
    audit(
        verb="import.received",
        summary=f"{job.get_kind_display()} {job.filename} received ({len(raw):,} bytes)",
        actor=actor,
        account=account,
    )
    return job


def import_job_run(*, job_id: int) -> ImportJob:
    """Run a queued (or failed, on retry) import. Running it twice imports nothing twice."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update(skip_locked=True).filter(id=job_id).first()
        if job is None or job.status == ImportJob.Status.RUNNING or job.status == ImportJob.Status.DONE:
            return job or ImportJob.objects.get(id=job_id)
        job.status = ImportJob.Status.RUNNING
        job.save(update_fields=["status"])

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(id=job.id).update(rows_done=done, rows_total=total)

    try:
        # The app that registered the report kind reads it; `progress(done, total)` saves the job's counters.
        importer = import_string(registry.importer(job.kind).run)
        result = importer(account=job.account, data=bytes(job.raw), actor=job.created_by, progress=progress)
    except ReportError as exc:
        job.status, job.failure = ImportJob.Status.FAILED, str(exc)
    else:
        job.status = ImportJob.Status.DONE
        job.imported, job.unchanged, job.rejected = result.imported, result.unchanged, result.rejected
        job.errors = [[e.line, e.reason] for e in result.errors]
        job.failure = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "imported", "unchanged", "rejected", "errors", "failure", "finished_at"])
    return job

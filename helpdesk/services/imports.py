"""Report imports: keep the file as received, then parse it (in Celery for uploads).

The file goes to storage (MEDIA_ROOT) in chunks, however large, and stays there until the
retention purge. A worker runs a job under a lease it renews with every bit of progress: a job
whose lease ran out lost its worker, and may be run again (importing is idempotent)."""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.importing import ReportError
from helpdesk.models import ImportJob, SellerAccount
from helpdesk.registry import registry

from .audit import audit

# How long a worker holds a running job without reporting progress before the job counts as stopped.
IMPORT_LEASE = timedelta(minutes=15)


def import_job_create(
    *,
    account: SellerAccount,
    kind: str,
    filename: str,
    raw: bytes | File,
    actor: AbstractBaseUser | None = None,
) -> ImportJob:
    """Keep a report as received: `raw` is its bytes or a file (an upload, an open file), copied in chunks."""
    content = ContentFile(raw) if isinstance(raw, bytes) else raw
    job = ImportJob(account=account, kind=kind, filename=filename[:255], created_by=actor)
    job.file.save(filename.rsplit("/", 1)[-1][:100] or "report", content, save=False)
    job.size = job.file.size
    job.save()
    audit(
        verb="import.received",
        summary=f"{job.get_kind_display()} {job.filename} received ({job.size:,} bytes)",
        actor=actor,
        account=account,
    )
    return job


def _runnable(now) -> Q:
    """Queued, failed (a retry), or running under a lease that ran out (its worker died)."""
    return Q(status__in=[ImportJob.Status.QUEUED, ImportJob.Status.FAILED]) | Q(status=ImportJob.Status.RUNNING) & (
        Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    )


def import_job_retryable(job: ImportJob) -> bool:
    return job.status == ImportJob.Status.FAILED or job.is_stalled


def import_job_run(*, job_id: int) -> ImportJob:
    """Run a queued job, a failed one (on retry) or one whose worker died. Running it twice, or on
    two workers at once, imports nothing twice."""
    now = timezone.now()
    with transaction.atomic():
        job = ImportJob.objects.select_for_update(skip_locked=True).filter(_runnable(now), id=job_id).first()
        if job is None:
            return ImportJob.objects.get(id=job_id)
        job.status, job.lease_until, job.attempts = ImportJob.Status.RUNNING, now + IMPORT_LEASE, job.attempts + 1
        job.save(update_fields=["status", "lease_until", "attempts"])

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(id=job.id).update(
            rows_done=done, rows_total=total, lease_until=timezone.now() + IMPORT_LEASE
        )

    try:
        if not job.file:
            raise ReportError("the file is no longer kept (purged after the account's retention period)")
        with job.file.open("rb") as handle:
            data = handle.read()
        # The app that registered the report kind reads it; `progress(done, total)` saves the job's counters.
        importer = import_string(registry.importer(job.kind).run)
        result = importer(account=job.account, data=data, actor=job.created_by, progress=progress)
    except ReportError as exc:
        job.status, job.failure = ImportJob.Status.FAILED, str(exc)
    else:
        job.status = ImportJob.Status.DONE
        job.imported, job.unchanged, job.rejected = result.imported, result.unchanged, result.rejected
        job.errors = [[e.line, e.reason] for e in result.errors]
        job.failure = ""
    job.finished_at, job.lease_until = timezone.now(), None
    job.save(
        update_fields=["status", "imported", "unchanged", "rejected", "errors", "failure", "finished_at", "lease_until"]
    )
    return job

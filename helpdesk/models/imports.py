from django.conf import settings
from django.db import models
from django.utils import timezone

from helpdesk.registry import import_kind_choices

from .accounts import SellerAccount


def _import_path(job: "ImportJob", filename: str) -> str:
    return f"imports/{job.account_id}/{timezone.now():%Y/%m}/{filename}"


class ImportJob(models.Model):
    """A report file as received, kept (under MEDIA_ROOT) before it is parsed; the import's outcome.

    A worker holds a running job with a lease it renews as it makes progress: a job whose lease ran
    out lost its worker, and is shown as stopped and can be run again."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="import_jobs")
    kind = models.CharField(max_length=20, choices=import_kind_choices)  # the report kinds apps register
    filename = models.CharField(max_length=255)
    file = models.FileField(upload_to=_import_path, max_length=400, blank=True, help_text="The report as received.")
    size = models.PositiveBigIntegerField(default=0, help_text="Bytes received.")
    purged_at = models.DateTimeField(null=True, blank=True, help_text="When the retention purge deleted the file.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    imported = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0, help_text="Rows in the file, once counted.")
    rows_done = models.PositiveIntegerField(default=0, help_text="Rows processed so far: the progress bar.")
    errors = models.JSONField(default=list, blank=True, help_text="[[line, reason], …] for rejected rows.")
    failure = models.TextField(blank=True, help_text="Why the whole file was refused.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True, help_text="A running job's worker holds it until then.")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Runs started.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["account", "-created_at"], name="importjob_account_time")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename}"

    @property
    def summary_line(self) -> str:
        return f"imported: {self.imported}, unchanged: {self.unchanged}, rejected: {self.rejected}"

    @property
    def percent_done(self) -> int:
        if self.is_finished:
            return 100
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker stopped renewing the lease: it died."""
        return self.status == self.Status.RUNNING and (self.lease_until is None or self.lease_until < timezone.now())

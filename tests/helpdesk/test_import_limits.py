"""Report uploads are streamed to disk, never read whole into memory; a compressed report may not
expand past IMPORT_MAX_BYTES; a job whose worker died is shown as stopped and can be retried."""

import gzip
import io
import tracemalloc
from datetime import timedelta
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse
from django.utils import timezone

from helpdesk.importing import ORDERS_REPORT
from helpdesk.models import ImportJob, Order
from helpdesk.services.imports import import_job_create, import_job_run

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "orders"
MB = 1024 * 1024


def _peak_bytes(call) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_upload_is_kept_as_a_file_under_media_root_not_in_the_database(client, manager, account, settings):
    client.force_login(manager)
    data = (FIXTURES / "all_orders_2020.tsv").read_bytes()
    client.post(reverse("helpdesk:order_import"), {"account": account.id, "file": SimpleUploadedFile("o.tsv", data)})
    job = ImportJob.objects.get()
    assert Path(job.file.path).read_bytes() == data
    assert Path(job.file.path).is_relative_to(settings.MEDIA_ROOT)
    assert job.size == len(data)


def test_a_large_upload_is_copied_to_its_job_in_chunks(account):
    upload = TemporaryUploadedFile("big.tsv", "text/tab-separated-values", 0, None)
    chunk = b"x" * MB
    for _ in range(30):
        upload.write(chunk)
    upload.size = 30 * MB
    upload.seek(0)
    job = None

    def store():
        nonlocal job
        job = import_job_create(account=account, kind=ORDERS_REPORT, filename="big.tsv", raw=upload)

    assert _peak_bytes(store) < 5 * MB
    assert Path(job.file.path).stat().st_size == 30 * MB
    upload.close()


def test_a_gzip_bomb_is_refused_without_expanding_it(account, settings):
    settings.IMPORT_MAX_BYTES = 10 * MB
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb") as out:
        header = b"order-id\tpurchase-date\tsku\n"
        out.write(header)
        for _ in range(60):
            out.write(b"\n" * MB)
    job = import_job_create(account=account, kind=ORDERS_REPORT, filename="bomb.txt.gz", raw=bomb.getvalue())
    peak = _peak_bytes(lambda: import_job_run(job_id=job.id))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "more than 10 MB" in job.failure
    assert peak < 25 * MB


def test_a_compressed_report_within_the_limit_imports(account):
    data = gzip.compress((FIXTURES / "all_orders_2020.tsv").read_bytes())
    job = import_job_create(account=account, kind=ORDERS_REPORT, filename="o.txt.gz", raw=data)
    assert import_job_run(job_id=job.id).status == ImportJob.Status.DONE
    assert Order.objects.filter(account=account).exists()


def test_a_job_whose_worker_died_is_run_again(account):
    job = import_job_create(
        account=account, kind=ORDERS_REPORT, filename="o.tsv", raw=(FIXTURES / "all_orders_2020.tsv").read_bytes()
    )
    ImportJob.objects.filter(pk=job.pk).update(status="running", lease_until=timezone.now() - timedelta(seconds=1))
    assert import_job_run(job_id=job.id).status == ImportJob.Status.DONE


def test_a_job_a_live_worker_holds_is_left_alone(account):
    job = import_job_create(account=account, kind=ORDERS_REPORT, filename="o.tsv", raw=b"x")
    ImportJob.objects.filter(pk=job.pk).update(status="running", lease_until=timezone.now() + timedelta(minutes=5))
    assert import_job_run(job_id=job.id).status == ImportJob.Status.RUNNING


def test_the_lease_is_renewed_while_the_import_makes_progress(account):
    job = import_job_create(
        account=account, kind=ORDERS_REPORT, filename="o.tsv", raw=(FIXTURES / "all_orders_2020.tsv").read_bytes()
    )
    import_job_run(job_id=job.id)
    job.refresh_from_db()
    assert job.lease_until is None and job.attempts == 1


def test_a_stopped_job_is_shown_and_a_manager_retries_it(
    client, manager, account, celery_eager, django_capture_on_commit_callbacks
):
    job = import_job_create(
        account=account, kind=ORDERS_REPORT, filename="o.tsv", raw=(FIXTURES / "all_orders_2020.tsv").read_bytes()
    )
    ImportJob.objects.filter(pk=job.pk).update(status="running", lease_until=timezone.now() - timedelta(minutes=1))
    client.force_login(manager)
    page = client.get(reverse("helpdesk:import_job", args=[job.id])).content.decode()
    assert "stopped" in page and "Retry" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("helpdesk:import_job_retry", args=[job.id]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE


def test_a_running_job_cannot_be_retried_while_its_worker_lives(client, manager, account):
    job = import_job_create(account=account, kind=ORDERS_REPORT, filename="o.tsv", raw=b"x")
    ImportJob.objects.filter(pk=job.pk).update(status="running", lease_until=timezone.now() + timedelta(minutes=5))
    client.force_login(manager)
    assert client.post(reverse("helpdesk:import_job_retry", args=[job.id])).status_code == 404

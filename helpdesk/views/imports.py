"""Upload an Amazon report; it is kept as received and imported by a worker. One job page for every report kind."""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from helpdesk.forms import OrderImportForm
from helpdesk.importing import ORDERS_REPORT
from helpdesk.models import ImportJob, Role
from helpdesk.registry import registry
from helpdesk.selectors import account_get, accounts_for, import_jobs
from helpdesk.services.imports import import_job_create, import_job_retryable
from helpdesk.tasks import run_import

from .access import role_required


def import_upload(request: HttpRequest, *, form, kind: str) -> ImportJob | None:
    """Keep a valid uploaded report as an import job and queue it; None when the form is refused.

    The form has an `account` (id) and a `file` field. Django spools a large upload to a temporary
    file; it is copied to the job's file in chunks, never read whole into memory."""
    if request.method != "POST" or not form.is_valid():
        return None
    upload = form.cleaned_data["file"]
    if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
        limit = settings.IMPORT_MAX_UPLOAD_BYTES // 2**20
        form.add_error("file", f"That file is over {limit} MB: split the report by date range.")
        return None
    account = account_get(request.user, account_id=form.cleaned_data["account"], min_role=Role.MANAGER)
    with transaction.atomic():
        job = import_job_create(account=account, kind=kind, filename=upload.name, raw=upload, actor=request.user)
        run_import.delay_on_commit(job.id)
    return job


@role_required(Role.MANAGER)
def order_import(request: HttpRequest) -> HttpResponse:
    accounts = list(accounts_for(request.user, min_role=Role.MANAGER))
    form = OrderImportForm(request.POST or None, request.FILES or None, accounts=accounts)
    job = import_upload(request, form=form, kind=ORDERS_REPORT)
    if job is not None:
        return redirect("helpdesk:import_job", job_id=job.id)
    jobs = import_jobs(request.user, kind=ORDERS_REPORT)[:20]
    return render(request, "helpdesk/order_import.html", {"form": form, "jobs": jobs})


@role_required(Role.MANAGER)
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_object_or_404(import_jobs(request.user), id=job_id)
    importer = registry.importer(job.kind)
    template = "helpdesk/import_job.html#status" if request.htmx else "helpdesk/import_job.html"
    context = {
        "job": job,
        "back_url": reverse(importer.page),
        "back_label": f"{importer.label} imports",
        "poll_url": reverse("helpdesk:import_job", args=[job.id]),
        "done_url": reverse(importer.done) + f"?account={job.account_id}" if importer.done else "",
        "done_label": importer.done_label,
    }
    return render(request, template, context)


@require_POST
@role_required(Role.MANAGER)
def import_job_retry(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_object_or_404(import_jobs(request.user), id=job_id)
    if not import_job_retryable(job):
        raise Http404("Only a refused import, or one whose worker stopped, can be retried.")
    run_import.delay(job.id)
    return redirect("helpdesk:import_job", job_id=job.id)

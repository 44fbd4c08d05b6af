"""Upload an Amazon report; it is kept as received and imported by a worker. One job page for every report kind."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from helpdesk.forms import HealthImportForm, OrderImportForm
from helpdesk.importing import HEALTH_REPORT, ORDERS_REPORT
from helpdesk.models import Activity, ImportJob, Role
from helpdesk.registry import registry
from helpdesk.selectors import account_get, accounts_for, import_jobs, scoped
from helpdesk.services.audit import audit
from helpdesk.services.imports import import_job_create, import_job_retryable
from helpdesk.spapi.selectors import connected_account_ids
from helpdesk.tasks import fetch_account_health, run_import

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


@role_required(Role.MANAGER)
def health_import(request: HttpRequest) -> HttpResponse:
    """Upload Amazon's Account Health report, or have it fetched through the Reports API."""
    accounts = list(accounts_for(request.user, min_role=Role.MANAGER))
    form = HealthImportForm(request.POST or None, request.FILES or None, accounts=accounts)
    job = import_upload(request, form=form, kind=HEALTH_REPORT)
    if job is not None:
        return redirect("helpdesk:import_job", job_id=job.id)
    connected = set(connected_account_ids())
    context = {
        "form": form,
        "jobs": import_jobs(request.user, kind=HEALTH_REPORT)[:20],
        "connected": [a for a in accounts if a.id in connected],
        "failures": scoped(
            Activity.objects.filter(verb="health.fetch_failed").select_related("account"),
            request.user,
            min_role=Role.MANAGER,
        ).order_by("-created_at")[:5],
    }
    return render(request, "helpdesk/health_import.html", context)


@require_POST
@role_required(Role.MANAGER)
def health_fetch(request: HttpRequest) -> HttpResponse:
    """Ask Amazon for an account's Account Health report now; a worker imports it once ready."""
    account_id = request.POST.get("account", "")
    account = account_get(
        request.user, account_id=int(account_id) if account_id.isdigit() else 0, min_role=Role.MANAGER
    )
    with transaction.atomic():
        audit(
            verb="health.fetch_requested",
            summary="Account Health report asked of Amazon",
            actor=request.user,
            account=account,
        )
        fetch_account_health.delay_on_commit(account.id)
    messages.success(request, f"Asked Amazon for {account.name}'s Account Health report: it appears here once ready.")
    return redirect("helpdesk:health_import")

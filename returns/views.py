"""Returns pages: the managers' figures, their export and the SKU view, report imports, the case
panel's actions (decide, receive, grade, refund), unit photos, and each account's return rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from helpdesk.exports import csv_response
from helpdesk.models import Role
from helpdesk.selectors import account_chosen, account_get, accounts_for, has_role, import_jobs
from helpdesk.services.lifecycle import InvalidTransition
from helpdesk.views.access import role_required
from helpdesk.views.imports import import_upload
from messaging.selectors import message_get

from .charts import cost_chart
from .forms import (
    DecisionForm,
    GradeForm,
    OverviewForm,
    ReceiveForm,
    RefundForm,
    RestockingRuleForm,
    ReturnSettingsForm,
    ReturnsImportForm,
    SkuRecoveryForm,
    WindowOverrideForm,
)
from .kinds import RETURNS_REPORT
from .models import CloseReason, DecisionKind, LabelChoice, RestockingRule, Return, ReturnWindowOverride, SkuRecovery
from .panels import draft_key
from .selectors import (
    WINDOWS,
    export_rows,
    order_for,
    override_get,
    photo_get,
    restocking_rule_get,
    return_get,
    returns_overview,
    settings_for,
    sku_detail,
    sku_recovery_get,
    unit_get,
)
from .services import (
    DecisionRefused,
    restocking_rule_delete,
    restocking_rule_save,
    return_decide,
    return_mark_received,
    return_open_from_message,
    return_refund,
    return_settings_update,
    sku_recovery_delete,
    sku_recovery_save,
    unit_grade,
    window_override_add,
    window_override_delete,
)
from .wording import decision_message


def _days(request: HttpRequest) -> int:
    form = OverviewForm(request.GET)
    return form.cleaned_data["days"] if form.is_valid() else 90


# --- managers ------------------------------------------------------------------------------


@role_required(Role.MANAGER)
def returns_page(request: HttpRequest) -> HttpResponse:
    account, accounts = account_chosen(request.user, chosen=request.GET.get("account"), min_role=Role.MANAGER)
    days = _days(request)
    overview = returns_overview(account=account, days=days)
    context = {
        "overview": overview,
        "chart": cost_chart(overview.skus),
        "accounts": accounts,
        "account": account,
        "days": days,
        "windows": WINDOWS,
        "is_admin": has_role(request.user, account.id, Role.ADMIN),
    }
    template = "returns/page.html#figures" if request.htmx else "returns/page.html"
    return render(request, template, context)


@role_required(Role.MANAGER)
def returns_export(request: HttpRequest) -> StreamingHttpResponse:
    account, _ = account_chosen(request.user, chosen=request.GET.get("account"), min_role=Role.MANAGER)
    days = _days(request)
    return csv_response(
        request,
        filename=f"returns-{account.slug}-{days}d.csv",
        rows=export_rows(account=account, days=days),
        what=f"the returns figures of {account.name} over {days} days",
        account=account,
    )


@role_required(Role.MANAGER)
def sku_page(request: HttpRequest) -> HttpResponse:
    account, _ = account_chosen(request.user, chosen=request.GET.get("account"), min_role=Role.MANAGER)
    sku = request.GET.get("sku", "").strip()
    if not sku:
        raise Http404("Which SKU?")
    detail = sku_detail(account=account, sku=sku)
    return render(request, "returns/sku.html", {"detail": detail, "account": account})


@role_required(Role.MANAGER)
def returns_upload(request: HttpRequest) -> HttpResponse:
    accounts = list(accounts_for(request.user, min_role=Role.MANAGER))
    form = ReturnsImportForm(request.POST or None, request.FILES or None, accounts=accounts)
    job = import_upload(request, form=form, kind=RETURNS_REPORT)
    if job is not None:
        return redirect("helpdesk:import_job", job_id=job.id)
    jobs = import_jobs(request.user, kind=RETURNS_REPORT)[:20]
    return render(request, "returns/import.html", {"form": form, "jobs": jobs})


# --- the case panel's actions: each posts here and returns to the case ----------------------


def _back(ret: Return, anchor: str = "return-h") -> HttpResponse:
    if ret.case_id:
        return redirect(reverse("helpdesk:case", args=[ret.case_id]) + f"#{anchor}")
    return redirect(
        reverse("returns:sku")
        + f"?account={ret.account_id}&sku={ret.items.values_list('sku', flat=True).first() or ''}"
    )


def _form_errors(request: HttpRequest, form) -> None:
    messages.error(request, " ".join(f"{error}" for errors in form.errors.values() for error in errors))


def _refused(request: HttpRequest, exc: Exception) -> None:
    messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))


@require_POST
@role_required()
def from_message_view(request: HttpRequest, message_id: int) -> HttpResponse:
    """Open the return a buyer's message asks for (the conversation's offer)."""
    message = message_get(request.user, message_id=message_id)
    try:
        ret = return_open_from_message(message=message, actor=request.user)
    except ValidationError as exc:
        _refused(request, exc)
        return redirect("helpdesk:case", case_id=message.conversation.case_id)
    messages.success(request, "Return opened from the buyer's message: decide it within the clock.")
    return _back(ret)


@require_POST
@role_required()
def decide_view(request: HttpRequest, return_id: int) -> HttpResponse:
    ret = return_get(request.user, return_id=return_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(ret)
    data = form.cleaned_data
    try:
        decision = return_decide(
            ret=ret,
            kind=data["kind"],
            message=data["text"],
            key=data["key"],
            seen_message_id=data["seen_message_id"],
            actor=request.user,
            label=data["label"],
            close_reason=data["close_reason"],
            refund_amount=data["refund_amount"],
        )
    except DecisionRefused as exc:
        request.session[draft_key(ret.id, data["kind"])] = data["text"]
        messages.error(request, f"Not decided: {exc}")
    else:
        sent = f" The buyer's message is queued to {decision.reply.to_address}." if decision.reply else ""
        messages.success(request, f"{decision.get_kind_display()}: done, the clock is met.{sent}")
    return _back(ret)


@require_GET
@role_required()
def decision_draft(request: HttpRequest, return_id: int) -> HttpResponse:
    """The decision form's message, drafted again for another label or reason: htmx puts it in the
    textarea as its default text, which a browser shows unless the agent has already edited it."""
    ret = return_get(request.user, return_id=return_id)
    kind = request.GET.get("kind", "")
    if kind not in DecisionKind.values:
        raise Http404("No such decision.")
    label = request.GET.get("label", "")
    reason = request.GET.get("close_reason", "")
    order = order_for(ret)
    text = decision_message(
        marketplace=ret.account.marketplace,
        kind=kind,
        order_id=ret.amazon_order_id,
        buyer_name=order.buyer_name if order else ret.buyer_name,
        seller=request.user.get_full_name() or ret.account.name,
        label=label if label in LabelChoice.values else "",
        reason=reason if reason in CloseReason.values else "",
    )
    return render(request, "returns/case_panel.html#draft", {"text": text})


@require_POST
@role_required()
def receive_view(request: HttpRequest, return_id: int) -> HttpResponse:
    ret = return_get(request.user, return_id=return_id)
    form = ReceiveForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(ret)
    try:
        return_mark_received(ret=ret, actor=request.user, **form.cleaned_data)
    except (ValidationError, InvalidTransition) as exc:
        _refused(request, exc)
    else:
        messages.success(request, "Received: grade each unit below.")
    return _back(ret, "units-h")


@require_POST
@role_required()
def grade_view(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_get(request.user, unit_id=unit_id)
    form = GradeForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(unit.ret, "units-h")
    data = form.cleaned_data
    photos = [(upload.name, upload.read()) for upload in data.pop("photos")]
    try:
        unit = unit_grade(unit=unit, actor=request.user, photos=photos, **data)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        grade, disposition = unit.get_grade_display().lower(), unit.get_disposition_display().lower()
        messages.success(request, f"{unit.sku} #{unit.number}: {grade}, {disposition}.")
    return _back(unit.ret, "units-h")


@require_POST
@role_required()
def refund_view(request: HttpRequest, return_id: int) -> HttpResponse:
    ret = return_get(request.user, return_id=return_id)
    form = RefundForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(ret)
    try:
        refund = return_refund(ret=ret, actor=request.user, **form.cleaned_data)
    except (ValidationError, InvalidTransition) as exc:
        _refused(request, exc)
    else:
        fee = f", {refund.restocking_fee} restocking fee kept back" if refund.restocking_fee else ""
        messages.success(request, f"Refund of {refund.amount} recorded{fee}.")
    return _back(ret)


@role_required()
def photo_download(request: HttpRequest, photo_id: int) -> HttpResponse:
    """Always a download, never shown in the page's origin."""
    photo = photo_get(request.user, photo_id=photo_id)
    response = HttpResponse(bytes(photo.data), content_type=photo.content_type)
    response["Content-Disposition"] = content_disposition_header(True, photo.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


# --- admins: each account's return rules -----------------------------------------------------


@role_required(Role.ADMIN)
def settings_page(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    rules = settings_for(account)
    form = ReturnSettingsForm(request.POST or None, instance=rules, prefix="rules")
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.fields}
        return_settings_update(account=account, actor=request.user, **values)
        messages.success(request, "Return rules saved.")
        return redirect("returns:settings", account_id=account.id)
    context = {
        "account": account,
        "form": form,
        "override_form": WindowOverrideForm(prefix="override"),
        "restocking_form": RestockingRuleForm(prefix="restocking"),
        "sku_form": SkuRecoveryForm(prefix="sku"),
        "overrides": list(ReturnWindowOverride.objects.filter(account=account)),
        "restocking_rules": list(RestockingRule.objects.filter(account=account)),
        "sku_rows": list(SkuRecovery.objects.filter(account=account)),
    }
    return render(request, "returns/settings.html", context, status=400 if request.method == "POST" else 200)


def _settings_write(request: HttpRequest, account_id: int, form_class, prefix: str, write) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = form_class(request.POST, prefix=prefix)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            write(account, form.cleaned_data)
        except ValidationError as exc:
            _refused(request, exc)
        else:
            messages.success(request, "Saved.")
    return redirect("returns:settings", account_id=account.id)


@require_POST
@role_required(Role.ADMIN)
def override_add_view(request: HttpRequest, account_id: int) -> HttpResponse:
    return _settings_write(
        request,
        account_id,
        WindowOverrideForm,
        "override",
        lambda account, data: window_override_add(account=account, actor=request.user, **data),
    )


@require_POST
@role_required(Role.ADMIN)
def restocking_save_view(request: HttpRequest, account_id: int) -> HttpResponse:
    return _settings_write(
        request,
        account_id,
        RestockingRuleForm,
        "restocking",
        lambda account, data: restocking_rule_save(account=account, actor=request.user, **data),
    )


@require_POST
@role_required(Role.ADMIN)
def sku_recovery_save_view(request: HttpRequest, account_id: int) -> HttpResponse:
    return _settings_write(
        request,
        account_id,
        SkuRecoveryForm,
        "sku",
        lambda account, data: sku_recovery_save(account=account, actor=request.user, **data),
    )


@require_POST
@role_required(Role.ADMIN)
def override_delete_view(request: HttpRequest, override_id: int) -> HttpResponse:
    override = override_get(request.user, override_id=override_id)
    window_override_delete(override=override, actor=request.user)
    messages.success(request, "Override removed.")
    return redirect("returns:settings", account_id=override.account_id)


@require_POST
@role_required(Role.ADMIN)
def restocking_delete_view(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = restocking_rule_get(request.user, rule_id=rule_id)
    restocking_rule_delete(rule=rule, actor=request.user)
    messages.success(request, "Restocking rule removed.")
    return redirect("returns:settings", account_id=rule.account_id)


@require_POST
@role_required(Role.ADMIN)
def sku_recovery_delete_view(request: HttpRequest, row_id: int) -> HttpResponse:
    row = sku_recovery_get(request.user, row_id=row_id)
    sku_recovery_delete(row=row, actor=request.user)
    messages.success(request, f"SKU {row.sku} follows the account's recovery rules again.")
    return redirect("returns:settings", account_id=row.account_id)

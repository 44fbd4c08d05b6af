"""The live check behind the reply composer, and the admins' page of account rules, allowed domains and overrides."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from helpdesk.models import Role, SellerAccount
from helpdesk.selectors import account_get, accounts_for
from helpdesk.views.access import role_required

from .checker import Finding, rule_label, segments
from .forms import AllowedDomainForm, CheckForm, ComplianceRuleForm
from .selectors import (
    APPROVAL_LOG_SIZE,
    allowed_domain_get,
    allowed_domains_for,
    approvals_for,
    override_counts,
    rule_get,
    rules_for,
)
from .services import (
    allowed_domain_add,
    allowed_domain_remove,
    compliance_blocked,
    compliance_check,
    compliance_rule_create,
    compliance_rule_delete,
    compliance_rule_update,
)

# --- the live check ----------------------------------------------------------------


def _label(finding: Finding) -> str:
    return "Account rule" if finding.rule.startswith("custom-") else rule_label(finding.rule)


@role_required()
def check(request: HttpRequest) -> HttpResponse:
    """GET: a page to try a message. POST (htmx from the composer, or the page's form): the findings."""
    accounts = accounts_for(request.user)
    if request.method != "POST":
        form = CheckForm(initial={"account": accounts.values_list("id", flat=True).first()})
        return render(request, "compliance/check.html", {"form": form, "accounts": accounts})
    # The draft comes in "text", or in the field the composer names with text_field (its own textarea's name).
    field = request.POST.get("text_field") or "text"
    if field not in request.POST:
        return HttpResponse(f"The message could not be checked: the request has no field {field!r}.", status=400)
    form = CheckForm({**request.POST.dict(), "text": request.POST[field]})
    if not form.is_valid():
        return HttpResponse(f"The message could not be checked: {form.errors.as_text()}", status=400)
    account = account_get(request.user, account_id=form.cleaned_data["account"])
    text = form.cleaned_data["text"]
    findings = compliance_check(
        text=text,
        account=account,
        order_id=form.cleaned_data["order_id"] or None,
        answering=form.cleaned_data["answering"],
    )
    blocked = compliance_blocked(findings)
    context = {
        "form": form,
        "accounts": accounts,
        "findings": [(f, _label(f)) for f in findings],
        "segments": segments(text, findings),
        "blocked": blocked,
        "blocking_count": sum(f.blocking for f in findings),
        "checked": bool(text.strip()),  # a composer just opened gets no verdict yet
    }
    template = "compliance/check.html#findings" if request.htmx else "compliance/check.html"
    return trigger_client_event(render(request, template, context), "compliance", {"blocked": blocked})


# --- rules, allowed domains and the approval log (admins) ---------------------------


def _rules_page(
    request: HttpRequest,
    account: SellerAccount | None,
    *,
    rule_form: ComplianceRuleForm | None = None,
    domain_form: AllowedDomainForm | None = None,
    edited: tuple[int, ComplianceRuleForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {"accounts": accounts_for(request.user, min_role=Role.ADMIN), "account": account}
    if account is not None:
        rules = list(rules_for(account))
        counts = override_counts(account, rules)
        labels = {c.rule: c.label for c in counts}  # every rule any approval overrode
        context.update(
            rows=[
                (
                    rule,
                    edited[1]
                    if edited is not None and edited[0] == rule.pk
                    else ComplianceRuleForm(instance=rule, prefix=f"rule-{rule.pk}"),
                )
                for rule in rules
            ],
            edited_id=edited[0] if edited is not None else None,
            rule_form=rule_form or ComplianceRuleForm(prefix="new"),
            domains=allowed_domains_for(account),
            domain_form=domain_form or AllowedDomainForm(),
            counts=counts,
            approvals=[
                (approval, [labels[rule] for rule in approval.overridden_rules])
                for approval in approvals_for(account)[:APPROVAL_LOG_SIZE]
            ],
            approval_log_size=APPROVAL_LOG_SIZE,
        )
    return render(request, "compliance/rules.html", context, status=status)


def _back(account_id: int) -> HttpResponse:
    return redirect(f"{reverse('compliance:rules')}?account={account_id}")


@role_required(Role.ADMIN)
def rules(request: HttpRequest) -> HttpResponse:
    requested = request.GET.get("account", "")
    if requested.isdigit():
        account = account_get(request.user, account_id=int(requested), min_role=Role.ADMIN)
    else:
        account = accounts_for(request.user, min_role=Role.ADMIN).order_by("name").first()
    return _rules_page(request, account)


@require_POST
@role_required(Role.ADMIN)
def rule_create(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = ComplianceRuleForm(request.POST, prefix="new")
    if form.is_valid():
        try:
            compliance_rule_create(account=account, actor=request.user, **form.cleaned_data)
            messages.success(request, "Rule added. It applies to every message checked from now on.")
            return _back(account.id)
        except ValidationError as exc:
            form.add_error(None, exc)
    return _rules_page(request, account, rule_form=form, status=400)


@require_POST
@role_required(Role.ADMIN)
def rule_update(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = rule_get(request.user, rule_id=rule_id)
    form = ComplianceRuleForm(request.POST, prefix=f"rule-{rule.pk}")  # no instance: the service compares and writes
    if form.is_valid():
        try:
            compliance_rule_update(rule=rule, actor=request.user, **form.cleaned_data)
            messages.success(request, "Rule saved.")
            return _back(rule.account_id)
        except ValidationError as exc:
            form.add_error(None, exc)
    return _rules_page(request, rule.account, edited=(rule.pk, form), status=400)


@require_POST
@role_required(Role.ADMIN)
def rule_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = rule_get(request.user, rule_id=rule_id)
    compliance_rule_delete(rule=rule, actor=request.user)
    messages.success(request, f"Rule {rule.pattern!r} deleted.")
    return _back(rule.account_id)


@require_POST
@role_required(Role.ADMIN)
def domain_add(request: HttpRequest, account_id: int) -> HttpResponse:
    account = account_get(request.user, account_id=account_id, min_role=Role.ADMIN)
    form = AllowedDomainForm(request.POST)
    if form.is_valid():
        try:
            allowed = allowed_domain_add(account=account, domain=form.cleaned_data["domain"], actor=request.user)
            messages.success(request, f"Links to {allowed.domain} are now allowed in this account's messages.")
            return _back(account.id)
        except ValidationError as exc:
            form.add_error(None, exc)
    return _rules_page(request, account, domain_form=form, status=400)


@require_POST
@role_required(Role.ADMIN)
def domain_remove(request: HttpRequest, domain_id: int) -> HttpResponse:
    allowed = allowed_domain_get(request.user, domain_id=domain_id)
    allowed_domain_remove(allowed=allowed, actor=request.user)
    messages.success(request, f"Links to {allowed.domain} are blocked again.")
    return _back(allowed.account_id)

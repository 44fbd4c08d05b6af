"""The managers' pages: clocks per kind and per agent with the breach and at-risk lists and each
agent's workload (the dashboard), and Amazon's metrics for one account (the metrics page).

Each list has its selector in `helpdesk.metrics` and its own URL taking the same GET filters
(`DashboardFilters`), so anything that lists them (an export) reads the same rows."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from helpdesk import health, metrics
from helpdesk.charts import BLUE, GREY, PALETTE, RED, chart_spec, dataset
from helpdesk.exports import csv_response
from helpdesk.models import AccountHealthReport, Role, SellerAccount
from helpdesk.registry import registry
from helpdesk.selectors import account_get, accounts_for, assignable_people, case_rows
from helpdesk.timefmt import span

from .access import role_required

LIST_PREVIEW = 10
LIST_PAGE = 100
MAX_RANGE_DAYS = 366


class DashboardFilterForm(forms.Form):
    account = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    days = forms.TypedChoiceField(
        required=False, coerce=int, choices=[(d, f"Last {d} days") for d in metrics.WINDOWS], empty_value=30
    )
    start = forms.DateField(required=False, label="From")
    end = forms.DateField(required=False, label="To")
    agent = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    hours = forms.IntegerField(required=False, min_value=1, max_value=720, initial=24)

    def __init__(self, data, *, accounts: list[SellerAccount], people: list[tuple[int, str]]):
        super().__init__(data)
        self.fields["account"].choices = [("", "All accounts")] + [(a.id, a.name) for a in accounts]
        self.fields["agent"].choices = [("", "Everyone")] + list(people)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self.add_error("end", "The range ends before it starts.")
            elif (end - start).days >= MAX_RANGE_DAYS:
                self.add_error("end", f"Choose at most {MAX_RANGE_DAYS} days.")
        elif start or end:
            self.add_error("start" if not start else "end", "Give both ends of the range, or neither.")
        return cleaned


@dataclass(frozen=True)
class DashboardFilters:
    """What the dashboard and its lists show, from the GET filters; bad values fall back to defaults."""

    form: DashboardFilterForm
    accounts: list[SellerAccount]
    people: dict[int, str]
    sla: metrics.SlaFilters
    tz: ZoneInfo
    hours: int
    now: datetime

    @property
    def account_ids(self) -> list[int]:
        return list(self.sla.account_ids)

    @property
    def holder_label(self) -> str:
        return self.people.get(self.sla.holder, "") if self.sla.holder is not None else ""

    @property
    def range_label(self) -> str:
        return f"{self.sla.start:%d %b %Y} – {self.sla.end:%d %b %Y}"


def dashboard_filters(request: HttpRequest) -> DashboardFilters:
    accounts = list(accounts_for(request.user, min_role=Role.MANAGER).order_by("name"))
    people = assignable_people(request.user)
    form = DashboardFilterForm(request.GET, accounts=accounts, people=people)
    values = form.cleaned_data if form.is_valid() else {}
    chosen = [a for a in accounts if a.id == values.get("account")] or accounts
    tz = chosen[0].tzinfo if len(chosen) == 1 else timezone.get_default_timezone()
    now = timezone.now()
    today = timezone.localtime(now, tz).date()
    if values.get("start") and values.get("end"):
        start, end = values["start"], values["end"]
    else:
        start, end = metrics.window_start(today, values.get("days") or 30), today
    sla = metrics.SlaFilters(tuple(a.id for a in chosen), start, end, values.get("agent"))
    return DashboardFilters(form, chosen, dict(people), sla, tz, values.get("hours") or 24, now)


def _breaches_chart(filters: DashboardFilters) -> dict:
    rows = metrics.breaches_daily(filters.sla)
    labels = {clock.kind: clock.label for clock in registry.clocks()}
    days = [filters.sla.start + timedelta(days=n) for n in range((filters.sla.end - filters.sla.start).days + 1)]
    kinds = sorted({row["kind"] for row in rows})
    counts = {(row["day"], row["kind"]): row["breached"] for row in rows}
    breached = {row["day"] for row in rows}
    sets = [
        dataset(labels.get(kind, kind), [counts.get((day, kind), 0) for day in days], PALETTE[i % len(PALETTE)])
        for i, kind in enumerate(kinds)
    ]
    return {
        "spec": chart_spec("bar", [f"{day:%d %b}" for day in days], sets, stacked=True),
        "rows": [(day, [counts.get((day, kind), 0) for kind in kinds]) for day in days if day in breached],
        "kinds": [labels.get(kind, kind) for kind in kinds],
    }


def _day_start(filters: DashboardFilters) -> datetime:
    return datetime.combine(timezone.localtime(filters.now, filters.tz).date(), time.min, tzinfo=filters.tz)


@role_required(Role.MANAGER)
def dashboard(request: HttpRequest) -> HttpResponse:
    """Clocks met on time, met late, breached and open per kind and per agent over the chosen range;
    each agent's workload; the cases at risk and the breaches. Each account's own figures (and the
    sections the apps register) are on its metrics page."""
    filters = dashboard_filters(request)
    context = {
        "filters": filters,
        "form": filters.form,
        "by_kind": metrics.sla_by_kind(filters.sla, tz=filters.tz),
        "by_agent": metrics.sla_by_agent(filters.sla, people=filters.people),
        "workload": metrics.workload(
            account_ids=filters.account_ids,
            day_start=_day_start(filters),
            people=filters.people,
            holder=filters.sla.holder,
        ),
        "at_risk": list(
            metrics.at_risk(
                account_ids=filters.account_ids, hours=filters.hours, now=filters.now, holder=filters.sla.holder
            )[: LIST_PREVIEW + 1]
        ),
        "breaches": list(metrics.breach_list(filters.sla, tz=filters.tz)[: LIST_PREVIEW + 1]),
        "breaches_chart": _breaches_chart(filters),
        "preview": LIST_PREVIEW,
        "query": request.GET.urlencode(),
    }
    template = "helpdesk/dashboard.html#figures" if request.htmx else "helpdesk/dashboard.html"
    return render(request, template, context)


@role_required(Role.MANAGER)
def breaches(request: HttpRequest) -> HttpResponse:
    """Every breached clock started in the chosen range (the dashboard's filters), newest first."""
    filters = dashboard_filters(request)
    page = Paginator(metrics.breach_list(filters.sla, tz=filters.tz), LIST_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "helpdesk/breaches.html",
        {"filters": filters, "form": filters.form, "page": page, "query": _without_page(request)},
    )


@role_required(Role.MANAGER)
def at_risk(request: HttpRequest) -> HttpResponse:
    """Active cases due within the chosen hours (or overdue), unassigned first."""
    filters = dashboard_filters(request)
    cases = metrics.at_risk(
        account_ids=filters.account_ids, hours=filters.hours, now=filters.now, holder=filters.sla.holder
    )
    page = Paginator(cases, LIST_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "helpdesk/at_risk.html",
        {"filters": filters, "form": filters.form, "page": page, "query": _without_page(request)},
    )


BREACH_EXPORT_HEADER = ["Case", "Subject", "Clock", "Due (UTC)", "Held by", "Late by", "Now", "Account"]


def _breach_rows(clocks) -> Iterator[list[str]]:
    yield BREACH_EXPORT_HEADER
    for d in clocks.iterator(chunk_size=2000):
        holder = (d.holder.get_full_name() or d.holder.username) if d.holder else ""
        due = d.due_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        end = d.met_at or timezone.now()
        late = span((end - d.due_at).total_seconds())
        yield [
            str(d.case_id),
            d.case.subject,
            d.get_kind_display(),
            due,
            holder,
            late,
            d.get_state_display(),
            d.account.name,
        ]


@role_required(Role.MANAGER)
def breaches_export(request: HttpRequest) -> StreamingHttpResponse:
    """The breach list as filtered, every page of it."""
    filters = dashboard_filters(request)
    clocks = metrics.breach_list(filters.sla, tz=filters.tz)
    return csv_response(request, filename="breaches.csv", rows=_breach_rows(clocks), what="the breach list")


@role_required(Role.MANAGER)
def at_risk_export(request: HttpRequest) -> StreamingHttpResponse:
    """The at-risk list as filtered, every page of it."""
    filters = dashboard_filters(request)
    cases = metrics.at_risk(
        account_ids=filters.account_ids, hours=filters.hours, now=filters.now, holder=filters.sla.holder
    )
    return csv_response(request, filename="at-risk.csv", rows=case_rows(cases), what="the at-risk list")


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- Amazon's metrics ----------------------------------------------------------------------


def _response_chart(daily: list[dict]) -> dict:
    labels = [f"{row['day']:%d %b}" for row in daily]
    return chart_spec(
        "line",
        labels,
        [
            dataset("Answered within 24 h", [row["rate"] for row in daily], BLUE),
            dataset("Target 90%", [metrics.RESPONSE_TARGET] * len(daily), GREY, dashed=True),
        ],
        percent=True,
    )


def _odr_chart(trend: list[dict]) -> dict:
    labels = [f"{point['end']:%d %b}" for point in trend]
    labels[-1] += " (forecast)"
    return chart_spec(
        "line",
        labels,
        [
            dataset("Order defect rate", [point["rate"] for point in trend], RED),
            dataset("Target 1%", [metrics.ODR_TARGET] * len(trend), GREY, dashed=True),
        ],
        percent=True,
    )


def _compared(report: AccountHealthReport | None, account: SellerAccount, today: date) -> list[dict]:
    """Amazon's ODR per channel beside ours over Amazon's own window, with the differences explained."""
    if report is None:
        return []
    out = []
    for theirs in health.amazon_odr(report.metrics):
        ours = None
        if theirs.start and theirs.end:
            figures = metrics.odr_between(account=account, start=theirs.start, end=theirs.end, today=today)
            ours = next(f for f in figures if f.channel == theirs.channel)
        out.append({"amazon": theirs, "ours": ours, "differences": health.differences(theirs, ours) if ours else []})
    return out


@role_required(Role.MANAGER)
def amazon_metrics(request: HttpRequest) -> HttpResponse:
    """Amazon's metrics for one account (`?account=`, else the first one managed): response time,
    order defect rate (now, if the open defects were won, and the forecast), the open defects that
    move it, the order rates, Amazon's own figures beside ours, then each app's section for the
    account (`Contribution.dashboard`)."""
    accounts = list(accounts_for(request.user, min_role=Role.MANAGER).order_by("name"))
    account = _account_chosen(request, accounts)
    today = metrics.account_today(account)
    odr_now = metrics.odr(account=account, today=today)
    forecast = metrics.odr(account=account, today=today, lag=0)
    daily = metrics.response_daily(account=account, today=today)
    trend = metrics.odr_trend(account=account, today=today)
    report = AccountHealthReport.objects.filter(account=account).order_by("-imported_at", "-id").first()
    context = {
        "account": account,
        "accounts": accounts,
        "today": today,
        "responses": metrics.response_rates(account=account, today=today),
        "response_daily": daily,
        "response_chart": _response_chart(daily),
        "odr": odr_now,
        "forecast": forecast,
        "odr_target": metrics.ODR_TARGET,
        "open_defects": metrics.defects_open(account=account, today=today, odr_all=odr_now[-1]),
        "order_rates": metrics.order_rates(account=account, today=today),
        "trend": trend,
        "odr_chart": _odr_chart(trend),
        "report": report,
        "compared": _compared(report, account, today),
        "amazon_cancel": health.amazon_rate(report.metrics, *health.CANCEL_KEYS) if report else None,
        "amazon_tracking": health.amazon_rate(report.metrics, "validTrackingRate") if report else None,
        "amazon_late": health.amazon_rate(report.metrics, "lateShipmentRate") if report else None,
        "sections": registry.dashboard_sections(),
        "windows": metrics.WINDOWS,
    }
    return render(request, "helpdesk/metrics.html", context)


@role_required(Role.MANAGER)
def defect_orders(request: HttpRequest) -> HttpResponse:
    """The orders carrying the account's defects in Amazon's window (`?account=`), each defect listed."""
    account = _account_chosen(request, list(accounts_for(request.user, min_role=Role.MANAGER).order_by("name")))
    today = metrics.account_today(account)
    page = Paginator(metrics.defect_orders(account=account, today=today), LIST_PAGE).get_page(request.GET.get("page"))
    start, end = metrics.odr_window(today)
    context = {"account": account, "page": page, "start": start, "end": end, "query": _without_page(request)}
    return render(request, "helpdesk/defect_orders.html", context)


DEFECT_EXPORT_HEADER = ["Order", "Defect", "Dated", "Fulfilment", "State", "Case"]


def _defect_order_rows(defects) -> Iterator[list[str]]:
    yield DEFECT_EXPORT_HEADER
    for d in defects.iterator(chunk_size=2000):
        yield [
            d.amazon_order_id,
            d.get_kind_display(),
            d.day.isoformat(),
            d.channel or "order not imported",
            d.get_state_display(),
            str(d.case_id or ""),
        ]


@role_required(Role.MANAGER)
def defect_orders_export(request: HttpRequest) -> StreamingHttpResponse:
    """The orders carrying the account's defects in Amazon's window, every page of them."""
    account = _account_chosen(request, list(accounts_for(request.user, min_role=Role.MANAGER).order_by("name")))
    defects = metrics.defect_orders(account=account, today=metrics.account_today(account))
    return csv_response(
        request,
        filename=f"defect-orders-{account.slug}.csv",
        rows=_defect_order_rows(defects),
        what=f"the orders with defects of {account.name}",
        account=account,
    )


def _account_chosen(request: HttpRequest, accounts: list[SellerAccount]) -> SellerAccount:
    """The account of `?account=` (404 unless the user manages it), else the first one managed."""
    chosen = request.GET.get("account", "")
    if chosen.isdigit():
        return account_get(request.user, account_id=int(chosen), min_role=Role.MANAGER)
    return accounts[0]

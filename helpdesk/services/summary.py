"""The weekly summary mailed to each manager: per account they manage, the clocks that slipped
last week, the order defect rate now and its forecast, and the five oldest open cases.

A person turns it off (or on again) on their own preferences page; the change is audited. The
beat queues one task per recipient every Monday; a summary already sent this week is not sent again."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from helpdesk import metrics
from helpdesk.models import Case, Membership, SellerAccount, UserPreference
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.roles import Role, roles_at_least

from .audit import audit

OLDEST_SHOWN = 5
User = get_user_model()


def preference_of(user: AbstractBaseUser) -> UserPreference:
    return UserPreference.objects.filter(user=user).first() or UserPreference(user=user)


@transaction.atomic
def preference_update(*, user: AbstractBaseUser, weekly_summary: bool) -> UserPreference:
    preference, _ = UserPreference.objects.select_for_update().get_or_create(user=user)
    if preference.weekly_summary != weekly_summary:
        preference.weekly_summary = weekly_summary
        preference.save(update_fields=["weekly_summary", "updated_at"])
        audit(
            verb="preference.weekly_summary",
            summary=f"Weekly summary mail turned {'on' if weekly_summary else 'off'}",
            actor=user,
            before={"weekly_summary": not weekly_summary},
            after={"weekly_summary": weekly_summary},
        )
    return preference


def week_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def summary_recipient_ids() -> list[int]:
    """Active people managing at least one account, with an address, who did not opt out."""
    managers = Membership.objects.filter(role__in=roles_at_least(Role.MANAGER), user__is_active=True).exclude(
        user__email=""
    )
    opted_out = UserPreference.objects.filter(weekly_summary=False).values("user_id")
    return sorted(set(managers.exclude(user_id__in=opted_out).values_list("user_id", flat=True)))


@dataclass(frozen=True)
class AccountWeek:
    account: SellerAccount
    slipped: list[metrics.SlaRow]
    odr: metrics.Odr
    forecast: metrics.Odr
    oldest: list[Case]


def account_week(*, account: SellerAccount, now: datetime) -> AccountWeek:
    today = metrics.account_today(account, now)
    last_week = metrics.SlaFilters((account.id,), today - timedelta(days=7), today - timedelta(days=1))
    slipped = [row for row in metrics.sla_by_kind(last_week, tz=account.tzinfo) if row.met_late or row.breached]
    oldest = list(
        Case.objects.filter(account=account, status__in=ACTIVE_STATUSES)
        .select_related("assignee")
        .order_by("opened_at", "id")[:OLDEST_SHOWN]
    )
    return AccountWeek(
        account=account,
        slipped=slipped,
        odr=metrics.odr(account=account, today=today)[-1],
        forecast=metrics.odr(account=account, today=today, lag=0)[-1],
        oldest=oldest,
    )


def weekly_summary_send(*, user_id: int, now: datetime | None = None) -> bool:
    """Mail the person their week, unless they opted out, lost their role or had it this week already.
    True if sent."""
    now = now or timezone.now()
    user = User.objects.filter(id=user_id, is_active=True).exclude(email="").first()
    if user is None:
        return False
    monday = week_of(timezone.localdate(now))
    with transaction.atomic():
        preference, _ = UserPreference.objects.select_for_update().get_or_create(user=user)
        if not preference.weekly_summary or preference.summary_sent_on == monday:
            return False
        accounts = SellerAccount.objects.filter(
            memberships__user=user, memberships__role__in=roles_at_least(Role.MANAGER)
        ).order_by("name")
        weeks = [account_week(account=account, now=now) for account in accounts]
        if not weeks:
            return False
        body = render_to_string(
            "helpdesk/weekly_summary.txt",
            {
                "user": user,
                "weeks": weeks,
                "monday": monday,
                "site": settings.SITE_URL.rstrip("/"),
                "preferences": reverse("preferences"),
            },
        )
        EmailMessage(subject=f"[Sellerdesk] Your week, {monday:%d %b %Y}", body=body, to=[user.email]).send()
        preference.summary_sent_on = monday
        preference.save(update_fields=["summary_sent_on", "updated_at"])
    return True

"""Reads. Every tenant-scoped queryset a view touches starts here.

`account_ids_for` is the one place that decides which seller accounts a user
may see; everything else narrows a queryset to those ids. An object outside
them simply does not exist for that user (404, never 403).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from helpdesk.models import (
    Activity,
    Case,
    Deadline,
    ImportJob,
    Invitation,
    Membership,
    Notification,
    Order,
    Policy,
    SellerAccount,
    UserPreference,
)
from helpdesk.models.cases import ACTIVE_STATUSES
from helpdesk.registry import registry
from helpdesk.roles import Role, roles_at_least

User = get_user_model()


def _memberships(user: AbstractBaseUser) -> list[tuple[int, str]]:
    """(account id, role) of every membership of `user`.

    Read once per request for `request.user` (a lazy object that lives for one
    request); any other user object (services, commands, tests) reads fresh."""
    if isinstance(user, SimpleLazyObject):
        if "_memberships" not in user.__dict__:
            user.__dict__["_memberships"] = _memberships(user._wrapped)
        return user.__dict__["_memberships"]
    return list(Membership.objects.filter(user=user).order_by("account_id").values_list("account_id", "role"))


def time_zone_preference(user: AbstractBaseUser) -> str:
    """The zone `user` chose to read every time in, or "" (each account's own). Once per request for
    `request.user`, which `helpdesk.backends` reads with its preferences, so that costs no query; any
    other user object reads fresh, as `_memberships`."""
    if isinstance(user, SimpleLazyObject):
        if "_time_zone" not in user.__dict__:
            real = user
            while isinstance(real, SimpleLazyObject):  # auth's lazy user, wrapped again by django-otp's
                real.is_authenticated  # noqa: B018  (reads the wrapped user)
                real = real._wrapped
            if real.is_authenticated and type(real).preference.is_cached(real):
                preference = getattr(real, "preference", None)
                user.__dict__["_time_zone"] = preference.time_zone if preference else ""
            else:
                user.__dict__["_time_zone"] = time_zone_preference(real)
        return user.__dict__["_time_zone"]
    if not user.is_authenticated:
        return ""
    return UserPreference.objects.filter(user=user).values_list("time_zone", flat=True).first() or ""


def account_ids_for(user: AbstractBaseUser, *, min_role: str = Role.AGENT) -> list[int]:
    """Ids of the seller accounts where `user` holds at least `min_role`."""
    if not user.is_authenticated:
        return []
    allowed = roles_at_least(min_role)
    return [account_id for account_id, role in _memberships(user) if role in allowed]


def scoped[M](
    queryset: QuerySet[M], user: AbstractBaseUser, *, min_role: str = Role.AGENT, field: str = "account_id"
) -> QuerySet[M]:
    """Narrow any queryset to the accounts where `user` holds at least `min_role`."""
    return queryset.filter(**{f"{field}__in": account_ids_for(user, min_role=min_role)})


def has_role(user: AbstractBaseUser, account_id: int, role: str) -> bool:
    return account_id in account_ids_for(user, min_role=role)


def highest_role(user: AbstractBaseUser) -> str | None:
    for role in (Role.ADMIN, Role.MANAGER, Role.AGENT):
        if account_ids_for(user, min_role=role):
            return role
    return None


def accounts_for(user: AbstractBaseUser, *, min_role: str = Role.AGENT) -> QuerySet[SellerAccount]:
    return SellerAccount.objects.filter(id__in=account_ids_for(user, min_role=min_role))


def account_get(user: AbstractBaseUser, *, account_id: int, min_role: str = Role.AGENT) -> SellerAccount:
    return get_object_or_404(accounts_for(user, min_role=min_role), id=account_id)


def account_chosen(
    user: AbstractBaseUser, *, chosen: str | None, min_role: str = Role.AGENT
) -> tuple[SellerAccount, list[SellerAccount]]:
    """The account a page's ?account= names (`chosen`), or the user's first, with all the user's
    accounts at `min_role` (for the page's picker): one query. Any other account is 404."""
    accounts = list(accounts_for(user, min_role=min_role))
    if chosen is None:
        return accounts[0], accounts
    account = next((a for a in accounts if str(a.id) == chosen), None)
    if account is None:
        raise Http404("No such seller account.")
    return account, accounts


# --- the queue -------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    kind: str = ""
    status: str = "active"  # "active", "all", or one CaseStatus
    assignee: str = ""  # "", "mine", "unassigned", or a user id
    account: int | None = None
    due_within_hours: int | None = None
    sort: str = "due"  # a key of QUEUE_SORTS, "-" first for the other way round


# The queue's sortable columns: the column first (empty ones last either way), then the clock and the id,
# so rows equal in the column keep one order.
QUEUE_SORTS = {
    "due": "next_due_at",
    "kind": "kind",
    "order": "amazon_order_id",
    "buyer": "buyer_name",
    "assignee": "assignee__first_name",
}


def _ordering(sort: str) -> list:
    column = QUEUE_SORTS.get(sort.removeprefix("-"), QUEUE_SORTS["due"])
    lead = F(column).desc(nulls_last=True) if sort.startswith("-") else F(column).asc(nulls_last=True)
    then = [] if column == "next_due_at" else [F("next_due_at").asc(nulls_last=True)]
    return [lead, *then, "id"]


def queue_cases(
    user: AbstractBaseUser, filters: QueueFilters, *, now: datetime | None = None, min_role: str = Role.AGENT
) -> QuerySet[Case]:
    """The unified queue: every case of the user's accounts (where they hold `min_role`), soonest due first."""
    cases = scoped(Case.objects.all(), user, min_role=min_role)
    if filters.status == "active":
        cases = cases.filter(status__in=ACTIVE_STATUSES)
    elif filters.status != "all":
        cases = cases.filter(status=filters.status)
    if filters.kind:
        cases = cases.filter(kind=filters.kind)
    if filters.account:
        cases = cases.filter(account_id=filters.account)
    if filters.assignee == "mine":
        cases = cases.filter(assignee=user)
    elif filters.assignee == "unassigned":
        cases = cases.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        cases = cases.filter(assignee_id=int(filters.assignee))
    if filters.due_within_hours is not None:
        horizon = (now or timezone.now()) + timedelta(hours=filters.due_within_hours)
        cases = cases.filter(next_due_at__lte=horizon)
    return cases.select_related("account", "assignee").order_by(*_ordering(filters.sort))


CASE_EXPORT_HEADER = [
    "Case",
    "Kind",
    "Status",
    "Priority",
    "Due (UTC)",
    "Order ID",
    "Buyer",
    "Subject",
    "Assignee",
    "Account",
    "Opened (UTC)",
]


def _utc(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if moment else ""


def case_rows(cases: Iterable[Case] | QuerySet[Case], *, chunk_size: int = 2000) -> Iterator[list[str]]:
    """The header, then one row per case (a queryset is read in chunks), for a CSV export of a list
    of cases: the queue, search results."""
    yield CASE_EXPORT_HEADER
    if isinstance(cases, QuerySet):
        cases = cases.iterator(chunk_size=chunk_size)
    for case in cases:
        assignee = case.assignee
        yield [
            str(case.id),
            case.get_kind_display(),
            case.get_status_display(),
            case.get_priority_display(),
            _utc(case.next_due_at),
            case.amazon_order_id,
            case.buyer_name,
            case.subject,
            (assignee.get_full_name() or assignee.username) if assignee else "",
            case.account.name,
            _utc(case.opened_at),
        ]


def assignable_users(user: AbstractBaseUser) -> QuerySet:
    """People a case of the user's accounts may be given to."""
    return (
        User.objects.filter(memberships__account_id__in=account_ids_for(user), is_active=True)
        .distinct()
        .only("id", "username", "first_name", "last_name")
        .order_by("first_name", "username")
    )


def assignable_people(user: AbstractBaseUser) -> list[tuple[int, str]]:
    """(id, name) of the people a case may be given to, for pickers: no model instances."""
    rows = assignable_users(user).values_list("id", "first_name", "last_name", "username")
    return [(pk, f"{first} {last}".strip() or username) for pk, first, last, username in rows]


CASE_PAGE_RELATED = ("account", "order", "assignee")


def case_get(user: AbstractBaseUser, *, case_id: int, related: Iterable[str] = CASE_PAGE_RELATED) -> Case:
    """A case of the user's accounts, read with `related` (by default what the case page shows)."""
    return get_object_or_404(scoped(Case.objects.select_related(*related), user), id=case_id)


def case_timeline(case: Case) -> QuerySet[Activity]:
    """The case page's timeline: what each row says, when and by whom (not its before/after values)."""
    return (
        case.activities.select_related("actor")
        .only("case_id", "verb", "summary", "created_at", "actor__username", "actor__first_name", "actor__last_name")
        .order_by("created_at", "id")
    )


def prefetched(instance, relation: str) -> list | None:
    """The objects of `relation` read with `instance` already (prefetch_related), or None if they were not."""
    cache = getattr(instance, "_prefetched_objects_cache", {})
    return list(cache[relation]) if relation in cache else None


def case_deadlines_read(case: Case) -> Case:
    """The case with its clocks read, by due time: the case page reads them once, for its clocks card
    (case_deadlines) and for what the apps' panels show of them."""
    prefetch_related_objects([case], Prefetch("deadlines", queryset=Deadline.objects.order_by("due_at")))
    return case


def case_deadlines(case: Case) -> Iterable[Deadline]:
    """The case's clocks by due time: those read with it (case_deadlines_read), else from the database."""
    read = prefetched(case, "deadlines")
    return read if read is not None else case.deadlines.order_by("due_at")


ORDER_CASES_SHOWN = 10


def order_other_cases(case: Case) -> list[Case]:
    """The other cases on the case's order (a buyer message next to the feedback it led to), newest first."""
    if case.order_id is None:
        return []
    return list(
        Case.objects.filter(account_id=case.account_id, order_id=case.order_id)
        .exclude(pk=case.pk)
        .order_by("-opened_at", "-id")[:ORDER_CASES_SHOWN]
    )


def import_jobs(user: AbstractBaseUser, *, kind: str = "") -> QuerySet[ImportJob]:
    """Report imports (of one kind, if given) of the accounts the user manages, newest first, without their bytes."""
    jobs = ImportJob.objects.select_related("account", "created_by")
    if kind:
        jobs = jobs.filter(kind=kind)
    return scoped(jobs, user, min_role=Role.MANAGER)


def order_get(user: AbstractBaseUser, *, order_id: int) -> Order:
    return get_object_or_404(scoped(Order.objects.all(), user), id=order_id)


# --- notifications --------------------------------------------------------


def notifications_for(user: AbstractBaseUser, *, unread_only: bool = False) -> QuerySet[Notification]:
    notes = Notification.objects.filter(user=user, account_id__in=account_ids_for(user))
    if unread_only:
        notes = notes.filter(read_at__isnull=True)
    return notes.select_related("case", "account").order_by("-created_at", "-id")


def unread_count(user: AbstractBaseUser) -> int:
    return notifications_for(user, unread_only=True).count()


def nav_context(user: AbstractBaseUser) -> dict:
    """The header: the user's highest role, the links of every role they hold (agents' links for
    everyone logged in; admins' also for superusers), and their unread notification count — counted
    only when a template shows it: an htmx fragment (a live check, a card) renders no header."""
    roles = {Role.AGENT}
    if account_ids_for(user, min_role=Role.MANAGER):
        roles.add(Role.MANAGER)
    if account_ids_for(user, min_role=Role.ADMIN) or user.is_superuser:
        roles.add(Role.ADMIN)
    return {
        "nav_role": highest_role(user),
        "nav_links": registry.nav_entries(roles=roles),
        "nav_unread": SimpleLazyObject(partial(unread_count, user)),
    }


# --- administration -------------------------------------------------------


@dataclass(frozen=True)
class AccountSettings:
    account: SellerAccount
    role: str
    pages: list  # helpdesk.registry.SettingsPage, each linked with the account's id
    shared: list  # pages listing every account of the viewer, linked without an id


def settings_areas(user: AbstractBaseUser) -> list[AccountSettings]:
    """Per account the user manages or administers, the settings pages their role there opens."""
    roles = dict(_memberships(user))
    areas = []
    for account in accounts_for(user, min_role=Role.MANAGER):
        pages = registry.settings_pages(role=roles[account.id])
        areas.append(
            AccountSettings(
                account=account,
                role=roles[account.id],
                pages=[page for page in pages if page.per_account],
                shared=[page for page in pages if not page.per_account],
            )
        )
    return areas


def memberships_for_admin(user: AbstractBaseUser) -> QuerySet[Membership]:
    return scoped(Membership.objects.select_related("user", "account"), user, min_role=Role.ADMIN).order_by(
        "account__name", "user__username"
    )


def invitations_pending(account: SellerAccount) -> QuerySet[Invitation]:
    """The account's invitations not yet accepted, revoked or expired, newest first."""
    return account.invitations.filter(accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()).select_related(
        "invited_by"
    )


def policies_for(account: SellerAccount) -> QuerySet[Policy]:
    return account.policies.order_by("kind")

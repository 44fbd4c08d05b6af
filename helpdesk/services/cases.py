"""Writes on cases: open, assign, move through the status map, prioritise."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from helpdesk.models import Case, CaseStatus, Membership, Notification, Order, Priority, SellerAccount
from helpdesk.models.accounts import Role
from helpdesk.models.cases import CASE_TRANSITIONS, FINAL_STATUSES
from helpdesk.selectors import has_role, scoped

from .audit import audit


class InvalidTransition(Exception):
    """A status move the transitions map does not allow."""


def _user_label(user: AbstractBaseUser | None) -> str:
    if user is None:
        return "nobody"
    return user.get_full_name() or user.get_username()


@transaction.atomic
def case_open(
    *,
    account: SellerAccount,
    kind: str,
    order: Order | None = None,
    subject: str = "",
    buyer_name: str = "",
    opened_at: datetime | None = None,
    actor: AbstractBaseUser | None = None,
) -> Case:
    if order is not None and order.account_id != account.id:
        raise ValidationError("The order belongs to another seller account.")
    case = Case.objects.create(
        account=account,
        kind=kind,
        order=order,
        subject=subject,
        buyer_name=buyer_name or (order.buyer_name if order else ""),
        opened_at=opened_at or timezone.now(),
    )
    audit(verb="case.opened", summary=f"{case.get_kind_display()} case opened", actor=actor, case=case)
    return case


def _may_assign(actor: AbstractBaseUser, case: Case) -> bool:
    """Agents take unassigned cases or hand on their own; managers reassign anything."""
    if has_role(actor, case.account_id, Role.MANAGER):
        return True
    return has_role(actor, case.account_id, Role.AGENT) and case.assignee_id in (None, actor.pk)


@transaction.atomic
def case_assign(*, case: Case, assignee: AbstractBaseUser | None, actor: AbstractBaseUser) -> Case:
    case = Case.objects.select_for_update(of=("self",)).select_related("assignee").get(pk=case.pk)
    if not _may_assign(actor, case):
        raise PermissionDenied("Only a manager can reassign a case that someone else holds.")
    if assignee is not None and not Membership.objects.filter(user=assignee, account_id=case.account_id).exists():
        raise ValidationError(f"{_user_label(assignee)} does not work on {case.account}.")
    if case.assignee_id == (assignee.pk if assignee else None):
        return case
    before = _user_label(case.assignee)
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    audit(
        verb="case.assigned",
        summary=f"Assigned to {_user_label(assignee)}",
        actor=actor,
        case=case,
        before={"assignee": before},
        after={"assignee": _user_label(assignee)},
    )
    if assignee is not None and assignee.pk != actor.pk:
        Notification.objects.create(
            user=assignee,
            account=case.account,
            case=case,
            kind=Notification.Kind.ASSIGNED,
            title=f"{_user_label(actor)} assigned you case #{case.pk}: {case.subject or case.get_kind_display()}",
        )
    return case


def cases_bulk_assign(
    *, case_ids: Iterable[int], assignee: AbstractBaseUser | None, actor: AbstractBaseUser
) -> tuple[int, int]:
    """Assign every listed case of the actor's accounts that the actor may assign.

    Returns (assigned, refused); cases of other accounts are neither."""
    assigned = refused = 0
    for case in scoped(Case.objects.filter(id__in=list(case_ids)), actor).order_by("id"):
        try:
            case_assign(case=case, assignee=assignee, actor=actor)
        except PermissionDenied:
            refused += 1
        else:
            assigned += 1
    return assigned, refused


@transaction.atomic
def case_transition(*, case: Case, to: str, actor: AbstractBaseUser | None) -> Case:
    """Move a case through the status map; a final status cancels its unmet clocks."""
    from .deadlines import deadlines_cancel_for_case

    case = Case.objects.select_for_update().get(pk=case.pk)
    if to not in CASE_TRANSITIONS[case.status]:
        raise InvalidTransition(f"A {case.get_status_display().lower()} case cannot become {to}.")
    before = case.status
    case.status = to
    case.closed_at = timezone.now() if to in FINAL_STATUSES else None
    case.save(update_fields=["status", "closed_at", "updated_at"])
    audit(
        verb="case.status",
        summary=f"Status {CaseStatus(before).label} → {CaseStatus(to).label}",
        actor=actor,
        case=case,
        before={"status": before},
        after={"status": to},
    )
    if to in FINAL_STATUSES:
        deadlines_cancel_for_case(case=case, actor=actor, reason=f"case {CaseStatus(to).label.lower()}")
    return case


@transaction.atomic
def case_set_priority(*, case: Case, priority: int, actor: AbstractBaseUser | None) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.priority == priority:
        return case
    before = case.priority
    case.priority = priority
    case.save(update_fields=["priority", "updated_at"])
    audit(
        verb="case.priority",
        summary=f"Priority {Priority(before).label} → {Priority(priority).label}",
        actor=actor,
        case=case,
        before={"priority": before},
        after={"priority": priority},
    )
    return case

"""Writes on cases: assign, prioritise, and change status by hand. Opening, moving and settling a
case are in `lifecycle`."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from helpdesk.models import Case, Membership, Notification, Priority
from helpdesk.models.cases import FINAL_STATUSES
from helpdesk.roles import Role
from helpdesk.selectors import has_role, scoped

from .audit import audit
from .lifecycle import case_transition


def _user_label(user: AbstractBaseUser | None) -> str:
    if user is None:
        return "nobody"
    return user.get_full_name() or user.get_username()


def _may_assign(actor: AbstractBaseUser, case: Case) -> bool:
    """Agents take unassigned cases or hand on their own; managers reassign anything."""
    if has_role(actor, case.account_id, Role.MANAGER):
        return True
    return has_role(actor, case.account_id, Role.AGENT) and case.assignee_id in (None, actor.pk)


def may_close(actor: AbstractBaseUser, case: Case) -> bool:
    """Who may resolve or close a case by hand: its holder, anyone on an unassigned one (an agent
    could take it first), and managers any."""
    if has_role(actor, case.account_id, Role.MANAGER):
        return True
    return has_role(actor, case.account_id, Role.AGENT) and case.assignee_id in (None, actor.pk)


@transaction.atomic
def case_status_set(*, case: Case, to: str, actor: AbstractBaseUser) -> Case:
    """An agent's status change. Resolving or closing cancels the case's clocks, so it is the
    holder's or a manager's decision (a breach stays recorded on the clock either way)."""
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if to in FINAL_STATUSES and not may_close(actor, case):
        raise PermissionDenied("Someone else holds this case: only they or a manager can close it.")
    return case_transition(case=case, to=to, actor=actor)


@transaction.atomic
def case_assign(*, case: Case, assignee: AbstractBaseUser | None, actor: AbstractBaseUser) -> Case:
    # With the account its audit row and notification hang on.
    case = Case.objects.select_for_update(of=("self",)).select_related("assignee", "account").get(pk=case.pk)
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

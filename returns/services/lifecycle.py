"""How a return moves, and what each move does to its case: one transition function over the
status map (`RETURN_TRANSITIONS`), the buyer keys, the units that come back, and settling the case
once nothing is left to do (decided, and — when the unit came back — graded and refunded)."""

from collections.abc import Iterable
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from helpdesk.models import Case, CaseStatus
from helpdesk.services.lifecycle import case_settle, case_transition, transition

from ..models import (
    RETURN_TRANSITIONS,
    Channel,
    GradedBy,
    Return,
    ReturnedUnit,
    ReturnItem,
    ReturnStatus,
)
from ..rules import disposition_for, grade_from_fba_disposition, keys_for
from ..tasks import refresh_figures


def return_transition(
    *, ret: Return, to: str, actor: AbstractBaseUser | None, summary: str, also: dict | None = None
) -> Return:
    """Move a return through its status map, audited on its case (or its account, for FBA)."""
    moved = transition(
        ret,
        to=to,
        transitions=RETURN_TRANSITIONS,
        verb="return.status",
        summary=summary,
        also=also,
        actor=actor,
        case=lambda r: r.case,
        account=lambda r: r.account,
        related=["account", "case"],
        refusal=lambda r, to: (
            f"This return is {r.get_status_display().lower()}: it cannot become {ReturnStatus(to).label.lower()}."
        ),
    )
    ret.status, ret.updated_at = moved.status, moved.updated_at
    return moved


def units_for(*, ret: Return, items: Iterable[ReturnItem], received_on: date) -> list[ReturnedUnit]:
    """One unsaved unit per unit of each item; FBA's units come graded by its disposition."""
    units = []
    graded = ret.channel == Channel.AFN
    grade = grade_from_fba_disposition(ret.disposition) if graded else ""
    for item in items:
        for number in range(1, item.quantity + 1):
            units.append(
                ReturnedUnit(
                    ret=ret,
                    item=item,
                    account_id=ret.account_id,
                    sku=item.sku,
                    number=number,
                    received_on=received_on,
                    grade=grade,
                    disposition=disposition_for(grade) if graded else "",
                    graded_by=GradedBy.AMAZON if graded else "",
                    graded_at=timezone.now() if graded else None,
                )
            )
    return units


@transaction.atomic
def return_receive(
    *,
    ret: Return,
    received_on: date,
    actor: AbstractBaseUser | None,
    sender_address: str = "",
    sender_postal_code: str = "",
    sender_country: str = "",
    summary: str = "",
) -> Return:
    """The parcel came back: its units are due for grading; the case is work again."""
    ret = return_transition(
        ret=ret,
        to=ReturnStatus.RECEIVED,
        actor=actor,
        summary=summary or f"Return received on {received_on:%d %b %Y}: its units are to be graded",
        also={
            "received_on": received_on,
            "sender_address": sender_address.strip(),
            "sender_postal_code": sender_postal_code.strip().upper(),
            "sender_country": sender_country.strip().upper(),
        },
    )
    if sender_address.strip():
        keys = keys_for(
            sender_address=sender_address, sender_postal_code=sender_postal_code, sender_country=sender_country
        )
        Return.objects.filter(pk=ret.pk).update(address_key=keys["address_key"])
        ret.address_key = keys["address_key"]
    if not ret.units.exists():
        ReturnedUnit.objects.bulk_create(units_for(ret=ret, items=ret.items.all(), received_on=received_on))
    if ret.case_id and ret.case.status == CaseStatus.WAITING:
        case_transition(case=ret.case, to=CaseStatus.OPEN, actor=actor)
    figures_refresh_later(ret)
    return ret


def return_settle_if_done(*, ret: Return, actor: AbstractBaseUser | None, at: datetime | None = None) -> bool:
    """Close the return's case when nothing is left: closed, or refunded with every unit graded.
    Returns whether the case was settled."""
    case = Case.objects.filter(pk=ret.case_id).first() if ret.case_id else None
    if case is None or case.is_final:
        return False
    ungraded = ret.units.filter(grade="").exists()
    if ret.status == ReturnStatus.CLOSED or (ret.status == ReturnStatus.REFUNDED and not ungraded):
        case_settle(case=case, at=at or timezone.now(), actor=actor)
        return True
    return False


def figures_refresh_later(ret: Return, skus: Iterable[str] | None = None) -> None:
    """The managers' figures of the return's SKUs, refreshed by a worker once this commits."""
    skus = sorted(set(skus) if skus is not None else set(ret.items.values_list("sku", flat=True)))
    if skus:
        refresh_figures.delay_on_commit(ret.account_id, skus)

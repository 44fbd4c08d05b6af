"""Reads on claims. Every queryset a view touches is scoped to the user's accounts here."""

from datetime import date, time

from django.contrib.auth.models import AbstractBaseUser
from django.shortcuts import get_object_or_404

from helpdesk.calendars import BusinessHours, holiday_country_choices, parse_opening_hours
from helpdesk.models import Calendar, Case, Policy, SellerAccount
from helpdesk.selectors import scoped
from messaging.kinds import MESSAGE_RESPONSE
from messaging.models import Message

from .models import Claim, ClaimNotice, Response
from .validity import RETURN, ClaimRecord, Refund

WEEKDAYS = {day: ((time(9), time(17)),) for day in range(5)}  # Monday to Friday, when no policy says otherwise


def claim_get(user: AbstractBaseUser, *, claim_id: int) -> Claim:
    return get_object_or_404(scoped(Claim.objects.select_related("account", "case__order"), user), id=claim_id)


def claim_for_case(case: Case) -> Claim | None:
    return Claim.objects.select_related("account", "case__order", "responded_by").filter(case=case).first()


def claim_notices(claim: Claim) -> list[ClaimNotice]:
    return list(claim.notices.select_related("mail").defer("mail__raw").order_by("sent_at", "id"))


def account_calendar(account: SellerAccount) -> BusinessHours:
    """The account's business days: the opening weekdays of its policy for answering buyer
    messages (Monday to Friday when that runs on calendar hours), that policy's holidays and
    closed dates, else the marketplace country's public holidays."""
    policy = Policy.objects.filter(account=account, kind=MESSAGE_RESPONSE).first()
    opening = WEEKDAYS
    if policy is not None and policy.calendar == Calendar.BUSINESS and policy.opening_hours:
        opening = parse_opening_hours(policy.opening_hours)
    known = {code for code, _ in holiday_country_choices()}
    country = (policy.holiday_country if policy else "") or (
        account.marketplace if account.marketplace in known else ""
    )
    return BusinessHours(
        tz=account.tzinfo,
        opening=opening,
        holiday_country=country,
        holiday_subdivision=(policy.holiday_subdivision if policy and policy.holiday_country else ""),
        closed_dates=frozenset(date.fromisoformat(day) for day in (policy.closed_dates if policy else [])),
    )


def claim_record(claim: Claim) -> ClaimRecord:
    """Everything our records hold about the claim's order, in a fixed number of queries."""
    order = claim.case.order
    items = list(order.items.all()) if order is not None else []
    thread = list(
        Message.objects.filter(
            conversation__account_id=claim.account_id, conversation__amazon_order_id=claim.amazon_order_id
        )
        .select_related("author")
        .defer("body_html", "quoted_text")
        .order_by("sent_at", "id")
    )
    return_cases = list(
        Case.objects.filter(account_id=claim.account_id, amazon_order_id=claim.amazon_order_id, kind=RETURN).order_by(
            "opened_at", "id"
        )
    )
    on_order = list(
        Claim.objects.filter(account_id=claim.account_id, amazon_order_id=claim.amazon_order_id).order_by("claimed_at")
    )
    refunds = [
        Refund(c.responded_at, c.refund_amount, f"{Response(c.response).label.lower()} on case #{c.case_id}")
        for c in on_order
        if c.refund_amount is not None and c.responded_at is not None
    ]
    refused = any(notice.facts.get("refused") for notice in claim.notices.all())
    return ClaimRecord(
        claim=claim,
        account=claim.account,
        order=order,
        items=items,
        thread=thread,
        return_cases=return_cases,
        other_claims=[c for c in on_order if c.pk != claim.pk],
        refunds=refunds,
        calendar=account_calendar(claim.account),
        refused=refused,
    )

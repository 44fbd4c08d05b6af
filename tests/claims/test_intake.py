"""Notices become claims: one case per order and kind whatever arrives twice, the 72-hour and
7-day clocks from the notice, requests for more on their own clock, decisions followed to the end."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimNotice, ClaimStatus, NoticeWhat, Outcome
from claims.services import claim_respond, notice_take
from helpdesk.models import Case, CaseStatus, Deadline, DeadlineState
from helpdesk.services.orders import OrderWrite, orders_upsert
from messaging.services import notices_hand_over
from tests.factories import OrderFactory

from .conftest import notice_bytes, receive

pytestmark = pytest.mark.django_db


def clocks(case):
    return [(d.kind, d.state) for d in Deadline.objects.filter(case=case).order_by("started_at", "id")]


def test_a_claim_notice_opens_an_atoz_case_with_72_hours_from_the_notice(account, django_capture_on_commit_callbacks):
    order = OrderFactory(account=account, amazon_order_id="113-8890123-4456789")
    mail = receive(account, "atoz_action_required_us.eml", django_capture_on_commit_callbacks)

    claim = Claim.objects.get()
    assert mail.handled_at is not None and mail.handover_error == ""
    assert (claim.kind, claim.amazon_order_id, claim.amount, claim.currency) == (
        "atoz", "113-8890123-4456789", Decimal("45.99"), "USD"
    )  # fmt: skip
    assert claim.case.kind == "atoz" and claim.case.order == order and claim.status == ClaimStatus.OPEN
    assert claim.case.subject == "A-to-z Guarantee claim: Item not received"
    deadline = Deadline.objects.get(case=claim.case)
    notice_at = datetime(2025, 1, 20, 15, 0, tzinfo=UTC)
    assert deadline.kind == "atoz_response"
    assert (deadline.started_at, deadline.due_at) == (notice_at, notice_at + timedelta(hours=72))
    assert deadline.warn_at == notice_at + timedelta(hours=48)


def test_a_chargeback_opens_with_seven_calendar_days_from_the_email_date(account, django_capture_on_commit_callbacks):
    receive(account, "chargeback_new_us.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    assert (claim.kind, claim.liability, claim.ground) == ("chargeback", "service", "not_received")
    assert claim.notice_address == "Springfield, IL 62704"
    deadline = Deadline.objects.get(case=claim.case)
    assert deadline.kind == "chargeback_response"
    assert deadline.due_at == datetime(2025, 1, 31, 9, 15, tzinfo=UTC)


def test_the_same_notice_twice_or_resent_makes_one_case(account, django_capture_on_commit_callbacks):
    mail = receive(account, "atoz_action_required_us.eml", django_capture_on_commit_callbacks)
    assert notices_hand_over(mail_ids=[mail.pk]) == 0  # handled: never again
    notice_take(mail=mail)  # a hand-over retried after a crash between its commit and our knowing it
    resent = notice_bytes("atoz_action_required_us.eml").replace(b"atoz-action-required-us@", b"atoz-resent@")
    receive(account, "resent.eml", django_capture_on_commit_callbacks, raw=resent)

    claim = Claim.objects.get()
    assert Case.objects.filter(kind="atoz").count() == 1
    assert list(claim.notices.values_list("what", flat=True)) == [NoticeWhat.NEW, NoticeWhat.REMINDER]
    assert clocks(claim.case) == [("atoz_response", DeadlineState.OPEN)]


def test_a_notice_about_an_order_not_held_opens_its_case_and_the_order_is_linked_when_it_arrives(
    account, django_capture_on_commit_callbacks
):
    receive(account, "atoz_received_es.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    assert claim.case.order is None and claim.case.amazon_order_id == "405-4455667-8899001"
    orders_upsert(
        account=account,
        orders=[OrderWrite(amazon_order_id="405-4455667-8899001", fields={"status": "Shipped"})],
    )
    claim.case.refresh_from_db()
    assert claim.case.order.amazon_order_id == "405-4455667-8899001"


def test_a_request_for_more_starts_a_clock_due_when_it_says(account, agent, django_capture_on_commit_callbacks):
    receive(account, "atoz_action_required_us.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    claim_respond(claim=claim, response="evidence", statement="Delivered, tracking attached.", actor=agent)
    assert Case.objects.get(pk=claim.case_id).status == CaseStatus.WAITING

    receive(account, "atoz_information_us.eml", django_capture_on_commit_callbacks)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN and claim.case.status == CaseStatus.OPEN
    information = Deadline.objects.get(case=claim.case, kind="atoz_information")
    # "by January 27, 2025": the end of that day in the account's time (New York)
    assert information.due_at == datetime(2025, 1, 28, 4, 59, 59, tzinfo=UTC)
    assert information.started_at == datetime(2025, 1, 22, 15, 0, tzinfo=UTC)
    assert clocks(claim.case) == [("atoz_response", DeadlineState.MET), ("atoz_information", DeadlineState.OPEN)]


def test_a_request_that_states_no_deadline_gets_the_accounts_default(account, django_capture_on_commit_callbacks):
    receive(account, "chargeback_new_fr.eml", django_capture_on_commit_callbacks)
    receive(account, "chargeback_query_fr.eml", django_capture_on_commit_callbacks)
    information = Deadline.objects.get(kind="chargeback_information")
    assert information.due_at - information.started_at == timedelta(days=7)


def test_a_decision_mail_closes_the_case_with_its_outcome(account, agent, django_capture_on_commit_callbacks):
    receive(account, "chargeback_new_us.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    claim_respond(claim=claim, response="represent", statement="Delivered on 20 Jan, signed.", actor=agent)
    receive(account, "chargeback_decision_us.eml", django_capture_on_commit_callbacks)

    claim.refresh_from_db()
    assert (claim.status, claim.outcome, claim.outcome_amount) == (
        ClaimStatus.DECIDED,
        Outcome.DENIED,
        Decimal("45.99"),
    )
    assert claim.case.status == CaseStatus.CLOSED
    assert clocks(claim.case) == [("chargeback_response", DeadlineState.MET)]


def test_a_debit_after_a_won_chargeback_reopens_it_with_the_dispute_window(account, django_capture_on_commit_callbacks):
    for name in ("chargeback_new_us.eml", "chargeback_decision_us.eml", "chargeback_debit_us.eml"):
        receive(account, name, django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    assert claim.outcome == Outcome.GRANTED_SELLER and claim.case.status == CaseStatus.OPEN
    appeal = Deadline.objects.get(case=claim.case, kind="claim_appeal")
    assert appeal.started_at == datetime(2025, 4, 21, 9, 0, tzinfo=UTC)
    assert appeal.due_at == appeal.started_at + timedelta(days=30)
    assert appeal.state == DeadlineState.OPEN


def test_a_seller_funded_decision_shows_the_appeal_window_as_a_clock_that_warns(
    account, django_capture_on_commit_callbacks
):
    receive(account, "atoz_action_required_us.eml", django_capture_on_commit_callbacks)
    receive(account, "atoz_decision_us.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    assert claim.outcome == Outcome.GRANTED_SELLER and claim.case.status == CaseStatus.OPEN
    assert clocks(claim.case) == [("atoz_response", DeadlineState.CANCELLED), ("claim_appeal", DeadlineState.OPEN)]
    appeal = Deadline.objects.get(kind="claim_appeal")
    assert appeal.warn_at == appeal.due_at - timedelta(days=7)


def test_a_decision_that_arrives_first_opens_the_claim_without_a_response_clock(
    account, django_capture_on_commit_callbacks
):
    receive(account, "atoz_decision_it.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    assert claim.outcome == Outcome.WITHDRAWN and claim.case.status == CaseStatus.CLOSED
    assert clocks(claim.case) == []
    assert ClaimNotice.objects.get().what == NoticeWhat.DECISION


def test_a_notice_without_an_order_fails_visibly_and_opens_nothing(account, django_capture_on_commit_callbacks):
    raw = notice_bytes("chargeback_inquiry_us.eml").replace(b"112-4455667-7889900", b"(see Seller Central)")
    mail = receive(account, "no-order.eml", django_capture_on_commit_callbacks, raw=raw)
    assert mail.handled_at is None and "names no Amazon order id" in mail.handover_error
    assert not Claim.objects.exists() and not Case.objects.filter(kind="chargeback").exists()
    assert mail.handover_next_at > timezone.now()

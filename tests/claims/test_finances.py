"""Amazon's Finances API (listFinancialEvents), served by the local SP-API server from events built
on Amazon's model: stored once, a claim whose mail never came opened with a note, a notice and an
event for the same claim one case, the final debit recorded; failures as the order sync's."""

import copy
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimSource, FinancesEvent, FinancesSync, Outcome
from claims.services.finances import finances_sync
from claims.tasks import sync_finances
from helpdesk.models import Activity, Case, CaseStatus, Deadline, DeadlineState
from helpdesk.spapi.client import TransientSpApiError
from tests.spapi import iso
from tests.spapi_server import Answer, errors

from .conftest import receive

pytestmark = pytest.mark.django_db

EVENTS = json.loads((Path(__file__).parent.parent / "fixtures" / "claims" / "finances" / "events.json").read_text())


def served(amazon, name: str, *, days_ago: float) -> dict:
    """Serve one of the model's events, posted `days_ago`."""
    event = copy.deepcopy(EVENTS[name]["event"])
    event["PostedDate"] = iso(timezone.now() - timedelta(days=days_ago))
    amazon.financial_events.append((EVENTS[name]["list"], event))
    return event


def test_a_chargeback_whose_mail_never_came_is_opened_with_a_note_and_its_debit(live_account, amazon):
    served(amazon, "chargeback_without_mail", days_ago=3)
    result = finances_sync(account=live_account)
    assert result.state == "ok" and "1 new, 1 applied" in result.message

    claim = Claim.objects.get()
    assert (claim.kind, claim.source, claim.amazon_order_id) == (
        "chargeback",
        ClaimSource.FINANCES,
        "112-5566778-8899001",
    )
    assert (claim.debited, claim.amount, claim.outcome) == (Decimal("80.00"), Decimal("80.00"), Outcome.GRANTED_SELLER)
    note = Activity.objects.get(case=claim.case, verb="claim.opened_from_finances")
    assert "no notice mail told us of it" in note.summary
    assert list(Deadline.objects.filter(case=claim.case).values_list("kind", flat=True)) == ["claim_appeal"]
    event = FinancesEvent.objects.get()
    assert event.raw["AmazonOrderId"] == "112-5566778-8899001" and event.claim == claim  # stored as Amazon sent it
    call = amazon.finances_calls()[0]
    assert call.query["PostedAfter"] and call.query["PostedBefore"] and call.query["MaxResultsPerPage"] == ["100"]


def test_a_notice_and_an_event_for_the_same_claim_make_one_case(
    live_account, amazon, django_capture_on_commit_callbacks
):
    receive(live_account, "atoz_action_required_us.eml", django_capture_on_commit_callbacks)
    served(amazon, "guarantee_claim", days_ago=2)
    finances_sync(account=live_account)
    FinancesSync.objects.update(synced_until=None)  # an overlapping window reads the same event again
    finances_sync(account=live_account)

    claim = Claim.objects.get()
    assert Case.objects.filter(kind="atoz").count() == 1 and FinancesEvent.objects.count() == 1
    assert claim.source == ClaimSource.MAIL and claim.amount == Decimal("45.99")
    # -42.00 - 3.99 charged, +6.30 - 1.26 fees given back: 40.95 debited
    assert claim.debited == Decimal("40.95") and claim.outcome == Outcome.GRANTED_SELLER
    assert claim.case.status == CaseStatus.OPEN
    assert dict(Deadline.objects.filter(case=claim.case).values_list("kind", "state")) == {
        "atoz_response": DeadlineState.CANCELLED,
        "claim_appeal": DeadlineState.OPEN,
    }


def test_a_debit_credited_back_is_a_decision_in_the_sellers_favour(live_account, amazon):
    served(amazon, "chargeback_debit", days_ago=20)
    served(amazon, "chargeback_reversal", days_ago=5)
    amazon.finances_page_size = 1  # one event a page: the sync follows NextToken
    finances_sync(account=live_account)
    claim = Claim.objects.get()
    assert claim.debited == Decimal("0.00") and claim.outcome == Outcome.DENIED
    assert claim.case.status == CaseStatus.CLOSED
    assert any("NextToken" in call.query for call in amazon.finances_calls())


def test_amazon_unavailable_is_retried_then_recorded(live_account, amazon):
    amazon.answer_finances(Answer(503, errors("ServiceUnavailable", "Try again")))
    with pytest.raises(TransientSpApiError):
        finances_sync(account=live_account, attempt=1, final_attempt=False)
    assert FinancesSync.objects.get().state == "retrying"
    amazon.answer_finances(Answer(429, errors("QuotaExceeded", "You exceeded your quota")))
    result = finances_sync(account=live_account, attempt=6, final_attempt=True)
    assert result.state == "error" and "Gave up after 6 attempts" in result.message
    assert FinancesSync.objects.get().synced_until is None  # nothing was read whole


def test_refused_access_is_an_authorization_failure_never_retried(live_account, amazon):
    amazon.answer_finances(Answer(403, errors("Unauthorized", "Access to requested resource is denied.")))
    result = finances_sync(account=live_account, attempt=1, final_attempt=False)
    assert result.state == "auth_failed"
    assert Activity.objects.filter(verb="claims.finances_sync_auth_failed", account=live_account).exists()


def test_login_with_amazon_refusing_the_credentials_is_an_authorization_failure(live_account, amazon):
    amazon.token_refusal = Answer(400, {"error": "invalid_grant", "error_description": "The refresh token is invalid"})
    result = finances_sync(account=live_account, attempt=1, final_attempt=False)
    assert result.state == "auth_failed" and "Login with Amazon refused the credentials" in result.message
    assert amazon.finances_calls() == []


def test_the_hourly_beat_syncs_every_connected_account(live_account, other_account, amazon, celery_eager):
    served(amazon, "chargeback_without_mail", days_ago=1)
    assert sync_finances.delay().get() == 1  # the other account has no connection
    assert Claim.objects.filter(account=live_account).count() == 1
    assert FinancesSync.objects.get(account=live_account).state == "ok"


def test_an_account_without_credentials_says_so(account):
    result = finances_sync(account=account)
    assert result.state == "error" and "No SP-API credentials" in result.message


def test_the_accounts_metrics_page_shows_how_the_finances_sync_went(live_account, amazon, manager, client):
    amazon.answer_finances(Answer(403, errors("Unauthorized", "Access to requested resource is denied.")))
    finances_sync(account=live_account)
    client.force_login(manager)
    page = client.get(f"/metrics/?account={live_account.id}").content.decode()
    section = page.split('data-testid="finances-sync"', 1)[1].split("</p>", 1)[0]
    assert "Authorization failure" in section and "Access to requested resource is denied." in section

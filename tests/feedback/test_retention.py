"""The rater's address is buyer personal data: it goes with the retention purge (helpdesk.services.retention)
once the feedback is older than the account's retention period, and a report imported again does not bring
it back. The rating and the comment stay."""

from datetime import timedelta

from django.utils import timezone

from feedback.models import Feedback
from feedback.services import feedback_import
from helpdesk.models import SearchDocument
from helpdesk.services.retention import personal_data_purge
from helpdesk.services.search import search_pending_index
from tests.factories import OrderFactory

from .conftest import amazon_date, days_ago, report

RATER = "k3v9xq2mn1bz7yw@marketplace.amazon.com"


def _import(account, *, ago: int):
    cells = [amazon_date(days_ago(account, ago)), "1", "Arrived broken", "", "111-0000001-0000007", RATER]
    return feedback_import(account=account, data=report([cells]), actor=None)


def test_the_raters_address_goes_past_the_retention_period_and_stays_gone(account):
    OrderFactory(
        account=account, amazon_order_id="111-0000001-0000007", purchase_date=timezone.now() - timedelta(days=70)
    )
    _import(account, ago=40)
    feedback = Feedback.objects.get(account=account)
    search_pending_index()
    assert SearchDocument.objects.filter(case_id=feedback.case_id, text__contains=RATER).exists()
    counts = personal_data_purge(account=account)
    search_pending_index()
    feedback.refresh_from_db()
    assert counts["feedback.raters"] == 1
    assert feedback.rater_email == "" and feedback.rater_purged_at and feedback.comments == "Arrived broken"
    assert not SearchDocument.objects.filter(text__contains=RATER).exists()
    _import(account, ago=40)
    feedback.refresh_from_db()
    assert feedback.rater_email == "", "a report imported again does not bring the address back"


def test_a_recent_feedback_keeps_the_raters_address(account):
    _import(account, ago=10)
    assert personal_data_purge(account=account)["feedback.raters"] == 0
    assert Feedback.objects.get(account=account).rater_email == RATER

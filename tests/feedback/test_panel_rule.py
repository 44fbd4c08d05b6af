"""One rule on the feedback case: asking Amazon to remove needs grounds, not a resolution; asking the
buyer comes after a resolution. The panel says the same thing wherever it speaks of it."""

import pytest
from django.urls import reverse

from feedback.models import Feedback

pytestmark = pytest.mark.django_db


def page_for(client, agent, import_rows, account, comment: str) -> str:
    import_rows(("112-3456789-0123456", 5, 1, comment))
    feedback = Feedback.objects.get(account=account)
    client.force_login(agent)
    return client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()


def test_feedback_amazon_would_remove_offers_the_request_at_once(client, agent, import_rows, account):
    page = page_for(client, agent, import_rows, account, "The bottle leaks and the paint chips off. Poor quality.")
    assert 'data-testid="removal-next"' in page and "no need to resolve first" in page
    assert 'data-testid="removal-anyway"' not in page
    assert "Resolve the buyer's problem first" not in page


def test_feedback_amazon_would_keep_asks_for_a_resolution_first(client, agent, import_rows, account):
    page = page_for(client, agent, import_rows, account, "Seller never answered my messages.")
    assert "Resolve the buyer's problem first" in page
    assert 'data-testid="removal-anyway"' in page and 'data-testid="removal-next"' not in page

"""The manager's response-time figure: median and 90th percentile from met buyer-message clocks."""

from datetime import timedelta

import time_machine
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from helpdesk.services.lifecycle import deadline_meet, deadline_start
from messaging.models import Conversation
from messaging.outbound.models import ConversationMark
from messaging.outbound.selectors import response_times
from tests.factories import CaseFactory

NOW = timezone.now().replace(microsecond=0)


def answered(account, *, minutes: float, days_ago: float = 1):
    case = CaseFactory(account=account)
    started = NOW - timedelta(days=days_ago)
    deadline = deadline_start(case=case, kind="message_response", started_at=started)
    return deadline_meet(deadline=deadline, at=started + timedelta(minutes=minutes))


def test_median_and_p90_of_met_message_clocks(account, other_account, agent):
    for minutes in (10, 20, 30, 40, 120):
        answered(account, minutes=minutes)
    answered(account, minutes=5, days_ago=9)  # outside the window
    answered(other_account, minutes=1)  # another account
    deadline_start(case=CaseFactory(account=account), kind="message_response", started_at=NOW)  # still open
    marked = answered(account, minutes=1)  # stopped by "no response needed": not a response
    mark = ConversationMark.objects.create(
        conversation=_conversation(marked.case), account=account, kind="no_response", reason="thanks", created_by=agent
    )
    mark.met_deadlines.add(marked)

    with time_machine.travel(NOW):
        median, p90, count = response_times(account_ids=[account.id], days=7)

    assert (median, p90, count) == (timedelta(minutes=30), timedelta(minutes=120), 5)
    with time_machine.travel(NOW):
        assert response_times(account_ids=[account.id], days=30).count == 6
        assert response_times(account_ids=[account.id, other_account.id], days=7).count == 6


def test_no_answers_means_no_figure(account):
    assert tuple(response_times(account_ids=[account.id], days=7)) == (None, None, 0)


def test_the_page_and_the_dashboard_tag_show_the_figure(client, manager, account):
    for minutes in (10, 50, 90):
        answered(account, minutes=minutes)
    client.force_login(manager)
    page = client.get(reverse("outbound:response_times")).content.decode()
    assert "<h2>Acme US</h2>" in page
    assert '<td data-testid="response-median">50m</td>' in page
    assert '<td>1h 30m</td><td data-testid="response-count">3</td>' in page

    html = Template("{% load outbound_tags %}<table>{% response_time_figure account.id 30 %}</table>").render(
        Context({"account": account})
    )
    assert "Last 30 days" in html and "50m" in html


def _conversation(case):
    return Conversation.objects.create(
        account=case.account, case=case, buyer_key=f"k{case.id}", buyer_email=f"k{case.id}@x"
    )

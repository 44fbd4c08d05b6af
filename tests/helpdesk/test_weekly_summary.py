"""The weekly summary each manager gets: what slipped, the ODR and its forecast, the oldest cases;
opt-out per person, audited; sent once a week."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.core import mail
from django.urls import reverse

from helpdesk.models import Activity, UserPreference
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import deadline_meet, deadline_start
from helpdesk.services.summary import summary_recipient_ids
from helpdesk.tasks import send_weekly_summaries
from tests.factories import CaseFactory

NOW = datetime(2026, 11, 16, 7, 0, tzinfo=UTC)  # a Monday


@time_machine.travel(NOW, tick=False)
def test_each_manager_gets_their_week_once(account, manager, agent, celery_eager):
    breached = deadline_start(
        case=CaseFactory(account=account, subject="Broken lid"),
        kind="message_response",
        started_at=NOW - timedelta(days=3),
    )
    late = deadline_start(
        case=CaseFactory(account=account), kind="message_response", started_at=NOW - timedelta(days=4)
    )
    deadlines_sweep()
    deadline_meet(deadline=late, at=NOW - timedelta(days=2), actor=agent)

    assert summary_recipient_ids() == [manager.id]  # agents get none
    assert send_weekly_summaries() == 1
    [message] = mail.outbox
    assert message.to == [manager.email] and message.subject == "[Sellerdesk] Your week, 16 Nov 2026"
    assert "== Acme US ==" in message.body
    assert "  - Buyer message response: 1 breached, 1 met late" in message.body
    assert "Order defect rate (Amazon's window, 4 Sep – 2 Nov): — (0 of 0 orders)" in message.body
    assert f"  - #{breached.case_id} Buyer message, opened 16 Nov, unassigned: http" in message.body
    assert "/account/preferences/" in message.body

    send_weekly_summaries()  # the same week: not again
    assert len(mail.outbox) == 1


def test_a_person_opts_out_on_their_preferences_page_and_it_is_audited(client, account, manager):
    client.force_login(manager)
    page = client.get(reverse("preferences")).content.decode()
    assert 'name="weekly_summary" checked' in page
    response = client.post(reverse("preferences"), {})
    assert response.status_code == 302
    assert UserPreference.objects.get(user=manager).weekly_summary is False
    assert Activity.objects.filter(verb="preference.weekly_summary", actor=manager).count() == 1
    assert summary_recipient_ids() == []
    assert send_weekly_summaries() == 0 and mail.outbox == []

    client.post(reverse("preferences"), {"weekly_summary": "on"})
    assert summary_recipient_ids() == [manager.id]
    assert Activity.objects.filter(verb="preference.weekly_summary", actor=manager).count() == 2

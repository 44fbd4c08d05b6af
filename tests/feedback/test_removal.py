"""The removal window on the deadline engine, and removal requests to Amazon."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback, RemovalRequest
from feedback.services import removal_request_create, removal_request_transition
from helpdesk.models import Deadline, Notification
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.services.lifecycle import InvalidTransition

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def one_star(import_rows, account, ago: int) -> Feedback:
    import_rows(("112-3456789-0123456", ago, 1, "Arrived broken."))
    return Feedback.objects.select_related("case").get(account=account)


class TestClock:
    def test_a_one_star_from_50_days_ago_warns(self, import_rows, account, agent):
        feedback = one_star(import_rows, account, 50)
        deadline = Deadline.objects.get(case=feedback.case)
        start = deadline.started_at.astimezone(account.tzinfo)
        assert (start.date(), start.hour, start.minute) == (days_ago(account, 50), 0, 0)
        assert deadline.due_at - deadline.started_at == timedelta(days=60)
        assert deadline.warn_at - deadline.started_at == timedelta(days=45)

        result = deadlines_sweep()

        deadline.refresh_from_db()
        assert result.warned == 1 and deadline.warned_at is not None
        assert deadline.state == "open"
        note = Notification.objects.get(user=agent, deadline=deadline)
        assert note.kind == "warn"
        assert "Feedback removal window" in note.title

    def test_the_panel_shows_the_window_in_its_warning_colour_after_day_45(self, import_rows, account, agent, client):
        feedback = one_star(import_rows, account, 50)
        client.force_login(agent)

        panel = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()

        assert 'it closes <time class="countdown warn"' in panel

    def test_a_fresh_one_does_not_warn_yet(self, import_rows, account, agent):
        one_star(import_rows, account, 10)

        assert deadlines_sweep().warned == 0

    def test_one_from_61_days_ago_opens_no_clock_and_shows_permanent(self, import_rows, account, agent, client):
        feedback = one_star(import_rows, account, 61)

        assert feedback.case is not None
        assert not Deadline.objects.filter(case=feedback.case).exists()
        client.force_login(agent)
        page = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()
        assert "Permanent." in page
        assert "The removal window closed on" in page
        assert "Record removal request" not in page

    def test_a_window_still_open_shows_no_permanent(self, import_rows, account, agent, client):
        feedback = one_star(import_rows, account, 58)
        client.force_login(agent)

        page = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()

        assert Deadline.objects.get(case=feedback.case).state == "open"
        assert "Permanent." not in page
        assert "Record removal request" in page


def request_for(feedback, agent, reason="product_review") -> RemovalRequest:
    return removal_request_create(
        feedback=feedback, reason=reason, submitted_on=days_ago(feedback.account, 0), actor=agent
    )


class TestRemovalRequests:
    @pytest.mark.parametrize(("outcome", "status"), [("removed", "removed"), ("struck", "struck")])
    def test_removed_or_struck_meets_the_clock_and_closes_the_case(self, import_rows, account, agent, outcome, status):
        feedback = one_star(import_rows, account, 20)
        request = request_for(feedback, agent)

        removal_request_transition(removal_request=request, to=outcome, actor=agent)

        feedback.refresh_from_db()
        feedback.case.refresh_from_db()
        deadline = Deadline.objects.get(case=feedback.case)
        assert (deadline.state, deadline.met_late) == ("met", False)
        assert feedback.status == status
        assert feedback.case.status == "closed"
        assert feedback.case.next_due_at is None

    def test_refused_leaves_the_case_open_for_outreach(self, import_rows, account, agent):
        feedback = one_star(import_rows, account, 20)
        request = request_for(feedback, agent)

        removal_request_transition(removal_request=request, to="refused", actor=agent)

        feedback.refresh_from_db()
        feedback.case.refresh_from_db()
        assert (feedback.status, feedback.case.status) == ("live", "new")
        assert Deadline.objects.get(case=feedback.case).state == "open"
        assert request_for(feedback, agent, reason="other").outcome == "pending"  # asking again is allowed

    def test_one_pending_request_at_a_time(self, import_rows, account, agent):
        feedback = one_star(import_rows, account, 20)
        request_for(feedback, agent)

        with pytest.raises(ValidationError, match="already pending"):
            request_for(feedback, agent)

    def test_no_request_after_the_window(self, import_rows, account, agent):
        feedback = one_star(import_rows, account, 61)

        with pytest.raises(ValidationError, match="removal window closed"):
            request_for(feedback, agent)

    def test_an_answer_is_final(self, import_rows, account, agent):
        request = request_for(one_star(import_rows, account, 20), agent)
        removal_request_transition(removal_request=request, to="removed", actor=agent)

        with pytest.raises(InvalidTransition, match="already removed"):
            removal_request_transition(removal_request=request, to="refused", actor=agent)

    def test_submitted_in_the_future_is_refused(self, import_rows, account, agent):
        feedback = one_star(import_rows, account, 20)

        with pytest.raises(ValidationError, match="between the feedback date and today"):
            removal_request_create(feedback=feedback, reason="other", submitted_on=days_ago(account, -3), actor=agent)

    def test_from_the_case_page(self, import_rows, account, agent, client):
        feedback = one_star(import_rows, account, 20)
        client.force_login(agent)

        response = client.post(
            reverse("feedback:removal_request_create", args=[feedback.id]),
            {"reason": "fba_fulfillment", "submitted_on": timezone.localdate().isoformat(), "note": "Case 123"},
            follow=True,
        )

        request = RemovalRequest.objects.get()
        assert (request.reason, request.note, request.created_by) == ("fba_fulfillment", "Case 123", agent)
        assert "Removal request recorded" in response.content.decode()
        client.post(reverse("feedback:removal_request_outcome", args=[request.id]), {"outcome": "struck"})
        feedback.refresh_from_db()
        assert feedback.status == "struck"
        timeline = client.get(reverse("helpdesk:case", args=[feedback.case_id])).content.decode()
        assert "Amazon answered the removal request: struck through" in timeline
        assert "Feedback removal window clock met" in timeline

"""The feedback page (score windows, negative rate, removals, open cases, chart), the CSV export,
entry by hand, the public response and the outreach settings."""

import csv
import io
import json
import re
from datetime import datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from feedback.models import Feedback
from feedback.services import removal_request_create, removal_request_transition
from tests.factories import OrderFactory

from .conftest import days_ago

pytestmark = pytest.mark.django_db

PAGE = reverse("feedback:page")


def seed(import_rows, account, rows):
    """rows: (days ago, stars) pairs, each on its own order."""
    import_rows(*[(f"111-{i:07d}-{i:07d}", ago, stars, "x") for i, (ago, stars) in enumerate(rows)])


def orders(account, count: int, days: int):
    purchased = datetime.combine(days_ago(account, days), time(12), tzinfo=account.tzinfo)
    OrderFactory.create_batch(count, account=account, purchase_date=purchased)


def window_row(html: str, days: int) -> str:
    match = re.search(rf'<tr data-testid="window-{days}">(.*?)</tr>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


class TestNumbers:
    def test_score_windows_counts_and_negative_rate(self, client, manager, account, import_rows):
        seed(import_rows, account, [(0, 5), (3, 5), (29, 5), (10, 4), (12, 1), (60, 2), (200, 3), (400, 1)])
        orders(account, 10, 5)
        orders(account, 10, 80)
        client.force_login(manager)

        html = client.get(PAGE).content.decode()

        # Last 30 days: 4 positive of 5; 1 negative against 10 orders.
        assert window_row(html, 30) == "Last 30 days 80.0 % 3 1 0 0 1 5 10.00 % (1 of 10 orders)"
        # Last 90 days: 4 of 6; 2 negative against 20 orders.
        assert window_row(html, 90) == "Last 90 days 66.7 % 3 1 0 1 1 6 10.00 % (2 of 20 orders)"
        # Last 365 days: the 400-day-old one is out.
        assert window_row(html, 365) == "Last 365 days 57.1 % 3 1 1 1 1 7 10.00 % (2 of 20 orders)"

    def test_a_window_edge_is_inclusive_of_its_first_day(self, client, manager, account, import_rows):
        seed(import_rows, account, [(29, 5), (30, 1)])
        client.force_login(manager)

        html = client.get(PAGE).content.decode()

        assert window_row(html, 30).startswith("Last 30 days 100.0 % 1 0 0 0 0 1")

    def test_without_positive_feedback_the_score_says_not_imported(self, client, manager, account, import_rows):
        seed(import_rows, account, [(2, 1), (5, 2), (100, 5)])
        client.force_login(manager)

        html = client.get(PAGE).content.decode()

        assert window_row(html, 30).startswith(
            "Last 30 days not imported: no positive feedback imported for these days"
        )
        assert window_row(html, 90).startswith("Last 90 days not imported")
        assert window_row(html, 365).startswith("Last 365 days 33.3 %")
        assert "no orders imported" in window_row(html, 30)

    def test_removal_success_rate_and_open_cases(self, client, manager, account, agent, import_rows):
        seed(import_rows, account, [(5, 1), (6, 1), (7, 2), (8, 1), (9, 3), (70, 1)])
        outcomes = ["removed", "removed", "struck", "refused", None]
        for feedback, outcome in zip(
            Feedback.objects.filter(date__gte=days_ago(account, 10)).order_by("date"), outcomes, strict=True
        ):
            request = removal_request_create(feedback=feedback, reason="other", submitted_on=feedback.date, actor=agent)
            if outcome:
                removal_request_transition(removal_request=request, to=outcome, actor=agent)
        client.force_login(manager)

        html = client.get(PAGE).content.decode()

        success = re.sub(
            r"\s+", " ", re.sub(r"<[^>]+>", " ", re.search(r'data-testid="removal-success">(.*?)</p>', html).group(1))
        )
        assert success.strip() == "75 % of 4 answered requests succeeded"
        table = re.search(r'data-testid="open-removal-cases">(.*?)</table>', html, re.S).group(1)
        # Still open: the refused one and the pending one; the 70-day-old one has no clock.
        assert table.count('class="countdown') == 2
        refused = Feedback.objects.get(removal_requests__outcome="refused")
        assert f"#{refused.case_id}" in table

    def test_the_chart_is_drawn_from_its_figures_with_a_table_behind_it(self, client, manager, account, import_rows):
        seed(import_rows, account, [(1, 5), (2, 5), (3, 1), (40, 3)])
        client.force_login(manager)

        html = client.get(PAGE).content.decode()

        spec = json.loads(
            re.search(r'<script id="chart-feedback" type="application/json">(.*?)</script>', html).group(1)
        )
        assert [(s["label"], sum(s["data"])) for s in spec["datasets"]] == [
            ("Positive", 2),
            ("Neutral", 1),
            ("Negative", 1),
        ]
        assert spec["stacked"] and len(spec["labels"]) == 12
        assert '<canvas data-chart="chart-feedback"' in html
        table = re.search(r'data-testid="feedback-months">(.*?)</table>', html, re.S).group(1)
        assert table.count("<tr>") == 13
        assert "<script" not in html.split("<main", 1)[1].replace(
            '<script id="chart-feedback" type="application/json">', ""
        )

    def test_no_feedback(self, client, manager):
        client.force_login(manager)

        html = client.get(PAGE).content.decode()

        assert "No feedback in the last twelve months." in html
        assert "No removal window is open." in html
        assert "No answered removal request yet." in html


class TestPage:
    def test_agents_may_not_see_it(self, client, agent):
        client.force_login(agent)

        assert client.get(PAGE).status_code == 403

    def test_another_account_is_not_found(self, client, manager, other_account):
        client.force_login(manager)

        assert client.get(PAGE, {"account": other_account.id}).status_code == 404
        assert client.get(PAGE, {"account": "x"}).status_code == 404

    def test_htmx_gets_the_stats_only(self, client, manager, account):
        client.force_login(manager)

        html = client.get(PAGE, {"account": account.id}, headers={"HX-Request": "true"}).content.decode()

        assert html.lstrip().startswith('<div id="feedback-stats">')
        assert "<html" not in html

    def test_constant_query_count_whatever_the_volume(self, client, manager, account, agent, import_rows):
        client.force_login(manager)
        seed(import_rows, account, [(1, 5), (2, 1)])
        client.get(PAGE)  # policies and sessions settle
        with CaptureQueriesContext(connection) as small:
            client.get(PAGE)

        seed(import_rows, account, [(ago % 300, 1 + ago % 5) for ago in range(3, 120)])
        orders(account, 30, 10)
        for feedback in Feedback.objects.filter(rating__lte=2, date__gte=days_ago(account, 50))[:10]:
            removal_request_create(feedback=feedback, reason="other", submitted_on=feedback.date, actor=agent)
        with CaptureQueriesContext(connection) as large:
            response = client.get(PAGE)

        assert response.context["overview"].windows[2].total > 100
        assert len(large) == len(small), [q["sql"][:90] for q in large.captured_queries]
        assert len(small) <= 12


class TestExport:
    def read(self, response) -> list[list[str]]:
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        return list(csv.reader(io.StringIO(body)))

    def test_every_feedback_with_its_removal_opinion(self, client, manager, account, import_rows):
        OrderFactory(account=account, amazon_order_id="111-0000001-0000001", fulfillment_channel="AFN")
        import_rows(
            ("111-0000001-0000001", 3, 1, "Arrived late"),
            ("111-0000002-0000002", 2, 5, '=HYPERLINK("http://evil.example")'),
        )
        client.force_login(manager)

        response = client.get(reverse("feedback:export"), {"account": account.id})

        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert 'filename="feedback-acme-us.csv"' in response["Content-Disposition"]
        header, formula, late = self.read(response)
        assert header[:7] == ["Date", "Rating", "Sentiment", "Comments", "Your Response", "Order ID", "Rater Email"]
        assert late[1:4] == ["1", "negative", "Arrived late"]
        assert late[8:10] == ["AFN", "FBA order: about delivery or customer service"]
        assert late[10] == str(Feedback.objects.get(rating=1).case_id)
        assert formula[3] == '\'=HYPERLINK("http://evil.example")'
        assert formula[9] == ""

    def test_constant_query_count(self, client, manager, account, import_rows):
        client.force_login(manager)
        seed(import_rows, account, [(1, 1)])
        with CaptureQueriesContext(connection) as small:
            self.read(client.get(reverse("feedback:export")))
        seed(import_rows, account, [(ago, 1 + ago % 5) for ago in range(2, 60)])
        with CaptureQueriesContext(connection) as large:
            rows = self.read(client.get(reverse("feedback:export")))

        assert len(rows) == 1 + 59
        assert len(large) == len(small)

    def test_agents_may_not_export(self, client, agent):
        client.force_login(agent)

        assert client.get(reverse("feedback:export")).status_code == 403


class TestEntryByHand:
    def post(self, client, account, **data):
        fields = {
            "account": account.id,
            "amazon_order_id": "111-1111111-1111111",
            "date": days_ago(account, 2),
            "rating": "2",
            "comments": "Late",
            "rater_email": "",
        }
        return client.post(reverse("feedback:entry"), {**fields, **data}, follow=True)

    def test_a_negative_one_opens_its_case(self, client, agent, account):
        order = OrderFactory(account=account, amazon_order_id="111-1111111-1111111")
        client.force_login(agent)

        response = self.post(client, account)

        feedback = Feedback.objects.get()
        assert (feedback.source, feedback.order, feedback.case.order) == ("manual", order, order)
        assert response.redirect_chain[-1][0] == reverse("helpdesk:case", args=[feedback.case_id])
        assert feedback.case.deadlines.get().kind == "feedback_removal"

    def test_a_positive_one_opens_none(self, client, agent, account):
        client.force_login(agent)

        html = self.post(client, account, rating="5").content.decode()

        assert Feedback.objects.get().case is None
        assert "positive, so no case" in html

    def test_twice_is_refused_and_the_import_then_finds_it(self, client, agent, account, import_rows):
        client.force_login(agent)
        self.post(client, account)

        html = self.post(client, account).content.decode()
        result = import_rows(("111-1111111-1111111", 2, 2, "Late"))

        assert "already has feedback dated" in html
        assert Feedback.objects.count() == 1
        assert result.unchanged == 1

    def test_a_future_date_is_refused(self, client, agent, account):
        client.force_login(agent)

        html = self.post(client, account, date=days_ago(account, -3)).content.decode()

        assert "The feedback date is in the future." in html
        assert not Feedback.objects.exists()


class TestPublicResponse:
    def test_draft_then_post(self, client, agent, account, import_rows):
        import_rows(("112-3456789-0123456", 4, 1, "Arrived broken."))
        feedback = Feedback.objects.get()
        client.force_login(agent)
        url = reverse("feedback:response_save", args=[feedback.id])

        client.post(url, {"text": "We are sorry; a replacement is on its way.", "action": "draft"})
        feedback.refresh_from_db()
        assert (feedback.response_draft, feedback.response) == ("We are sorry; a replacement is on its way.", "")

        page = client.post(url, {"text": "We are sorry; a replacement is on its way.", "action": "post"}, follow=True)

        feedback.refresh_from_db()
        assert (feedback.response, feedback.response_draft) == ("We are sorry; a replacement is on its way.", "")
        assert feedback.response_posted_at is not None
        assert "Public response recorded as posted" in page.content.decode()


class TestOutreachSettings:
    def test_an_admin_sets_the_limits(self, client, admin_user, account):
        client.force_login(admin_user)
        url = reverse("feedback:settings", args=[account.id])

        client.post(url, {"max_contacts": "3", "min_days_between": "5"})

        settings = account.outreach_settings
        assert (settings.max_contacts, settings.min_days_between) == (3, 5)
        assert 'value="3"' in client.get(url).content.decode()

    def test_out_of_bounds_is_refused(self, client, admin_user, account):
        client.force_login(admin_user)

        response = client.post(
            reverse("feedback:settings", args=[account.id]), {"max_contacts": "0", "min_days_between": "3"}
        )

        assert response.status_code == 200
        assert account.outreach_settings.max_contacts == 2

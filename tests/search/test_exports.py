"""CSV exports: one helper for every list (streamed, formula-guarded, audited), the queue with its
filters and the search results, scoped to the accounts the user manages."""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from helpdesk.exports import csv_lines, spreadsheet_safe
from helpdesk.models import Activity
from tests.factories import CaseFactory, MembershipFactory

from .conftest import ask, index


def read(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"),  # spreadsheets skip the spaces
        ("\u00a0\u3000=1+1", "'\u00a0\u3000=1+1"),  # other whitespace too
        ("\t=1", "'\t=1"),
        ("\r\n=1", "'\r\n=1"),
        ("\tplain", "'\tplain"),
        ("Arrived late = bad", "Arrived late = bad"),
        ("", ""),
        (None, ""),
        (42, "42"),
    ],
)
def test_the_formula_guard(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_lines_are_guarded_csv_after_a_byte_order_mark():
    lines = list(csv_lines([["a", " =1"], ["b,c", "d"]]))

    assert lines == ["\ufeff", "a,' =1\r\n", '"b,c",d\r\n']


class TestQueueExport:
    def test_the_filtered_queue_every_page_of_it(self, client, manager, account):
        for n in range(35):  # more than a page of the queue
            CaseFactory(account=account, kind="return", subject=f"Return {n}")
        CaseFactory(account=account, kind="message", subject="Not a return")
        CaseFactory(account=account, kind="return", subject=' =HYPERLINK("http://x")')
        client.force_login(manager)

        response = client.get(reverse("helpdesk:queue_export"), {"kind": "return"})

        rows = read(response)
        assert response["Content-Disposition"] == 'attachment; filename="queue.csv"'
        assert rows[0][:4] == ["Case", "Kind", "Status", "Priority"]
        assert len(rows) == 1 + 36
        assert {row[1] for row in rows[1:]} == {"Return request"}
        assert '\' =HYPERLINK("http://x")' in {row[7] for row in rows[1:]}

    def test_is_audited(self, client, manager, account):
        client.force_login(manager)

        read(client.get(reverse("helpdesk:queue_export"), {"status": "all"}))

        activity = Activity.objects.get(verb="export.csv")
        assert activity.actor == manager and activity.summary == "Exported the queue as CSV"
        assert activity.after == {"file": "queue.csv", "query": "status=all"}

    def test_only_the_accounts_the_user_manages(self, client, manager, account, other_account):
        MembershipFactory(user=manager, account=other_account, role="agent")
        mine = CaseFactory(account=account)
        CaseFactory(account=other_account)
        client.force_login(manager)

        rows = read(client.get(reverse("helpdesk:queue_export")))

        assert [row[0] for row in rows[1:]] == [str(mine.id)]

    def test_constant_query_count(self, client, manager, account):
        client.force_login(manager)
        CaseFactory(account=account)
        with CaptureQueriesContext(connection) as few:
            read(client.get(reverse("helpdesk:queue_export")))
        for _ in range(20):
            CaseFactory(account=account)
        with CaptureQueriesContext(connection) as many:
            assert len(read(client.get(reverse("helpdesk:queue_export")))) == 22

        assert len(many) == len(few)

    def test_the_queue_links_it_with_its_filters_for_managers(self, client, manager, agent, account):
        CaseFactory(account=account, kind="return")
        client.force_login(manager)
        body = client.get(reverse("helpdesk:queue"), {"kind": "return"}, headers={"HX-Request": "true"})
        assert f'href="{reverse("helpdesk:queue_export")}?kind=return"' in body.content.decode()
        client.force_login(agent)
        assert 'data-testid="export"' not in client.get(reverse("helpdesk:queue")).content.decode()

    def test_agents_may_not(self, client, agent):
        client.force_login(agent)

        assert client.get(reverse("helpdesk:queue_export")).status_code == 403


class TestSearchExport:
    def test_every_case_found_newest_first(self, client, manager, account, other_account):
        older = ask(account, "The buckle broke", order_id="114-0000001-0000001", ago=60).case
        newer = ask(account, "Buckle missing", order_id="114-0000002-0000002", ago=5).case
        ask(other_account, "Buckle bent", order_id="302-0000003-0000003")
        ask(account, "Nothing to do with it", order_id="114-0000004-0000004")
        index()
        client.force_login(manager)

        response = client.get(reverse("helpdesk:search_export"), {"q": "buckle"})

        rows = read(response)
        assert response["Content-Disposition"] == 'attachment; filename="search.csv"'
        assert [row[0] for row in rows[1:]] == [str(newer.id), str(older.id)]
        assert Activity.objects.get(verb="export.csv").summary == "Exported the search results for “buckle” as CSV"

    def test_the_page_offers_it_to_managers_only(self, client, manager, agent, account):
        ask(account, "Buckle missing")
        index()
        client.force_login(agent)
        assert 'data-testid="export"' not in client.get(reverse("helpdesk:search"), {"q": "buckle"}).content.decode()
        client.force_login(manager)
        assert 'data-testid="export"' in client.get(reverse("helpdesk:search"), {"q": "buckle"}).content.decode()

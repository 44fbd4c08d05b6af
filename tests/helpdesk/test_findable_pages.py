"""Pages that can be found: the header grouped in menus, the settings area linking every settings page
for the roles that may open it, queue columns that sort (kept in the URL), the policies page showing
opening hours only where they count, destructive actions that ask first, a form error shown once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Policy
from helpdesk.registry import NavMenu, registry
from helpdesk.roles import Role
from helpdesk.services.deadlines import policies_ensure
from messaging.outbound.services import canned_response_save
from tests.factories import CaseFactory


def test_the_header_groups_links_in_menus_and_keeps_one_entry_per_menu():
    manager = registry.nav_entries(roles={Role.AGENT, Role.MANAGER})
    labels = [entry.label for entry in manager]
    assert labels[0] == "Queue"
    assert len(labels) == len(set(labels))
    menus = {entry.label: [link.label for link in entry.links] for entry in manager if isinstance(entry, NavMenu)}
    assert {"Incoming mail", "Message check", "Flagged"} <= set(menus["Mail"])
    assert "Settings" in labels
    agent = registry.nav_entries(roles={Role.AGENT})
    assert "Settings" not in [entry.label for entry in agent]
    assert all(link.role == Role.AGENT for entry in agent for link in getattr(entry, "links", (entry,)))


def test_every_nav_link_is_rendered_in_the_header(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:queue")).content.decode()
    for entry in registry.nav_entries(roles={Role.AGENT, Role.MANAGER, Role.ADMIN}):
        for link in getattr(entry, "links", (entry,)):
            assert f'href="{reverse(link.url_name)}"' in page, link.label


def test_the_settings_area_links_each_page_a_role_may_open(client, account, manager, admin_user):
    client.force_login(manager)
    page = client.get(reverse("helpdesk:settings")).content.decode()
    assert reverse("outbound:account", args=[account.id]) in page
    assert reverse("helpdesk:policies", args=[account.id]) not in page
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:settings")).content.decode()
    for settings_page in registry.settings_pages(role=Role.ADMIN):
        args = [account.id] if settings_page.per_account else []
        url = reverse(settings_page.url_name, args=args)
        assert url in page, settings_page.label
        assert client.get(url).status_code == 200, settings_page.label


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("buyer", ["Ann", "Bea", "Cid"]),
        ("-buyer", ["Cid", "Bea", "Ann"]),
        ("kind", None),
        ("due", ["Bea", "Cid", "Ann"]),
        ("-due", ["Ann", "Cid", "Bea"]),
    ],
)
def test_queue_columns_sort_and_the_order_stays_in_the_links(client, account, agent, sort, expected):
    now = timezone.now()
    CaseFactory(account=account, buyer_name="Cid", next_due_at=now + timedelta(hours=2))
    CaseFactory(account=account, buyer_name="Ann", next_due_at=now + timedelta(hours=3))
    CaseFactory(account=account, buyer_name="Bea", next_due_at=now + timedelta(hours=1))
    client.force_login(agent)
    page = client.get(reverse("helpdesk:queue"), {"sort": sort, "status": "all"}).content.decode()
    assert client.get(reverse("helpdesk:queue"), {"sort": sort}).status_code == 200
    if expected:
        positions = [page.index(f'<td data-label="Buyer">{name}</td>') for name in expected]
        assert positions == sorted(positions)
    # The filters stay in every sort link, and the current column's link turns the order round.
    column = sort.removeprefix("-")
    assert "status=all" in page.split(f'data-testid="sort-{column}"')[0].rsplit("<a", 1)[1]
    if not sort.startswith("-"):
        assert f"sort=-{column}" in page


def test_policies_show_opening_hours_only_for_business_hours_clocks(client, account, admin_user):
    policies_ensure(account=account)
    Policy.objects.filter(account=account).update(calendar="calendar")
    business = Policy.objects.filter(account=account).first()
    business.calendar = "business"
    business.save(update_fields=["calendar"])
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:policies", args=[account.id])).content.decode()
    assert page.count("data-business-hours hidden") == Policy.objects.filter(account=account).count() - 1
    assert "written YYYY-MM-DD (2026-12-24)" in page


def test_removing_a_member_and_deleting_a_template_ask_first(client, account, admin_user, agent, manager):
    canned_response_save(account=account, name="Hello", body="Hello {buyer_name}", actor=manager)
    client.force_login(admin_user)
    members = client.get(reverse("helpdesk:account", args=[account.id])).content.decode()
    assert '<summary class="danger">Remove…</summary>' in members and "Yes, remove alice" in members
    templates = client.get(reverse("outbound:account", args=[account.id])).content.decode()
    assert '<summary class="danger">Delete…</summary>' in templates and "Yes, delete “Hello”" in templates


def test_a_form_error_shows_once(client, account, manager):
    canned_response_save(account=account, name="Hello", body="Hi", actor=manager)
    client.force_login(manager)
    response = client.post(reverse("outbound:account", args=[account.id]), {"name": "Hello", "body": "Hi again"})
    assert response.status_code == 400
    assert response.content.decode().count("already has a canned response called") == 1

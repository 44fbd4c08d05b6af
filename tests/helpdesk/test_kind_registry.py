"""The kind contract: an app plugs into the core through `helpdesk.registry` alone.

A throwaway kind, registered here and living in tests/plugin_kind, appears on the queue filter,
the case page (its panel, its clock's own verb), the navigation and the permission matrix,
although no core file names it.
"""

import csv
import importlib
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import clear_url_caches, get_resolver, reverse

import helpdesk.urls
from helpdesk.celery import app as celery_app
from helpdesk.registry import Clock, Contribution, Kind, NavLink, registry
from helpdesk.services.deadlines import policies_ensure
from helpdesk.services.lifecycle import case_open, deadline_meet
from tests.helpdesk.test_permissions import row_modules, url_names

PLUGIN = Contribution(
    label="plugin_kind",
    kinds=(
        Kind(
            "plugin",
            "Plugin thing",
            panel="tests.plugin_kind.panels.case_panel",
            clocks=(
                Clock("plugin_response", "Plugin response", timedelta(hours=5), timedelta(hours=1), met="handled"),
            ),
        ),
    ),
    urls=(("plugin/", "tests.plugin_kind.urls"),),
    nav=(NavLink("Plugin things", "plugin_kind:things", position=99),),
    risk="tests.plugin_kind.risk.signals",
)
ROOT = Path(__file__).resolve().parents[2]


def _reload_urls() -> None:
    importlib.reload(helpdesk.urls)
    clear_url_caches()


@pytest.fixture
def plugin(settings):
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], ROOT / "tests" / "plugin_kind" / "templates"],
        }
    ]
    before = dict(registry._contributions)
    registry.register(PLUGIN)
    _reload_urls()
    yield PLUGIN
    registry._contributions = before
    _reload_urls()


def test_a_registered_kind_is_on_the_queue_filter_the_case_page_and_the_navigation(plugin, client, account, agent):
    case = case_open(account=account, kind="plugin", subject="A plugged-in thing", clock="plugin_response")
    client.force_login(agent)

    queue = client.get(reverse("helpdesk:queue")).content.decode()
    assert '<option value="plugin">Plugin thing</option>' in queue
    assert f'href="{reverse("plugin_kind:things")}">Plugin things</a>' in queue
    filtered = client.get(reverse("helpdesk:queue"), {"kind": "plugin"}).content.decode()
    assert "A plugged-in thing" in filtered

    page = client.get(reverse("helpdesk:case", args=[case.id])).content.decode()
    assert f"thing of case {case.pk}" in page and "Plugin response" in page
    deadline_meet(deadline=case.deadlines.get(), at=case.opened_at + timedelta(hours=2))
    assert "handled in 2h" in client.get(reverse("helpdesk:case", args=[case.id])).content.decode()
    assert client.get(reverse("plugin_kind:things")).content == b"Plugin things"


def test_a_registered_kind_has_its_policy_with_its_defaults(plugin, client, account, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("helpdesk:policies", args=[account.id])).content.decode()
    assert 'id="policy-plugin_response"' in page and "Plugin response" in page
    assert account.policies.get(kind="plugin_response").duration == timedelta(hours=5)


@pytest.mark.parametrize("visitor", ["anon", "agent", "manager", "admin", "outsider"])
def test_a_registered_kind_is_in_the_permission_matrix(
    plugin, client, account, agent, manager, admin_user, outsider, visitor
):
    matrix = {name: row for module in row_modules() for name, row in module.ROWS.items()}
    assert set(url_names(get_resolver().url_patterns)) == set(matrix)
    method, expected = matrix["plugin_kind:things"]
    users = {"agent": agent, "manager": manager, "admin": admin_user, "outsider": outsider}
    if visitor != "anon":
        client.force_login(users[visitor])
    assert getattr(client, method)(reverse("plugin_kind:things")).status_code == expected[visitor]


def test_a_registered_apps_signals_are_on_the_risk_list_one_entry_a_buyer(
    plugin, client, account, other_account, manager
):
    client.force_login(manager)
    page = client.get(reverse("helpdesk:risk")).content.decode()
    cathy, sam = page.index("Cathy Miller, 97201"), page.index(">Sam<")
    assert cathy < sam  # the buyer with the most signals first
    assert page.count("2 plugin refunds") == 1 and "plugin claim" in page and "order 111-0000000-0000001" in page
    assert "Rival DE" not in page  # only the accounts this manager manages


def test_the_risk_list_exports_one_row_a_signal(plugin, client, account, other_account, manager):
    client.force_login(manager)
    response = client.get(reverse("helpdesk:risk_export"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Buyer", "Account", "Signal", "Evidence", "Order ID", "Case", "Latest (UTC)"]
    assert "Cathy Miller, 97201" in {row[0] for row in rows[1:]}
    assert "2 plugin refunds" in {row[2] for row in rows[1:]}
    assert "Rival DE" not in {row[1] for row in rows[1:]}  # only the accounts this manager manages


def test_the_risk_list_says_so_when_nobody_reports_a_signal(client, manager):
    client.force_login(manager)
    assert "No buyer shows a risk signal" in client.get(reverse("helpdesk:risk")).content.decode()


def test_no_core_file_names_an_app():
    """The core's Python is held to its layer by import-linter; its templates are checked here."""
    apps = {c.label for c in registry.contributions()} - {"helpdesk"}
    named = re.compile(r"""\{% *(?:url|load|include) +['"]?(?:""" + "|".join(sorted(apps)) + r""")[:_/]""")
    core_templates = [*(ROOT / "helpdesk").rglob("*.html"), *(ROOT / "templates").rglob("*.html")]
    assert core_templates
    offenders = [str(p.relative_to(ROOT)) for p in core_templates if named.search(p.read_text())]
    assert offenders == []


def test_two_apps_cannot_claim_the_same_kind():
    with pytest.raises(ImproperlyConfigured, match="claims case kind 'message', which messaging owns"):
        registry.register(Contribution(label="impostor", kinds=(Kind("message", "Again", panel="x.y"),)))
    assert "impostor" not in registry.labels()


def test_each_apps_periodic_tasks_reach_the_beat_schedule():
    celery_app.loader.import_default_modules()  # what a worker or beat does as it starts: every app's tasks
    celery_app.finalize()
    schedule = celery_app.conf.beat_schedule
    assert {"sweep-deadlines", "poll-mailboxes", "hand-over-notices", "deliver-replies", "sync-orders"} <= set(schedule)
    assert schedule["sweep-deadlines"]["task"] == "helpdesk.tasks.sweep_deadlines"
    assert all(entry["task"] in celery_app.tasks for entry in schedule.values())


def test_the_registered_clock_kinds_are_the_policies_every_account_gets(account):
    kinds = [policy.kind for policy in policies_ensure(account=account)]
    assert kinds == [clock.kind for clock in registry.clocks()]
    assert {"message_response", "feedback_removal", "return_response", "atoz_response", "chargeback_response"} <= set(
        kinds
    )

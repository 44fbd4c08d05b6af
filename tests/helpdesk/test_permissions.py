"""Every URL × every kind of visitor → the status they get.

A new URL without a row here fails `test_every_url_has_a_row`: no view ships
without a decision on who may reach it. Another account's objects are 404,
never 403, so their existence is not confirmed.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from helpdesk.models import ImportJob, Membership, Notification
from tests.factories import CaseFactory

VISITORS = ["anon", "agent", "manager", "admin", "outsider"]
LOGIN = 302  # anonymous visitors are sent to the login page

# name: (method, {visitor: status})
MATRIX = {
    "helpdesk:healthz": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:queue": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:cases_bulk_assign": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=302)),
    "helpdesk:case": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "helpdesk:case_assign": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "helpdesk:case_status": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "helpdesk:case_priority": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "helpdesk:dashboard": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:notifications": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:notifications_badge": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:notification_read": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=302)),
    "helpdesk:notifications_read_all": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=302)),
    "helpdesk:order_import": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:import_job": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "helpdesk:import_job_retry": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "helpdesk:accounts": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=200)),
    "helpdesk:account": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    "helpdesk:member_add": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=400, outsider=404)),
    "helpdesk:member_role": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "helpdesk:member_remove": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "helpdesk:policies": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    "helpdesk:policy_edit": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=400, outsider=404)),
    "login": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "logout": ("post", dict(anon=302, agent=302, manager=302, admin=302, outsider=302)),
    "password_reset": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset_done": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset_confirm": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset_complete": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
}


def _names(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("django-admin"):
                continue  # Django's own admin: staff only, tested by Django
            namespace = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _names(p.url_patterns, namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


def test_every_url_has_a_row():
    assert set(_names(get_resolver().url_patterns)) == set(MATRIX)


@pytest.fixture
def world(account, agent, manager, admin_user, outsider):
    case = CaseFactory(account=account)
    job = ImportJob.objects.create(
        account=account, kind=ImportJob.Kind.ORDERS, filename="orders.txt", raw=b"", status=ImportJob.Status.FAILED,
        failure="boom",
    )
    note = Notification.objects.create(user=agent, account=account, case=case, kind="assigned", title="hello")
    target = Membership.objects.get(user=agent, account=account)
    users = {"agent": agent, "manager": manager, "admin": admin_user, "outsider": outsider}
    args = {
        "helpdesk:case": [case.id],
        "helpdesk:case_assign": [case.id],
        "helpdesk:case_status": [case.id],
        "helpdesk:case_priority": [case.id],
        "helpdesk:notification_read": [note.id],
        "helpdesk:import_job": [job.id],
        "helpdesk:import_job_retry": [job.id],
        "helpdesk:account": [account.id],
        "helpdesk:member_add": [account.id],
        "helpdesk:member_role": [target.id],
        "helpdesk:member_remove": [target.id],
        "helpdesk:policies": [account.id],
        "helpdesk:policy_edit": [account.id, "message_response"],
        "password_reset_confirm": ["MQ", "bad-token"],
    }
    posts = {
        "helpdesk:case_assign": {"assignee": "me"},
        "helpdesk:case_status": {"status": "open"},
        "helpdesk:case_priority": {"priority": "2"},
        "helpdesk:member_role": {"role": "manager"},
        "helpdesk:cases_bulk_assign": {"case": [case.id], "assignee": "me"},
    }
    return users, args, posts


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("visitor", VISITORS)
def test_permission_matrix(client, world, name, visitor, django_capture_on_commit_callbacks):
    users, args, posts = world
    method, expected = MATRIX[name]
    if visitor != "anon":
        client.force_login(users[visitor])
    url = reverse(name, args=args.get(name, []))
    with django_capture_on_commit_callbacks():
        response = getattr(client, method)(url, posts.get(name, {}))
    assert response.status_code == expected[visitor], f"{visitor} {method.upper()} {url}"
    if visitor == "anon" and expected[visitor] == LOGIN and name not in {"logout"}:
        assert response["Location"].startswith(reverse("login"))


def test_get_on_a_write_is_refused(client, world):
    users, args, _ = world
    client.force_login(users["admin"])
    assert client.get(reverse("helpdesk:case_assign", args=args["helpdesk:case_assign"])).status_code == 405

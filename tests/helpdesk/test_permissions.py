"""Every URL × every kind of visitor → the status they get.

A new URL without a row fails `test_every_url_has_a_row`: no view ships
without a decision on who may reach it. Another account's objects are 404,
never 403, so their existence is not confirmed. Every app that registers URLs
(helpdesk.registry) lists its rows in tests/<app label>/permission_rows.py.
"""

import importlib

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from helpdesk.registry import registry


def row_modules():
    """The permission rows of every app that registers URLs."""
    return [importlib.import_module(f"tests.{c.label}.permission_rows") for c in registry.contributions() if c.urls]


MODULES = row_modules()
MATRIX = {name: row for module in MODULES for name, row in module.ROWS.items()}
VISITORS = ["anon", "agent", "manager", "admin", "outsider"]
LOGIN = 302


def url_names(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("django-admin"):
                continue  # Django's own admin: staff only, tested by Django
            namespace = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from url_names(p.url_patterns, namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


def test_every_url_has_a_row():
    assert set(url_names(get_resolver().url_patterns)) == set(MATRIX)


@pytest.fixture
def world(account, agent, manager, admin_user, outsider):
    users = {"agent": agent, "manager": manager, "admin": admin_user, "outsider": outsider}
    args, posts = {}, {}
    for module in MODULES:
        module_args, module_posts = module.arguments(account=account, users=users)
        args.update(module_args)
        posts.update(module_posts)
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
    if visitor == "anon" and expected[visitor] == LOGIN and name != "logout":
        assert response["Location"].startswith(reverse("login"))


def test_get_on_a_write_is_refused(client, world):
    users, args, _ = world
    client.force_login(users["admin"])
    assert client.get(reverse("helpdesk:case_assign", args=args["helpdesk:case_assign"])).status_code == 405

"""Styled error pages inside the layout, saying what happened and where to go; a favicon."""

from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.urls import reverse

from helpdesk.views.errors import server_error
from tests.factories import CaseFactory


def test_a_wrong_address_shows_the_products_404_not_a_list_of_urls(client, agent):
    client.force_login(agent)
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'data-testid="error-page"' in page and "There is nothing here" in page
    assert f'href="{reverse("helpdesk:queue")}"' in page and 'aria-label="Main"' in page  # inside the layout
    assert "URLconf" not in page


def test_a_foreign_case_is_the_same_404(client, agent, other_account):
    client.force_login(agent)
    response = client.get(reverse("helpdesk:case", args=[CaseFactory(account=other_account).id]))
    assert response.status_code == 404 and "There is nothing here" in response.content.decode()


def test_a_forbidden_page_says_why_and_where_to_go(client, agent):
    client.force_login(agent)
    response = client.get(reverse("helpdesk:dashboard"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "This page is not open to you" in page and "This page is for managers." in page
    assert "Go to the queue" in page or "go to the queue" in page


def test_the_500_page_renders_without_the_request(db):
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500 and "Something went wrong on our side" in page


def test_every_page_links_the_favicon(client):
    page = client.get(reverse("login")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("favicon.svg")

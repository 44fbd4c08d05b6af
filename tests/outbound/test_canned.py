"""Canned responses: variables filled from the order; an unknown variable is refused when saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from messaging.outbound.models import CannedResponse
from messaging.outbound.services import canned_response_save

HTMX = {"HTTP_HX_REQUEST": "true"}
TEMPLATE = (
    "Hello {buyer_name}, your {product_title} (order {order_id}) left with {carrier}, "
    "tracking {tracking_number}. Kind regards, {agent_name} at {seller_name}"
)
FILLED = (
    "Hello Cathy, your Stainless Steel Water Bottle, 750 ml, Matte Black (order 114-7863528-5212210) left with UPS, "
    "tracking 1Z999AA10123456784. Kind regards, Alice at Acme US"
)


@pytest.fixture
def canned(account, manager):
    return canned_response_save(account=account, name="Shipped", body=TEMPLATE, actor=manager)


def test_inserting_a_template_fills_its_variables_from_the_order_after_the_draft(client, agent, conversation, canned):
    client.force_login(agent)
    response = client.get(
        reverse("outbound:insert", args=[conversation.case.id]),
        {"canned": canned.id, "text": "Hi!", "key": "a" * 32, "seen": "7"},
        **HTMX,
    )
    html = response.content.decode()
    assert f">Hi!\n\n{FILLED}</textarea>" in html
    assert 'name="key" value="' + "a" * 32 + '"' in html  # still the same reply
    assert 'name="seen" value="7"' in html


def test_without_htmx_the_filled_template_waits_on_the_case_page(client, agent, conversation, canned):
    client.force_login(agent)
    response = client.post(
        reverse("outbound:insert", args=[conversation.case.id]), {"canned": canned.id, "text": "Hi!"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert f">Hi!\n\n{FILLED}</textarea>" in page
    assert f">Hi!\n\n{FILLED}</textarea>" not in client.get(response["Location"]).content.decode()  # used once


def test_another_accounts_template_is_not_found(client, agent, conversation, other_account, outsider):
    foreign = canned_response_save(account=other_account, name="Theirs", body="Hi {buyer_name}", actor=outsider)
    client.force_login(agent)
    response = client.get(reverse("outbound:insert", args=[conversation.case.id]), {"canned": foreign.id}, **HTMX)
    assert response.status_code == 404


def test_an_unknown_variable_is_refused_on_save_with_its_name(account, manager):
    with pytest.raises(ValidationError) as refused:
        canned_response_save(account=account, name="Coupon", body="Hi {buyer_name}, use {coupon_code}!", actor=manager)
    assert refused.value.message_dict == {"body": ["Unknown variable: {coupon_code}."]}
    assert CannedResponse.objects.count() == 0


def test_the_management_page_refuses_an_unknown_variable_and_saves_a_good_template(client, manager, account):
    client.force_login(manager)
    url = reverse("outbound:account", args=[account.id])
    response = client.post(url, {"name": "Late", "body": "Sorry {buyer}, {order_id} is late."})
    assert response.status_code == 400
    assert "Unknown variable: {buyer}." in response.content.decode()
    assert CannedResponse.objects.count() == 0

    response = client.post(url, {"name": "Late", "body": "Sorry {buyer_name}, {order_id} is late."})
    assert response.status_code == 302
    assert CannedResponse.objects.get().body == "Sorry {buyer_name}, {order_id} is late."
    assert "Sorry {buyer_name}" in client.get(url).content.decode()


def test_editing_keeps_the_check_and_names_must_be_unique(client, manager, account, canned):
    client.force_login(manager)
    other = canned_response_save(account=account, name="Refund", body="Refunded, {buyer_name}.", actor=manager)
    url = reverse("outbound:canned_edit", args=[other.id])
    response = client.post(url, {"name": "Refund", "body": "Refunded {amount}."})
    assert response.status_code == 400
    assert "Unknown variable: {amount}." in response.content.decode()
    response = client.post(url, {"name": "Shipped", "body": "Refunded."})
    assert response.status_code == 400
    assert "already has a canned response called" in response.content.decode()
    other.refresh_from_db()
    assert (other.name, other.body) == ("Refund", "Refunded, {buyer_name}.")


def test_admins_set_the_address_replies_come_from(client, admin_user, manager, account):
    client.force_login(admin_user)
    client.post(
        reverse("outbound:sender", args=[account.id]),
        {"from_address": "support@acme-goods.example", "display_name": "Acme Goods"},
    )
    client.force_login(manager)
    page = client.get(reverse("outbound:account", args=[account.id])).content.decode()
    assert "Acme Goods &lt;support@acme-goods.example&gt;" in page
    assert 'name="from_address"' not in page  # managers see it, admins change it

"""Sending moves the case, and the case page's cards agree with the composer after each partial swap;
a template's variable the order has no value for blocks sending until the agent fills it."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity, CaseStatus
from helpdesk.services.cases import case_assign
from messaging.outbound.delivery import reply_send
from messaging.outbound.models import CannedResponse, ReplyStatus
from messaging.outbound.selectors import latest_inbound_id
from messaging.outbound.services import UnfilledVariables, canned_response_save, reply_queue

from .helpers import buyer_mail

HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "Hello Cathy,\n\nUPS shows your parcel out for delivery today.\n\nBest, Alice"


def send(conversation, author, body=BODY):
    return reply_queue(
        case=conversation.case,
        author=author,
        body=body,
        key=uuid.uuid4().hex,
        seen_message_id=latest_inbound_id(conversation),
    )


def test_sending_moves_the_case_to_waiting_and_to_the_sender(conversation, agent):
    send(conversation, agent)
    case = conversation.case
    case.refresh_from_db()
    assert case.status == CaseStatus.WAITING
    assert case.assignee == agent


def test_a_case_held_by_another_stays_theirs_when_a_manager_answers(conversation, agent, manager):
    case_assign(case=conversation.case, assignee=agent, actor=agent)
    send(conversation, manager)
    conversation.case.refresh_from_db()
    assert conversation.case.assignee == agent
    assert conversation.case.status == CaseStatus.WAITING


def test_the_last_delivery_poll_makes_the_case_cards_refresh_and_they_agree(client, agent, conversation, smtp):
    reply = send(conversation, agent)
    client.force_login(agent)
    url = reverse("outbound:delivery", args=[conversation.case.id])
    pending = client.get(url, **HTMX)
    assert "HX-Trigger" not in pending.headers  # still on its way: the poll goes on

    reply_send(reply_id=reply.id)
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT
    done = client.get(url, **HTMX)
    assert "case-changed" in done.headers["HX-Trigger"]
    assert "answered in" in done.content.decode()

    case_url = reverse("helpdesk:case", args=[conversation.case.id])
    clocks = client.get(case_url, {"part": "clocks"}, **HTMX).content.decode()
    assert "answered in" in clocks and "overdue" not in clocks and "due in" not in clocks
    head = client.get(case_url, {"part": "head"}, **HTMX).content.decode()
    assert "Waiting" in head and "assigned to" in head
    # The same card in the whole page reads the same, times included.
    page = client.get(case_url).content.decode()
    assert clocks.strip() in page
    assert head.strip() in page


@pytest.fixture
def no_tracking(order):
    order.tracking_number = ""
    order.save(update_fields=["tracking_number"])
    return order


def test_a_variable_without_a_value_stays_visible_and_blocks_sending(client, agent, manager, conversation, no_tracking):
    canned = canned_response_save(
        account=conversation.account,
        name="Tracking",
        body="Hello {buyer_name}, your tracking number is {tracking_number}.",
        actor=manager,
    )
    client.force_login(agent)
    html = client.get(
        reverse("outbound:insert", args=[conversation.case.id]),
        {"canned": canned.id, "text": "", "key": "b" * 32, "seen": latest_inbound_id(conversation)},
        **HTMX,
    ).content.decode()
    assert "Hello Cathy, your tracking number is {tracking_number}.</textarea>" in html
    assert "<mark>{tracking_number}</mark>" in html
    assert "data-send disabled" in html

    with pytest.raises(UnfilledVariables, match=r"\{tracking_number\}"):
        send(conversation, agent, body="Hello Cathy, your tracking number is {tracking_number}.")
    response = client.post(
        reverse("outbound:reply", args=[conversation.case.id]),
        {
            "text": "Your tracking number is {tracking_number}.",
            "key": uuid.uuid4().hex,
            "seen": latest_inbound_id(conversation),
        },
        **HTMX,
    )
    assert "Fill in {tracking_number} before sending" in response.content.decode()
    # Braces that are not a template's variable are the agent's own words.
    send(conversation, agent, body="Our model {A-2} ships tomorrow.")
    assert CannedResponse.objects.count() == 1


def test_reading_mail_is_the_systems_doing_not_the_uploaders(client, agent, account, order):
    client.force_login(agent)
    raw = buyer_mail(text="Where is it?", when=timezone.now().replace(microsecond=0))
    client.post(reverse("messaging:inbox_upload"), {"files": [SimpleUploadedFile("q.eml", raw)]})
    received = Activity.objects.filter(verb="mail.buyer_message").get()
    opened = Activity.objects.filter(verb="case.opened").get()
    assert received.actor is None and opened.actor is None
    assert Activity.objects.get(verb="mail.uploaded").actor == agent

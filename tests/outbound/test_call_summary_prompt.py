"""After a phone call is logged, the case prompts for a written summary to the buyer, and keeps the
prompt until a reply goes to the buyer or someone dismisses it with a reason (audited)."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity
from messaging.models import Direction, Message
from messaging.outbound.models import CallSummaryPrompt, PromptOutcome
from messaging.outbound.services import entry_add, reply_queue
from messaging.services import conversation_open_for_order
from tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(account):
    order = OrderFactory(account=account)
    conversation = conversation_open_for_order(
        account=account, amazon_order_id=order.amazon_order_id, buyer_email=order.buyer_email, subject="Hi", actor=None
    )
    Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="Please call me.", sent_at=timezone.now()
    )
    return conversation


def page(client, user, conversation) -> str:
    client.force_login(user)
    return client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()


def test_a_logged_call_prompts_until_a_reply_is_sent(client, agent, conversation):
    assert 'data-testid="call-prompt"' not in page(client, agent, conversation)
    client.post(
        reverse("outbound:entry", args=[conversation.case_id]),
        {"direction": "call", "body": "Buyer called: the parcel is at the neighbour's."},
    )
    prompt = CallSummaryPrompt.objects.get()
    assert 'data-testid="call-prompt"' in page(client, agent, conversation)
    # A note is no summary to the buyer.
    entry_add(case=conversation.case, direction=Direction.NOTE, body="Checked with the carrier.", author=agent)
    assert 'data-testid="call-prompt"' in page(client, agent, conversation)
    seen = conversation.messages.filter(direction=Direction.IN).get().id
    reply = reply_queue(
        case=conversation.case,
        author=agent,
        body="As we said on the phone, the carrier left your parcel with your neighbour at number 12.",
        key=uuid.uuid4().hex,
        seen_message_id=seen,
    )
    prompt.refresh_from_db()
    assert (prompt.outcome, prompt.reply, prompt.closed_by) == (PromptOutcome.SENT, reply, agent)
    assert 'data-testid="call-prompt"' not in page(client, agent, conversation)
    assert Activity.objects.filter(verb="conversation.call_summary_sent", case=conversation.case).exists()


def test_dismissing_needs_a_reason_and_is_audited(client, agent, conversation):
    entry_add(case=conversation.case, direction=Direction.CALL, body="Short call.", author=agent)
    prompt = CallSummaryPrompt.objects.get()
    client.force_login(agent)
    url = reverse("outbound:call_prompt_dismiss", args=[prompt.id])
    response = client.post(url, {"reason": "  "}, follow=True)
    assert "Say why no written summary is sent" in response.content.decode()
    prompt.refresh_from_db()
    assert prompt.closed_at is None
    client.post(url, {"reason": "The buyer asked us not to write."})
    prompt.refresh_from_db()
    assert (prompt.outcome, prompt.reason, prompt.closed_by) == (
        PromptOutcome.DISMISSED,
        "The buyer asked us not to write.",
        agent,
    )
    audit = Activity.objects.get(verb="conversation.call_summary_dismissed")
    assert audit.actor == agent and "asked us not to write" in audit.summary
    assert 'data-testid="call-prompt"' not in page(client, agent, conversation)


def test_another_accounts_prompt_is_not_found(client, outsider, agent, conversation):
    entry_add(case=conversation.case, direction=Direction.CALL, body="Call.", author=agent)
    client.force_login(outsider)
    url = reverse("outbound:call_prompt_dismiss", args=[CallSummaryPrompt.objects.get().id])
    assert client.post(url, {"reason": "x"}).status_code == 404

"""Buyer mail is kept no longer than the account's retention period: its bytes, attachments and the
buyer's words go, the thread keeps its shape (who wrote when, the subject, the seller's replies) and
says what was purged."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from helpdesk.models import Activity, Case, SearchDocument
from helpdesk.registry import registry
from helpdesk.services.retention import personal_data_purge
from helpdesk.services.search import search_pending_index
from helpdesk.tasks import purge_personal_data
from messaging.models import Attachment, Conversation, Direction, InboundMail, Message
from messaging.services.retention import mail_purge, subject_without_buyer
from tests.factories import OrderFactory

from .conftest import fixture_bytes, ingest, with_message_id

NOW = datetime(2027, 6, 1, 3, 0, tzinfo=UTC)


def _age(mail: InboundMail, days: float) -> None:
    at = NOW - timedelta(days=days)
    InboundMail.objects.filter(pk=mail.pk).update(arrived_at=at, received_at=at)
    Message.objects.filter(inbound=mail).update(sent_at=at)
    Conversation.objects.filter(messages__inbound=mail).update(last_message_at=at)


@pytest.fixture
def old_mail(account):
    mail = ingest(account, "03_multipart_attachment.eml")
    _age(mail, 31)
    return mail


def test_old_buyer_mail_loses_its_bytes_attachments_and_the_buyers_words(account, old_mail, agent):
    message = Message.objects.get(inbound=old_mail)
    conversation = message.conversation
    note = Message.objects.create(
        conversation=conversation, direction=Direction.OUT, author=agent, body_text="We sent a new one.", sent_at=NOW
    )
    attachments = Attachment.objects.filter(message=message).count()
    assert attachments and message.body_text
    counts = mail_purge(account=account, now=NOW)
    old_mail.refresh_from_db()
    message.refresh_from_db()
    note.refresh_from_db()
    conversation.refresh_from_db()
    assert bytes(old_mail.raw) == b"" and old_mail.purged_at == NOW and old_mail.from_name == ""
    assert old_mail.message_id and old_mail.amazon_order_id, "what threads a reply stays"
    assert (message.body_text, message.quoted_text, message.body_html, message.sender_name) == ("", "", "", "")
    assert message.purged_at == NOW and message.subject and message.sent_at
    for attachment in Attachment.objects.filter(message=message):
        assert bytes(attachment.data) == b"" and attachment.purged_at == NOW and attachment.filename
    assert note.body_text == "We sent a new one.", "the seller's own replies are kept: they are the record"
    assert (conversation.buyer_name, conversation.buyer_email) == ("", "")
    assert Case.objects.get(pk=conversation.case_id).buyer_name == ""
    assert counts == {"mail": 1, "messages": 1, "attachments": attachments, "conversations": 1}


def test_the_retention_purge_runs_messagings_part_and_audits_its_counts(account, old_mail):
    counts = personal_data_purge(account=account, now=NOW)
    assert {what: counts[f"messaging.{what}"] for what in ("mail", "messages", "conversations")} == {
        "mail": 1,
        "messages": 1,
        "conversations": 1,
    }
    assert Activity.objects.get(account=account, verb="retention.purged").after == counts
    old_mail.refresh_from_db()
    assert bytes(old_mail.raw) == b""


def test_the_buyers_name_leaves_every_subject_and_the_search_rows(account, agent):
    mail = ingest(account, "01_plain_us_shipping.eml")
    _age(mail, 31)
    conversation = Conversation.objects.get(messages__inbound=mail)
    reply = Message.objects.create(
        conversation=conversation,
        direction=Direction.OUT,
        author=agent,
        subject=f"Re: {conversation.subject}",
        body_text="It is on its way.",
        sent_at=NOW - timedelta(days=31),
    )
    search_pending_index()
    assert SearchDocument.objects.filter(case_id=conversation.case_id, text__icontains="Cathy").exists()
    personal_data_purge(account=account, now=NOW)
    search_pending_index()
    subjects = [
        InboundMail.objects.get(pk=mail.pk).subject,
        Message.objects.get(inbound=mail).subject,
        Message.objects.get(pk=reply.pk).subject,
        Conversation.objects.get(pk=conversation.pk).subject,
        Case.objects.get(pk=conversation.case_id).subject,
    ]
    assert [subject.replace("Re: ", "") for subject in subjects] == [
        "Shipping inquiry from Amazon customer buyer (Order: 114-7863528-5212210)"
    ] * 5
    assert not SearchDocument.objects.filter(text__icontains="Cathy").exists()


@pytest.mark.parametrize(
    ("subject", "names", "expected"),
    [
        ("Re: Inquiry from Amazon customer Sam (Order: 1)", [], "Re: Inquiry from Amazon customer buyer (Order: 1)"),
        (
            "Delivery failure: Re: Inquiry from Amazon customer Sam",
            [],
            "Delivery failure: Re: Inquiry from Amazon customer buyer",
        ),
        (
            "Demande de la part du client Amazon Amélie (Commande : 1)",
            [],
            "Demande de la part du client Amazon buyer (Commande : 1)",
        ),
        ("Pergunta do cliente João (Pedido: 1)", ["João"], "Pergunta do cliente buyer (Pedido: 1)"),
        ("Your order 111-2233445-5667788", ["Amanda"], "Your order 111-2233445-5667788"),
    ],
    ids=["amazons-line", "in-a-notice", "french", "by-the-known-name", "no-name"],
)
def test_subject_without_buyer(subject, names, expected):
    assert subject_without_buyer(subject, names) == expected


def test_mail_inside_the_retention_period_is_kept(account):
    mail = ingest(account, "03_multipart_attachment.eml")
    _age(mail, 29)
    assert mail_purge(account=account, now=NOW)["mail"] == 0
    mail.refresh_from_db()
    assert bytes(mail.raw) and Message.objects.get(inbound=mail).body_text


def test_mail_about_an_order_not_delivered_long_enough_ago_is_kept(account):
    OrderFactory(
        account=account,
        amazon_order_id="113-2046811-3318620",
        purchase_date=NOW - timedelta(days=60),
        delivered_at=NOW - timedelta(days=10),
    )
    mail = ingest(account, "03_multipart_attachment.eml")
    _age(mail, 40)
    assert mail_purge(account=account, now=NOW)["messages"] == 0
    assert Message.objects.get(inbound=mail).body_text


def test_notices_and_problem_mail_lose_their_bytes_too(account):
    notice = ingest(account, "20_atoz_claim.eml")
    _age(notice, 31)
    mail_purge(account=account, now=NOW)
    notice.refresh_from_db()
    assert bytes(notice.raw) == b"" and notice.purged_at == NOW


def test_the_case_page_says_the_content_was_purged_and_downloads_are_gone(client, agent, account, old_mail):
    mail_purge(account=account, now=NOW)
    message = Message.objects.get(inbound=old_mail)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[message.conversation.case_id])).content.decode()
    assert "removed after the account's retention period" in page
    attachment = Attachment.objects.filter(message=message).first()
    assert client.get(reverse("messaging:attachment", args=[attachment.id])).status_code == 410
    assert client.get(reverse("messaging:inbox_raw", args=[old_mail.id])).status_code == 410


def test_a_second_run_changes_nothing_and_the_purge_is_registered(account, old_mail):
    mail_purge(account=account, now=NOW)
    assert mail_purge(account=account, now=NOW) == {"mail": 0, "messages": 0, "attachments": 0, "conversations": 0}
    assert ("messaging", "messaging.services.retention.mail_purge") in registry.purgers()


def test_the_task_purges_every_accounts_mail(account, other_account, old_mail):
    with time_machine.travel(NOW):
        purge_personal_data()
    old_mail.refresh_from_db()
    assert bytes(old_mail.raw) == b""
    audits = Activity.objects.filter(verb="retention.purged")
    assert {a.account_id: a.after["messaging.mail"] for a in audits} == {account.id: 1, other_account.id: 0}


def test_a_conversation_the_buyer_writes_to_again_is_named_again(account, old_mail):
    mail_purge(account=account, now=NOW)
    conversation = Conversation.objects.get(messages__inbound=old_mail)
    assert conversation.buyer_email == ""
    raw = with_message_id(
        fixture_bytes("03_multipart_attachment.eml"),
        "010001946d3e55aa-attach-0003@email.amazonses.com",
        "010001946d3e55aa-attach-0004@email.amazonses.com",
    )
    again = ingest(account, "again.eml", raw=raw)
    conversation.refresh_from_db()
    assert again.status == "parsed" and conversation.buyer_email

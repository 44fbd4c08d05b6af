"""Replies go out through Django's mailer to a real SMTP server, once, threaded, from the account."""

import email
import threading
import uuid
from datetime import timedelta
from email import policy
from email.utils import format_datetime, formataddr

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity, DeadlineState
from messaging.outbound.delivery import LEASE, outbound_mark_bounced, reply_claim, reply_send, reply_transition
from messaging.outbound.models import Reply, ReplyStatus
from messaging.outbound.selectors import latest_inbound_id
from messaging.outbound.services import ComplianceBlocked, outbound_settings_save, reply_queue
from messaging.outbound.tasks import MAX_RETRIES, deliver_due_replies, send_reply
from messaging.services import conversation_open_for_order
from tests.messaging import dns_stub

from .helpers import RELAY, buyer_mail, free_port, receive, smtp_mailer

BODY = "Hello Cathy,\n\nyour parcel left our warehouse on Monday; UPS shows it out for delivery today.\n\nBest, Alice"


def queue(conversation, author, body=BODY, **extra):
    return reply_queue(
        case=conversation.case,
        author=author,
        body=body,
        key=uuid.uuid4().hex,
        seen_message_id=latest_inbound_id(conversation),
        **extra,
    )


def received(sink, index=0):
    return email.message_from_bytes(sink.envelopes[index].original_content, policy=policy.default)


def test_a_reply_reaches_the_relay_address_from_the_account_threaded_under_the_buyer_message(
    smtp, conversation, agent, admin_user, account
):
    outbound_settings_save(
        account=account, from_address="support@acme-goods.example", display_name="Acme Goods", actor=admin_user
    )
    reply = queue(conversation, agent)

    sent = reply_send(reply_id=reply.id)

    assert sent.status == ReplyStatus.SENT
    assert len(smtp.envelopes) == 1
    envelope = smtp.envelopes[0]
    assert envelope.rcpt_tos == [RELAY]
    assert envelope.mail_from == "support@acme-goods.example"
    mail = received(smtp)
    assert mail["To"] == RELAY
    assert mail["From"] == "Acme Goods <support@acme-goods.example>"
    assert mail["In-Reply-To"] == "<first-question@email.amazonses.com>"
    assert mail["References"] == "<first-question@email.amazonses.com>"
    assert mail["Message-ID"].strip() == f"<{reply.email_message_id}>"  # folded: it is long
    assert mail["Subject"].strip() == "Re: Shipping inquiry from Amazon customer Cathy (Order: 114-7863528-5212210)"
    assert mail.get_content().strip().replace("\r\n", "\n") == BODY


def test_news_of_the_order_answers_a_buyer_but_is_refused_in_a_conversation_the_seller_starts(
    conversation, agent, account
):
    news = "Your order has shipped with UPS, tracking 1Z999AA10123456784."
    assert queue(conversation, agent, body=news).message.body_text == news
    started = conversation_open_for_order(
        account=account,
        amazon_order_id="113-4409182-6650317",
        buyer_email="b3n7m1q5w9e2r6t@marketplace.amazon.com",
        subject="About your order",
        actor=agent,
    )
    with pytest.raises(ComplianceBlocked) as refused:
        queue(started, agent, body=news)
    assert {f.rule for _, f in refused.value.labelled} == {"confirmation"}


def test_without_outbound_settings_replies_come_from_the_default_address(smtp, conversation, agent, settings):
    settings.DEFAULT_FROM_EMAIL = "Sellerdesk <replies@sellerdesk.example>"
    reply_send(reply_id=queue(conversation, agent).id)
    assert smtp.envelopes[0].mail_from == "replies@sellerdesk.example"
    assert received(smtp)["From"] == "Sellerdesk <replies@sellerdesk.example>"


def test_the_send_task_run_twice_sends_one_message(smtp, conversation, agent):
    reply = queue(conversation, agent)
    send_reply.apply(args=[reply.id])
    send_reply.apply(args=[reply.id])
    assert len(smtp.envelopes) == 1
    reply.refresh_from_db()
    assert (reply.status, reply.attempts) == (ReplyStatus.SENT, 1)


def test_the_same_form_posted_twice_is_one_reply(conversation, agent):
    key = uuid.uuid4().hex
    seen = latest_inbound_id(conversation)
    first = reply_queue(case=conversation.case, author=agent, body=BODY, key=key, seen_message_id=seen)
    second = reply_queue(case=conversation.case, author=agent, body=BODY, key=key, seen_message_id=seen)
    assert first.pk == second.pk
    assert Reply.objects.count() == 1
    assert conversation.messages.filter(direction="out").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_message(smtp, conversation, agent, monkeypatch):
    monkeypatch.setattr("messaging.outbound.services._dispatch", lambda reply: None)  # the two workers below send it
    reply = queue(conversation, agent)
    start = threading.Barrier(4)
    outcomes = []

    def worker():
        try:
            start.wait()
            outcomes.append(reply_send(reply_id=reply.id))
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(4)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()

    assert len(smtp.envelopes) == 1
    assert len([o for o in outcomes if o is not None]) == 1
    reply.refresh_from_db()
    assert (reply.status, reply.attempts) == (ReplyStatus.SENT, 1)


def test_a_transport_failure_fails_the_reply_with_its_error_and_retry_sends_it(
    smtp, settings, conversation, agent, client, celery_eager, django_capture_on_commit_callbacks
):
    settings.MAILERS = smtp_mailer(free_port())  # nothing listens there
    reply = queue(conversation, agent)

    reply_send(reply_id=reply.id)

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.FAILED
    assert "ConnectionRefusedError" in reply.error
    assert not smtp.envelopes
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case.id])).content.decode()
    assert "ConnectionRefusedError" in page
    assert reverse("outbound:retry", args=[reply.id]) in page

    settings.MAILERS = smtp_mailer(smtp.port)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbound:retry", args=[reply.id]))
    assert response.status_code == 302

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT
    assert reply.error == ""
    assert len(smtp.envelopes) == 1
    assert received(smtp)["Message-ID"].strip() == f"<{reply.email_message_id}>"


def test_the_task_retries_transport_errors_up_to_its_cap_then_fails(settings, conversation, agent):
    settings.MAILERS = smtp_mailer(free_port())
    reply = queue(conversation, agent)

    send_reply.apply(args=[reply.id])  # applied in-process: its retries run at once

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.FAILED
    assert reply.attempts == MAX_RETRIES + 1
    verbs = list(
        Activity.objects.filter(case=conversation.case, verb__startswith="reply.").values_list("verb", flat=True)
    )
    assert verbs == ["reply.queued", *["reply.queued"] * MAX_RETRIES, "reply.failed"]


def test_a_worker_that_dies_after_claiming_leaves_a_lease_that_expires(smtp, conversation, agent, celery_eager):
    reply = queue(conversation, agent)
    claimed_at = timezone.now()
    dead = reply_claim(reply_id=reply.id, now=claimed_at)  # ... and the worker dies before sending
    assert dead.status == ReplyStatus.SENDING

    assert reply_send(reply_id=reply.id) is None  # the lease holds: nobody else sends it
    assert deliver_due_replies.apply().get() == 0
    assert not smtp.envelopes

    with time_machine.travel(claimed_at + LEASE + timedelta(seconds=1)):
        assert deliver_due_replies.apply().get() == 1

    assert len(smtp.envelopes) == 1
    reply.refresh_from_db()
    assert (reply.status, reply.attempts) == (ReplyStatus.SENT, 2)
    # The dead worker coming back cannot record an outcome: its lease is gone.
    assert reply_transition(reply=reply, to=ReplyStatus.FAILED, attempt=dead.attempts, error="late") is None
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT


def test_sending_meets_the_clock_at_the_moment_the_agent_sent_it(smtp, conversation, agent, client):
    deadline = conversation.case.deadlines.get(kind="message_response")
    reply = queue(conversation, agent)

    with time_machine.travel(reply.queued_at + timedelta(hours=3)):
        reply_send(reply_id=reply.id)

    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.MET
    assert deadline.met_at == reply.queued_at
    assert deadline.met_at - deadline.started_at < timedelta(minutes=11)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case.id])).content.decode()
    assert "answered in 10m" in page


def test_a_reply_queued_but_not_sent_leaves_the_clock_running(conversation, agent):
    queue(conversation, agent)
    assert conversation.case.deadlines.get(kind="message_response").state == DeadlineState.OPEN


FORGER_KEY = dns_stub.publish("forger.example").private_pem  # a key of its own, published nowhere Amazon's is

BOUNCE = """From: "Amazon Marketplace" <donotreply@marketplace.amazon.com>
To: support@acme-goods.example
Subject: Delivery failure: Re: Inquiry from Amazon customer Cathy
Message-ID: <bounce-{n}@email.amazonses.com>
Date: {date}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="bounce-boundary"

--bounce-boundary
Content-Type: text/plain; charset=UTF-8

We were unable to deliver the message you sent to Cathy. The message contained content that is not permitted
by Amazon's communication guidelines.

--bounce-boundary
Content-Type: message/rfc822

From: Acme Goods <support@acme-goods.example>
To: {relay}
Subject: Re: Inquiry from Amazon customer Cathy (Order: 114-7863528-5212210)
Message-ID: <{message_id}>
Content-Type: text/plain; charset=UTF-8

{body}

--bounce-boundary--
"""


def test_a_bounce_fails_the_reply_it_names(
    smtp, conversation, agent, account, amazon_dkim, django_capture_on_commit_callbacks
):
    replies = [queue(conversation, agent, body=f"Reply number {n}.") for n in (1, 2)]
    for reply in replies:
        reply_send(reply_id=reply.id)
    raw = BOUNCE.format(
        n=1, date=format_datetime(timezone.now()), relay=RELAY, message_id=replies[0].email_message_id, body="x"
    )
    with django_capture_on_commit_callbacks(execute=True):  # read, then handed to outbound after commit
        bounce = receive(account, amazon_dkim.sign(raw.replace("\n", "\r\n").encode()))
    assert bounce.kind == "bounce" and bounce.sender_check == "dkim"

    statuses = dict(Reply.objects.values_list("id", "status"))
    assert statuses == {replies[0].id: ReplyStatus.FAILED, replies[1].id: ReplyStatus.SENT}
    assert "Amazon did not deliver it" in Reply.objects.get(pk=replies[0].pk).error
    assert outbound_mark_bounced(mail=bounce) is None  # once
    assert Activity.objects.filter(verb="reply.failed").count() == 1


def test_a_forged_bounce_leaves_the_reply_sent_and_nothing_is_sent_again(
    smtp, conversation, agent, account, amazon_dkim, django_capture_on_commit_callbacks
):
    """The From is Amazon's, the wording is Amazon's, the Message-ID is the reply's: but no signature of
    Amazon's proves it (here: one by another key for amazon.com, as a forger's own would be)."""
    reply = queue(conversation, agent)
    reply_send(reply_id=reply.id)
    raw = (
        BOUNCE.format(
            n=2, date=format_datetime(timezone.now()), relay=RELAY, message_id=reply.email_message_id, body="x"
        )
        .replace("\n", "\r\n")
        .encode()
    )
    forger = dns_stub.Signer(domain="amazon.com", selector=amazon_dkim.selector, private_pem=FORGER_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        bounce = receive(account, forger.sign(raw))
    assert bounce.kind == "bounce"
    assert bounce.sender_check == "unverified" and "does not verify" in bounce.sender_check_detail
    bounce.refresh_from_db()
    assert bounce.handled_at is not None  # taken over, and set aside

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT and reply.error == ""
    ignored = Activity.objects.get(verb="reply.bounce_unverified")
    assert ignored.case_id == conversation.case_id and "stays sent" in ignored.summary
    deliver_due_replies()
    assert len(smtp.envelopes) == 1


def test_a_buyer_quoting_amazons_bounce_wording_is_a_buyer_message_with_its_clock(account, conversation):
    """A buyer pasting the error their own mail showed them: their message, their case, their clock."""
    raw = buyer_mail(
        text="We were unable to deliver the message you sent, says my mail. Could not deliver your message either.",
        when=timezone.now() - timedelta(minutes=1),
    )
    conversation.case.deadlines.update(state=DeadlineState.MET)
    mail = receive(account, raw)
    assert mail.kind == "buyer_message"
    assert mail.message.conversation_id == conversation.id
    assert conversation.case.deadlines.filter(state=DeadlineState.OPEN).count() == 1


def test_the_sender_is_read_with_the_conversation_the_reply_locks(conversation, agent, admin_user, account, settings):
    assert queue(conversation, agent).from_address == settings.DEFAULT_FROM_EMAIL
    address = "support@acme-goods.example"
    outbound_settings_save(account=account, from_address=address, display_name="", actor=admin_user)
    with CaptureQueriesContext(connection) as queries:
        reply = queue(conversation, agent, body="Hello Cathy, it arrives tomorrow. Alice")
    assert reply.from_address == formataddr((account.name, address))
    assert not [q for q in queries.captured_queries if q["sql"].startswith('SELECT "outbound_outboundsettings"')]

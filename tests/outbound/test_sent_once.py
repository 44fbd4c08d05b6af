"""Sent exactly once: the send is stopped at each step against a real SMTP server on loopback, then
recovery runs (the lease expires, the sweeps run again), and the server's deliveries are counted.

Each message arrives once, except in the one documented edge (docs/mail-trust-and-delivery.md): an
agent who sends an unconfirmed reply again, when the first had in fact gone out."""

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from helpdesk.mail import AcceptanceUnknown
from helpdesk.models import Activity, DeadlineState, Notification
from helpdesk.models.notifications import EmailState
from helpdesk.services import notifications as notifications_service
from helpdesk.services.notifications import LEASE as NOTIFICATION_LEASE
from helpdesk.services.notifications import notifications_deliver
from messaging.outbound import services as outbound_services
from messaging.outbound.delivery import LEASE, TRANSPORT_ERRORS, LeaseLost, _mark_handed, reply_claim, reply_send
from messaging.outbound.models import Reply, ReplyStatus
from messaging.outbound.selectors import latest_inbound_id
from messaging.outbound.services import reply_confirm, reply_queue, reply_retry
from messaging.outbound.tasks import deliver_due_replies
from tests.factories import UserFactory

from .helpers import Sink, free_port, smtp_mailer


def queue(conversation, author) -> Reply:
    return reply_queue(
        case=conversation.case,
        author=author,
        body="Hello Cathy,\n\nyour parcel is out for delivery today.\n\nBest, Alice",
        key=uuid.uuid4().hex,
        seen_message_id=latest_inbound_id(conversation),
    )


def message_ids(sink) -> list[str]:
    return [
        line.split(b":", 1)[1].strip().decode()
        for envelope in sink.envelopes
        for line in envelope.original_content.splitlines()
        if line.lower().startswith(b"message-id:")
    ]


def after_lease(at=None, lease=LEASE):
    return time_machine.travel((at or timezone.now()) + lease + timedelta(seconds=1))


# --- a reply ---------------------------------------------------------------------------------


def test_killed_before_connecting_the_reply_is_sent_once_after_the_lease(smtp, conversation, agent, celery_eager):
    reply = queue(conversation, agent)
    reply_claim(reply_id=reply.id)  # the worker claims it, and dies before it connects
    with after_lease():
        deliver_due_replies.apply()
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT and reply.attempts == 2
    assert message_ids(smtp) == [f"<{reply.email_message_id}>"]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_with_sigkill_after_the_server_accepted_never_sends_it_again(
    smtp, conversation, agent, celery_eager, settings, monkeypatch
):
    """A real worker process: it sends, the server answers 250, and it is killed (SIGKILL) before it can
    record the outcome. The lease expires; recovery finds the message handed over and sends nothing."""
    reply = queue_for_the_worker(conversation, agent, monkeypatch)
    worker = _worker(
        settings,
        f"""
        from messaging.outbound import delivery

        def die_before_recording(*, reply, to, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)

        delivery.reply_transition = die_before_recording
        delivery.reply_send(reply_id={reply.id})
        """,
    )
    assert worker.returncode == -signal.SIGKILL, worker.stderr
    assert len(smtp.envelopes) == 1
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENDING and reply.handed_at is not None

    with after_lease():
        deliver_due_replies.apply()
        deliver_due_replies.apply()
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.UNCONFIRMED and "stopped after handing it" in reply.error
    assert len(smtp.envelopes) == 1
    # The clock is not met on a guess: the agent confirms it from Seller Central's messages.
    clock = conversation.case.deadlines.get()
    assert clock.state == DeadlineState.OPEN
    reply_confirm(reply=reply, actor=agent)
    clock.refresh_from_db()
    assert clock.state == DeadlineState.MET and clock.met_at == reply.queued_at
    assert Activity.objects.filter(verb="reply.sent", summary__contains="confirmed as sent").exists()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_with_sigkill_before_data_leaves_it_to_the_next_worker(
    smtp, conversation, agent, celery_eager, settings, monkeypatch
):
    reply = queue_for_the_worker(conversation, agent, monkeypatch)
    worker = _worker(
        settings,
        f"""
        from helpdesk import mail

        def die_on_connect(self):
            os.kill(os.getpid(), signal.SIGKILL)

        mail.SmtpBackend.open = die_on_connect
        from messaging.outbound import delivery
        delivery.reply_send(reply_id={reply.id})
        """,
    )
    assert worker.returncode == -signal.SIGKILL, worker.stderr
    assert smtp.envelopes == []
    with after_lease():
        deliver_due_replies.apply()
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT
    assert len(smtp.envelopes) == 1


def queue_for_the_worker(conversation, agent, monkeypatch) -> Reply:
    """Queued, with its task left to the worker process the test starts (not run here, eagerly)."""
    with monkeypatch.context() as patch:
        patch.setattr(outbound_services, "_dispatch", lambda reply: None)
        return queue(conversation, agent)


def _worker(settings, code: str) -> subprocess.CompletedProcess:
    """Run `code` in a worker process of its own, on the test database and the test's SMTP server."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "EMAIL_HOST": settings.MAILERS["default"]["OPTIONS"]["host"],
        "EMAIL_PORT": str(settings.MAILERS["default"]["OPTIONS"]["port"]),
        "EMAIL_TIMEOUT": "5",
    }
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    script = "import os, signal\nimport django\ndjango.setup()\n" + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)


class SlowToAnswer(Sink):
    """Keeps the message, then takes longer to say 250 than the client waits."""

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        await asyncio.sleep(2)
        return "250 Message accepted for delivery"


def impatient_mailer(port: int) -> dict:
    mailer = smtp_mailer(port)
    mailer["default"]["OPTIONS"]["timeout"] = 0.5
    return mailer


@pytest.fixture
def slow_smtp(settings):
    sink = SlowToAnswer()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    sink.port = controller.port
    settings.MAILERS = impatient_mailer(controller.port)
    yield sink
    controller.stop()


def test_a_read_timeout_after_the_message_went_leaves_it_unconfirmed_and_not_retried(
    slow_smtp, conversation, agent, celery_eager
):
    reply = queue(conversation, agent)
    reply_send(reply_id=reply.id, retry=True)  # the task's own call: transport errors would be retried
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.UNCONFIRMED and "no answer after the message was sent" in reply.error
    with after_lease():
        deliver_due_replies.apply()
        reply_send(reply_id=reply.id, retry=True)
    assert len(slow_smtp.envelopes) == 1
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.UNCONFIRMED


def test_the_documented_edge_sending_an_unconfirmed_reply_again_repeats_its_message_id(
    slow_smtp, conversation, agent, celery_eager, settings, smtp, django_capture_on_commit_callbacks
):
    """The one duplicate left: a person chooses to send again what may have gone. It carries the same
    Message-ID, so the receiving side can tell it is the same message."""
    settings.MAILERS = impatient_mailer(slow_smtp.port)
    reply = queue(conversation, agent)
    reply_send(reply_id=reply.id)
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.UNCONFIRMED
    settings.MAILERS = smtp_mailer(smtp.port)
    with django_capture_on_commit_callbacks(execute=True):
        reply_retry(reply=reply, actor=agent)  # "Send it again"
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT
    assert message_ids(slow_smtp) == message_ids(smtp) == [f"<{reply.email_message_id}>"]


def test_a_worker_whose_lease_was_taken_over_does_not_send(smtp, conversation, agent):
    reply = queue(conversation, agent)
    first = reply_claim(reply_id=reply.id)
    with after_lease():
        second = reply_claim(reply_id=reply.id)
    assert (first.attempts, second.attempts) == (1, 2)
    with pytest.raises(LeaseLost):
        _mark_handed(reply.id, first.attempts)  # the slow first worker reaches DATA: it stops there
    _mark_handed(reply.id, second.attempts)


# --- a notification batch --------------------------------------------------------------------


class WorkerKilled(BaseException):
    """The worker's death: nothing in the code under test catches it."""


@pytest.fixture
def notes(account, smtp):
    users = [UserFactory(username=f"person{n}", email=f"person{n}@acme.example") for n in range(6)]
    return [
        Notification.objects.create(user=user, account=account, kind="breach", title=f"Clock breached {n}")
        for n, user in enumerate(users)
    ]


def recipients(sink) -> list[str]:
    return sorted(rcpt for envelope in sink.envelopes for rcpt in envelope.rcpt_tos)


@pytest.mark.parametrize("k", [0, 3, 5])
@pytest.mark.parametrize("when", ["after the server accepted", "before data"])
def test_a_notification_batch_killed_at_item_k_delivers_each_email_once(notes, smtp, monkeypatch, k, when):
    real_send = notifications_service.mail_send_on
    calls = []

    def send_and_die_at_k(connection, message, *, before_data):
        calls.append(message.to[0])
        if len(calls) - 1 == k and when == "before data":
            raise WorkerKilled
        real_send(connection, message, before_data=before_data)
        if len(calls) - 1 == k:
            raise WorkerKilled

    monkeypatch.setattr(notifications_service, "mail_send_on", send_and_die_at_k)
    started = timezone.now()
    with pytest.raises(WorkerKilled):
        notifications_deliver(now=started)
    states = [Notification.objects.get(pk=n.pk).email_state for n in notes]
    assert states[:k] == [EmailState.SENT] * k  # marked as they went, each in its own statement
    monkeypatch.setattr(notifications_service, "mail_send_on", real_send)

    assert notifications_deliver(now=started + timedelta(minutes=1)) == 0  # the lease holds
    later = started + NOTIFICATION_LEASE + timedelta(seconds=1)
    notifications_deliver(now=later)
    notifications_deliver(now=later + timedelta(hours=1))
    assert recipients(smtp) == sorted(f"person{n}@acme.example" for n in range(6))  # each exactly once
    final = {n.pk: Notification.objects.get(pk=n.pk).email_state for n in notes}
    expected_k = EmailState.UNCONFIRMED if when == "after the server accepted" else EmailState.SENT
    assert final[notes[k].pk] == expected_k
    assert [final[n.pk] for i, n in enumerate(notes) if i != k] == [EmailState.SENT] * 5


def test_a_notification_whose_answer_times_out_is_not_sent_again(account, slow_smtp):
    user = UserFactory(username="mona2", email="mona2@acme.example")
    note = Notification.objects.create(user=user, account=account, kind="breach", title="Clock breached")
    assert notifications_deliver() == 0
    note.refresh_from_db()
    assert note.email_state == EmailState.UNCONFIRMED
    notifications_deliver(now=timezone.now() + timedelta(hours=2))
    assert len(slow_smtp.envelopes) == 1


def test_acceptance_unknown_is_not_a_transport_error_that_celery_retries():
    assert not issubclass(AcceptanceUnknown, TRANSPORT_ERRORS)


def test_the_thread_shows_an_unconfirmed_reply_and_the_agent_confirms_it(
    slow_smtp, conversation, agent, client, settings
):
    settings.MAILERS = impatient_mailer(slow_smtp.port)
    reply = queue(conversation, agent)
    reply_send(reply_id=reply.id)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[conversation.case_id])).content.decode()
    assert 'data-testid="delivery-unconfirmed"' in page and reverse("outbound:confirm", args=[reply.id]) in page
    assert client.post(reverse("outbound:confirm", args=[reply.id])).status_code == 302
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SENT
    assert client.post(reverse("outbound:confirm", args=[reply.id]), follow=True).status_code == 200  # refused, said
    assert len(slow_smtp.envelopes) == 1

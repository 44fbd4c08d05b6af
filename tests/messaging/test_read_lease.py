"""Never a second read of a mail while one is queued or running: each reading task holds its mails for a lease,
which a dead worker's task simply lets run out."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from messaging import tasks
from messaging.models import InboundMail, MailSource, MailStatus
from messaging.services import inbound_claim_for_reading, inbound_receive

from .conftest import fixture_bytes, with_message_id

FIRST_ID = "0100019464c1a2b3-5f0e8a4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c-000000@email.amazonses.com"


@pytest.fixture
def queued(monkeypatch) -> list[list[int]]:
    """The reading tasks queued, by their mail ids."""
    calls: list[list[int]] = []
    monkeypatch.setattr(tasks.read_mail, "delay", lambda mail_ids: calls.append(list(mail_ids)))
    return calls


def _stored(account, n: int, *, minutes_ago: int = 0) -> list[int]:
    ids = []
    for i in range(n):
        raw = with_message_id(fixture_bytes("01_plain_us_shipping.eml"), FIRST_ID, f"lease-{i}@x")
        mail, _ = inbound_receive(raw=raw, source=MailSource.IMAP, account=account)
        ids.append(mail.pk)
    InboundMail.objects.filter(pk__in=ids).update(arrived_at=timezone.now() - timedelta(minutes=minutes_ago))
    return ids


def test_newly_stored_mail_is_queued_for_reading_once(account, queued):
    ids = _stored(account, 3)
    tasks.queue_reading(ids)
    tasks.queue_reading(ids)
    assert queued == [ids]


def test_lost_reading_is_queued_again_only_once_its_lease_ran_out(account, queued):
    ids = _stored(account, 2, minutes_ago=10)
    tasks.poll_mailboxes()
    tasks.poll_mailboxes()
    assert queued == [ids]
    with time_machine.travel(timezone.now() + tasks.READ_LEASE + timedelta(seconds=1)):
        tasks.poll_mailboxes()
        tasks.poll_mailboxes()
    assert queued == [ids, ids]


def test_mail_already_read_is_not_queued_again(account, queued):
    ids = _stored(account, 2, minutes_ago=10)
    InboundMail.objects.filter(pk=ids[0]).update(status=MailStatus.PARSED)
    tasks.poll_mailboxes()
    assert queued == [ids[1:]]


@pytest.mark.django_db(transaction=True)
def test_a_mail_being_read_is_not_claimed_by_another_task(account):
    reading, being_read = _stored(account, 2, minutes_ago=10)
    locked, release = threading.Event(), threading.Event()

    def read_slowly() -> None:
        try:
            with transaction.atomic():
                InboundMail.objects.select_for_update().get(pk=being_read)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    worker = threading.Thread(target=read_slowly)
    worker.start()
    try:
        assert locked.wait(10)
        claimed = inbound_claim_for_reading(lease=timedelta(minutes=5), arrived_before=timezone.now(), limit=10)
    finally:
        release.set()
        worker.join()
    assert claimed == [reading]


def test_a_read_the_database_failed_tries_again_at_once_not_after_the_lease(account, monkeypatch):
    """Two readers filing follow-ups of the same conversations in opposite orders can deadlock; the one
    PostgreSQL aborts reads again within seconds (here, eagerly), and the mail is read."""
    ids = _stored(account, 1)
    real, failures = tasks.inbound_process_many, []

    def deadlocked_once(*, mail_ids):
        if not failures:
            failures.append(mail_ids)
            raise OperationalError("deadlock detected")
        return real(mail_ids=mail_ids)

    monkeypatch.setattr(tasks, "inbound_process_many", deadlocked_once)
    tasks.read_mail.apply(args=[ids])
    assert failures == [ids]
    assert InboundMail.objects.get(pk=ids[0]).status == MailStatus.PARSED

"""Polling a real IMAP server (pymap, on loopback): every mail once, after any downtime or renumbering."""

import os
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from imapclient import IMAPClient

from helpdesk.models import Activity, Case, Deadline
from messaging.models import InboundMail, Mailbox, MailKind, MailSource, MailStatus
from messaging.services import inbound_receive, mailbox_password, mailbox_poll, mailbox_set_password
from messaging.tasks import poll_mailbox, poll_mailboxes

from .conftest import fixture_bytes


@pytest.fixture
def mailbox(account, imap_server, request):
    """A folder of its own on the one server, for each test."""
    folder = "Amazon-" + request.node.name[-40:].replace("_", "-")
    with imap_server.client() as client:
        client.create_folder(folder)
    box = Mailbox(
        account=account,
        host=imap_server.host,
        port=imap_server.port,
        use_ssl=False,
        username=imap_server.username,
        folder=folder,
    )
    return mailbox_set_password(mailbox=box, password=imap_server.password, actor=None)


def deliver(server, mailbox: Mailbox, *names: str, at: datetime | None = None) -> None:
    with server.client() as client:
        for name in names:
            client.append(mailbox.folder, fixture_bytes(name), msg_time=at)


def poll(mailbox: Mailbox) -> tuple[int, list[int]]:
    queued: list[int] = []
    result = mailbox_poll(mailbox=mailbox, on_stored=queued.extend)
    assert result.error == ""
    return result.stored, queued


def test_polling_twice_stores_each_mail_once(mailbox, imap_server, django_capture_on_commit_callbacks):
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml", "20_atoz_claim.eml")
    with django_capture_on_commit_callbacks(execute=True):
        stored, queued = poll(mailbox)
    assert stored == 2 and len(queued) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert poll(mailbox) == (0, [])
    assert InboundMail.objects.filter(source=MailSource.IMAP).count() == 2
    mailbox.refresh_from_db()
    assert mailbox.last_uid > 0 and mailbox.uidvalidity is not None and mailbox.last_error == ""


def test_mail_that_arrived_during_downtime_is_read_next_time(mailbox, imap_server, django_capture_on_commit_callbacks):
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml")
    with django_capture_on_commit_callbacks(execute=True):
        poll(mailbox)
    # Sellerdesk is down while three more arrive, one of them the same mail relayed twice.
    deliver(imap_server, mailbox, "03_multipart_attachment.eml", "16_duplicate_of_01.eml", "22_return_request.eml")
    with django_capture_on_commit_callbacks(execute=True):
        stored, _ = poll(mailbox)
    assert stored == 2
    assert sorted(InboundMail.objects.values_list("source_ref", flat=True)) == [
        f"{mailbox} uid 101",
        f"{mailbox} uid 102",
        f"{mailbox} uid 104",
    ]


def test_a_changed_uidvalidity_reads_the_folder_again_without_duplicates(
    mailbox, imap_server, django_capture_on_commit_callbacks
):
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml", "20_atoz_claim.eml")
    with django_capture_on_commit_callbacks(execute=True):
        poll(mailbox)
    mailbox.refresh_from_db()
    before = mailbox.uidvalidity
    # The server rebuilds the folder: new UIDVALIDITY, UIDs from the start again, one new mail among the old.
    with imap_server.client() as client:
        client.delete_folder(mailbox.folder)
        client.create_folder(mailbox.folder)
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml", "20_atoz_claim.eml", "21_chargeback.eml")
    with django_capture_on_commit_callbacks(execute=True):
        stored, _ = poll(mailbox)
    mailbox.refresh_from_db()
    assert mailbox.uidvalidity != before
    assert stored == 1
    assert InboundMail.objects.count() == 3
    assert Activity.objects.filter(verb="mailbox.uidvalidity", account=mailbox.account).exists()


def test_the_poll_task_reads_what_it_stored_and_the_clock_starts_at_internaldate(
    mailbox, imap_server, celery_eager, django_capture_on_commit_callbacks
):
    arrived = datetime(2025, 2, 3, 9, 15, tzinfo=UTC)
    deliver(imap_server, mailbox, "11_numeric_display_name.eml", at=arrived)
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_mailbox(mailbox.id) == 1
    mail = InboundMail.objects.get()
    assert mail.status == MailStatus.PARSED and mail.received_at == arrived
    case = Case.objects.get()
    assert case.buyer_name == "3275254907"
    assert Deadline.objects.get(case=case).started_at == arrived


def test_the_beat_task_polls_every_enabled_mailbox_and_reads_mail_whose_reading_was_lost(
    mailbox, imap_server, account, celery_eager, django_capture_on_commit_callbacks
):
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml")
    Mailbox.objects.create(
        account=account, host="127.0.0.1", port=1, use_ssl=False, username="off", password_env="X", enabled=False
    )
    lost, _ = inbound_receive(raw=fixture_bytes("20_atoz_claim.eml"), source=MailSource.IMAP, account=account)
    InboundMail.objects.filter(pk=lost.pk).update(arrived_at=timezone.now() - timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_mailboxes() == 1
    assert set(InboundMail.objects.values_list("kind", "status")) == {
        (MailKind.BUYER_MESSAGE, MailStatus.PARSED),
        (MailKind.ATOZ_CLAIM, MailStatus.PARSED),
    }


def test_a_wrong_password_is_recorded_on_the_mailbox_not_raised(mailbox):
    mailbox_set_password(mailbox=mailbox, password="wrong", actor=None)
    result = mailbox_poll(mailbox=mailbox)
    mailbox.refresh_from_db()
    assert result.polled and result.error
    assert mailbox.last_error == result.error and mailbox.lease_until is None
    assert not InboundMail.objects.exists()


def test_a_mailbox_being_polled_is_not_polled_again_at_once(mailbox):
    Mailbox.objects.filter(pk=mailbox.pk).update(lease_until=datetime(2999, 1, 1, tzinfo=UTC))
    assert mailbox_poll(mailbox=mailbox).polled is False


def test_the_password_is_stored_encrypted_or_read_from_the_environment(mailbox, imap_server, monkeypatch, settings):
    settings.MAILBOX_PASSWORD_ENV = {mailbox.account.slug: ["ACME_IMAP_PASSWORD"]}
    assert imap_server.password.encode() not in bytes(mailbox.password_encrypted)
    assert mailbox_password(mailbox) == imap_server.password
    Mailbox.objects.filter(pk=mailbox.pk).update(password_env="ACME_IMAP_PASSWORD", password_encrypted=b"")
    mailbox.refresh_from_db()
    monkeypatch.setenv("ACME_IMAP_PASSWORD", imap_server.password)
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml")
    assert mailbox_poll(mailbox=mailbox).stored == 1
    monkeypatch.delenv("ACME_IMAP_PASSWORD")
    assert "ACME_IMAP_PASSWORD is not set" in mailbox_poll(mailbox=mailbox).error
    assert "ACME_IMAP_PASSWORD" not in os.environ


def test_a_password_encrypted_under_an_old_secret_key_still_reads(mailbox, imap_server, settings):
    old = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-secret-key", [old]
    assert mailbox_password(mailbox) == imap_server.password


def test_a_mail_over_the_size_limit_is_left_on_the_server_and_the_rest_is_read(
    mailbox, imap_server, monkeypatch, django_capture_on_commit_callbacks
):
    big = fixture_bytes("03_multipart_attachment.eml")
    monkeypatch.setattr("messaging.services.mailboxes.MAX_MAIL_BYTES", len(big) - 1)
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml", "03_multipart_attachment.eml", "20_atoz_claim.eml")
    fetched = []
    original = IMAPClient.fetch

    def spy(self, messages, data, *args, **kwargs):
        fetched.append((list(messages), list(data)))
        return original(self, messages, data, *args, **kwargs)

    monkeypatch.setattr(IMAPClient, "fetch", spy)
    with django_capture_on_commit_callbacks(execute=True):
        result = mailbox_poll(mailbox=mailbox, on_stored=lambda ids: None)
    assert (result.stored, result.too_big, result.error) == (2, 1, "")
    # Sizes first; the big one's body is never asked for.
    assert fetched[0][1] == ["RFC822.SIZE"]
    assert all(102 not in uids for uids, data in fetched if "BODY.PEEK[]" in data)
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 103
    audit = Activity.objects.get(verb="mailbox.too_big")
    assert "uid 102" in audit.summary and audit.account == mailbox.account


def test_a_batch_is_bounded_in_bytes_as_well_as_in_mails(
    mailbox, imap_server, monkeypatch, django_capture_on_commit_callbacks
):
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml", "03_multipart_attachment.eml", "20_atoz_claim.eml")
    monkeypatch.setattr(
        "messaging.services.mailboxes.FETCH_BATCH_BYTES", len(fixture_bytes("03_multipart_attachment.eml"))
    )
    bodies = []
    original = IMAPClient.fetch

    def spy(self, messages, data, *args, **kwargs):
        if "BODY.PEEK[]" in data:
            bodies.append(list(messages))
        return original(self, messages, data, *args, **kwargs)

    monkeypatch.setattr(IMAPClient, "fetch", spy)
    with django_capture_on_commit_callbacks(execute=True):
        assert poll(mailbox)[0] == 3
    assert len(bodies) >= 2 and sorted(uid for batch in bodies for uid in batch) == [101, 102, 103]


def test_a_uid_the_server_did_not_return_is_fetched_again_next_poll(
    mailbox, imap_server, monkeypatch, django_capture_on_commit_callbacks
):
    deliver(imap_server, mailbox, "01_plain_us_shipping.eml", "20_atoz_claim.eml", "21_chargeback.eml")
    original = IMAPClient.fetch

    def drops_102(self, messages, data, *args, **kwargs):
        answer = original(self, messages, data, *args, **kwargs)
        if "BODY.PEEK[]" in data:
            answer.pop(102, None)
        return answer

    monkeypatch.setattr(IMAPClient, "fetch", drops_102)
    with django_capture_on_commit_callbacks(execute=True):
        first = mailbox_poll(mailbox=mailbox)
    assert (first.stored, first.missing) == (2, 1) and "again" in first.error
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 101, "the mark stays below the mail the server did not send"
    monkeypatch.setattr(IMAPClient, "fetch", original)
    with django_capture_on_commit_callbacks(execute=True):
        stored, _ = poll(mailbox)
    assert stored == 1
    assert sorted(InboundMail.objects.values_list("source_ref", flat=True)) == [
        f"{mailbox} uid 101",
        f"{mailbox} uid 102",
        f"{mailbox} uid 103",
    ]
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 103 and mailbox.last_error == ""

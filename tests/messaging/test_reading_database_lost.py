"""A database that goes away while mail is read is no fault of the mail: it stays received, to be
read again, and never becomes a problem waiting for a manager (tests/faults cuts a real worker's
connections; this is the same in one process)."""

import pytest
from django.db import OperationalError

from messaging.models import InboundMail, MailSource, MailStatus
from messaging.services import inbound_process_many, inbound_receive, reading

from .conftest import fixture_bytes, with_message_id


@pytest.mark.parametrize("batch", [1, 2])
def test_a_lost_connection_leaves_the_mail_received_for_the_next_read(account, monkeypatch, batch):
    raw = fixture_bytes("01_plain_us_shipping.eml")
    first = "0100019464c1a2b3-5f0e8a4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c-000000@email.amazonses.com"
    mails = [
        inbound_receive(
            raw=with_message_id(raw, first, f"lost-{n}@email.amazonses.com"), source=MailSource.IMAP, account=account
        )[0]
        for n in range(batch)
    ]

    def cut(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(reading, "_file_buyer_messages", cut)
    with pytest.raises(OperationalError):
        inbound_process_many(mail_ids=[mail.pk for mail in mails])
    assert set(InboundMail.objects.values_list("status", "problem")) == {(MailStatus.RECEIVED, "")}

    monkeypatch.undo()
    inbound_process_many(mail_ids=[mail.pk for mail in mails])
    assert set(InboundMail.objects.values_list("status", flat=True)) == {MailStatus.PARSED}

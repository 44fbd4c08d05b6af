"""Helpers for the claims tests: Amazon's notice mails (tests/fixtures/claims/mail), taken over
through mail reading as in production."""

import json
from pathlib import Path

import pytest

from messaging.models import InboundMail, MailSource
from messaging.services import inbound_process, inbound_receive
from tests.messaging import dns_stub


@pytest.fixture(autouse=True)
def _forget_amazon_keys():
    yield
    dns_stub.clear()


MAIL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "claims" / "mail"
EXPECTED = json.loads((MAIL_DIR / "expected.json").read_text())


def notice_bytes(name: str) -> bytes:
    return (MAIL_DIR / name).read_bytes()


def receive(account, name: str, captured, *, raw: bytes | None = None, signed: bool = True) -> InboundMail:
    """Store and read one notice for `account` and hand it over after commit, as mail reading does.
    `captured` is pytest-django's django_capture_on_commit_callbacks. The notice comes signed with
    Amazon's DKIM key (the stub DNS's) unless `signed` is False, as a forger's would."""
    raw = raw if raw is not None else notice_bytes(name)
    with captured(execute=True):
        mail, _ = inbound_receive(
            raw=dns_stub.amazon_sign(raw) if signed else raw,
            source=MailSource.UPLOAD,
            account=account,
            source_ref=name,
        )
        mail = inbound_process(mail_id=mail.pk)
    mail.refresh_from_db()
    return mail

"""Helpers for the claims tests: Amazon's notice mails (tests/fixtures/claims/mail), taken over
through mail reading as in production."""

import json
from pathlib import Path

from messaging.models import InboundMail, MailSource
from messaging.services import inbound_process, inbound_receive

MAIL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "claims" / "mail"
EXPECTED = json.loads((MAIL_DIR / "expected.json").read_text())


def notice_bytes(name: str) -> bytes:
    return (MAIL_DIR / name).read_bytes()


def receive(account, name: str, captured, *, raw: bytes | None = None) -> InboundMail:
    """Store and read one notice for `account` and hand it over after commit, as mail reading does.
    `captured` is pytest-django's django_capture_on_commit_callbacks."""
    with captured(execute=True):
        mail, _ = inbound_receive(
            raw=raw if raw is not None else notice_bytes(name),
            source=MailSource.UPLOAD,
            account=account,
            source_ref=name,
        )
        mail = inbound_process(mail_id=mail.pk)
    mail.refresh_from_db()
    return mail

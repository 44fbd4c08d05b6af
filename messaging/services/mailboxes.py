"""IMAP mailboxes: their credentials, and polling them without reading a mail twice or skipping one.

A poll claims the mailbox with a lease (so two workers never poll it at once),
selects the folder read-only, and fetches every UID above the last one stored,
in UID order. Each batch of mail is stored in one transaction together with the
new high-water UID, so a poll killed half-way resumes exactly where it stopped.
When the server's UIDVALIDITY changes, its UIDs mean something else: the next
poll reads the whole folder again, and the duplicate check (Message-ID or
content hash) keeps every mail once.
"""

import imaplib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import batched

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from helpdesk.crypto import SecretPurpose, SecretUnreadable, secret_decrypt, secret_encrypt
from helpdesk.services.audit import audit

from ..models import Mailbox, MailSource
from ..parsing import clean
from .ingest import inbound_receive

FETCH_BATCH = 100
LEASE = timedelta(minutes=10)
IMAP_TIMEOUT_S = 30
# The derivation every stored password was encrypted under: it must never change.
MAILBOX_PASSWORD = SecretPurpose(info=b"mailbox-password", salt=b"sellerdesk.messaging")


class MailboxError(Exception):
    """The mailbox cannot be polled as configured (no password, say)."""


# --- credentials -------------------------------------------------------------------


def mailbox_set_password(*, mailbox: Mailbox, password: str, actor: AbstractBaseUser | None) -> Mailbox:
    """Store the mailbox password encrypted (never in clear, never in the audit row)."""
    with transaction.atomic():
        mailbox.password_encrypted = secret_encrypt(password, purpose=MAILBOX_PASSWORD).encode("ascii")
        mailbox.password_env = ""
        if mailbox.pk is None:
            mailbox.save()
        else:
            mailbox.save(update_fields=["password_encrypted", "password_env"])
        audit(
            verb="mailbox.password", summary=f"Password of mailbox {mailbox} set", actor=actor, account=mailbox.account
        )
    return mailbox


def mailbox_password(mailbox: Mailbox) -> str:
    if mailbox.password_env:
        try:
            return os.environ[mailbox.password_env]
        except KeyError:
            raise MailboxError(f"the environment variable {mailbox.password_env} is not set") from None
    try:
        return secret_decrypt(bytes(mailbox.password_encrypted), purpose=MAILBOX_PASSWORD)
    except SecretUnreadable:
        raise MailboxError("the stored password cannot be decrypted: was SECRET_KEY changed?") from None


# --- polling -----------------------------------------------------------------------


@dataclass
class PollResult:
    polled: bool = False
    stored: int = 0
    error: str = ""


def _claim(mailbox: Mailbox, now: datetime) -> bool:
    return bool(
        Mailbox.objects.filter(pk=mailbox.pk, enabled=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + LEASE)
    )


def mailbox_poll(*, mailbox: Mailbox, on_stored: Callable[[list[int]], None] | None = None) -> PollResult:
    """Fetch and store every mail the folder has that this mailbox has not stored yet.

    `on_stored(ids)` runs after each batch commits, with the ids of the new mail
    (the Celery task queues their reading there). Connection and login errors
    are recorded on the mailbox, not raised: the next beat polls again."""
    result = PollResult()
    if not _claim(mailbox, timezone.now()):
        return result
    result.polled = True
    try:
        _poll(mailbox, result, on_stored)
    except (IMAPClientError, imaplib.IMAP4.error, OSError, MailboxError) as exc:
        result.error = clean(f"{type(exc).__name__}: {exc}", 500)
    Mailbox.objects.filter(pk=mailbox.pk).update(
        lease_until=None, last_polled_at=timezone.now(), last_error=result.error
    )
    return result


def _poll(mailbox: Mailbox, result: PollResult, on_stored: Callable[[list[int]], None] | None) -> None:
    with IMAPClient(mailbox.host, port=mailbox.port, ssl=mailbox.use_ssl, timeout=IMAP_TIMEOUT_S) as client:
        client.normalise_times = False  # INTERNALDATE with the server's UTC offset
        client.login(mailbox.username, mailbox_password(mailbox))
        selected = client.select_folder(mailbox.folder, readonly=True)
        validity = int(selected[b"UIDVALIDITY"])
        mailbox.refresh_from_db(fields=["uidvalidity", "last_uid"])
        last_uid = mailbox.last_uid
        if mailbox.uidvalidity != validity:
            if mailbox.uidvalidity is not None:
                audit(
                    verb="mailbox.uidvalidity",
                    summary=f"Mailbox {mailbox} was renumbered by its server: reading the whole folder again",
                    account=mailbox.account,
                    before={"uidvalidity": mailbox.uidvalidity, "last_uid": last_uid},
                    after={"uidvalidity": validity},
                )
            last_uid = 0
            Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=validity, last_uid=0)
        # "n:*" always matches the newest message, even below n: keep only the new UIDs.
        uids = sorted(uid for uid in client.search(["UID", f"{last_uid + 1}:*"]) if uid > last_uid)
        for batch in batched(uids, FETCH_BATCH):
            fetched = client.fetch(batch, ["BODY.PEEK[]", "INTERNALDATE"])
            with transaction.atomic():
                new_ids = []
                for uid in batch:
                    data = fetched.get(uid)
                    if data is None:
                        continue  # expunged between SEARCH and FETCH
                    mail, created = inbound_receive(
                        raw=data[b"BODY[]"],
                        source=MailSource.IMAP,
                        account=mailbox.account,
                        source_ref=f"{mailbox} uid {uid}",
                        received_at=data.get(b"INTERNALDATE"),
                    )
                    if created:
                        new_ids.append(mail.pk)
                Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=validity, last_uid=batch[-1])
                if on_stored is not None and new_ids:
                    transaction.on_commit(lambda ids=new_ids: on_stored(ids))
            result.stored += len(new_ids)

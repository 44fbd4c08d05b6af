"""IMAP mailboxes: their settings and credentials, and polling them without reading a mail twice
or skipping one.

A poll claims the mailbox with a lease (so two workers never poll it at once),
selects the folder read-only, and fetches every UID above the last one stored,
in UID order: first their sizes, then the bodies in batches of at most
`FETCH_BATCH` mails and `FETCH_BATCH_BYTES` bytes. A mail over `MAX_MAIL_BYTES`
(which no relay mail is) is left on the server, unread, with an audit row. Each
batch is stored in one transaction together with the new high-water UID, so a
poll killed half-way resumes exactly where it stopped; a UID the server listed
but did not return in a FETCH holds the high-water mark below it, so the next
poll asks for it again (a mail expunged meanwhile is no longer listed, and the
mark moves on). When the server's UIDVALIDITY changes, its UIDs mean something
else: the next poll reads the whole folder again, and the duplicate check
(Message-ID or content hash) keeps every mail once.

A password comes from the database (encrypted) or, for the accounts the operator
named in `MAILBOX_PASSWORD_ENV`, from one of the environment variables allowed
for that account: never from any other variable, whatever a row says.

The server is reached only at public addresses (helpdesk.network), unless the
operator allowed its name (`MAILBOX_ALLOWED_HOSTS`): saving a mailbox refuses a
host that resolves to an internal address, and every connection (a poll, a
test) checks the addresses again and connects to the one it checked.
"""

import imaplib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import batched

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from imapclient import IMAPClient, imap4, tls
from imapclient.exceptions import IMAPClientError

from helpdesk.crypto import SecretPurpose, SecretUnreadable, secret_decrypt, secret_encrypt
from helpdesk.models import SellerAccount
from helpdesk.network import HostRefused, host_connect, host_resolve
from helpdesk.services.audit import audit

from ..models import Mailbox, MailSource
from ..parsing import clean
from .ingest import MAX_MAIL_BYTES, inbound_receive

FETCH_BATCH = 100  # mails fetched, and stored, in one go
FETCH_BATCH_BYTES = 50 * 1024 * 1024  # and their bytes: a batch holds one mail over it, never more
LEASE = timedelta(minutes=10)
IMAP_TIMEOUT_S = 30
# The derivation every stored password was encrypted under: it must never change.
MAILBOX_PASSWORD = SecretPurpose(info=b"mailbox-password", salt=b"sellerdesk.messaging")


class MailboxError(Exception):
    """The mailbox cannot be polled as configured (no password, say)."""


# --- settings and credentials -------------------------------------------------------

MAILBOX_FIELDS = ("host", "port", "use_ssl", "username", "password_env", "folder", "enabled", "trusted_servers")


def mailbox_env_allowed(account: SellerAccount) -> list[str]:
    """The environment variables the operator allowed to hold this account's mailbox passwords."""
    return list(settings.MAILBOX_PASSWORD_ENV.get(account.slug, []))


@transaction.atomic
def mailbox_save(*, mailbox: Mailbox, changes: dict, password: str = "", actor: AbstractBaseUser | None) -> Mailbox:
    """Create a mailbox or change its settings; a `password` given is stored encrypted (and replaces
    an environment variable). Refuses (ValidationError) a variable not allowed for the account, a
    mailbox without any password, a host resolving to an internal address (helpdesk.network), and a
    second mailbox on the same folder."""
    host, port = changes.get("host", mailbox.host), changes.get("port", mailbox.port)
    try:
        host_resolve(host, port, allowed=settings.MAILBOX_ALLOWED_HOSTS)
    except HostRefused as exc:
        raise ValidationError({"host": str(exc)}) from None
    except OSError:
        pass  # a name that does not resolve today is saved: its poll says so, and checks it when it resolves
    env = changes.get("password_env", mailbox.password_env)
    if env and env not in mailbox_env_allowed(mailbox.account):
        raise ValidationError(f"The environment variable {env} is not allowed for {mailbox.account.slug}.")
    if not password and not env and not mailbox.password_encrypted:
        raise ValidationError("Give a password, or the environment variable that holds it.")
    creating = mailbox.pk is None
    before = {field: getattr(mailbox, field) for field in MAILBOX_FIELDS}
    for field, value in changes.items():
        setattr(mailbox, field, value)
    if password:
        mailbox.password_encrypted = secret_encrypt(password, purpose=MAILBOX_PASSWORD).encode("ascii")
        mailbox.password_env = ""
    elif mailbox.password_env:
        mailbox.password_encrypted = b""
    try:
        with transaction.atomic():
            mailbox.save()
    except IntegrityError:
        raise ValidationError("This account already polls that folder of that mailbox.") from None
    changed = [field for field in MAILBOX_FIELDS if getattr(mailbox, field) != before[field]]
    if creating or changed or password:
        audit(
            verb="mailbox.created" if creating else "mailbox.updated",
            summary=f"Mailbox {mailbox} {'added' if creating else 'changed'}"
            + (", new password stored" if password else ""),
            actor=actor,
            account=mailbox.account,
            before=None if creating else {field: before[field] for field in changed},
            after={field: getattr(mailbox, field) for field in (MAILBOX_FIELDS if creating else changed)},
        )
    return mailbox


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
        if mailbox.password_env not in mailbox_env_allowed(mailbox.account):
            raise MailboxError(
                f"the environment variable {mailbox.password_env} is not allowed for {mailbox.account.slug} "
                "(MAILBOX_PASSWORD_ENV)"
            )
        try:
            return os.environ[mailbox.password_env]
        except KeyError:
            raise MailboxError(f"the environment variable {mailbox.password_env} is not set") from None
    try:
        return secret_decrypt(bytes(mailbox.password_encrypted), purpose=MAILBOX_PASSWORD)
    except SecretUnreadable:
        raise MailboxError("the stored password cannot be decrypted: was SECRET_KEY changed?") from None


def mailbox_test(*, mailbox: Mailbox, actor: AbstractBaseUser | None) -> str:
    """Log in and open the folder, read-only, as a poll would: what the server says, or MailboxError."""
    try:
        with _connect(mailbox) as client:
            selected = client.select_folder(mailbox.folder, readonly=True)
            outcome = f"Connected: {int(selected[b'EXISTS'])} messages in {mailbox.folder}."
    except (IMAPClientError, imaplib.IMAP4.error, OSError, MailboxError) as exc:
        outcome = clean(f"Could not connect: {type(exc).__name__}: {exc}", 500)
        failed = True
    else:
        failed = False
    with transaction.atomic():
        audit(
            verb="mailbox.tested", summary=f"Mailbox {mailbox} tested: {outcome}", actor=actor, account=mailbox.account
        )
    if failed:
        raise MailboxError(outcome)
    return outcome


class _Plain(imap4.IMAP4WithTimeout):
    def _create_socket(self, timeout: float | None = None):
        timeout = timeout if timeout is not None else self._timeout
        return host_connect(self.host, self.port, timeout=timeout, allowed=settings.MAILBOX_ALLOWED_HOSTS)


class _TLS(tls.IMAP4_TLS):
    def _create_socket(self, timeout: float | None = None):
        timeout = timeout if timeout is not None else self._timeout
        sock = host_connect(self.host, self.port, timeout=timeout, allowed=settings.MAILBOX_ALLOWED_HOSTS)
        return tls.wrap_socket(sock, self.ssl_context, self.host)  # the certificate is checked for the name


class _CheckedClient(IMAPClient):
    """IMAPClient whose connection goes through `helpdesk.network.host_connect`: to an address checked
    as it connects. (IMAPClient builds its imaplib connection in `_create_IMAP4`; the two classes above
    are its own, the socket aside.)"""

    def _create_IMAP4(self):
        timeout = getattr(self._timeout, "connect", None)
        if self.ssl:
            return _TLS(self.host, self.port, self.ssl_context, timeout)
        return _Plain(self.host, self.port, timeout)


def _connect(mailbox: Mailbox) -> IMAPClient:
    """A logged-in client; use it as a context manager (it logs out). The password is read first:
    one that may not be read is never sent anywhere; nor is it sent to a host that resolves to an
    internal address (HostRefused, an OSError)."""
    password = mailbox_password(mailbox)
    client = _CheckedClient(mailbox.host, port=mailbox.port, ssl=mailbox.use_ssl, timeout=IMAP_TIMEOUT_S)
    try:
        client.login(mailbox.username, password)
    except BaseException:
        client.shutdown()
        raise
    return client


# --- polling -----------------------------------------------------------------------


@dataclass
class PollResult:
    polled: bool = False
    stored: int = 0
    error: str = ""
    too_big: int = 0  # mails left on the server, over MAX_MAIL_BYTES
    missing: int = 0  # UIDs the server listed but did not return: asked for again next poll


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
    with _connect(mailbox) as client:
        client.normalise_times = False  # INTERNALDATE with the server's UTC offset
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
        # The high-water mark passes only UIDs that were stored (or refused for their size).
        mark, holding = last_uid, False
        for chunk in batched(uids, FETCH_BATCH):
            sizes = {uid: data.get(b"RFC822.SIZE") for uid, data in client.fetch(chunk, ["RFC822.SIZE"]).items()}
            for batch in _batches(chunk, sizes):
                wanted = [uid for uid in batch if sizes.get(uid) is not None and sizes[uid] <= MAX_MAIL_BYTES]
                fetched = client.fetch(wanted, ["BODY.PEEK[]", "INTERNALDATE"]) if wanted else {}
                new_ids = []
                with transaction.atomic():
                    for uid in batch:
                        data = fetched.get(uid, {})
                        if sizes.get(uid) is not None and sizes[uid] > MAX_MAIL_BYTES:
                            _refuse_too_big(mailbox, uid, sizes[uid], result)
                        elif b"BODY[]" not in data:
                            result.missing += 1
                            holding = True
                            continue
                        else:
                            mail, created = inbound_receive(
                                raw=data[b"BODY[]"],
                                source=MailSource.IMAP,
                                account=mailbox.account,
                                source_ref=f"{mailbox} uid {uid}",
                                received_at=data.get(b"INTERNALDATE"),
                                mailbox=mailbox,
                            )
                            if created:
                                new_ids.append(mail.pk)
                        if not holding:
                            mark = uid
                    Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=validity, last_uid=mark)
                    if on_stored is not None and new_ids:
                        transaction.on_commit(lambda ids=new_ids: on_stored(ids))
                result.stored += len(new_ids)
    if result.missing:
        result.error = f"{result.missing} listed mail(s) not returned by the server: asked for again at the next poll"


def _batches(uids: tuple[int, ...], sizes: dict[int, int | None]) -> list[list[int]]:
    """`uids` in order, in groups whose mails to fetch add up to at most FETCH_BATCH_BYTES (or are one mail)."""
    groups: list[list[int]] = [[]]
    total = 0
    for uid in uids:
        size = sizes.get(uid) or 0
        weight = size if size <= MAX_MAIL_BYTES else 0
        if groups[-1] and total + weight > FETCH_BATCH_BYTES:
            groups.append([])
            total = 0
        groups[-1].append(uid)
        total += weight
    return groups


def _refuse_too_big(mailbox: Mailbox, uid: int, size: int, result: PollResult) -> None:
    result.too_big += 1
    audit(
        verb="mailbox.too_big",
        summary=f"Mailbox {mailbox}: uid {uid} is {size / 2**20:.0f} MB, over the {MAX_MAIL_BYTES // 2**20} MB "
        "no relay mail exceeds; left on the server, not read",
        account=mailbox.account,
        after={"uid": uid, "size": size},
    )

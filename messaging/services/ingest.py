"""Inbound mail: store it as received; import files of it; what managers do by hand.

`inbound_receive` keeps the bytes (once per account, by Message-ID or content
hash) before anything reads them; reading is in `reading.py`. Whatever the
bytes, nothing is lost: a mail that cannot be read or matched to an account
becomes a problem, with its reason, that a manager can retry or assign to an
account by hand.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import InvalidTransition

from ..models import InboundMail, Mailbox, MailStatus
from ..parsing import clean, dedupe_key
from .reading import inbound_process, inbound_process_many

BATCH_SIZE = 50  # mails read in one transaction: the Celery task's batch, and the importers'
MAX_MAIL_BYTES = 35 * 1024 * 1024  # Amazon's relay refuses larger messages: none is fetched, uploaded or imported


@dataclass
class MailImportResult:
    imported: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    def summary_line(self) -> str:
        return f"imported: {self.imported}, unchanged: {self.unchanged}, rejected: {self.rejected}"


# --- storing -------------------------------------------------------------------


def inbound_receive(
    *,
    raw: bytes,
    source: str,
    account: SellerAccount | None,
    source_ref: str = "",
    received_at: datetime | None = None,
    mailbox: Mailbox | None = None,
) -> tuple[InboundMail, bool]:
    """Store a mail exactly as received, unless the account already holds it.

    Returns (the stored row, whether this call stored it). Call it before any
    reading: the bytes are kept whatever happens next."""
    key = dedupe_key(raw)
    try:
        with transaction.atomic():
            return InboundMail.objects.get_or_create(
                account=account,
                dedupe_key=key,
                defaults={
                    "source": source,
                    "source_ref": clean(source_ref, 300),
                    "raw": raw,
                    "received_at": received_at,
                    "mailbox": mailbox,
                },
            )
    except IntegrityError:
        # Another worker stored the same mail between our look-up and our insert.
        return InboundMail.objects.get(account=account, dedupe_key=key), False


def mail_import(
    *,
    account: SellerAccount | None,
    mails: Iterable[tuple[str, bytes | None]],
    source: str,
    actor: AbstractBaseUser | None = None,
) -> MailImportResult:
    """Store each (reference, bytes) and read it now, in batches: the upload form and import_mail.

    `mails` is read one at a time; a mail over MAX_MAIL_BYTES (or given as None: its reader found it
    too large to read) is rejected, not stored."""
    result = MailImportResult()
    pending: list[tuple[str, int]] = []
    for ref, raw in mails:
        if raw is None or len(raw) > MAX_MAIL_BYTES:
            result.rejected += 1
            result.problems.append((ref, f"over {MAX_MAIL_BYTES // 2**20} MB, which no relay mail is: not imported"))
            continue
        mail, created = inbound_receive(raw=raw, source=source, account=account, source_ref=ref)
        if not created:
            result.unchanged += 1
            continue
        pending.append((ref, mail.pk))
        if len(pending) == BATCH_SIZE:
            _read_into(result, pending, actor)
            pending = []
    _read_into(result, pending, actor)
    return result


def _read_into(result: MailImportResult, pending: list[tuple[str, int]], actor: AbstractBaseUser | None) -> None:
    if not pending:
        return
    read = {mail.pk: mail for mail in inbound_process_many(mail_ids=[pk for _, pk in pending], actor=actor)}
    for ref, pk in pending:
        if read[pk].status == MailStatus.PROBLEM:
            result.rejected += 1
            result.problems.append((ref, read[pk].problem))
        else:
            result.imported += 1


# --- by hand -----------------------------------------------------------------------


def inbound_retry(*, mail: InboundMail, actor: AbstractBaseUser) -> InboundMail:
    """Read a problem mail again (after a parser fix, an order import, a new account)."""
    if mail.status != MailStatus.PROBLEM:
        raise InvalidTransition("Only a mail with a problem can be retried.")
    audit(verb="mail.retried", summary=f"Mail #{mail.pk} read again", actor=actor, account=mail.account)
    return inbound_process(mail_id=mail.pk, actor=actor)


def inbound_assign(*, mail: InboundMail, account: SellerAccount, actor: AbstractBaseUser) -> InboundMail:
    """File a problem mail under the account a manager chose, then read it again."""
    if mail.status != MailStatus.PROBLEM:
        raise InvalidTransition("Only a mail with a problem can be assigned to an account.")
    with transaction.atomic():
        mail = InboundMail.objects.select_for_update(of=("self",)).select_related("account").get(pk=mail.pk)
        twin = InboundMail.objects.filter(account=account, dedupe_key=mail.dedupe_key).exclude(pk=mail.pk).first()
        if twin is not None:
            raise ValidationError(f"{account.name} already holds this mail (#{twin.pk}).")
        before = mail.account.name if mail.account else None
        mail.account = account
        mail.save(update_fields=["account"])
        audit(
            verb="mail.assigned",
            summary=f"Mail #{mail.pk} assigned to {account.name} by hand",
            actor=actor,
            account=account,
            before={"account": before},
            after={"account": account.name},
        )
    return inbound_process(mail_id=mail.pk, actor=actor)

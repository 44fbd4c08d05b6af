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

from helpdesk.marketplaces import Marketplace
from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import InvalidTransition

from ..models import InboundMail, Mailbox, MailSource, MailStatus
from ..parsing import clean, dedupe_key, parse_mail
from .reading import MARKETPLACE_BY_ID, inbound_process, inbound_process_many

BATCH_SIZE = 50  # mails read in one transaction: the Celery task's batch, and the importers'
MAX_MAIL_BYTES = 35 * 1024 * 1024  # Amazon's relay refuses larger messages: none is fetched, uploaded or imported


@dataclass
class MailImportResult:
    imported: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (reference, what to look at): filed all the same

    def add(self, other: "MailImportResult") -> None:
        self.imported += other.imported
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        self.problems += other.problems
        self.warnings += other.warnings

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
            _read_into(result, pending)
            pending = []
    _read_into(result, pending)
    return result


def _read_into(result: MailImportResult, pending: list[tuple[str, int]]) -> None:
    if not pending:
        return
    read = {mail.pk: mail for mail in inbound_process_many(mail_ids=[pk for _, pk in pending])}
    for ref, pk in pending:
        if read[pk].status == MailStatus.PROBLEM:
            result.rejected += 1
            result.problems.append((ref, read[pk].problem))
        else:
            result.imported += 1


def mail_marketplace(raw: bytes) -> Marketplace | None:
    """The marketplace a mail names (its links' `mp=`, else its relay domain), or None."""
    try:
        parsed = parse_mail(raw)
    except Exception:  # noqa: BLE001 - a mail the parser cannot take names nothing; reading records why
        return None
    return MARKETPLACE_BY_ID.get(parsed.marketplace_id)


def mail_upload(
    *,
    mails: Iterable[tuple[str, bytes | None]],
    accounts: list[SellerAccount],
    chosen: SellerAccount | None,
    actor: AbstractBaseUser,
) -> MailImportResult:
    """The upload form: each mail goes to the uploader's account on the marketplace the mail names, or
    to `chosen` when the uploader picked one, with a warning when the mail names another marketplace.
    A mail that names none of the uploader's marketplaces, with no account chosen, is refused unstored.
    Reading it is the system's; the upload itself is the uploader's, audited per account."""
    by_marketplace: dict[str, list[SellerAccount]] = {}
    for account in accounts:
        by_marketplace.setdefault(account.marketplace, []).append(account)
    result = MailImportResult()
    uploaded: dict[int, tuple[SellerAccount, int]] = {}
    for ref, raw in mails:
        marketplace = mail_marketplace(raw) if raw is not None and len(raw) <= MAX_MAIL_BYTES else None
        account = chosen
        if chosen is None:
            candidates = by_marketplace.get(marketplace.code, []) if marketplace else []
            if len(candidates) != 1:
                result.rejected += 1
                result.problems.append((ref, _no_account(marketplace, candidates)))
                continue
            account = candidates[0]
        elif marketplace is not None and marketplace.code != chosen.marketplace:
            result.warnings.append(
                (ref, f"the mail is from {marketplace.site}, but went to {chosen.name} ({chosen.site}) as you chose")
            )
        one = mail_import(account=account, mails=[(ref, raw)], source=MailSource.UPLOAD)
        result.add(one)
        count = uploaded.get(account.pk, (account, 0))[1]
        uploaded[account.pk] = (account, count + one.imported)
    for account, count in uploaded.values():
        if count:
            audit(
                verb="mail.uploaded",
                summary=f"{count} mail{'s' if count != 1 else ''} uploaded",
                actor=actor,
                account=account,
            )
    return result


def _no_account(marketplace: Marketplace | None, candidates: list[SellerAccount]) -> str:
    if marketplace is None:
        return "the mail names no marketplace: choose the account it belongs to"
    if not candidates:
        return f"the mail is from {marketplace.site}, where none of your accounts sells: choose the account"
    return f"several of your accounts sell on {marketplace.site}: choose the account it belongs to"


# --- by hand -----------------------------------------------------------------------


def inbound_retry(*, mail: InboundMail, actor: AbstractBaseUser) -> InboundMail:
    """Read a problem mail again (after a parser fix, an order import, a new account)."""
    if mail.status != MailStatus.PROBLEM:
        raise InvalidTransition("Only a mail with a problem can be retried.")
    audit(verb="mail.retried", summary=f"Mail #{mail.pk} read again", actor=actor, account=mail.account)
    return inbound_process(mail_id=mail.pk)


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
    return inbound_process(mail_id=mail.pk)

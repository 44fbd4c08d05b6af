"""Reading stored mail and filing it: the buyer's message in its conversation,
the conversation's case open, one unmet 24-hour clock on it. Amazon's notices
(claims, chargebacks, returns, delivery failures) are handed, after commit, to
the app that registered for their kind (see `notices`).

Mail is read in batches (a Celery task takes up to 50 ids) in one transaction,
with one query each for the mail, the orders, the conversations and their
running clocks, and bulk inserts for the messages, attachments and audit rows:
a follow-up costs almost nothing, a new conversation what opening its case and
starting its clock cost in the helpdesk services. If anything in a batch
fails, the batch is rolled back and each mail read alone, so one bad mail
becomes one problem and the others are filed.
"""

import hashlib
import logging
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import reduce

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from helpdesk.buyers import relay_key
from helpdesk.importing import bulk_update_by_pk
from helpdesk.marketplaces import MARKETPLACES
from helpdesk.models import Activity, Case, CaseStatus, Deadline, Order, SellerAccount
from helpdesk.models.deadlines import UNMET_STATES
from helpdesk.registry import registry
from helpdesk.services.lifecycle import case_transition, cases_open, deadline_start, transition_check
from helpdesk.services.search import search_pending_mark

from ..kinds import MESSAGE, MESSAGE_RESPONSE
from ..models import (
    HANDOVER_KINDS,
    MAIL_TRANSITIONS,
    Attachment,
    Conversation,
    Direction,
    InboundMail,
    MailKind,
    MailStatus,
    Message,
)
from ..parsing import ParsedMail, clean, parse_mail, strip_reply_prefixes
from ..trust import dns_resolver, sender_verify
from .notices import notices_hand_over_after_commit

logger = logging.getLogger(__name__)

# A buyer writing again moves the case back to the agents' side of the queue.
REOPEN_FROM = frozenset({CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CLOSED})
MARKETPLACE_BY_ID = {m.marketplace_id: m for m in MARKETPLACES.values()}
READ_FIELDS = [
    "account", "kind", "status", "problem", "defects", "processed_at", "received_at", "message_id", "subject",
    "from_address", "from_name", "amazon_order_id", "relay_address", "marketplace_id", "comm_token",
    "original_message_id", "handover_next_at", "sender_check", "sender_check_detail",
]  # fmt: skip
CONVERSATION_LOCK_CLASS = 0x4D534731  # the advisory-lock namespace of conversation keys
# A lost connection, a server shutting down or restarting (and a deadlock, which a new try resolves).
DATABASE_LOST = (OperationalError, InterfaceError)
CONVERSATION_FIELDS = ["buyer_email", "buyer_name", "order", "items", "marketplace_id", "last_message_at"]


class MailProblem(Exception):
    """The mail was read but cannot be filed; the message is the reason shown to managers."""


def _move(mail: InboundMail, to: str) -> None:
    """Check the move against the mail's status map; the batch saves it in bulk."""
    transition_check(
        mail,
        to=to,
        transitions=MAIL_TRANSITIONS,
        refusal=lambda m, to: f"A {m.get_status_display().lower()} mail cannot become {to}.",
    )
    mail.status = to


def inbound_claim_for_reading(
    *, lease: timedelta, mail_ids: Sequence[int] | None = None, arrived_before: datetime | None = None, limit: int
) -> list[int]:
    """The unread mails (of `mail_ids`, or that arrived before `arrived_before`) that no reading task holds, each
    now held by the one the caller queues, for `lease`: never a second read of a mail while one is queued or
    running. A mail whose reading transaction is open is skipped too (its row is locked); a dead worker's lease
    runs out and the mail is claimed again."""
    now = timezone.now()
    unread = InboundMail.objects.filter(status=MailStatus.RECEIVED).filter(
        Q(read_queued_until__isnull=True) | Q(read_queued_until__lt=now)
    )
    if mail_ids is not None:
        unread = unread.filter(pk__in=list(mail_ids))
    if arrived_before is not None:
        unread = unread.filter(arrived_at__lt=arrived_before)
    with transaction.atomic():
        ids = list(
            unread.select_for_update(skip_locked=True).order_by("arrived_at", "id").values_list("id", flat=True)[:limit]
        )
        InboundMail.objects.filter(pk__in=ids).update(read_queued_until=now + lease)
    return ids


def inbound_process(*, mail_id: int) -> InboundMail:
    """Read one stored mail and act on it (see `inbound_process_many`)."""
    return inbound_process_many(mail_ids=[mail_id])[0]


def inbound_process_many(*, mail_ids: Sequence[int]) -> list[InboundMail]:
    """Read stored mails and act on them. Idempotent: a parsed mail is left alone.

    Never raises for anything in a mail: an unreadable or unmatched mail is
    recorded as a problem, with its reason, and its bytes stay stored. What
    reading does (a message received, a case opened, a clock started) is the
    system's, whoever stored or retried the mail: its audit rows name no one."""
    try:
        with transaction.atomic():
            mails = list(
                InboundMail.objects.select_for_update(of=("self",))
                .select_related("account", "mailbox")
                .filter(pk__in=list(mail_ids))
                .order_by("id")
            )
            _read([mail for mail in mails if mail.status != MailStatus.PARSED])
        return mails
    except DATABASE_LOST:
        # The database went away (a restart, a cut connection), which is no fault of the mail: it stays
        # received, and is read again by its task's next run or the beat's re-queue of unread mail.
        raise
    except Exception as exc:  # noqa: BLE001 - raw before parsed: nothing in a mail may lose it
        if len(mail_ids) > 1:
            logger.warning("a batch of %d mails failed (%s): reading them one by one", len(mail_ids), exc)
            return [mail for mail_id in mail_ids for mail in inbound_process_many(mail_ids=[mail_id])]
        logger.exception("inbound mail %s could not be read", mail_ids[0])
        return [_record_failure(mail_ids[0], clean(f"could not be read: {type(exc).__name__}: {exc}", 500))]


def _record_failure(mail_id: int, reason: str) -> InboundMail:
    with transaction.atomic():
        mail = InboundMail.objects.select_for_update().get(pk=mail_id)
        if mail.status != MailStatus.PARSED:
            _move(mail, MailStatus.PROBLEM)
            mail.problem, mail.processed_at = reason, timezone.now()
            mail.save(update_fields=["status", "problem", "processed_at"])
            Activity.objects.create(**_audit_row(mail, verb="mail.problem", case_id=None))
    return mail


def _audit_row(mail: InboundMail, *, verb: str, case_id: int | None) -> dict:
    """The audit row of a mail's reading (written in bulk, as the deadline sweeper writes its own)."""
    if verb == "mail.problem":
        summary = f"Mail #{mail.pk}: {mail.problem}"
    else:
        summary = f"{mail.get_kind_display()} received: {mail.subject or '(no subject)'}"
    after = {"mail": mail.pk, "order": mail.amazon_order_id} if mail.amazon_order_id else {"mail": mail.pk}
    return {
        "account_id": mail.account_id,
        "case_id": case_id,
        "actor": None,
        "verb": verb,
        "summary": summary[:500],
        "after": after,
        "created_at": timezone.now(),
    }


@dataclass
class _Filing:
    """What one batch writes besides the mail rows themselves."""

    messages: list[Message] = field(default_factory=list)
    parts: list[tuple[Message, ParsedMail]] = field(default_factory=list)
    audits: list[Activity] = field(default_factory=list)
    touched: dict[int, Conversation] = field(default_factory=dict)

    def audit(self, mail: InboundMail, verb: str, case_id: int | None = None) -> None:
        self.audits.append(Activity(**_audit_row(mail, verb=verb, case_id=case_id)))

    def message(self, mail: InboundMail, parsed: ParsedMail, conversation: Conversation, **fields) -> None:
        message = Message(
            conversation=conversation,
            inbound=mail,
            subject=parsed.subject,
            body_text=parsed.text,
            quoted_text=parsed.quoted,
            body_html=parsed.html,
            sent_at=mail.received_at,
            **fields,
        )
        self.messages.append(message)
        if parsed.attachments:
            self.parts.append((message, parsed))


def _read(mails: list[InboundMail]) -> None:
    """Read and file the batch. Call inside a transaction holding the mail rows."""
    filing = _Filing()
    readable: list[tuple[InboundMail, ParsedMail]] = []
    resolver = dns_resolver()  # one batch asks DNS once for each key
    for mail in mails:
        try:
            parsed = parse_mail(bytes(mail.raw), received_at=mail.received_at, max_chars=settings.MAIL_TEXT_MAX_CHARS)
        except Exception as exc:  # noqa: BLE001 - input the email package cannot take is a problem, not a crash
            logger.warning("inbound mail %s could not be parsed: %r", mail.pk, exc)
            _problem(mail, f"could not be read: {type(exc).__name__}: {exc}", filing)
            continue
        _take_fields(mail, parsed)
        verdict = sender_verify(
            bytes(mail.raw),
            from_address=parsed.from_address,
            trusted_servers=mail.mailbox.trusted_server_ids if mail.mailbox else (),
            resolver=resolver,
        )
        mail.sender_check, mail.sender_check_detail = verdict.check, clean(verdict.detail, 300)
        try:
            if mail.account is None:
                _claim_for(mail, _account_by_marketplace(mail))
            if parsed.kind == MailKind.BUYER_MESSAGE and not parsed.relay_address:
                raise MailProblem("a buyer message without the buyer's relay address")
        except MailProblem as exc:
            _problem(mail, str(exc), filing)
            continue
        readable.append((mail, parsed))

    case_of = _file_buyer_messages([(m, p) for m, p in readable if p.kind == MailKind.BUYER_MESSAGE], filing)
    case_of |= _file_seller_copies([(m, p) for m, p in readable if p.kind == MailKind.SELLER_COPY], filing)
    for mail, _ in readable:
        _move(mail, MailStatus.PARSED)
        mail.problem = ""
        if mail.kind in HANDOVER_KINDS:
            mail.handover_next_at = mail.processed_at  # due for its app now; retried from then on if it fails
        filing.audit(mail, f"mail.{mail.kind}", case_of.get(mail.pk))

    Message.objects.bulk_create(filing.messages)
    Attachment.objects.bulk_create(
        Attachment(message=message, filename=p.filename, content_type=p.content_type, size=len(p.data), data=p.data)
        for message, parsed in filing.parts
        for p in parsed.attachments
    )
    bulk_update_by_pk(list(filing.touched.values()), CONVERSATION_FIELDS)
    search_pending_mark(case_ids=[conversation.case_id for conversation in filing.touched.values()])
    bulk_update_by_pk(mails, READ_FIELDS)
    Activity.objects.bulk_create(filing.audits)
    notices_hand_over_after_commit(
        mail_ids=[m.pk for m in mails if m.handover_next_at and not m.handled_at and registry.notice_handler(m.kind)]
    )


def _take_fields(mail: InboundMail, parsed: ParsedMail) -> None:
    mail.kind = parsed.kind
    mail.defects = parsed.defects
    mail.message_id = parsed.message_id
    mail.subject = parsed.subject
    mail.from_address = parsed.from_address
    mail.from_name = parsed.from_name
    mail.amazon_order_id = parsed.amazon_order_id
    mail.relay_address = parsed.relay_address
    mail.marketplace_id = parsed.marketplace_id
    mail.comm_token = parsed.comm_token[:40]
    mail.original_message_id = parsed.original_message_id
    # A mail cannot reach the seller after Sellerdesk stored it, whatever its headers claim.
    mail.received_at = min(parsed.received_at or parsed.sent_at or mail.arrived_at, mail.arrived_at)
    mail.processed_at = timezone.now()


def _problem(mail: InboundMail, reason: str, filing: _Filing) -> None:
    _move(mail, MailStatus.PROBLEM)
    mail.problem = clean(reason, 500)
    mail.processed_at = mail.processed_at or timezone.now()
    filing.audit(mail, "mail.problem")


def _account_by_marketplace(mail: InboundMail) -> SellerAccount:
    """The one seller account on the marketplace that the mail's links name."""
    if not mail.marketplace_id:
        raise MailProblem("no seller account: the mail came with none and names no marketplace (mp=)")
    marketplace = MARKETPLACE_BY_ID.get(mail.marketplace_id)
    if marketplace is None:
        raise MailProblem(f"no seller account: unknown marketplace id {mail.marketplace_id}")
    accounts = list(SellerAccount.objects.filter(marketplace=marketplace.code)[:2])
    if len(accounts) != 1:
        how_many = "no seller account is" if not accounts else "several seller accounts are"
        raise MailProblem(f"no seller account: {how_many} on {marketplace.site}: assign one by hand")
    return accounts[0]


def _claim_for(mail: InboundMail, account: SellerAccount) -> None:
    """Give an unmatched mail its account, unless that account already holds the same mail."""
    twin = InboundMail.objects.filter(account=account, dedupe_key=mail.dedupe_key).exclude(pk=mail.pk).first()
    if twin is not None:
        raise MailProblem(f"{account.name} already holds this mail (#{twin.pk})")
    mail.account = account


# --- buyer messages ----------------------------------------------------------------

Key = tuple[int, str, str]  # account id, order id ("" before any order), buyer relay key


def _key(mail: InboundMail, parsed: ParsedMail) -> Key:
    return (mail.account_id, parsed.amazon_order_id, relay_key(parsed.relay_address))


def _file_buyer_messages(batch: list[tuple[InboundMail, ParsedMail]], filing: _Filing) -> dict[int, int]:
    """File each buyer message in its conversation; open or reopen the case; keep one unmet clock.

    Returns {mail id: case id}."""
    if not batch:
        return {}
    keys = {_key(mail, parsed) for mail, parsed in batch}
    conversation_keys_lock(keys)
    account_ids = {key[0] for key in keys}
    order_ids = {key[1] for key in keys if key[1]}
    orders = {}
    if order_ids:
        orders = {
            (o.account_id, o.amazon_order_id): o
            for o in Order.objects.filter(account_id__in=account_ids, amazon_order_id__in=order_ids)
        }
    # The exact keys, so the unique (account, order, buyer) index answers whatever the table's statistics say.
    exact = reduce(operator.or_, (Q(account_id=a, amazon_order_id=o, buyer_key=b) for a, o, b in sorted(keys)))
    conversations = {
        (c.account_id, c.amazon_order_id, c.buyer_key): c
        for c in Conversation.objects.select_for_update(of=("self",))
        .select_related("case")
        .filter(exact)
        .order_by("id")
    }
    clock_running: set[int] = set()
    if conversations:
        clock_running = set(
            Deadline.objects.filter(
                case_id__in=[c.case_id for c in conversations.values()],
                kind=MESSAGE_RESPONSE,
                state__in=UNMET_STATES,
            ).values_list("case_id", flat=True)
        )
    new: dict[Key, tuple[InboundMail, ParsedMail, Order | None]] = {}
    for mail, parsed in batch:
        key = _key(mail, parsed)
        if key not in conversations and key not in new:
            new[key] = (mail, parsed, orders.get((key[0], key[1])))
    opened = _conversations_open(new, filing)
    conversations |= opened
    clock_running |= {c.case_id for c in opened.values()}

    clocks_to_start: dict[int, tuple[Case, datetime]] = {}
    case_of = {}
    for mail, parsed in batch:
        key = _key(mail, parsed)
        conversation = conversations[key]
        _conversation_touch(
            conversation, parsed, order=orders.get((key[0], key[1])), at=mail.received_at, filing=filing
        )
        if conversation.case.status in REOPEN_FROM:
            conversation.case = case_transition(case=conversation.case, to=CaseStatus.OPEN, actor=None)
        case = conversation.case
        if case.pk not in clock_running and case.pk not in clocks_to_start:
            case.account = mail.account
            clocks_to_start[case.pk] = (case, mail.received_at)
        filing.message(
            mail,
            parsed,
            conversation,
            direction=Direction.IN,
            sender_name=parsed.buyer_name,
            cancellation_request=parsed.cancellation_request,
        )
        case_of[mail.pk] = case.pk
    for case, started_at in clocks_to_start.values():
        deadline_start(case=case, kind=MESSAGE_RESPONSE, started_at=started_at)
    return case_of


def conversation_keys_lock(keys: set[Key]) -> None:
    """Hold, until commit, a lock on each conversation key: no two workers create or
    file into the same conversation at once. One query; a fixed order, so no deadlock.

    SQLite (the embedded run) has no advisory locks and lets one transaction write at a time."""
    if connection.vendor != "postgresql":
        return
    lock_ids = sorted(
        {
            int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=4).digest(), "big", signed=True)
            for key in keys
        }
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s, k)) FROM (SELECT k FROM unnest(%s::int[]) AS k ORDER BY k) AS keys",
            [CONVERSATION_LOCK_CLASS, lock_ids],
        )


def _conversations_open(
    new: dict[Key, tuple[InboundMail, ParsedMail, Order | None]], filing: _Filing
) -> dict[Key, Conversation]:
    """Open the new conversations, their cases and the cases' response clocks, in bulk."""
    if not new:
        return {}
    cases = [
        Case(
            account=mail.account,
            kind=MESSAGE,
            order=order,
            amazon_order_id=parsed.amazon_order_id,
            subject=(strip_reply_prefixes(parsed.subject) or parsed.subject)[:300],
            buyer_name=parsed.buyer_name or (order.buyer_name if order else ""),
            opened_at=mail.received_at,
        )
        for mail, parsed, order in new.values()
    ]
    cases_open(cases=cases, clock=MESSAGE_RESPONSE, actor=None)
    conversations = Conversation.objects.bulk_create(
        Conversation(
            account_id=key[0],
            amazon_order_id=key[1],
            buyer_key=key[2],
            case=case,
            order=order,
            buyer_email=parsed.relay_address,
            buyer_name=parsed.buyer_name,
            subject=case.subject,
            items=[item.as_dict() for item in parsed.items],
            marketplace_id=parsed.marketplace_id,
            created_at=mail.received_at,
            last_message_at=mail.received_at,
        )
        for case, (key, (mail, parsed, order)) in zip(cases, new.items(), strict=True)
    )
    return dict(zip(new, conversations, strict=True))


def _conversation_touch(
    conversation: Conversation, parsed: ParsedMail, *, order: Order | None, at: datetime, filing: _Filing
) -> None:
    """The latest relay address and name, the order once imported, the first item lines, the last message time."""
    updates = {
        "buyer_email": parsed.relay_address,
        "buyer_name": parsed.buyer_name or conversation.buyer_name,
        "order": conversation.order or order,
        "items": conversation.items or [item.as_dict() for item in parsed.items],
        "marketplace_id": conversation.marketplace_id or parsed.marketplace_id,
        "last_message_at": max(conversation.last_message_at, at),
    }
    for name, value in updates.items():
        if getattr(conversation, name) != value:
            setattr(conversation, name, value)
            filing.touched[conversation.pk] = conversation


def _file_seller_copies(batch: list[tuple[InboundMail, ParsedMail]], filing: _Filing) -> dict[int, int]:
    """Amazon's copy of a message the seller sent outside Sellerdesk joins the order's latest conversation, if any."""
    wanted = {(mail.account_id, parsed.amazon_order_id) for mail, parsed in batch if parsed.amazon_order_id}
    if not wanted:
        return {}
    latest: dict[tuple[int, str], Conversation] = {}
    for conversation in Conversation.objects.filter(
        account_id__in={w[0] for w in wanted}, amazon_order_id__in={w[1] for w in wanted}
    ).order_by("last_message_at", "id"):
        latest[(conversation.account_id, conversation.amazon_order_id)] = conversation
    case_of = {}
    for mail, parsed in batch:
        conversation = latest.get((mail.account_id, parsed.amazon_order_id))
        if conversation is not None:
            sender = parsed.from_name.removesuffix(" - Amazon Marketplace")
            filing.message(mail, parsed, conversation, direction=Direction.OUT, sender_name=sender)
            case_of[mail.pk] = conversation.case_id
    return case_of

"""Amazon's notices, taken over from mail reading (`helpdesk.registry` hands A-to-z and
chargeback notices to `notice_take` after the reading commits, retried on failure).

The mail is stored as received (`messaging.InboundMail`) before anything here reads it. A
notice opens its claim (once per order and kind: a reminder, a repeated mail or a Finances
event about the same claim finds the same one), asks for more information on a new clock, or
records Amazon's decision. Taking the same mail twice changes nothing. A notice whose sender
nothing proved to be Amazon (`InboundMail.sender_verified`) still opens its claim and shows
"sender not verified", but its decision closes nothing.
"""

from django.db import transaction
from django.utils import timezone

from helpdesk.models import CaseStatus
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import case_transition
from messaging.models import InboundMail, MailKind
from messaging.parsing import parse_mail

from ..kinds import ATOZ, CHARGEBACK
from ..models import ClaimNotice, ClaimSource, NoticeWhat
from ..notices import NoticeFacts, notice_read
from .claims import ClaimFacts, claim_decide, claim_information_requested, claim_open


class NoticeUnreadable(Exception):
    """A notice that cannot become a claim: it names no order. Shown on the ingestion page."""


def _facts(facts: NoticeFacts) -> ClaimFacts:
    return ClaimFacts(
        reason=facts.reason,
        ground=facts.ground,
        liability=facts.liability,
        amount=facts.amount,
        currency=facts.currency,
        address=facts.address,
    )


@transaction.atomic
def notice_take(*, mail: InboundMail) -> None:
    """Take one A-to-z or chargeback notice over (the handler registered for both kinds)."""
    if ClaimNotice.objects.filter(mail_id=mail.pk).exists():
        return
    account = mail.account
    raw = InboundMail.objects.filter(pk=mail.pk).values_list("raw", flat=True).get()
    parsed = parse_mail(bytes(raw), received_at=mail.received_at)
    if not parsed.amazon_order_id:
        raise NoticeUnreadable(f"the notice “{parsed.subject}” names no Amazon order id")
    kind = CHARGEBACK if mail.kind == MailKind.CHARGEBACK else ATOZ
    sent_at = parsed.sent_at or mail.received_at or timezone.now()
    facts = notice_read(
        subject=parsed.subject,
        text=parsed.text,
        chargeback=kind == CHARGEBACK,
        sent_at=sent_at,
        site=account.site,
        tz=account.tzinfo,
    )
    claim, opened = claim_open(
        account=account,
        kind=kind,
        amazon_order_id=parsed.amazon_order_id,
        claimed_at=sent_at,
        source=ClaimSource.MAIL,
        facts=_facts(facts),
        response_clock=facts.what == NoticeWhat.NEW,
    )
    what = NoticeWhat.REMINDER if facts.what == NoticeWhat.NEW and not opened else facts.what
    ClaimNotice.objects.create(
        claim=claim, mail=mail, what=what, sent_at=sent_at, subject=parsed.subject, facts=facts.as_json()
    )
    audit(
        verb="claim.notice",
        summary=f"{NoticeWhat(what).label} from Amazon: {parsed.subject or '(no subject)'}",
        case=claim.case,
        after={"mail": mail.pk, **facts.as_json()},
    )
    if what == NoticeWhat.INFORMATION:
        claim_information_requested(claim=claim, at=sent_at, due_at=facts.due_at)
    elif what == NoticeWhat.DECISION:
        if not mail.sender_verified:
            # Anyone can write a decision from Amazon's address: the case is not closed on its word.
            audit(
                verb="claim.decision_unverified",
                summary="A decision notice arrived from a sender not verified as Amazon: nothing was closed or "
                "settled. Check the claim in Seller Central and record the decision there",
                case=claim.case,
                after={"mail": mail.pk, "outcome": facts.outcome or None},
            )
            claim.case.refresh_from_db(fields=["status"])
            if claim.case.status == CaseStatus.WAITING:
                case_transition(case=claim.case, to=CaseStatus.OPEN, actor=None)
        elif facts.outcome:
            claim_decide(claim=claim, outcome=facts.outcome, at=sent_at, amount=facts.amount, source="notice mail")
        else:
            audit(
                verb="claim.decision_unread",
                summary="A decision notice arrived, but its outcome could not be read: record it from Seller Central",
                case=claim.case,
            )
            claim.case.refresh_from_db(fields=["status"])
            if claim.case.status == CaseStatus.WAITING:
                case_transition(case=claim.case, to=CaseStatus.OPEN, actor=None)

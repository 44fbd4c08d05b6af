"""Amazon's notices handed over to the app that takes them.

Reading classifies a mail (an A-to-z claim, a chargeback, a return request, a
delivery failure, …); the app that registered for that kind of mail
(`helpdesk.registry`, `Contribution.notices`) takes it from there. The hand-over
happens after the reading commits, one mail per transaction: the handler's
writes and the mail's "handled" mark commit together, or neither does. A
handler must be idempotent — a hand-over may be retried after a crash between
its commit and our knowing it — and may raise: the failure is recorded on the
mail (shown on the ingestion page, retryable by a manager) and retried with
back-off by the beat (`notices_hand_over_due`). A kind nobody registered for
simply waits, listed as unhandled.
"""

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from helpdesk.registry import registry
from helpdesk.services.audit import audit
from helpdesk.services.lifecycle import InvalidTransition

from ..models import HANDOVER_KINDS, InboundMail, MailStatus
from ..parsing import clean

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # automatic retries; after them a failed hand-over waits for a manager's retry
FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=1)


def notices_hand_over_after_commit(*, mail_ids: Sequence[int]) -> None:
    """Hand the mails over once the current transaction commits (nothing, if it rolls back)."""
    if mail_ids:
        transaction.on_commit(partial(notices_hand_over, mail_ids=list(mail_ids)), robust=True)


def notices_hand_over(*, mail_ids: Sequence[int], actor: AbstractBaseUser | None = None) -> int:
    """Give each mail to the handler registered for its kind. Returns how many were taken.

    A mail already handled, held by another worker, or of a kind nobody registered is left alone."""
    taken = 0
    for mail_id in mail_ids:
        with transaction.atomic():
            mail = (
                InboundMail.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("account")
                .defer("raw")
                .filter(pk=mail_id, status=MailStatus.PARSED, handled_at__isnull=True)
                .first()
            )
            handler = mail and registry.notice_handler(mail.kind)
            if handler is None:
                continue
            try:
                with transaction.atomic():
                    import_string(handler)(mail=mail)
            except Exception as exc:  # noqa: BLE001 - a failing handler is recorded and retried, never lost
                logger.exception("mail %s: the %s handler failed", mail.pk, mail.kind)
                _record_failure(mail, f"{type(exc).__name__}: {exc}", actor=actor)
                continue
            notice_mark_handled(mail=mail, actor=actor)
            taken += 1
    return taken


def _record_failure(mail: InboundMail, error: str, *, actor: AbstractBaseUser | None) -> None:
    mail.handover_attempts += 1
    mail.handover_error = clean(error, 500)
    if mail.handover_attempts < MAX_ATTEMPTS:
        mail.handover_next_at = timezone.now() + min(FIRST_RETRY * 2 ** (mail.handover_attempts - 1), LAST_RETRY)
    else:
        mail.handover_next_at = None
    mail.save(update_fields=["handover_attempts", "handover_error", "handover_next_at"])
    retry = "retried automatically" if mail.handover_next_at else "a manager can retry it"
    audit(
        verb="notice.handover_failed",
        summary=f"{mail.get_kind_display()} #{mail.pk} could not be taken over ({retry}): {mail.handover_error}",
        actor=actor,
        account=mail.account,
    )


def notice_mark_handled(*, mail: InboundMail, actor: AbstractBaseUser | None = None) -> bool:
    """Take a mail off the unhandled list: its app has dealt with it.

    Returns False when it was already handled (by another worker, say)."""
    if mail.kind not in HANDOVER_KINDS:
        raise InvalidTransition(f"A {mail.get_kind_display().lower()} is not an Amazon notice.")
    taken = InboundMail.objects.filter(pk=mail.pk, handled_at__isnull=True).update(
        handled_at=timezone.now(),
        handled_by=actor if actor is not None and actor.is_authenticated else None,
        handover_next_at=None,
        handover_error="",
    )
    return bool(taken)


def notices_hand_over_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """The beat's pass: hand over again every notice whose hand-over failed or was lost
    (a worker died after reading), and any of a kind whose app registered since."""
    due = list(
        InboundMail.objects.filter(
            handled_at__isnull=True,
            handover_next_at__lte=now or timezone.now(),
            status=MailStatus.PARSED,
            kind__in=registry.notice_kinds(),
        )
        .order_by("handover_next_at", "id")
        .values_list("id", flat=True)[:limit]
    )
    return notices_hand_over(mail_ids=due)


def notice_retry(*, mail: InboundMail, actor: AbstractBaseUser) -> bool:
    """A manager's retry of a failed hand-over, now. Returns whether the app took it this time."""
    if mail.handled_at is not None or not mail.handover_error:
        raise InvalidTransition("Only a notice whose hand-over failed can be retried.")
    audit(verb="notice.retried", summary=f"Hand-over of mail #{mail.pk} retried", actor=actor, account=mail.account)
    InboundMail.objects.filter(pk=mail.pk).update(handover_attempts=0)
    return notices_hand_over(mail_ids=[mail.pk], actor=actor) == 1

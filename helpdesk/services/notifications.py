"""Notifications: the in-app centre, and email delivery from the outbox rows.

Email is claimed with a lease before it is sent, so any number of workers can
deliver at once and each row is sent by one of them. Each email is marked as it
goes, in its own statement: handed over (just before SMTP DATA), then sent. A
worker that dies leaves the lease to expire: what it had sent stays sent, what it
had not reached is tried again, and the one email it was handing over when it
died is never sent blindly again: it stays unconfirmed (see helpdesk.mail).
"""

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from helpdesk.mail import AcceptanceUnknown, mail_send_on
from helpdesk.models import Notification
from helpdesk.models.notifications import EmailState

LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 6


def notification_mark_read(*, user: AbstractBaseUser, notification_id: int | None = None) -> int:
    """Mark one notification (or, with no id, all of them) read for `user`."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(id=notification_id)
    return unread.update(read_at=timezone.now())


def _claim(*, now: datetime, batch_size: int) -> list[Notification]:
    with transaction.atomic():
        rows = list(
            Notification.objects.filter(
                Q(email_state=EmailState.PENDING) | Q(email_state=EmailState.SENDING),
                email_next_attempt_at__lte=now,
            )
            .order_by("email_next_attempt_at", "id")
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "case")[:batch_size]
        )
        # A worker died while handing these to the mail server: they may have gone out.
        abandoned = [n.id for n in rows if n.email_state == EmailState.SENDING and n.email_handed_at is not None]
        Notification.objects.filter(id__in=abandoned).update(
            email_state=EmailState.UNCONFIRMED,
            email_error="the worker sending it stopped after handing it to the mail server",
        )
        rows = [n for n in rows if n.id not in set(abandoned)]
        lease = now + LEASE
        Notification.objects.filter(id__in=[n.id for n in rows]).update(
            email_state=EmailState.SENDING, email_next_attempt_at=lease, email_handed_at=None
        )
        for note in rows:
            note.email_next_attempt_at = lease
        return rows


def _body(note: Notification) -> str:
    lines = [note.title, ""]
    if note.case_id:
        lines.append(settings.SITE_URL.rstrip("/") + reverse("helpdesk:case", args=[note.case_id]))
    lines += ["", "You receive this because you work on this seller account in Sellerdesk."]
    return "\n".join(lines)


def _retry_later(note: Notification, error: Exception) -> None:
    attempts = note.email_attempts + 1
    Notification.objects.filter(id=note.id).update(
        email_state=EmailState.FAILED if attempts >= MAX_ATTEMPTS else EmailState.PENDING,
        email_attempts=attempts,
        email_next_attempt_at=timezone.now() + timedelta(seconds=30 * 2**attempts),
        email_error=f"{type(error).__name__}: {error}"[:500],
    )


class LeaseLost(Exception):
    """Another worker holds the email now: this one must not send it."""


def _mark_handed(note: Notification) -> None:
    """Committed before the email itself goes to the mail server, while this worker's lease holds."""
    held = Notification.objects.filter(
        id=note.id, email_state=EmailState.SENDING, email_next_attempt_at=note.email_next_attempt_at
    ).update(email_handed_at=timezone.now())
    if not held:
        raise LeaseLost(f"notification {note.id}: lease lost before sending")


def _deliver(batch: list[Notification]) -> int:
    """Send one claimed batch over one mail connection, marking each email as it goes; returns how many were sent."""
    without_address = [note.id for note in batch if not note.user.email]
    Notification.objects.filter(id__in=without_address).update(email_state=EmailState.SKIPPED)
    batch = [note for note in batch if note.user.email]
    connection = mailers.default
    try:
        connection.open()
    except Exception as exc:  # the mail server is down: every row backs off and is retried
        for note in batch:
            _retry_later(note, exc)
        return 0
    sent = 0
    try:
        for note in batch:
            message = EmailMessage(subject=f"[Sellerdesk] {note.title}", body=_body(note), to=[note.user.email])
            try:
                mail_send_on(connection, message, before_data=partial(_mark_handed, note))
            except LeaseLost:
                continue
            except AcceptanceUnknown as exc:
                Notification.objects.filter(id=note.id).update(
                    email_state=EmailState.UNCONFIRMED, email_attempts=F("email_attempts") + 1, email_error=str(exc)
                )
            except Exception as exc:  # this message failed: back off and retry it, never lose it
                _retry_later(note, exc)
            else:
                Notification.objects.filter(id=note.id).update(
                    email_state=EmailState.SENT, email_sent_at=timezone.now(), email_attempts=F("email_attempts") + 1
                )
                sent += 1
    finally:
        try:
            connection.close()
        except OSError:  # each email's outcome is recorded already
            pass
    return sent


def notifications_deliver(*, now: datetime | None = None, batch_size: int = 200, max_batches: int = 100) -> int:
    """Email every notification that is due, in claimed batches; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for _ in range(max_batches):
        batch = _claim(now=now, batch_size=batch_size)
        if not batch:
            break
        sent += _deliver(batch)
        if len(batch) < batch_size:
            break
    return sent

"""Reads of the messaging app. Every queryset a view touches is scoped here."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from helpdesk.models import Activity, Case, Role
from helpdesk.selectors import scoped

from .models import HANDOVER_KINDS, Attachment, Conversation, InboundMail, Mailbox, MailStatus, Message

RECENT_LIMIT = 50


def _listed(queryset: QuerySet[InboundMail]) -> QuerySet[InboundMail]:
    """Mail as the lists show it: without its bytes, with its account and case."""
    return queryset.defer("raw", "defects").select_related("account", "message__conversation")


def inbound_recent(user: AbstractBaseUser, *, limit: int = RECENT_LIMIT) -> list[InboundMail]:
    return list(_listed(scoped(InboundMail.objects.all(), user)).order_by("-arrived_at", "-id")[:limit])


def inbound_problems(user: AbstractBaseUser) -> list[InboundMail]:
    return list(
        _listed(scoped(InboundMail.objects.filter(status=MailStatus.PROBLEM), user)).order_by("-arrived_at", "-id")
    )


def inbound_get(user: AbstractBaseUser, *, mail_id: int, min_role: str = Role.AGENT) -> InboundMail:
    return get_object_or_404(scoped(InboundMail.objects.select_related("account"), user, min_role=min_role), id=mail_id)


def problem_get(user: AbstractBaseUser, *, mail_id: int) -> InboundMail:
    """A problem mail of an account the user manages."""
    queryset = InboundMail.objects.filter(status=MailStatus.PROBLEM).select_related("account").defer("raw")
    return get_object_or_404(scoped(queryset, user, min_role=Role.MANAGER), id=mail_id)


def notices_unhandled(*, account_ids: Iterable[int], kinds: Iterable[str] = HANDOVER_KINDS) -> QuerySet[InboundMail]:
    """Amazon's notices (claims, chargebacks, returns; a delivery failure whose hand-over failed)
    that no app has taken yet, oldest first: for the ingestion page (see services.notices)."""
    return (
        InboundMail.objects.filter(
            account_id__in=list(account_ids), kind__in=list(kinds), handled_at__isnull=True, status=MailStatus.PARSED
        )
        .defer("raw", "defects")
        .select_related("account")
        .order_by("received_at", "id")
    )


def notice_get(user: AbstractBaseUser, *, mail_id: int) -> InboundMail:
    """An unhandled notice of an account the user manages."""
    queryset = InboundMail.objects.filter(kind__in=HANDOVER_KINDS, handled_at__isnull=True).defer("raw")
    return get_object_or_404(scoped(queryset.select_related("account"), user, min_role=Role.MANAGER), id=mail_id)


def conversation_for_case(case: Case) -> Conversation | None:
    """The case's conversation with its messages and their attachments (without their bytes; a message's
    `has_attachments` says whether it has any, and only those are read), for the case page: its account
    is the case's (read with it), and nothing there shows a message's author (its sender_name is
    stored) or the conversation's order (the case's is shown)."""
    messages = Message.objects.annotate(has_attachments=Exists(Attachment.objects.filter(message=OuterRef("pk"))))
    conversation = (
        Conversation.objects.filter(case=case)
        .prefetch_related(Prefetch("messages", queryset=messages.order_by("sent_at", "id")))
        .first()
    )
    if conversation is None:
        return None
    if conversation.account_id == case.account_id:
        conversation.account = case.account
    # Most threads have no file: their attachments are read only when some message has one.
    with_files = [message for message in conversation.messages.all() if message.has_attachments]
    prefetch_related_objects(with_files, Prefetch("attachments", queryset=Attachment.objects.defer("data")))
    return conversation


def message_get(user: AbstractBaseUser, *, message_id: int) -> Message:
    return get_object_or_404(scoped(Message.objects.all(), user, field="conversation__account_id"), id=message_id)


def attachment_get(user: AbstractBaseUser, *, attachment_id: int) -> Attachment:
    queryset = Attachment.objects.select_related("message__conversation")
    return get_object_or_404(scoped(queryset, user, field="message__conversation__account_id"), id=attachment_id)


# --- mailboxes (admins) ---------------------------------------------------------------


def mailboxes_for(user: AbstractBaseUser) -> QuerySet[Mailbox]:
    """The mailboxes of the accounts the user is admin of."""
    return scoped(Mailbox.objects.select_related("account"), user, min_role=Role.ADMIN).order_by(
        "account__name", "username", "folder"
    )


def mailbox_get(user: AbstractBaseUser, *, mailbox_id: int) -> Mailbox:
    return get_object_or_404(mailboxes_for(user), id=mailbox_id)


MAILBOX_EVENTS_SHOWN = 10


def mailbox_events(mailbox: Mailbox) -> list[Activity]:
    """The latest audit rows about the mailbox: changes, tests, renumbering, mail left on the server."""
    return list(
        Activity.objects.filter(
            account_id=mailbox.account_id, verb__startswith="mailbox.", summary__contains=str(mailbox)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:MAILBOX_EVENTS_SHOWN]
    )

"""Writes of the messaging app. Import from here: `from messaging.services import inbound_process`."""

from .conversations import conversation_open_for_order
from .ingest import (
    BATCH_SIZE,
    MAX_MAIL_BYTES,
    MailImportResult,
    inbound_assign,
    inbound_receive,
    inbound_retry,
    mail_import,
    mail_marketplace,
    mail_upload,
)
from .mailboxes import (
    MailboxError,
    PollResult,
    mailbox_env_allowed,
    mailbox_password,
    mailbox_poll,
    mailbox_save,
    mailbox_set_password,
    mailbox_test,
)
from .notices import notice_mark_handled, notice_retry, notices_hand_over, notices_hand_over_due
from .reading import inbound_claim_for_reading, inbound_process, inbound_process_many

__all__ = [
    "BATCH_SIZE",
    "MAX_MAIL_BYTES",
    "MailImportResult",
    "MailboxError",
    "PollResult",
    "conversation_open_for_order",
    "inbound_assign",
    "inbound_claim_for_reading",
    "inbound_process",
    "inbound_process_many",
    "inbound_receive",
    "inbound_retry",
    "mail_import",
    "mail_marketplace",
    "mail_upload",
    "mailbox_env_allowed",
    "mailbox_password",
    "mailbox_poll",
    "mailbox_save",
    "mailbox_set_password",
    "mailbox_test",
    "notice_mark_handled",
    "notice_retry",
    "notices_hand_over",
    "notices_hand_over_due",
]

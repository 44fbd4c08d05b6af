"""Buyer–seller messaging: mail as received, conversations, their messages and attachments.

`InboundMail` is the raw record: every mail is stored, bytes and all, before it
is read, and keeps what reading found (its kind, the identifiers in it, or why
it could not be read). A buyer's mail then becomes a `Message` in the
`Conversation` of its order and buyer, whose `helpdesk.Case` carries the clock.
"""

import re

from django.conf import settings
from django.db import models
from django.utils import timezone

from helpdesk.models import Case, Order, SellerAccount


class MailSource(models.TextChoices):
    IMAP = "imap", "IMAP mailbox"
    UPLOAD = "upload", "Uploaded file"
    COMMAND = "command", "import_mail command"


class MailKind(models.TextChoices):
    UNREAD = "unread", "Not read yet"
    BUYER_MESSAGE = "buyer_message", "Buyer message"
    SELLER_COPY = "seller_copy", "Copy of a seller message"
    OPT_OUT = "opt_out", "Buyer opted out"
    BOUNCE = "bounce", "Undeliverable message"
    ATOZ_CLAIM = "atoz_claim", "A-to-z claim notice"
    CHARGEBACK = "chargeback", "Chargeback notice"
    RETURN_REQUEST = "return_request", "Return request"
    AMAZON_OTHER = "amazon_other", "Other Amazon mail"
    OTHER = "other", "Other mail"


# Amazon notices of work for the agents (claims, chargebacks, returns), listed on the ingestion page
# until the app that registered for their kind has taken them (see selectors.notices_unhandled).
NOTICE_KINDS = frozenset({MailKind.ATOZ_CLAIM, MailKind.CHARGEBACK, MailKind.RETURN_REQUEST})
# Amazon's word that an outbound message did not reach the buyer.
DELIVERY_FAILURE_KINDS = frozenset({MailKind.OPT_OUT, MailKind.BOUNCE})
# Mail that reading hands over, after commit, to the app registered for its kind (services.notices).
HANDOVER_KINDS = NOTICE_KINDS | DELIVERY_FAILURE_KINDS


class SenderCheck(models.TextChoices):
    """Whether a mail whose From is on an Amazon domain was proved to come from Amazon (see messaging.trust)."""

    NONE = "", "Not from an Amazon address"
    DKIM = "dkim", "Verified: Amazon's DKIM signature"
    SERVER = "server", "Verified by the mailbox's mail server"
    UNVERIFIED = "unverified", "Sender not verified"


class MailStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    PARSED = "parsed", "Parsed"
    PROBLEM = "problem", "Problem"


# Reading a mail again (retry, or a new account assigned by hand) is allowed
# from every state but PARSED, which is final.
MAIL_TRANSITIONS: dict[str, frozenset[str]] = {
    MailStatus.RECEIVED: frozenset({MailStatus.PARSED, MailStatus.PROBLEM}),
    MailStatus.PROBLEM: frozenset({MailStatus.PARSED, MailStatus.PROBLEM}),
    MailStatus.PARSED: frozenset(),
}


class InboundMail(models.Model):
    """One mail exactly as received, and what reading it found."""

    account = models.ForeignKey(
        SellerAccount,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inbound_mail",
        help_text="Empty until the mail is matched to a seller account.",
    )
    source = models.CharField(max_length=10, choices=MailSource.choices)
    source_ref = models.CharField(max_length=300, blank=True, help_text="Mailbox and UID, or file name.")
    mailbox = models.ForeignKey(
        "Mailbox",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The mailbox it was fetched from: whose mail server's Authentication-Results may be trusted.",
    )
    raw = models.BinaryField()
    dedupe_key = models.CharField(
        max_length=68, help_text="mid:<sha256 of the Message-ID>, or sha:<sha256 of the bytes>."
    )
    arrived_at = models.DateTimeField(default=timezone.now, help_text="When Sellerdesk stored it.")
    received_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the mail reached the seller (IMAP INTERNALDATE, else its Received: stamp): clocks start here.",
    )
    kind = models.CharField(max_length=16, choices=MailKind.choices, default=MailKind.UNREAD)
    status = models.CharField(max_length=10, choices=MailStatus.choices, default=MailStatus.RECEIVED)
    problem = models.CharField(max_length=500, blank=True, help_text="Why the mail could not be read or matched.")
    defects = models.JSONField(default=list, blank=True, help_text="MIME defects found while reading, if any.")
    processed_at = models.DateTimeField(null=True, blank=True)
    # What reading found: shown in the lists, and how the outbound side matches bounces.
    message_id = models.CharField(max_length=255, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    from_address = models.CharField(max_length=254, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    amazon_order_id = models.CharField(max_length=19, blank=True)
    relay_address = models.CharField(max_length=254, blank=True, help_text="The buyer's relay address the mail names.")
    marketplace_id = models.CharField(max_length=20, blank=True, help_text="From the mp= parameter of Amazon's links.")
    comm_token = models.CharField(
        max_length=40,
        blank=True,
        help_text="Amazon's id of the relayed message: [commMgrTok:…], the msg= of its links.",
    )
    original_message_id = models.CharField(
        max_length=255,
        blank=True,
        help_text="The message it is about: the one a bounce or opt-out returns, else the one it answers "
        "(In-Reply-To, References).",
    )
    sender_check = models.CharField(
        max_length=10,
        choices=SenderCheck.choices,
        default=SenderCheck.NONE,
        blank=True,
        help_text="Whether a From on Amazon's domains was proved: nothing acts for the seller on an unverified one.",
    )
    sender_check_detail = models.CharField(max_length=300, blank=True, help_text="What the check found.")
    # Mail of HANDOVER_KINDS waits here until the app registered for its kind has taken it.
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handover_next_at = models.DateTimeField(
        null=True, blank=True, help_text="When the hand-over to its app is (re)tried; empty once handled or given up."
    )
    handover_attempts = models.PositiveSmallIntegerField(default=0, help_text="Hand-overs that failed.")
    handover_error = models.CharField(max_length=500, blank=True, help_text="Why the last hand-over failed.")
    purged_at = models.DateTimeField(
        null=True, blank=True, help_text="When the retention purge removed its bytes and the sender's name."
    )
    # A reading task was queued for it and may still be queued or running until then: no second one is queued
    # before (a dead worker's lease simply runs out).
    read_queued_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-arrived_at", "-id"]
        verbose_name_plural = "inbound mail"
        constraints = [
            # The same mail never makes a second entry for an account, however often it arrives.
            models.UniqueConstraint(
                fields=["account", "dedupe_key"], name="inboundmail_unique_per_account", nulls_distinct=False
            ),
        ]
        indexes = [
            models.Index(fields=["account", "-arrived_at", "-id"], name="inboundmail_account_recent"),
            models.Index(
                fields=["arrived_at", "id"], condition=models.Q(status=MailStatus.RECEIVED), name="inboundmail_unread"
            ),
            models.Index(
                fields=["account", "-arrived_at"],
                condition=models.Q(status=MailStatus.PROBLEM),
                name="inboundmail_problems",
            ),
            models.Index(
                fields=["account", "received_at"],
                condition=models.Q(kind__in=sorted(HANDOVER_KINDS), handled_at__isnull=True),
                name="inboundmail_notices_unhandled",
            ),
            models.Index(
                fields=["account", "relay_address"],
                condition=models.Q(kind__in=sorted(DELIVERY_FAILURE_KINDS)),
                name="inboundmail_delivery_failures",
            ),
            # An unconfirmed reply looks here for mail answering it (messaging.outbound.delivery).
            models.Index(
                fields=["account", "original_message_id"],
                condition=~models.Q(original_message_id=""),
                name="inboundmail_answers",
            ),
            models.Index(
                fields=["handover_next_at", "id"],
                condition=models.Q(handled_at__isnull=True, handover_next_at__isnull=False),
                name="inboundmail_handover_due",
            ),
            models.Index(
                fields=["account", "arrived_at"],
                condition=models.Q(purged_at__isnull=True),
                name="inboundmail_unpurged",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject or self.source_ref}"

    @property
    def sender_verified(self) -> bool:
        return self.sender_check in {SenderCheck.DKIM, SenderCheck.SERVER}

    @property
    def sender_unverified(self) -> bool:
        """It claims to be Amazon's and nothing proved it."""
        return self.sender_check == SenderCheck.UNVERIFIED


class Conversation(models.Model):
    """Everything said with one buyer about one order (or, before any order, with one buyer)."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="conversations")
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="conversation")
    amazon_order_id = models.CharField(max_length=19, blank=True, help_text="Empty for a pre-sale question.")
    order = models.ForeignKey(Order, on_delete=models.SET_NULL, null=True, blank=True, related_name="conversations")
    buyer_key = models.CharField(max_length=254, help_text="The relay address without its +tag, lower-cased.")
    buyer_email = models.CharField(max_length=254, help_text="The relay address replies go to (the latest seen).")
    buyer_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    items = models.JSONField(
        default=list, blank=True, help_text='The mail\'s item lines: [{"quantity", "title", "asin"}, …].'
    )
    marketplace_id = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_message_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "amazon_order_id", "buyer_key"], name="conversation_unique_order_buyer"
            ),
        ]
        indexes = [
            models.Index(fields=["account", "-last_message_at"], name="conversation_account_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.buyer_name or self.buyer_email} · {self.amazon_order_id or 'pre-sale'}"


class Direction(models.TextChoices):
    IN = "in", "From the buyer"
    OUT = "out", "To the buyer"
    NOTE = "note", "Internal note"
    CALL = "call", "Call log"


class Message(models.Model):
    """One entry of a conversation: a buyer's mail, a reply, a note or a call."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=4, choices=Direction.choices)
    inbound = models.OneToOneField(
        InboundMail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="message",
        help_text="The mail it was read from (inbound messages, and Amazon's copies of seller messages).",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who wrote it in Sellerdesk (replies, notes, calls); empty for mail.",
    )
    sender_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    body_text = models.TextField(blank=True, help_text="What is new in this message, as plain text.")
    cancellation_request = models.BooleanField(
        default=False, help_text="Amazon relayed it as the buyer's request to cancel the order."
    )
    quoted_text = models.TextField(blank=True, help_text="The earlier thread it quotes, if any.")
    body_html = models.TextField(blank=True, help_text="The sender's HTML, sanitised; never rendered unsanitised.")
    sent_at = models.DateTimeField(help_text="When it was sent or received.")
    created_at = models.DateTimeField(default=timezone.now)
    purged_at = models.DateTimeField(
        null=True, blank=True, help_text="When the retention purge removed the buyer's words and name."
    )

    class Meta:
        ordering = ["sent_at", "id"]
        indexes = [
            models.Index(fields=["conversation", "sent_at", "id"], name="message_conversation_time"),
            models.Index(
                fields=["sent_at"],
                condition=models.Q(purged_at__isnull=True, direction="in"),
                name="message_buyer_unpurged",
            ),
            models.Index(
                fields=["sent_at"],
                condition=models.Q(cancellation_request=True),
                name="message_cancellation_requests",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.sent_at:%Y-%m-%d %H:%M}"

    @property
    def truncated(self) -> bool:
        """Whether the mail was longer than what was read of it (its raw bytes hold the rest)."""
        return self.inbound_id is not None and self.body_text.endswith(_TRUNCATED_TAIL)


# What a message read from a mail longer than the reading cap (MAIL_TEXT_MAX_CHARS) ends with.
TRUNCATED = "[… {count} more characters not read here. The whole mail is kept as received: download the original.]"
_TRUNCATED_TAIL = TRUNCATED.partition("}")[2]


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120, default="application/octet-stream")
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    purged_at = models.DateTimeField(null=True, blank=True, help_text="When the retention purge removed its bytes.")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename


class Mailbox(models.Model):
    """An IMAP folder polled for one seller account. UIDs are tracked with UIDVALIDITY,
    so after any downtime the next poll reads exactly what it has not read."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="mailboxes")
    host = models.CharField(max_length=255)
    port = models.PositiveIntegerField(default=993)
    use_ssl = models.BooleanField(default=True)
    username = models.CharField(max_length=255)
    password_encrypted = models.BinaryField(
        blank=True, help_text="Fernet token keyed from SECRET_KEY; set with mailbox_set_password."
    )
    password_env = models.CharField(
        max_length=100, blank=True, help_text="Or: the environment variable that holds the password."
    )
    folder = models.CharField(max_length=255, default="INBOX")
    enabled = models.BooleanField(default=True)
    trusted_servers = models.CharField(
        max_length=300,
        blank=True,
        help_text="The authserv-id(s) of your own mail server (e.g. mx.google.com), comma-separated: its "
        "Authentication-Results header then proves mail from Amazon. Only a server that removes such headers "
        "claiming its name from incoming mail may be trusted.",
    )
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0, help_text="Every message up to this UID is stored.")
    lease_until = models.DateTimeField(null=True, blank=True, help_text="A poll holds the mailbox until then.")
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["account", "username"]
        verbose_name_plural = "mailboxes"
        constraints = [
            models.UniqueConstraint(fields=["account", "host", "username", "folder"], name="mailbox_unique_folder"),
            models.CheckConstraint(
                condition=~models.Q(password_env="") | ~models.Q(password_encrypted=b""),
                name="mailbox_has_password",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.username}@{self.host}/{self.folder}"

    @property
    def trusted_server_ids(self) -> list[str]:
        return [name.strip().lower() for name in re.split(r"[,\s]+", self.trusted_servers) if name.strip()]

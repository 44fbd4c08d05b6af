"""Test helpers for the outbound app: buyer mail made and read the way production does it,
a real SMTP server's handler, and the composer on the case page."""

import itertools
import socket
from datetime import datetime
from email.utils import format_datetime

from messaging.models import InboundMail, MailSource
from messaging.services import mail_import

RELAY = "nxfzwxbkqbx3wv2@marketplace.amazon.com"
ORDER_ID = "114-7863528-5212210"
_serial = itertools.count(1)


def buyer_mail(
    *,
    text: str,
    when: datetime,
    order_id: str = ORDER_ID,
    relay: str = RELAY,
    name: str = "Cathy",
    message_id: str | None = None,
) -> bytes:
    """A buyer's message as Amazon's relay delivers it (see tests/fixtures/mail/01_plain_us_shipping.eml)."""
    message_id = message_id or f"buyer-{next(_serial)}-{when.timestamp():.0f}@email.amazonses.com"
    stamp = format_datetime(when)
    return f"""Received: from a8-29.smtp-out.amazonses.com (a8-29.smtp-out.amazonses.com [54.240.8.29])
        by mx.acme-goods.example (Postfix) with ESMTPS id 4TzQ2k0Zs1z9sRp
        for <support@acme-goods.example>; {stamp}
From: "{name} - Amazon Marketplace" <{relay}>
To: support@acme-goods.example
Subject: Shipping inquiry from Amazon customer {name} (Order: {order_id})
Message-ID: <{message_id}>
Date: {stamp}
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Order ID {order_id}:
1 of Stainless Steel Water Bottle, 750 ml, Matte Black [ASIN: B07QK2SPP4]

------------- Begin message -------------

{text}

------------- End message -------------

For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all messages
buyers and sellers send through Amazon.com for two years.

To mark this message as no response needed, click here:
https://www.amazon.com/gp/communication-manager/no-response-needed.html?msg=A2KX9QZ7Y1B3C4&mp=ATVPDKIKX0DER&v=1

[commMgrTok:A2KX9QZ7Y1B3C4]
""".replace("\n", "\r\n").encode()


def receive(account, raw: bytes) -> InboundMail:
    """Store and read a mail through messaging's ingestion, as the IMAP poller does."""
    result = mail_import(account=account, mails=[(f"test-{next(_serial)}.eml", raw)], source=MailSource.UPLOAD)
    assert result.imported == 1, result.problems
    return InboundMail.objects.filter(account=account).order_by("-id").first()


class Sink:
    """An SMTP server's handler that keeps every message it is given, as bytes."""

    def __init__(self):
        self.envelopes = []
        self.port = 0

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_mailer(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "helpdesk.mail.SmtpBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }

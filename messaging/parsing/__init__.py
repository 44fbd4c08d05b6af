"""Reading mail: `mime` is what the email package gives (bodies, charsets,
attachments, HTML); `amazon` is what Amazon's relay and notices mean (kind,
buyer, order, the buyer's new words). Pure functions; no database."""

from .amazon import (
    ParsedMail,
    is_relay_address,
    parse_mail,
    strip_reply_prefixes,
)
from .mime import MAIL_POLICY, clean, dedupe_key, message_id_key, sanitise_html, with_remote_images, without_images

__all__ = [
    "MAIL_POLICY",
    "ParsedMail",
    "clean",
    "dedupe_key",
    "is_relay_address",
    "message_id_key",
    "parse_mail",
    "sanitise_html",
    "with_remote_images",
    "without_images",
    "strip_reply_prefixes",
]

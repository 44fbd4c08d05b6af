"""Reading Amazon mail: what kind it is, who it is from, and what the buyer wrote.

Pure functions over bytes, on the standard library's email package
(`policy.default`); nothing here touches the database. The formats (see
docs/amazon-formats.md):

- buyer messages come through the relay, From `"<Name> - Amazon Marketplace"
  <localpart[+tag]@marketplace.amazon.<tld>>`; the body names the order and its
  item lines (`[ASIN: …]`), puts the buyer's words between localised
  `Begin message` / `End message` markers, and ends with a footer whose links
  carry `mp=<marketplace id>` and a `[commMgrTok:…]` token;
- a buyer's reply from their own mail client is top-posted above Amazon's
  template, which may itself quote a whole earlier thread;
- copies of the seller's own messages, opt-out and bounce notices are told by
  their wording; A-to-z, chargeback and return notices by their sender (A-to-z
  and chargeback notices from another Amazon sender by their subject, in the
  marketplaces' languages).

The `X-AMAZON-MAIL-RELAY-TYPE: notification` header that Amazon puts on its
mail is deliberately ignored: tools that treat it as an auto-reply drop mail.
"""

import email
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import getaddresses

from helpdesk.marketplaces import MARKETPLACES

from ..models import MailKind
from .mime import (
    MAIL_POLICY,
    Part,
    as_utc,
    clean,
    decoded_header,
    first_received_time,
    header_date,
    html_to_text,
    normalise_message_id,
    raw_headers,
    read_bodies,
    sanitise_html,
    tidy,
)

RELAY_DOMAINS = frozenset(m.relay_domain for m in MARKETPLACES.values())
AMAZON_DOMAINS = frozenset(m.site for m in MARKETPLACES.values())

ORDER_ID_RE = re.compile(r"(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])")
ASIN_LINE_RE = re.compile(
    r"^\s*(?:(?P<quantity>\d+)\s+(?:of(?:/sur)?|de|von|di|sur|x|×)\s+)?(?P<title>.*?)\s*\[ASIN:\s*(?P<asin>[A-Z0-9]{10})\]",
    re.MULTILINE,
)
MARKETPLACE_PARAM_RE = re.compile(r"[?&;]mp=([A-Z0-9]{8,16})\b")
COMM_TOKEN_RE = re.compile(r"\[commMgrTok:([A-Za-z0-9]+)\]")
BUYER_DISPLAY_RE = re.compile(r"^\s*(?P<name>.*?)\s+-\s+Amazon Marketplace\s*$", re.IGNORECASE)
SUBJECT_BUYER_RE = re.compile(
    r"(?:from Amazon customer|du client Amazon|del cliente de Amazon|do cliente da Amazon|von Amazon-Kunde|"
    r"dal cliente Amazon)\s+(?P<name>[^()]+?)\s*(?:\(|$)",
    re.IGNORECASE,
)
REPLY_PREFIX_RE = re.compile(r"^\s*(?:(?:re|aw|fw|fwd|tr|rv|sv|antw)\s*:|\[external\])\s*", re.IGNORECASE)

# Localised Begin/End markers: a run of dashes around the words.
BEGIN_WORDS = (
    "Begin message",
    "Début du message",
    "Início da mensagem",
    "Inicio del mensaje",
    "Comienzo del mensaje",
    "Nachricht beginnen",
    "Beginn der Nachricht",
    "Inizio messaggio",
    "Inizio del messaggio",
    "Begin bericht",
    "Początek wiadomości",
    "Meddelandet börjar",
    "Mesaj başlangıcı",
    "メッセージ開始",
)
END_WORDS = (
    "End message",
    "Fin du message",
    "Fim da mensagem",
    "Fin del mensaje",
    "Nachricht beenden",
    "Ende der Nachricht",
    "Fine messaggio",
    "Fine del messaggio",
    "Einde bericht",
    "Koniec wiadomości",
    "Meddelandet slutar",
    "Mesaj sonu",
    "メッセージ終了",
)


def _marker(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"^[ \t]*-{{3,}}[ \t]*(?:{alternatives})\b.*?-{{3,}}[ \t]*$", re.MULTILINE | re.IGNORECASE)


BEGIN_RE = _marker(BEGIN_WORDS)
END_RE = _marker(END_WORDS)
# Where an earlier message starts inside a reply: mail clients' and Amazon's own separators.
QUOTE_START_RE = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:Original message|Message d'origine|Mensaje original|Mensagem original|"
    r"Ursprüngliche Nachricht|Messaggio originale)[ \t]*-{2,}|"
    r"On .{5,200}\bwrote:|Le .{5,200}a écrit ?:|El .{5,200}escribió:|Am .{5,200}schrieb .{1,200}:|"
    r"From: .*Amazon Marketplace.*|De ?: .*Amazon Marketplace.*|>.*|"
    r"(?:Order ID|Commande N°|N° de commande|Número do pedido|Bestellnummer|Número de pedido|Ordine)[ /:]"
    r".*\d{3}-\d{7}-\d{7}.*)$",
    re.MULTILINE | re.IGNORECASE,
)
# Where Amazon's footer starts, for mail that has no End marker.
FOOTER_RE = re.compile(
    r"^[ \t]*(?:For Your Information:|Important ?:|Wichtiger Hinweis:|Atenciosamente,|"
    r"If you believe this message is suspicious|Was this email helpful\?|Este e-mail foi útil\?|\[commMgrTok:)",
    re.MULTILINE | re.IGNORECASE,
)
# Lines Amazon puts above its template: the subject echoed, the seller-copy preamble.
TEMPLATE_PREFIX_RE = re.compile(
    r"^[ \t]*(?:\((?:Objet|Subject|Asunto|Betreff|Oggetto|Assunto)[ \t]*:.*\)|"
    r"Here is a copy of the e-mail that you sent to .*|This is a copy of the message you sent.*)$",
    re.MULTILINE | re.IGNORECASE,
)
MESSAGE_LABEL_RE = re.compile(r"^[ \t]*(?:Message|Mensagem|Mensaje|Nachricht|Messaggio)[ \t]*:[ \t]*$", re.MULTILINE)

SELLER_COPY_PHRASES = ("Here is a copy of the e-mail that you sent to", "This is a copy of the message you sent")
OPT_OUT_PHRASES = ("has chosen to opt out", "has opted out of receiving")
BOUNCE_PHRASES = ("We were unable to deliver the message", "could not deliver your message")
RETURN_SUBJECT_RE = re.compile(r"Return authori[sz]ation request", re.IGNORECASE)
# A-to-z and chargeback notices from another Amazon sender than the usual ones, told by their subject
# in the marketplaces' languages.
ATOZ_SUBJECT_RE = re.compile(
    r"A-to-z Guarantee|A-bis-z|Garantie A [àa] Z|Garant[ií]a de la A a la Z|Garanzia dalla A alla Z"
    r"|\bClaim (?:received|decision) on order\b",
    re.IGNORECASE,
)
CHARGEBACK_SUBJECT_RE = re.compile(
    r"Charge(?:back)? Dispute|\bChargeback\b|R[üu]ckbuchung|R[ée]trofacturation|Contracargo|Storno di addebito",
    re.IGNORECASE,
)

ATOZ_SENDERS = ("atoz-guarantee-no-reply", "seller-guarantee")
CHARGEBACK_SENDERS = ("cb-seller-notification", "cb-seller-query")


@dataclass(frozen=True)
class Item:
    quantity: int
    title: str
    asin: str

    def as_dict(self) -> dict:
        return {"quantity": self.quantity, "title": self.title, "asin": self.asin}


@dataclass
class ParsedMail:
    kind: str
    message_id: str = ""
    subject: str = ""
    from_address: str = ""
    from_name: str = ""
    sent_at: datetime | None = None
    received_at: datetime | None = None
    buyer_name: str = ""
    relay_address: str = ""
    amazon_order_id: str = ""
    marketplace_id: str = ""
    comm_token: str = ""
    original_message_id: str = ""
    items: list[Item] = field(default_factory=list)
    text: str = ""
    quoted: str = ""
    html: str = ""
    attachments: list[Part] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)


def is_relay_address(address: str) -> bool:
    return address.lower().rpartition("@")[2] in RELAY_DOMAINS


def is_amazon_address(address: str) -> bool:
    domain = address.lower().rpartition("@")[2]
    return domain in AMAZON_DOMAINS or any(domain.endswith("." + site) for site in AMAZON_DOMAINS)


def _split_message(text: str) -> tuple[str, str]:
    """(what the buyer wrote now, the earlier thread it quotes) from the body text."""
    text = TEMPLATE_PREFIX_RE.sub("", text)
    begin = BEGIN_RE.search(text)
    quote = QUOTE_START_RE.search(text)
    above = tidy(text[: quote.start()]) if quote else ""
    if quote and above and (begin is None or quote.start() < begin.start()):
        # Top-posted above a quoted thread (Amazon's template or a mail client's).
        rest = text[quote.start() :]
        ends = list(END_RE.finditer(rest))
        quoted = rest[: ends[-1].start()] if ends else FOOTER_RE.split(rest, maxsplit=1)[0]
        return above, tidy(quoted)
    if begin:
        # Amazon's template: the message sits between the markers, the last End marker closing it.
        ends = list(END_RE.finditer(text, begin.end()))
        block = text[begin.end() : ends[-1].start()] if ends else FOOTER_RE.split(text[begin.end() :], maxsplit=1)[0]
        inner_quote = QUOTE_START_RE.search(block)
        if inner_quote:
            return tidy(block[: inner_quote.start()]), tidy(block[inner_quote.start() :])
        return tidy(block), ""
    label = MESSAGE_LABEL_RE.search(text)
    if label:
        # The newer HTML layout: "Message:" then the text, then the footer.
        return tidy(FOOTER_RE.split(text[label.end() :], maxsplit=1)[0]), ""
    return tidy(FOOTER_RE.split(text, maxsplit=1)[0]), ""


def _outside_message(text: str) -> str:
    """The text with the buyer's or seller's own words taken out: Amazon's wording only."""
    begin = BEGIN_RE.search(text)
    if not begin:
        return text
    end = END_RE.search(text, begin.end())
    return text[: begin.start()] + (text[end.end() :] if end else "")


def _kind(*, sender: str, subject: str, template: str) -> str:
    local = sender.lower().partition("@")[0]
    if any(phrase.lower() in template.lower() for phrase in SELLER_COPY_PHRASES):
        return MailKind.SELLER_COPY
    if any(phrase.lower() in template.lower() for phrase in OPT_OUT_PHRASES):
        return MailKind.OPT_OUT
    if any(phrase.lower() in template.lower() for phrase in BOUNCE_PHRASES):
        return MailKind.BOUNCE
    if is_relay_address(sender):
        return MailKind.BUYER_MESSAGE
    if not is_amazon_address(sender):
        return MailKind.OTHER
    if local in ATOZ_SENDERS:
        return MailKind.ATOZ_CLAIM
    if local in CHARGEBACK_SENDERS:
        return MailKind.CHARGEBACK
    if ATOZ_SUBJECT_RE.search(subject):
        return MailKind.ATOZ_CLAIM
    if CHARGEBACK_SUBJECT_RE.search(subject):
        return MailKind.CHARGEBACK
    if local == "order-update" and RETURN_SUBJECT_RE.search(subject):
        return MailKind.RETURN_REQUEST
    return MailKind.AMAZON_OTHER


def _buyer_name(display: str, subject: str) -> str:
    named = BUYER_DISPLAY_RE.match(display)
    if named and named.group("name").strip():
        return named.group("name").strip().strip('"')
    in_subject = SUBJECT_BUYER_RE.search(subject)
    return in_subject.group("name").strip() if in_subject else ""


def _relay_address_in(text: str) -> str:
    for domain in RELAY_DOMAINS:
        found = re.search(rf"[A-Za-z0-9+._-]+@{re.escape(domain)}\b", text)
        if found:
            return found.group(0).lower()
    return ""


def strip_reply_prefixes(subject: str) -> str:
    previous = None
    while previous != subject:
        previous, subject = subject, REPLY_PREFIX_RE.sub("", subject)
    return re.sub(r"\s*\[EXTERNAL\]\s*$", "", subject, flags=re.IGNORECASE).strip()


def parse_mail(raw: bytes, *, received_at: datetime | None = None) -> ParsedMail:
    """Read a mail. Raises only on input the email package itself cannot take;
    the ingestion service records that as a problem with the raw bytes kept."""
    msg = email.message_from_bytes(raw, policy=MAIL_POLICY)
    defects = [type(defect).__name__ for defect in msg.defects]
    for part in msg.walk():
        if part is not msg:
            defects += [type(defect).__name__ for defect in part.defects]

    headers = raw_headers(msg)
    first = {name: values[0] for name, values in headers.items()}
    from_header = decoded_header(msg, "From", first.get("from", ""))
    addresses = getaddresses([from_header])
    display, sender = addresses[0] if addresses else ("", "")
    display, sender = clean(display, 200), clean(sender, 254).lower()
    subject = " ".join(decoded_header(msg, "Subject", first.get("subject", "")).split())

    plain, markup, attachments = read_bodies(msg, defects)
    text = tidy(plain) if plain.strip() else html_to_text(markup)
    template = _outside_message(text)
    kind = _kind(sender=sender, subject=subject, template=template)

    parsed = ParsedMail(
        kind=kind,
        message_id=normalise_message_id(first.get("message-id", "")),
        subject=clean(subject, 300),
        from_address=sender,
        from_name=display,
        sent_at=header_date(first.get("date", "")),
        received_at=as_utc(received_at) or first_received_time(headers.get("received", [])),
        html=clean(sanitise_html(markup)) if markup else "",
        attachments=attachments,
        defects=sorted(set(defects)),
    )
    order = ORDER_ID_RE.search(subject) or ORDER_ID_RE.search(text)
    parsed.amazon_order_id = order.group(1) if order else ""
    marketplace = MARKETPLACE_PARAM_RE.search(text) or MARKETPLACE_PARAM_RE.search(markup)
    parsed.marketplace_id = marketplace.group(1) if marketplace else ""
    token = COMM_TOKEN_RE.search(text)
    parsed.comm_token = token.group(1) if token else ""

    if kind in {MailKind.BUYER_MESSAGE, MailKind.SELLER_COPY}:
        parsed.items = [
            Item(int(m.group("quantity") or 1), clean(m.group("title"), 500), m.group("asin"))
            for m in ASIN_LINE_RE.finditer(text)
        ]
        parsed.text, parsed.quoted = _split_message(text)
        parsed.text, parsed.quoted = clean(parsed.text), clean(parsed.quoted)
    if kind == MailKind.BUYER_MESSAGE:
        parsed.relay_address = sender
        parsed.buyer_name = clean(_buyer_name(display, subject), 200)
    else:
        if kind in {MailKind.OPT_OUT, MailKind.BOUNCE, MailKind.SELLER_COPY}:
            _delivery_identifiers(parsed, first, text, attachments)
        if kind != MailKind.SELLER_COPY:
            parsed.text = clean(tidy(text))
    return parsed


def _delivery_identifiers(parsed: ParsedMail, headers: dict[str, str], text: str, attachments: list[Part]) -> None:
    """What ties a bounce, opt-out or seller copy to the message it is about: the
    buyer's relay address and the original Message-ID, from the text, a returned
    message, or the references headers."""
    returned = b" ".join(part.data for part in attachments if part.content_type == "message/rfc822")
    returned_text = returned.decode("utf-8", "replace")
    parsed.relay_address = (
        _relay_address_in(text) or _relay_address_in(returned_text) or _relay_address_in(headers.get("to", ""))
    )
    quoted_id = re.search(r"^Message-ID:\s*(<[^>]+>)", text + "\n" + returned_text, re.IGNORECASE | re.MULTILINE)
    references = " ".join(headers.get(name, "") for name in ("in-reply-to", "references")).split()
    parsed.original_message_id = normalise_message_id(quoted_id.group(1) if quoted_id else (references or [""])[-1])
    if not parsed.amazon_order_id:
        order = ORDER_ID_RE.search(returned_text)
        parsed.amazon_order_id = order.group(1) if order else ""

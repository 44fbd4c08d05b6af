"""Reading Amazon mail: what kind it is, who it is from, and what the buyer wrote.

Pure functions over bytes, on the standard library's email package
(`policy.default`); nothing here touches the database. The formats (see
docs/amazon-formats.md):

- buyer messages come through the relay, From `"<Name> - Amazon Marketplace"
  <localpart[+tag]@marketplace.amazon.<tld>>`; the body names the order and its
  item lines (`[ASIN: …]`, or in the newer layout a `#  ASIN  Product Name`
  table under a "You have received a message." line), puts the buyer's words
  between localised `Begin message` (newer: `Message:`) / `End message`
  markers, and ends with a footer whose links carry `mp=<marketplace id>` and a
  `[commMgrTok:…]` token;
- Amazon adds sentences of its own (the opening line, a cancellation request's
  "The buyer has requested that you cancel this order."): they are never taken
  for the buyer's words, and a body without a known marker is shown whole;
- a buyer's reply from their own mail client is top-posted above Amazon's
  template, which may itself quote a whole earlier thread;
- the sender is read first: a person's relay address is a buyer's message
  (or, by Amazon's opening line, a copy of the seller's own), whatever its
  words say; only Amazon's own addresses send notices: opt-outs and bounces
  told by their wording, A-to-z, chargeback and return notices by their sender
  (A-to-z and chargeback notices from another Amazon sender by their subject,
  in the marketplaces' languages). Whether the sender really is Amazon is
  `messaging.trust`'s question, not this module's.

The `X-AMAZON-MAIL-RELAY-TYPE: notification` header that Amazon puts on its
mail is deliberately ignored: tools that treat it as an auto-reply drop mail.
"""

import email
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import getaddresses

from helpdesk.marketplaces import MARKETPLACES

from ..models import TRUNCATED, MailKind
from .mime import (
    MAIL_POLICY,
    Part,
    as_utc,
    capped,
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

MARKETPLACE_BY_RELAY_DOMAIN = {m.relay_domain: m for m in MARKETPLACES.values()}
RELAY_DOMAINS = frozenset(MARKETPLACE_BY_RELAY_DOMAIN)
AMAZON_DOMAINS = frozenset(m.site for m in MARKETPLACES.values())

# How much of a mail's body is read by default (the setting MAIL_TEXT_MAX_CHARS decides in the app), and of its
# subject.
MAX_TEXT_CHARS = 50_000
SUBJECT_MAX = 300

ORDER_ID_RE = re.compile(r"(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])")
# An item line, "1 of Title [ASIN: B0…]": the ASIN, then the quantity and title before it on its line.
ASIN_RE = re.compile(r"\[ASIN:[ \t]*(?P<asin>[A-Z0-9]{10})\]")
QUANTITY_RE = re.compile(r"(?P<quantity>\d+)[ \t]+(?:of(?:/sur)?|de|von|di|sur|x|×)[ \t]+")
# The newer layout's item table: a "#  ASIN  Product Name" header (the last label localised), then one row an item,
# the quantity first; in HTML the cells end up on one line, a space apart.
ITEM_TABLE_RE = re.compile(r"^[ \t|]*#[ \t|]+ASIN[ \t|]+[^\n]{1,40}\n", re.MULTILINE | re.IGNORECASE)
ITEM_ROW_RE = re.compile(r"(?P<quantity>\d{1,4})[ \t|]+(?P<asin>[A-Z0-9]{10})[ \t|]+(?P<title>[^\n]+)")
SPACE_RE = re.compile(r"\s*")
ITEM_LINE_MAX = 1000
# A buyer's relay address, on any marketplace's relay domain (the longest first: ".co.uk" before ".co"). Starting
# only where a run of address characters starts, so a long run without an "@" is read once.
RELAY_ADDRESS_RE = re.compile(
    r"(?<![A-Za-z0-9+._-])[A-Za-z0-9+._-]+@(?:"
    + "|".join(re.escape(domain) for domain in sorted(RELAY_DOMAINS, key=lambda d: (-len(d), d)))
    + r")\b"
)
# A returned message's own Message-ID header, quoted in a delivery failure's text.
QUOTED_MESSAGE_ID_RE = re.compile(r"^Message-ID:[ \t]*(<[^>\n]+>)", re.IGNORECASE | re.MULTILINE)
MARKETPLACE_PARAM_RE = re.compile(r"[?&;]mp=([A-Z0-9]{8,16})\b")
COMM_TOKEN_RE = re.compile(r"\[commMgrTok:([A-Za-z0-9]+)\]")
# The relay's display name ends " - Amazon Marketplace"; the buyer's name is what stands before it.
BUYER_DISPLAY_RE = re.compile(r"\s-\s+Amazon Marketplace\s*\Z", re.IGNORECASE)
SUBJECT_BUYER_RE = re.compile(
    r"(?:from Amazon customer|du client Amazon|del cliente de Amazon|do cliente da Amazon|von Amazon-Kunde|"
    r"dal cliente Amazon)\s+(?P<name>[^()]+?)\s*(?:\(|$)",
    re.IGNORECASE,
)
REPLY_PREFIX_RE = re.compile(r"^\s*(?:(?:re|aw|fw|fwd|tr|rv|sv|antw)\s*:|\[external\])\s*", re.IGNORECASE)

# Localised Begin/End markers: a run of dashes around the words. The newer layout opens with "Message:" instead.
BEGIN_WORDS = (
    "Begin message",
    "Début du message",
    "Início da mensagem",
    "Inicio del mensaje",
    "Comienzo del mensaje",
    "Nachricht beginnen",
    "Beginn der Nachricht",
    "Anfang der Nachricht",
    "Inizio messaggio",
    "Inizio del messaggio",
    "Begin bericht",
    "Początek wiadomości",
    "Meddelandet börjar",
    "Mesaj başlangıcı",
    "メッセージ開始",
    "メッセージはここから",
)
MESSAGE_LABELS = ("Message", "Nachricht", "Mensaje", "Messaggio", "Mensagem", "Bericht", "Wiadomość", "メッセージ")
END_WORDS = (
    "End message",
    "End of message",
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
    "メッセージはここまで",
)


def _marker(alternatives: str) -> re.Pattern[str]:
    return re.compile(
        rf"^[ \t]*-{{3,}}[ \t]*(?:{alternatives})(?!\w)[^\n]{{0,80}}?-{{3,}}[ \t]*$", re.MULTILINE | re.IGNORECASE
    )


BEGIN_RE = _marker(
    "|".join([*map(re.escape, BEGIN_WORDS), *(rf"{re.escape(label)}[ \t]*[:：]" for label in MESSAGE_LABELS)])
)
END_RE = _marker("|".join(map(re.escape, END_WORDS)))
# Where a mail client starts quoting an earlier message inside a reply.
CLIENT_QUOTE_RE = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:Original message|Message d'origine|Mensaje original|Mensagem original|"
    r"Ursprüngliche Nachricht|Messaggio originale)[ \t]*-{2,}|"
    r"On [^\n]{5,200}\bwrote:|Le [^\n]{5,200}a écrit ?:|El [^\n]{5,200}escribió:|Am [^\n]{5,200}schrieb [^\n]{1,200}:|"
    r"From: [^\n]*Amazon Marketplace[^\n]*|De ?: [^\n]*Amazon Marketplace[^\n]*|>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
# Where Amazon's template starts: the order line ("Order ID 123-…:", "Bestellnummer: …", "注文番号: …", in any
# language: a short label before the order id), an item line or the item table.
TEMPLATE_START_RE = re.compile(
    r"^[ \t]*+(?:[^\W\d][^\n\d]{0,40}?[ \t:：#°]{0,10}\d{3}-\d{7}-\d{7}[ \t:：]*$|[^\n]*\[ASIN:[ \t]*[A-Z0-9]{10}\]|"
    r"[ \t|]*#[ \t|]+ASIN\b)",
    re.MULTILINE | re.IGNORECASE,
)
# Where Amazon's footer starts, for mail that has no End marker.
FOOTER_RE = re.compile(
    r"^[ \t]*(?:For Your Information:|Important ?:|Wichtiger Hinweis:|Atenciosamente,|ご注意|"
    r"If you believe this message is suspicious|Was this email helpful\?|War diese E-Mail hilfreich\?|"
    r"Este e-mail foi útil\?|Resolve case|Report questionable activity|©|\[commMgrTok:)",
    re.MULTILINE | re.IGNORECASE,
)
# Amazon's own sentences, wherever they stand: the subject echoed, the seller-copy preamble, the newer layout's
# opening line, the cancellation request's notice. Never the buyer's words.
AMAZON_LINE_RE = re.compile(
    r"^[ \t]*(?:\((?:Objet|Subject|Asunto|Betreff|Oggetto|Assunto)[ \t]*:[^\n]*\)|"
    r"Here is a copy of the e-mail that you sent to [^\n]*|This is a copy of the message you sent[^\n]*|"
    r"You(?: have|'ve) received a (?:new )?message\.?|Sie haben eine (?:neue )?Nachricht erhalten\.?|"
    r"Vous avez reçu un (?:nouveau )?message\.?|(?:Ha|Has) recibido un (?:nuevo )?mensaje\.?|"
    r"Hai ricevuto un (?:nuovo )?messaggio\.?|Você recebeu uma (?:nova )?mensagem\.?|"
    r"メッセージ(?:を受信しました|が届きました)。?|"
    r"The buyer has requested (?:that you )?(?:to )?cancel (?:this|the) order\.?|"
    r"Der Käufer hat (?:die )?Stornierung (?:dieser|der) Bestellung (?:beantragt|angefordert)\.?|"
    r"L'acheteur a demandé l'annulation de (?:cette|la) commande\.?|"
    r"El comprador ha solicitado (?:la cancelación de este pedido|que canceles este pedido)\.?|"
    r"L'acquirente ha richiesto (?:l'annullamento|la cancellazione) (?:di questo|dell')ordine\.?|"
    r"購入者がこの注文のキャンセルをリクエストしました。?)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# A buyer's request to cancel the order, as Amazon relays it: its subject ("Order cancellation request from
# Amazon customer …" and the translations) or its own sentence above the buyer's reason.
CANCELLATION_REQUEST_RE = re.compile(
    r"\b(?:Order cancell?ation request|Solicitud de cancelaci[oó]n de pedido|Stornierungsanfrage|"
    r"Anfrage zur Stornierung|Demande d'annulation de (?:la )?commande|Richiesta di (?:annullamento|cancellazione)|"
    r"Solicitação de cancelamento)\b|"
    r"The buyer has requested (?:that you )?(?:to )?cancel (?:this|the) order|"
    r"Der Käufer hat (?:die )?Stornierung (?:dieser|der) Bestellung (?:beantragt|angefordert)|"
    r"L'acheteur a demandé l'annulation de (?:cette|la) commande|"
    r"El comprador ha solicitado (?:la cancelación de este pedido|que canceles este pedido)|"
    r"L'acquirente ha richiesto (?:l'annullamento|la cancellazione) (?:di questo|dell')ordine|"
    r"購入者がこの注文のキャンセルをリクエストしました",
    re.IGNORECASE,
)
MESSAGE_LABEL_RE = re.compile(r"^[ \t]*(?:Message|Mensagem|Mensaje|Nachricht|Messaggio)[ \t]*:[ \t]*$", re.MULTILINE)
SEND_TO_RE = re.compile(
    r"^[ \t]*(?:Here is a copy of the e-mail that you sent to|This is a copy of the message you sent to)[ \t]+"
    r"(?P<name>[^\n]{1,200}?)[ \t]*\.?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)

SELLER_COPY_PHRASES = ("Here is a copy of the e-mail that you sent to", "This is a copy of the message you sent")
SELLER_COPY_RE = re.compile(
    r"^[ \t]*(?:" + "|".join(map(re.escape, SELLER_COPY_PHRASES)) + ")", re.MULTILINE | re.IGNORECASE
)
# Amazon's own addresses on the relay domains (its delivery-failure notices come from them); every other
# address there is a person's: a buyer's, or the seller's own.
RELAY_SYSTEM_SENDERS = frozenset({"donotreply", "do-not-reply", "no-reply", "noreply", "mailer-daemon", "postmaster"})
OPT_OUT_PHRASES = ("has chosen to opt out", "has opted out of receiving")
BOUNCE_PHRASES = ("We were unable to deliver the message", "could not deliver your message")
# Return-authorisation requests, as the marketplaces word their subjects ("Return authorization request
# for order # …", UK "authorisation", and the translations).
RETURN_SUBJECT_RE = re.compile(
    r"Return authori[sz]ation request|"
    r"R(?:ü|ue)cksende(?:genehmigung|antrag|anfrage)|"
    r"autorisation de retour|demande de retour|"
    r"autorizaci[óo]n de devoluci[óo]n|solicitud de devoluci[óo]n|"
    r"autorizzazione (?:al|per il|di) reso|richiesta di reso|"
    r"retourautori[sz]atie|retourverzoek|"
    r"autoryzacj[ęe] zwrotu|returauktorisering|autoriza[çc][ãa]o de devolu[çc][ãa]o|返品リクエスト|返品承認",
    re.IGNORECASE,
)
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
    cancellation_request: bool = False  # Amazon relays it as the buyer's request to cancel the order
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
    """(what the buyer wrote now, the earlier thread it quotes) from the body text.

    Amazon's own sentences are dropped first. What no known marker delimits is kept whole: the agent may then
    see some of Amazon's template, never a line of it in place of the buyer's words."""
    text = AMAZON_LINE_RE.sub("", text)
    begin = BEGIN_RE.search(text) or MESSAGE_LABEL_RE.search(text)
    client = CLIENT_QUOTE_RE.search(text)
    if client and (begin is None or client.start() < begin.start()) and text[: client.start()].strip():
        # Top-posted above a thread the mail client quotes (Amazon's template or an earlier mail).
        rest = text[client.start() :]
        ends = list(END_RE.finditer(rest))
        quoted = rest[: ends[-1].start()] if ends else FOOTER_RE.split(rest, maxsplit=1)[0]
        return tidy(text[: client.start()]), tidy(quoted)
    if begin is None:
        return tidy(text), ""
    # Between the markers, the last End marker closing it (a quoted thread inside has its own); the footer
    # closes a message that has none.
    ends = list(END_RE.finditer(text, begin.end()))
    block = text[begin.end() : ends[-1].start()] if ends else FOOTER_RE.split(text[begin.end() :], maxsplit=1)[0]
    now, quoted = _split_block(block)
    # Words above the template that no marker explains (a line Amazon added that is not known here) stay in view.
    start = TEMPLATE_START_RE.search(text, 0, begin.start())
    above = tidy(text[: start.start()]) if start else ""
    return (tidy(f"{above}\n\n{now}") if above else now), quoted


def _split_block(block: str) -> tuple[str, str]:
    """The buyer's new words and the thread quoted below them, inside the message block: a mail client's quote
    header, or an earlier Amazon template (its order line followed by its own Begin marker)."""
    cut = CLIENT_QUOTE_RE.search(block)
    # Where the last Begin marker starts, found once: looking for one after each template line would read the
    # rest of the block again for every line.
    last_begin = max((m.start() for m in BEGIN_RE.finditer(block)), default=-1)
    for start in TEMPLATE_START_RE.finditer(block, 0, cut.start() if cut else len(block)):
        if last_begin >= start.end():
            cut = start
            break
    if cut is None:
        return tidy(block), ""
    return tidy(block[: cut.start()]), tidy(block[cut.start() :])


def _outside_message(text: str) -> str:
    """The text with the buyer's or seller's own words taken out: Amazon's wording only."""
    begin = BEGIN_RE.search(text)
    if not begin:
        return text
    end = END_RE.search(text, begin.end())
    return text[: begin.start()] + (text[end.end() :] if end else "")


def _seller_copy(template: str) -> bool:
    """Amazon's opening line of a copy of the seller's own message: among the first lines, above the order and
    item lines and above any thread a mail client quotes. The same words further down are someone's text."""
    found = SELLER_COPY_RE.search(template)
    if found is None or len([line for line in template[: found.start()].splitlines() if line.strip()]) > 2:
        return False
    later = [m.start() for m in (TEMPLATE_START_RE.search(template), CLIENT_QUOTE_RE.search(template)) if m]
    return all(found.start() < at for at in later)


def _kind(*, sender: str, subject: str, template: str) -> str:
    """Sender first, wording second: a person writing through the relay is a buyer (or, by Amazon's opening
    line, the seller's own copy), whatever their words say; only Amazon's own senders send notices."""
    local = sender.lower().partition("@")[0]
    if is_relay_address(sender) and local not in RELAY_SYSTEM_SENDERS:
        return MailKind.SELLER_COPY if _seller_copy(template) else MailKind.BUYER_MESSAGE
    if not is_amazon_address(sender):
        return MailKind.OTHER
    if any(phrase.lower() in template.lower() for phrase in OPT_OUT_PHRASES):
        return MailKind.OPT_OUT
    if any(phrase.lower() in template.lower() for phrase in BOUNCE_PHRASES):
        return MailKind.BOUNCE
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
    named = BUYER_DISPLAY_RE.search(display)
    if named and display[: named.start()].strip():
        return display[: named.start()].strip().strip('"')
    in_subject = SUBJECT_BUYER_RE.search(subject)
    return in_subject.group("name").strip() if in_subject else ""


def _relay_address_in(text: str) -> str:
    found = RELAY_ADDRESS_RE.search(text)
    return found.group(0).lower() if found else ""


def strip_reply_prefixes(subject: str) -> str:
    previous = None
    while previous != subject:
        previous, subject = subject, REPLY_PREFIX_RE.sub("", subject)
    return re.sub(r"\s*\[EXTERNAL\]\s*$", "", subject, flags=re.IGNORECASE).strip()


def parse_mail(raw: bytes, *, received_at: datetime | None = None, max_chars: int = MAX_TEXT_CHARS) -> ParsedMail:
    """Read a mail. Raises only on input the email package itself cannot take;
    the ingestion service records that as a problem with the raw bytes kept.

    Only the first `max_chars` characters of a body (and of a returned message) are read: the text then ends
    with a note saying how much was left unread, and the raw bytes, stored before, keep the whole mail."""
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
    subject = clean(" ".join(decoded_header(msg, "Subject", first.get("subject", "")).split()), SUBJECT_MAX)

    plain, markup, attachments = read_bodies(msg, defects)
    plain, plain_cut = capped(plain, max_chars)
    markup, markup_cut = capped(markup, max_chars)
    text, cut = (tidy(plain), plain_cut) if plain.strip() else (html_to_text(markup), markup_cut)
    template = _outside_message(text)
    kind = _kind(sender=sender, subject=subject, template=template)

    parsed = ParsedMail(
        kind=kind,
        message_id=normalise_message_id(first.get("message-id", "")),
        subject=subject,
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
    token = COMM_TOKEN_RE.search(text)
    parsed.comm_token = token.group(1) if token else ""

    if kind in {MailKind.BUYER_MESSAGE, MailKind.SELLER_COPY}:
        parsed.items = _items(text)
        parsed.text, parsed.quoted = _split_message(text)
        parsed.text, parsed.quoted = clean(parsed.text), clean(parsed.quoted)
    if kind == MailKind.BUYER_MESSAGE:
        # Amazon's own subject (not a reply in its thread) or Amazon's sentence outside the buyer's words.
        requested = CANCELLATION_REQUEST_RE.search(subject) and not REPLY_PREFIX_RE.match(subject)
        parsed.cancellation_request = bool(requested or CANCELLATION_REQUEST_RE.search(template))
        parsed.relay_address = sender
        parsed.buyer_name = clean(_buyer_name(display, subject), 200)
    else:
        if kind in {MailKind.OPT_OUT, MailKind.BOUNCE, MailKind.SELLER_COPY}:
            _delivery_identifiers(parsed, first, text, attachments, max_chars=max_chars)
        if kind == MailKind.SELLER_COPY:
            sent_to = SEND_TO_RE.search(text)
            parsed.buyer_name = clean(sent_to.group("name"), 200) if sent_to else ""
        else:
            parsed.text = clean(tidy(text))
    if not parsed.original_message_id:
        # The message it answers: a buyer's reply to ours names our reply's Message-ID (messaging.outbound
        # takes that as proof the reply was delivered).
        parsed.original_message_id = _answered_message_id(first)
    parsed.marketplace_id = _marketplace_id(text, markup, sender, parsed.relay_address)
    if cut:
        parsed.text += "\n\n" + TRUNCATED.format(count=f"{cut:,}")
    return parsed


def _items(text: str) -> list[Item]:
    """The item lines ("1 of Title [ASIN: B0…]") and the rows of the newer layout's item tables."""
    found = []
    for m in ASIN_RE.finditer(text):
        # An item line's quantity and title, not a whole page of text before the ASIN on one line.
        line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - ITEM_LINE_MAX)
        before = text[line_start : m.start()].strip()
        quantity = QUANTITY_RE.match(before)
        title = before[quantity.end() :] if quantity else before
        found.append((line_start, quantity.group("quantity") if quantity else "", title.strip(), m.group("asin")))
    for table in ITEM_TABLE_RE.finditer(text):
        at = table.end()
        while row := ITEM_ROW_RE.match(text, SPACE_RE.match(text, at).end()):
            found.append((row.start(), row.group("quantity"), row.group("title").strip(" \t|"), row.group("asin")))
            at = row.end()
    return [Item(int(quantity or 1), clean(title, 500), asin) for _, quantity, title, asin in sorted(found)]


def _marketplace_id(text: str, markup: str, sender: str, relay_address: str) -> str:
    """The marketplace the mail's links name (`mp=`), else the one whose relay domain the sender or the buyer
    writes from: a seller's copy of their own message may carry no such link."""
    if found := MARKETPLACE_PARAM_RE.search(text) or MARKETPLACE_PARAM_RE.search(markup):
        return found.group(1)
    for address in (sender, relay_address):
        if marketplace := MARKETPLACE_BY_RELAY_DOMAIN.get(address.rpartition("@")[2]):
            return marketplace.marketplace_id
    return ""


def _answered_message_id(headers: dict[str, str]) -> str:
    """The Message-ID the mail's In-Reply-To and References headers end with: the message it answers."""
    references = " ".join(headers.get(name, "") for name in ("in-reply-to", "references")).split()
    return normalise_message_id(references[-1]) if references else ""


def _delivery_identifiers(
    parsed: ParsedMail, headers: dict[str, str], text: str, attachments: list[Part], *, max_chars: int
) -> None:
    """What ties a bounce, opt-out or seller copy to the message it is about: the
    buyer's relay address and the original Message-ID, from the text, a returned
    message, or the references headers."""
    returned = b" ".join(part.data for part in attachments if part.content_type == "message/rfc822")
    returned_text, _ = capped(returned.decode("utf-8", "replace"), max_chars)
    parsed.relay_address = (
        _relay_address_in(text) or _relay_address_in(returned_text) or _relay_address_in(headers.get("to", ""))
    )
    quoted_id = QUOTED_MESSAGE_ID_RE.search(text) or QUOTED_MESSAGE_ID_RE.search(returned_text)
    parsed.original_message_id = (
        normalise_message_id(quoted_id.group(1)) if quoted_id else _answered_message_id(headers)
    )
    if not parsed.amazon_order_id:
        order = ORDER_ID_RE.search(returned_text)
        parsed.amazon_order_id = order.group(1) if order else ""

"""Contact details and personal data, in any language: links, e-mail addresses, phone and card numbers,
street addresses. The cue words ("call", "Handy", "portable", "móvil", "cellulare") are English, German,
French, Spanish and Italian."""

import re
from bisect import bisect_left
from collections.abc import Iterator

from ..findings import RULES, Finding
from .context import Context

# --- links and email addresses ------------------------------------------------

_TLDS = (
    "com net org info biz shop store online site website xyz top club app dev io co uk de fr es nl ch pl se dk fi ie "
    "pt gr cz hu ro ru ua cn jp kr au nz ca mx br ar cl eu tv ly gl ws cc ai gg sh link click live life world space "
    "tech page blog news email buzz fun guru today vip deals sale market ltd gmbh asia mobi pro name xxx"
).split()
# TLDs that are also words a sentence starts with ("delay.It", "sorted.Today"): only with www, a scheme or a path.
_WORD_TLDS = set("it in is at be to me us no so do go am as my by on or an one now".split())
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"']+|\bwww\d{0,3}\.[^\s<>\"']+")
_DOMAIN = re.compile(rf"(?<![\w@.-])((?:{_LABEL}\.)+([a-z]{{2,24}}))(?![\w-])((?:[/?#][^\s<>\"']*)?)")
_WWW_SPACED = re.compile(rf"\bwww\s+{_LABEL}\s+(?:{'|'.join(_TLDS)})\b")
_EMAIL = re.compile(rf"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{{0,63}}\s*@\s*(?:{_LABEL}\.)+[a-z]{{2,24}}(?![\w-])")
# " at " is also the German "ät", folded.
_EMAIL_AT_WORD = re.compile(
    rf"(?<![\w.+-])([a-z0-9][a-z0-9._%+-]{{0,63}})\s+at\s+(?:{_LABEL}\.)+(?:{'|'.join(_TLDS)})(?![\w-])"
)
# "tom at acme.com" is an address when it looks like a mailbox ("t.baker", "tom2"), is at a mail provider, or
# follows a word like "email" or "contact"; "listed at acme.com" and "contact us at acme.com" are links.
_MAILBOX_CUE = re.compile(
    r"\b(?:e-?mail|mail|write|contact|reach|address|send"
    r"|mailen|schreiben|schreib|kontakt|kontaktieren|erreichen|adresse|senden|schicken)\b"
)
_MAIL_PROVIDERS = re.compile(
    r"@?(?:gmail|googlemail|yahoo|outlook|hotmail|icloud|aol|gmx|web|proton|protonmail|live|msn|mail|yandex|t-online)\."
)
_NOT_MAILBOXES = set("it us me them him her you this that here there uns mich sie ihnen hier dort".split())
_TRAILING = ".,;:!?)]}'\""


def _host(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split("?")[0].split("#")[0].split(":")[0]
    return host.removeprefix("www.")


def _allowed(host: str, allowed: set[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in allowed)


def _sentence_join(ctx: Context, start: int, end: int) -> bool:
    """ "wait.Store it" is two sentences with the space missing: a lowercase word, a dot, a capitalised word."""
    a, b = ctx.clear.span(start, end)
    before, _, after = ctx.original[a:b].rpartition(".")
    return before.islower() and after[:1].isupper() and after[1:].islower()


def emails(ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    for m in _EMAIL.finditer(text):
        yield ctx.finding(ctx.clear, "email", m.start(), m.end())
    for m in _EMAIL_AT_WORD.finditer(text):
        local, domain = m.group(1), text[m.end(1) :].split(" at ", 1)[1]
        if local in _NOT_MAILBOXES:
            continue
        if (
            re.search(r"[\d._+]", local)
            or _MAIL_PROVIDERS.match(domain)
            or _MAILBOX_CUE.search(text, max(0, m.start() - 25), m.start())
        ):
            yield ctx.finding(ctx.clear, "email", m.start(), m.end())


def links(ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    # The spans reported, which never overlap: sorted, so the one before a new span is the only one it could meet.
    taken_starts: list[int] = []
    taken_ends: list[int] = []

    def report(start: int, end: int, host: str) -> Iterator[Finding]:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        at = bisect_left(taken_starts, end)
        if at > 0 and taken_ends[at - 1] > start:
            return
        taken_starts.insert(at, start)
        taken_ends.insert(at, end)
        if not _allowed(host, ctx.allowed):
            yield ctx.finding(ctx.clear, "link", start, end)

    for m in _URL.finditer(text):
        yield from report(m.start(), m.end(), _host(m.group()))
    for m in _WWW_SPACED.finditer(text):
        yield from report(m.start(), m.end(), "")
    for m in _DOMAIN.finditer(text):
        host, tld, path = m.group(1), m.group(2), m.group(3)
        if tld not in _TLDS:
            continue
        if tld in _WORD_TLDS and not path and host.count(".") < 2:
            continue
        if not re.search(r"[a-z]", host.rsplit(".", 1)[0]):  # only numbers before the tld
            continue
        if not path and host.count(".") == 1 and _sentence_join(ctx, m.start(1), m.end(1)):
            continue
        yield from report(m.start(), m.end(), host.removeprefix("www."))


# --- phone and card numbers ----------------------------------------------------

_PHONES = [
    # international: +44 7700 900123, 0049 30 1234567
    re.compile(r"(?<![\w+])(?<!\d[ .-])(?:\+|00)\s?[1-9]\d{0,3}(?:[\s.-]?\(?\d{1,5}\)?){1,6}(?![\w])(?![ .-]?\d)"),
    # North American: (555) 123-4567, 555.123.4567, 1-800-555-0199
    re.compile(
        r"(?<![\w+-])(?<!\d[ .])(?:1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])(?![.,]\d)(?![ .]\d)"
    ),
    # vanity: 1-800-FIX-TOOL
    re.compile(r"(?<![\w-])(?:1[\s.-])?8(?:00|33|44|55|66|77|88)[\s.-][a-z0-9]{3}[\s.-]?[a-z0-9]{4}(?![\w-])"),
    # national with a trunk zero: 020 7946 0958, 030/1234567, 01 23 45 67 89
    re.compile(r"(?<![\w+./-])0\d{1,4}(?:[\s/-]\(?\d{2,8}\)?){1,4}(?![\w/-])(?![.,]\d)"),
    # spaced out, one digit at a time: 5 5 5 1 2 3 4
    re.compile(r"(?<![\w])\d(?:[ .-]\d){6,14}(?![\w])(?![ .-]\d)"),
]
_PHONE_CUE = re.compile(
    r"\b(?:call|phone|tel|telephone|mobile|cell|text|sms|whatsapp|viber|fax|dial|ring|hotline|number is|reach (?:us"
    r"|me) (?:at|on)"
    r"|telefon\w*|handy\w*|mobil\w*|rufnummer|festnetz\w*|anrufen|rufen sie|nummer (?:ist|lautet)"
    r"|erreichbar unter|erreichen sie (?:uns|mich) (?:unter|auf)|unter der nummer"
    r"|portable|appel\w*|numero (?:de telephone|de portable|est|es|e)|movil|llam\w*|cellulare|chiam\w*"
    r"|numero di telefono|numero de telefono)\b"
    r"([^.!?\n\d]{0,30}?)(\+?\(?\d(?:[\s().-]{0,2}\d){6,14})(?![\w-])"
)
_NOT_PHONE_CONTEXT = re.compile(
    r"\b(?:tracking|track|order|invoice|reference|ref|case|serial|model|part|sku|asin"
    r"|sendung\w*|bestell\w*|rechnung\w*|referenz\w*|auftrag\w*|artikel\w*|serien\w*|retoure\w*|vorgang\w*"
    r"|suivi|commande|colis|facture|seguimiento|pedido|envio|factura|tracciamento|ordine|spedizione|fattura)\b"
)
_NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine"
    r"|null|eins|zwei|zwo|drei|vier|funf|fuenf|sechs|sieben|acht|neun"
    r"|un|deux|trois|quatre|cinq|sept|huit|neuf|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
    r"|due|tre|quattro|cinque|sei|sette|otto|nove)"
)
_PHONE_WORDS = re.compile(rf"\b{_NUMBER_WORD}(?:[\s,.-]+{_NUMBER_WORD}\b){{6,}}")
_CARD = re.compile(r"(?<!\d)(?<!\d[ -])(?:\d[ -]?){12,18}\d(?![ -]?\d)")
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5)|35)")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def cards(ctx: Context) -> Iterator[Finding]:
    for m in _CARD.finditer(ctx.plain.text):
        number = _digits(m.group())
        if 13 <= len(number) <= 19 and _CARD_PREFIX.match(number) and _luhn(number):
            if not ctx.is_protected(ctx.plain.span(m.start(), m.end())):
                yield ctx.finding(ctx.plain, "card", m.start(), m.end())


def phones(ctx: Context) -> Iterator[Finding]:
    text = ctx.plain.text
    spans = []
    for pattern in _PHONES:
        for m in pattern.finditer(text):
            if 7 <= len(_digits(m.group())) <= 15 or not m.group()[-1].isdigit():
                spans.append((m.start(), m.end()))
    for m in _PHONE_CUE.finditer(text):
        if 7 <= len(_digits(m.group(2))) <= 15 and not _NOT_PHONE_CONTEXT.search(m.group(1)):
            spans.append(m.span(2))
    for m in _PHONE_WORDS.finditer(text):
        spans.append(m.span())
    for start, end in spans:
        if not ctx.is_protected(ctx.plain.span(start, end)):
            yield ctx.finding(ctx.plain, "phone", start, end)


# --- street addresses ------------------------------------------------------------

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK"
    "|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
_STRASSE = r"(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Damm|Ufer|Chaussee)"
# Addresses are found in the original text: street names are capitalised.
_ADDRESSES = [
    re.compile(
        r"\b\d{1,5}[A-Za-z]?(?:-\d{1,5})?\s+(?:(?:[NSEW]|North|South|East|West)\.?\s+)?(?:(?:[A-Z][A-Za-z'.-]*"
        r"|\d+(?:st|nd|rd|th))\s+){1,3}"
        r"(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Way|Place|Terrace|Circle|Highway|Parkway|Square|Crescent"
        r"|Close|Gardens|Grove|Mews)\b|(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Sq)\b\.?)"
        r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?\s*#?\w+)?"
    ),
    # Hauptstraße 12, Konrad-Adenauer-Straße 5, Kölner Straße 7
    re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|damm)\s+\d{1,4}[a-z]?\b"),
    re.compile(rf"\b(?:[A-ZÄÖÜ][a-zäöüß]+-)+{_STRASSE}\s+\d{{1,4}}[a-z]?\b"),
    re.compile(
        rf"\b(?!(?:Der|Oder|Aber|Unser|Ihrer|Einer|Jeder|Dieser|Jener|Weiter|Wieder|Immer)\b)[A-ZÄÖÜ][a-zäöüß]+er"
        rf"\s+{_STRASSE}\s+\d{{1,4}}[a-z]?\b"
    ),
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d(?!GB|TB)[ABD-HJLNP-UW-Z]{2}\b"),  # UK postcode, not "M4 8GB"
    re.compile(rf",\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"),  # "Springfield, OR 97403"
    re.compile(r"\b(?:P\.?\s?O\.?\s+Box|Postfach)\s+\d+\b", re.IGNORECASE),
]


def addresses(ctx: Context) -> Iterator[Finding]:
    for pattern in _ADDRESSES:
        for m in pattern.finditer(ctx.original):
            start, end = m.span()
            if ctx.original[start] == ",":
                start = m.start() + len(m.group()) - len(m.group().lstrip(", \t"))
            yield Finding("address", start, end, ctx.original[start:end], RULES["address"][1], True)

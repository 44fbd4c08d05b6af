"""Reading an A-to-z or chargeback notice: what it is and what it says.

Messaging tells the kind (an A-to-z notice, a chargeback notice) and the order;
this reads the rest out of the notice's subject and text, in any of the
marketplaces' languages (`wording`): whether it is a new claim, a request for
more information or a decision, the outcome of a decision, the amount, the
reason and its ground, whether a chargeback is about service or payment fraud,
the shipping address, and a deadline the notice states. Pure functions: no
database.
"""

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from .models import Ground, Liability, NoticeWhat, Outcome
from .wording import fold, phrase_pattern

INFORMATION = phrase_pattern("information")
DECISION = phrase_pattern("decision")
OUTCOMES = (
    (Outcome.WITHDRAWN, phrase_pattern("withdrawn")),
    (Outcome.GRANTED_AMAZON, phrase_pattern("granted_amazon")),
    (Outcome.DENIED, phrase_pattern("denied")),
    (Outcome.GRANTED_SELLER, phrase_pattern("granted_seller")),
)
GROUNDS = (
    (Ground.UNAUTHORISED, phrase_pattern("unauthorised")),
    (Ground.REFUND_NOT_MADE, phrase_pattern("refund_not_made")),
    (Ground.NOT_RECEIVED, phrase_pattern("not_received")),
    (Ground.NOT_AS_DESCRIBED, phrase_pattern("not_as_described")),
)
REFUSED = phrase_pattern("refused")
REASON_LINE = re.compile(
    r"^[ \t]*(?:" + phrase_pattern("reason_labels").pattern + r")[ \t]*:[ \t]*(?P<value>\S.*)$", re.MULTILINE
)
ADDRESS_LINE = re.compile(
    r"^[ \t]*(?:" + phrase_pattern("address_labels").pattern + r")[ \t]*:[ \t]*(?P<value>\S.*)$", re.MULTILINE
)

# An amount with its currency, before or after: $45.99, 45.99 USD, EUR 45,99, 45,99 €, £1,234.50, ¥4,980.
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "zł": "PLN", "kr": "SEK"}
# A number starts where its digits start, and has at most five groups of thousands: read from each digit of a long
# run, or with any number of groups, a run of digits would be read again from each of them.
_NUMBER = r"\d{1,3}(?:[.,\u00a0 ]\d{3}){0,5}(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_CODE = r"USD|EUR|GBP|JPY|CAD|MXN|BRL|INR|SEK|PLN|AUD|SGD|AED|SAR|TRY|EGP"
AMOUNT = re.compile(
    rf"(?:(?P<code1>{_CODE})|(?P<symbol1>[$€£¥₹]))\s?(?P<number1>{_NUMBER})"
    rf"|(?<!\d)(?P<number2>{_NUMBER})\s?(?:(?P<code2>{_CODE})|(?P<symbol2>[€£¥₹]|zł|kr))(?!\w)"
)
DOLLAR_CURRENCY = {"amazon.ca": "CAD", "amazon.com.mx": "MXN", "amazon.com.au": "AUD", "amazon.sg": "SGD"}

# "within 5 days", "innerhalb von 48 Stunden", "sous 5 jours", "en un plazo de 5 días", "entro 5 giorni"
RELATIVE_DEADLINE = re.compile(
    r"(?<!\w)(?:within|innerhalb(?: von)?|binnen|sous|dans un delai de|d'ici|en un plazo de|en|dentro de|entro)\s+"
    r"(?P<count>\d{1,3})\s+(?P<unit>days?|calendar days?|hours?|tagen?|stunden|jours?|heures?|dias?|horas?|"
    r"giorni|ore)\b"
)
# "by January 30, 2025", "by 30 January 2025", "bis zum 30.01.2025", "avant le 30/01/2025", "by 2025-01-30"
DEADLINE_WORDS = (
    r"(?<!\w)(?:by|before|no later than|until|bis zum|bis|spatestens am|avant le|d'ici le|au plus tard le|antes del|"
    r"a mas tardar el|hasta el|entro il|entro e non oltre il|prima del)"
)
MONTHS = {
    **dict.fromkeys(("january", "jan", "januar", "janvier", "enero", "gennaio"), 1),
    **dict.fromkeys(("february", "feb", "februar", "fevrier", "febrero", "febbraio"), 2),
    **dict.fromkeys(("march", "mar", "marz", "mars", "marzo"), 3),
    **dict.fromkeys(("april", "apr", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("may", "mai", "mayo", "maggio"), 5),
    **dict.fromkeys(("june", "jun", "juni", "juin", "junio", "giugno"), 6),
    **dict.fromkeys(("july", "jul", "juli", "juillet", "julio", "luglio"), 7),
    **dict.fromkeys(("august", "aug", "aout", "agosto"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre", "septiembre", "settembre"), 9),
    **dict.fromkeys(("october", "oct", "oktober", "octobre", "octubre", "ottobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre", "noviembre"), 11),
    **dict.fromkeys(("december", "dec", "dezember", "decembre", "diciembre", "dicembre"), 12),
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
ABSOLUTE_DEADLINE = re.compile(
    DEADLINE_WORDS + r"\s+(?:"
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<n1>\d{1,2})[./](?P<n2>\d{1,2})[./](?P<n3>\d{4})"
    rf"|(?P<month_first>{_MONTH})\.?\s+(?P<day_after>\d{{1,2}}),?\s+(?P<year_a>\d{{4}})"
    rf"|(?P<day_first>\d{{1,2}})\.?\s+(?:de\s+)?(?P<month_after>{_MONTH})\.?\s+(?:de\s+)?(?P<year_b>\d{{4}})"
    r")"
)
MONTH_FIRST_SITES = frozenset({"amazon.com"})  # 01/30/2025 on amazon.com; 30/01/2025 everywhere else


@dataclass(frozen=True)
class NoticeFacts:
    what: str  # NoticeWhat
    outcome: str = ""  # Outcome, for a decision
    ground: str = Ground.OTHER
    liability: str = Liability.UNKNOWN  # for a chargeback
    reason: str = ""
    amount: Decimal | None = None
    currency: str = ""
    address: str = ""
    refused: bool = False  # the notice says the buyer refused the parcel
    due_at: datetime | None = None  # a deadline the notice states

    def as_json(self) -> dict:
        facts = asdict(self)
        facts["amount"] = str(self.amount) if self.amount is not None else None
        facts["due_at"] = self.due_at.isoformat() if self.due_at else None
        return {key: value for key, value in facts.items() if value not in (None, "", False)}


def notice_read(
    *, subject: str, text: str, chargeback: bool, sent_at: datetime, site: str, tz: ZoneInfo
) -> NoticeFacts:
    """What an A-to-z (or, with `chargeback`, a chargeback) notice says. `site` (amazon.de) reads
    dates and dollar amounts the marketplace's way; `tz` places a stated day in the account's time."""
    folded_subject, folded_text = fold(subject), fold(text)
    everything = f"{folded_subject}\n{folded_text}"
    reason = _line(REASON_LINE, text)
    ground = _ground(fold(reason)) if reason else Ground.OTHER
    if ground == Ground.OTHER:
        ground = _ground(folded_text)
    if INFORMATION.search(everything):
        what = NoticeWhat.INFORMATION
    elif DECISION.search(folded_subject) or (DECISION.search(folded_text) and _outcome(folded_text)):
        what = NoticeWhat.DECISION
    else:
        what = NoticeWhat.NEW
    amount, currency = _amount(text, site)
    return NoticeFacts(
        what=what,
        outcome=(_outcome(folded_text) or _outcome(folded_subject)) if what == NoticeWhat.DECISION else "",
        ground=ground,
        liability=_liability(ground) if chargeback else Liability.UNKNOWN,
        reason=reason[:300],
        amount=amount,
        currency=currency,
        address=_line(ADDRESS_LINE, text)[:300],
        refused=bool(REFUSED.search(folded_text)),
        due_at=_deadline(folded_text, sent_at=sent_at, site=site, tz=tz) if what == NoticeWhat.INFORMATION else None,
    )


def _line(pattern: re.Pattern[str], text: str) -> str:
    """The value after a label, read on the folded text but returned as the notice wrote it."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        found = pattern.match(fold(line))
        if found:
            value = line.split(":", 1)[1].strip() if ":" in line else ""
            if not value and number + 1 < len(lines):
                value = lines[number + 1].strip()
            return value
    return ""


def _ground(folded: str) -> str:
    for ground, pattern in GROUNDS:
        if pattern.search(folded):
            return ground
    return Ground.OTHER


def _outcome(folded: str) -> str:
    for outcome, pattern in OUTCOMES:
        if pattern.search(folded):
            return outcome
    return ""


def _liability(ground: str) -> str:
    if ground == Ground.UNAUTHORISED:
        return Liability.FRAUD
    if ground in {Ground.NOT_RECEIVED, Ground.NOT_AS_DESCRIBED, Ground.REFUND_NOT_MADE}:
        return Liability.SERVICE
    return Liability.UNKNOWN


def amount_parse(number: str) -> Decimal | None:
    """45.99, 45,99, 1,234.50, 1.234,50, 1 234,50 → a Decimal: the last separator followed by
    one or two digits is the decimal one."""
    number = number.replace("\u00a0", " ").strip()
    decimal_part = re.search(r"[.,](\d{1,2})$", number)
    whole = number[: decimal_part.start()] if decimal_part else number
    digits = re.sub(r"[^\d]", "", whole) + ("." + decimal_part.group(1) if decimal_part else "")
    try:
        return Decimal(digits).quantize(Decimal("0.01")) if digits else None
    except InvalidOperation:
        return None


def _amount(text: str, site: str) -> tuple[Decimal | None, str]:
    found = AMOUNT.search(text)
    if found is None:
        return None, ""
    code = found.group("code1") or found.group("code2")
    symbol = found.group("symbol1") or found.group("symbol2")
    if not code:
        code = DOLLAR_CURRENCY.get(site, "USD") if symbol == "$" else SYMBOLS.get(symbol or "", "")
    return amount_parse(found.group("number1") or found.group("number2")), code


def _deadline(folded: str, *, sent_at: datetime, site: str, tz: ZoneInfo) -> datetime | None:
    """The deadline a request states: a day (the end of it, in the account's time) or a span from the notice."""
    stated = ABSOLUTE_DEADLINE.search(folded)
    if stated:
        day = _day(stated, site)
        if day is not None:
            return datetime.combine(day, time(23, 59, 59), tzinfo=tz)
    relative = RELATIVE_DEADLINE.search(folded)
    if relative:
        count, unit = int(relative.group("count")), relative.group("unit")
        hours = unit.startswith(("hour", "stunde", "heure", "hora", "ore"))
        return sent_at + (timedelta(hours=count) if hours else timedelta(days=count))
    return None


def _day(found: re.Match[str], site: str) -> date | None:
    try:
        if found.group("iso"):
            return date.fromisoformat(found.group("iso"))
        if found.group("n3"):
            first, second, year = int(found.group("n1")), int(found.group("n2")), int(found.group("n3"))
            month, day = (first, second) if site in MONTH_FIRST_SITES else (second, first)
            return date(year, month, day)
        if found.group("month_first"):
            return date(int(found.group("year_a")), MONTHS[found.group("month_first")], int(found.group("day_after")))
        return date(int(found.group("year_b")), MONTHS[found.group("month_after")], int(found.group("day_first")))
    except ValueError:
        return None

"""The wording rules, built once per language from that language's `Wording`, plus the few words every
language shares (marketplaces and messaging apps, payment services, IBANs).

A detector reads the normalised text (`ctx.clear`) and yields findings on the words it matched. Every
language's detectors run on every message, so a German message to an amazon.com buyer is checked as
well as an English one; each language's patterns are written so that they do not fire on the other's
words ("Gift" is German for poison, "also" for "so", "Handy" for a mobile phone; "retard" is French for a
delay, "con" Spanish and Italian for "with", "negro" Spanish for black).
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from functools import partial

from ..findings import RULES, Finding
from .context import NEGATION, Context

Detector = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Wording:
    """One language's wording rules, as patterns over the normalised text (case-folded, accents removed)."""

    review: re.Pattern  # the noun: a review, a rating, feedback, stars
    incentive: re.Pattern  # something of value: a refund, a voucher, a discount, a gift, money
    # In a message about the buyer's feedback: a gift is an incentive even with no review ask (a voucher, "as a
    # thank you"); compensation (a refund, a replacement) is the resolution unless a change to the feedback is asked.
    gift: re.Pattern
    compensation: re.Pattern
    review_ask: re.Pattern  # asking for a review (any review), or for a change to one
    removal_ask: re.Pattern  # asking to change or remove a review
    positive: re.Pattern  # a positive review or a top rating
    ask: re.Pattern  # words that make a sentence a request
    thanks_for: re.Pattern  # a sentence thanking for what was done ("thank you for the 5-star review")
    selective: re.Pattern  # "if you are happy with it"
    divert: re.Pattern  # steering unhappy buyers away from feedback
    off_amazon: re.Pattern
    promotion: re.Pattern
    extra_payment: re.Pattern  # asking the buyer to pay more, or outside Amazon
    extra_charge: re.Pattern  # a charge named ("additional fee"): only when its sentence has a `payer` word
    payer: re.Pattern
    card_request: re.Pattern
    status: re.Pattern  # "your order has shipped"
    framing: re.Pattern  # "good news", "we're pleased to let you know": a status becomes a notification
    confirmation_header: re.Pattern
    profanity: re.Pattern
    insult: re.Pattern
    liar: re.Pattern
    threat: re.Pattern
    discrimination: re.Pattern
    # After a charge, in the same clause, words saying it is not due: German puts the negation after the
    # noun ("Ein Aufpreis fällt nicht an").
    settled: re.Pattern | None = None


def wording_from(namespace: Mapping[str, object], **given: re.Pattern) -> Wording:
    """A language module's wording: each field from the module's pattern named like it in capitals
    (`incentive` from `_INCENTIVE`), unless `given`. A module that lacks a required one fails at import."""
    names = {field.name: f"_{field.name.upper()}" for field in fields(Wording)}
    found = {field: namespace[name] for field, name in names.items() if name in namespace}
    return Wording(**(found | given))


def words(*alternatives: str) -> re.Pattern:
    """Any of `alternatives`, each a whole word or phrase written with its accents ("réduction", "móvil"),
    matching the folded text, where the accents are gone."""
    pattern = "".join(
        ch for ch in unicodedata.normalize("NFD", "|".join(alternatives)) if not unicodedata.combining(ch)
    )
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


def leet(word: str) -> str:
    """A pattern for `word` also written f*ck, sh1t, b!tch, f.u.c.k."""
    classes = {
        "a": "[a@4*]",
        "e": "[e3*]",
        "i": "[i1!|*]",
        "o": "[o0*]",
        "u": "[uv*]",
        "s": "[s$5]",
        "t": "[t7+]",
        "l": "[l1|]",
        "c": "[c*]",
        "k": "[k*]",
        "h": "h",
        "g": "[g9]",
    }
    parts = [re.escape(word[0])] + [classes.get(ch, re.escape(ch)) for ch in word[1:]]
    return r"[._-]?".join(parts)


# --- what every language shares ----------------------------------------------------

_CHANNELS = re.compile(
    r"\b(?:instagram|insta|facebook|fb|twitter|tiktok|tik tok|youtube|pinterest|snapchat|linkedin|whatsapp|whats app"
    r"|telegram|wechat|viber|discord|reddit|skype|imessage|ebay|etsy|shopify|walmart|aliexpress|alibaba|temu"
    r"|google shopping)\b"
    r"|(?<![\w.@])@[a-z][a-z0-9_.]{2,}"
)
_PAYMENT_SERVICES = re.compile(r"\b(?:paypal|venmo|zelle|cash ?app|western union|moneygram|bitcoin|crypto|iban)\b")
_IBAN = re.compile(r"\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?\b")


def _iban_valid(candidate: str) -> bool:
    code = candidate.replace(" ", "").upper()
    number = "".join(str(int(ch, 36)) for ch in code[4:] + code[:4])
    return 15 <= len(code) <= 34 and int(number) % 97 == 1


def _ibans(ctx: Context) -> Iterator[Finding]:
    for m in _IBAN.finditer(ctx.plain.text):
        if _iban_valid(m.group()):
            yield ctx.finding(ctx.plain, "extra_payment", m.start(), m.end(), RULES["extra_payment"][1])


def phrases(pattern: re.Pattern, rule: str, *, negatable: bool = True) -> Detector:
    def detect(ctx: Context) -> Iterator[Finding]:
        for m in pattern.finditer(ctx.clear.text):
            if not (negatable and ctx.negated(m.start())):
                yield ctx.finding(ctx.clear, rule, m.start(), m.end())

    return detect


SHARED: list[Detector] = [
    phrases(_CHANNELS, "off_amazon"),
    phrases(_PAYMENT_SERVICES, "extra_payment"),
    _ibans,
]


# --- the detectors one language's wording gives --------------------------------


def _reviews(w: Wording, ctx: Context) -> Iterator[Finding]:
    """Incentives, feedback changes with compensation, positive and selective review requests."""
    text = ctx.clear.text
    incentives = [m for m in w.incentive.finditer(text) if not ctx.negated(m.start())]
    removals = [m for m in w.removal_ask.finditer(text) if not ctx.negated(m.start())]
    for start, end in ctx.sentences:
        asks = [m for m in w.review_ask.finditer(text, start, end) if not ctx.negated(m.start())]
        offers = [m for m in incentives if start <= m.start() < end]
        if asks and offers:
            first = min(asks[0].start(), offers[0].start())
            last = max(asks[-1].end(), offers[-1].end())
            yield ctx.finding(ctx.clear, "incentive", first, last)
        sentence = text[start:end]
        if not w.thanks_for.search(sentence.strip()):
            for m in w.positive.finditer(text, start, end):
                if w.ask.search(sentence) and not ctx.negated(m.start()):
                    yield ctx.finding(ctx.clear, "positive_review", m.start(), m.end())
        selective = w.selective.search(text, start, end)
        review = w.review.search(text, start, end)
        if selective and review:
            first, last = sorted([selective.span(), review.span()])
            yield ctx.finding(ctx.clear, "positive_review", first[0], last[1])
    for m in w.divert.finditer(text):
        yield ctx.finding(ctx.clear, "positive_review", m.start(), m.end())
    for m in removals:
        if incentives:
            yield ctx.finding(ctx.clear, "feedback_compensation", m.start(), m.end())
        else:
            yield ctx.finding(ctx.clear, "feedback_removal", m.start(), m.end())
    if removals:
        for m in incentives:
            yield ctx.finding(ctx.clear, "feedback_compensation", m.start(), m.end())


def _settled(w: Wording, ctx: Context, m: re.Match) -> bool:
    """Whether the rest of the clause after `m` says the charge is not due."""
    if w.settled is None:
        return False
    text = ctx.clear.text
    end = ctx.sentence_of(m.start())[1]
    comma = text.find(",", m.end(), end)
    return bool(w.settled.search(text, m.end(), comma if comma >= 0 else end))


def _payment(w: Wording, ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    for m in w.extra_payment.finditer(text):
        if not (ctx.negated(m.start()) or _settled(w, ctx, m)):
            yield ctx.finding(ctx.clear, "extra_payment", m.start(), m.end())
    # "additional/extra ... fee" only counts when the buyer is asked to pay it ("we refunded the extra fee" is fine).
    for m in w.extra_charge.finditer(text):
        start, end = ctx.sentence_of(m.start())
        if ctx.negated(m.start()) or _settled(w, ctx, m) or not w.payer.search(text, start, end):
            continue
        yield ctx.finding(ctx.clear, "extra_payment", m.start(), m.end())


def _confirmation(w: Wording, ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    headers = list(w.confirmation_header.finditer(text))
    statuses = [m for m in w.status.finditer(text) if not ctx.negated(m.start())]
    if headers or (statuses and w.framing.search(text)):
        for m in headers or statuses:
            yield ctx.finding(ctx.clear, "confirmation", m.start(), m.end())


# A clause that opens with its negation, a verb or two before the threat: "No emprenderemos acciones legales".
_OPENING_NEGATION = re.compile(
    r"\W*(?:no|non|nunca|jamais)\b(?! (?:es|son|e|sei)(?: usted)? (?:mas|altro) (?:que|che)\b)"
)


def _threats(w: Wording, ctx: Context) -> Iterator[Finding]:
    # "If you don't close the claim we'll sue you" is still a threat: only "we will not sue", "no legal action" negate,
    # and a clause that opens with its negation ("Non procederemo per vie legali"); a negation in the clause before
    # does not reach ("Si no paga, le demandaremos"), nor one before a colon ("No más excusas: le demandaremos").
    text = ctx.clear.text
    for m in w.threat.finditer(text):
        start = ctx.sentence_of(m.start())[0]
        clause = max(start, text.rfind(",", start, m.start()) + 1, text.rfind(":", start, m.start()) + 1)
        opening = m.start() - clause <= 25 and _OPENING_NEGATION.match(text, clause)
        if not (opening or NEGATION.search(text, max(clause, m.start() - 12), m.end())):
            yield ctx.finding(ctx.clear, "threat", m.start(), m.end())


def detectors(w: Wording) -> list[Detector]:
    return [
        partial(_reviews, w),
        phrases(w.card_request, "card", negatable=False),
        phrases(w.off_amazon, "off_amazon"),
        phrases(w.promotion, "promotion"),
        partial(_payment, w),
        partial(_confirmation, w),
        phrases(w.profanity, "profanity", negatable=False),
        phrases(w.insult, "insult"),
        phrases(w.liar, "liar"),
        partial(_threats, w),
        phrases(w.discrimination, "discrimination", negatable=False),
    ]

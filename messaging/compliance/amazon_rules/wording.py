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
    perk: re.Pattern  # value that is not money: a prize draw, loyalty points, early access, a club
    # In a message about the buyer's feedback: a gift is an incentive even with no review ask (a voucher, "as a
    # thank you"); compensation (a refund, a replacement) is the resolution unless a change to the feedback is asked.
    gift: re.Pattern
    compensation: re.Pattern
    made: re.Pattern  # compensation already made ("your refund went through"): the resolution, not an offer
    review_ask: re.Pattern  # asking for a review (any review), or for a change to one
    removal_ask: re.Pattern  # asking to change or remove a review
    deletion: re.Pattern  # of those, the words asking to delete it rather than to update it
    positive: re.Pattern  # a positive review or a top rating
    described: re.Pattern  # a top rating described, not asked for: a test, a lab, a hotel, the energy label
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
    status: re.Pattern  # "your order has shipped": a notification, unless the message answers or resolves something
    notice: re.Pattern  # "this email confirms your order": a notification, unless the message answers the buyer
    answer: re.Pattern  # what shows a message answers the buyer ("you asked", "thanks for your message")
    trouble: re.Pattern  # what shows a message sorts out a problem ("sorry", a delay, a replacement, a refund)
    confirmation_header: re.Pattern
    profanity: re.Pattern
    insult: re.Pattern
    liar: re.Pattern
    threat: re.Pattern
    disparagement: re.Pattern  # other sellers, competitors or Amazon run down
    obliged: re.Pattern  # the buyer said to be bound to review, rate or change feedback (false when Amazon is named)
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


_BREAK = re.compile(r"[.!?;](?=\s)|\n")


def _made(w: Wording, ctx: Context, m: re.Match) -> bool:
    """Whether the compensation `m` names has been made already, by what its sentence says next to it (a price's
    decimal point ends no sentence here)."""
    text = ctx.clear.text
    start, end = max(0, m.start() - 40), min(len(text), m.end() + 40)
    start = max([start, *(b.end() for b in _BREAK.finditer(text, start, m.start()))])
    stop = _BREAK.search(text, m.end(), end)
    return bool(w.made.search(text, start, stop.start() if stop else end))


def _reviews(w: Wording, ctx: Context) -> Iterator[Finding]:
    """Incentives, feedback changes with compensation, positive and selective review requests."""
    text = ctx.clear.text
    incentives = [m for m in w.incentive.finditer(text) if not ctx.negated(m.start())]
    # Compensation already made ("your refund went through") is the resolution, not an offer.
    offered = [m for m in incentives if not _made(w, ctx, m)]
    removals = [m for m in w.removal_ask.finditer(text) if not ctx.negated(m.start())]
    asks = ctx.by_sentence(m for m in w.review_ask.finditer(text) if not ctx.negated(m.start()))
    reviews = ctx.by_sentence(w.review.finditer(text))
    # An incentive: something of value offered in a sentence asking for a review, or a prize draw, points or
    # early access in a sentence naming one, unless it says "no".
    offers = ctx.by_sentence(offered)
    perks = ctx.by_sentence(w.perk.finditer(text)) if asks or reviews else {}
    for i in sorted(asks.keys() | perks.keys()):
        named = asks.get(i) or reviews.get(i, [])
        given = offers.get(i, []) if i in asks else []
        if named and i in perks and not NEGATION.search(text, *ctx.sentences[i]):
            given = given + perks[i]
        if given:
            spans = named + given
            yield ctx.finding(ctx.clear, "incentive", min(m.start() for m in spans), max(m.end() for m in spans))
    # A top rating is asked for unless its sentence thanks for one, or describes one (a lab's, a hotel's) and asks
    # nothing.
    for i, found in ctx.by_sentence(w.positive.finditer(text)).items():
        sentence = text[slice(*ctx.sentences[i])]
        described = w.described.search(sentence) and not w.ask.search(sentence)
        if described or w.thanks_for.search(sentence.strip()):
            continue
        for m in found:
            if not ctx.negated(m.start()):
                yield ctx.finding(ctx.clear, "positive_review", m.start(), m.end())
    for i, found in ctx.by_sentence(w.selective.finditer(text)).items():
        if i in reviews:
            first, last = sorted([found[0].span(), reviews[i][0].span()])
            yield ctx.finding(ctx.clear, "positive_review", first[0], last[1])
    for m in w.divert.finditer(text):
        yield ctx.finding(ctx.clear, "positive_review", m.start(), m.end())
    # Asking to change the feedback next to compensation: offered, or next to an ask to delete it. Once the
    # compensation is made, a neutral ask to update the feedback is only advised against.
    deletions = [m for m in removals if w.deletion.search(m.group())]
    compensated = incentives and (offered or deletions)
    for m in removals:
        yield ctx.finding(ctx.clear, "feedback_compensation" if compensated else "feedback_removal", m.start(), m.end())
    if removals and compensated:
        for m in incentives:
            yield ctx.finding(ctx.clear, "feedback_compensation", m.start(), m.end())


# How far after a charge its clause is read for the words saying it is not due: a clause, not a page (read from
# each of thousands of charges, a whole sentence each time would take seconds).
_CLAUSE_MAX = 200


def _settled(w: Wording, ctx: Context, m: re.Match) -> bool:
    """Whether the rest of the clause after `m` says the charge is not due."""
    if w.settled is None:
        return False
    text = ctx.clear.text
    end = min(ctx.sentence_of(m.start())[1], m.end() + _CLAUSE_MAX)
    comma = text.find(",", m.end(), end)
    return bool(w.settled.search(text, m.end(), comma if comma >= 0 else end))


def _payment(w: Wording, ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    for m in w.extra_payment.finditer(text):
        if not (ctx.negated(m.start()) or _settled(w, ctx, m)):
            yield ctx.finding(ctx.clear, "extra_payment", m.start(), m.end())
    # "additional/extra ... fee" only counts when the buyer is asked to pay it ("we refunded the extra fee" is fine).
    payer_in: dict[tuple[int, int], bool] = {}  # by sentence, read once
    for m in w.extra_charge.finditer(text):
        sentence = ctx.sentence_of(m.start())
        if sentence not in payer_in:
            payer_in[sentence] = bool(w.payer.search(text, *sentence))
        if ctx.negated(m.start()) or _settled(w, ctx, m) or not payer_in[sentence]:
            continue
        yield ctx.finding(ctx.clear, "extra_payment", m.start(), m.end())


def _confirmation(w: Wording, ctx: Context) -> Iterator[Finding]:
    """An order or shipping confirmation: a header; the words of one ("this email confirms your order") in a
    message that does not answer the buyer (it is sent as an answer, or says it is one); news of the order's
    progress in a message that neither answers the buyer nor sorts out a problem."""
    text = ctx.clear.text
    found = list(w.confirmation_header.finditer(text))
    notices = [m for m in w.notice.finditer(text) if not ctx.negated(m.start())]
    statuses = [] if found or notices else [m for m in w.status.finditer(text) if not ctx.negated(m.start())]
    if notices or statuses:
        answers = ctx.answering or w.answer.search(text)
        if notices and not answers:
            found += notices
        elif statuses and not (answers or w.trouble.search(text)):
            found += statuses
    for m in found:
        yield ctx.finding(ctx.clear, "confirmation", m.start(), m.end())


_AMAZON = re.compile(r"\bamazon")


def _false_claims(w: Wording, ctx: Context) -> Iterator[Finding]:
    """The buyer said to be bound to review, rate or change feedback, in a sentence naming Amazon: Amazon binds
    buyers to none of it."""
    text = ctx.clear.text
    if not _AMAZON.search(text):
        return
    for m in w.obliged.finditer(text):
        start, end = ctx.sentence_of(m.start())
        if _AMAZON.search(text, start, end) and not ctx.negated(m.start()):
            yield ctx.finding(ctx.clear, "false_claim", m.start(), m.end())


# A clause that opens with its negation, a verb or two before the threat: "No emprenderemos acciones legales".
_OPENING_NEGATION = re.compile(
    r"\W{0,10}(?:no|non|nunca|jamais)\b(?! (?:es|son|e|sei)(?: usted)? (?:mas|altro) (?:que|che)\b)"
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
        phrases(w.disparagement, "disparagement"),
        partial(_false_claims, w),
        phrases(w.discrimination, "discrimination", negatable=False),
    ]

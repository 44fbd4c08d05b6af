"""Would Amazon remove or strike this feedback? A rule-based first opinion.

Amazon removes seller feedback that contains obscene language or personal
information (an e-mail address, a phone number, a full name), that is entirely
a product review, or that is a pricing complaint; on an order fulfilled by
Amazon it strikes feedback that is entirely about the delivery or the customer
service, which Amazon did. Anything that blames the seller's own service
(a late merchant shipment, a wrong or used item, a listing not as described,
unanswered messages) stays.

The rules read English and German comments: each comment is read with one
language's rules, chosen from its words, the marketplace deciding when the
words do not (`comment_languages`). They give an opinion and the words it rests
on; the agent decides. Accuracy on a labelled set: bench/feedback_eligibility.py.
"""

import re
from dataclasses import dataclass

import phonenumbers

from ..models import RemovalReason
from . import de, en
from .rules import Rules

# --- personal information, in any language -----------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "john at gmail dot com", "klaus punkt weber at gmx punkt de": the way buyers write an address past a filter.
_DOT = r"(?:dot|punkt|\(dot\)|\[dot\]|\(punkt\)|\[punkt\])"
_SPELLED_EMAIL = re.compile(
    rf"\b(?:[\w+-]+\s+{_DOT}\s+)*[\w.+-]+\s+(?:at|ät|\(at\)|\[at\])\s+[\w-]+\s+{_DOT}"
    r"\s+(?:com|net|org|de|at|ch|eu|info|co|uk|fr|jp|ca|edu)\b",
    re.IGNORECASE,
)
# An order id looks like a phone number to a lenient matcher: drop them first.
_ORDER_ID = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")


@dataclass(frozen=True)
class Eligibility:
    """An opinion on one comment: the ground Amazon would likely act on, or None."""

    reason: RemovalReason | None
    explanation: str
    evidence: str = ""

    @property
    def likely(self) -> bool:
        return self.reason is not None

    @property
    def action(self) -> str:
        """What Amazon would do: FBA fulfilment feedback is struck through, the rest removed."""
        if self.reason is None:
            return ""
        return "struck through" if self.reason == RemovalReason.FBA_FULFILLMENT else "removed"


_RULES = {"en": en.RULES, "de": de.RULES}

# Words common in feedback that only one of the two languages has ("in", "an", "was",
# "so", "will", "hat", "die" are both, and count for neither).
_GERMAN_WORDS = frozenset(
    "und der das den dem des ist sind nicht nichts ein eine einen einem einer kein keine keinen mit für auf zu "
    "von vom zum zur im ich mir mich mein meine meinen sie er es wir nach aber noch schon sehr nie leider bitte "
    "wurde wurden war waren habe haben wie auch oder wenn dass weil bei ohne durch dann doch mal nur viel wieder "
    "immer einfach gar ganz hier".split()
)
_ENGLISH_WORDS = frozenset(
    "the and is are was were it its it's this that not of to for with my me i but very never at on from after "
    "they you have has had be been did does didn't don't doesn't won't wasn't isn't would could what just too "
    "only all again or if out up off got get came than then who which there their when because".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MARKETPLACE_LANGUAGE = {"DE": "de"}  # the rest: English


def comment_languages(comments: str, *, region: str) -> tuple[str, ...]:
    """The languages to read the comment in, in turn: the one whose own words (and, for German, umlauts
    and ß) it has more of; when the count is even ("Slow shipping.", "Kaputt"), the marketplace's
    language first and then the other."""
    words = [w.replace("’", "'") for w in _WORD.findall(comments.lower())]
    german = sum(w in _GERMAN_WORDS or any(c in "äöüß" for c in w) for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    if german != english:
        return ("de",) if german > english else ("en",)
    return ("de", "en") if _MARKETPLACE_LANGUAGE.get(region) == "de" else ("en", "de")


def _personal_information(comments: str, *, buyer_name: str, region: str, rules: Rules) -> str:
    """The words that give a person away, or ""."""
    if match := _EMAIL.search(comments) or _SPELLED_EMAIL.search(comments):
        return match.group(0)
    text = _ORDER_ID.sub(" ", comments)
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        return match.raw_string
    name = " ".join(buyer_name.split())
    if len(name.split()) >= 2 and name.lower() in " ".join(comments.split()).lower():
        return name
    if match := rules.name_after_cue.search(comments):
        return match.group(1)
    return ""


_WORD_END = re.compile(r"\w*")


def _first(pattern: re.Pattern[str], text: str) -> str:
    """The first words `pattern` finds, to the end of the last word: a stem ("answer") reads as the word."""
    match = pattern.search(text)
    if match is None:
        return ""
    return text[match.start() : _WORD_END.match(text, match.end()).end()]


def assess(*, comments: str, fulfillment_channel: str = "", buyer_name: str = "", region: str = "US") -> Eligibility:
    """Whether Amazon would likely remove or strike a negative or neutral comment, and why.

    `fulfillment_channel` is the order's ("AFN" for FBA; "" when the order is
    unknown), `buyer_name` the order's buyer, `region` the marketplace code
    phone numbers are read for, whose language goes first for a comment whose words do not tell.
    """
    text = " ".join(comments.split())
    if not text:
        return Eligibility(None, "There is no comment: a bare rating gives Amazon nothing to remove it for.")
    for language in comment_languages(text, region=region):
        if opinion := _read(
            text, rules=_RULES[language], fulfillment_channel=fulfillment_channel, buyer_name=buyer_name, region=region
        ):
            return opinion
    return Eligibility(
        None,
        "No ground for removal found: nothing in it is obscene, personal, about the price, "
        "entirely about the product, or about Amazon's fulfilment.",
    )


def _read(text: str, *, rules: Rules, fulfillment_channel: str, buyer_name: str, region: str) -> Eligibility | None:
    """The opinion one language's rules give, or None when they find nothing to go on."""
    if found := _personal_information(text, buyer_name=buyer_name, region=region, rules=rules):
        return Eligibility(
            RemovalReason.PERSONAL_INFO,
            "It contains personal information (an e-mail address, a phone number or a full name): "
            "Amazon removes such feedback.",
            found,
        )
    if found := _first(rules.obscenity, text):
        return Eligibility(
            RemovalReason.OBSCENITY, "It contains obscene or profane language: Amazon removes it.", found
        )

    fault = _first(rules.seller_fault, text) or _first(rules.seller_contact, text)
    if fault:
        return Eligibility(
            None,
            "It blames the seller's own service (the item sent, the listing, or the seller's answers): "
            "Amazon keeps such feedback. Resolve it with the buyer instead.",
            fault,
        )
    fulfilment = _first(rules.delivery, text) or _first(rules.amazon_service, text)
    if fulfilment and fulfillment_channel == "AFN":
        return Eligibility(
            RemovalReason.FBA_FULFILLMENT,
            "The order was fulfilled by Amazon and the complaint is about the delivery or the customer service, "
            "which Amazon handled: Amazon strikes it through.",
            fulfilment,
        )
    if fulfilment:
        channel = "merchant-fulfilled" if fulfillment_channel == "MFN" else "not known to be fulfilled by Amazon"
        return Eligibility(
            None,
            f"It is about the shipping, the delivery or the returns, and the order is {channel}: "
            "that is the seller's service, and Amazon keeps it.",
            fulfilment,
        )
    if found := _first(rules.price, text):
        return Eligibility(
            RemovalReason.PRICING, "It is a complaint about the price: Amazon removes pricing feedback.", found
        )
    if found := _first(rules.product, text):
        return Eligibility(
            RemovalReason.PRODUCT_REVIEW,
            "It is entirely about the product, not the seller's service: it belongs in a product review, "
            "and Amazon removes it.",
            found,
        )
    return None

"""Would Amazon remove or strike this feedback? A rule-based first opinion.

Amazon removes seller feedback that contains obscene language or personal
information (an e-mail address, a phone number, a full name), that is entirely
a product review, or that is a pricing complaint; on an order fulfilled by
Amazon it strikes feedback that is entirely about the delivery or the customer
service, which Amazon did. Anything that blames the seller's own service
(a late merchant shipment, a wrong or used item, a listing not as described,
unanswered messages) stays.

The rules read English comments. They give an opinion and the words it rests
on; the agent decides. Accuracy on a labelled set: bench/feedback_eligibility.py.
"""

import re
from dataclasses import dataclass

import phonenumbers

from .models import RemovalReason

# --- personal information --------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "john at gmail dot com": the way buyers write an address past a filter.
_SPELLED_EMAIL = re.compile(
    r"\b[\w.+-]+\s+(?:at|\(at\)|\[at\])\s+[\w-]+\s+(?:dot|\(dot\)|\[dot\])\s+(?:com|net|org|de|co|uk|fr|jp|ca|edu)\b",
    re.IGNORECASE,
)
_NAME = r"([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)"
# A full name right after words that introduce a person.
_NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:my name is|name is|named|spoke (?:to|with)|talked (?:to|with)|addressed to|signed"
    r"|owner|manager|rep|representative|agent|mr|mrs|ms|miss|dr)\b\.?,?:?\s+)" + _NAME
)
# An order id looks like a phone number to a lenient matcher: drop them first.
_ORDER_ID = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")

# --- obscenity -------------------------------------------------------------

# Stems of words Amazon treats as obscene. Milder words ("damn", "crap",
# "stupid", "sucks") are rude but not grounds for removal.
_OBSCENE = [
    r"f[\W_]*[u*@#!]+[\W_]*[c*]+[\W_]*k+\w*",  # f*ck, f**k, f u c k, fucking
    r"f[*#@]+[kg]\w*",
    r"fck\w*",
    r"fuk\w*",
    r"wtf",
    r"stfu",
    r"sh[i!1*]+t\w*",
    r"bullsh[i!1*]t\w*",
    r"ass\s*holes?",
    r"a[s$]{2}hole\w*",
    r"a\*+hole\w*",
    r"b[i!1*]tch\w*",
    r"bastards?",
    r"dick(?:head)?s?",
    r"piss\w*",
    r"c[u*]nts?",
    r"mother\s*f\w+",
    r"whores?",
    r"slut\w*",
    r"dumbass\w*",
    r"jackass\w*",
]
_OBSCENITY = re.compile(r"(?<![a-z])(?:" + "|".join(_OBSCENE) + r")(?![a-z])", re.IGNORECASE)

# --- what the comment is about --------------------------------------------


def _any(*patterns: str) -> re.Pattern[str]:
    """Any of `patterns`, each starting at a word boundary (or at a currency sign)."""
    return re.compile(r"(?:\b|(?=[$€£]))(?:" + "|".join(patterns) + r")", re.IGNORECASE)


# The seller's own doing, whoever fulfilled the order: the listing, the stock, the seller's conduct.
_SELLER_FAULT = _any(
    r"wrong (?:item|size|colou?r|model|product|one|thing|version|book|part)s?\b",
    r"not (?:as|what) (?:described|pictured|advertised|shown|listed|i ordered)",
    r"not the (?:same|one) (?:as )?(?:pictured|shown|advertised)",
    r"(?:completely |totally )?different (?:model|item|product|colou?r|brand)",
    r"counterfeit",
    r"fake\b",
    r"knock[- ]?off",
    r"not (?:the )?genuine",
    r"not authentic",
    r"(?:was|been|is|clearly|obviously|already|previously) used\b",
    r"used (?:item|product|one|unit)",
    r"opened and",
    r"had been opened",
    r"refurbished",
    r"expired",
    r"best before",
    r"past (?:its|the) date",
    r"missing\b",
    r"only (?:received|got) (?:\d|one|two|three|half)",
    r"not included",
    r"invoice",
    r"cancell?ed my order",
    r"promised",
    r"asking for (?:\d|five|a) ?(?:stars?|reviews?)",
    r"listing",
    r"description (?:is|was|says)",
)
# The seller not answering or being rude: the seller's service even on an FBA order.
_SELLER_CONTACT = _any(
    r"(?:seller|merchant|vendor|company|they|he|she)\b[^.!?]{0,40}"
    r"\b(?:respond|repl|answer|get back|ignor|rude|messag|email|contact|hung up)",
    r"(?:no|never|without|didn.?t get an?|zero) (?:response|reply|answer|communication)",
    r"ignored my",
    r"poor communication",
    r"never (?:responded|replied|answered|got back)",
    r"won.?t (?:respond|reply|answer)",
    r"unresponsive",
    r"rude",
)
_DELIVERY = _any(
    r"ship(?:ping|ped|ment|s)?\b",
    r"deliver\w*",
    r"arriv\w*",
    r"late\b",
    r"never (?:received|came|got|showed)",
    r"not received",
    r"didn.?t (?:receive|arrive|come|get)",
    r"package\w*",
    r"pack(?:ed|ing)\b",
    r"parcel",
    r"crushed",
    r"damaged",
    r"envelope",
    r"padding",
    r"tracking",
    r"transit",
    r"lost\b",
    r"driver",
    r"courier",
    r"carrier",
    r"ups\b",
    r"usps",
    r"fedex",
    r"dhl",
    r"porch",
    r"doorstep",
    r"at my door",
    r"mailbox",
    r"prime\b",
    r"in the rain",
    r"wrong address",
    r"neighbou?r",
    r"showed up",
    r"came in a",
    r"box (?:was|came) \w+",
)
# On an FBA order Amazon runs returns, refunds and the customer service.
_AMAZON_SERVICE = _any(
    r"customer service",
    r"customer support",
    r"support\b",
    r"refund\w*",
    r"return(?:ed|ing|s)?\b",
    r"money back",
)
_PRICE = _any(
    r"price\w*",
    r"overpriced",
    r"pricing",
    r"expensive",
    r"costs?\b",
    r"costly",
    r"cheaper",
    r"gouging",
    r"worth the money",
    r"not worth",
    r"rip[- ]?off",
    r"[$€£]\s?\d",
    r"\d+ (?:dollars|euros|pounds)",
    r"twice as much",
    r"half the price",
)
_PRODUCT = _any(
    r"quality",
    r"broke\b",
    r"broken",
    r"snapped",
    r"cracked",
    r"stopped working",
    r"doesn.?t work",
    r"does not work",
    r"didn.?t work",
    r"won.?t (?:turn|work|charge|start)",
    r"wont (?:turn|work|charge|start)",
    r"defective",
    r"faulty",
    r"fits?\b",
    r"fitting",
    r"runs (?:small|large|big)",
    r"too (?:small|big|large|tight|loose|short|long|heavy|thin)",
    r"small\b",
    r"tight\b",
    r"loose\b",
    r"colou?r",
    r"fabric",
    r"material",
    r"flimsy",
    r"cheaply",
    r"cheap\b",
    r"durable",
    r"battery",
    r"charge\b",
    r"charger",
    r"leak\w*",
    r"smell\w*",
    r"taste\w*",
    r"flavou?r",
    r"sound",
    r"bass\b",
    r"volume",
    r"screen",
    r"instructions",
    r"assembl\w*",
    r"comfortable",
    r"uncomfortable",
    r"heavy",
    r"zipper",
    r"straps?\b",
    r"handle",
    r"\blid\b",
    r"wheels?\b",
    r"squeak\w*",
    r"paint",
    r"chipped",
    r"bubbles?",
    r"works\b",
    r"working\b",
    r"product",
    r"design",
    r"buttons?\b",
    r"noisy",
    r"loud",
    r"weak",
    r"clasp",
    r"band\b",
    r"skin",
    r"itch\w*",
    r"scratchy",
    r"rust\w*",
    r"hold a charge",
    r"lasts?\b",
    r"sealing",
    r"useless",
)


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


def _personal_information(comments: str, *, buyer_name: str, region: str) -> str:
    """The words that give a person away, or ""."""
    if match := _EMAIL.search(comments) or _SPELLED_EMAIL.search(comments):
        return match.group(0)
    text = _ORDER_ID.sub(" ", comments)
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        return match.raw_string
    name = " ".join(buyer_name.split())
    if len(name.split()) >= 2 and name.lower() in " ".join(comments.split()).lower():
        return name
    if match := _NAME_AFTER_CUE.search(comments):
        return match.group(1)
    return ""


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(0) if match else ""


def assess(*, comments: str, fulfillment_channel: str = "", buyer_name: str = "", region: str = "US") -> Eligibility:
    """Whether Amazon would likely remove or strike a negative or neutral comment, and why.

    `fulfillment_channel` is the order's ("AFN" for FBA; "" when the order is
    unknown), `buyer_name` the order's buyer, `region` the marketplace code
    phone numbers are read for.
    """
    text = " ".join(comments.split())
    if not text:
        return Eligibility(None, "There is no comment: a bare rating gives Amazon nothing to remove it for.")
    if found := _personal_information(text, buyer_name=buyer_name, region=region):
        return Eligibility(
            RemovalReason.PERSONAL_INFO,
            "It contains personal information (an e-mail address, a phone number or a full name): "
            "Amazon removes such feedback.",
            found,
        )
    if found := _first(_OBSCENITY, text):
        return Eligibility(
            RemovalReason.OBSCENITY, "It contains obscene or profane language: Amazon removes it.", found
        )

    fault = _first(_SELLER_FAULT, text) or _first(_SELLER_CONTACT, text)
    if fault:
        return Eligibility(
            None,
            "It blames the seller's own service (the item sent, the listing, or the seller's answers): "
            "Amazon keeps such feedback. Resolve it with the buyer instead.",
            fault,
        )
    fulfilment = _first(_DELIVERY, text) or _first(_AMAZON_SERVICE, text)
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
    if found := _first(_PRICE, text):
        return Eligibility(
            RemovalReason.PRICING, "It is a complaint about the price: Amazon removes pricing feedback.", found
        )
    if found := _first(_PRODUCT, text):
        return Eligibility(
            RemovalReason.PRODUCT_REVIEW,
            "It is entirely about the product, not the seller's service: it belongs in a product review, "
            "and Amazon removes it.",
            found,
        )
    return Eligibility(
        None,
        "No ground for removal found: nothing in it is obscene, personal, about the price, "
        "entirely about the product, or about Amazon's fulfilment.",
    )

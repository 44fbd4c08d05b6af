"""Would Amazon remove or strike this feedback? A rule-based first opinion.

Amazon removes seller feedback that contains obscene or profane language (mild
swearing too: "damn", "crap", "verdammt") or personal information (an e-mail
address, a phone number, a full name), that is entirely a product review, or
that is a pricing complaint (not a price word in another sense: "avoid at all
costs"); on an order fulfilled by Amazon it strikes feedback that is entirely
about the delivery or the customer service, which Amazon did, also when it
tells only what came ("empty box", "arrived opened", "never came"). Anything
that blames the seller's own service (a late merchant shipment, a wrong or used
item, a listing not as described, unanswered messages, a seller refusing a
return or the warranty) stays, whatever it also says about the product.

The rules read English, German, French, Spanish and Italian comments: each
comment is read with one language's rules, chosen from its words, the
marketplace deciding when the words do not (`comment_languages`). They give an
opinion and the words it rests on; the agent decides. Accuracy on a labelled
set: bench/feedback_eligibility.py.
"""

import re
from dataclasses import dataclass

import phonenumbers

from messaging.vocabulary import de as german
from messaging.vocabulary import en as english

from ..models import RemovalReason
from . import de, en, es, fr, it
from .rules import Rules

# --- personal information, in any language -----------------------------------


def _bracketed(*words: str) -> str:
    """Any of `words`, each also written in brackets: "dot", "(dot)", "[dot]"."""
    return "|".join([*words, *(rf"\({word}\)|\[{word}\]" for word in words)])


# Starting only where a run of address characters starts, so a long run is read once.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "john at gmail dot com", "klaus punkt weber at gmx punkt de": the way buyers write an address past a filter,
# in English and German (the French, Spanish and Italian spellings are not read here yet). At most four dotted
# parts before the name: unbounded, "dot dot dot …" would be read again from each word.
_DOT = _bracketed(english.DOT, german.DOT)
_AT = _bracketed(english.AT, german.AT)
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])(?:[\w+-]+\s+(?:{_DOT})\s+){{0,4}}[\w.+-]+\s+(?:{_AT})\s+[\w-]+\s+(?:{_DOT})"
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


_LANGUAGES = ("en", "de", "fr", "es", "it")
_RULES = {"en": en.RULES, "de": de.RULES, "fr": fr.RULES, "es": es.RULES, "it": it.RULES}

# Words common in feedback, by language. A word listed for two of them counts for neither ("es" is German
# and Spanish, "des" German and French, "la", "un" French, Spanish and Italian, "con", "del", "una" Spanish
# and Italian, "non", "ma", "il", "le", "qui" French and Italian, "que" French and Spanish).
_FUNCTION_WORDS = {
    "de": frozenset(
        "und der das den dem des ist sind nicht nichts ein eine einen einem einer kein keine keinen mit für auf zu "
        "von vom zum zur im ich mir mich mein meine meinen sie er es wir nach aber noch schon sehr nie leider bitte "
        "wurde wurden war waren habe haben wie auch oder wenn dass weil bei ohne durch dann doch mal nur viel wieder "
        "immer einfach gar ganz hier".split()
    ),
    "en": frozenset(
        "the and is are was were it its it's this that not of to for with my me i but very never at on from after "
        "they you have has had be been did does didn't don't doesn't won't wasn't isn't would could what just too "
        "only all again or if out up off got get came than then who which there their when because".split()
    ),
    "fr": frozenset(
        "et est sont pas ne je j'ai il elle nous vous ils elles ce cette ces c'est la le les de des au aux un une "
        "en mon ma mes son votre vos très mais avec pour sur dans ou où qui que qu'il n'est n'a m'a si ni jamais "
        "rien toujours encore déjà été était avait fait tout trop aucun aucune sans même chez après avant donc".split()
    ),
    "es": frozenset(
        "el la los las lo le de del al un una uno unos unas en y es son si ni está estaba estaban fue era pero "
        "muy nada nunca mi mis su sus que por para con sin como también ya hay ha se este esta esto eso más "
        "después porque cuando donde yo tengo tiene llegó todavía aún".split()
    ),
    "it": frozenset(
        "il lo gli la le un una uno di del della dei delle nel nella sul sulla al alla per con non è e ma che ne "
        "si qui ho hai ha abbiamo sono era stato stata molto mai più anche ancora già niente nessun nessuna "
        "nessuno questo questa quello quella mio mia miei suo sua dopo senza perché se però poi tutto troppo".split()
    ),
}
_OWN_WORDS = {
    language: words.difference(*(other for name, other in _FUNCTION_WORDS.items() if name != language))
    for language, words in _FUNCTION_WORDS.items()
}
# Letters only one of them writes ("é", "è", "à", "ù" are shared and count for none), and elisions only
# French or only Italian writes ("l'" and "d'" are both).
_OWN_LETTERS = {"de": "äöüß", "fr": "çâêîôûëïœ", "es": "ñáíóú", "it": "ìò"}
_OWN_ELISIONS = {"fr": ("j'", "qu'", "n'", "m'"), "it": ("dell'", "nell'", "all'", "dall'", "sull'", "un'")}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MARKETPLACE_LANGUAGE = {"DE": "de", "FR": "fr", "ES": "es", "IT": "it"}  # the rest: English


def _marks(word: str, language: str) -> bool:
    """Whether `word` is a sign of `language`: one of its own words, letters or elisions."""
    return (
        word in _OWN_WORDS[language]
        or any(c in _OWN_LETTERS.get(language, "") for c in word)
        or word.startswith(_OWN_ELISIONS.get(language, ()))
    )


def comment_languages(comments: str, *, region: str) -> tuple[str, ...]:
    """The languages to read the comment in, in turn: the one with the most signs in it (its own words,
    letters and elisions); when several have as many ("Slow shipping.", "Kaputt"), those, the
    marketplace's language first and then English, German, French, Spanish, Italian."""
    words = [w.replace("’", "'") for w in _WORD.findall(comments.lower())]
    signs = {language: sum(_marks(w, language) for w in words) for language in _LANGUAGES}
    first = _MARKETPLACE_LANGUAGE.get(region, "en")
    ranked = sorted(_LANGUAGES, key=lambda language: (-signs[language], language != first))
    return tuple(language for language in ranked if signs[language] == signs[ranked[0]])


# Number-like candidates the phone matcher tries in one comment: each costs a parse, and a real comment has a few.
_PHONE_TRIES = 100


def _contact_details(comments: str, *, buyer_name: str, region: str) -> str:
    """An e-mail address, a phone number or the buyer's full name in the comment, or "": the same in every
    language, so read once."""
    if match := _EMAIL.search(comments) or _SPELLED_EMAIL.search(comments):
        return match.group(0)
    text = _ORDER_ID.sub(" ", comments)
    for match in phonenumbers.PhoneNumberMatcher(
        text, region, leniency=phonenumbers.Leniency.VALID, max_tries=_PHONE_TRIES
    ):
        return match.raw_string
    name = " ".join(buyer_name.split())
    if len(name.split()) >= 2 and name.lower() in " ".join(comments.split()).lower():
        return name
    return ""


def _personal_information(comments: str, *, contact: str, rules: Rules) -> str:
    """The words that give a person away, or ""."""
    if contact:
        return contact
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


# How much of a comment the rules read by default (the setting ELIGIBILITY_MAX_CHARS decides in the app). Amazon's
# feedback comments are far shorter; an opinion on the first part of a longer one is still an opinion.
MAX_CHARS = 5_000


def assess(
    *,
    comments: str,
    fulfillment_channel: str = "",
    buyer_name: str = "",
    region: str = "US",
    max_chars: int = MAX_CHARS,
) -> Eligibility:
    """Whether Amazon would likely remove or strike a negative or neutral comment, and why.

    `fulfillment_channel` is the order's ("AFN" for FBA; "" when the order is
    unknown), `buyer_name` the order's buyer, `region` the marketplace code
    phone numbers are read for, whose language goes first for a comment whose words do not tell. Only the first
    `max_chars` characters are read.
    """
    text = " ".join(comments.split())[:max_chars]
    if not text:
        return Eligibility(None, "There is no comment: a bare rating gives Amazon nothing to remove it for.")
    contact = _contact_details(text, buyer_name=buyer_name, region=region)
    for language in comment_languages(text, region=region):
        if opinion := _read(text, rules=_RULES[language], fulfillment_channel=fulfillment_channel, contact=contact):
            return opinion
    return Eligibility(
        None,
        "No ground for removal found: nothing in it is obscene, personal, about the price, "
        "entirely about the product, or about Amazon's fulfilment.",
    )


def _read(text: str, *, rules: Rules, fulfillment_channel: str, contact: str) -> Eligibility | None:
    """The opinion one language's rules give, or None when they find nothing to go on. `contact`: the contact
    details found in it, whatever the language."""
    if found := _personal_information(text, contact=contact, rules=rules):
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
    if found := _first(rules.price, rules.price_idiom.sub(" ", text)):
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

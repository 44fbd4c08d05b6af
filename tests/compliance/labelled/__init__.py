"""The labelled set the compliance checker is measured on (tests and bench/compliance.py).

Each message is what an agent might really type, labelled BLOCK (Amazon forbids
it: the checker must refuse it) or PASS (legitimate: the checker must let it
through, advisories allowed), with a note saying why, and its language. PASS
deliberately holds the look-alikes: order ids, tracking numbers, ASINs, SKUs,
prices, dates, refunds offered without any mention of feedback, neutral review
requests, negated fees.

One module per language (`en`, `de`, `fr`, `es`, `it`); `de_holdout` holds German
messages written before the German rules and never tuned to, `romance_holdout` the
French, Spanish and Italian ones written before those languages' rules. Add a message to its language's module
whenever the checker gets one wrong in real use; if it cannot be fixed yet, list
its text in KNOWN_MISSES with the reason.

`categories` and `categories_holdout` measure the guard's former blind spots one category at a time
(`item.CATEGORIES`: a particular rating asked for, incentives that are not money, confirmations,
threats, disparagement and false claims, and what must still pass), in all five languages, each
message with its category.
"""

from . import categories, categories_holdout, de, de_holdout, en, es, fr, it, romance_holdout
from .item import (
    BLOCK,
    CATEGORIES,
    CATEGORY_RULES,
    DE,
    DEV,
    EN,
    ES,
    FR,
    HOLDOUT,
    IT,
    MUST_PASS,
    PASS,
    Labelled,
)

__all__ = [
    "BLOCK",
    "CATEGORIES",
    "CATEGORY_RULES",
    "DE",
    "DEV",
    "EN",
    "ES",
    "FR",
    "HOLDOUT",
    "IT",
    "KNOWN_MISSES",
    "LABELLED",
    "MUST_PASS",
    "PASS",
    "Labelled",
]

LABELLED: list[Labelled] = [
    *en.MESSAGES,
    *de.MESSAGES,
    *de_holdout.MESSAGES,
    *fr.MESSAGES,
    *es.MESSAGES,
    *it.MESSAGES,
    *romance_holdout.MESSAGES,
    *categories.MESSAGES,
    *categories_holdout.MESSAGES,
]

# Texts the checker is known to get wrong, each with the reason. Keep it empty if you can.
KNOWN_MISSES: dict[str, str] = {
    "Kleine Bitte zum Schluss: Eine 5*-Bewertung würde uns als Familienbetrieb sehr helfen!": (
        "German holdout: '5*' is not read as five stars, and 'würde uns ... helfen' is not an ask"
    ),
    "Hören Sie auf zu lügen, das Video zeigt eindeutig, dass das Gerät funktioniert.": (
        "German holdout: 'aufhören zu lügen' (stop lying) is not among the liar patterns"
    ),
    "Bitte nennen Sie uns die Nummer Ihrer Kreditkarte, damit wir den Betrag zurückbuchen können.": (
        "German holdout: the card request reads 'Ihre Kreditkartennummer', not 'die Nummer Ihrer Kreditkarte'"
    ),
    "Amazon bans buyers who file false claims, and we will make sure that happens to you.": (
        "categories holdout: the threat is made through what Amazon does ('make sure that happens to you'), which no "
        "threat pattern reads"
    ),
    "You're required by Amazon to accept a replacement before asking for a refund.": (
        "categories holdout: false claims are read only about feedback and reviews, which Amazon never requires; "
        "telling a false claim about returns from Amazon's real return policy needs the policy itself"
    ),
}

"""One labelled message and its labels."""

from dataclasses import dataclass

BLOCK = "block"
PASS = "pass"

EN, DE, FR, ES, IT = "en", "de", "fr", "es", "it"
DEV, HOLDOUT = "dev", "holdout"

# The guard's blind spots, each measured on its own (`categories`, `categories_holdout`): the forbidden messages of
# the kind and the legitimate ones that share their words.
RATING = "rating_ask"  # asking for a particular rating or a positive review, in any phrasing
PERK = "perk"  # an incentive that is not money: prize draws, loyalty points, a future discount, early access
CONFIRMATION = "confirmation"  # order and shipping confirmations, however worded
COERCION = "coercion"  # threats beyond insults: debt collection, publishing, reporting, bans, legal steps
DISPARAGEMENT = "disparagement"  # disparaging other sellers or Amazon, false claims about Amazon's rules
MUST_PASS = "must_pass"  # what must still pass: neutral asks, refunds, tracking and order ids, polite offers of help
CATEGORIES = (RATING, PERK, CONFIRMATION, COERCION, DISPARAGEMENT, MUST_PASS)
# The checker's rules that a category's forbidden messages are meant for.
CATEGORY_RULES = {
    RATING: ("positive_review",),
    PERK: ("incentive",),
    CONFIRMATION: ("confirmation",),
    COERCION: ("threat",),
    DISPARAGEMENT: ("disparagement", "false_claim"),
    MUST_PASS: (),
}


@dataclass(frozen=True)
class Labelled:
    label: str
    text: str
    note: str
    allowed_domains: tuple[str, ...] = ()
    language: str = EN
    split: str = DEV  # HOLDOUT: written before the rules it measures, and never tuned to
    category: str = ""  # one of CATEGORIES, for the messages written to measure one

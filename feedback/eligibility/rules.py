"""What the eligibility rules of every language share: how a pattern is built, and the
patterns one language gives, in the order `assess` tries them."""

import re
from dataclasses import dataclass


def any_of(*patterns: str) -> re.Pattern[str]:
    """Any of `patterns`, each starting at a word boundary (or at a currency sign)."""
    return re.compile(r"(?:\b|(?=[$€£]))(?:" + "|".join(patterns) + r")", re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    """One language's patterns, in the order `assess` tries them."""

    name_after_cue: re.Pattern[str]
    obscenity: re.Pattern[str]
    seller_fault: re.Pattern[str]
    seller_contact: re.Pattern[str]
    delivery: re.Pattern[str]
    amazon_service: re.Pattern[str]
    price: re.Pattern[str]
    product: re.Pattern[str]

"""What the eligibility rules of every language share: how a pattern is built, and the
patterns one language gives, in the order `assess` tries them."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields


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
    # price words in another sense ("avoid at all costs", "cost me a weekend"), read past before `price`
    price_idiom: re.Pattern[str]
    price: re.Pattern[str]
    product: re.Pattern[str]


def rules_from(namespace: Mapping[str, object]) -> Rules:
    """A language module's rules: each field from the module's pattern named like it in capitals
    (`seller_fault` from `_SELLER_FAULT`). A module that lacks one fails at import."""
    return Rules(**{field.name: namespace[f"_{field.name.upper()}"] for field in fields(Rules)})


def obscenity(*stems: str) -> re.Pattern[str]:
    """Any of the obscene word `stems`, as whole words: no letter of any alphabet next to them.

    A stem that takes any word characters before it (`\\w*fotze\\w*`) starts only where a word starts, which
    finds the same words: started inside a long run of digits or underscores, it would read the run again from
    each of them."""
    return re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(rf"(?<!\w){stem}" if stem.startswith(r"\w*") else stem for stem in stems)
        + r")(?![^\W\d_])",
        re.IGNORECASE,
    )

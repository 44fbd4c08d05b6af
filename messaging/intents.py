"""What a buyer's message asks for, read in every language the product reads (`messaging.vocabulary`).

`asks_for_return`: the buyer wants to send something back. An app that can act on it (returns) offers
the agent to do so from the conversation (`messaging.offers`); reading here decides nothing."""

import re
from functools import cache

from .vocabulary import de, en, es, fr, it

LANGUAGES = (en, de, fr, es, it)


@cache
def _return_ask() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{word})" for language in LANGUAGES for word in language.RETURN_ASK))


def asks_for_return(text: str) -> str:
    """The words in `text` that ask to return an item ("" when none do)."""
    found = _return_ask().search(text.lower())
    return found.group(0) if found else ""

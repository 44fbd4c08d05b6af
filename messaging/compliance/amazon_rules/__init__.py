"""Amazon's buyer-messaging rules as patterns and detectors over a normalised message.

Each detector reads a `Context` (the original text and its normalised views) and yields `Finding`s with
offsets into the original text; `checker.check_text` runs them all. `contact` finds contact details and
personal data in any language; `wording` builds the wording rules from each language's `Wording` (`en`,
`de`, `fr`, `es`, `it`), and every language's rules run on every message. Tune the rules there (the words they share
with the feedback rules in `messaging.vocabulary`), and add every message they get wrong to tests/compliance/labelled/.
"""

from . import de, en, es, fr, it
from .contact import addresses, cards, emails, links, phones
from .context import Context
from .wording import SHARED, Detector, detectors

__all__ = ["DETECTORS", "SHADOWED_BY", "WORDINGS", "Context"]

WORDINGS = [en.WORDING, de.WORDING, fr.WORDING, es.WORDING, it.WORDING]

DETECTORS: list[Detector] = [
    emails,
    links,
    cards,
    phones,
    addresses,
    *SHARED,
    *(detector for wording in WORDINGS for detector in detectors(wording)),
]

# When two rules flag overlapping text, the more specific one explains it.
SHADOWED_BY = {
    "link": {"email"},
    "phone": {"card", "address", "extra_payment"},
    "off_amazon": {"email", "link"},
    "feedback_compensation": {"incentive"},
    "positive_review": {"incentive"},
}

"""One labelled message and its labels."""

from dataclasses import dataclass

BLOCK = "block"
PASS = "pass"

EN, DE, FR, ES, IT = "en", "de", "fr", "es", "it"
DEV, HOLDOUT = "dev", "holdout"


@dataclass(frozen=True)
class Labelled:
    label: str
    text: str
    note: str
    allowed_domains: tuple[str, ...] = ()
    language: str = EN
    split: str = DEV  # HOLDOUT: written before the rules it measures, and never tuned to

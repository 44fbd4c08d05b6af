"""Amazon marketplaces: ids, sites, buyer relay domains and report date formats.

From Amazon's SP-API developer guide (marketplace ids and sites) and Seller Central's report help.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Marketplace:
    code: str
    marketplace_id: str
    site: str
    feedback_date_format: str

    @property
    def sales_channel(self) -> str:
        """The `sales-channel` value Amazon writes in order reports."""
        return self.site[0].upper() + self.site[1:]

    @property
    def relay_domain(self) -> str:
        return "marketplace." + self.site

    @property
    def label(self) -> str:
        return f"{self.site} ({self.marketplace_id})"


MARKETPLACES = {
    m.code: m
    for m in [
        Marketplace("US", "ATVPDKIKX0DER", "amazon.com", "%m/%d/%y"),
        Marketplace("CA", "A2EUQ1WTGCTBG2", "amazon.ca", "%d/%m/%y"),
        Marketplace("MX", "A1AM78C64UM0Y8", "amazon.com.mx", "%d/%m/%y"),
        Marketplace("BR", "A2Q3Y263D00KWC", "amazon.com.br", "%d/%m/%y"),
        Marketplace("GB", "A1F83G8C2ARO7P", "amazon.co.uk", "%d/%m/%y"),
        Marketplace("DE", "A1PA6795UKMFR9", "amazon.de", "%d.%m.%y"),
        Marketplace("FR", "A13V1IB3VIYZZH", "amazon.fr", "%d/%m/%y"),
        Marketplace("IT", "APJ6JRA9NG5V4", "amazon.it", "%d/%m/%y"),
        Marketplace("ES", "A1RKKUPIHCS9HS", "amazon.es", "%d/%m/%y"),
        Marketplace("NL", "A1805IZSGTT6HS", "amazon.nl", "%d/%m/%y"),
        Marketplace("SE", "A2NODRKZP88ZB9", "amazon.se", "%Y-%m-%d"),
        Marketplace("PL", "A1C3SOZRARQ6R3", "amazon.pl", "%d/%m/%y"),
        Marketplace("BE", "AMEN7PMS3EDWL", "amazon.com.be", "%d/%m/%y"),
        Marketplace("IE", "A28R8C7NBKEWEA", "amazon.ie", "%d/%m/%y"),
        Marketplace("TR", "A33AVAJ2PDY3EV", "amazon.com.tr", "%d/%m/%y"),
        Marketplace("AE", "A2VIGQ35RCS4UG", "amazon.ae", "%d/%m/%y"),
        Marketplace("SA", "A17E79C6D8DWNP", "amazon.sa", "%d/%m/%y"),
        Marketplace("EG", "ARBP9OOSHTCHU", "amazon.eg", "%d/%m/%y"),
        Marketplace("IN", "A21TJRUUN4KGV", "amazon.in", "%d/%m/%y"),
        Marketplace("SG", "A19VAU5U5O7RUS", "amazon.sg", "%d/%m/%y"),
        Marketplace("AU", "A39IBJ37TRP1C6", "amazon.com.au", "%d/%m/%y"),
        Marketplace("JP", "A1VC38T7YXB528", "amazon.co.jp", "%y/%m/%d"),
    ]
}
MARKETPLACE_CHOICES = [(m.code, m.label) for m in MARKETPLACES.values()]
BY_SALES_CHANNEL = {m.sales_channel.lower(): m for m in MARKETPLACES.values()}

# The PostgreSQL text search configuration for what buyers and agents write on each marketplace:
# the language stems words ("Rücksendungen" finds "Rücksendung"). Languages PostgreSQL has no
# stemmer for (Polish, Japanese) use "simple": whole words, lower-cased, no stemming. Belgium's
# marketplace is French and Dutch; French is taken. Search also parses every query with "simple",
# so names, SKUs and addresses match as typed whatever the language.
SEARCH_CONFIG = {
    "US": "english",
    "CA": "english",
    "MX": "spanish",
    "BR": "portuguese",
    "GB": "english",
    "DE": "german",
    "FR": "french",
    "IT": "italian",
    "ES": "spanish",
    "NL": "dutch",
    "SE": "swedish",
    "PL": "simple",
    "BE": "french",
    "IE": "english",
    "TR": "turkish",
    "AE": "english",
    "SA": "arabic",
    "EG": "arabic",
    "IN": "english",
    "SG": "english",
    "AU": "english",
    "JP": "simple",
}
SEARCH_CONFIGS = frozenset(SEARCH_CONFIG.values()) | {"simple"}

"""Who a buyer is across orders, and addresses that tell something about them.

Amazon hides the buyer behind a relay address and gives sellers little of the
address (the order reports carry city, postal code and country). The risk
signals of every app (repeated returns, claims, chargebacks, refunds) compare
buyers by the keys here, so the same buyer is the same buyer on every list.
"""

import re
import unicodedata

# PO boxes in the marketplaces' languages.
_PO_BOX = re.compile(
    r"\b(?:p\.?\s?o\.?\s?box|post\s+office\s+box|postfach|bo[iî]te\s+postale|b\.?p\.?\s+\d+|apartado(?:\s+de\s+correos)?"
    r"|casella\s+postale|c\.?p\.?\s+\d+|packstation|postbus|skrytka\s+pocztowa)\b",
    re.IGNORECASE,
)
# Parcel forwarders: a buyer abroad whose order goes to a forwarding warehouse. Amazon's A-to-z
# Guarantee does not cover orders delivered to one.
_FORWARDERS = (
    "myus",
    "shipito",
    "planet express",
    "stackry",
    "borderlinx",
    "viabox",
    "shop and ship",
    "shop & ship",
    "aramex",
    "ship7",
    "usgobuy",
    "forward2me",
    "comgateway",
    "bongo",
    "opas",
    "fishisfast",
    "reship",
    "parcel forwarding",
    "package forwarding",
    "freight forward",
    "mail forwarding",
)
_FORWARDER = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in _FORWARDERS) + r")\w*", re.IGNORECASE)


def _folded(text: str) -> str:
    """Lower case, accents removed, runs of spaces and punctuation as one space."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", plain.casefold()).split())


def relay_key(address: str) -> str:
    """The buyer part of an Amazon relay address: lower-cased, without any +tag."""
    local, _, domain = address.strip().lower().partition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if domain else ""


def name_postal_key(name: str, postal_code: str, country: str = "") -> str:
    """The same person at the same postal code: "" unless both are known."""
    name, postal = _folded(name), re.sub(r"\s+", "", postal_code).upper()
    if not name or not postal:
        return ""
    return f"{name}|{postal}|{country.strip().upper()}"


def buyer_keys(*, email: str = "", name: str = "", postal_code: str = "", country: str = "") -> list[str]:
    """Every key this buyer can be recognised by on another order."""
    keys = []
    if key := relay_key(email):
        keys.append(f"email:{key}")
    if key := name_postal_key(name, postal_code, country):
        keys.append(f"name:{key}")
    return keys


def is_po_box(address: str) -> bool:
    return bool(_PO_BOX.search(address))


def freight_forwarder(address: str) -> str:
    """The parcel forwarder the address names ("" if none)."""
    found = _FORWARDER.search(address)
    return found.group(0) if found else ""

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


# Street words written in full or abbreviated, folded to one spelling.
_STREET_WORDS = {
    "street": "st",
    "str": "st",
    "strasse": "st",
    "road": "rd",
    "avenue": "ave",
    "av": "ave",
    "boulevard": "blvd",
    "drive": "dr",
    "lane": "ln",
    "place": "pl",
    "court": "ct",
    "suite": "ste",
    "apartment": "apt",
    "building": "bldg",
    "floor": "fl",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "rue": "r",
    "calle": "c",
    "via": "v",
}


# A PO box however it is written ("P.O. Box 12", "Postfach 12", "boîte postale 12"), once folded.
_FOLDED_PO_BOX = re.compile(
    r"\b(?:p o box|po box|pobox|post office box|postfach|boite postale|bp|apartado(?: de correos)?|casella postale)"
    r" (\d+)\b"
)


def address_key(address: str, postal_code: str = "", country: str = "") -> str:
    """The same address however it is written (case, accents, umlauts written out, punctuation, line
    breaks, "Street" or "St.", "Straße" or "Str.", "P.O. Box" or "Postfach"): "" when no address is given."""
    folded = _FOLDED_PO_BOX.sub(r"pobox \1", _folded(address.replace("ß", "ss")))
    words = folded.split()
    if not words:
        return ""
    words = [_STREET_WORDS.get(word, word) for word in words]
    # "Hauptstrasse 5" and "Haupt Str. 5" alike: a street word glued to the name is split off.
    words = [part for word in words for part in _split_street_suffix(word)]
    # Umlauts written out ("Muenchen") read as the letter without its accent ("München" → "munchen").
    words = [re.sub(r"([aou])e", r"\1", word) for word in words]
    postal = re.sub(r"\s+", "", postal_code).upper()
    return f"{' '.join(words)}|{postal}|{country.strip().upper()}"


def _split_street_suffix(word: str) -> list[str]:
    for suffix, short in (("strasse", "st"), ("str", "st")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return [word[: -len(suffix)], short]
    return [word]


def buyer_keys(
    *, email: str = "", name: str = "", postal_code: str = "", country: str = "", address: str = ""
) -> list[str]:
    """Every key this buyer can be recognised by on another order: the relay address, the name at the
    postal code, and the delivery or return address (where an app has the whole of it)."""
    keys = []
    if key := relay_key(email):
        keys.append(f"email:{key}")
    if key := name_postal_key(name, postal_code, country):
        keys.append(f"name:{key}")
    if key := address_key(address, postal_code, country):
        keys.append(f"address:{key}")
    return keys


def is_po_box(address: str) -> bool:
    return bool(_PO_BOX.search(address))


def freight_forwarder(address: str) -> str:
    """The parcel forwarder the address names ("" if none)."""
    found = _FORWARDER.search(address)
    return found.group(0) if found else ""

"""Canned-response variables: which exist, which a text uses, and filling them in.

Pure functions: `unknown_variables` is what saving a template checks, so an
unknown name is an error for the admin who wrote it, never for the agent who
sends it; `fill` puts the order's values in and leaves a {variable} that has no
value (no order imported, no tracking yet) for the agent to fill: `unfilled`
finds those, and a reply is not sent while one remains.
"""

import re

# name → what it is filled with (shown on the management page)
VARIABLES: dict[str, str] = {
    "buyer_name": "the buyer's name",
    "order_id": "the Amazon order id",
    "product_title": "the title of the ordered item (the first one, for several)",
    "tracking_number": "the shipment's tracking number",
    "carrier": "the carrier that shipped it",
    "agent_name": "your name, as the agent sending",
    "seller_name": "the seller account's name",
}

PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")


def variables_used(text: str) -> list[str]:
    """Every {name} in the text, in order of first use."""
    return list(dict.fromkeys(match.group(1).strip() for match in PLACEHOLDER_RE.finditer(text)))


def unknown_variables(text: str) -> list[str]:
    return [name for name in variables_used(text) if name not in VARIABLES]


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each known {name} with its value; one without a value stays {name}, for the agent to fill.
    Call only on text that passed `unknown_variables`."""
    return PLACEHOLDER_RE.sub(lambda match: values.get(match.group(1).strip()) or match.group(0), text)


def unfilled(text: str) -> list[str]:
    """The {variables} still in a draft, as written: a reply must not go out with one."""
    return list(
        dict.fromkeys(match.group(0) for match in PLACEHOLDER_RE.finditer(text) if match.group(1).strip() in VARIABLES)
    )

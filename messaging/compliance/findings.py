"""What the checker reports: findings, custom rules, and each built-in rule's label and explanation."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    rule: str
    start: int
    end: int
    text: str
    explanation: str
    blocking: bool


@dataclass(frozen=True)
class CustomRule:
    """An account's own rule: a phrase (whole words, case and accents ignored) or a regular expression."""

    name: str
    kind: str  # "phrase" or "regex"
    pattern: str
    message: str
    blocking: bool = True


PHRASE, REGEX = "phrase", "regex"


# Each built-in rule: (label shown to admins, explanation shown to agents).
RULES: dict[str, tuple[str, str]] = {
    "link": (
        "Links and web addresses",
        "Amazon forbids links and web addresses in buyer messages, also when written out or spaced apart. "
        "Remove it; an admin can allow-list a domain the account needs.",
    ),
    "email": (
        "Email addresses",
        "Amazon forbids email addresses in buyer messages, yours or anyone's. "
        "Keep the conversation in Amazon's messaging.",
    ),
    "phone": (
        "Phone numbers",
        "Amazon forbids phone numbers in buyer messages, yours or anyone's. "
        "Keep the conversation in Amazon's messaging.",
    ),
    "incentive": (
        "Incentives for reviews or feedback",
        "Amazon forbids offering a refund, discount, gift, free product or any other incentive in return for a review, "
        "a rating or feedback.",
    ),
    "feedback_compensation": (
        "Feedback change together with compensation",
        "Amazon forbids asking the buyer to change or remove feedback or a review in a message that also offers "
        "compensation (a refund, replacement, discount or gift). Send the resolution without mentioning feedback.",
    ),
    "feedback_removal": (
        "Asking to change or remove feedback",
        "Asking a buyer to change or remove feedback is allowed only after the problem is solved, once, politely, and "
        "never together with compensation.",
    ),
    "positive_review": (
        "Asking for positive reviews",
        "Amazon forbids asking for positive feedback or a 5-star review, asking only happy buyers to review, "
        "or steering unhappy buyers away from feedback. You may neutrally ask the buyer to share their experience.",
    ),
    "off_amazon": (
        "Off-Amazon channels",
        "Amazon forbids directing buyers away from Amazon: other websites and shops, marketplaces, social media or "
        "messaging apps.",
    ),
    "promotion": (
        "Marketing and promotion",
        "Amazon forbids marketing in buyer messages: promoting your other products, new arrivals, newsletters or "
        "discounts on future orders.",
    ),
    "extra_payment": (
        "Requests for extra payment",
        "Amazon forbids asking the buyer for extra payment, or for any payment outside Amazon.",
    ),
    "confirmation": (
        "Order and shipping confirmations",
        "Amazon sends order and shipping confirmations itself; sellers may not send messages that only confirm an "
        "order or a shipment. Answer the buyer's question instead.",
    ),
    "profanity": ("Profanity", "Amazon forbids profanity in buyer messages."),
    "insult": ("Insults", "Amazon forbids insulting or belittling buyers."),
    "liar": (
        "Calling the buyer a liar",
        "Amazon forbids accusing the buyer of lying or fraud in a message. Describe the facts; Amazon's claim process "
        "decides.",
    ),
    "threat": (
        "Threats",
        "Amazon forbids threatening buyers: with legal action, debt collectors, reports, publishing their name, or "
        "their account closed.",
    ),
    "disparagement": (
        "Disparaging others",
        "Amazon forbids running down other sellers, their products or Amazon itself in buyer messages. Speak for "
        "your own product and service.",
    ),
    "false_claim": (
        "False claims about Amazon's rules",
        "Amazon never obliges buyers to leave, change or remove feedback or a review, and never charges them for "
        "not doing so. Don't tell a buyer otherwise.",
    ),
    "discrimination": ("Discriminatory language", "Amazon forbids discriminatory or hateful language."),
    "address": (
        "Street addresses",
        'Amazon forbids writing a buyer\'s personal data into a message. Refer to "the address on your order" instead '
        "of writing it out.",
    ),
    "card": (
        "Card and payment details",
        "Never write or ask for card or bank details in a message: Amazon handles payments and forbids sharing "
        "buyers' payment data.",
    ),
    "order_id": (
        "Order id",
        "This message does not mention the order id {order_id}. Mentioning it helps the buyer and Amazon tie your "
        "message to the order.",
    ),
    "too_long": (
        "Messages too long to check",
        "This message is longer than the {max_chars} characters the guard reads, so the rest of it was not checked. "
        "Shorten it (or split it) before sending.",
    ),
}

ADVISORY = {"feedback_removal", "order_id"}


def rule_label(rule: str) -> str:
    return RULES[rule][0] if rule in RULES else rule

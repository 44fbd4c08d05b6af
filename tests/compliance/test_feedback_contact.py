"""The checker's reading of a message to a buyer about their feedback (buyer outreach relies on it)."""

import pytest

from messaging.compliance.checker import check_feedback_contact


def found(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in check_feedback_contact(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "gift"),
    [
        ("Sorry! Here is a $10 gift card for your trouble.", "gift card"),
        ("Sie erhalten 15 % auf Ihre nächste Bestellung.", "15 % auf Ihre nächste"),
        ("Nous joignons un cadeau gratuit à votre colis.", "cadeau gratuit"),
        ("Le regalamos una tarjeta regalo de Amazon.", "tarjeta regalo"),
        ("Come ringraziamento riceverà un buono sconto.", "Come ringraziamento"),
        ("We cannot offer you a voucher.", "voucher"),
    ],
)
def test_a_gift_is_an_incentive_with_no_review_ask_and_even_negated(text, gift):
    assert found(text)[0] == ("incentive", gift)


@pytest.mark.parametrize(
    "text",
    [
        "We have refunded your order in full. Sorry again.",
        "Wir senden Ihnen kostenlos einen Ersatz.",
        "Le inviamo gratuitamente una sostituzione.",
    ],
)
def test_compensation_on_its_own_is_the_resolution(text):
    assert found(text) == []


def test_compensation_next_to_a_removal_ask_is_found():
    assert found("We hope the refund settled it. Would you consider removing your feedback?") == [
        ("feedback_compensation", "refund"),
        ("feedback_removal", "removing your feedback"),
    ]


def test_the_sender_may_say_the_message_asks_for_a_change():
    assert found("Un appareil de remplacement est en route.", asks_removal=True) == [
        ("feedback_compensation", "remplacement")
    ]


def test_a_blank_message_has_no_findings():
    assert found("  ", asks_removal=True) == []

"""Every canned order-problem message passes the compliance guard as a message the seller starts
(none is a shipping or order confirmation, none has a link, an address or an incentive), with real
names, items and dates put in."""

from datetime import date

import pytest

from messaging.compliance.checker import check_text, is_blocked
from problems.models import ProblemKind
from problems.wording import LANGUAGES, problem_message

CASES = [(ProblemKind.LATE, False), (ProblemKind.MUST_CANCEL, False), (ProblemKind.BUYER_CANCEL, False)]
CASES += [(ProblemKind.BUYER_CANCEL, True)]
BUYERS = ["Jane Doe", "", "Dr. Max Müller"]
ITEMS = ["Stainless steel water bottle, 750 ml", "", "USB-C charging cable 2 m (black)"]


@pytest.mark.parametrize("words", LANGUAGES, ids=["en", "de", "fr", "es", "it"])
@pytest.mark.parametrize(("kind", "shipped"), CASES)
@pytest.mark.parametrize("buyer", BUYERS)
@pytest.mark.parametrize("item", ITEMS)
def test_each_message_passes_the_guard_unanswered(words, kind, shipped, buyer, item):
    text = problem_message(
        words=words,
        kind=kind,
        shipped=shipped,
        order_id="112-1234567-1234567",
        buyer=buyer,
        item=item,
        seller="Acme Support",
        new_date=date(2026, 12, 14),
    )
    findings = check_text(text, order_id="112-1234567-1234567", answering=kind == ProblemKind.BUYER_CANCEL)
    assert not is_blocked(findings), [(f.rule, f.text) for f in findings if f.blocking]
    # Strictest reading: even as a message the seller starts, none is refused.
    assert not is_blocked(check_text(text, order_id="112-1234567-1234567"))


def test_the_delay_gives_the_new_date_and_offers_cancelling_without_pushing():
    text = problem_message(
        kind=ProblemKind.LATE,
        shipped=False,
        order_id="112-1234567-1234567",
        buyer="Jane Doe",
        item="Water bottle",
        seller="Acme",
        new_date=date(2026, 12, 14),
    )
    assert "Monday 14 December" in text and "sorry" in text and "cancel" in text
    assert text.startswith("Dear Jane,")


def test_the_marketplace_picks_the_language():
    german = problem_message(
        kind=ProblemKind.LATE,
        shipped=False,
        order_id="302-1234567-1234567",
        buyer="Max Müller",
        item="",
        seller="Acme",
        new_date=date(2026, 12, 14),
        marketplace="DE",
    )
    assert german.startswith("Hallo Max,") and "bis zum 14.12.2026" in german and "Ihr Artikel" in german


def test_the_request_answer_depends_on_whether_the_order_shipped():
    answers = {
        shipped: problem_message(
            kind=ProblemKind.BUYER_CANCEL, shipped=shipped, order_id="1", buyer="", item="", seller="S"
        )
        for shipped in (False, True)
    }
    assert "cancelled your order" in answers[False]
    assert "could no longer cancel" in answers[True] and "return" in answers[True]

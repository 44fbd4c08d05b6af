"""Amazon's notice mails, one per subject the issue lists in several marketplaces' languages: told
apart by messaging, then read by the claims app (what it is, the outcome, the amount, the ground,
a stated deadline)."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from claims.notices import amount_parse, notice_read
from helpdesk.marketplaces import MARKETPLACES
from messaging.parsing import parse_mail

from .conftest import EXPECTED, notice_bytes

SITES = {m.site for m in MARKETPLACES.values()}


def _site(sender: str) -> str:
    return sender.rpartition("@")[2]


def test_every_subject_is_covered_in_three_languages_at_least():
    families = {}
    for name in EXPECTED:
        family, _, language = name.removesuffix(".eml").rpartition("_")
        families.setdefault(family, set()).add(language)
    expected_families = {
        "atoz_action_required", "atoz_received", "atoz_older", "atoz_information", "atoz_decision",
        "chargeback_new", "chargeback_inquiry", "chargeback_query", "chargeback_decision",
    }  # fmt: skip
    assert expected_families <= set(families)
    assert all(len(families[family]) >= 3 for family in expected_families)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_notice_is_told_and_read(name):
    expected = EXPECTED[name]
    parsed = parse_mail(notice_bytes(name))
    assert parsed.kind == expected["kind"]
    assert parsed.amazon_order_id == expected["order"]
    site = _site(parsed.from_address)
    assert site in SITES
    tz = ZoneInfo("America/New_York" if site == "amazon.com" else "Europe/Berlin")
    facts = notice_read(
        subject=parsed.subject,
        text=parsed.text,
        chargeback=expected["kind"] == "chargeback",
        sent_at=parsed.sent_at,
        site=site,
        tz=tz,
    )
    assert facts.what == expected["what"]
    assert facts.outcome == expected.get("outcome", "")
    if "amount" in expected:
        assert facts.amount == Decimal(expected["amount"])
    if "currency" in expected:
        assert facts.currency == expected["currency"]
    if "ground" in expected:
        assert facts.ground == expected["ground"]
    if "liability" in expected:
        assert facts.liability == expected["liability"]
    due = expected.get("due")
    if due is None:
        assert facts.due_at is None
    elif "T" in due:
        assert facts.due_at == datetime.fromisoformat(due)
    else:  # a stated day: the end of it, in the account's time
        assert facts.due_at.astimezone(tz).date().isoformat() == due
        assert (facts.due_at.hour, facts.due_at.minute) == (23, 59)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("45.99", "45.99"), ("45,99", "45.99"), ("1,234.50", "1234.50"), ("1.234,50", "1234.50"), ("1 234,5", "1234.50"),
     ("4,980", "4980.00"), ("12", "12.00")],
)  # fmt: skip
def test_amounts_read_either_decimal_separator(text, amount):
    assert amount_parse(text) == Decimal(amount)


def test_a_reworded_notice_still_reads_its_facts():
    facts = notice_read(
        subject="Re: claim",
        text="The buyer filed a claim of USD 19.99: the package was never received.\nDelivery address: PO Box 12",
        chargeback=False,
        sent_at=datetime(2025, 1, 20, tzinfo=ZoneInfo("UTC")),
        site="amazon.com",
        tz=ZoneInfo("UTC"),
    )
    assert (facts.what, facts.ground, facts.amount, facts.address) == (
        "new",
        "not_received",
        Decimal("19.99"),
        "PO Box 12",
    )

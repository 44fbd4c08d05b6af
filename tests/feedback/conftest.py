"""Helpers for the feedback tests: reports built in code, and feedback with its case."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from feedback.services import feedback_import
from helpdesk.marketplaces import MARKETPLACES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "feedback"
HEADER = ["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def amazon_date(day: date, marketplace: str = "US") -> str:
    """`day` as Amazon writes it for `marketplace`: no zero padding."""
    fmt = MARKETPLACES[marketplace].feedback_date_format
    text = day.strftime(fmt)
    if fmt == "%Y-%m-%d":
        return text
    separator = "." if "." in fmt else "/"
    return separator.join(part.lstrip("0") or "0" for part in text.split(separator))


def report(rows: list[list[str]], *, header: list[str] = HEADER, newline: str = "\n") -> bytes:
    """A seller feedback report: tab-separated, one line per row."""
    return (newline.join("\t".join(cells) for cells in [header, *rows]) + newline).encode()


def days_ago(account, days: int) -> date:
    return timezone.localdate(timezone=account.tzinfo) - timedelta(days=days)


@pytest.fixture
def import_rows(account):
    """Import rows given as (order id, days ago, rating, comment) for `account`; returns the result."""

    def run(*rows, target=None, actor=None):
        target = target or account
        cells = [
            [amazon_date(days_ago(target, ago), target.marketplace), str(rating), comment, "", order_id, ""]
            for order_id, ago, rating, comment in rows
        ]
        return feedback_import(account=target, data=report(cells), actor=actor)

    return run

from datetime import UTC, datetime

from helpdesk.buyers import buyer_keys
from helpdesk.models import SellerAccount
from helpdesk.risk import RiskSignal


def signals(*, account_ids: list[int]) -> list[RiskSignal]:
    """Two signals about Cathy (once by her relay address, once also by name and postal code) and one
    about someone else, on every account asked about."""
    cathy = buyer_keys(email="Cathy+x1@marketplace.amazon.com", name="Cathy Miller", postal_code="97201", country="US")
    found = []
    for account in SellerAccount.objects.filter(id__in=account_ids):
        found += [
            RiskSignal(
                account.id,
                "Cathy",
                tuple(cathy[:1]),
                "2 plugin refunds",
                "orders A and B",
                datetime(2026, 11, 1, tzinfo=UTC),
            ),
            RiskSignal(
                account.id,
                "Cathy Miller, 97201",
                tuple(cathy),
                "plugin claim",
                "order C",
                datetime(2026, 11, 5, tzinfo=UTC),
                amazon_order_id="111-0000000-0000001",
            ),
            RiskSignal(
                account.id,
                "Sam",
                ("email:sam@marketplace.amazon.com",),
                "plugin refund",
                "order D",
                datetime(2026, 10, 1, tzinfo=UTC),
            ),
        ]
    return found

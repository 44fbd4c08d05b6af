"""The managers' risk list: fraud signals from every app (repeated returns, claims, chargebacks,
refunds, mismatched returned units, …), about one buyer across orders. Signals are shown, never
acted on: each says what was seen and where."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.module_loading import import_string

from helpdesk.registry import registry


@dataclass(frozen=True)
class RiskSignal:
    account_id: int
    buyer: str  # how the list names the buyer ("Cathy, 97201", a relay address)
    buyer_keys: tuple[str, ...]  # helpdesk.buyers.buyer_keys(): the same buyer on every app's signals
    signal: str  # what was seen, in a few words: "3 returns in 90 days"
    evidence: str  # the facts behind it: orders, dates, grades
    at: datetime  # the latest event behind it
    case_id: int | None = None
    amazon_order_id: str = ""


@dataclass
class RiskBuyer:
    """One buyer and every signal about them, most recent first."""

    buyer: str
    account_id: int
    signals: list[RiskSignal] = field(default_factory=list)

    @property
    def latest(self) -> datetime:
        return max(s.at for s in self.signals)


def risk_buyers(*, account_ids: list[int]) -> list[RiskBuyer]:
    """Every app's signals for the accounts, one entry a buyer (signals sharing a buyer key, per
    account), the buyers with the most signals first."""
    signals = [
        signal for source in registry.risk_sources() for signal in import_string(source)(account_ids=account_ids)
    ]
    buyers: list[RiskBuyer] = []
    by_key: dict[tuple[int, str], RiskBuyer] = {}
    for signal in sorted(signals, key=lambda s: s.at, reverse=True):
        keys = [(signal.account_id, key) for key in signal.buyer_keys]
        found = next((by_key[key] for key in keys if key in by_key), None)
        if found is None:
            found = RiskBuyer(buyer=signal.buyer, account_id=signal.account_id)
            buyers.append(found)
        found.signals.append(signal)
        for key in keys:
            by_key.setdefault(key, found)
    return sorted(buyers, key=lambda b: (-len(b.signals), -b.latest.timestamp()))

"""The returns page's chart: the costliest SKUs' cost of returns as horizontal bars, drawn as inline
SVG by the template, with the same figures in the table below it."""

from dataclasses import dataclass
from decimal import Decimal

from .models import SkuFigures
from .selectors import CHART_SKUS

WIDTH = 720
ROW = 26
LABEL = 180
RIGHT = 90


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    label: str
    value: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bars: list[Bar]

    @property
    def empty(self) -> bool:
        return not self.bars


def cost_chart(skus: list[SkuFigures]) -> Chart:
    """One bar per SKU with a cost, the costliest first, scaled to the largest."""
    costly = [f for f in skus if f.cost > 0][:CHART_SKUS]
    top = max((f.cost for f in costly), default=Decimal(0))
    plot = WIDTH - LABEL - RIGHT
    bars = [
        Bar(
            y=index * ROW + 4,
            width=round(float(plot * f.cost / top), 1) if top else 0,
            label=f.sku if len(f.sku) <= 24 else f.sku[:23] + "…",
            value=f"{f.cost:,.2f}",
            title=f"{f.sku}: cost of returns {f.cost:,.2f} ({f.returned_units} units returned)",
        )
        for index, f in enumerate(costly)
    ]
    return Chart(WIDTH, len(bars) * ROW + 8, LABEL, bars)

"""The returns page's chart: the costliest SKUs' cost of returns as horizontal bars, for the page's
Chart.js (`helpdesk.charts`), with the same figures in the table below it."""

from typing import Any

from helpdesk.charts import RED, chart_spec, dataset

from .models import SkuFigures
from .selectors import CHART_SKUS


def cost_chart(skus: list[SkuFigures]) -> dict[str, Any] | None:
    """One bar per SKU with a cost, the costliest first; None when no SKU cost anything."""
    costly = [f for f in skus if f.cost > 0][:CHART_SKUS]
    if not costly:
        return None
    spec = chart_spec(
        "bar", [f.sku for f in costly], [dataset("Cost of returns", [float(f.cost) for f in costly], RED)]
    )
    spec["horizontal"] = True
    return spec

"""The feedback chart: positive, neutral and negative feedback per month, stacked, for the page's
Chart.js (`helpdesk.charts`); the page shows the same figures in a table."""

from typing import Any

from helpdesk.charts import AMBER, GREEN, RED, chart_spec, dataset

from .selectors import Month

SERIES = (("positive", "Positive", GREEN), ("neutral", "Neutral", AMBER), ("negative", "Negative", RED))


def monthly_chart(months: list[Month]) -> dict[str, Any]:
    return chart_spec(
        "bar",
        [f"{month.month:%b %Y}" for month in months],
        [dataset(label, [getattr(month, name) for month in months], color) for name, label, color in SERIES],
        stacked=True,
    )

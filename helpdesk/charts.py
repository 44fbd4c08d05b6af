"""What a chart shows, for static/js/charts.js to draw with Chart.js: the page writes the spec with
`json_script` and a `<canvas data-chart="…">`, and the same figures in a table beside it."""

from typing import Any

RED, AMBER, GREEN, BLUE, GREY = "#c0392b", "#e0a100", "#2e7d4f", "#2b6cb0", "#6b7280"
PALETTE = (BLUE, RED, AMBER, GREEN, "#7c3aed", "#0e7490", GREY, "#be185d")


def dataset(label: str, data: list, color: str, **extra: Any) -> dict[str, Any]:
    return {"label": label, "data": data, "color": color, **extra}


def chart_spec(
    kind: str, labels: list[str], datasets: list[dict[str, Any]], *, stacked: bool = False, percent: bool = False
) -> dict[str, Any]:
    """`kind`: "bar" or "line"; a dataset may carry its own `type` (a target line over bars), `dashed`."""
    return {"type": kind, "labels": labels, "datasets": datasets, "stacked": stacked, "percent": percent}

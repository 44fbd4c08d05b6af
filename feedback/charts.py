"""The feedback chart's geometry: stacked monthly bars, drawn as inline SVG by the template."""

import math
from dataclasses import dataclass

from .selectors import Month

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 28
SERIES = (("negative", "#c0392b"), ("neutral", "#e0a100"), ("positive", "#2e7d4f"))


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    bottom: float
    bars: list[Bar]
    x_labels: list[Tick]
    y_ticks: list[Tick]
    empty: bool


def _nice_top(value: int) -> int:
    """The axis top: 1, 2 or 5 times a power of ten, at or above `value`."""
    if value <= 5:
        return 5
    power = 10 ** int(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def monthly_chart(months: list[Month]) -> Chart:
    top = _nice_top(max((m.total for m in months), default=0))
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(months), 1)
    bar_width = slot * 0.7
    bars, labels = [], []
    for index, month in enumerate(months):
        x = LEFT + index * slot + (slot - bar_width) / 2
        base = HEIGHT - BOTTOM
        for name, fill in SERIES:
            count = getattr(month, name)
            if not count:
                continue
            height = plot_height * count / top
            base -= height
            bars.append(
                Bar(
                    round(x, 1),
                    round(base, 1),
                    round(bar_width, 1),
                    round(height, 1),
                    fill,
                    f"{month.month:%b %Y}: {count} {name}",
                )
            )
        labels.append(Tick(round(x + bar_width / 2, 1), f"{month.month:%b}"))
    y_ticks = [
        Tick(round(HEIGHT - BOTTOM - plot_height * fraction, 1), str(int(top * fraction))) for fraction in (0, 0.5, 1)
    ]
    return Chart(WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, bars, labels, y_ticks, empty=not any(m.total for m in months))

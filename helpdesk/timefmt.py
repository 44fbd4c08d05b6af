"""How times read: the span words the countdowns share with static/js/countdown.js, and the one rule
for every time a page shows (`moment`, through the `{% when %}` template tag): in one zone, labelled,
with the exact UTC instant for the mouse and for machines."""

import functools
from datetime import UTC as UTC_ZONE
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR


def span(seconds: float) -> str:
    """“3d 4h”, “5h 12m”, “7m”, “40s”: the words static/js/countdown.js writes too."""
    seconds = abs(seconds)
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    if minutes:
        return f"{minutes}m"
    return f"{int(seconds)}s"


# How a time reads, in Django's date format: each style ends with the zone's abbreviation (T) but the
# calendar-day ones, whose day is already the zone's.
STYLES = {
    "full": "D j M Y, H:i T",
    "short": "D j M H:i T",
    "time": "H:i T",
    "date": "j M Y",
    "weekday": "D j M Y",
    "day": "j M",
}
DAY_STYLES = frozenset({"date", "weekday", "day"})
UTC_WORDS = "D j M Y, H:i:s"


def _zone_abbreviation(value: datetime) -> str:
    """Django's "T": the zone's abbreviation; blank for a wall time a clock change makes ambiguous."""
    zone = value.tzinfo
    if zone.utcoffset(value.replace(fold=not value.fold)) != zone.utcoffset(value):
        return ""
    return str(zone.tzname(value))


@functools.lru_cache
def _names(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The day and month abbreviations as dateformat writes them ("Mon", "Jan") in `language`."""
    with translation.override(language):
        return tuple(str(WEEKDAYS_ABBR[d]) for d in range(7)), tuple(str(MONTHS_3[m]).title() for m in range(1, 13))


# The letters of Django's date format that the styles use, written as django.utils.dateformat writes
# them (its translated names included), without its parsing of the format on every call: a page shows
# dozens of times, and that parsing was most of their cost.
LETTERS = {
    "D": lambda value: _names(translation.get_language())[0][value.weekday()],
    "j": lambda value: value.day,
    "M": lambda value: _names(translation.get_language())[1][value.month - 1],
    "Y": lambda value: f"{value.year:04d}",
    "H": lambda value: f"{value.hour:02d}",
    "i": lambda value: f"{value.minute:02d}",
    "s": lambda value: f"{value.second:02d}",
    "T": _zone_abbreviation,
}


def _compiled(fmt: str) -> tuple[str, tuple]:
    """A format as a str.format template and the functions of its letters, in order."""
    unknown = {char for char in fmt if char.isalpha() and char not in LETTERS}
    if unknown:
        raise ValueError(f"No letter {''.join(sorted(unknown))} in timefmt.LETTERS.")
    template = "".join("{}" if char in LETTERS else char.replace("{", "{{").replace("}", "}}") for char in fmt)
    return template, tuple(LETTERS[char] for char in fmt if char in LETTERS)


COMPILED = {fmt: _compiled(fmt) for fmt in (*STYLES.values(), UTC_WORDS)}


def formatted(value: datetime | date, fmt: str) -> str:
    """`value` in one of the formats above (as dateformat.format would write it)."""
    template, letters = COMPILED[fmt]
    return template.format(*[letter(value) for letter in letters])


def display_zone(*, preferred: str = "", account=None) -> ZoneInfo:
    """The zone every time on a page reads in: the person's own, if they chose one; else the seller
    account's the time belongs to; else UTC."""
    if preferred:
        return ZoneInfo(preferred)
    if account is not None:
        return account.tzinfo
    return UTC_ZONE


def stamp(value: datetime, zone: ZoneInfo) -> str:
    """A time written into a stored sentence (an audit row's summary): the pages' short style, in `zone`."""
    return formatted(value.astimezone(zone), STYLES["short"])


def moment(value: datetime | date | None, *, zone: ZoneInfo, style: str = "short") -> tuple[str, str, str]:
    """(text in `zone`, ISO instant in UTC, its words in UTC) for a <time>: what the page shows, the machine
    reads, and the mouse reveals. A calendar day (a date, or a day style) is the zone's day and no instant:
    its text only."""
    if value is None:
        return "", "", ""
    if not isinstance(value, datetime):
        return formatted(value, STYLES[style] if style in DAY_STYLES else STYLES["date"]), "", ""
    if style in DAY_STYLES:
        return formatted(value.astimezone(zone), STYLES[style]), "", ""
    instant = value.astimezone(UTC_ZONE)
    text = formatted(value.astimezone(zone), STYLES[style])
    return text, instant.isoformat().replace("+00:00", "Z"), formatted(instant, UTC_WORDS) + " UTC"

"""When is a clock due? The pure time arithmetic of the deadline engine.

A clock counts a `duration` from `start` in one of two calendars.

Calendar mode (`hours=None`)
    Plain elapsed time: `start + duration` in absolute (UTC) time, so a
    24-hour clock is 24 real hours even across a daylight-saving change.

Business mode (`hours=BusinessHours(...)`)
    Only opening time counts: the weekday's opening intervals, read on the
    seller's local wall clock, on days that are neither public holidays of
    `holiday_country` (and `holiday_subdivision`) nor `closed_dates`. The due
    time is the earliest instant by which `duration` of opening time has
    passed since `start`. So:
    - a clock started while closed starts counting at the next opening;
    - a clock that runs out exactly at closing is due at closing (Friday
      17:00), not at the next opening;
    - a zero duration is due at `start` itself, open or not. With this,
      `due(due(s, a), b) == due(s, a + b)` holds for all durations.

Wall-clock boundaries and daylight saving
    An interval may end at `END_OF_DAY` (`time(0, 0)` as an end, "24:00" in
    JSON): the following midnight. A boundary at local time L is the first
    instant the wall clock reads L or later, so an ambiguous time (the
    repeated hour in autumn) is its first occurrence (fold=0) and a
    nonexistent one (the skipped hour in spring) is the moment the clocks
    jump. Time inside an interval is counted in real seconds: in New York,
    01:00-04:00 lasts 2 hours on the spring-forward night and 4 hours on the
    fall-back night.
"""

import inspect
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from holidays.registry import COUNTRIES

Interval = tuple[time, time]
OpeningHours = Mapping[int, tuple[Interval, ...]]

END_OF_DAY = time(0, 0)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEARCH_YEARS = 20

_HH_MM = re.compile(r"(\d{2}):(\d{2})")
_COUNTRY_CODES = frozenset(code for _class_name, code, *_aliases in COUNTRIES.values())


class OpeningHoursError(ValueError):
    """Opening hours that cannot be used, with a message an admin can act on."""


@dataclass(frozen=True)
class BusinessHours:
    """When a seller account is open.

    Checked on creation: weekdays 0-6, intervals that neither invert nor
    overlap (stored sorted), some opening time in the week, and a holiday
    country and subdivision the holidays library knows. Any failure is a
    ValueError (OpeningHoursError for the opening hours).
    """

    tz: ZoneInfo
    opening: OpeningHours
    holiday_country: str = ""
    holiday_subdivision: str = ""
    closed_dates: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        unknown = sorted(set(self.opening) - set(range(7)))
        if unknown:
            raise OpeningHoursError(f"Unknown weekday {unknown[0]!r}: use 0 (Monday) to 6 (Sunday)")
        opening = {day: _checked_day(day, self.opening[day]) for day in sorted(self.opening) if self.opening[day]}
        if not opening:
            raise OpeningHoursError("The week has no opening hours")
        object.__setattr__(self, "opening", opening)
        _check_holiday_region(self.holiday_country, self.holiday_subdivision)


def due_time(*, start: datetime, duration: timedelta, hours: BusinessHours | None) -> datetime:
    """When a clock of `duration` started at `start` is due, in UTC (see the module docstring)."""
    if start.utcoffset() is None:
        raise ValueError("start must be timezone-aware")
    if duration < timedelta(0):
        raise ValueError(f"duration must not be negative, got {duration}")
    start = start.astimezone(UTC)
    if hours is None or not duration:
        return start + duration
    remaining = duration
    first_day = start.astimezone(hours.tz).date()
    for offset in range(SEARCH_YEARS * 366):
        for opens, closes in _open_intervals(first_day + timedelta(days=offset), hours):
            counted_from = max(opens, start)
            if closes <= counted_from:
                continue
            if remaining <= closes - counted_from:
                return counted_from + remaining
            remaining -= closes - counted_from
    raise ValueError(f"Not enough opening time within {SEARCH_YEARS} years of {start:%Y-%m-%d}")


def parse_opening_hours(raw: Mapping[str, Sequence[Sequence[str]]]) -> dict[int, tuple[Interval, ...]]:
    """Opening hours from their JSON form, `{"0": [["09:00", "17:00"]], ...}`, keyed by weekday (Monday 0)."""
    opening = {}
    for key, intervals in raw.items():
        weekday = _parse_weekday(key)
        if intervals:
            opening[weekday] = _checked_day(weekday, [_parse_interval(weekday, pair) for pair in intervals])
    return dict(sorted(opening.items()))


def business_hours_from_snapshot(snapshot: Mapping[str, Any]) -> BusinessHours | None:
    """The business hours a deadline's policy snapshot counts in, or None for calendar hours."""
    match snapshot["calendar"]:
        case "calendar":
            return None
        case "business":
            return BusinessHours(
                tz=_zone(snapshot["timezone"]),
                opening=parse_opening_hours(snapshot["opening_hours"]),
                holiday_country=snapshot.get("holiday_country", ""),
                holiday_subdivision=snapshot.get("holiday_subdivision", ""),
                closed_dates=frozenset(_parse_date(text) for text in snapshot.get("closed_dates", ())),
            )
        case other:
            raise ValueError(f"Unknown calendar {other!r}: use 'calendar' or 'business'")


def holiday_country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country the holidays library knows, sorted by name, for a form dropdown."""
    return list(_country_choices())


def _open_intervals(day: date, hours: BusinessHours) -> list[tuple[datetime, datetime]]:
    intervals = hours.opening.get(day.weekday())
    if not intervals or day in hours.closed_dates or _is_public_holiday(day, hours):
        return []
    return [(_instant(day, opens, hours.tz), _instant_of_end(day, closes, hours.tz)) for opens, closes in intervals]


def _is_public_holiday(day: date, hours: BusinessHours) -> bool:
    return bool(hours.holiday_country) and day in _holidays(hours.holiday_country, hours.holiday_subdivision, day.year)


@lru_cache(maxsize=512)
def _holidays(country: str, subdivision: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, subdiv=subdivision or None, years=year))


def _instant_of_end(day: date, closes: time, tz: ZoneInfo) -> datetime:
    if closes == END_OF_DAY:
        return _instant(day + timedelta(days=1), closes, tz)
    return _instant(day, closes, tz)


def _instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The first instant, in UTC, at which the wall clock in `tz` reads `day` `at` or later."""
    local = datetime.combine(day, at)
    instant = local.replace(tzinfo=tz).astimezone(UTC)
    if _wall_clock(instant, tz) == local:
        return instant
    return _clocks_jump_over(local, tz)


def _clocks_jump_over(local: datetime, tz: ZoneInfo) -> datetime:
    """The instant the clocks in `tz` jump over the nonexistent wall time `local` (tz transitions are whole seconds)."""
    # In a gap, fold=1 reads `local` with the offset after the jump (an instant before it), fold=0 with the one before.
    before = math.floor(local.replace(tzinfo=tz, fold=1).timestamp())
    after = math.ceil(local.replace(tzinfo=tz, fold=0).timestamp())
    while after - before > 1:
        middle = (before + after) // 2
        if _wall_clock(datetime.fromtimestamp(middle, UTC), tz) < local:
            before = middle
        else:
            after = middle
    return datetime.fromtimestamp(after, UTC)


def _wall_clock(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz).replace(tzinfo=None)


def _checked_day(weekday: int, intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """The day's intervals in order, or OpeningHoursError if one is empty or inverted or two overlap."""
    ordered = tuple(sorted(intervals))
    for opens, closes in ordered:
        if _since_midnight(closes, end=True) <= _since_midnight(opens):
            problem = "is empty" if opens == closes else "ends before it starts"
            raise OpeningHoursError(f"{WEEKDAYS[weekday]}: {_describe(opens, closes)} {problem}")
    for (opens, closes), (next_opens, next_closes) in pairwise(ordered):
        if _since_midnight(next_opens) < _since_midnight(closes, end=True):
            raise OpeningHoursError(
                f"{WEEKDAYS[weekday]}: {_describe(opens, closes)} overlaps {_describe(next_opens, next_closes)}"
            )
    return ordered


def _since_midnight(at: time, *, end: bool = False) -> timedelta:
    if end and at == END_OF_DAY:
        return timedelta(days=1)
    return timedelta(hours=at.hour, minutes=at.minute, seconds=at.second, microseconds=at.microsecond)


def _describe(opens: time, closes: time) -> str:
    return f"{opens:%H:%M}–{'24:00' if closes == END_OF_DAY else f'{closes:%H:%M}'}"


def _parse_weekday(key: str) -> int:
    if key not in {str(day) for day in range(7)}:
        raise OpeningHoursError(f"Unknown weekday {key!r}: use '0' (Monday) to '6' (Sunday)")
    return int(key)


def _parse_interval(weekday: int, pair: Sequence[str]) -> Interval:
    if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
        raise OpeningHoursError(f"{WEEKDAYS[weekday]}: an interval is a pair [opens, closes], got {pair!r}")
    return _parse_time(weekday, pair[0]), _parse_time(weekday, pair[1], end=True)


def _parse_time(weekday: int, text: str, *, end: bool = False) -> time:
    if end and text == "24:00":
        return END_OF_DAY
    match = _HH_MM.fullmatch(text) if isinstance(text, str) else None
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    hint = " (24:00 only as a closing time)" if text == "24:00" else ""
    raise OpeningHoursError(f"Bad time {text!r} on {WEEKDAYS[weekday]}: use HH:MM{hint}")


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"Bad closed date {text!r}: use YYYY-MM-DD") from None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Unknown time zone {name!r}") from None


def _check_holiday_region(country: str, subdivision: str) -> None:
    if not country:
        if subdivision:
            raise ValueError(f"Holiday subdivision {subdivision!r} needs a holiday country")
        return
    if country not in _COUNTRY_CODES:
        raise ValueError(f"No public holidays are known for country {country!r}: use a code such as US, GB or DE")
    subdivisions = getattr(holidays, country).subdivisions
    if subdivision and subdivision not in subdivisions:
        known = ", ".join(subdivisions) or "none"
        raise ValueError(f"{country} has no holiday subdivision {subdivision!r} (known: {known})")


@lru_cache(maxsize=1)
def _country_choices() -> tuple[tuple[str, str], ...]:
    choices = ((code, _country_name(class_name)) for class_name, code, *_aliases in COUNTRIES.values())
    return tuple(sorted(choices, key=lambda choice: choice[1]))


def _country_name(class_name: str) -> str:
    # The library names each country in the first line of its class docstring: "Germany holidays."
    summary = inspect.getdoc(getattr(holidays, class_name).get_entity()) or class_name
    return summary.splitlines()[0].removesuffix(" holidays.").removesuffix(" (the)")

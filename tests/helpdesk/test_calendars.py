from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpdesk.calendars import (
    END_OF_DAY,
    BusinessHours,
    OpeningHoursError,
    business_hours_from_snapshot,
    due_time,
    holiday_country_choices,
    parse_opening_hours,
)

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")

NINE_TO_FIVE = ((time(9), time(17)),)
WITH_LUNCH = ((time(9), time(12)), (time(13), time(17)))

US_OFFICE = BusinessHours(tz=NEW_YORK, opening=dict.fromkeys(range(5), NINE_TO_FIVE), holiday_country="US")
US_OFFICE_CLOSED_XMAS_EVE = BusinessHours(
    tz=NEW_YORK,
    opening=dict.fromkeys(range(5), NINE_TO_FIVE),
    holiday_country="US",
    closed_dates=frozenset({date(2026, 12, 24)}),
)
DE_OFFICE = BusinessHours(tz=BERLIN, opening=dict.fromkeys(range(5), WITH_LUNCH), holiday_country="DE")
BAVARIAN_OFFICE = BusinessHours(
    tz=BERLIN, opening=dict.fromkeys(range(5), WITH_LUNCH), holiday_country="DE", holiday_subdivision="BY"
)
# New York clocks change on Sunday 2026-03-08 (02:00 -> 03:00) and Sunday 2026-11-01 (02:00 -> 01:00).
SUNDAY_NIGHT = BusinessHours(tz=NEW_YORK, opening={6: ((time(1), time(4)),)})
SUNDAY_FROM_SKIPPED_TIME = BusinessHours(tz=NEW_YORK, opening={6: ((time(2, 30), time(5)),)})
SUNDAY_FROM_REPEATED_TIME = BusinessHours(tz=NEW_YORK, opening={6: ((time(1, 30), time(3)),)})
ROUND_THE_CLOCK = BusinessHours(tz=NEW_YORK, opening=dict.fromkeys(range(7), ((time(0), END_OF_DAY),)))
FRIDAY_EVENINGS = BusinessHours(tz=NEW_YORK, opening={4: ((time(18), END_OF_DAY),)})


HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)


def ny(*args: int) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "duration", "hours", "due"),
    [
        pytest.param(ny(2026, 3, 10, 12), 24 * HOUR, None, utc(2026, 3, 11, 16), id="calendar-24x7"),
        pytest.param(ny(2026, 3, 7, 12), 24 * HOUR, None, utc(2026, 3, 8, 17), id="calendar-across-spring-forward"),
        pytest.param(ny(2026, 10, 31, 12), 24 * HOUR, None, utc(2026, 11, 1, 16), id="calendar-across-fall-back"),
        pytest.param(
            ny(2026, 3, 13, 18), 2 * HOUR, US_OFFICE, utc(2026, 3, 16, 15), id="friday-evening-lands-on-monday"
        ),
        pytest.param(ny(2026, 3, 16, 9), 8 * HOUR, US_OFFICE, utc(2026, 3, 16, 21), id="due-at-closing-time"),
        pytest.param(ny(2026, 3, 10, 6), HOUR, US_OFFICE, utc(2026, 3, 10, 14), id="started-before-opening"),
        pytest.param(ny(2026, 3, 10, 10, 30), 8 * HOUR, US_OFFICE, utc(2026, 3, 11, 14, 30), id="started-mid-interval"),
        pytest.param(ny(2026, 11, 25, 16), 4 * HOUR, US_OFFICE, utc(2026, 11, 27, 17), id="thanksgiving-skipped"),
        pytest.param(
            ny(2026, 12, 24, 16), 2 * HOUR, US_OFFICE, utc(2026, 12, 28, 15), id="christmas-and-weekend-skipped"
        ),
        pytest.param(ny(2026, 12, 23, 16), 2 * HOUR, US_OFFICE, utc(2026, 12, 24, 15), id="christmas-eve-open"),
        pytest.param(
            ny(2026, 12, 23, 16),
            2 * HOUR,
            US_OFFICE_CLOSED_XMAS_EVE,
            utc(2026, 12, 28, 15),
            id="extra-closed-date-skipped",
        ),
        pytest.param(berlin(2026, 6, 15, 11), 2 * HOUR, DE_OFFICE, utc(2026, 6, 15, 12), id="berlin-lunch-break"),
        pytest.param(
            berlin(2026, 6, 15, 12, 30), 30 * MINUTE, DE_OFFICE, utc(2026, 6, 15, 11, 30), id="started-at-lunch"
        ),
        pytest.param(berlin(2026, 1, 5, 16), 2 * HOUR, DE_OFFICE, utc(2026, 1, 6, 9), id="epiphany-worked-nationally"),
        pytest.param(
            berlin(2026, 1, 5, 16), 2 * HOUR, BAVARIAN_OFFICE, utc(2026, 1, 7, 9), id="epiphany-off-in-bavaria"
        ),
        pytest.param(ny(2026, 3, 7, 12), 2 * HOUR, SUNDAY_NIGHT, utc(2026, 3, 8, 8), id="spring-forward-night-is-2h"),
        pytest.param(
            ny(2026, 3, 7, 12),
            HOUR + 30 * MINUTE,
            SUNDAY_NIGHT,
            utc(2026, 3, 8, 7, 30),
            id="spring-forward-across-the-jump",
        ),
        pytest.param(
            ny(2026, 3, 7, 12), 3 * HOUR, SUNDAY_NIGHT, utc(2026, 3, 15, 6), id="spring-forward-then-next-week"
        ),
        pytest.param(ny(2026, 10, 31, 12), 4 * HOUR, SUNDAY_NIGHT, utc(2026, 11, 1, 9), id="fall-back-night-is-4h"),
        pytest.param(
            ny(2026, 10, 31, 12),
            HOUR + 30 * MINUTE,
            SUNDAY_NIGHT,
            utc(2026, 11, 1, 6, 30),
            id="fall-back-inside-repeated-hour",
        ),
        pytest.param(
            ny(2026, 3, 7, 12),
            HOUR,
            SUNDAY_FROM_SKIPPED_TIME,
            utc(2026, 3, 8, 8),
            id="skipped-opening-time-opens-at-the-jump",
        ),
        pytest.param(
            ny(2026, 10, 31, 12),
            30 * MINUTE,
            SUNDAY_FROM_REPEATED_TIME,
            utc(2026, 11, 1, 6),
            id="repeated-opening-time-opens-first-time",
        ),
        pytest.param(
            ny(2026, 10, 31, 12),
            2 * HOUR + 30 * MINUTE,
            SUNDAY_FROM_REPEATED_TIME,
            utc(2026, 11, 1, 8),
            id="repeated-opening-time-closes-once",
        ),
        pytest.param(
            ny(2026, 3, 7, 12), 24 * HOUR, ROUND_THE_CLOCK, utc(2026, 3, 8, 17), id="24-7-business-is-real-time"
        ),
        pytest.param(ny(2026, 3, 13, 23), 2 * HOUR, FRIDAY_EVENINGS, utc(2026, 3, 20, 23), id="open-until-midnight"),
        pytest.param(ny(2026, 3, 14, 12), timedelta(0), US_OFFICE, utc(2026, 3, 14, 16), id="zero-duration-at-start"),
    ],
)
def test_due_time(start, duration, hours, due):
    result = due_time(start=start, duration=duration, hours=hours)

    assert result == due
    assert result.tzinfo is UTC


def test_week_without_opening_time_is_refused():
    with pytest.raises(OpeningHoursError, match="^The week has no opening hours$"):
        BusinessHours(tz=NEW_YORK, opening={0: (), 6: ()})


def test_unknown_weekday_is_refused():
    with pytest.raises(OpeningHoursError, match=r"^Unknown weekday 7: use 0 \(Monday\) to 6 \(Sunday\)$"):
        BusinessHours(tz=NEW_YORK, opening={7: NINE_TO_FIVE})


def test_business_hours_sorts_intervals_and_checks_overlaps():
    hours = BusinessHours(tz=NEW_YORK, opening={2: WITH_LUNCH[::-1]})
    assert hours.opening == {2: WITH_LUNCH}

    with pytest.raises(OpeningHoursError, match="^Wednesday: 09:00–12:00 overlaps 11:00–17:00$"):
        BusinessHours(tz=NEW_YORK, opening={2: ((time(11), time(17)), (time(9), time(12)))})


def test_search_gives_up_after_twenty_years():
    mondays = frozenset(date(2026, 3, 9) + timedelta(weeks=n) for n in range(21 * 53))
    hours = BusinessHours(tz=NEW_YORK, opening={0: NINE_TO_FIVE}, closed_dates=mondays)

    with pytest.raises(ValueError, match="^Not enough opening time within 20 years of 2026-03-08$"):
        due_time(start=ny(2026, 3, 8, 12), duration=timedelta(hours=1), hours=hours)


def test_start_must_be_aware():
    with pytest.raises(ValueError, match="timezone-aware"):
        due_time(start=datetime(2026, 3, 10, 12), duration=timedelta(hours=1), hours=None)


def test_duration_must_not_be_negative():
    with pytest.raises(ValueError, match="must not be negative"):
        due_time(start=ny(2026, 3, 10, 12), duration=timedelta(seconds=-1), hours=US_OFFICE)


def test_parse_opening_hours():
    raw = {"4": [["13:00", "17:00"], ["09:00", "12:00"]], "5": [["18:00", "24:00"]], "6": [], "0": [["00:00", "24:00"]]}

    assert parse_opening_hours(raw) == {
        0: ((time(0), END_OF_DAY),),
        4: WITH_LUNCH,
        5: ((time(18), END_OF_DAY),),
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param({"1": [["13:00", "12:00"]]}, "Tuesday: 13:00–12:00 ends before it starts", id="inverted"),
        pytest.param({"3": [["09:00", "09:00"]]}, "Thursday: 09:00–09:00 is empty", id="empty"),
        pytest.param(
            {"4": [["12:00", "17:00"], ["09:00", "13:00"]]}, "Friday: 09:00–13:00 overlaps 12:00–17:00", id="overlap"
        ),
        pytest.param({"0": [["9am", "17:00"]]}, "Bad time '9am' on Monday: use HH:MM", id="garbled"),
        pytest.param({"0": [["9:00", "17:00"]]}, "Bad time '9:00' on Monday: use HH:MM", id="one-digit-hour"),
        pytest.param({"0": [["09:00", "25:00"]]}, "Bad time '25:00' on Monday: use HH:MM", id="hour-25"),
        pytest.param({"0": [[9, "17:00"]]}, "Bad time 9 on Monday: use HH:MM", id="not-a-string"),
        pytest.param(
            {"2": [["24:00", "24:00"]]},
            "Bad time '24:00' on Wednesday: use HH:MM (24:00 only as a closing time)",
            id="opens-at-24",
        ),
        pytest.param(
            {"5": [["09:00"]]}, "Saturday: an interval is a pair [opens, closes], got ['09:00']", id="not-a-pair"
        ),
        pytest.param(
            {"6": ["09:00-17:00"]}, "Sunday: an interval is a pair [opens, closes], got '09:00-17:00'", id="a-string"
        ),
        pytest.param({"0": [9]}, "Monday: an interval is a pair [opens, closes], got 9", id="a-number"),
        pytest.param({"7": [["09:00", "17:00"]]}, "Unknown weekday '7': use '0' (Monday) to '6' (Sunday)", id="day-7"),
    ],
)
def test_parse_opening_hours_errors(raw, message):
    with pytest.raises(OpeningHoursError) as caught:
        parse_opening_hours(raw)

    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("country", "subdivision", "message"),
    [
        pytest.param("XX", "", "No public holidays are known for country 'XX'", id="unknown-country"),
        pytest.param("US", "ZZ", "US has no holiday subdivision 'ZZ'", id="unknown-subdivision"),
        pytest.param("", "BY", "Holiday subdivision 'BY' needs a holiday country", id="subdivision-alone"),
    ],
)
def test_holiday_region_is_checked(country, subdivision, message):
    with pytest.raises(ValueError, match=f"^{message}"):
        BusinessHours(tz=NEW_YORK, opening={0: NINE_TO_FIVE}, holiday_country=country, holiday_subdivision=subdivision)


def test_holiday_country_choices():
    choices = holiday_country_choices()

    assert ("US", "United States of America") in choices
    assert ("DE", "Germany") in choices
    assert ("FR", "France") in choices
    assert [name for _code, name in choices] == sorted(name for _code, name in choices)
    assert {code for code, _name in choices} == set(holidays.list_supported_countries(include_aliases=False))


POLICY_SNAPSHOT = {
    "duration_s": 86400,
    "warn_before_s": 21600,
    "calendar": "business",
    "opening_hours": {"0": [["09:00", "17:00"]], "4": [["09:00", "12:00"], ["13:00", "17:00"]]},
    "holiday_country": "US",
    "holiday_subdivision": "NY",
    "closed_dates": ["2026-12-24"],
    "timezone": "America/New_York",
}


def test_business_hours_from_snapshot():
    assert business_hours_from_snapshot(POLICY_SNAPSHOT) == BusinessHours(
        tz=NEW_YORK,
        opening={0: NINE_TO_FIVE, 4: WITH_LUNCH},
        holiday_country="US",
        holiday_subdivision="NY",
        closed_dates=frozenset({date(2026, 12, 24)}),
    )


def test_calendar_snapshot_has_no_business_hours():
    assert business_hours_from_snapshot({**POLICY_SNAPSHOT, "calendar": "calendar"}) is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"calendar": "lunar"}, "Unknown calendar 'lunar'", id="calendar"),
        pytest.param({"timezone": "Mars/Olympus"}, "Unknown time zone 'Mars/Olympus'", id="timezone"),
        pytest.param(
            {"closed_dates": ["24/12/2026"]}, "Bad closed date '24/12/2026': use YYYY-MM-DD", id="closed-date"
        ),
        pytest.param({"opening_hours": {}}, "The week has no opening hours", id="no-opening-hours"),
    ],
)
def test_bad_snapshot(change, message):
    with pytest.raises(ValueError, match=f"^{message}"):
        business_hours_from_snapshot({**POLICY_SNAPSHOT, **change})


# Property tests over generated calendars, in zones with and without daylight saving
# (Lord Howe shifts by 30 minutes, Kolkata is UTC+05:30).
ZONES = [
    ZoneInfo(name)
    for name in ("America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")
]


def _clock_time(minutes: int) -> time:
    return END_OF_DAY if minutes == 24 * 60 else time(minutes // 60, minutes % 60)


@st.composite
def business_hours(draw: st.DrawFn, *, step_minutes: int = 15) -> BusinessHours:
    """Random opening hours with boundaries on multiples of `step_minutes`, holidays and closed dates."""
    opening = {}
    for weekday in range(7):
        points = sorted(draw(st.sets(st.integers(0, 24 * 60 // step_minutes), max_size=4)))
        intervals = tuple(
            (_clock_time(opens * step_minutes), _clock_time(closes * step_minutes))
            for opens, closes in zip(points[::2], points[1::2], strict=False)
        )
        if intervals:
            opening[weekday] = intervals
    assume(opening)
    return BusinessHours(
        tz=draw(st.sampled_from(ZONES)),
        opening=opening,
        holiday_country=draw(st.sampled_from(["", "US", "DE"])),
        closed_dates=draw(st.frozensets(st.dates(date(2024, 1, 1), date(2031, 12, 31)), max_size=30)),
    )


# Whole hours as well as arbitrary instants, so that clocks often run out exactly at a closing time.
starts = st.one_of(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)),
    st.integers(0, 7 * 365 * 24).map(lambda hours: utc(2024, 1, 1) + timedelta(hours=hours)),
)
durations = st.one_of(
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    st.integers(0, 72).map(lambda hours: timedelta(hours=hours)),
)


@settings(max_examples=200, deadline=None)
@given(hours=business_hours(), start=starts, duration=durations)
def test_due_is_never_before_start(hours, start, duration):
    assert due_time(start=start, duration=duration, hours=hours) >= start


@settings(max_examples=200, deadline=None)
@given(hours=business_hours(), start=starts, shorter=durations, longer=durations)
def test_a_longer_clock_is_never_due_earlier(hours, start, shorter, longer):
    shorter, longer = sorted([shorter, longer])

    assert due_time(start=start, duration=shorter, hours=hours) <= due_time(start=start, duration=longer, hours=hours)


@settings(max_examples=200, deadline=None)
@given(hours=business_hours(), start=starts, first=durations, second=durations)
def test_a_clock_can_be_split(hours, start, first, second):
    """Exact, zero durations included, because a clock that runs out at closing time is due then."""
    halfway = due_time(start=start, duration=first, hours=hours)

    assert due_time(start=halfway, duration=second, hours=hours) == due_time(
        start=start, duration=first + second, hours=hours
    )


def _count_open_slices(*, start: datetime, duration: timedelta, hours: BusinessHours) -> datetime:
    """The naive reference: step through real time in 5-minute slices, reading the wall clock at each."""
    public_holidays = holidays.country_holidays(hours.holiday_country) if hours.holiday_country else {}
    slice_length = timedelta(minutes=5)
    moment, remaining = start, duration
    while remaining:
        wall = moment.astimezone(hours.tz)
        day, clock = wall.date(), wall.time()
        if day not in hours.closed_dates and day not in public_holidays:
            intervals = hours.opening.get(day.weekday(), ())
            if any(opens <= clock and (closes == END_OF_DAY or clock < closes) for opens, closes in intervals):
                remaining -= slice_length
        moment += slice_length
    return moment


@settings(max_examples=100, deadline=None)
@given(
    hours=business_hours(step_minutes=60),
    slices_after_2024=st.one_of(
        st.integers(0, 7 * 365 * 24 * 12), st.integers(0, 7 * 365 * 24).map(lambda hours: 12 * hours)
    ),
    slices=st.one_of(st.integers(0, 8 * 12), st.integers(0, 8).map(lambda hours: 12 * hours)),
)
def test_agrees_with_counting_open_slices(hours, slices_after_2024, slices):
    """due_time agrees with reading the wall clock slice by slice.

    Boundaries are on whole hours: the zones here repeat or skip whole or half hours starting at a whole hour, so
    no boundary falls strictly inside a repeated hour, the one place where "the wall clock reads an open time"
    and "the first instant it reads the boundary" part ways.
    """
    start = utc(2024, 1, 1) + timedelta(minutes=5 * slices_after_2024)
    duration = timedelta(minutes=5 * slices)

    assert due_time(start=start, duration=duration, hours=hours) == _count_open_slices(
        start=start, duration=duration, hours=hours
    )

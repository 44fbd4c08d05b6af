"""One clock of time: every time a page shows reads in the account's zone, or the viewer's own if they
chose one, labelled with the zone, with the exact UTC instant on hover; the same in a partial."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, translation

from helpdesk import timefmt
from helpdesk.models import UserPreference
from helpdesk.services.accounts import preference_time_zone_set
from tests.factories import CaseFactory

WINTER = datetime(2026, 1, 15, 17, 30, tzinfo=UTC)
SUMMER = datetime(2026, 7, 15, 17, 30, tzinfo=UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


def render(value, account, user, style="short") -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load helpdesk_tags %}{% when value account style %}")
    return template.render(Context({"value": value, "account": account, "style": style, "request": request}))


def test_a_time_reads_in_the_accounts_zone_labelled_with_the_utc_instant_on_hover(account, agent):
    assert render(WINTER, account, agent) == (
        '<time datetime="2026-01-15T17:30:00Z" title="Thu 15 Jan 2026, 17:30:00 UTC">Thu 15 Jan 12:30 EST</time>'
    )
    assert ">Wed 15 Jul 2026, 13:30 EDT</time>" in render(SUMMER, account, agent, "full")


def test_a_person_who_chose_a_zone_reads_every_time_in_it(account, agent):
    preference_time_zone_set(user=agent, time_zone="Asia/Tokyo")
    assert ">Fri 16 Jan 02:30 JST</time>" in render(WINTER, account, agent)
    preference_time_zone_set(user=agent, time_zone="")
    assert ">Thu 15 Jan 12:30 EST</time>" in render(WINTER, account, agent)
    assert UserPreference.objects.get(user=agent).time_zone == ""


def test_a_calendar_day_is_the_zones_day_as_text(account, agent):
    assert render(date(2026, 3, 1), account, agent, "weekday") == "Sun 1 Mar 2026"
    assert (
        render(datetime(2026, 3, 2, 3, 0, tzinfo=UTC), account, agent, "date") == "1 Mar 2026"
    )  # still the 1st in New York


@pytest.mark.parametrize("part", ["head", "clocks"])
def test_the_case_page_and_its_partials_read_the_same_times(client, account, agent, part):
    case = CaseFactory(account=account, opened_at=WINTER)
    client.force_login(agent)
    url = reverse("helpdesk:case", args=[case.id])
    partial = client.get(url, {"part": part}, **HTMX).content.decode()
    assert partial.strip() in client.get(url).content.decode()
    if part == "head":
        assert "Thu 15 Jan 2026, 12:30 EST" in partial


def test_the_preferences_page_saves_the_zone(client, agent):
    client.force_login(agent)
    response = client.post(reverse("preferences"), {"time_zone": "Europe/Lisbon", "weekly_summary": "on"}, follow=True)
    assert "Preferences saved" in response.content.decode()
    preference = UserPreference.objects.get(user=agent)
    assert preference.time_zone == "Europe/Lisbon" and preference.weekly_summary
    assert client.post(reverse("preferences"), {"time_zone": "Mars/Olympus"}).status_code == 400


def test_the_signed_in_persons_zone_comes_with_them_not_from_a_query_of_its_own(client, account, agent):
    preference_time_zone_set(user=agent, time_zone="Asia/Tokyo")
    case = CaseFactory(account=account, opened_at=WINTER)
    client.force_login(agent, backend="helpdesk.backends.PreferencesModelBackend")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("helpdesk:case", args=[case.id])).content.decode()
    assert "Fri 16 Jan 2026, 02:30 JST" in page
    assert not [q for q in queries.captured_queries if 'FROM "helpdesk_userpreference"' in q["sql"]]


# Clock changes, in UTC: New York's and Berlin's autumn ones, and Lord Howe's half hour back.
CLOCK_CHANGES = [
    datetime(2025, 11, 2, 6, tzinfo=UTC),
    datetime(2025, 10, 26, 1, tzinfo=UTC),
    datetime(2025, 4, 5, 15, tzinfo=UTC),
]


@pytest.mark.parametrize("language", ["en-us", "de"])
def test_times_read_as_djangos_date_format_writes_them(language):
    """timefmt writes its formats itself, for speed: word for word what django.utils.dateformat writes,
    through two years in zones with and without clock changes, the ambiguous hours of the changes
    (no zone name) included, and days; in another language too."""
    zones = [ZoneInfo(name) for name in ("America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Lord_Howe")]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    instants = [start + timedelta(hours=hour, minutes=hour % 60, seconds=hour % 7) for hour in range(0, 2 * 8760, 11)]
    instants += [change + timedelta(minutes=minutes) for change in CLOCK_CHANGES for minutes in range(-120, 120, 10)]
    ambiguous = 0
    with translation.override(language):
        for instant in instants:
            for value in [instant, *(instant.astimezone(zone) for zone in zones), instant.date()]:
                for fmt in timefmt.COMPILED:
                    if isinstance(value, datetime) or not set(fmt) & set("HisT"):
                        expected = dateformat.format(value, fmt)
                        assert timefmt.formatted(value, fmt) == expected, (value, fmt)
                        ambiguous += fmt.endswith("T") and expected.endswith(" ")
    assert ambiguous

from datetime import UTC, datetime, timedelta

import time_machine

from helpdesk.templatetags.helpdesk_tags import countdown

DUE = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


@time_machine.travel(DUE - timedelta(hours=8), tick=False)
def test_running_clock():
    html = countdown(DUE, DUE - timedelta(hours=6))
    assert 'class="countdown ok"' in html and "due in 8h 0m" in html and f'data-due="{DUE.isoformat()}"' in html


@time_machine.travel(DUE - timedelta(hours=2), tick=False)
def test_inside_the_warning():
    assert 'class="countdown warn"' in countdown(DUE, DUE - timedelta(hours=6))


@time_machine.travel(DUE + timedelta(minutes=90), tick=False)
def test_overdue():
    html = countdown(DUE, DUE - timedelta(hours=6))
    assert 'class="countdown overdue"' in html and "overdue by 1h 30m" in html


def test_answered_in_time_and_late():
    started = DUE - timedelta(hours=24)
    on_time = countdown(DUE, None, started + timedelta(hours=3, minutes=12), started, "answered")
    assert "answered in 3h 12m" in on_time and "late" not in on_time and "data-due" not in on_time
    late = countdown(DUE, None, DUE + timedelta(hours=2), started, "answered")
    assert "answered in 1d 2h, 2h 0m late" in late and 'class="countdown late"' in late


def test_no_clock():
    assert "no clock" in countdown(None)

from datetime import timedelta

from django import template

from helpdesk.timefmt import span
from messaging.outbound.selectors import response_times

register = template.Library()


@register.filter
def duration(value: timedelta | None) -> str:
    """“2h 5m”, in the words the countdowns use."""
    return span(value.total_seconds()) if value is not None else "—"


@register.inclusion_tag("outbound/response_times.html#figure")
def response_time_figure(account_id: int, days: int = 30) -> dict:
    """The response-time figure of one account: `{% response_time_figure account.id 30 %}`."""
    return {"times": response_times(account_ids=[account_id], days=days), "days": days}

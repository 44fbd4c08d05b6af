from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from helpdesk.timefmt import span

register = template.Library()


@register.simple_tag
def countdown(due: datetime | None, warn: datetime | None = None, met: datetime | None = None) -> str:
    """A countdown the browser ticks without requests (static/js/countdown.js).

    Rendered right on the server too, so it reads correctly before the script runs."""
    if due is None:
        return mark_safe('<span class="countdown none">no clock</span>')
    now = timezone.now()
    if met is not None:
        late = met > due
        text = (
            f"met {span((met - due).total_seconds())} late"
            if late
            else f"met with {span((due - met).total_seconds())} to spare"
        )
        return format_html(
            '<time class="countdown {}" datetime="{}">{}</time>', "late" if late else "met", due.isoformat(), text
        )
    left = (due - now).total_seconds()
    state = "overdue" if left <= 0 else ("warn" if warn is not None and now >= warn else "ok")
    text = f"overdue by {span(left)}" if left <= 0 else f"due in {span(left)}"
    return format_html(
        '<time class="countdown {}" datetime="{}" data-due="{}" data-warn="{}" title="{}">{}</time>',
        state,
        due.isoformat(),
        due.isoformat(),
        warn.isoformat() if warn else "",
        timezone.localtime(due).strftime("%Y-%m-%d %H:%M %Z"),
        text,
    )

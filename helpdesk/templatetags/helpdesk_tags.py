from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from helpdesk.selectors import time_zone_preference
from helpdesk.timefmt import display_zone, moment, span

register = template.Library()


@register.simple_tag
def countdown(
    due: datetime | None,
    warn: datetime | None = None,
    met: datetime | None = None,
    started: datetime | None = None,
    verb: str = "met",
) -> str:
    """A countdown the browser ticks without requests (static/js/countdown.js).

    Rendered right on the server too, so it reads correctly before the script
    runs. A met clock reads “answered in 3h 12m” (with `verb="answered"`), and
    says how late it was if it was."""
    if due is None:
        return mark_safe('<span class="countdown none">no clock</span>')
    now = timezone.now()
    if met is not None:
        late = met > due
        text = f"{verb} in {span((met - (started or met)).total_seconds())}"
        if late:
            text += f", {span((met - due).total_seconds())} late"
        return format_html(
            '<time class="countdown {}" datetime="{}">{}</time>', "late" if late else "met", due.isoformat(), text
        )
    left = (due - now).total_seconds()
    state = "overdue" if left <= 0 else ("warn" if warn is not None and now >= warn else "ok")
    text = f"overdue by {span(left)}" if left <= 0 else f"due in {span(left)}"
    # Every value here is ours (ISO timestamps, fixed words): nothing to escape.
    due_iso = due.isoformat()
    warn_iso = warn.isoformat() if warn else ""
    return mark_safe(
        f'<time class="countdown {state}" datetime="{due_iso}" data-due="{due_iso}" data-warn="{warn_iso}">'
        f"{text}</time>"
    )


@register.simple_tag
def options(choices, selected=None) -> str:
    """<option>s for a <select>, in one pass: long lists of people stay cheap to render."""
    chosen = "" if selected is None else str(selected)
    return mark_safe(
        "".join(
            f'<option value="{escape(value)}"{" selected" if str(value) == chosen else ""}>{escape(label)}</option>'
            for value, label in choices
        )
    )


@register.simple_tag(takes_context=True)
def when(context, value, account=None, style: str = "short") -> str:
    """Every time a page shows: `{% when case.opened_at case.account %}`, optionally with a style
    ("full", "short", "time"; the calendar-day ones "date", "weekday", "day"). In the viewer's chosen
    zone, else the account's, labelled with the zone, in a <time> with the exact UTC instant in
    `datetime` and on hover; a calendar day is the zone's day, as text. It reads the same on the page
    and in any htmx partial of it: nothing depends on a surrounding {% timezone %}."""
    if value in (None, ""):
        return ""
    request = context.get("request")
    preferred = time_zone_preference(request.user) if request is not None and hasattr(request, "user") else ""
    zone = display_zone(preferred=preferred, account=account)
    text, iso, utc = moment(value, zone=zone, style=style)
    if not iso:
        return text
    return format_html('<time datetime="{}" title="{}">{}</time>', iso, utc, text)


@register.filter
def pct(value: float | None) -> str:
    """A share as a percentage: 0.0123 → "1.23%", 0.985 → "98.5%"; none → "—"."""
    if value is None:
        return "—"
    return f"{value * 100:.2f}%" if value < 0.1 else f"{value * 100:.1f}%"


@register.filter
def seconds(value: float | None) -> str:
    """A duration in seconds as "3h 12m"; none → "—"."""
    return "—" if value is None else span(value)


@register.filter
def late_by(deadline) -> str:
    """How far past due a breached clock went: until it was met, else until now."""
    end = deadline.met_at or timezone.now()
    return span((end - deadline.due_at).total_seconds())

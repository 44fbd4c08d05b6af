from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from helpdesk.selectors import notifications_for, unread_count
from helpdesk.services.notifications import notification_mark_read

from .access import role_required


@role_required()
def notifications(request: HttpRequest) -> HttpResponse:
    context = {"notes": notifications_for(request.user)[:100], "unread": unread_count(request.user)}
    template = "helpdesk/notifications.html#list" if request.htmx else "helpdesk/notifications.html"
    return render(request, template, context)


@role_required()
def notifications_badge(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html#badge", {"nav_unread": unread_count(request.user)})


@require_POST
@role_required()
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification_mark_read(user=request.user, notification_id=notification_id)
    return _after_read(request)


@require_POST
@role_required()
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    notification_mark_read(user=request.user)
    return _after_read(request)


def _after_read(request: HttpRequest) -> HttpResponse:
    if request.htmx:
        return trigger_client_event(notifications(request), "notifications-changed")
    return redirect("helpdesk:notifications")

"""The settings area: one place per seller account for every page that configures it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from helpdesk.roles import Role
from helpdesk.selectors import highest_role, settings_areas

from .access import role_required


@role_required(Role.MANAGER)
def settings_index(request: HttpRequest) -> HttpResponse:
    areas = settings_areas(request.user)
    return render(
        request,
        "helpdesk/settings.html",
        {"areas": areas, "is_admin": highest_role(request.user) == Role.ADMIN or request.user.is_superuser},
    )

"""Until a login has given its second factor (or enrolled one, where it must), it reaches only the
pages that take it there, logging out and static files."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from helpdesk.services.two_factor import ENROL, SESSION_KEY

OPEN_URLS = ("two_factor", "two_factor_verify", "logout", "helpdesk:healthz")


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        state = request.session.get(SESSION_KEY)
        if state and request.user.is_authenticated and not _open(request.path):
            target = reverse("two_factor" if state == ENROL else "two_factor_verify")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _open(path: str) -> bool:
    return path.startswith(f"/{settings.STATIC_URL.lstrip('/')}") or path in {reverse(name) for name in OPEN_URLS}

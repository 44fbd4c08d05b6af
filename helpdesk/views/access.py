"""Who may reach a view. Tenancy itself is enforced by the selectors."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from helpdesk.roles import Role
from helpdesk.selectors import account_ids_for

View = Callable[..., HttpResponse]


def role_required(min_role: str = Role.AGENT) -> Callable[[View], View]:
    """Logged in, and holding at least `min_role` on some seller account."""

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not account_ids_for(request.user, min_role=min_role) and not (
                min_role == Role.ADMIN and request.user.is_superuser
            ):
                raise PermissionDenied(f"This page is for {Role(min_role).label.lower()}s.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

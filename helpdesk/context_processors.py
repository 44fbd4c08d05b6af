from django.http import HttpRequest

from helpdesk.selectors import nav_context


def navigation(request: HttpRequest) -> dict:
    """What the base layout needs: the user's links and unread notification count."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return nav_context(user)

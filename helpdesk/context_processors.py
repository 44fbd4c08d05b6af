from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict:
    """What the base layout needs: the user's roles and unread notification count."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from helpdesk.selectors import nav_context

    return nav_context(user)

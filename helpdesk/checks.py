"""System checks (`manage.py check`) on settings that are valid but cannot do what they seem to."""

from django.conf import settings
from django.core.checks import CheckMessage, Warning


def spapi_account_check(app_configs, **kwargs) -> list[CheckMessage]:
    """A server-wide refresh token with no account named for it serves no account at all."""
    if settings.SPAPI_REFRESH_TOKEN and not settings.SPAPI_ACCOUNT:
        return [
            Warning(
                "SPAPI_REFRESH_TOKEN is set but SPAPI_ACCOUNT is not: the server's refresh token serves no account.",
                hint="Set SPAPI_ACCOUNT to the slug of the seller account that refresh token belongs to.",
                id="helpdesk.W001",
            )
        ]
    return []

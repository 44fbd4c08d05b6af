"""Signing in and reading the signed-in user on each request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PreferencesModelBackend(ModelBackend):
    """Django's model backend, reading the request's user together with their preferences: every page
    shows its times in the user's chosen zone (`helpdesk.selectors.time_zone_preference`), which then
    costs no query of its own."""

    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = User._default_manager.select_related("preference").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

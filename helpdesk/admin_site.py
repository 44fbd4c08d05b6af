"""Django's admin, for superusers only.

It reads every table of every seller account, unscoped: the accounts' own admins work in the
product's settings pages instead, and staff who are not superusers are not let in."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class SuperuserAdminSite(AdminSite):
    site_header = "Sellerdesk: Django admin (superusers)"

    def has_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser


class SuperuserAdminConfig(AdminConfig):
    default_site = "helpdesk.admin_site.SuperuserAdminSite"

"""The URL conf: each app's URL module, as the app registered it, then login and Django's admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from helpdesk.registry import registry
from helpdesk.views import auth

urlpatterns = [
    *(path(prefix, include(module)) for prefix, module in registry.url_includes()),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("login/two-factor/", auth.two_factor_verify, name="two_factor_verify"),
    path("account/two-factor/", auth.two_factor, name="two_factor"),
    path("account/preferences/", auth.preferences, name="preferences"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("django-admin/", admin.site.urls),
]

handler403 = "helpdesk.views.errors.forbidden"
handler404 = "helpdesk.views.errors.not_found"
handler500 = "helpdesk.views.errors.server_error"

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("", include("helpdesk.app_urls")),
    path("messages/compliance/", include("messaging.compliance.urls")),
    path("messages/outbound/", include("messaging.outbound.urls")),
    path("messages/", include("messaging.urls")),
    path("feedback/solicitation/", include("feedback.solicitation.urls")),
    path("feedback/", include("feedback.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
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

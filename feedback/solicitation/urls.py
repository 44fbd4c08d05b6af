from django.urls import path

from . import views

app_name = "solicitation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:account_id>/", views.preview, name="preview"),
    path("<int:account_id>/pause", views.pause, name="pause"),
    path("<int:account_id>/resume", views.resume, name="resume"),
    path("<int:account_id>/run", views.run, name="run"),
    path("<int:account_id>/exclusions", views.exclusion_add, name="exclusion_add"),
    path("exclusions/<int:exclusion_id>/remove", views.exclusion_remove, name="exclusion_remove"),
    path("<int:account_id>/requests/", views.request_log, name="request_log"),
    path("<int:account_id>/settings/", views.settings_page, name="settings"),
    path("<int:account_id>/settings/rules", views.rules, name="rules"),
]

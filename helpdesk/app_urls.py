from django.urls import path

from . import views

app_name = "helpdesk"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("", views.queue, name="queue"),
]

from django.urls import path

from . import views

app_name = "plugin_kind"

urlpatterns = [path("", views.things, name="things")]

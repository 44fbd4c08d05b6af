from django.urls import path

from . import views

app_name = "problems"

urlpatterns = [
    path("", views.problems_page, name="page"),
    path("flag", views.flag_view, name="flag"),
    path("<int:problem_id>/tell", views.tell_view, name="tell"),
]

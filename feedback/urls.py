from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.feedback_page, name="page"),
    path("export.csv", views.feedback_export, name="export"),
    path("import/", views.feedback_upload, name="import"),
    path("new/", views.feedback_entry, name="entry"),
    path("<int:feedback_id>/removal-requests", views.removal_request_create_view, name="removal_request_create"),
    path(
        "removal-requests/<int:request_id>/outcome", views.removal_request_outcome_view, name="removal_request_outcome"
    ),
    path("<int:feedback_id>/resolutions", views.resolution_create_view, name="resolution_create"),
    path("<int:feedback_id>/outreach", views.outreach_create_view, name="outreach_create"),
    path("outreach/<int:contact_id>/outcome", views.outreach_outcome_view, name="outreach_outcome"),
    path("<int:feedback_id>/response", views.response_save_view, name="response_save"),
    path("settings/<int:account_id>/", views.outreach_settings, name="settings"),
]

from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("<int:claim_id>/evidence/", views.evidence_page, name="evidence"),
    path("<int:claim_id>/evidence.pdf", views.evidence_pdf_view, name="evidence_pdf"),
    path("<int:claim_id>/respond", views.respond_view, name="respond"),
    path("<int:claim_id>/statement", views.statement_save_view, name="statement_save"),
    path("<int:claim_id>/outcome", views.outcome_view, name="outcome"),
    path("<int:claim_id>/appeal", views.appeal_view, name="appeal"),
    path("<int:claim_id>/accept", views.accept_view, name="accept"),
    path("<int:claim_id>/tracking", views.tracking_view, name="tracking"),
    path("<int:claim_id>/follow-up/start", views.follow_up_start_view, name="follow_up_start"),
    path("<int:claim_id>/follow-up/done", views.follow_up_done_view, name="follow_up_done"),
]

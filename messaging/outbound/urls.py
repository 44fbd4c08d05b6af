from django.urls import path

from . import views

app_name = "outbound"

urlpatterns = [
    path("cases/<int:case_id>/reply", views.reply, name="reply"),
    path("cases/<int:case_id>/insert", views.insert, name="insert"),
    path("cases/<int:case_id>/presence", views.presence, name="presence"),
    path("cases/<int:case_id>/delivery", views.delivery, name="delivery"),
    path("cases/<int:case_id>/entry", views.entry, name="entry"),
    path("cases/<int:case_id>/mark", views.mark, name="mark"),
    path("replies/<int:reply_id>/retry", views.retry, name="retry"),
    path("replies/<int:reply_id>/confirm", views.confirm, name="confirm"),
    path("call-prompts/<int:prompt_id>/dismiss", views.call_prompt_dismiss_view, name="call_prompt_dismiss"),
    path("flagged/", views.flagged, name="flagged"),
    path("marks/<int:mark_id>/review", views.review, name="review"),
    path("response-times/", views.response_times, name="response_times"),
    path("accounts/<int:account_id>/", views.account, name="account"),
    path("accounts/<int:account_id>/sender", views.sender, name="sender"),
    path("accounts/<int:account_id>/contact-cap", views.contact_cap, name="contact_cap"),
    path("canned/<int:canned_id>/", views.canned_edit, name="canned_edit"),
    path("canned/<int:canned_id>/delete", views.canned_delete, name="canned_delete"),
]

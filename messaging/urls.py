from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/upload", views.inbox_upload, name="inbox_upload"),
    path("inbox/<int:mail_id>/raw", views.inbox_raw, name="inbox_raw"),
    path("inbox/<int:mail_id>/retry", views.inbox_retry, name="inbox_retry"),
    path("inbox/<int:mail_id>/assign", views.inbox_assign, name="inbox_assign"),
    path("inbox/notices/<int:mail_id>/retry", views.notice_retry_view, name="notice_retry"),
    path("attachments/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("messages/<int:message_id>/formatted", views.message_formatted, name="message_formatted"),
    path("mailboxes/", views.mailboxes, name="mailboxes"),
    path("mailboxes/<int:mailbox_id>/", views.mailbox, name="mailbox"),
    path("mailboxes/<int:mailbox_id>/test", views.mailbox_test_view, name="mailbox_test"),
]

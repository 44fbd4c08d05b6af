from django.urls import path

from . import views

app_name = "returns"

urlpatterns = [
    path("", views.returns_page, name="page"),
    path("export.csv", views.returns_export, name="export"),
    path("sku/", views.sku_page, name="sku"),
    path("import/", views.returns_upload, name="import"),
    path("from-message/<int:message_id>", views.from_message_view, name="from_message"),
    path("<int:return_id>/decide", views.decide_view, name="decide"),
    path("<int:return_id>/draft", views.decision_draft, name="draft"),
    path("<int:return_id>/receive", views.receive_view, name="receive"),
    path("<int:return_id>/refund", views.refund_view, name="refund"),
    path("units/<int:unit_id>/grade", views.grade_view, name="grade"),
    path("photos/<int:photo_id>", views.photo_download, name="photo"),
    path("settings/<int:account_id>/", views.settings_page, name="settings"),
    path("settings/<int:account_id>/overrides", views.override_add_view, name="override_add"),
    path("settings/<int:account_id>/restocking", views.restocking_save_view, name="restocking_save"),
    path("settings/<int:account_id>/skus", views.sku_recovery_save_view, name="sku_recovery_save"),
    path("overrides/<int:override_id>/delete", views.override_delete_view, name="override_delete"),
    path("restocking/<int:rule_id>/delete", views.restocking_delete_view, name="restocking_delete"),
    path("skus/<int:row_id>/delete", views.sku_recovery_delete_view, name="sku_recovery_delete"),
]

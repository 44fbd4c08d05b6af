from django.urls import path

from . import views

app_name = "compliance"

urlpatterns = [
    path("check", views.check, name="check"),
    path("rules/", views.rules, name="rules"),
    path("rules/<int:account_id>/rules", views.rule_create, name="rule_create"),
    path("rules/rule/<int:rule_id>", views.rule_update, name="rule_update"),
    path("rules/rule/<int:rule_id>/delete", views.rule_delete, name="rule_delete"),
    path("rules/<int:account_id>/domains", views.domain_add, name="domain_add"),
    path("rules/domain/<int:domain_id>/remove", views.domain_remove, name="domain_remove"),
]

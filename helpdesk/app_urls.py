from django.urls import path

from .views import (
    admin,
    amazon,
    dashboard,
    health,
    imports,
    invitations,
    notifications,
    policies,
    preferences,
    queue,
    risk,
)

app_name = "helpdesk"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("", queue.queue, name="queue"),
    path("cases/assign", queue.cases_bulk_assign_view, name="cases_bulk_assign"),
    path("cases/<int:case_id>/", queue.case_detail, name="case"),
    path("cases/<int:case_id>/assign", queue.case_assign_view, name="case_assign"),
    path("cases/<int:case_id>/status", queue.case_status_view, name="case_status"),
    path("cases/<int:case_id>/priority", queue.case_priority_view, name="case_priority"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("risk/", risk.risk, name="risk"),
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/badge", notifications.notifications_badge, name="notifications_badge"),
    path("notifications/<int:notification_id>/read", notifications.notification_read, name="notification_read"),
    path("notifications/read-all", notifications.notifications_read_all, name="notifications_read_all"),
    path("account/preferences/", preferences.preferences, name="preferences"),
    path("orders/import/", imports.order_import, name="order_import"),
    path("imports/<int:job_id>/", imports.import_job, name="import_job"),
    path("imports/<int:job_id>/retry", imports.import_job_retry, name="import_job_retry"),
    path("settings/accounts/", admin.accounts, name="accounts"),
    path("settings/accounts/<int:account_id>/", admin.account_detail, name="account"),
    path("settings/accounts/<int:account_id>/invite", admin.member_invite, name="member_invite"),
    path("settings/invitations/<int:invitation_id>/revoke", admin.invitation_revoke_view, name="invitation_revoke"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
    path("settings/accounts/<int:account_id>/amazon/", amazon.amazon, name="amazon"),
    path("settings/accounts/<int:account_id>/amazon/credentials", amazon.amazon_credentials, name="amazon_credentials"),
    path("settings/accounts/<int:account_id>/amazon/sync-orders", amazon.amazon_sync_orders, name="amazon_sync_orders"),
    path("settings/accounts/<int:account_id>/policies/", policies.policies, name="policies"),
    path("settings/accounts/<int:account_id>/policies/<str:kind>", policies.policy_edit, name="policy_edit"),
    path("settings/members/<int:membership_id>/role", admin.member_role, name="member_role"),
    path("settings/members/<int:membership_id>/remove", admin.member_remove, name="member_remove"),
]

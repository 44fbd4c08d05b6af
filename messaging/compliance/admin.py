"""Read-only in Django's admin: rules and allowed domains change through the Message rules page, which audits every
write; approvals are an append-only log."""

from django.contrib import admin

from helpdesk.admin import ReadOnlyAdmin

from .models import AllowedDomain, ComplianceApproval, ComplianceRule


@admin.register(ComplianceRule)
class ComplianceRuleAdmin(ReadOnlyAdmin):
    list_display = ["account", "kind", "pattern", "message", "blocking", "active", "created_at"]
    list_filter = ["kind", "blocking", "active", "account"]
    search_fields = ["pattern", "message"]


@admin.register(AllowedDomain)
class AllowedDomainAdmin(ReadOnlyAdmin):
    list_display = ["account", "domain", "created_at"]
    list_filter = ["account"]
    search_fields = ["domain"]


@admin.register(ComplianceApproval)
class ComplianceApprovalAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "account", "approved_by", "reason", "reply_key"]
    list_filter = ["account"]
    search_fields = ["reason", "text", "reply_key"]
    list_select_related = ["account", "approved_by"]
    show_full_result_count = False

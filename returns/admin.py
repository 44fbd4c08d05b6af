from django.contrib import admin

from .models import (
    RestockingRule,
    Return,
    ReturnDecision,
    ReturnedUnit,
    ReturnItem,
    ReturnRefund,
    ReturnSettings,
    ReturnWindowOverride,
    SkuRecovery,
)


class ReturnItemInline(admin.TabularInline):
    model = ReturnItem
    extra = 0
    fields = ["sku", "asin", "title", "quantity", "reason", "in_policy", "unit_price"]
    readonly_fields = fields


@admin.register(Return)
class ReturnAdmin(admin.ModelAdmin):
    """Imported rows are Amazon's: corrected here, not added or deleted."""

    list_display = ["amazon_order_id", "rma_id", "channel", "status", "requested_at", "account"]
    list_filter = ["channel", "status", "account"]
    search_fields = ["amazon_order_id", "rma_id", "license_plate"]
    raw_id_fields = ["case", "notice_mail"]
    inlines = [ReturnItemInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReturnedUnit)
class ReturnedUnitAdmin(admin.ModelAdmin):
    list_display = ["sku", "number", "ret", "grade", "disposition", "mismatched", "received_on"]
    list_filter = ["grade", "disposition", "mismatched"]
    raw_id_fields = ["ret", "item", "grader"]


@admin.register(ReturnDecision)
class ReturnDecisionAdmin(admin.ModelAdmin):
    list_display = ["ret", "kind", "label", "close_reason", "source", "decided_at"]
    raw_id_fields = ["ret", "reply", "decided_by"]


@admin.register(ReturnRefund)
class ReturnRefundAdmin(admin.ModelAdmin):
    list_display = ["ret", "amount", "restocking_fee", "source", "refunded_at"]
    raw_id_fields = ["ret", "refunded_by"]


@admin.register(ReturnSettings)
class ReturnSettingsAdmin(admin.ModelAdmin):
    list_display = ["account", "window_days", "share_new", "share_used", "referral_rate"]


admin.site.register(ReturnWindowOverride)
admin.site.register(RestockingRule)
admin.site.register(SkuRecovery)

from django.contrib import admin

from .models import SkuExclusion, SolicitationRequest, SolicitationSettings


@admin.register(SolicitationSettings)
class SolicitationSettingsAdmin(admin.ModelAdmin):
    list_display = ["account", "paused", "window_start_days", "window_end_days", "max_sku_return_rate", "updated_at"]
    list_filter = ["paused"]
    fields = ["account", "paused", "window_start_days", "window_end_days", "max_sku_return_rate"]
    autocomplete_fields = ["account"]


@admin.register(SkuExclusion)
class SkuExclusionAdmin(admin.ModelAdmin):
    list_display = ["sku", "account", "excluded_by", "reason", "created_at"]
    list_filter = ["account"]
    search_fields = ["sku"]
    autocomplete_fields = ["account", "excluded_by"]


@admin.register(SolicitationRequest)
class SolicitationRequestAdmin(admin.ModelAdmin):
    """A record of what was asked of Amazon: read-only."""

    list_display = ["order", "account", "state", "error_code", "requested_at", "attempted_at", "created_by"]
    list_filter = ["state", "account"]
    search_fields = ["order__amazon_order_id", "error_code"]
    list_select_related = ["order", "account", "created_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

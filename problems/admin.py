from django.contrib import admin

from .models import OrderProblem


@admin.register(OrderProblem)
class OrderProblemAdmin(admin.ModelAdmin):
    """Found in the order data or flagged by an agent: looked at here, changed only through the case."""

    list_display = ["order", "kind", "account", "known_at", "late_at", "told_at"]
    list_filter = ["kind", "account"]
    search_fields = ["order__amazon_order_id"]
    readonly_fields = [field.name for field in OrderProblem._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

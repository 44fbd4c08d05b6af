from django.contrib import admin

from helpdesk.models import (
    Activity,
    AmazonConnection,
    Case,
    Deadline,
    ImportJob,
    Membership,
    Notification,
    Order,
    OrderDay,
    OrderItem,
    Policy,
    SellerAccount,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(SellerAccount)
class SellerAccountAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "merchant_id", "marketplace", "timezone"]
    search_fields = ["name", "slug", "merchant_id"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "account", "role"]
    list_filter = ["role", "account"]
    autocomplete_fields = ["user", "account"]


class OrderItemInline(admin.TabularInline):
    model = OrderItem
    extra = 0


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    """Orders come from Amazon (reports, the Orders API): correctable here, but not added, deleted or
    moved to another account or day, which the per-day order counts (`OrderDay`) follow the importers for."""

    readonly_fields = ["account", "amazon_order_id", "purchase_date"]
    list_display = ["amazon_order_id", "account", "status", "fulfillment_channel", "purchase_date", "buyer_name"]
    list_filter = ["account", "fulfillment_channel", "status"]
    search_fields = ["amazon_order_id", "buyer_name", "buyer_email"]
    list_select_related = ["account"]
    show_full_result_count = False
    inlines = [OrderItemInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "account", "status", "assignee", "priority", "next_due_at"]
    list_filter = ["kind", "status", "account"]
    search_fields = ["subject", "buyer_name", "order__amazon_order_id"]
    raw_id_fields = ["order", "assignee"]
    list_select_related = ["account", "assignee"]
    show_full_result_count = False


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["id", "case", "kind", "state", "started_at", "due_at", "met_at", "breached_at"]
    list_filter = ["kind", "state", "account"]
    raw_id_fields = ["case"]
    show_full_result_count = False


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["account", "kind", "duration", "warn_before", "calendar"]
    list_filter = ["kind", "calendar"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "kind", "title", "read_at", "email_state"]
    list_filter = ["kind", "email_state"]
    raw_id_fields = ["case", "deadline"]
    show_full_result_count = False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "account", "kind", "filename", "status", "imported", "unchanged", "rejected"]
    list_filter = ["kind", "status"]
    readonly_fields = ["file", "size", "purged_at", "lease_until", "attempts"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows only the application writes: readable here, never editable."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    """The audit trail is append-only."""

    list_display = ["created_at", "account", "case", "actor", "verb", "summary"]
    list_filter = ["verb", "account"]
    search_fields = ["summary"]
    raw_id_fields = ["case"]
    show_full_result_count = False


@admin.register(OrderDay)
class OrderDayAdmin(ReadOnlyAdmin):
    """Counted from the orders by the importers (`helpdesk.services.order_days`)."""

    list_display = ["day", "account", "orders"]
    list_filter = ["account"]
    date_hierarchy = "day"


@admin.register(AmazonConnection)
class AmazonConnectionAdmin(ReadOnlyAdmin):
    """The encrypted credentials are left out: admins set them on the account's Amazon connection page.
    The order sync's state is written by the sync only."""

    list_display = ["account", "order_sync_state", "order_sync_at", "orders_synced_until", "updated_at"]
    list_filter = ["order_sync_state"]
    fields = ["account", "order_sync_state", "order_sync_message", "order_sync_at", "orders_synced_until"]
    list_select_related = ["account"]

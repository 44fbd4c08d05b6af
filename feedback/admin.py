from django.contrib import admin

from .models import Feedback, OutreachContact, OutreachSettings, RemovalRequest, Resolution


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["date", "rating", "amazon_order_id", "account", "status", "source"]
    list_filter = ["rating", "status", "source", "account"]
    search_fields = ["amazon_order_id", "comments"]
    raw_id_fields = ["order", "case"]


@admin.register(RemovalRequest)
class RemovalRequestAdmin(admin.ModelAdmin):
    list_display = ["feedback", "reason", "submitted_on", "outcome"]
    list_filter = ["reason", "outcome"]
    raw_id_fields = ["feedback"]


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["feedback", "kind", "created_at"]
    raw_id_fields = ["feedback"]


@admin.register(OutreachContact)
class OutreachContactAdmin(admin.ModelAdmin):
    list_display = ["feedback", "purpose", "contacted_at", "outcome"]
    list_filter = ["purpose", "outcome"]
    raw_id_fields = ["feedback"]


@admin.register(OutreachSettings)
class OutreachSettingsAdmin(admin.ModelAdmin):
    list_display = ["account", "max_contacts", "min_days_between"]

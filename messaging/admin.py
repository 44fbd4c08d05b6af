from django import forms
from django.contrib import admin, messages

from .models import Attachment, Conversation, InboundMail, Mailbox, MailStatus, Message
from .services import inbound_retry, mailbox_env_allowed, mailbox_set_password


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin):
    """Staff see here, too, the mail that matched no account; set its account, then retry."""

    list_display = [
        "id",
        "arrived_at",
        "account",
        "source",
        "kind",
        "sender_check",
        "status",
        "subject",
        "amazon_order_id",
    ]
    list_filter = ["status", "kind", "sender_check", "source", "account"]
    search_fields = ["subject", "from_address", "amazon_order_id", "message_id", "relay_address"]
    readonly_fields = [f.name for f in InboundMail._meta.fields if f.name not in {"account"}]
    exclude = ["raw"]
    actions = ["retry"]

    @admin.action(description="Read the selected problem mail again")
    def retry(self, request, queryset):
        for mail in queryset.filter(status=MailStatus.PROBLEM):
            inbound_retry(mail=mail, actor=request.user)
        self.message_user(request, "Problem mail read again.", messages.SUCCESS)


class MessageInline(admin.TabularInline):
    model = Message
    fields = ["direction", "sender_name", "sent_at", "subject"]
    readonly_fields = fields
    extra = 0


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ["id", "account", "amazon_order_id", "buyer_name", "buyer_email", "last_message_at"]
    list_filter = ["account"]
    search_fields = ["amazon_order_id", "buyer_email", "buyer_name"]
    raw_id_fields = ["case", "order"]
    inlines = [MessageInline]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["id", "conversation", "direction", "sender_name", "sent_at"]
    list_filter = ["direction"]
    raw_id_fields = ["conversation", "inbound", "author"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["id", "filename", "content_type", "size", "message"]
    exclude = ["data"]
    raw_id_fields = ["message"]


class MailboxForm(forms.ModelForm):
    password = forms.CharField(
        widget=forms.PasswordInput, required=False, help_text="Stored encrypted. Leave empty to keep the current one."
    )

    class Meta:
        model = Mailbox
        fields = ["account", "host", "port", "use_ssl", "username", "password", "password_env", "folder", "enabled"]

    def clean(self):
        data = super().clean()
        has_stored = bool(self.instance.pk and self.instance.password_encrypted)
        if not data.get("password") and not data.get("password_env") and not has_stored:
            raise forms.ValidationError("Give a password, or the environment variable that holds it.")
        env, account = data.get("password_env"), data.get("account")
        if env and account is not None and env not in mailbox_env_allowed(account):
            self.add_error("password_env", f"{env} is not allowed for {account.slug} (MAILBOX_PASSWORD_ENV).")
        return data


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin):
    form = MailboxForm
    list_display = ["__str__", "account", "enabled", "uidvalidity", "last_uid", "last_polled_at", "last_error"]
    list_filter = ["enabled", "account"]

    def save_model(self, request, obj, form, change):
        password = form.cleaned_data.get("password")
        if password:
            mailbox_set_password(mailbox=obj, password=password, actor=request.user)
        else:
            obj.save()

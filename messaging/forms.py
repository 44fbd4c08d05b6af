import re

from django import forms

from .models import Mailbox
from .services import MAX_MAIL_BYTES

SERVER_ID_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")  # a host name, as authserv-ids are


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".eml,message/rfc822"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if self.required and not data:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class MailUploadForm(forms.Form):
    """Mail files and, only if the mail cannot say, the account they belong to: by default each mail goes
    to the account on the marketplace it names."""

    account = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    files = MultipleFileField(label="Mail files (.eml)")

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", "The account on the mail's marketplace")] + [
            (a.id, f"{a.name} ({a.site})") for a in accounts
        ]

    def clean_files(self):
        files = self.cleaned_data["files"]
        too_big = [f.name for f in files if f.size > MAX_MAIL_BYTES]
        if too_big:
            raise forms.ValidationError(f"Over 35 MB, which no relay mail is: {', '.join(too_big)}")
        return files


class AssignAccountForm(forms.Form):
    account = forms.TypedChoiceField(coerce=int)

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.id, a.name) for a in accounts]


class MailboxForm(forms.Form):
    """An IMAP folder of one of the admin's accounts. The password is stored encrypted; or it is read
    from one of the environment variables the operator allowed for that account (MAILBOX_PASSWORD_ENV)."""

    account = forms.TypedChoiceField(coerce=int)
    host = forms.CharField(max_length=255)
    port = forms.IntegerField(min_value=1, max_value=65535, initial=993)
    use_ssl = forms.BooleanField(required=False, initial=True, label="Use TLS")
    username = forms.CharField(max_length=255)
    password = forms.CharField(
        widget=forms.PasswordInput, required=False, help_text="Stored encrypted. Leave empty to keep the current one."
    )
    password_env = forms.ChoiceField(
        required=False, label="Or the password from", help_text="Variables the operator set for this account."
    )
    folder = forms.CharField(max_length=255, initial="INBOX")
    enabled = forms.BooleanField(required=False, initial=True, label="Poll it every minute")
    trusted_servers = forms.CharField(
        max_length=300,
        required=False,
        label="Trusted mail server",
        help_text=Mailbox._meta.get_field("trusted_servers").help_text,
    )

    FIELDS = ("host", "port", "use_ssl", "username", "password_env", "folder", "enabled", "trusted_servers")

    def clean_trusted_servers(self) -> str:
        names = [name for name in re.split(r"[,\s]+", self.cleaned_data["trusted_servers"]) if name]
        bad = [name for name in names if not SERVER_ID_RE.fullmatch(name)]
        if bad:
            raise forms.ValidationError(f"Not a mail server's name: {', '.join(bad)}.")
        return ", ".join(name.lower() for name in names)

    def __init__(self, *args, accounts, env_choices: dict[int, list[str]], mailbox: Mailbox | None = None, **kwargs):
        if mailbox is not None:
            kwargs.setdefault("initial", {field: getattr(mailbox, field) for field in self.FIELDS})
        super().__init__(*args, **kwargs)
        if mailbox is not None:
            del self.fields["account"]
        else:
            self.fields["account"].choices = [(a.id, a.name) for a in accounts]
        names = sorted({name for names in env_choices.values() for name in names})
        self.fields["password_env"].choices = [("", "— the stored password —"), *((n, n) for n in names)]
        if not names:
            self.fields["password_env"].widget = forms.HiddenInput()
        self.mailbox = mailbox
        self.env_choices = env_choices

    def clean(self):
        data = super().clean()
        account_id = self.mailbox.account_id if self.mailbox is not None else data.get("account")
        env = data.get("password_env")
        if env and env not in self.env_choices.get(account_id, []):
            self.add_error("password_env", f"{env} is not allowed for this account.")
        return data

    def changes(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.FIELDS}

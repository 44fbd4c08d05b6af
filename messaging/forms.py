from django import forms

MAX_MAIL_BYTES = 35 * 1024 * 1024  # Amazon's relay refuses larger messages


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".eml,message/rfc822"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class MailUploadForm(forms.Form):
    account = forms.TypedChoiceField(coerce=int)
    files = MultipleFileField(label="Mail files (.eml)")

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.id, a.name) for a in accounts]
        if len(accounts) == 1:
            self.fields["account"].initial = accounts[0].id

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

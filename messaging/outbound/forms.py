from django import forms

from messaging.models import Direction

from .models import CannedResponse, MarkKind, OutboundSettings


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleaned to a list (empty when none was given)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, list | tuple):
            return [one(item, initial) for item in data if item]
        return [one(data, initial)] if data else []


class ReplyForm(forms.Form):
    # Named "text": the compliance live check reads the field of that name.
    text = forms.CharField(label="Reply", widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)
    # One form, one reply: the idempotency key, made when the composer is drawn.
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    # The newest buyer message on the agent's screen.
    seen = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    approval_reason = forms.CharField(
        label="Approve this one reply: why it may break the rule", max_length=500, required=False
    )
    attachments = MultipleFileField(required=False, label="Files")


class EntryForm(forms.Form):
    direction = forms.ChoiceField(
        label="Kind",
        choices=[(Direction.NOTE, "Internal note"), (Direction.CALL, "Phone call summary")],
        widget=forms.RadioSelect,
        initial=Direction.NOTE,
    )
    body = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000)


class MarkForm(forms.Form):
    kind = forms.ChoiceField(choices=MarkKind.choices)
    reason = forms.CharField(label="Why", max_length=500)


class CannedResponseForm(forms.Form):
    name = forms.CharField(max_length=CannedResponse._meta.get_field("name").max_length)
    body = forms.CharField(
        label="Text", widget=forms.Textarea(attrs={"rows": 6}), help_text="Use {variables} from the list below."
    )


class OutboundSettingsForm(forms.Form):
    from_address = forms.EmailField(
        label="From address", help_text="The address registered with Amazon for buyer messages."
    )
    display_name = forms.CharField(
        max_length=OutboundSettings._meta.get_field("display_name").max_length,
        required=False,
        help_text="Shown to the buyer; the account name if empty.",
    )


class ContactCapForm(forms.Form):
    max_per_order = forms.IntegerField(
        label="At most, per order", min_value=1, max_value=20, help_text="Messages the buyer did not ask for."
    )
    min_hours_between = forms.IntegerField(label="At least this many hours apart", min_value=0, max_value=24 * 30)

from django import forms

from .models import (
    OutreachOutcome,
    OutreachPurpose,
    OutreachSettings,
    RemovalOutcome,
    RemovalReason,
    ResolutionKind,
)


class AccountChoiceForm(forms.Form):
    """Pick one of the user's seller accounts."""

    account = forms.TypedChoiceField(coerce=int)

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.id, a.name) for a in accounts]


class FeedbackImportForm(AccountChoiceForm):
    file = forms.FileField(
        help_text="Amazon's seller feedback report (GET_SELLER_FEEDBACK_DATA) or Seller Central's Feedback Manager "
        "download: tab-separated, may be gzip-compressed."
    )


class FeedbackEntryForm(AccountChoiceForm):
    amazon_order_id = forms.RegexField(
        label="Order ID", regex=r"^\d{3}-\d{7}-\d{7}$", error_messages={"invalid": "Like 123-1234567-1234567."}
    )
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    rating = forms.TypedChoiceField(choices=[(n, f"{n} ★") for n in range(5, 0, -1)], coerce=int)
    comments = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    rater_email = forms.CharField(label="Rater email", max_length=254, required=False)


class RemovalRequestForm(forms.Form):
    reason = forms.ChoiceField(choices=RemovalReason.choices)
    submitted_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RemovalOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[(v, label) for v, label in RemovalOutcome.choices if v != RemovalOutcome.PENDING]
    )


class ResolutionForm(forms.Form):
    kind = forms.ChoiceField(choices=ResolutionKind.choices)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="What was done, e.g. the refund amount.")


class OutreachForm(forms.Form):
    purpose = forms.ChoiceField(choices=OutreachPurpose.choices)
    # Named "text": the compliance live check reads the field of that name.
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Message", max_length=20_000)
    # One form, one contact: the idempotency key of the reply it sends, made when the panel is drawn.
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    # The newest buyer message of the order's conversation on the agent's screen.
    seen_message_id = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class OutreachOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[(v, label) for v, label in OutreachOutcome.choices if v != OutreachOutcome.AWAITING]
    )
    new_rating = forms.TypedChoiceField(
        choices=[("", "—"), *((n, f"{n} ★") for n in range(5, 0, -1))],
        coerce=int,
        empty_value=None,
        required=False,
        label="New rating",
    )


class ResponseForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Public response")


class OutreachSettingsForm(forms.ModelForm):
    class Meta:
        model = OutreachSettings
        fields = ["max_contacts", "min_days_between"]
        labels = {
            "max_contacts": "Contacts per feedback, at most",
            "min_days_between": "Days between contacts, at least",
        }

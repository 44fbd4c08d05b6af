from django import forms

from .models import (
    CloseReason,
    DecisionKind,
    Disposition,
    Grade,
    LabelChoice,
    RestockingRule,
    ReturnSettings,
    ReturnWindowOverride,
    SkuRecovery,
)
from .selectors import WINDOWS


class AccountChoiceForm(forms.Form):
    """Pick one of the user's seller accounts."""

    account = forms.TypedChoiceField(coerce=int)

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.id, a.name) for a in accounts]


class ReturnsImportForm(AccountChoiceForm):
    file = forms.FileField(
        help_text="Amazon's seller-fulfilled returns report (flat file or XML) or FBA's customer returns report: "
        "the kind is recognised from the file, which may be gzip-compressed."
    )


class OverviewForm(forms.Form):
    days = forms.TypedChoiceField(
        label="Window", choices=[(d, f"Last {d} days") for d in WINDOWS], coerce=int, required=False, empty_value=90
    )


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(choices=DecisionKind.choices, widget=forms.HiddenInput)
    label = forms.ChoiceField(label="Return label", choices=[("", "—"), *LabelChoice.choices], required=False)
    close_reason = forms.ChoiceField(label="Reason", choices=[("", "—"), *CloseReason.choices], required=False)
    refund_amount = forms.DecimalField(label="Amount refunded", min_value=0.01, decimal_places=2, required=False)
    # Named "text": the compliance live check reads the field of that name.
    text = forms.CharField(label="Message to the buyer", widget=forms.Textarea(attrs={"rows": 7}), required=False)
    # One form, one decision: the idempotency key of the reply it sends, made when the panel is drawn.
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    seen_message_id = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class ReceiveForm(forms.Form):
    received_on = forms.DateField(label="Received on", widget=forms.DateInput(attrs={"type": "date"}))
    sender_address = forms.CharField(
        label="Return address on the parcel",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        help_text="As written on the parcel: compared with the order's address (fraud signals).",
    )
    sender_postal_code = forms.CharField(label="Its postal code", max_length=20, required=False)
    sender_country = forms.CharField(label="Its country (2 letters)", max_length=2, min_length=2, required=False)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files in one input; each is checked by the grading service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class GradeForm(forms.Form):
    grade = forms.ChoiceField(choices=Grade.choices)
    disposition = forms.ChoiceField(
        choices=[("", "as the grade says"), *Disposition.choices],
        required=False,
        help_text="Used and not-resellable units may be sold elsewhere instead.",
    )
    mismatched = forms.BooleanField(
        label="Not the unit shipped (serial number or warranty label does not match)", required=False
    )
    shipped_serial = forms.CharField(label="Serial shipped", max_length=100, required=False)
    returned_serial = forms.CharField(label="Serial returned", max_length=100, required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000)
    photos = MultipleImageField(
        label="Photos", required=False, help_text="JPEG, PNG, GIF or WebP; at most 5 MB each, six a unit."
    )


class RefundForm(forms.Form):
    amount = forms.DecimalField(label="Amount refunded", min_value=0, decimal_places=2)
    restocking_fee = forms.DecimalField(label="Restocking fee kept back", min_value=0, decimal_places=2, required=False)
    restocking_reason = forms.CharField(
        label="Why the fee", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


class ReturnSettingsForm(forms.ModelForm):
    class Meta:
        model = ReturnSettings
        exclude = ["account", "figures_refreshed_at"]


class WindowOverrideForm(forms.ModelForm):
    class Meta:
        model = ReturnWindowOverride
        fields = ["label", "delivered_from", "delivered_to", "returnable_until"]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in ("delivered_from", "delivered_to", "returnable_until")
        }


class RestockingRuleForm(forms.ModelForm):
    class Meta:
        model = RestockingRule
        fields = ["category", "max_percent", "note"]


class SkuRecoveryForm(forms.ModelForm):
    class Meta:
        model = SkuRecovery
        fields = ["sku", "oversize", "share_new", "share_rework", "share_used", "share_not_resellable", "referral_rate"]

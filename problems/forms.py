from django import forms


class TellForm(forms.Form):
    # Named "text": the composer's live compliance check reads the field of that name.
    text = forms.CharField(label="Message to the buyer", widget=forms.Textarea(attrs={"rows": 9}))
    # One form, one message: the idempotency key of the reply it sends, made when the panel is drawn.
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    seen_message_id = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class FlagForm(forms.Form):
    account = forms.TypedChoiceField(coerce=int, label="Seller account")
    amazon_order_id = forms.RegexField(
        regex=r"^\d{3}-\d{7}-\d{7}$",
        label="Amazon order id",
        error_messages={"invalid": "An Amazon order id looks like 123-1234567-1234567."},
    )
    reason = forms.CharField(label="Why it must be cancelled", max_length=500, initial="Out of stock")

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.id, a.name) for a in accounts]

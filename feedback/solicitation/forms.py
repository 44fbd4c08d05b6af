from django import forms

from .models import RequestState, SkuExclusion, SolicitationSettings


class PreviewDateForm(forms.Form):
    on = forms.DateField(label="Batch of", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class ExclusionForm(forms.ModelForm):
    class Meta:
        model = SkuExclusion
        fields = ["sku", "reason"]
        labels = {"sku": "SKU"}


class RulesForm(forms.ModelForm):
    class Meta:
        model = SolicitationSettings
        fields = ["window_start_days", "window_end_days", "max_sku_return_rate"]


def _secret(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        strip=True,
        max_length=2000,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


class CredentialsForm(forms.Form):
    """Write-only: the fields are always blank; a blank field keeps what is stored."""

    refresh_token = _secret("Refresh token")
    client_id = _secret("LWA client id")
    client_secret = _secret("LWA client secret")
    clear = forms.BooleanField(label="Remove the stored credentials", required=False)

    def clean(self):
        data = super().clean()
        given = any(data.get(name) for name in ("refresh_token", "client_id", "client_secret"))
        if data.get("clear") and given:
            raise forms.ValidationError("Either enter credentials or remove them, not both.")
        if not data.get("clear") and not given:
            raise forms.ValidationError("Enter at least one value, or tick “Remove the stored credentials”.")
        return data


class RequestFilterForm(forms.Form):
    state = forms.ChoiceField(choices=[("", "Any result"), *RequestState.choices], required=False)
    page = forms.IntegerField(min_value=1, required=False)

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


class RequestFilterForm(forms.Form):
    state = forms.ChoiceField(choices=[("", "Any result"), *RequestState.choices], required=False)
    page = forms.IntegerField(min_value=1, required=False)

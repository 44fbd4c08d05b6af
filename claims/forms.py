from django import forms

from .models import Outcome, Response


class RespondForm(forms.Form):
    response = forms.ChoiceField(choices=Response.choices)
    statement = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 12, "cols": 80}), max_length=20000)
    refund_amount = forms.DecimalField(required=False, min_value=0, max_digits=12, decimal_places=2)


class StatementForm(forms.Form):
    statement = forms.CharField(widget=forms.Textarea(attrs={"rows": 12, "cols": 80}), max_length=20000)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Amazon's decision", choices=[(v, label) for v, label in Outcome.choices if v != Outcome.PENDING]
    )
    amount = forms.DecimalField(required=False, min_value=0, max_digits=12, decimal_places=2)


class AppealForm(forms.Form):
    note = forms.CharField(
        label="What the appeal puts to Amazon", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class TrackingForm(forms.Form):
    delivered_at = forms.DateTimeField(
        label="Delivered (carrier tracking)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    signed_by = forms.CharField(label="Signed for by", required=False, max_length=120)


class FollowUpForm(forms.Form):
    note = forms.CharField(label="What came of it", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

from django import forms

from .models import ComplianceRule


class CheckForm(forms.Form):
    # strip=False: finding offsets must index the text exactly as the agent typed it
    text = forms.CharField(required=False, strip=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 8}))
    account = forms.IntegerField()
    order_id = forms.CharField(required=False, max_length=40, label="Order id")
    answering = forms.BooleanField(required=False, label="In reply to the buyer")


class ComplianceRuleForm(forms.ModelForm):
    """The pattern is validated by the service (compliance_rule_create/update); its error lands on this form."""

    class Meta:
        model = ComplianceRule
        fields = ["kind", "pattern", "message", "blocking", "active"]
        widgets = {"pattern": forms.TextInput(attrs={"size": 40}), "message": forms.TextInput(attrs={"size": 60})}


class AllowedDomainForm(forms.Form):
    domain = forms.CharField(max_length=253, help_text="For example amazon.com; its subdomains are allowed too.")

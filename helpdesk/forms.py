from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model, password_validation

from helpdesk.calendars import OpeningHoursError, holiday_country_choices, parse_opening_hours
from helpdesk.models import Calendar, CaseStatus, Policy, Priority, Role, SellerAccount
from helpdesk.models.accounts import TIMEZONE_CHOICES
from helpdesk.registry import case_kind_choices
from helpdesk.selectors import QUEUE_SORTS

User = get_user_model()

STATUS_FILTERS = [("active", "Active"), ("all", "All"), *CaseStatus.choices]


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(choices=lambda: [("", "All kinds"), *case_kind_choices()], required=False)
    status = forms.ChoiceField(choices=STATUS_FILTERS, required=False)
    assignee = forms.CharField(required=False)
    account = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    due = forms.IntegerField(label="Due within (hours)", min_value=0, max_value=24 * 90, required=False)
    page = forms.IntegerField(min_value=1, required=False)
    sort = forms.ChoiceField(
        choices=[(key, key) for column in QUEUE_SORTS for key in (column, f"-{column}")], required=False
    )

    def __init__(self, *args, accounts, people: list[tuple[int, str]], user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", "All accounts"), *((a.id, a.name) for a in accounts)]
        self.assignee_choices = [
            ("", "Anyone"),
            ("mine", "Mine"),
            ("unassigned", "Unassigned"),
            *((str(pk), name) for pk, name in people if pk != user.id),
        ]

    def clean_assignee(self) -> str:
        value = self.cleaned_data["assignee"]
        if value and value not in {key for key, _ in self.assignee_choices}:
            raise forms.ValidationError("Unknown assignee.")
        return value


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=CaseStatus.choices)


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(choices=Priority.choices, coerce=int)


class AccountForm(forms.ModelForm):
    class Meta:
        model = SellerAccount
        fields = ["name", "slug", "merchant_id", "marketplace", "timezone"]


class AccountSettingsForm(AccountForm):
    """An existing account's settings: also how long its buyers' personal data is kept."""

    class Meta(AccountForm.Meta):
        fields = [*AccountForm.Meta.fields, "retention_days"]


class InviteForm(forms.Form):
    email = forms.EmailField(help_text="Where the invitation goes. They accept it with a login of that address.")
    role = forms.ChoiceField(choices=Role.choices)


class SignUpForm(forms.Form):
    """The invitee's own login, created from the invitation: the invited address is its username."""

    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    new_password1 = forms.CharField(label="Password", strip=False, widget=forms.PasswordInput)
    new_password2 = forms.CharField(label="Password again", strip=False, widget=forms.PasswordInput)

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("new_password1"), data.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", "The two passwords differ.")
        elif first:
            candidate = User(username=self.email, email=self.email, first_name=data.get("first_name", ""))
            try:
                password_validation.validate_password(first, user=candidate)
            except forms.ValidationError as exc:
                self.add_error("new_password1", exc)
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


def _secret(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        strip=True,
        max_length=2000,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


class CredentialsForm(forms.Form):
    """An account's SP-API credentials. Write-only: the fields are always blank; a blank field keeps what is stored."""

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


class OrderImportForm(forms.Form):
    account = forms.TypedChoiceField(coerce=int)
    file = forms.FileField(help_text="Amazon's all-orders report (.txt/.tsv, may be gzip-compressed).")

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [(a.id, a.name) for a in accounts]


class HealthImportForm(OrderImportForm):
    file = forms.FileField(help_text="Amazon's Account Health report (JSON, may be gzip-compressed).")


UNITS = [("hours", "hours"), ("days", "days")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _split(delta: timedelta) -> tuple[Decimal, str]:
    hours = Decimal(int(delta.total_seconds())) / 3600
    if hours >= 48 and hours % 24 == 0:
        return hours / 24, "days"
    return hours.normalize(), "hours"


def _join(value: Decimal, unit: str) -> timedelta:
    return timedelta(hours=float(value) * (24 if unit == "days" else 1))


class PolicyForm(forms.Form):
    duration = forms.DecimalField(min_value=Decimal("0.01"), max_digits=8, decimal_places=2)
    duration_unit = forms.ChoiceField(choices=UNITS)
    warn_before = forms.DecimalField(min_value=Decimal(0), max_digits=8, decimal_places=2)
    warn_unit = forms.ChoiceField(choices=UNITS)
    calendar = forms.ChoiceField(choices=Calendar.choices, widget=forms.Select(attrs={"data-calendar": ""}))
    holiday_country = forms.ChoiceField(required=False)
    holiday_subdivision = forms.CharField(max_length=10, required=False)
    closed_dates = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Extra closed days: one date a line, written YYYY-MM-DD (2026-12-24).",
    )
    retime = forms.BooleanField(required=False)

    def __init__(self, *args, policy: Policy, running: int, **kwargs):
        duration, duration_unit = _split(policy.duration)
        warn, warn_unit = _split(policy.warn_before)
        initial = {
            "duration": duration,
            "duration_unit": duration_unit,
            "warn_before": warn,
            "warn_unit": warn_unit,
            "calendar": policy.calendar,
            "holiday_country": policy.holiday_country,
            "holiday_subdivision": policy.holiday_subdivision,
            "closed_dates": "\n".join(policy.closed_dates),
        }
        for day in range(7):
            initial[f"day{day}"] = ", ".join(f"{a}-{b}" for a, b in policy.opening_hours.get(str(day), []))
        super().__init__(*args, initial=initial, **kwargs)
        for day, name in enumerate(WEEKDAYS):
            self.fields[f"day{day}"] = forms.CharField(
                label=name, required=False, widget=forms.TextInput(attrs={"placeholder": "closed"})
            )
        self.fields["holiday_country"].choices = [("", "No public holidays"), *holiday_country_choices()]
        self.fields[
            "retime"
        ].label = f"Also re-time the {running} running clock{'s' if running != 1 else ''} of this kind"
        self.policy = policy
        self.running = running

    def weekday_fields(self):
        return [self[f"day{day}"] for day in range(7)]

    def clean_closed_dates(self) -> list[str]:
        dates = []
        for line in self.cleaned_data["closed_dates"].split():
            try:
                dates.append(date.fromisoformat(line.strip()).isoformat())
            except ValueError:
                raise forms.ValidationError(f"“{line}” is not a date: write YYYY-MM-DD.") from None
        return sorted(set(dates))

    def clean(self):
        data = super().clean()
        if "duration" in data and "warn_before" in data:
            data["duration_td"] = _join(data["duration"], data["duration_unit"])
            data["warn_td"] = _join(data["warn_before"], data["warn_unit"])
            if data["warn_td"] >= data["duration_td"]:
                self.add_error("warn_before", "The warning must come before the clock is due.")
        raw = {}
        for day in range(7):
            text = data.get(f"day{day}", "").strip()
            if text:
                raw[str(day)] = [
                    part.strip().split("-", 1) if "-" in part else [part.strip(), ""] for part in text.split(",")
                ]
        try:
            hours = parse_opening_hours(raw)
        except OpeningHoursError as exc:
            raise forms.ValidationError(str(exc)) from None
        if data.get("calendar") == Calendar.BUSINESS and not any(hours.values()):
            raise forms.ValidationError("Business hours need at least one opening interval in the week.")
        data["opening_hours"] = raw
        return data

    def changes(self) -> dict:
        data = self.cleaned_data
        return {
            "duration": data["duration_td"],
            "warn_before": data["warn_td"],
            "calendar": data["calendar"],
            "opening_hours": data["opening_hours"],
            "holiday_country": data["holiday_country"],
            "holiday_subdivision": data["holiday_subdivision"],
            "closed_dates": data["closed_dates"],
        }


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        label="Show times in",
        required=False,
        choices=[("", "Each seller account's own zone"), *TIMEZONE_CHOICES],
        help_text="Every time on every page reads in this zone, labelled with it; hover for the exact UTC time.",
    )

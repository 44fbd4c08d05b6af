"""A person's own preferences: the zone every time reads in."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from helpdesk.models.accounts import TIMEZONE_CHOICES
from helpdesk.selectors import time_zone_preference
from helpdesk.services.accounts import preference_save


class PreferenceForm(forms.Form):
    time_zone = forms.ChoiceField(
        label="Show times in",
        required=False,
        choices=[("", "Each seller account's own zone")] + TIMEZONE_CHOICES,
        help_text="Every time on every page reads in this zone, labelled with it; hover for the exact UTC time.",
    )


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            preference_save(user=request.user, time_zone=form.cleaned_data["time_zone"])
            messages.success(request, "Preferences saved.")
            return redirect("helpdesk:preferences")
        return render(request, "helpdesk/preferences.html", {"form": form}, status=400)
    form = PreferenceForm(initial={"time_zone": time_zone_preference(request.user)})
    return render(request, "helpdesk/preferences.html", {"form": form})

"""Logging in: what a login owes after its password (a second factor), and `next` taken only when it
points at this site."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from helpdesk.forms import TimeZoneForm
from helpdesk.roles import Role
from helpdesk.selectors import account_ids_for
from helpdesk.services.accounts import preference_time_zone_set
from helpdesk.services.summary import preference_of, preference_update
from helpdesk.services.two_factor import (
    SESSION_KEY,
    is_admin,
    login_state,
    totp_pending,
    two_factor_disable,
    two_factor_enable,
    two_factor_required,
)


def safe_next(request: HttpRequest, value: str | None, fallback: str) -> str:
    """`value` if it is a URL on this site (same host, http(s) as the request), else `fallback`."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return fallback


def login_obligations(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """`user_logged_in`: every way in (the login page, Django's admin login, an invitation's sign-up)
    passes here, so this is where a login learns what it still owes, and an admin's session is
    shortened. Connected in `HelpdeskConfig.ready`."""
    if request is None or not hasattr(request, "session"):
        return
    state = login_state(user)
    if state:
        request.session[SESSION_KEY] = state
    if is_admin(user):
        request.session.set_expiry(settings.ADMIN_SESSION_AGE_S)


def _done(request: HttpRequest, device) -> None:
    otp_login(request, device)
    request.session.pop(SESSION_KEY, None)


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of a login: a code from the authenticator app, or a backup code."""
    next_url = safe_next(request, request.GET.get("next"), settings.LOGIN_REDIRECT_URL)
    if request.method == "POST":
        device = match_token(request.user, request.POST.get("token", "").strip().replace(" ", ""))
        if device is not None:
            _done(request, device)
            return redirect(next_url)
        messages.error(request, "That code is not right, or was used already.")
        return render(request, "registration/two_factor_verify.html", status=400)
    return render(request, "registration/two_factor_verify.html")


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up two-factor authentication (scan, then confirm with a code), or see and turn it off."""
    user = request.user
    context = {"required": two_factor_required(user), "enabled": user_has_device(user)}
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "disable":
        if two_factor_disable(user=user):
            messages.success(request, "Two-factor authentication is off.")
        else:
            messages.error(request, "Admins must keep two-factor authentication on.")
        return redirect("two_factor")
    if context["enabled"] and action is None:
        return render(request, "registration/two_factor.html", context)
    device = totp_pending(user)
    if action == "confirm":
        enabled = two_factor_enable(user=user, token=request.POST.get("token", "").strip().replace(" ", ""))
        if enabled is not None:
            confirmed, codes = enabled
            _done(request, confirmed)
            return render(request, "registration/two_factor.html", {**context, "enabled": True, "codes": codes})
        messages.error(request, "That code is not right: type the one your app shows now.")
    context.update(
        {
            "qr": segno.make(device.config_url, error="m").svg_inline(scale=4),
            "config_url": device.config_url,
            "secret": device.config_url.split("secret=", 1)[1].split("&", 1)[0],
        }
    )
    return render(request, "registration/two_factor.html", context, status=400 if action else 200)


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """What a person chooses for themselves: whether the weekly summary is mailed to them, and the zone
    every time reads in (each account's own unless they choose one)."""
    status = 200
    if request.method == "POST":
        form = TimeZoneForm(request.POST)
        if form.is_valid():
            wanted = request.POST.get("weekly_summary") == "on"
            preference_update(user=request.user, weekly_summary=wanted)
            preference_time_zone_set(user=request.user, time_zone=form.cleaned_data["time_zone"])
            messages.success(
                request,
                "Preferences saved: "
                + ("the weekly summary will be mailed to you." if wanted else "no weekly summary."),
            )
            return redirect("preferences")
        status = 400
    preference = preference_of(request.user)
    if request.method != "POST":
        form = TimeZoneForm(initial={"time_zone": preference.time_zone})
    return render(
        request,
        "registration/preferences.html",
        {
            "preference": preference,
            "form": form,
            "manages": bool(account_ids_for(request.user, min_role=Role.MANAGER)),
        },
        status=status,
    )

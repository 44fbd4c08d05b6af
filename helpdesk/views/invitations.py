"""The page an invitation link opens: accept it, or create a login to accept it with."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from helpdesk.forms import SignUpForm
from helpdesk.services.invitations import InvitationInvalid, invitation_accept, invitation_get, invitation_sign_up

User = get_user_model()


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Open to anyone holding the link: the token is the proof. Logged in with the invited address,
    the invitee accepts; logged out, they log in (if that address has a login) or create one."""
    try:
        found = invitation_get(token=token)
    except InvitationInvalid as exc:
        raise Http404(str(exc)) from None
    user = request.user
    matches = user.is_authenticated and (user.email or "").strip().lower() == found.email
    has_login = not user.is_authenticated and User.objects.filter(email__iexact=found.email).exists()
    form = SignUpForm(email=found.email)
    action = request.POST.get("action")
    if request.method == "POST" and action == "accept" and matches:
        membership = invitation_accept(token=token, user=user)
        messages.success(request, f"Welcome to {membership.account.name}.")
        return redirect("helpdesk:queue")
    if request.method == "POST" and action == "sign_up" and not user.is_authenticated and not has_login:
        form = SignUpForm(request.POST, email=found.email)
        if form.is_valid():
            try:
                new_user, membership = invitation_sign_up(
                    token=token,
                    password=form.cleaned_data["new_password1"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                login(request, new_user, backend="helpdesk.backends.PreferencesModelBackend")
                messages.success(
                    request, f"Welcome to {membership.account.name}. Your username is {new_user.username}."
                )
                return redirect("helpdesk:queue")
    if request.method == "POST" and action == "logout":
        logout(request)
        return redirect(request.path)
    context = {"invitation": found, "matches": matches, "has_login": has_login, "form": form}
    return render(request, "helpdesk/invitation.html", context, status=400 if form.errors else 200)

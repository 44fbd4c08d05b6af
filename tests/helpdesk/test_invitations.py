"""People join an account by invitation: an admin invites an email address with a role, the
invitee accepts through a single-use, expiring link. Nobody is looked up by username across
accounts, and no answer tells whether an address has an account elsewhere."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity, Invitation, Membership

User = get_user_model()


def _invite(client, account, email, role="agent", capture=None):
    url = reverse("helpdesk:member_invite", args=[account.id])
    if capture is None:
        return client.post(url, {"invite-email": email, "invite-role": role})
    with capture(execute=True):
        return client.post(url, {"invite-email": email, "invite-role": role})


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/invitations/\S+/)", message.body).group(1)


def test_adding_by_username_is_gone_no_one_is_enrolled_without_accepting(client, admin_user, account, outsider):
    client.force_login(admin_user)
    response = client.post(
        reverse("helpdesk:member_invite", args=[account.id]),
        {"invite-username": outsider.username, "invite-role": "agent"},
    )
    assert response.status_code == 400
    assert not Membership.objects.filter(user=outsider, account=account).exists()


def test_inviting_someone_elses_user_answers_exactly_as_inviting_a_stranger(
    client, admin_user, account, outsider, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    answers = []
    for email in (outsider.email, "stranger@example.com"):
        response = _invite(client, account, email, capture=django_capture_on_commit_callbacks)
        page = client.get(response["Location"]).content.decode()
        said = re.search(r'<ul class="messages".*?</ul>', page, re.S).group(0)
        answers.append((response.status_code, response["Location"], said.replace(email, "EMAIL")))
    assert answers[0] == answers[1]
    assert not Membership.objects.filter(user=outsider, account=account).exists()
    assert [m.to for m in mail.outbox] == [[outsider.email], ["stranger@example.com"]]


def test_the_invitee_accepts_while_logged_in_as_that_email(
    client, admin_user, account, outsider, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    _invite(client, account, outsider.email.upper(), role="manager", capture=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    assert account.name in mail.outbox[0].body
    client.force_login(outsider)
    page = client.get(link).content.decode()
    assert account.name in page and "Accept" in page
    response = client.post(link, {"action": "accept"})
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, account=account).role == "manager"
    assert Activity.objects.filter(account=account, verb="invitation.accepted").count() == 1
    # Single use.
    assert client.get(link).status_code == 404
    assert client.post(link, {"action": "accept"}).status_code == 404


def test_another_user_cannot_accept_an_invitation_for_someone_else(
    client, admin_user, account, agent2, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    _invite(client, account, "nina@example.com", capture=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    client.force_login(agent2)
    page = client.get(link).content.decode()
    assert "nina@example.com" in page and "Accept" not in page
    client.post(link, {"action": "accept"})
    assert not Membership.objects.filter(user__email="nina@example.com").exists()
    assert Invitation.objects.get().accepted_at is None


def test_a_newcomer_creates_their_login_from_the_invitation(
    client, admin_user, account, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    _invite(client, account, "Nina@Example.com", capture=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    client.logout()
    page = client.get(link).content.decode()
    assert "Create your login" in page
    response = client.post(
        link,
        {
            "action": "sign_up",
            "first_name": "Nina",
            "last_name": "Novak",
            "new_password1": "a long pass phrase 42",
            "new_password2": "a long pass phrase 42",
        },
    )
    assert response.status_code == 302
    nina = User.objects.get(email="nina@example.com")
    assert nina.username == "nina@example.com" and nina.check_password("a long pass phrase 42")
    assert Membership.objects.get(user=nina, account=account).role == "agent"
    assert client.get(reverse("helpdesk:queue")).status_code == 200  # logged in


def test_an_existing_user_is_asked_to_log_in_not_to_sign_up(
    client, admin_user, account, outsider, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    _invite(client, account, outsider.email, capture=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    client.logout()
    page = client.get(link).content.decode()
    assert "Log in to accept" in page and "Create your login" not in page
    client.post(link, {"action": "sign_up", "new_password1": "x pass phrase 99", "new_password2": "x pass phrase 99"})
    assert User.objects.filter(email=outsider.email).count() == 1


def test_an_invitation_expires(client, admin_user, account, outsider, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    _invite(client, account, outsider.email, capture=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    client.force_login(outsider)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert client.get(link).status_code == 404
        client.post(link, {"action": "accept"})
    assert not Membership.objects.filter(user=outsider, account=account).exists()


def test_a_revoked_invitation_cannot_be_accepted(
    client, admin_user, account, outsider, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    _invite(client, account, outsider.email, capture=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    invitation = Invitation.objects.get()
    client.post(reverse("helpdesk:invitation_revoke", args=[invitation.id]))
    client.force_login(outsider)
    assert client.get(link).status_code == 404
    assert Activity.objects.filter(verb="invitation.revoked").count() == 1


def test_the_token_is_not_stored(client, admin_user, account, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    _invite(client, account, "nina@example.com", capture=django_capture_on_commit_callbacks)
    token = _link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert token not in Invitation.objects.get().token_hash
    audit = Activity.objects.get(verb="invitation.sent")
    assert token not in str(audit.after) and token not in audit.summary


def test_the_account_page_lists_pending_invitations(client, admin_user, account, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    _invite(client, account, "nina@example.com", capture=django_capture_on_commit_callbacks)
    page = client.get(reverse("helpdesk:account", args=[account.id])).content.decode()
    assert "nina@example.com" in page and "Revoke" in page


def test_inviting_a_member_of_this_account_says_so(client, admin_user, account, agent):
    client.force_login(admin_user)
    response = _invite(client, account, agent.email)
    assert response.status_code == 400 and "already works on" in response.content.decode()


@pytest.mark.parametrize("role", ["agent", "manager"])
def test_only_admins_invite(client, account, role, request):
    user = request.getfixturevalue("agent" if role == "agent" else "manager")
    client.force_login(user)
    assert _invite(client, account, "nina@example.com").status_code == 403
    assert not Invitation.objects.exists()

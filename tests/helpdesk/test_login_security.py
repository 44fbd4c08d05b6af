"""Logging in: throttled and locked out after repeated failures, two-factor authentication (required
of admins where the deployment says so, optional for everyone), shorter sessions for admins, and no
redirect anywhere but this site."""

from binascii import unhexlify
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from helpdesk.models import Activity
from tests.factories import CaseFactory

PASSWORD = "pw-for-tests"


def _login(client, username, password=PASSWORD, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


def _code(device: TOTPDevice) -> str:
    return f"{totp(unhexlify(device.key), t0=device.t0, step=device.step, digits=device.digits, drift=0):06d}"


# --- redirects -----------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["https://evil.example/phish", "//evil.example/phish", "javascript:alert(1)"])
def test_the_assign_form_follows_no_next_off_the_site(client, account, agent, target):
    case = CaseFactory(account=account)
    client.force_login(agent)
    response = client.post(reverse("helpdesk:case_assign", args=[case.id]), {"assignee": "me", "next": target})
    assert response.status_code == 302 and response["Location"] == reverse("helpdesk:case", args=[case.id])


def test_the_assign_form_follows_a_next_on_the_site(client, account, agent):
    case = CaseFactory(account=account)
    client.force_login(agent)
    target = reverse("helpdesk:queue") + "?kind=message"
    response = client.post(reverse("helpdesk:case_assign", args=[case.id]), {"assignee": "me", "next": target})
    assert response["Location"] == target


def test_login_follows_no_next_off_the_site(client, agent):
    response = _login(client, agent.username, next_url="https://evil.example/")
    assert response.status_code == 302 and response["Location"] == reverse("helpdesk:queue")


# --- throttling --------------------------------------------------------------------------


def test_repeated_failures_lock_the_login_out_for_a_while(client, agent, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, agent.username, "wrong").status_code == 200
    assert _login(client, agent.username, "wrong").status_code == 429
    locked = _login(client, agent.username)
    assert locked.status_code == 429 and "Too many failed" in locked.content.decode()
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        assert _login(client, agent.username).status_code == 302


def test_a_lockout_of_one_login_does_not_lock_out_the_others(client, agent, agent2, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, agent.username, "wrong")
    assert _login(client, agent2.username).status_code == 302


# --- sessions ------------------------------------------------------------------------------


def test_an_admins_session_is_shorter(client, agent, admin_user, settings):
    _login(client, admin_user.username)
    assert client.session.get_expiry_age() == settings.ADMIN_SESSION_AGE_S
    client.logout()
    _login(client, agent.username)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE > settings.ADMIN_SESSION_AGE_S


# --- two-factor ----------------------------------------------------------------------------


@pytest.fixture
def two_factor_for_admins(settings):
    settings.TWO_FACTOR_ADMINS = True


def test_an_admin_without_a_device_is_sent_to_enrol_when_required(client, admin_user, two_factor_for_admins):
    _login(client, admin_user.username)
    response = client.get(reverse("helpdesk:queue"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor"))


def test_an_admin_enrols_gets_backup_codes_and_then_works(client, admin_user, account, two_factor_for_admins):
    _login(client, admin_user.username)
    page = client.get(reverse("two_factor")).content.decode()
    assert "otpauth://totp/" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=admin_user, confirmed=False)
    assert client.post(reverse("two_factor"), {"action": "confirm", "token": "000000"}).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):  # past django-otp's throttle
        response = client.post(reverse("two_factor"), {"action": "confirm", "token": _code(device)})
    assert response.status_code == 200
    codes = StaticDevice.objects.get(user=admin_user).token_set.values_list("token", flat=True)
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("helpdesk:accounts")).status_code == 200
    assert Activity.objects.filter(actor=admin_user, verb="two_factor.enabled").count() == 1


def _enrolled(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    static.token_set.create(token="backup1234")
    return device


def test_an_enrolled_user_gives_a_code_after_the_password(client, agent):
    device = _enrolled(agent)
    response = _login(client, agent.username, next_url=reverse("helpdesk:notifications"))
    owed = client.get(response["Location"])
    assert owed["Location"] == reverse("two_factor_verify") + "?next=%2Fnotifications%2F"
    assert client.get(reverse("helpdesk:queue")).status_code == 302
    assert client.post(reverse("two_factor_verify"), {"token": "123456"}).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):  # past django-otp's throttle
        verified = client.post(owed["Location"], {"token": _code(device)})
    assert verified["Location"] == reverse("helpdesk:notifications")
    assert client.get(reverse("helpdesk:queue")).status_code == 200


def test_a_backup_code_works_once(client, agent):
    _enrolled(agent)
    _login(client, agent.username)
    assert client.post(reverse("two_factor_verify"), {"token": "backup1234"}).status_code == 302
    client.logout()
    _login(client, agent.username)
    assert client.post(reverse("two_factor_verify"), {"token": "backup1234"}).status_code == 400


def test_the_verify_step_follows_no_next_off_the_site(client, agent):
    device = _enrolled(agent)
    _login(client, agent.username)
    response = client.post(reverse("two_factor_verify") + "?next=https://evil.example/", {"token": _code(device)})
    assert response["Location"] == reverse("helpdesk:queue")


def test_two_factor_is_optional_for_agents_and_when_not_required(client, agent, admin_user, settings):
    settings.TWO_FACTOR_ADMINS = False
    for user in (agent, admin_user):
        client.force_login(user)
        assert client.get(reverse("helpdesk:queue")).status_code == 200
        assert "Set up two-factor" in client.get(reverse("two_factor")).content.decode()


def test_an_admin_who_must_use_it_cannot_turn_it_off_but_an_agent_can(client, agent, admin_user, two_factor_for_admins):
    for user, kept in ((admin_user, True), (agent, False)):
        _enrolled(user)
        client.logout()
        _login(client, user.username)
        client.post(reverse("two_factor_verify"), {"token": "backup1234"})
        client.post(reverse("two_factor"), {"action": "disable"})
        assert TOTPDevice.objects.filter(user=user).exists() is kept

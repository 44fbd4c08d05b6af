"""Two-factor authentication (django-otp): an authenticator app's codes (TOTP) and ten single-use
backup codes. Required of admins where TWO_FACTOR_ADMINS is on (production's default), optional for
everyone else.

What a login still owes is decided once, when the user logs in (`login_state`), and kept in the
session, so the pages after it cost no query: "verify" (they have a device: a code is due),
"enrol" (they must have one and have none), or nothing.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from helpdesk.models import Membership, Role

from .audit import audit

SESSION_KEY = "two_factor"
VERIFY, ENROL = "verify", "enrol"
BACKUP_CODES = 10


def is_admin(user: AbstractBaseUser) -> bool:
    return user.is_superuser or Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def two_factor_required(user: AbstractBaseUser) -> bool:
    return settings.TWO_FACTOR_ADMINS and is_admin(user)


def login_state(user: AbstractBaseUser) -> str:
    """What the login still owes: VERIFY, ENROL, or "" (nothing)."""
    if user_has_device(user):
        return VERIFY
    return ENROL if two_factor_required(user) else ""


def totp_pending(user: AbstractBaseUser) -> TOTPDevice:
    """The authenticator being set up (not confirmed yet), made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def two_factor_enable(*, user: AbstractBaseUser, token: str) -> tuple[TOTPDevice, list[str]] | None:
    """Confirm the pending authenticator with a code from it: then it and ten new backup codes (which
    are returned, to be shown once) protect the login. None when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
    audit(verb="two_factor.enabled", summary=f"{user.get_username()} turned on two-factor authentication", actor=user)
    return device, codes


@transaction.atomic
def two_factor_disable(*, user: AbstractBaseUser) -> bool:
    """Remove the user's devices, unless their role requires them. Returns whether it did."""
    if two_factor_required(user):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit(verb="two_factor.disabled", summary=f"{user.get_username()} turned off two-factor authentication", actor=user)
    return True

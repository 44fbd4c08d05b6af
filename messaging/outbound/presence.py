"""Who else has a conversation open, and who is typing a reply in it.

Presence lives in the cache (Redis in production and tests), never in the
database: each open composer sends a heartbeat every 10 seconds and on input;
a key expires a little after the heartbeats stop, so a closed tab simply
disappears. Keys are per case and user, so two agents' heartbeats never
overwrite each other.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache

from helpdesk.models import Case, Membership

VIEWING_TTL = 25  # seconds: two missed 10-second heartbeats and the agent is gone
TYPING_TTL = 8  # seconds after the last keystroke


@dataclass(frozen=True)
class Presence:
    name: str
    typing: bool


def _key(case_id: int, user_id: int, what: str) -> str:
    return f"outbound:{what}:{case_id}:{user_id}"


def presence_beat(*, case: Case, user: AbstractBaseUser, typing: bool) -> None:
    """Record that `user` has the case's conversation open (and is typing, if so)."""
    cache.set(_key(case.pk, user.pk, "viewing"), user.get_full_name() or user.get_username(), VIEWING_TTL)
    if typing:
        cache.set(_key(case.pk, user.pk, "typing"), True, TYPING_TTL)


def presence_others(*, case: Case, user: AbstractBaseUser) -> list[Presence]:
    """The other people of the account who have the conversation open, by name."""
    user_ids = list(
        Membership.objects.filter(account_id=case.account_id).exclude(user_id=user.pk).values_list("user_id", flat=True)
    )
    if not user_ids:
        return []
    # Whose composer is open first; whether they type, of those only: mostly nobody else is here.
    viewing = cache.get_many([_key(case.pk, uid, "viewing") for uid in user_ids])
    here = [uid for uid in user_ids if _key(case.pk, uid, "viewing") in viewing]
    if not here:
        return []
    typing = cache.get_many([_key(case.pk, uid, "typing") for uid in here])
    others = [
        Presence(name=viewing[_key(case.pk, uid, "viewing")], typing=_key(case.pk, uid, "typing") in typing)
        for uid in here
    ]
    return sorted(others, key=lambda p: (not p.typing, p.name))

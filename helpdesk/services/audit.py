from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from helpdesk.models import Activity, Case, SellerAccount


def audit(
    *,
    verb: str,
    summary: str,
    actor: AbstractBaseUser | None = None,
    account: SellerAccount | None = None,
    case: Case | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Activity:
    """Append one audit row. Call it inside the transaction of the write it records."""
    if case is not None and account is None:
        account = case.account
    return Activity.objects.create(
        verb=verb,
        summary=summary[:500],
        actor=actor if actor is not None and actor.is_authenticated else None,
        account=account,
        case=case,
        before=before,
        after=after,
    )

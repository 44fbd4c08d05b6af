"""Writes and checks of the compliance guard. Every write is audited."""

import re
from dataclasses import asdict
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from helpdesk.models import Role, SellerAccount
from helpdesk.selectors import has_role
from helpdesk.services.audit import audit

from .checker import Finding, InvalidPattern, check_text, compile_custom, is_blocked
from .models import AllowedDomain, ComplianceApproval, ComplianceRule
from .selectors import active_rules, allowed_domain_names

RULE_FIELDS = ("kind", "pattern", "message", "blocking", "active")
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _require(actor: AbstractBaseUser, account: SellerAccount, role: str, doing: str) -> None:
    if not has_role(actor, account.id, role):
        raise PermissionDenied(f"Only {Role(role).label.lower()}s of {account.name} may {doing}.")


def compliance_check(
    *, text: str, account: SellerAccount, order_id: str | None = None, answering: bool = False
) -> list[Finding]:
    """Amazon's rules plus the account's own, with its allow-listed domains let through. `answering`: the message
    answers a buyer's message (a reply in their conversation), not one the seller starts."""
    return check_text(
        text,
        allowed_domains=allowed_domain_names(account),
        extra_rules=[rule.as_checker_rule() for rule in active_rules(account)],
        order_id=order_id,
        answering=answering,
        max_chars=settings.COMPLIANCE_MAX_CHARS,
    )


def compliance_blocked(findings: list[Finding]) -> bool:
    """Whether the send must be refused: any blocking finding left."""
    return is_blocked(findings)


def _validate_rule(kind: str, pattern: str) -> None:
    try:
        compile_custom(kind, pattern)
    except InvalidPattern as exc:
        raise ValidationError({"pattern": str(exc)}) from exc


@transaction.atomic
def compliance_rule_create(
    *,
    account: SellerAccount,
    kind: str,
    pattern: str,
    message: str,
    actor: AbstractBaseUser,
    blocking: bool = True,
    active: bool = True,
) -> ComplianceRule:
    _require(actor, account, Role.ADMIN, "add message rules")
    _validate_rule(kind, pattern)
    rule = ComplianceRule.objects.create(
        account=account, kind=kind, pattern=pattern, message=message, blocking=blocking, active=active, created_by=actor
    )
    audit(
        verb="compliance.rule_created",
        summary=f"Message rule added: {rule.get_kind_display().lower()} {pattern!r}",
        actor=actor,
        account=account,
        after={f: getattr(rule, f) for f in RULE_FIELDS},
    )
    return rule


@transaction.atomic
def compliance_rule_update(*, rule: ComplianceRule, actor: AbstractBaseUser, **changes: Any) -> ComplianceRule:
    _require(actor, rule.account, Role.ADMIN, "change message rules")
    unknown = set(changes) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"Not a rule field: {', '.join(sorted(unknown))}")
    before = {f: getattr(rule, f) for f in RULE_FIELDS}
    changed = [f for f, value in changes.items() if value != before[f]]
    if not changed:
        return rule
    _validate_rule(changes.get("kind", rule.kind), changes.get("pattern", rule.pattern))
    for field in changed:
        setattr(rule, field, changes[field])
    rule.save(update_fields=changed)
    audit(
        verb="compliance.rule_updated",
        summary=f"Message rule {rule.pattern!r} changed: {', '.join(changed)}",
        actor=actor,
        account=rule.account,
        before={f: before[f] for f in changed},
        after={f: changes[f] for f in changed},
    )
    return rule


@transaction.atomic
def compliance_rule_delete(*, rule: ComplianceRule, actor: AbstractBaseUser) -> None:
    _require(actor, rule.account, Role.ADMIN, "delete message rules")
    audit(
        verb="compliance.rule_deleted",
        summary=f"Message rule deleted: {rule.get_kind_display().lower()} {rule.pattern!r}",
        actor=actor,
        account=rule.account,
        before={f: getattr(rule, f) for f in RULE_FIELDS},
    )
    rule.delete()


def _normalise_domain(value: str) -> str:
    """'https://www.Shop.example/path' -> 'shop.example'; raises ValidationError when it is not a domain."""
    domain = value.strip().lower()
    domain = re.sub(r"^[a-z][a-z0-9+.-]*://", "", domain).split("/")[0].split("?")[0].split(":")[0]
    domain = domain.removeprefix("www.").rstrip(".")
    if not _DOMAIN.match(domain):
        raise ValidationError({"domain": "Enter a domain such as amazon.com."})
    return domain


@transaction.atomic
def allowed_domain_add(*, account: SellerAccount, domain: str, actor: AbstractBaseUser) -> AllowedDomain:
    _require(actor, account, Role.ADMIN, "allow web addresses")
    domain = _normalise_domain(domain)
    if AllowedDomain.objects.filter(account=account, domain=domain).exists():
        raise ValidationError({"domain": f"{domain} is already allowed."})
    allowed = AllowedDomain.objects.create(account=account, domain=domain)
    audit(
        verb="compliance.domain_allowed",
        summary=f"Links to {domain} allowed in buyer messages",
        actor=actor,
        account=account,
        after={"domain": domain},
    )
    return allowed


@transaction.atomic
def allowed_domain_remove(*, allowed: AllowedDomain, actor: AbstractBaseUser) -> None:
    _require(actor, allowed.account, Role.ADMIN, "change allowed web addresses")
    audit(
        verb="compliance.domain_removed",
        summary=f"Links to {allowed.domain} no longer allowed",
        actor=actor,
        account=allowed.account,
        before={"domain": allowed.domain},
    )
    allowed.delete()


@transaction.atomic
def compliance_approve(
    *,
    account: SellerAccount,
    text: str,
    findings: list[Finding],
    reason: str,
    approver: AbstractBaseUser,
    reply_key: str = "",
) -> ComplianceApproval:
    """A manager lets one reply through despite its blocking findings; the reason and the rules are recorded."""
    _require(approver, account, Role.MANAGER, "approve a blocked reply")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why this reply may be sent despite the rules."})
    if not is_blocked(findings):
        raise ValidationError("Nothing to approve: the reply has no blocking finding.")
    approval = ComplianceApproval.objects.create(
        account=account,
        approved_by=approver,
        reason=reason,
        text=text,
        findings=[asdict(f) for f in findings],
        reply_key=reply_key,
    )
    rules = ", ".join(approval.overridden_rules)
    audit(
        verb="compliance.approved",
        summary=f"Blocked reply approved ({rules}): {reason}",
        actor=approver,
        account=account,
        after={"approval": approval.id, "rules": approval.overridden_rules, "reason": reason, "reply_key": reply_key},
    )
    return approval

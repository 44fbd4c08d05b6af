"""Reads of the compliance guard; every queryset a view touches is scoped to the user's accounts."""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from helpdesk.models import Role, SellerAccount
from helpdesk.selectors import scoped

from .checker import rule_label
from .models import AllowedDomain, ComplianceApproval, ComplianceRule

APPROVAL_LOG_SIZE = 50


def active_rules(account: SellerAccount) -> QuerySet[ComplianceRule]:
    return ComplianceRule.objects.filter(account=account, active=True)


def allowed_domain_names(account: SellerAccount) -> list[str]:
    return list(AllowedDomain.objects.filter(account=account).values_list("domain", flat=True))


def rules_for(account: SellerAccount) -> QuerySet[ComplianceRule]:
    return ComplianceRule.objects.filter(account=account).select_related("created_by")


def allowed_domains_for(account: SellerAccount) -> QuerySet[AllowedDomain]:
    return AllowedDomain.objects.filter(account=account)


def approvals_for(account: SellerAccount) -> QuerySet[ComplianceApproval]:
    return ComplianceApproval.objects.filter(account=account).select_related("approved_by")


@dataclass(frozen=True)
class OverrideCount:
    rule: str
    label: str
    count: int


def override_counts(account: SellerAccount, rules: list[ComplianceRule]) -> list[OverrideCount]:
    """How often managers overrode each rule on this account, most overridden first.

    `rules` are the account's custom rules, to name their findings; a deleted one keeps its id.
    """
    counts: Counter[str] = Counter()
    for findings in ComplianceApproval.objects.filter(account=account).values_list("findings", flat=True):
        counts.update({f["rule"] for f in findings if f["blocking"]})
    names = {rule.rule_name: f"Account rule: {rule.pattern}" for rule in rules}
    return [
        OverrideCount(rule=rule, label=names.get(rule) or _deleted_or_builtin(rule), count=count)
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _deleted_or_builtin(rule: str) -> str:
    return "Account rule (deleted)" if rule.startswith("custom-") else rule_label(rule)


def rule_get(user: AbstractBaseUser, *, rule_id: int) -> ComplianceRule:
    return get_object_or_404(
        scoped(ComplianceRule.objects.select_related("account"), user, min_role=Role.ADMIN), id=rule_id
    )


def allowed_domain_get(user: AbstractBaseUser, *, domain_id: int) -> AllowedDomain:
    return get_object_or_404(
        scoped(AllowedDomain.objects.select_related("account"), user, min_role=Role.ADMIN), id=domain_id
    )

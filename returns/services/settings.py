"""An account's return rules, as its admins set them: the return window and its dated overrides,
the recovery shares, fees and referral-fee refund, the restocking-fee limits per category, and a
SKU's own exceptions. Every change is audited and queues a refresh of the figures."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit

from ..models import RestockingRule, ReturnSettings, ReturnWindowOverride, SkuRecovery
from ..tasks import refresh_figures


def _plain(values: dict[str, Any]) -> dict[str, str]:
    return {name: str(value) for name, value in values.items()}


@transaction.atomic
def return_settings_update(*, account: SellerAccount, actor: AbstractBaseUser, **values: Any) -> ReturnSettings:
    rules, _ = ReturnSettings.objects.get_or_create(account=account)
    rules = ReturnSettings.objects.select_for_update().get(pk=rules.pk)
    before = {name: getattr(rules, name) for name in values}
    for name, value in values.items():
        setattr(rules, name, value)
    rules.full_clean(exclude=["account"])
    rules.save()
    changed = {name: value for name, value in values.items() if before[name] != value}
    audit(
        verb="returns.settings",
        summary="Return rules changed: " + (", ".join(sorted(changed)) or "nothing"),
        actor=actor,
        account=account,
        before=_plain({name: before[name] for name in changed}),
        after=_plain(changed),
    )
    refresh_figures.delay_on_commit(account.id)
    return rules


@transaction.atomic
def window_override_add(
    *, account: SellerAccount, actor: AbstractBaseUser, label: str, delivered_from, delivered_to, returnable_until
) -> ReturnWindowOverride:
    override = ReturnWindowOverride(
        account=account,
        label=label.strip(),
        delivered_from=delivered_from,
        delivered_to=delivered_to,
        returnable_until=returnable_until,
    )
    override.full_clean()
    override.save()
    audit(
        verb="returns.window_override",
        summary=f"Return window override added: {override}",
        actor=actor,
        account=account,
    )
    return override


@transaction.atomic
def window_override_delete(*, override: ReturnWindowOverride, actor: AbstractBaseUser) -> None:
    audit(
        verb="returns.window_override",
        summary=f"Return window override removed: {override}",
        actor=actor,
        account=override.account,
    )
    override.delete()


@transaction.atomic
def restocking_rule_save(
    *, account: SellerAccount, actor: AbstractBaseUser, category: str, max_percent, note: str = ""
) -> RestockingRule:
    rule = RestockingRule.objects.filter(account=account, category__iexact=category.strip()).first() or RestockingRule(
        account=account, category=category.strip()
    )
    rule.max_percent, rule.note = max_percent, note.strip()
    rule.full_clean(validate_unique=False)
    rule.save()
    audit(verb="returns.restocking_rule", summary=f"Restocking fee, {rule}", actor=actor, account=account)
    return rule


@transaction.atomic
def restocking_rule_delete(*, rule: RestockingRule, actor: AbstractBaseUser) -> None:
    audit(verb="returns.restocking_rule", summary=f"Restocking rule removed: {rule}", actor=actor, account=rule.account)
    rule.delete()


@transaction.atomic
def sku_recovery_save(*, account: SellerAccount, actor: AbstractBaseUser, sku: str, **values: Any) -> SkuRecovery:
    row = SkuRecovery.objects.filter(account=account, sku=sku.strip()).first() or SkuRecovery(
        account=account, sku=sku.strip()
    )
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean(validate_unique=False)
    row.save()
    audit(
        verb="returns.sku_recovery",
        summary=f"Recovery rules of SKU {row.sku} set",
        actor=actor,
        account=account,
        after=_plain(values),
    )
    refresh_figures.delay_on_commit(account.id, [row.sku])
    return row


@transaction.atomic
def sku_recovery_delete(*, row: SkuRecovery, actor: AbstractBaseUser) -> None:
    audit(
        verb="returns.sku_recovery",
        summary=f"Recovery rules of SKU {row.sku} back to the account's",
        actor=actor,
        account=row.account,
    )
    refresh_figures.delay_on_commit(row.account_id, [row.sku])
    row.delete()

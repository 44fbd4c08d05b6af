import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk.models import Activity
from messaging.compliance.checker import check_text
from messaging.compliance.models import AllowedDomain, ComplianceApproval, ComplianceRule
from messaging.compliance.services import (
    allowed_domain_add,
    allowed_domain_remove,
    compliance_approve,
    compliance_blocked,
    compliance_check,
    compliance_rule_create,
    compliance_rule_delete,
    compliance_rule_update,
)

BLOCKED_TEXT = "Please visit www.acme.com for the manual."


def verbs(account) -> list[str]:
    return list(Activity.objects.filter(account=account).values_list("verb", flat=True))


# --- the check with the account's rules -----------------------------------------------


def test_check_applies_the_accounts_rules_and_allow_list_only(account, other_account, admin_user):
    rule = compliance_rule_create(
        account=account, kind="phrase", pattern="warehouse sale", message="No sales talk.", actor=admin_user
    )
    allowed_domain_add(account=account, domain="acme.com", actor=admin_user)
    text = "Our warehouse sale is on acme.com."
    assert [(f.rule, f.text) for f in compliance_check(text=text, account=account)] == [
        (rule.rule_name, "warehouse sale")
    ]
    assert [f.rule for f in compliance_check(text=text, account=other_account)] == ["link"]


def test_inactive_rules_do_not_apply(account, admin_user):
    rule = compliance_rule_create(
        account=account, kind="phrase", pattern="cheap", message="Say affordable.", actor=admin_user
    )
    assert compliance_blocked(compliance_check(text="A cheap fix.", account=account))
    compliance_rule_update(rule=rule, actor=admin_user, active=False)
    assert compliance_check(text="A cheap fix.", account=account) == []


def test_check_passes_the_order_id_for_the_advisory(account):
    findings = compliance_check(text="It ships today.", account=account, order_id="112-1234567-1234567")
    assert [f.rule for f in findings] == ["order_id"] and not compliance_blocked(findings)


# --- custom rules -------------------------------------------------------------------------


def test_rule_create_update_delete_are_audited(account, admin_user):
    rule = compliance_rule_create(
        account=account,
        kind="regex",
        pattern=r"\bv\d+\b",
        message="No internal versions.",
        blocking=False,
        actor=admin_user,
    )
    assert (rule.kind, rule.blocking, rule.created_by) == ("regex", False, admin_user)
    compliance_rule_update(rule=rule, actor=admin_user, blocking=True, message="No internal versions!")
    rule.refresh_from_db()
    assert rule.blocking and rule.message == "No internal versions!"
    update = Activity.objects.get(verb="compliance.rule_updated")
    assert update.before == {"blocking": False, "message": "No internal versions."}
    assert update.after == {"blocking": True, "message": "No internal versions!"}
    compliance_rule_delete(rule=rule, actor=admin_user)
    assert not ComplianceRule.objects.exists()
    assert verbs(account) == ["compliance.rule_created", "compliance.rule_updated", "compliance.rule_deleted"]


def test_an_update_that_changes_nothing_writes_nothing(account, admin_user):
    rule = compliance_rule_create(account=account, kind="phrase", pattern="x y", message="m", actor=admin_user)
    compliance_rule_update(rule=rule, actor=admin_user, pattern="x y", message="m")
    assert verbs(account) == ["compliance.rule_created"]


@pytest.mark.parametrize("pattern", ["([unclosed", "a*|b"])
def test_an_unusable_regex_is_refused_on_create_and_update(account, admin_user, pattern):
    with pytest.raises(ValidationError) as exc:
        compliance_rule_create(account=account, kind="regex", pattern=pattern, message="m", actor=admin_user)
    assert "pattern" in exc.value.message_dict
    rule = compliance_rule_create(account=account, kind="regex", pattern="ok", message="m", actor=admin_user)
    with pytest.raises(ValidationError):
        compliance_rule_update(rule=rule, actor=admin_user, pattern=pattern)
    rule.refresh_from_db()
    assert rule.pattern == "ok"
    assert ComplianceRule.objects.count() == 1


def test_only_admins_of_the_account_manage_rules(account, manager, outsider, admin_user):
    for user in (manager, outsider):
        with pytest.raises(PermissionDenied):
            compliance_rule_create(account=account, kind="phrase", pattern="x", message="m", actor=user)
    rule = compliance_rule_create(account=account, kind="phrase", pattern="x", message="m", actor=admin_user)
    with pytest.raises(PermissionDenied):
        compliance_rule_delete(rule=rule, actor=outsider)
    with pytest.raises(PermissionDenied):
        allowed_domain_add(account=account, domain="acme.com", actor=manager)


# --- allowed domains ---------------------------------------------------------------------


def test_allowed_domain_is_normalised_unique_and_audited(account, admin_user):
    allowed = allowed_domain_add(account=account, domain=" https://www.Amazon.com/gp/help ", actor=admin_user)
    assert allowed.domain == "amazon.com"
    with pytest.raises(ValidationError, match="already allowed"):
        allowed_domain_add(account=account, domain="amazon.com", actor=admin_user)
    with pytest.raises(ValidationError, match="Enter a domain"):
        allowed_domain_add(account=account, domain="not a domain", actor=admin_user)
    allowed_domain_remove(allowed=allowed, actor=admin_user)
    assert not AllowedDomain.objects.exists()
    assert verbs(account) == ["compliance.domain_allowed", "compliance.domain_removed"]


# --- approvals -------------------------------------------------------------------------------


def test_a_manager_approves_one_blocked_reply_with_a_reason(account, manager):
    findings = check_text(BLOCKED_TEXT)
    approval = compliance_approve(
        account=account,
        text=BLOCKED_TEXT,
        findings=findings,
        reason="  Buyer asked for the manual link.  ",
        approver=manager,
        reply_key="reply-42",
    )
    approval.refresh_from_db()
    assert (approval.approved_by, approval.reason, approval.reply_key) == (
        manager,
        "Buyer asked for the manual link.",
        "reply-42",
    )
    assert approval.text == BLOCKED_TEXT
    assert approval.findings == [
        {
            "rule": "link",
            "start": 13,
            "end": 25,
            "text": "www.acme.com",
            "explanation": findings[0].explanation,
            "blocking": True,
        }
    ]
    assert approval.overridden_rules == ["link"]
    activity = Activity.objects.get(verb="compliance.approved")
    assert (activity.actor, activity.account) == (manager, account)
    assert activity.after["rules"] == ["link"] and activity.after["reply_key"] == "reply-42"
    assert "Buyer asked for the manual link." in activity.summary


def test_an_agent_cannot_approve(account, agent):
    with pytest.raises(PermissionDenied):
        compliance_approve(
            account=account, text=BLOCKED_TEXT, findings=check_text(BLOCKED_TEXT), reason="ok", approver=agent
        )
    assert not ComplianceApproval.objects.exists() and not Activity.objects.exists()


def test_a_manager_of_another_account_cannot_approve(account, other_account, outsider):
    with pytest.raises(PermissionDenied):
        compliance_approve(
            account=account, text=BLOCKED_TEXT, findings=check_text(BLOCKED_TEXT), reason="ok", approver=outsider
        )


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_approval_needs_a_reason(account, manager, reason):
    with pytest.raises(ValidationError) as exc:
        compliance_approve(
            account=account, text=BLOCKED_TEXT, findings=check_text(BLOCKED_TEXT), reason=reason, approver=manager
        )
    assert "reason" in exc.value.message_dict
    assert not ComplianceApproval.objects.exists()


def test_there_is_nothing_to_approve_without_a_blocking_finding(account, admin_user):
    findings = check_text("Thanks!", order_id="112-1234567-1234567")  # an advisory only
    with pytest.raises(ValidationError, match="Nothing to approve"):
        compliance_approve(account=account, text="Thanks!", findings=findings, reason="because", approver=admin_user)

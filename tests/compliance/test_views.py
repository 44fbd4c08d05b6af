import json

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from helpdesk.models import Activity
from messaging.compliance.checker import check_text
from messaging.compliance.models import AllowedDomain, ComplianceRule
from messaging.compliance.services import allowed_domain_add, compliance_approve, compliance_rule_create

CHECK = reverse("compliance:check")
RULES = reverse("compliance:rules")
HTMX = {"HTTP_HX_REQUEST": "true"}


def check(client, text, account, **extra):
    return client.post(CHECK, {"text": text, "account": account.id, **extra}, **HTMX)


# --- the live check -------------------------------------------------------------------------


def test_check_returns_the_partial_with_highlights_and_the_blocked_event(client, account, agent):
    client.force_login(agent)
    response = check(client, "Hi!\nCall (555) 123-4567 or see www.acme.com.", account)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body  # the partial, not the page
    assert 'data-blocked="true"' in body
    assert '<mark class="blocking"' in body and ">(555) 123-4567</mark>" in body and ">www.acme.com</mark>" in body
    assert "2 problems to fix" in body
    assert "Amazon forbids phone numbers" in body and "Amazon forbids links" in body
    assert json.loads(response["HX-Trigger"]) == {"compliance": {"blocked": True}}


def test_check_of_a_clean_message(client, account, agent):
    client.force_login(agent)
    response = check(client, "Your refund of $29.99 was issued on 12/05/2024.", account)
    assert 'data-blocked="false"' in response.content.decode() and "No problems found" in response.content.decode()
    assert "<mark" not in response.content.decode()
    assert json.loads(response["HX-Trigger"]) == {"compliance": {"blocked": False}}


def test_a_blank_draft_gets_no_verdict_and_does_not_block(client, account, agent):
    client.force_login(agent)

    response = check(client, "  \n", account, order_id="112-1234567-1234567")

    assert "compliance-result" not in response.content.decode()  # no "order id missing" advice on an empty composer
    assert json.loads(response["HX-Trigger"]) == {"compliance": {"blocked": False}}


def test_check_escapes_the_draft(client, account, agent):
    client.force_login(agent)
    body = check(client, '<script>alert("x")</script> mail evil@acme.com <b>', account).content.decode()
    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert ">evil@acme.com</mark>" in body


def test_check_shows_advisories_without_blocking(client, account, agent):
    client.force_login(agent)
    response = check(client, "It ships today.", account, order_id="112-1234567-1234567")
    body = response.content.decode()
    assert 'data-blocked="false"' in body and "(advice)" in body and "112-1234567-1234567" in body
    assert json.loads(response["HX-Trigger"]) == {"compliance": {"blocked": False}}


def test_check_uses_the_accounts_own_rules(client, account, agent, admin_user):
    compliance_rule_create(
        account=account, kind="phrase", pattern="outlet", message="Say 'our store'.", actor=admin_user
    )
    client.force_login(agent)
    body = check(client, "Our outlet has it.", account).content.decode()
    assert ">outlet</mark>" in body and "Say &#x27;our store&#x27;." in body and "Account rule" in body


def test_check_reads_the_composers_own_field(client, account, agent):
    client.force_login(agent)
    response = client.post(CHECK, {"body": "see www.acme.com", "text_field": "body", "account": account.id}, **HTMX)
    assert ">www.acme.com</mark>" in response.content.decode()
    missing = client.post(CHECK, {"body": "see www.acme.com", "account": account.id}, **HTMX)
    assert missing.status_code == 400 and "no field 'text'" in missing.content.decode()


def test_news_of_the_order_blocks_unless_it_answers_a_buyers_message(client, account, agent):
    client.force_login(agent)
    news = "Your order has shipped with UPS, tracking 1Z999AA10123456784."
    assert json.loads(check(client, news, account)["HX-Trigger"]) == {"compliance": {"blocked": True}}
    assert json.loads(check(client, news, account, answering="1")["HX-Trigger"]) == {"compliance": {"blocked": False}}
    # a confirmation's header is one whatever it answers
    confirmation = "Shipping confirmation: your parcel left our warehouse today."
    assert json.loads(check(client, confirmation, account, answering="1")["HX-Trigger"]) == {
        "compliance": {"blocked": True}
    }


def test_check_on_another_account_is_not_found(client, account, other_account, agent):
    client.force_login(agent)
    assert check(client, "hello", other_account).status_code == 404


def test_check_without_an_account_is_a_bad_request(client, agent):
    client.force_login(agent)
    assert client.post(CHECK, {"text": "hello"}, **HTMX).status_code == 400


def test_the_check_page_works_without_htmx(client, account, agent):
    client.force_login(agent)
    page = client.get(CHECK).content.decode()
    assert 'name="text"' in page and f'<option value="{account.id}" selected>' in page
    result = client.post(CHECK, {"text": "Leave 5 stars please!", "account": account.id}).content.decode()
    assert "<html" in result and ">5 stars</mark>" in result and "Leave 5 stars please!</textarea>" in result


def test_the_live_check_include(account):
    html = render_to_string(
        "compliance/live_check.html",
        {"field_id": "reply-body-7", "field_name": "body", "account_id": account.id, "order_id": "112-1234567-1234567"},
    )
    assert f'hx-post="{CHECK}"' in html
    assert 'hx-trigger="load, input changed delay:400ms from:#reply-body-7"' in html
    assert 'hx-include="#reply-body-7"' in html
    values = json.loads(html.split("hx-vals='")[1].split("'")[0])
    assert values == {
        "account": str(account.id),
        "order_id": "112-1234567-1234567",
        "text_field": "body",
        "answering": "",
    }
    assert 'class="compliance-findings-slot"' in html
    answering = render_to_string(
        "compliance/live_check.html", {"field_id": "reply-text", "account_id": account.id, "answering": 42}
    )
    assert json.loads(answering.split("hx-vals='")[1].split("'")[0])["answering"] == "1"


# --- the rules page ---------------------------------------------------------------------------


@pytest.fixture
def approvals(account, manager, admin_user):
    rule = compliance_rule_create(account=account, kind="phrase", pattern="outlet", message="No.", actor=admin_user)
    texts = ["see www.acme.com", "see www.acme.com and call (555) 123-4567", "our outlet is open"]
    for text in texts:
        findings = check_text(text, extra_rules=[rule.as_checker_rule()])
        compliance_approve(account=account, text=text, findings=findings, reason=f"ok: {text}", approver=manager)
    return rule


def test_rules_page_lists_rules_domains_and_overrides(client, account, admin_user, approvals):
    allowed_domain_add(account=account, domain="amazon.com", actor=admin_user)
    client.force_login(admin_user)
    body = client.get(RULES).content.decode()
    assert body.count('data-testid="rule-row"') == 1 and "<code>outlet</code>" in body
    assert '<li data-testid="domain-row"><code>amazon.com</code>' in body
    assert body.count('data-testid="approval-row"') == 3 and "ok: our outlet is open" in body
    counts = {
        row.split('data-rule="')[1].split('"')[0]: row.split("<td>")[2].split("<")[0]
        for row in body.split('data-testid="override-count"')[1:]
    }
    assert counts == {"link": "2", "phone": "1", approvals.rule_name: "1"}
    assert "Account rule: outlet" in body
    assert "<td>Links and web addresses, Phone numbers</td>" in body  # the approval log names the rules


def test_rules_page_queries_do_not_grow_with_approvals(client, account, admin_user, manager, approvals):
    client.force_login(admin_user)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(RULES).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for i in range(20):
        compliance_rule_create(account=account, kind="phrase", pattern=f"word{i}", message="m", actor=admin_user)
        compliance_approve(
            account=account, text="www.x.com", findings=check_text("www.x.com"), reason="r", approver=manager
        )
    assert queries() == few


def test_rules_page_shows_another_account_only_to_its_admins(client, account, other_account, admin_user, outsider):
    client.force_login(outsider)
    assert client.get(RULES).context["account"] == other_account
    assert client.get(f"{RULES}?account={account.id}").status_code == 404


def test_add_a_phrase_rule(client, account, admin_user):
    client.force_login(admin_user)
    data = {
        "new-kind": "phrase",
        "new-pattern": "outlet store",
        "new-message": "Say 'our shop'.",
        "new-blocking": "on",
        "new-active": "on",
    }
    response = client.post(reverse("compliance:rule_create", args=[account.id]), data)
    assert response.status_code == 302 and response["Location"] == f"{RULES}?account={account.id}"
    rule = ComplianceRule.objects.get()
    assert (rule.account, rule.pattern, rule.blocking, rule.created_by) == (account, "outlet store", True, admin_user)
    assert Activity.objects.filter(verb="compliance.rule_created", actor=admin_user).exists()


def test_an_invalid_regex_is_a_form_error(client, account, admin_user):
    client.force_login(admin_user)
    data = {"new-kind": "regex", "new-pattern": "([a-z]", "new-message": "m", "new-active": "on"}
    response = client.post(reverse("compliance:rule_create", args=[account.id]), data)
    assert response.status_code == 400
    assert "This regular expression is not valid" in response.content.decode()
    assert 'value="([a-z]"' in response.content.decode()  # what the admin typed is kept
    assert not ComplianceRule.objects.exists()


def test_a_regex_re2_cannot_run_is_a_form_error_that_says_why(client, account, admin_user):
    client.force_login(admin_user)
    data = {"new-kind": "regex", "new-pattern": r"(?<!un)happy", "new-message": "m", "new-active": "on"}
    response = client.post(reverse("compliance:rule_create", args=[account.id]), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "This regular expression is not valid here" in body and "no look-arounds" in body
    assert not ComplianceRule.objects.exists()


def test_edit_and_delete_a_rule(client, account, admin_user):
    rule = compliance_rule_create(account=account, kind="phrase", pattern="outlet", message="m", actor=admin_user)
    client.force_login(admin_user)
    prefix = f"rule-{rule.id}"
    bad = client.post(
        reverse("compliance:rule_update", args=[rule.id]),
        {f"{prefix}-kind": "regex", f"{prefix}-pattern": "(", f"{prefix}-message": "m"},
    )
    assert bad.status_code == 400 and "not valid" in bad.content.decode() and "<details open>" in bad.content.decode()
    data = {
        f"{prefix}-kind": "regex",
        f"{prefix}-pattern": r"outlet\w*",
        f"{prefix}-message": "No outlets.",
        f"{prefix}-active": "on",
    }
    assert client.post(reverse("compliance:rule_update", args=[rule.id]), data).status_code == 302
    rule.refresh_from_db()
    assert (rule.kind, rule.pattern, rule.message, rule.blocking, rule.active) == (
        "regex",
        r"outlet\w*",
        "No outlets.",
        False,
        True,
    )
    assert client.post(reverse("compliance:rule_delete", args=[rule.id])).status_code == 302
    assert not ComplianceRule.objects.exists()


def test_allow_and_remove_a_domain(client, account, admin_user):
    client.force_login(admin_user)
    url = reverse("compliance:domain_add", args=[account.id])
    assert client.post(url, {"domain": "https://www.amazon.com/"}).status_code == 302
    allowed = AllowedDomain.objects.get()
    assert allowed.domain == "amazon.com"
    duplicate = client.post(url, {"domain": "amazon.com"})
    assert duplicate.status_code == 400 and "amazon.com is already allowed." in duplicate.content.decode()
    assert client.post(reverse("compliance:domain_remove", args=[allowed.id])).status_code == 302
    assert not AllowedDomain.objects.exists()

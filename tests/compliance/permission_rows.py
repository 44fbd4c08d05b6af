"""Who may reach each compliance URL (see tests/helpdesk/permission_rows.py for the format)."""

from messaging.compliance.models import AllowedDomain, ComplianceRule

LOGIN = 302  # anonymous visitors are sent to the login page

ROWS = {
    "compliance:check": ("post", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "compliance:rules": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=200)),
    "compliance:rule_create": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "compliance:rule_update": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "compliance:rule_delete": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "compliance:domain_add": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "compliance:domain_remove": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    """(URL args by name, POST data by name) for the rows above, on `account`."""
    rule = ComplianceRule.objects.create(account=account, kind="phrase", pattern="outlet", message="No outlets.")
    allowed = AllowedDomain.objects.create(account=account, domain="amazon.com")
    edit = f"rule-{rule.id}"
    args = {
        "compliance:rule_create": [account.id],
        "compliance:rule_update": [rule.id],
        "compliance:rule_delete": [rule.id],
        "compliance:domain_add": [account.id],
        "compliance:domain_remove": [allowed.id],
    }
    posts = {
        "compliance:check": {"text": "Hello, see www.acme.com", "account": account.id},
        "compliance:rule_create": {
            "new-kind": "phrase",
            "new-pattern": "cheap",
            "new-message": "Say affordable.",
            "new-active": "on",
        },
        "compliance:rule_update": {
            f"{edit}-kind": "phrase",
            f"{edit}-pattern": "outlets",
            f"{edit}-message": "m",
            f"{edit}-active": "on",
        },
        "compliance:domain_add": {"domain": "acme.com"},
    }
    return args, posts

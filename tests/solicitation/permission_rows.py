"""Who may reach each solicitation URL (see tests/helpdesk/permission_rows.py for the format).

Managers and admins of the account work the batch; only admins see the rules (the
SP-API credentials are the account's: tests/helpdesk/permission_rows.py). The
outsider is an admin of another account: this account's pages are 404 to them,
the index sends them to their own account.
"""

from feedback.solicitation.models import SkuExclusion

LOGIN = 302

ROWS = {
    "solicitation:index": ("get", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=302)),
    "solicitation:preview": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "solicitation:pause": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "solicitation:resume": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "solicitation:run": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "solicitation:exclusion_add": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "solicitation:exclusion_remove": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "solicitation:request_log": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "solicitation:settings": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    "solicitation:rules": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    exclusion = SkuExclusion.objects.create(account=account, sku="BTL-750", excluded_by=users["manager"])
    args = {name: [account.id] for name in ROWS if name not in {"solicitation:index", "solicitation:exclusion_remove"}}
    args["solicitation:exclusion_remove"] = [exclusion.id]
    posts = {
        "solicitation:exclusion_add": {"sku": "LID-SPORT", "reason": "test"},
        "solicitation:rules": {"window_start_days": "5", "window_end_days": "30", "max_sku_return_rate": "10"},
    }
    return args, posts

"""Who may reach each helpdesk URL, and the objects the URLs are tried on.

Each app keeps a module like this one (tests/<app>/permission_rows.py, listed
in tests/helpdesk/test_permissions.py): ROWS maps a URL name to the method and
the status each visitor gets; `arguments()` builds what the URLs need.
"""

import hashlib
from datetime import timedelta

from django.utils import timezone

from helpdesk.importing import ORDERS_REPORT
from helpdesk.models import ImportJob, Invitation, Membership, Notification
from helpdesk.services.invitations import invitation_send
from tests.factories import CaseFactory

LOGIN = 302  # anonymous visitors are sent to the login page

ROWS = {
    "helpdesk:healthz": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:queue": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    # Exports are for managers, of the accounts they manage; an outsider's file holds only their own cases.
    "helpdesk:queue_export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:search": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:search_export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:cases_bulk_assign": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=302)),
    "helpdesk:case": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "helpdesk:case_assign": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "helpdesk:case_status": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "helpdesk:case_priority": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "helpdesk:dashboard": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:breaches": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:at_risk": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:breaches_export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:at_risk_export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:metrics": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:defect_orders": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:defect_orders_export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:health_import": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:health_fetch": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "helpdesk:risk": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:risk_export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:notifications": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:notifications_badge": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:notification_read": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=302)),
    "helpdesk:notifications_read_all": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=302)),
    "helpdesk:order_import": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:import_job": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "helpdesk:import_job_retry": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "helpdesk:settings": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "helpdesk:accounts": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=200)),
    "helpdesk:account": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    # An invitation without an address is refused with the form's errors.
    "helpdesk:member_invite": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=400, outsider=404)),
    "helpdesk:invitation_revoke": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    # The link is the proof: anyone holding it sees the invitation (and only the invitee can accept it).
    "helpdesk:invitation": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "helpdesk:member_role": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "helpdesk:member_remove": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "helpdesk:amazon": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    "helpdesk:amazon_credentials": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "helpdesk:amazon_sync_orders": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
    "helpdesk:policies": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    "helpdesk:policy_edit": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=400, outsider=404)),
    "login": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "logout": ("post", dict(anon=302, agent=302, manager=302, admin=302, outsider=302)),
    "preferences": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "two_factor": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "two_factor_verify": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset_done": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset_confirm": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
    "password_reset_complete": ("get", dict(anon=200, agent=200, manager=200, admin=200, outsider=200)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    """(URL args by name, POST data by name) for the rows above, on `account`."""
    agent = users["agent"]
    case = CaseFactory(account=account)
    job = ImportJob.objects.create(
        account=account,
        kind=ORDERS_REPORT,
        filename="orders.txt",
        status=ImportJob.Status.FAILED,
        failure="boom",
    )
    note = Notification.objects.create(user=agent, account=account, case=case, kind="assigned", title="hello")
    target = Membership.objects.get(user=agent, account=account)
    pending = invitation_send(account=account, email="nina@example.com", role="agent", actor=users["admin"])
    Invitation.objects.create(
        account=account,
        email="otto@example.com",
        token_hash=hashlib.sha256(b"row-token").hexdigest(),
        expires_at=timezone.now() + timedelta(days=1),
    )
    args = {
        "helpdesk:case": [case.id],
        "helpdesk:case_assign": [case.id],
        "helpdesk:case_status": [case.id],
        "helpdesk:case_priority": [case.id],
        "helpdesk:notification_read": [note.id],
        "helpdesk:import_job": [job.id],
        "helpdesk:import_job_retry": [job.id],
        "helpdesk:account": [account.id],
        "helpdesk:member_invite": [account.id],
        "helpdesk:invitation_revoke": [pending.id],
        "helpdesk:invitation": ["row-token"],
        "helpdesk:member_role": [target.id],
        "helpdesk:member_remove": [target.id],
        "helpdesk:amazon": [account.id],
        "helpdesk:amazon_credentials": [account.id],
        "helpdesk:amazon_sync_orders": [account.id],
        "helpdesk:policies": [account.id],
        "helpdesk:policy_edit": [account.id, "message_response"],
        "password_reset_confirm": ["MQ", "bad-token"],
    }
    posts = {
        "helpdesk:case_assign": {"assignee": "me"},
        "helpdesk:case_status": {"status": "open"},
        "helpdesk:case_priority": {"priority": "2"},
        "helpdesk:member_role": {"role": "manager"},
        "helpdesk:amazon_credentials": {"clear": "on"},
        "helpdesk:cases_bulk_assign": {"case": [case.id], "assignee": "me"},
        "helpdesk:health_fetch": {"account": account.id},
    }
    return args, posts

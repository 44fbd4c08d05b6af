"""Who may reach each feedback URL (see tests/helpdesk/permission_rows.py for the format)."""

from feedback.models import OutreachContact, RemovalRequest
from feedback.services import feedback_create
from tests.factories import OrderFactory

LOGIN = 302

ROWS = {
    "feedback:page": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "feedback:export": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "feedback:import": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "feedback:entry": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    "feedback:removal_request_create": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "feedback:removal_request_outcome": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "feedback:resolution_create": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "feedback:outreach_create": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "feedback:outreach_outcome": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "feedback:response_save": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "feedback:settings": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    """(URL args by name, POST or GET data by name) for the rows above, on `account`."""
    order = OrderFactory(account=account, amazon_order_id="111-7000000-7000000")
    feedback = feedback_create(
        account=account,
        amazon_order_id=order.amazon_order_id,
        date=order.purchase_date.date(),
        rating=1,
        comments="Arrived late.",
    )
    removal = RemovalRequest.objects.create(feedback=feedback, reason="other", submitted_on=feedback.date)
    contact = OutreachContact.objects.create(feedback=feedback, purpose="resolve", text="Sorry about the delay.")
    args = {
        "feedback:removal_request_create": [feedback.id],
        "feedback:removal_request_outcome": [removal.id],
        "feedback:resolution_create": [feedback.id],
        "feedback:outreach_create": [feedback.id],
        "feedback:outreach_outcome": [contact.id],
        "feedback:response_save": [feedback.id],
        "feedback:settings": [account.id],
    }
    posts = {
        "feedback:page": {"account": account.id},
        "feedback:export": {"account": account.id},
        "feedback:removal_request_create": {"reason": "other", "submitted_on": feedback.date.isoformat()},
        "feedback:removal_request_outcome": {"outcome": "refused"},
        "feedback:resolution_create": {"kind": "explanation", "note": "Carrier delay explained."},
        "feedback:outreach_create": {"purpose": "resolve", "text": "Sorry about the delay."},
        "feedback:outreach_outcome": {"outcome": "no_reply"},
        "feedback:response_save": {"text": "We are sorry.", "action": "draft"},
    }
    return args, posts

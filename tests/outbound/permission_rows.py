"""Who may reach each outbound URL (see tests/helpdesk/permission_rows.py for the format)."""

import uuid

from helpdesk.models import Case
from messaging.models import Conversation, Direction, Message
from messaging.outbound.models import CallSummaryPrompt, CannedResponse, ConversationMark, Reply

LOGIN = 302

ROWS = {
    # The composer's actions on a buyer-message case: any agent of the account.
    "outbound:reply": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:insert": ("get", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:presence": ("post", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "outbound:delivery": ("get", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:entry": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:mark": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:retry": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:confirm": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    "outbound:call_prompt_dismiss": ("post", dict(anon=LOGIN, agent=302, manager=302, admin=302, outsider=404)),
    # Managers: the flagged list, its review, the response-time figure, canned responses.
    "outbound:flagged": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "outbound:review": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "outbound:response_times": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=200)),
    "outbound:account": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "outbound:canned_edit": ("get", dict(anon=LOGIN, agent=403, manager=200, admin=200, outsider=404)),
    "outbound:canned_delete": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    # Admins: the address replies come from.
    "outbound:sender": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=400, outsider=404)),
    "outbound:contact_cap": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    case = Case.objects.create(account=account, kind="message", subject="Where is my order?")
    conversation = Conversation.objects.create(
        account=account, case=case, buyer_key="b@marketplace.amazon.com", buyer_email="b@marketplace.amazon.com"
    )
    seen = Message.objects.create(
        conversation=conversation, direction=Direction.IN, body_text="Where is it?", sent_at=case.opened_at
    )
    out = Message.objects.create(
        conversation=conversation, direction=Direction.OUT, body_text="On its way.", sent_at=case.opened_at
    )
    reply = Reply.objects.create(
        account=account,
        message=out,
        key=uuid.uuid4().hex,
        status="failed",
        to_address=conversation.buyer_email,
        from_address="support@acme.example",
        subject="Re: Where is my order?",
        email_message_id=f"{uuid.uuid4().hex}@acme.example",
        error="boom",
    )
    mark = ConversationMark.objects.create(
        conversation=conversation,
        account=account,
        kind="suspicious",
        reason="asks for our supplier",
        created_by=users["agent"],
    )
    canned = CannedResponse.objects.create(account=account, name="Shipped", body="Hello {buyer_name}")
    call = Message.objects.create(
        conversation=conversation, direction=Direction.CALL, body_text="Buyer called.", sent_at=case.opened_at
    )
    prompt = CallSummaryPrompt.objects.create(conversation=conversation, account=account, call=call)
    args = {
        "outbound:reply": [case.id],
        "outbound:insert": [case.id],
        "outbound:presence": [case.id],
        "outbound:delivery": [case.id],
        "outbound:entry": [case.id],
        "outbound:mark": [case.id],
        "outbound:retry": [reply.id],
        "outbound:confirm": [reply.id],
        "outbound:call_prompt_dismiss": [prompt.id],
        "outbound:review": [mark.id],
        "outbound:account": [account.id],
        "outbound:sender": [account.id],
        "outbound:contact_cap": [account.id],
        "outbound:canned_edit": [canned.id],
        "outbound:canned_delete": [canned.id],
    }
    posts = {
        "outbound:reply": {"text": "It left on Monday.", "key": uuid.uuid4().hex, "seen": seen.id},
        "outbound:entry": {"direction": "note", "body": "Checked with UPS."},
        "outbound:mark": {"kind": "no_response", "reason": "Buyer said thanks."},
        "outbound:contact_cap": {"max_per_order": 2, "min_hours_between": 48},
        "outbound:call_prompt_dismiss": {"reason": "Buyer asked for no e-mail."},
    }
    return args, posts

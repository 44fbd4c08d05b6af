"""Who may reach each messaging URL (see tests/helpdesk/permission_rows.py for the format)."""

from messaging.models import Attachment, InboundMail, Mailbox, MailSource, MailStatus
from messaging.parsing import dedupe_key
from messaging.services import inbound_process, inbound_receive, mailbox_set_password
from tests.messaging.conftest import fixture_bytes

LOGIN = 302

ROWS = {
    "messaging:inbox": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200)),
    # An empty upload is refused with the form's errors.
    "messaging:inbox_upload": ("post", dict(anon=LOGIN, agent=400, manager=400, admin=400, outsider=400)),
    "messaging:inbox_raw": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "messaging:inbox_retry": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "messaging:inbox_assign": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    # A failed hand-over retried: the notice is still not taken (no app takes A-to-z notices here).
    "messaging:notice_retry": ("post", dict(anon=LOGIN, agent=403, manager=302, admin=302, outsider=404)),
    "messaging:attachment": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "messaging:message_formatted": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=404)),
    "messaging:mailboxes": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=200)),
    "messaging:mailbox": ("get", dict(anon=LOGIN, agent=403, manager=403, admin=200, outsider=404)),
    # The test fails (nothing listens on port 1) and says so on the mailbox page.
    "messaging:mailbox_test": ("post", dict(anon=LOGIN, agent=403, manager=403, admin=302, outsider=404)),
}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    raw = fixture_bytes("25_not_amazon.eml")
    problem = InboundMail.objects.create(
        account=account,
        source=MailSource.UPLOAD,
        raw=raw,
        dedupe_key=dedupe_key(raw),
        status=MailStatus.PROBLEM,
        problem="could not be read: RuntimeError: boom",
    )
    mail, _ = inbound_receive(
        raw=fixture_bytes("03_multipart_attachment.eml"), source=MailSource.UPLOAD, account=account
    )
    inbound_process(mail_id=mail.pk)
    attachment = Attachment.objects.filter(message__inbound=mail).first()
    notice, _ = inbound_receive(raw=fixture_bytes("19_bounce.eml"), source=MailSource.UPLOAD, account=account)
    inbound_process(mail_id=notice.pk)
    InboundMail.objects.filter(pk=notice.pk).update(handover_error="RuntimeError: boom", handover_attempts=5)
    box = mailbox_set_password(
        mailbox=Mailbox(account=account, host="127.0.0.1", port=1, use_ssl=False, username="acme"),
        password="secret",
        actor=None,
    )
    args = {
        "messaging:mailbox": [box.id],
        "messaging:mailbox_test": [box.id],
        "messaging:inbox_raw": [problem.id],
        "messaging:inbox_retry": [problem.id],
        "messaging:inbox_assign": [problem.id],
        "messaging:attachment": [attachment.id],
        "messaging:message_formatted": [attachment.message_id],
        "messaging:notice_retry": [notice.id],
    }
    posts = {"messaging:inbox_assign": {"account": account.id}}
    return args, posts

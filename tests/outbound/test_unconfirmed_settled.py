"""A reply whose acceptance by the mail server is unknown ("sent, not confirmed") is settled by mail read
later that proves what happened, and by nothing else: a mail answering it (In-Reply-To or References naming
its Message-ID) or the reply itself come back into the mailbox confirms it; a verified delivery failure
naming it fails it; an unverified one, or a mail that names another message, leaves it unconfirmed."""

from email.utils import format_datetime

from django.utils import timezone

from helpdesk.models import Activity, DeadlineState
from helpdesk.registry import registry
from messaging.outbound.delivery import replies_confirm_answered, reply_claim, reply_transition
from messaging.outbound.models import Reply, ReplyStatus
from messaging.outbound.tasks import confirm_answered_replies
from tests.messaging import dns_stub

from .helpers import RELAY, buyer_mail, receive
from .test_sending import BOUNCE, FORGER_KEY, queue


def _unconfirmed(conversation, agent) -> Reply:
    """A reply whose worker handed it to the mail server and never heard the answer."""
    claimed = reply_claim(reply_id=queue(conversation, agent).id)
    return reply_transition(
        reply=claimed, to=ReplyStatus.UNCONFIRMED, attempt=claimed.attempts, error="no answer after DATA"
    )


def _answer(reply: Reply, *, header: str = "In-Reply-To", earlier: str = "") -> bytes:
    """The buyer's mail answering `reply`: its `header` names the reply's Message-ID (after `earlier` ones)."""
    raw = buyer_mail(text="Thanks, it came today!", when=timezone.now())
    return raw.replace(b"Message-ID:", f"{header}: {earlier}<{reply.email_message_id}>\nMessage-ID:".encode(), 1)


def test_the_buyers_answer_to_an_unconfirmed_reply_confirms_it(account, conversation, agent):
    reply = _unconfirmed(conversation, agent)
    clock = conversation.case.deadlines.get(kind="message_response")
    receive(account, _answer(reply))
    assert confirm_answered_replies() == 1
    reply.refresh_from_db()
    clock.refresh_from_db()
    assert reply.status == ReplyStatus.SENT
    assert clock.state == DeadlineState.MET and clock.met_at == reply.queued_at, "met when the agent sent it"
    evidence = Activity.objects.get(verb="reply.confirmed_by_mail")
    assert "answers this reply" in evidence.summary and evidence.case_id == conversation.case_id
    assert replies_confirm_answered() == 0, "once"


def test_a_mail_whose_references_name_the_reply_confirms_it(account, conversation, agent):
    reply = _unconfirmed(conversation, agent)
    receive(account, _answer(reply, header="References", earlier="<first-question@email.amazonses.com> "))
    assert replies_confirm_answered() == 1
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.SENT


def test_the_reply_itself_come_back_into_the_mailbox_confirms_it(account, conversation, agent):
    reply = _unconfirmed(conversation, agent)
    copy = (
        f"From: Acme Goods <support@acme-goods.example>\nTo: {RELAY}\nSubject: {reply.subject}\n"
        f"Message-ID: <{reply.email_message_id}>\nDate: {format_datetime(timezone.now())}\n"
        "Content-Type: text/plain; charset=UTF-8\n\nHello Cathy\n"
    )
    receive(account, copy.encode())
    assert replies_confirm_answered() == 1
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.SENT
    assert "is this reply, delivered" in Activity.objects.get(verb="reply.confirmed_by_mail").summary


def test_mail_that_names_another_message_or_another_accounts_leaves_it_unconfirmed(
    account, other_account, conversation, agent
):
    reply = _unconfirmed(conversation, agent)
    receive(account, buyer_mail(text="Any news?", when=timezone.now()))
    receive(other_account, _answer(reply))
    assert replies_confirm_answered() == 0
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.UNCONFIRMED


def test_a_delivery_failure_naming_it_never_confirms_it(
    account, conversation, agent, amazon_dkim, django_capture_on_commit_callbacks
):
    forged, verified = _unconfirmed(conversation, agent), _unconfirmed(conversation, agent)
    forger = dns_stub.Signer(domain="amazon.com", selector=amazon_dkim.selector, private_pem=FORGER_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        for n, (reply, signer) in enumerate([(forged, forger), (verified, amazon_dkim)]):
            raw = BOUNCE.format(
                n=10 + n, date=format_datetime(timezone.now()), relay=RELAY, message_id=reply.email_message_id, body="x"
            )
            receive(account, signer.sign(raw.replace("\n", "\r\n").encode()))
    assert replies_confirm_answered() == 0
    statuses = dict(Reply.objects.values_list("id", "status"))
    assert statuses == {forged.id: ReplyStatus.UNCONFIRMED, verified.id: ReplyStatus.FAILED}


def test_the_confirmation_runs_on_the_beat():
    beat = registry.beat_schedule()["confirm-answered-replies"]
    assert beat["task"] == "messaging.outbound.tasks.confirm_answered_replies"

"""A Celery worker killed with `kill -9` in the middle of its work, then a new one started: nothing
is lost and nothing happens twice. Each kill is made where it hurts, inside the worker's
transaction: the test holds a lock on a row the worker needs next, waits until PostgreSQL shows the
worker waiting for it, and kills it there."""

import uuid
from datetime import timedelta

import pytest
from django.db.models import Count
from django.utils import timezone

from helpdesk.models import Activity, Case, Deadline, DeadlineState, Notification, Priority
from helpdesk.services.deadlines import deadlines_sweep
from helpdesk.tasks import sweep_deadlines
from messaging.models import Conversation, InboundMail, Mailbox, MailStatus
from messaging.outbound.models import Reply, ReplyStatus
from messaging.outbound.selectors import replies_due_ids
from messaging.outbound.services import reply_retry
from messaging.outbound.tasks import deliver_due_replies
from messaging.services import BATCH_SIZE, mailbox_set_password
from messaging.services.mailboxes import FETCH_BATCH
from messaging.tasks import poll_mailbox, poll_mailboxes, queue_reading, read_mail
from tests.factories import UserFactory

from .conftest import row_locked, wait_for
from .helpers import (
    assert_filed_once,
    assert_replies_met_clocks_once,
    conversations_with_buyers,
    mails,
    queue_reply,
    seed_clocks,
    store_mails,
)

pytestmark = pytest.mark.faults

# A restarted worker's clock is this far ahead: past the five-minute leases and the five minutes
# after which the beat queues unread mail again.
AFTER_LEASES_S = 6 * 60


def test_a_worker_killed_while_reading_a_batch_of_mail_loses_none_and_files_none_twice(account, workers, pg):
    # A buyer who wrote before: the conversation a follow-up in the second batch files into.
    (first,) = store_mails(account, [0], tag="earlier")
    read_mail.delay([first])
    first_worker = workers.start()
    wait_for(lambda: InboundMail.objects.get(pk=first).status == MailStatus.PARSED, timeout=60, what="the first mail")
    conversation = Conversation.objects.get(messages__inbound_id=first)

    # Three batches from buyers 1-100, some writing twice; buyer 0 writes again in the second batch.
    buyers = [1 + n % 100 for n in range(3 * BATCH_SIZE)]
    buyers[BATCH_SIZE + 20] = 0
    ids = store_mails(account, buyers, tag="burst")
    batches = [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]
    with row_locked("messaging_conversation", conversation.pk):
        queue_reading(ids)  # as the IMAP poll queues what it stored: one task a batch
        wait_for(lambda: first_worker.blocked_on_lock(pg), timeout=90, what="the second batch", worker=first_worker)
        first_worker.kill()
    unread = set(InboundMail.objects.filter(status=MailStatus.RECEIVED).values_list("id", flat=True))
    assert set(batches[1]) <= unread, "the batch in hand was rolled back whole"
    assert not unread & set(batches[0]), "the batch before it was committed"

    # The new worker takes the batch still queued; the beat's poll queues what was in the dead worker's
    # hands again (its unread mail is five minutes old to the new worker's clock), and the broker hands
    # out the dead worker's unacknowledged batch once more, as it does after its visibility timeout.
    workers.start(ahead_s=AFTER_LEASES_S)
    poll_mailboxes.delay()
    read_mail.delay(batches[1])
    wait_for(
        lambda: not InboundMail.objects.filter(status=MailStatus.RECEIVED).exists(), timeout=120, what="every mail read"
    )
    assert_filed_once(account, mails=1 + len(ids), buyers=len({0, *buyers}))
    assert conversation.messages.count() == 2


def test_a_worker_killed_while_polling_a_mailbox_stores_each_mail_once(account, imap_server, workers, pg):
    mailbox = mailbox_set_password(
        mailbox=Mailbox(
            account=account,
            host=imap_server.host,
            port=imap_server.port,
            use_ssl=False,
            username=imap_server.username,
            folder=f"Faults-{uuid.uuid4().hex[:8]}",
        ),
        password=imap_server.password,
        actor=None,
    )
    buyers = [n % 200 for n in range(2 * FETCH_BATCH + FETCH_BATCH // 2)]
    with imap_server.client() as client:
        client.create_folder(mailbox.folder)
        for raw in mails(buyers, tag="polled"):
            client.append(mailbox.folder, raw)

    poller = workers.start()
    poll_mailbox.delay(mailbox.pk)
    wait_for(lambda: Mailbox.objects.get(pk=mailbox.pk).last_uid, timeout=60, what="a batch stored", worker=poller)
    # The next batch's commit moves the mailbox's high-water mark: it waits for this row, and dies waiting.
    with row_locked("messaging_mailbox", mailbox.pk):
        wait_for(lambda: poller.blocked_on_lock(pg), timeout=60, what="the next batch", worker=poller)
        poller.kill()
    mailbox.refresh_from_db()
    with imap_server.client() as client:
        client.select_folder(mailbox.folder, readonly=True)
        on_server = sorted(client.search(["ALL"]))
    refs = InboundMail.objects.filter(account=account).values_list("source_ref", flat=True)
    stored = sorted(int(ref.rpartition(" uid ")[2]) for ref in refs)
    assert 0 < len(stored) < len(buyers), "killed with a batch stored and one in hand"
    assert stored == [uid for uid in on_server if uid <= mailbox.last_uid], (
        "the batch in hand and the high-water mark rolled back together"
    )

    # The next worker, once the dead poll's ten-minute lease has run out: the beat's poll. (What happens to
    # a batch being read is the test above.)
    workers.start(ahead_s=11 * 60)
    poll_mailboxes.delay()
    wait_for(lambda: Mailbox.objects.get(pk=mailbox.pk).last_uid == on_server[-1], timeout=120, what="the poll")
    refs = InboundMail.objects.filter(account=account).values_list("source_ref", flat=True)
    assert sorted(int(ref.rpartition(" uid ")[2]) for ref in refs) == on_server, "every mail stored, once"


def test_a_worker_killed_in_the_middle_of_a_sweep_transitions_each_clock_once(account, workers, pg):
    manager = UserFactory(username="mona", email="")  # notified in the product; no email to wait for
    account.memberships.create(user=manager, role="manager")
    agent = UserFactory(username="alice", email="")
    account.memberships.create(user=agent, role="agent")
    clocks = seed_clocks(account, breaching=300, warning=100)
    sweeper = workers.start(SWEEP_BATCH_SIZE="100")
    # The third batch of breaches needs this case's row: the worker stops there, two batches committed.
    with row_locked("helpdesk_case", clocks[250].case_id):
        sweep_deadlines.delay()
        wait_for(lambda: sweeper.blocked_on_lock(pg), timeout=90, what="the third batch", worker=sweeper)
        sweeper.kill()
    assert Deadline.objects.filter(state=DeadlineState.BREACHED).count() == 200
    assert not Deadline.objects.filter(pk__in=[c.pk for c in clocks[200:300]], state=DeadlineState.BREACHED).exists()

    restarted = workers.start()
    sweep_deadlines.delay()  # the beat's next tick
    wait_for(
        lambda: Deadline.objects.filter(state=DeadlineState.BREACHED).count() == 300
        and Deadline.objects.filter(warned_at__isnull=False).count() == 400,
        timeout=120,
        what="every clock swept",
        worker=restarted,
    )
    assert deadlines_sweep().total == 0, "nothing is left to sweep"

    for verb, expected in (("clock.breached", 300), ("clock.warned", 100)):
        per_case = Activity.objects.filter(verb=verb).values("case_id").annotate(n=Count("id"))
        assert len(per_case) == expected and {row["n"] for row in per_case} == {1}, verb
    for kind, user, expected in (("breach", manager, 300), ("warn", agent, 100)):
        per_clock = Notification.objects.filter(kind=kind, user=user).values("deadline_id").annotate(n=Count("id"))
        assert len(per_clock) == expected and {row["n"] for row in per_clock} == {1}, kind
    assert Notification.objects.count() == 400
    assert Case.objects.filter(priority=Priority.URGENT).count() == 300


def _status(reply: Reply) -> str:
    return Reply.objects.get(pk=reply.pk).status


def test_a_worker_killed_while_sending_loses_no_reply_and_sends_none_twice(account, agent, workers, relay, pg):
    conversations = conversations_with_buyers(account, 4)
    first = workers.start()
    # 1. A reply sent and recorded as sent; then one whose worker is killed before it handed the message
    #    to the relay (held at RCPT, before DATA).
    done = queue_reply(conversations[0], agent)
    wait_for(lambda: _status(done) == ReplyStatus.SENT, timeout=60, what="a reply sent", worker=first)
    relay.hold(at="RCPT", accept=False)
    before_data = queue_reply(conversations[1], agent)
    wait_for(relay.held.is_set, timeout=60, what="the reply at the relay", worker=first)
    first.kill()
    relay.release.set()
    assert _status(before_data) == ReplyStatus.SENDING

    # 2. The next worker starts after the dead one's lease ran out; the beat's delivery sweep hands the
    #    reply out again, and it goes out once. Then two replies handed to the relay whose worker is
    #    killed before it recorded the outcome: one the relay accepted, one it had not answered yet.
    second = workers.start(ahead_s=AFTER_LEASES_S)
    deliver_due_replies.delay()
    wait_for(lambda: _status(before_data) == ReplyStatus.SENT, timeout=60, what="the reply sent again", worker=second)
    relay.hold(at="DATA", accept=True)
    accepted = queue_reply(conversations[2], agent)
    wait_for(relay.held.is_set, timeout=60, what="the third reply at the relay", worker=second)
    with row_locked("outbound_reply", accepted.pk):
        relay.release.set()
        wait_for(lambda: second.blocked_on_lock(pg), timeout=60, what="the worker recording it", worker=second)
        second.kill()
    assert _status(accepted) == ReplyStatus.SENDING
    third = workers.start(ahead_s=AFTER_LEASES_S)
    relay.hold(at="DATA", accept=False)
    unanswered = queue_reply(conversations[3], agent)
    wait_for(relay.held.is_set, timeout=60, what="the fourth reply at the relay", worker=third)
    third.kill()
    relay.release.set()

    # 3. After both leases: the delivery sweep sends neither again — either may have gone out — and
    #    shows both to the agent as unconfirmed; the agent sends the one the buyer never got again.
    fourth = workers.start(ahead_s=3 * AFTER_LEASES_S)
    deliver_due_replies.delay()
    wait_for(
        lambda: {_status(accepted), _status(unanswered)} == {ReplyStatus.UNCONFIRMED},
        timeout=60,
        what="the handed-over replies unconfirmed",
        worker=fourth,
    )
    reply_retry(reply=unanswered, actor=agent)
    wait_for(lambda: _status(unanswered) == ReplyStatus.SENT, timeout=60, what="the agent's resend", worker=fourth)
    later = timezone.now() + timedelta(seconds=4 * AFTER_LEASES_S)
    assert replies_due_ids(now=later, limit=10) == [], "no later delivery sweep hands anything out again"

    delivered = relay.counts()
    assert delivered[done.email_message_id] == 1, "sent and recorded: never again"
    assert delivered[before_data.email_message_id] == 1, "killed before DATA: sent once, by the next worker"
    assert delivered[accepted.email_message_id] == 1, "accepted, not recorded: not sent again"
    assert delivered[unanswered.email_message_id] == 1, "not accepted: sent once, when the agent sent it again"
    assert_replies_met_clocks_once([done, before_data, unanswered])

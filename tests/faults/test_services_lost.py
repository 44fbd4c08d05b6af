"""The services a worker leans on go away under it: Redis emptied while work is queued, PostgreSQL
cutting the worker's connections in the middle of its work. The work is in the database, so the
periodic jobs find it again: nothing is lost, nothing is done twice.

PostgreSQL is not restarted here: the server is shared with whatever else runs on the machine.
What a restart does to the application, every connection cut at once, is what
`pg_terminate_backend` does to the worker's connections, again and again while it works."""

import time

import pytest
import redis
from django.conf import settings
from django.db.models import Count

from helpdesk.models import Activity, Deadline, DeadlineState
from helpdesk.tasks import sweep_deadlines
from messaging.models import InboundMail, MailStatus
from messaging.outbound.models import Reply, ReplyStatus
from messaging.outbound.tasks import deliver_due_replies
from messaging.services import BATCH_SIZE
from messaging.tasks import poll_mailboxes, read_mail

from .conftest import wait_for
from .helpers import (
    assert_filed_once,
    assert_replies_met_clocks_once,
    conversations_with_buyers,
    queue_reply,
    seed_clocks,
    store_mails,
)

pytestmark = pytest.mark.faults

AFTER_LEASES_S = 6 * 60


def _queue_work(account, other_account, agent, *, mails: int, clocks: int) -> tuple[list, list[int], list[int]]:
    """Replies queued, mail stored and its reading queued, clocks past due and a sweep queued."""
    replies = [queue_reply(conversation, agent) for conversation in conversations_with_buyers(account, 3)]
    buyers = [1 + n % (mails * 3 // 4) for n in range(mails)]
    ids = store_mails(account, buyers, tag="queued")
    for start in range(0, len(ids), BATCH_SIZE):
        read_mail.delay(ids[start : start + BATCH_SIZE])
    due = seed_clocks(other_account, breaching=clocks, warning=0)
    sweep_deadlines.delay()
    return replies, buyers, [clock.pk for clock in due]


def _beat_ticks() -> None:
    """What the beat sends on its schedule (kept in code, not in Redis)."""
    poll_mailboxes.delay()
    sweep_deadlines.delay()
    deliver_due_replies.delay()


def _all_done(clock_ids: list[int]) -> bool:
    return (
        not InboundMail.objects.filter(status=MailStatus.RECEIVED).exists()
        and not Deadline.objects.filter(pk__in=clock_ids, state=DeadlineState.OPEN).exists()
        and not Reply.objects.exclude(status=ReplyStatus.SENT).exists()
    )


def _assert_once(account, buyers, clock_ids, replies, relay, *, at_most: int = 1) -> None:
    assert_filed_once(account, mails=3 + len(buyers), buyers=3 + len(set(buyers)))
    breaches = Activity.objects.filter(verb="clock.breached").values("case_id").annotate(n=Count("id"))
    assert len(breaches) == len(clock_ids) and {row["n"] for row in breaches} == {1}
    delivered = relay.counts()
    assert all(1 <= delivered[reply.email_message_id] <= at_most for reply in replies), delivered
    assert_replies_met_clocks_once(replies)


def test_redis_flushed_while_work_is_queued_loses_none_of_it(account, other_account, agent, manager, workers, relay):
    replies, buyers, clock_ids = _queue_work(account, other_account, agent, mails=100, clocks=100)
    broker = redis.Redis.from_url(settings.REDIS_URL)
    assert broker.llen(workers.queue) >= 3 + 2 + 1, "the sends, the readings and the sweep are queued"
    broker.flushdb()
    assert broker.llen(workers.queue) == 0

    # The worker comes up after the grace period of queued replies and the staleness of unread mail.
    worker = workers.start(ahead_s=AFTER_LEASES_S)
    _beat_ticks()
    wait_for(lambda: _all_done(clock_ids), timeout=120, what="the work found again", worker=worker)
    _assert_once(account, buyers, clock_ids, replies, relay)


def test_postgresql_cutting_the_workers_connections_under_load_loses_nothing(
    account, other_account, agent, manager, workers, relay, pg
):
    replies, buyers, clock_ids = _queue_work(account, other_account, agent, mails=150, clocks=300)
    worker = workers.start(SWEEP_BATCH_SIZE="50")
    cuts = 0
    started = time.monotonic()
    while not _all_done(clock_ids) and time.monotonic() - started < 20:
        cuts += worker.terminate_backends(pg) > 0
        time.sleep(0.1)
    assert cuts >= 3, "the connections were cut while the worker had work"

    # What the cuts left half done waits for the beat: a later worker, after the leases ran out.
    worker.stop()
    later = workers.start(ahead_s=AFTER_LEASES_S)
    _beat_ticks()
    wait_for(lambda: _all_done(clock_ids), timeout=120, what="the work finished", worker=later)
    # A cut between the relay's acceptance and the worker recording it is the at-least-once edge.
    _assert_once(account, buyers, clock_ids, replies, relay, at_most=2)

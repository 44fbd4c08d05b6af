"""The daily run: one request per included order, ever, and the sending queued; a dry run's
"would send" recorded once, and no obstacle to the real request once credentials are configured."""

from datetime import UTC, datetime, time

import pytest
import time_machine
from django.db import IntegrityError, transaction

from feedback.solicitation.models import RequestState, SolicitationRequest, SolicitationSettings
from feedback.solicitation.selectors import solicitation_candidates
from feedback.solicitation.sending import send_solicitation
from feedback.solicitation.services import RunResult, solicitation_pause, solicitation_run
from feedback.solicitation.tasks import solicit_account, solicit_daily
from helpdesk.models import Activity
from helpdesk.spapi.services import spapi_credentials_update
from returns.kinds import RETURN
from tests.factories import AccountFactory, CaseFactory
from tests.spapi import credentials_store

from .helpers import ON, delivered

pytestmark = pytest.mark.django_db


def test_run_requests_each_included_order_and_sends_it(account, celery_eager, django_capture_on_commit_callbacks):
    inside = delivered(account, 10)
    delivered(account, 4)
    returned = delivered(account, 12, skus=("MUG-350",))
    CaseFactory(account=account, order=returned, kind=RETURN)
    with django_capture_on_commit_callbacks(execute=True):
        result = solicitation_run(account=account, on_date=ON)
    assert result == RunResult(looked_at=3, created=1, queued=1)
    request = SolicitationRequest.objects.get()
    assert request.order == inside and request.account == account and request.created_by is None
    # No credentials anywhere: the dry run records what would have been sent.
    assert request.state == RequestState.WOULD_SEND and request.attempts == 1 and request.finished_at
    run = Activity.objects.get(verb="solicitation.run")
    assert run.account == account and run.after == {"on_date": "2026-03-20", "created": 1, "queued": 1}
    assert Activity.objects.filter(verb="solicitation.would_send", account=account).count() == 1


def test_running_twice_requests_nothing_new(account, celery_eager, django_capture_on_commit_callbacks):
    delivered(account, 10)
    delivered(account, 20)
    with django_capture_on_commit_callbacks(execute=True):
        first = solicitation_run(account=account, on_date=ON)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = solicitation_run(account=account, on_date=ON)
    assert (first.created, second.created, second.queued) == (2, 0, 0)
    assert callbacks == []
    assert SolicitationRequest.objects.count() == 2


def test_the_database_refuses_a_second_request_for_an_order(account):
    order = delivered(account, 10)
    SolicitationRequest.objects.create(account=account, order=order, state=RequestState.ERROR)
    with pytest.raises(IntegrityError, match="solicitation_one_request_per_order"), transaction.atomic():
        SolicitationRequest.objects.create(account=account, order=order)


def test_the_database_allows_one_would_send_and_one_real_request_per_order(account):
    order = delivered(account, 10)
    SolicitationRequest.objects.create(account=account, order=order, state=RequestState.WOULD_SEND)
    with pytest.raises(IntegrityError, match="solicitation_one_would_send_per_order"), transaction.atomic():
        SolicitationRequest.objects.create(account=account, order=order, state=RequestState.WOULD_SEND)
    SolicitationRequest.objects.create(account=account, order=order, state=RequestState.SENT)
    with pytest.raises(IntegrityError, match="solicitation_one_request_per_order"), transaction.atomic():
        SolicitationRequest.objects.create(account=account, order=order)
    assert SolicitationRequest.objects.count() == 2


def test_dry_runs_record_would_send_once_and_the_order_is_asked_for_real_once_live(
    account, admin_user, amazon, celery_eager, django_capture_on_commit_callbacks
):
    order = delivered(account, 10)
    with time_machine.travel(datetime(2026, 3, 19, 14, 0, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert solicitation_run(account=account, on_date=ON).created == 1
    next_day = ON.replace(day=21)
    with django_capture_on_commit_callbacks(execute=True):
        assert solicitation_run(account=account, on_date=next_day).created == 0  # no second "would send"
    assert list(SolicitationRequest.objects.values_list("state", flat=True)) == [RequestState.WOULD_SEND]
    assert amazon.seen == []

    credentials_store(account, admin_user)
    (candidate,) = solicitation_candidates(account=account, on_date=next_day)
    assert (candidate.included, candidate.reason) == (
        True,
        "delivered 11 days ago: in the 5-30 day window (a dry run on 19 Mar 2026 sent nothing)",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert solicitation_run(account=account, on_date=next_day).created == 1
    states = dict(SolicitationRequest.objects.filter(order=order).values_list("state", "attempts"))
    assert states == {RequestState.WOULD_SEND: 1, RequestState.SENT: 1}
    assert len(amazon.calls("post")) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert solicitation_run(account=account, on_date=next_day).created == 0  # and never twice for real


def test_credentials_gone_after_a_live_run_leave_the_request_queued_until_they_are_back(
    account, admin_user, amazon, celery_eager, django_capture_on_commit_callbacks
):
    order = delivered(account, 10)
    SolicitationRequest.objects.create(account=account, order=order, state=RequestState.WOULD_SEND)
    credentials_store(account, admin_user)
    solicitation_run(account=account, on_date=ON)  # queued for real; not sent before the credentials are removed
    spapi_credentials_update(account=account, actor=admin_user, clear=True)
    queued = SolicitationRequest.objects.get(order=order, state=RequestState.QUEUED)
    send_solicitation.delay(queued.id).get()
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (RequestState.QUEUED, 0)

    credentials_store(account, admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        assert solicitation_run(account=account, on_date=ON) == RunResult(looked_at=1, created=0, queued=1)
    queued.refresh_from_db()
    assert queued.state == RequestState.SENT


def test_the_servers_refresh_token_asks_for_reviews_only_on_the_account_it_names(
    account, amazon, celery_eager, settings, django_capture_on_commit_callbacks
):
    """Another tenant's account on the same marketplace sends no real request with the named seller's token."""
    settings.SPAPI_REFRESH_TOKEN, settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "rt", "id", "secret"
    settings.SPAPI_ACCOUNT = account.slug
    rival = AccountFactory(slug="rival-us", marketplace="US", timezone="America/New_York")
    ours = delivered(account, 10)
    delivered(rival, 10)
    with django_capture_on_commit_callbacks(execute=True):
        solicitation_run(account=account, on_date=ON)
        solicitation_run(account=rival, on_date=ON)
    states = dict(SolicitationRequest.objects.values_list("account__slug", "state"))
    assert states == {account.slug: RequestState.SENT, "rival-us": RequestState.WOULD_SEND}
    assert [call.path.split("/")[4] for call in amazon.calls("post")] == [ours.amazon_order_id]


def test_a_paused_account_requests_nothing(account, manager, django_capture_on_commit_callbacks):
    delivered(account, 10)
    solicitation_pause(account=account, paused=True, actor=manager)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert solicitation_run(account=account, on_date=ON) == RunResult(looked_at=0, created=0, queued=0)
    assert callbacks == [] and not SolicitationRequest.objects.exists()
    assert Activity.objects.get(verb="solicitation.paused").actor == manager


def test_pausing_holds_queued_requests_and_the_next_run_sends_them(
    account, manager, celery_eager, django_capture_on_commit_callbacks
):
    delivered(account, 10)
    solicitation_run(account=account, on_date=ON)  # the sending is never queued: a lost task
    request = SolicitationRequest.objects.get()
    solicitation_pause(account=account, paused=True, actor=manager)
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert request.state == RequestState.QUEUED and request.attempts == 0

    solicitation_pause(account=account, paused=False, actor=manager)
    with django_capture_on_commit_callbacks(execute=True):
        result = solicitation_run(account=account, on_date=ON)
    assert (result.created, result.queued) == (0, 1)
    request.refresh_from_db()
    assert request.state == RequestState.WOULD_SEND


def test_a_finished_request_is_never_sent_again(account, celery_eager):
    order = delivered(account, 10)
    request = SolicitationRequest.objects.create(account=account, order=order, state=RequestState.REFUSED)
    send_solicitation.delay(request.id).get()
    request.refresh_from_db()
    assert request.state == RequestState.REFUSED and request.attempts == 0


def test_the_daily_task_runs_every_account_not_paused(
    account, other_account, celery_eager, django_capture_on_commit_callbacks
):
    paused = AccountFactory(slug="paused-gb", marketplace="GB", timezone="Europe/London")
    SolicitationSettings.objects.create(account=paused, paused=True)
    orders = {a.slug: delivered(a, 10, on=ON) for a in (account, other_account, paused)}
    with time_machine.travel(datetime(2026, 3, 20, 15, 0, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert solicit_daily.delay().get() == 2
    requested = set(SolicitationRequest.objects.values_list("order_id", flat=True))
    assert requested == {orders["acme-us"].id, orders["rival-de"].id}


def test_the_account_runs_on_its_own_today(account, django_capture_on_commit_callbacks):
    # 03:00 UTC on 20 March is still 19 March in New York: day 4 for an order delivered on 15 March there.
    delivered(account, 5, on=ON, at=time(12, 0))
    with time_machine.travel(datetime(2026, 3, 20, 3, 0, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=False):
            solicit_account(account.id)
    assert not SolicitationRequest.objects.exists()
    with time_machine.travel(datetime(2026, 3, 20, 5, 0, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=False):
            solicit_account(account.id)
    assert SolicitationRequest.objects.count() == 1

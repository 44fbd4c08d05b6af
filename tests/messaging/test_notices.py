"""Amazon notices are handed over, after commit, to the app registered for their kind: once,
retried when the app fails, visible and retryable by a manager, left waiting when nobody takes them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.models import Activity
from helpdesk.registry import Contribution, registry
from helpdesk.services.audit import audit
from messaging.models import InboundMail, MailKind
from messaging.services import notices_hand_over, notices_hand_over_due

from .conftest import ingest

pytestmark = pytest.mark.django_db

FLAKY = {"failures_left": 0}


def take_claim(*, mail: InboundMail) -> None:
    """A claims app, as far as these tests need one: it records what it took, and may be down."""
    audit(verb="claim.taken", summary=f"took mail {mail.pk}", account=mail.account)
    if FLAKY["failures_left"]:
        FLAKY["failures_left"] -= 1
        raise RuntimeError("the claims app is down")


@pytest.fixture
def no_claims_app():
    """The registry without the real claims app, which takes these notices."""
    before = dict(registry._contributions)
    registry._contributions.pop("claims", None)
    yield
    registry._contributions = before


@pytest.fixture
def claims_app(no_claims_app):
    before = dict(registry._contributions)
    registry.register(
        Contribution(
            label="claims_for_tests", notices=((MailKind.ATOZ_CLAIM, "tests.messaging.test_notices.take_claim"),)
        )
    )
    yield
    registry._contributions = before
    FLAKY["failures_left"] = 0


def taken():
    return list(Activity.objects.filter(verb="claim.taken").values_list("summary", flat=True))


def test_a_notice_is_handed_over_after_the_reading_commits_and_only_once(
    claims_app, account, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        mail = ingest(account, "20_atoz_claim.eml")
    assert taken() == [] and mail.handover_next_at is not None  # nothing happens before the commit
    for callback in callbacks:
        callback()

    mail.refresh_from_db()
    assert taken() == [f"took mail {mail.pk}"]
    assert mail.handled_at is not None and mail.handover_next_at is None
    assert notices_hand_over(mail_ids=[mail.pk]) == 0  # handled: never again
    assert notices_hand_over_due(now=timezone.now() + timedelta(days=1)) == 0
    assert taken() == [f"took mail {mail.pk}"]


def test_a_failing_handler_leaves_nothing_behind_and_is_retried_with_back_off(
    claims_app, account, django_capture_on_commit_callbacks
):
    FLAKY["failures_left"] = 2
    with django_capture_on_commit_callbacks(execute=True):
        mail = ingest(account, "20_atoz_claim.eml")

    mail.refresh_from_db()
    assert taken() == []  # the handler's own writes were rolled back with it
    assert mail.handled_at is None and mail.handover_attempts == 1
    assert mail.handover_error == "RuntimeError: the claims app is down"
    first_retry = mail.handover_next_at
    assert timezone.now() < first_retry <= timezone.now() + timedelta(minutes=1)
    assert Activity.objects.filter(verb="notice.handover_failed", account=account).count() == 1

    assert notices_hand_over_due(now=timezone.now()) == 0  # not due yet
    assert notices_hand_over_due(now=first_retry) == 0  # fails again, waits longer
    mail.refresh_from_db()
    assert mail.handover_attempts == 2 and mail.handover_next_at - first_retry >= timedelta(minutes=1)
    assert notices_hand_over_due(now=mail.handover_next_at) == 1
    mail.refresh_from_db()
    assert mail.handled_at is not None and mail.handover_error == "" and len(taken()) == 1


def test_after_the_last_automatic_retry_a_manager_retries_from_the_ingestion_page(
    claims_app, account, manager, client, django_capture_on_commit_callbacks
):
    FLAKY["failures_left"] = 99
    with django_capture_on_commit_callbacks(execute=True):
        mail = ingest(account, "20_atoz_claim.eml")
    for _ in range(4):
        InboundMail.objects.filter(pk=mail.pk).update(handover_next_at=timezone.now())
        notices_hand_over_due()
    mail.refresh_from_db()
    assert mail.handover_attempts == 5 and mail.handover_next_at is None  # given up: waits for a person
    client.force_login(manager)
    page = client.get(reverse("messaging:inbox")).content.decode()
    assert "failed: RuntimeError: the claims app is down" in page
    assert reverse("messaging:notice_retry", args=[mail.id]) in page

    FLAKY["failures_left"] = 0
    response = client.post(reverse("messaging:notice_retry", args=[mail.id]), follow=True)
    assert f"Mail #{mail.id} was taken over." in response.content.decode()
    mail.refresh_from_db()
    assert mail.handled_at is not None and len(taken()) == 1
    assert Activity.objects.filter(verb="notice.retried", actor=manager).exists()


def test_a_kind_nobody_takes_waits_listed_as_unhandled(
    no_claims_app, account, agent, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail = ingest(account, "20_atoz_claim.eml")
    assert notices_hand_over_due(now=timezone.now() + timedelta(days=1)) == 0
    mail.refresh_from_db()
    assert mail.handled_at is None and mail.handover_attempts == 0
    client.force_login(agent)
    page = client.get(reverse("messaging:inbox")).content.decode()
    assert "no app takes these yet" in page


def test_a_notice_read_before_its_app_was_registered_is_taken_by_the_beat(
    account, django_capture_on_commit_callbacks, claims_app
):
    registry._contributions.pop("claims_for_tests")
    with django_capture_on_commit_callbacks(execute=True):
        mail = ingest(account, "20_atoz_claim.eml")
    assert taken() == []
    registry.register(
        Contribution(
            label="claims_for_tests", notices=((MailKind.ATOZ_CLAIM, "tests.messaging.test_notices.take_claim"),)
        )
    )
    assert notices_hand_over_due() == 1
    assert taken() == [f"took mail {mail.pk}"]

"""The COPY writers imports use: what they store is what bulk_create would have stored."""

import gc
from datetime import timedelta

import pytest
from django.utils import timezone

from helpdesk.importing import bulk_insert, copy_insert, cycle_collector_paused
from helpdesk.models import Activity, Case, Deadline
from messaging.kinds import MESSAGE, MESSAGE_RESPONSE

pytestmark = pytest.mark.django_db


def test_bulk_insert_sets_the_keys_fills_auto_now_and_adapts_json(account):
    before = timezone.now()
    cases = [Case(account=account, kind=MESSAGE, subject=f"case {n}", opened_at=before) for n in range(3)]
    bulk_insert(cases)
    assert all(case.pk for case in cases) and not cases[0]._state.adding
    assert list(Case.objects.order_by("pk").values_list("pk", "subject")) == [
        (case.pk, f"case {n}") for n, case in enumerate(cases)
    ]
    assert Case.objects.get(pk=cases[0].pk).updated_at >= before  # auto_now

    clock = Deadline(
        case=cases[1],  # pointed at by the object: its new key is taken
        account=account,
        kind=MESSAGE_RESPONSE,
        policy_snapshot={"duration_s": 86400, "calendar": "calendar"},
        started_at=before,
        warn_at=before + timedelta(hours=18),
        due_at=before + timedelta(hours=24),
    )
    bulk_insert([clock])
    stored = Deadline.objects.get()
    assert (stored.case_id, stored.policy_snapshot, stored.due_at) == (
        cases[1].pk,
        {"duration_s": 86400, "calendar": "calendar"},
        before + timedelta(hours=24),
    )


def test_copy_insert_returns_the_keys_in_order_with_the_defaults_for_the_rest(account):
    now = timezone.now()
    rows = [
        {"account_id": account.id, "verb": "x.one", "summary": "first", "after": {"n": 1}},
        {"account_id": account.id, "verb": "x.two", "summary": "second", "before": None},
    ]
    keys = copy_insert(Activity, rows)
    stored = {a.pk: a for a in Activity.objects.filter(pk__in=keys)}
    assert [stored[k].summary for k in keys] == ["first", "second"]
    assert stored[keys[0]].after == {"n": 1} and stored[keys[1]].after is None
    assert stored[keys[0]].case_id is None and stored[keys[0]].created_at >= now  # the default, timezone.now
    assert copy_insert(Activity, []) == []


def test_the_cycle_collector_is_paused_for_an_import_and_left_as_it_was():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failed import")
    assert gc.isenabled()  # on again, also after a failure

    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # whoever turned it off keeps it off
    finally:
        gc.enable()

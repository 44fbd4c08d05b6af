"""A-to-z notices crafted to stall the reader: every run of the hostile corpus in a notice is read, handed over
and taken by the claims app in under a second, and still opens its claim."""

import pytest

from claims.models import Claim
from tests.hostile import CORPUS, timed
from tests.messaging.conftest import fixture_bytes, ingest

NOTICE = fixture_bytes("20_atoz_claim.eml")
ANCHOR = b"Reason: Item not received."


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_notice_is_read_and_taken_in_under_a_second(account, name, django_capture_on_commit_callbacks):
    raw = NOTICE.replace(ANCHOR, ANCHOR + b"\n" + CORPUS[name].encode("utf-8"), 1)
    raw = raw.replace(b"Message-ID: <", f"Message-ID: <{abs(hash(name))}.".encode(), 1)

    def read_and_take():
        with django_capture_on_commit_callbacks(execute=True):
            return ingest(account, name, raw=raw)

    took, mail = timed(read_and_take)
    assert took < 1.0, f"{name}: {took:.2f} s"
    mail.refresh_from_db()
    assert mail.handled_at is not None
    assert Claim.objects.filter(account=account, amazon_order_id="113-8890123-4456789").exists()

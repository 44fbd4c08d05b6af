"""Storing and reading inbound mail: idempotency, conversations, cases and their 24-hour clocks."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk.models import Activity, Case, CaseStatus, Deadline, DeadlineState, Order
from helpdesk.services.lifecycle import InvalidTransition, case_transition, deadline_meet
from messaging.models import Conversation, Direction, InboundMail, MailKind, MailSource, MailStatus, Message
from messaging.parsing import dedupe_key
from messaging.selectors import notices_unhandled
from messaging.services import (
    inbound_assign,
    inbound_process,
    inbound_process_many,
    inbound_receive,
    inbound_retry,
    notice_mark_handled,
)
from tests.factories import AccountFactory, OrderFactory

from .conftest import MAIL_DIR, fixture_bytes, ingest, with_message_id

FIRST_ID = "0100019464c1a2b3-5f0e8a4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c-000000@email.amazonses.com"
RECEIVED = datetime(2025, 1, 14, 15, 4, 5, tzinfo=UTC)


def follow_up(n: int, *, at: str) -> bytes:
    """Cathy writing again on the same order, at another time."""
    return with_message_id(
        fixture_bytes("01_plain_us_shipping.eml"), FIRST_ID, f"follow-up-{n}@email.amazonses.com", received=at
    )


def test_a_buyer_message_opens_a_message_case_with_a_24_hour_clock_from_its_received_time(account):
    mail = ingest(account, "01_plain_us_shipping.eml")
    assert (mail.status, mail.kind, mail.problem) == (MailStatus.PARSED, MailKind.BUYER_MESSAGE, "")
    assert (mail.comm_token, mail.marketplace_id) == ("A2KX9QZ7Y1B3C4", "ATVPDKIKX0DER")
    conversation = Conversation.objects.get(account=account)
    case = conversation.case
    assert (case.kind, case.status, case.account) == ("message", CaseStatus.NEW, account)
    assert case.subject == "Shipping inquiry from Amazon customer Cathy (Order: 114-7863528-5212210)"
    assert case.buyer_name == "Cathy"
    assert case.opened_at == RECEIVED
    clock = Deadline.objects.get(case=case)
    assert (clock.kind, clock.state, clock.started_at) == ("message_response", DeadlineState.OPEN, RECEIVED)
    assert clock.due_at == RECEIVED + timedelta(hours=24)
    assert case.next_due_at == clock.due_at
    message = conversation.messages.get()
    assert message.direction == Direction.IN and message.inbound == mail and message.sent_at == RECEIVED
    assert message.body_text.startswith("Hi, my order was supposed to arrive on Friday")
    assert conversation.buyer_email == "nxfzwxbkqbx3wv2@marketplace.amazon.com"
    assert conversation.items == [
        {"quantity": 1, "title": "Stainless Steel Water Bottle, 750 ml, Matte Black", "asin": "B07QK2SPP4"}
    ]
    assert Activity.objects.filter(case=case, verb="mail.buyer_message").exists()


def test_the_same_file_twice_and_the_same_message_id_in_other_bytes_make_one_entry(account):
    first, created = inbound_receive(
        raw=fixture_bytes("01_plain_us_shipping.eml"), source=MailSource.UPLOAD, account=account
    )
    again, created_again = inbound_receive(
        raw=fixture_bytes("01_plain_us_shipping.eml"), source=MailSource.UPLOAD, account=account
    )
    relayed, created_relayed = inbound_receive(
        raw=fixture_bytes("16_duplicate_of_01.eml"), source=MailSource.IMAP, account=account
    )
    assert (created, created_again, created_relayed) == (True, False, False)
    assert first.pk == again.pk == relayed.pk
    inbound_process(mail_id=first.pk)
    inbound_process(mail_id=first.pk)
    assert InboundMail.objects.count() == 1
    assert Message.objects.count() == 1
    assert Deadline.objects.count() == 1


def test_the_database_refuses_a_second_entry_for_the_same_mail(account):
    key = dedupe_key(fixture_bytes("01_plain_us_shipping.eml"))
    InboundMail.objects.create(account=account, source=MailSource.UPLOAD, raw=b"a", dedupe_key=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        InboundMail.objects.create(account=account, source=MailSource.UPLOAD, raw=b"b", dedupe_key=key)


def test_the_same_mail_in_two_accounts_is_one_entry_each(account, other_account):
    ingest(account, "25_not_amazon.eml")
    ingest(other_account, "25_not_amazon.eml")
    assert InboundMail.objects.filter(dedupe_key=dedupe_key(fixture_bytes("25_not_amazon.eml"))).count() == 2


def test_a_second_message_joins_the_conversation_and_does_not_start_a_second_clock(account):
    ingest(account, "01_plain_us_shipping.eml")
    ingest(account, "", raw=follow_up(1, at="Tue, 14 Jan 2025 19:00:00 +0000"))
    conversation = Conversation.objects.get()
    assert conversation.messages.count() == 2
    assert conversation.last_message_at == datetime(2025, 1, 14, 19, tzinfo=UTC)
    assert Deadline.objects.filter(case=conversation.case).count() == 1
    assert Case.objects.count() == 1


def test_a_message_after_the_clock_was_met_starts_a_new_clock_at_its_received_time(account):
    ingest(account, "01_plain_us_shipping.eml")
    clock = Deadline.objects.get()
    deadline_meet(deadline=clock, at=datetime(2025, 1, 14, 18, tzinfo=UTC))
    ingest(account, "", raw=follow_up(2, at="Wed, 15 Jan 2025 08:30:00 +0000"))
    clocks = list(Deadline.objects.order_by("started_at"))
    assert [c.state for c in clocks] == [DeadlineState.MET, DeadlineState.OPEN]
    assert clocks[1].started_at == datetime(2025, 1, 15, 8, 30, tzinfo=UTC)
    assert Case.objects.get().next_due_at == datetime(2025, 1, 16, 8, 30, tzinfo=UTC)


def test_a_buyer_writing_on_a_closed_case_reopens_it_with_a_new_clock(account):
    ingest(account, "01_plain_us_shipping.eml")
    case = Case.objects.get()
    case_transition(case=case, to=CaseStatus.CLOSED, actor=None)
    assert Deadline.objects.get().state == DeadlineState.CANCELLED
    ingest(account, "", raw=follow_up(3, at="Thu, 16 Jan 2025 10:00:00 +0000"))
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert Deadline.objects.filter(case=case, state=DeadlineState.OPEN).count() == 1
    assert Conversation.objects.get().case == case


def test_the_order_is_linked_when_the_account_has_it_and_never_created(account, other_account):
    order = OrderFactory(account=account, amazon_order_id="114-7863528-5212210")
    OrderFactory(account=other_account, amazon_order_id="113-2046811-3318620")
    ingest(account, "01_plain_us_shipping.eml")
    ingest(account, "03_multipart_attachment.eml")
    linked = Conversation.objects.get(amazon_order_id="114-7863528-5212210")
    unlinked = Conversation.objects.get(amazon_order_id="113-2046811-3318620")
    assert linked.order == order and linked.case.order == order
    assert unlinked.order is None and unlinked.case.order is None
    assert Order.objects.count() == 2


def test_an_order_imported_later_is_linked_by_the_next_message(account):
    ingest(account, "01_plain_us_shipping.eml")
    order = OrderFactory(account=account, amazon_order_id="114-7863528-5212210")
    ingest(account, "", raw=follow_up(4, at="Tue, 14 Jan 2025 20:00:00 +0000"))
    assert Conversation.objects.get().order == order


def test_pre_sale_questions_make_one_conversation_per_buyer(account):
    ingest(account, "13_presale_no_order.eml")
    again = fixture_bytes("13_presale_no_order.eml").replace(b"01000194801234ab-presale-0013", b"presale-again")
    ingest(account, "", raw=again)
    other_buyer = again.replace(b"presale-again", b"presale-other").replace(b"h6j2k8l4z0x3c7v", b"a1s2d3f4g5h6j7k")
    ingest(account, "", raw=other_buyer)
    conversations = Conversation.objects.order_by("id")
    assert [(c.amazon_order_id, c.messages.count()) for c in conversations] == [("", 2), ("", 1)]
    assert conversations[0].case.order is None


def test_a_plus_tag_does_not_split_the_conversation_and_replies_go_to_the_latest_address(account):
    ingest(account, "12_plus_tag.eml")
    retagged = (
        fixture_bytes("12_plus_tag.eml").replace(b"+133a066e", b"+9f00d1e2").replace(b"plustag-0012", b"plustag-0012b")
    )
    ingest(account, "", raw=retagged)
    conversation = Conversation.objects.get()
    assert conversation.messages.count() == 2
    assert conversation.buyer_email == "sz2y5ywh1qg1vhx+9f00d1e2@marketplace.amazon.com"


def test_attachments_are_kept(account):
    ingest(account, "03_multipart_attachment.eml")
    attachments = list(Message.objects.get().attachments.order_by("id"))
    assert [(a.filename, a.content_type) for a in attachments] == [
        ("IMG_2041.jpg", "image/jpeg"),
        ("Rücksendeetikett.pdf", "application/pdf"),
    ]
    assert bytes(attachments[1].data).startswith(b"%PDF-1.4") and attachments[1].size == len(bytes(attachments[1].data))


def test_amazon_notices_wait_unhandled_until_an_app_takes_them(account, other_account, agent):
    for name in ("20_atoz_claim.eml", "21_chargeback.eml", "22_return_request.eml", "24_amazon_refund_initiated.eml"):
        ingest(account, name)
    ingest(other_account, "20_atoz_claim.eml")
    assert not Case.objects.exists()
    waiting = list(notices_unhandled(account_ids=[account.id]))
    assert [m.kind for m in waiting] == [MailKind.ATOZ_CLAIM, MailKind.CHARGEBACK, MailKind.RETURN_REQUEST]
    assert [m.amazon_order_id for m in waiting] == ["113-8890123-4456789", "114-3349021-8876140", "202-6611873-2209471"]
    claims = notices_unhandled(account_ids=[account.id], kinds=[MailKind.ATOZ_CLAIM, MailKind.CHARGEBACK])
    assert notice_mark_handled(mail=claims[0], actor=agent) is True
    assert notice_mark_handled(mail=waiting[0], actor=agent) is False
    assert [m.kind for m in notices_unhandled(account_ids=[account.id])] == [
        MailKind.CHARGEBACK,
        MailKind.RETURN_REQUEST,
    ]
    assert InboundMail.objects.get(pk=waiting[0].pk).handled_by == agent
    with pytest.raises(InvalidTransition):
        notice_mark_handled(mail=InboundMail.objects.get(kind=MailKind.AMAZON_OTHER))


def test_bounces_and_opt_outs_are_kept_with_what_identifies_the_original(account):
    opt_out = ingest(account, "18_opt_out.eml")
    bounce = ingest(account, "19_bounce.eml")
    assert (opt_out.kind, opt_out.status) == (MailKind.OPT_OUT, MailStatus.PARSED)
    assert (opt_out.amazon_order_id, opt_out.relay_address, opt_out.original_message_id) == (
        "112-6634021-9901227",
        "l2k6j0h4g8f1d5s@marketplace.amazon.com",
        "sellerdesk.out.77@acme-goods.example",
    )
    assert (bounce.kind, bounce.amazon_order_id, bounce.relay_address, bounce.original_message_id) == (
        MailKind.BOUNCE,
        "111-4407731-2256098",
        "m8n2b6v0c4x7z1a@marketplace.amazon.com",
        "sellerdesk.out.90@acme-goods.example",
    )
    assert not Case.objects.exists() and not Message.objects.exists()


def test_a_copy_of_the_sellers_own_message_joins_the_thread_and_stops_no_clock(account):
    ingest(account, "01_plain_us_shipping.eml")
    copy = ingest(account, "17_seller_copy.eml")
    assert copy.kind == MailKind.SELLER_COPY
    out = Message.objects.get(direction=Direction.OUT)
    assert out.conversation == Conversation.objects.get() and out.sender_name == "Acme Goods"
    assert out.body_text.startswith("Hello Cathy,")
    assert Deadline.objects.get().state == DeadlineState.OPEN


def test_a_seller_copy_without_a_conversation_is_only_stored(account):
    copy = ingest(account, "17_seller_copy.eml")
    assert (copy.kind, copy.status) == (MailKind.SELLER_COPY, MailStatus.PARSED)
    assert not Message.objects.exists()


def test_mail_without_an_account_is_matched_by_its_marketplace_id(account, other_account):
    mail = ingest(None, "01_plain_us_shipping.eml")
    assert (mail.status, mail.account) == (MailStatus.PARSED, account)
    assert Conversation.objects.get().account == account


def test_unmatched_mail_is_a_problem_that_a_manager_can_retry_or_assign(account, manager):
    AccountFactory(slug="acme-us-2", marketplace="US")
    ambiguous = ingest(None, "01_plain_us_shipping.eml")
    nameless = ingest(None, "25_not_amazon.eml")
    assert ambiguous.status == nameless.status == MailStatus.PROBLEM
    assert ambiguous.account is None
    assert ambiguous.problem == "no seller account: several seller accounts are on amazon.com: assign one by hand"
    assert nameless.problem == "no seller account: the mail came with none and names no marketplace (mp=)"
    assert bytes(InboundMail.objects.get(pk=ambiguous.pk).raw) == fixture_bytes("01_plain_us_shipping.eml")

    assert inbound_retry(mail=ambiguous, actor=manager).status == MailStatus.PROBLEM
    assigned = inbound_assign(mail=ambiguous, account=account, actor=manager)
    assert (assigned.status, assigned.account) == (MailStatus.PARSED, account)
    assert Conversation.objects.get().account == account
    assert Activity.objects.filter(verb="mail.assigned", actor=manager, account=account).exists()
    with pytest.raises(InvalidTransition):
        inbound_retry(mail=assigned, actor=manager)


def test_a_mail_that_breaks_the_reader_is_kept_as_a_problem_and_reads_on_retry(account, manager, monkeypatch):
    def broken(raw, **kwargs):
        raise RuntimeError("reader exploded")

    monkeypatch.setattr("messaging.services.reading.parse_mail", broken)
    mail = ingest(account, "01_plain_us_shipping.eml")
    assert mail.status == MailStatus.PROBLEM
    assert mail.problem == "could not be read: RuntimeError: reader exploded"
    assert not Case.objects.exists()
    monkeypatch.undo()
    assert inbound_retry(mail=mail, actor=manager).status == MailStatus.PARSED
    assert Case.objects.count() == 1


def test_one_mail_that_breaks_its_batch_leaves_the_others_filed(account, monkeypatch):
    from messaging.parsing import strip_reply_prefixes

    def failing_for_tom(subject):
        if "customer Tom" in subject:
            raise RuntimeError("database hiccup")
        return strip_reply_prefixes(subject)

    monkeypatch.setattr("messaging.services.reading.strip_reply_prefixes", failing_for_tom)
    names = ["01_plain_us_shipping.eml", "15_malformed_boundary.eml", "20_atoz_claim.eml", "13_presale_no_order.eml"]
    ids = [inbound_receive(raw=fixture_bytes(name), source=MailSource.IMAP, account=account)[0].pk for name in names]
    read = inbound_process_many(mail_ids=ids)
    assert [m.status for m in read] == [MailStatus.PARSED, MailStatus.PROBLEM, MailStatus.PARSED, MailStatus.PARSED]
    assert read[1].problem == "could not be read: RuntimeError: database hiccup"
    assert Case.objects.count() == 2


def test_a_batch_reads_many_mails_in_few_queries(account, django_assert_max_num_queries):
    follow_ups = [follow_up(n, at="Tue, 14 Jan 2025 19:00:00 +0000") for n in range(20)]
    ingest(account, "01_plain_us_shipping.eml")
    ids = [inbound_receive(raw=raw, source=MailSource.IMAP, account=account)[0].pk for raw in follow_ups]
    # One of them marks the conversations' cases for the search index.
    with django_assert_max_num_queries(12):
        inbound_process_many(mail_ids=ids)
    assert Message.objects.count() == 21
    assert Deadline.objects.count() == 1


def test_a_date_in_the_future_does_not_start_a_clock_in_the_future(account):
    raw = fixture_bytes("25_not_amazon.eml").replace(
        b"Sun, 26 Jan 2025 10:00:00 +0000", b"Fri, 01 Jan 2077 10:00:00 +0000"
    )
    mail = ingest(account, "", raw=raw)
    assert mail.received_at == mail.arrived_at


def test_reading_a_buyer_message_takes_a_bounded_number_of_queries(account, django_assert_max_num_queries):
    mail, _ = inbound_receive(
        raw=fixture_bytes("03_multipart_attachment.eml"), source=MailSource.UPLOAD, account=account
    )
    # Includes creating the account's clock policy, the savepoint of the helpdesk's bulk case opening, the
    # day's clock figures (helpdesk.ClockDay) that the opened clock counts in, and marking the case for the
    # search index (once opening it, once filing the message).
    with django_assert_max_num_queries(22):
        inbound_process(mail_id=mail.pk)
    follow = fixture_bytes("03_multipart_attachment.eml").replace(b"attach-0003", b"attach-0003b")
    mail, _ = inbound_receive(raw=follow, source=MailSource.UPLOAD, account=account)
    with django_assert_max_num_queries(12):
        inbound_process(mail_id=mail.pk)


HEADER_LINES = [
    b"From: Pat - Amazon Marketplace <abcdefghijklmno@marketplace.amazon.com>",
    b"From: =?utf-8?b?/w==?= <atoz-guarantee-no-reply@amazon.com>",
    b"From: \xff\xfe <@>",
    b"Subject: =?iso-2022-jp?b?GyRC?= (Order: 111-1111111-1111111)",
    b"Message-ID: <fuzz@example>",
    b'Content-Type: multipart/mixed; boundary="b"',
    b"Content-Type: text/html; charset=x-bogus",
    b"Content-Transfer-Encoding: base64",
    b"Content-Transfer-Encoding: quoted-printable",
    b"--b",
    b"--b--",
    b"",
    b"------------- Begin message -------------",
    b"------------- End message -------------",
    b"-----Original Message-----",
    b"https://www.amazon.com/x?mp=ATVPDKIKX0DER",
    b"[commMgrTok:ABC]",
    b"Content-Type: message/rfc822",
    b"Content-Disposition: attachment; filename*=utf-8''%FF%00.pdf",
    b"<script>x</script><img onerror=1>",
    b"\x00\x00",
]
mail_like = st.lists(st.sampled_from(HEADER_LINES) | st.binary(max_size=40), max_size=30).map(b"\r\n".join)
CORPUS = [path.read_bytes() for path in sorted(MAIL_DIR.glob("*.eml"))]


def _mutate(base: bytes, edits: list[tuple[int, bytes, int]]) -> bytes:
    data = bytearray(base)
    for position, insert, cut in edits:
        at = position % (len(data) + 1)
        data[at : at + cut] = insert
    return bytes(data)


# Real relay mail with bytes flipped, inserted and cut: the reader's deep paths on broken input.
corpus_mutants = st.builds(
    _mutate,
    st.sampled_from(CORPUS),
    st.lists(st.tuples(st.integers(0, 50_000), st.binary(max_size=8), st.integers(0, 40)), min_size=1, max_size=8),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(raw=st.binary(max_size=2048) | mail_like | corpus_mutants)
def test_any_bytes_are_stored_and_reading_them_never_raises(account, raw):
    mail, created = inbound_receive(raw=raw, source=MailSource.UPLOAD, account=account)
    read = inbound_process(mail_id=mail.pk)
    stored = InboundMail.objects.get(pk=mail.pk)
    assert stored.dedupe_key == dedupe_key(raw)
    if created:
        assert bytes(stored.raw) == raw
    assert read.status == stored.status and stored.status in {MailStatus.PARSED, MailStatus.PROBLEM}
    assert (stored.status == MailStatus.PROBLEM) == bool(stored.problem)

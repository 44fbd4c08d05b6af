"""Forged mail is not trusted: a mail claiming Amazon's address is verified (Amazon's DKIM signature,
or the mailbox's own trusted server's Authentication-Results), the result is stored on the mail,
an unverified notice still opens its case marked "sender not verified", and nothing acts for the
seller on an unverified mail. DNS is the stub's (tests/messaging/dns_stub.py), never the real one."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimStatus, Outcome
from helpdesk.models import Activity, CaseStatus, DeadlineState
from messaging.models import InboundMail, Mailbox, MailKind, MailSource, SenderCheck
from messaging.services import inbound_process, inbound_receive
from messaging.trust import parse_authentication_results, sender_verify
from returns.models import Return
from tests.claims.conftest import notice_bytes
from tests.claims.conftest import receive as receive_notice
from tests.factories import AccountFactory, MembershipFactory
from tests.messaging import dns_stub
from tests.outbound.helpers import buyer_mail

pytestmark = pytest.mark.django_db

ATOZ = notice_bytes("atoz_action_required_us.eml")  # From atoz-guarantee-no-reply@amazon.com


@pytest.fixture(autouse=True)
def _stub_dns():
    dns_stub.clear()
    yield
    dns_stub.clear()


def with_header(raw: bytes, header: str) -> bytes:
    """The mail with a header put on top, as a receiving server adds it."""
    return header.encode() + b"\r\n" + raw


def read(account, raw: bytes, *, mailbox: Mailbox | None = None) -> InboundMail:
    mail, _ = inbound_receive(raw=raw, source=MailSource.IMAP, account=account, source_ref="t", mailbox=mailbox)
    mail = inbound_process(mail_id=mail.pk)
    mail.refresh_from_db()
    return mail


def mailbox(account, trusted: str) -> Mailbox:
    return Mailbox.objects.create(
        account=account, host="imap.example", username="support", password_env="X", trusted_servers=trusted
    )


# --- the check itself ------------------------------------------------------------------


def test_amazons_valid_dkim_signature_verifies_the_sender_through_the_stub_dns(account):
    signer = dns_stub.publish("amazon.com")
    mail = read(account, signer.sign(ATOZ))
    assert (mail.kind, mail.sender_check) == (MailKind.ATOZ_CLAIM, SenderCheck.DKIM)
    assert mail.sender_verified and "amazon.com" in mail.sender_check_detail
    assert dns_stub.ASKED == [b"sd2026._domainkey.amazon.com."]


def test_a_signature_that_does_not_verify_or_a_body_changed_after_signing_is_unverified(account):
    signer = dns_stub.publish("amazon.com")
    signed = signer.sign(ATOZ)
    tampered = signed.replace(b"45.99", b"4599.00")
    assert sender_verify(tampered, from_address="atoz-guarantee-no-reply@amazon.com").check == SenderCheck.UNVERIFIED
    other = dns_stub.Signer("amazon.com", signer.selector, dns_stub.publish("forger.example").private_pem)
    verdict = sender_verify(other.sign(ATOZ), from_address="atoz-guarantee-no-reply@amazon.com")
    assert verdict.check == SenderCheck.UNVERIFIED and "does not verify" in verdict.detail


def test_a_valid_signature_of_another_domain_proves_nothing_about_an_amazon_from(account):
    """SES signs every customer's mail as amazonses.com; a forger signs with their own domain."""
    for domain in ("amazonses.com", "forger.example", "amazon.com.forger.example"):
        verdict = sender_verify(dns_stub.publish(domain).sign(ATOZ), from_address="atoz-guarantee-no-reply@amazon.com")
        assert verdict.check == SenderCheck.UNVERIFIED and domain in verdict.detail
    assert dns_stub.ASKED == []  # keys of domains that cannot vouch are not even looked up


def test_a_mail_not_from_amazon_is_not_checked_and_a_dns_failure_leaves_it_unverified(account, settings):
    assert sender_verify(b"From: a@b.example\r\n\r\nhi", from_address="a@b.example").check == SenderCheck.NONE
    dns_stub.publish("amazon.com").sign(ATOZ)
    settings.MAIL_DKIM_DNS = "tests.messaging.test_sender_trust.dns_down"
    signed = dns_stub.publish("amazon.com").sign(ATOZ)
    verdict = sender_verify(signed, from_address="atoz-guarantee-no-reply@amazon.com")
    assert verdict.check == SenderCheck.UNVERIFIED and "could not be checked" in verdict.detail


def dns_down(name: bytes, timeout: float = 5) -> bytes | None:
    raise TimeoutError("no answer")


AR_PASS = (
    "Authentication-Results: mx.acme-goods.example;\r\n"
    "       dkim=pass header.i=@amazon.com header.s=s1 header.b=HqMXmpdl;\r\n"
    "       spf=pass (mx.acme-goods.example: domain of x@bounces.amazon.com designates 54.240.8.29) "
    "smtp.mailfrom=x@bounces.amazon.com;\r\n"
    "       dmarc=pass (p=QUARANTINE) header.from=amazon.com"
)


def test_the_trusted_servers_authentication_results_verify_the_sender(account):
    mail = read(account, with_header(ATOZ, AR_PASS), mailbox=mailbox(account, "mx.acme-goods.example"))
    assert mail.sender_check == SenderCheck.SERVER and "mx.acme-goods.example" in mail.sender_check_detail


def test_authentication_results_from_an_unknown_server_or_below_another_servers_are_ignored(account):
    # The same header, but the mailbox trusts another server: a header anyone on the way could have written.
    untrusted = read(account, with_header(ATOZ, AR_PASS), mailbox=mailbox(account, "mx.elsewhere.example"))
    assert untrusted.sender_check == SenderCheck.UNVERIFIED
    # The trusted server's name, but below a header another server added: the forger's, not the server's.
    other = AccountFactory(slug="acme-two", marketplace="US")
    below = with_header(with_header(ATOZ, AR_PASS), "Authentication-Results: mx.relay.example; dkim=none")
    assert read(other, below, mailbox=mailbox(other, "mx.acme-goods.example")).sender_check == SenderCheck.UNVERIFIED
    # An uploaded mail has no mailbox, so no server is trusted.
    third = AccountFactory(slug="acme-three", marketplace="US")
    assert read(third, with_header(ATOZ, AR_PASS)).sender_check == SenderCheck.UNVERIFIED


def test_a_trusted_server_that_says_fail_or_names_another_domain_does_not_verify(account):
    trusted = ["mx.acme-goods.example"]
    failing = with_header(ATOZ, "Authentication-Results: mx.acme-goods.example; dkim=fail header.d=amazon.com")
    assert sender_verify(failing, from_address="atoz-guarantee-no-reply@amazon.com", trusted_servers=trusted).check == (
        SenderCheck.UNVERIFIED
    )
    ses = with_header(ATOZ, "Authentication-Results: mx.acme-goods.example; dkim=pass header.d=amazonses.com")
    assert sender_verify(ses, from_address="atoz-guarantee-no-reply@amazon.com", trusted_servers=trusted).check == (
        SenderCheck.UNVERIFIED
    )


def test_authentication_results_are_parsed_with_comments_and_versions():
    server, results = parse_authentication_results(
        "mx.google.com 1; dkim=pass (good) header.i=@amazon.co.jp header.s=x;"
        " dmarc=pass (p=NONE) header.from=amazon.co.jp"
    )
    assert server == "mx.google.com"
    assert results == [
        ("dkim", "pass", {"header.i": "@amazon.co.jp", "header.s": "x"}),
        ("dmarc", "pass", {"header.from": "amazon.co.jp"}),
    ]


# --- what acts on it ----------------------------------------------------------------------


def test_a_forged_atoz_claim_from_the_right_address_opens_its_case_marked_sender_not_verified(
    client, agent, account, django_capture_on_commit_callbacks
):
    mail = receive_notice(account, "atoz_action_required_us.eml", django_capture_on_commit_callbacks, signed=False)
    assert (mail.kind, mail.sender_check) == (MailKind.ATOZ_CLAIM, SenderCheck.UNVERIFIED)
    claim = Claim.objects.get()  # no real claim is ever missed: it opens, with its clock
    assert claim.case.deadlines.get().state == DeadlineState.OPEN
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[claim.case_id])).content.decode()
    assert 'data-testid="claim-unverified"' in page and 'data-testid="sender-unverified"' in page
    inbox = client.get(reverse("messaging:inbox")).content.decode()
    assert "sender not verified" in inbox


def test_an_unverified_decision_mail_closes_nothing(account, agent, django_capture_on_commit_callbacks):
    receive_notice(account, "chargeback_new_us.eml", django_capture_on_commit_callbacks)
    receive_notice(account, "chargeback_decision_us.eml", django_capture_on_commit_callbacks, signed=False)
    claim = Claim.objects.get()
    assert claim.status == ClaimStatus.OPEN and claim.outcome == Outcome.PENDING
    assert claim.case.status != CaseStatus.CLOSED and not claim.case.is_final
    assert claim.case.deadlines.get().state == DeadlineState.OPEN
    assert Activity.objects.filter(verb="claim.decision_unverified", case=claim.case).exists()
    assert claim.notices.count() == 2  # the notice is kept, and shown


def test_a_verified_decision_mail_still_closes_the_case(account, django_capture_on_commit_callbacks):
    receive_notice(account, "chargeback_new_us.eml", django_capture_on_commit_callbacks)
    receive_notice(account, "chargeback_decision_us.eml", django_capture_on_commit_callbacks)
    claim = Claim.objects.get()
    assert claim.status == ClaimStatus.DECIDED and claim.case.status == CaseStatus.CLOSED


def test_an_unverified_return_notice_opens_its_case_marked_on_the_panel(
    client, agent, django_capture_on_commit_callbacks
):
    uk = AccountFactory(slug="acme-uk", marketplace="GB", timezone="Europe/London")
    MembershipFactory(user=agent, account=uk, role="agent")
    raw = (Path(__file__).resolve().parent.parent / "fixtures" / "mail" / "22_return_request.eml").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        read(uk, raw)
    ret = Return.objects.get()
    assert ret.notice_mail.sender_check == SenderCheck.UNVERIFIED
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[ret.case_id])).content.decode()
    assert 'data-testid="sender-unverified"' in page


def test_a_buyer_message_with_bounce_wording_outside_the_markers_opens_its_case(account):
    """Top-posted from the buyer's own mail client: the words above Amazon's template are the buyer's."""
    raw = buyer_mail(text="(original)", when=datetime(2026, 1, 5, 10, 0, tzinfo=UTC)).replace(
        b"Order ID", b"We were unable to deliver the message, my mail says. Has this opt out?\r\n\r\nOrder ID", 1
    )
    mail = read(account, raw)
    assert mail.kind == MailKind.BUYER_MESSAGE and mail.status == "parsed"
    case = mail.message.conversation.case
    assert case.deadlines.get().state == DeadlineState.OPEN


def test_a_mail_the_check_cannot_read_is_unverified_and_still_filed(account):
    """A DKIM-Signature header that is garbage, on a buyer's message: the message is filed all the same."""
    raw = buyer_mail(text="Where is my parcel?", when=datetime(2026, 1, 5, 10, 0, tzinfo=UTC))
    garbage = with_header(raw, "DKIM-Signature: v=1; d=marketplace.amazon.com; s=x; h=; b=;;=\x01; bh")
    mail = read(account, garbage)
    assert mail.kind == MailKind.BUYER_MESSAGE and mail.status == "parsed"
    assert mail.sender_check == SenderCheck.UNVERIFIED
    assert sender_verify(b"\xff\xfe not a mail", from_address="x@amazon.com").check == SenderCheck.UNVERIFIED

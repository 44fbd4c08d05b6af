"""Mail crafted to stall the reader: every run of the hostile corpus, in a buyer's relay message (plain and
HTML), in a delivery failure and in the headers, is stored and read whole in under a second; arbitrary MIME
is read without error in bounded time. A mail longer than the cap is read up to it and kept whole."""

import base64
import itertools
from email.message import EmailMessage

import pytest
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from messaging.models import TRUNCATED, InboundMail, MailKind, MailStatus, Message
from messaging.parsing import parse_mail
from tests.hostile import CORPUS, UNITS, timed

from .conftest import fixture_bytes, ingest

SECOND = 1.0
RELAY = fixture_bytes("01_plain_us_shipping.eml")
BOUNCE = fixture_bytes("19_bounce.eml")
HTML = fixture_bytes("02_html_only.eml")
BUYER_WORDS = b"Can you check with the carrier please?"
BOUNCE_WORDS = b"Please review the guidelines and send the message again."
RETURNED_WORDS = b"Hello Sam, you can reach us at www.acme-goods.example for faster help."


def _in(raw: bytes, anchor: bytes, text: str, *, tag: str) -> bytes:
    assert anchor in raw
    raw = raw.replace(b"Message-ID: <", f"Message-ID: <{tag}.".encode(), 1)
    return raw.replace(anchor, anchor + b"\n" + text.encode("utf-8"), 1)


def _html(text: str, tag: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = '"Jo - Amazon Marketplace" <jo123@marketplace.amazon.com>'
    msg["To"] = "support@acme-goods.example"
    msg["Subject"] = "Question from Amazon customer Jo (Order: 114-7863528-5212210)"
    msg["Message-ID"] = f"<{tag}@example>"
    markup = f"<html><body><p>Order ID 114-7863528-5212210:</p><p>{text}</p><table><tr><td>{text}</td></tr></table>"
    footer = "<p>--- End message ---</p><a href='https://x/?mp=ATVPDKIKX0DER'>x</a></body></html>"
    msg.set_content(markup + footer, "html")
    return msg.as_bytes()


def _read_in_under_a_second(account, raw: bytes, label: str) -> InboundMail:
    took, mail = timed(lambda: ingest(account, label, raw=raw))
    assert took < SECOND, f"{label}: {took:.2f} s"
    assert bytes(mail.raw) == raw
    assert mail.status in {MailStatus.PARSED, MailStatus.PROBLEM}
    return mail


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_buyer_message_is_read_in_under_a_second_and_filed(account, name):
    mail = _read_in_under_a_second(account, _in(RELAY, BUYER_WORDS, CORPUS[name], tag="run"), f"relay {name}")
    assert (mail.status, mail.kind) == (MailStatus.PARSED, MailKind.BUYER_MESSAGE)
    assert "check with the carrier" in Message.objects.get(inbound=mail).body_text


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_delivery_failure_is_read_in_under_a_second(account, name):
    raw = _in(BOUNCE, BOUNCE_WORDS, CORPUS[name], tag="bounce")
    raw = raw.replace(RETURNED_WORDS, RETURNED_WORDS + b"\n" + CORPUS[name].encode("utf-8"))
    mail = _read_in_under_a_second(account, raw, f"bounce {name}")
    assert mail.kind == MailKind.BOUNCE
    assert mail.relay_address == "m8n2b6v0c4x7z1a@marketplace.amazon.com"


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_html_message_is_read_in_under_a_second(account, name):
    _read_in_under_a_second(account, _html(CORPUS[name], f"html-{abs(hash(name))}"), f"html {name}")


@pytest.mark.parametrize("name", ["space", "tab", "nbsp", "letters", "digit dash", "dashes", "ideographic space"])
def test_hostile_headers_are_read_in_under_a_second(account, name):
    unit = UNITS[name]
    display = f'"{unit * 3000}Cathy{unit * 3000}- Amazon Marketplace"'
    raw = RELAY.replace(b'"Cathy - Amazon Marketplace"', display.encode())
    raw = raw.replace(b"Subject: Shipping inquiry", f"Subject: {unit * 5000} Shipping inquiry".encode())
    _read_in_under_a_second(account, raw.replace(b"Message-ID: <", b"Message-ID: <header.", 1), f"header {name}")


def test_the_asin_line_over_thousands_of_nbsp_lines_is_read_in_under_a_second(account):
    body = "# ASIN Product Name\n" + "\xa0\n" * 10_000 + "[ASIN: " + "\xa0" * 5_000
    _read_in_under_a_second(account, _in(RELAY, b"[ASIN: B07QK2SPP4]", body, tag="asin"), "asin nbsp")


def test_the_relay_address_search_over_a_long_run_of_letters_is_read_in_under_a_second(account):
    raw = _in(BOUNCE, BOUNCE_WORDS, "a" * 20_000 + "@marketplace.amazon.co", tag="letters")
    _read_in_under_a_second(account, raw, "bounce letters")


def test_a_message_longer_than_the_cap_is_cut_with_a_marker_and_kept_whole(account, agent, client):
    body = "Please see my notes. " + "word " * 4_000 + "THE-LAST-WORDS"
    raw = _in(RELAY, BUYER_WORDS, body, tag="long")
    with override_settings(MAIL_TEXT_MAX_CHARS=5_000):
        mail = ingest(account, "long", raw=raw)
    message = Message.objects.get(inbound=mail)
    assert "check with the carrier" in message.body_text
    assert "THE-LAST-WORDS" not in message.body_text
    assert message.body_text.endswith(TRUNCATED.partition("}")[2]) and " more characters not read" in message.body_text
    assert message.truncated
    assert b"THE-LAST-WORDS" in bytes(InboundMail.objects.get(pk=mail.pk).raw)
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[message.conversation.case_id])).content.decode()
    raw_url = reverse("messaging:inbox_raw", args=[mail.pk])
    assert f'href="{raw_url}" download>Download the whole mail' in page
    assert b"THE-LAST-WORDS" in client.get(raw_url).content


def test_html_longer_than_the_cap_is_cut_before_it_is_read():
    raw = _html("<b>x</b>" * 20_000 + "THE-LAST-WORDS", "long-html")
    parsed = parse_mail(raw, max_chars=5_000)
    assert "THE-LAST-WORDS" not in parsed.html and "THE-LAST-WORDS" not in parsed.text
    assert len(parsed.html) < 10_000


# --- arbitrary MIME ----------------------------------------------------------------------

_UNITS = st.sampled_from(sorted(set(UNITS.values())))
_TEXT = st.one_of(
    st.text(max_size=60),
    st.builds(lambda unit, n: unit * n, _UNITS, st.integers(1, 4_000)),
    st.sampled_from(["--- Begin message ---", "--- End message ---", "Order ID 123-1234567-1234567:", "[ASIN: "]),
)
_SENDERS = st.sampled_from(
    [
        '"Jo - Amazon Marketplace" <jo@marketplace.amazon.com>',
        "donotreply@amazon.com",
        "atoz-guarantee-no-reply@amazon.com",
        "someone@example.com",
        "",
        "\xa0" * 500 + "@",
    ]
)
_TYPES = st.sampled_from(
    ["text/plain", "text/html", "multipart/mixed", "multipart/alternative", "message/rfc822", "application/pdf"]
)
_CHARSETS = st.sampled_from(["utf-8", "iso-8859-1", "shift_jis", "utf-16", "bogus", "base64", ""])
_ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-unknown"])


_SERIAL = itertools.count()


@st.composite
def mime(draw) -> bytes:
    """A mail of any shape: headers, a declared type, charset and transfer encoding that may or may not match
    the body, parts nested or broken, hostile runs anywhere."""
    body = "\n".join(draw(st.lists(_TEXT, max_size=6)))
    encoding = draw(_ENCODINGS)
    data = body.encode("utf-8", "surrogatepass")
    if encoding == "base64" and draw(st.booleans()):
        data = base64.encodebytes(data)
    content_type = draw(_TYPES)
    boundary = draw(st.sampled_from(["b", "bb", "--", "x" * 70]))
    parts = b""
    if content_type.startswith("multipart/"):
        for _ in range(draw(st.integers(0, 3))):
            parts += f"--{boundary}\r\nContent-Type: {draw(_TYPES)}; charset={draw(_CHARSETS)}\r\n\r\n".encode()
            parts += "\n".join(draw(st.lists(_TEXT, max_size=3))).encode("utf-8", "surrogatepass") + b"\r\n"
        if draw(st.booleans()):
            parts += f"--{boundary}--\r\n".encode()
    headers = (
        f"From: {draw(_SENDERS)}\r\nTo: s@example.com\r\nSubject: {draw(_TEXT)[:3000]}\r\n"
        f"Message-ID: <{draw(st.uuids())}@x>\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: {content_type}; charset="{draw(_CHARSETS)}"; boundary="{boundary}"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n\r\n"
    )
    raw = headers.encode("utf-8", "surrogatepass") + parts + data
    return draw(st.one_of(st.just(raw), st.binary(max_size=2_000).map(lambda junk: raw + junk)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(mime(), st.binary(max_size=5_000)))
def test_any_mime_is_stored_and_read_without_error_in_bounded_time(account, raw):
    raw = raw.replace(b"Message-ID: <", f"Message-ID: <{next(_SERIAL)}.".encode(), 1)
    took, mail = timed(lambda: ingest(account, "any", raw=raw))
    assert took < SECOND, f"{took:.2f} s"
    assert bytes(mail.raw) == raw
    assert mail.status in {MailStatus.PARSED, MailStatus.PROBLEM}

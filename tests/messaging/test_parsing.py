"""The .eml corpus (tests/fixtures/mail, expectations in expected.json), read field by field."""

from datetime import datetime

import pytest

from helpdesk.buyers import relay_key
from messaging.models import MailKind
from messaging.parsing import dedupe_key, is_relay_address, parse_mail, sanitise_html

from .conftest import EXPECTED, fixture_bytes

# Keys of expected.json that are not ParsedMail attributes compared as they are.
SPECIAL = {
    "duplicate_of",
    "items",
    "attachments",
    "received_at",
    "html_contains",
    "html_excludes",
    "quoted_startswith",
    "quoted_contains",
    "quoted_excludes",
    "defects_include",
    "text_contains",
}


def test_the_corpus_covers_what_the_issue_lists():
    kinds = {e["kind"] for e in EXPECTED.values()}
    assert len(EXPECTED) >= 20
    assert {"buyer_message", "seller_copy", "opt_out", "bounce", "atoz_claim", "chargeback", "return_request"} <= kinds


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_mail_is_read_as_expected(name):
    expected = EXPECTED[name]
    parsed = parse_mail(fixture_bytes(name))
    for key, value in expected.items():
        if key not in SPECIAL:
            assert getattr(parsed, key) == value, key
    if "items" in expected:
        assert [[i.quantity, i.title, i.asin] for i in parsed.items] == expected["items"]
    if "attachments" in expected:
        assert [[a.filename, a.content_type] for a in parsed.attachments] == [
            [n, t] for n, t, _ in expected["attachments"]
        ]
        for part, (_, _, size) in zip(parsed.attachments, expected["attachments"], strict=False):
            assert size is None or len(part.data) == size
    if "received_at" in expected:
        assert parsed.received_at == datetime.fromisoformat(expected["received_at"])
    for fragment in expected.get("html_contains", []):
        assert fragment in parsed.html
    for fragment in expected.get("html_excludes", []):
        assert fragment not in parsed.html
    if "quoted_startswith" in expected:
        assert parsed.quoted.startswith(expected["quoted_startswith"])
    for fragment in expected.get("quoted_contains", []):
        assert fragment in parsed.quoted
    for fragment in expected.get("quoted_excludes", []):
        assert fragment not in parsed.quoted
    for fragment in expected.get("text_contains", []):
        assert fragment in parsed.text
    for defect in expected.get("defects_include", []):
        assert defect in parsed.defects
    if "duplicate_of" in expected:
        assert fixture_bytes(name) != fixture_bytes(expected["duplicate_of"])
        assert dedupe_key(fixture_bytes(name)) == dedupe_key(fixture_bytes(expected["duplicate_of"]))


@pytest.mark.parametrize(
    "opening",
    ["You have received a message.", "Sie haben eine Nachricht erhalten.", "Vous avez reçu un message.", ""],
)
def test_amazons_opening_line_is_never_taken_for_the_buyers_words(opening):
    raw = fixture_bytes("26_new_layout_us.eml").replace(b"You have received a message.", opening.encode())
    parsed = parse_mail(raw)
    assert parsed.text.startswith("Hi there,\ndoes the lid have a silicone seal?")
    assert parsed.quoted == ""


def test_a_line_above_the_template_that_is_not_known_stays_in_view_with_the_buyers_words():
    raw = fixture_bytes("26_new_layout_us.eml").replace(b"You have received a message.", b"Nieuw bericht van Rachel.")
    parsed = parse_mail(raw)
    assert parsed.text.startswith("Nieuw bericht van Rachel.\n\nHi there,")
    assert parsed.text.endswith("Rachel")


def test_without_a_known_marker_the_agent_sees_the_whole_body():
    raw = fixture_bytes("26_new_layout_us.eml")
    raw = raw.replace(b"------------- Message: -------------", b"~~~~ Nachricht ~~~~")
    raw = raw.replace(b"------------- End message -------------", b"~~~~ Ende ~~~~")
    text = parse_mail(raw).text
    assert "does the lid have a silicone seal?" in text
    assert "Order ID: 114-6620931-4417725" in text
    assert "Was this email helpful?" in text


def test_the_seller_copys_marketplace_comes_from_the_relay_domain_when_no_link_names_it():
    raw = fixture_bytes("17_seller_copy.eml").replace(b"mp=ATVPDKIKX0DER", b"")
    assert parse_mail(raw).marketplace_id == "ATVPDKIKX0DER"
    uk = raw.replace(b"@marketplace.amazon.com>", b"@marketplace.amazon.co.uk>")
    assert parse_mail(uk).marketplace_id == "A1F83G8C2ARO7P"


def test_the_relay_type_header_does_not_make_a_buyer_message_an_auto_reply():
    with_header = fixture_bytes("14_relay_type_notification.eml")
    assert b"X-AMAZON-MAIL-RELAY-TYPE: notification" in with_header
    without = with_header.replace(b"X-AMAZON-MAIL-RELAY-TYPE: notification\n", b"")
    assert parse_mail(with_header).kind == parse_mail(without).kind == MailKind.BUYER_MESSAGE
    assert parse_mail(with_header).text == parse_mail(without).text


@pytest.mark.parametrize(
    "address",
    [
        f"nxfzwxbkqbx3wv2@marketplace.amazon.{tld}"
        for tld in (
            "com",
            "ca",
            "com.mx",
            "com.br",
            "co.uk",
            "de",
            "fr",
            "it",
            "es",
            "nl",
            "se",
            "pl",
            "com.tr",
            "ae",
            "sa",
            "eg",
            "in",
            "sg",
            "com.au",
            "co.jp",
            "com.be",
            "ie",
        )
    ],
)
def test_every_relay_domain_is_a_relay_address(address):
    assert is_relay_address(address)


def test_relay_lookalikes_are_not_relay_addresses():
    assert not is_relay_address("nxfzwxbkqbx3wv2@marketplace.amazon.cn")
    assert not is_relay_address("buyer@marketplace.amazon.com.evil.example")
    assert not is_relay_address("atoz-guarantee-no-reply@amazon.com")


def test_a_plus_tag_keeps_the_buyer_and_the_reply_address():
    assert relay_key("SZ2Y5YWH1QG1VHX+133a066e@marketplace.amazon.com") == "sz2y5ywh1qg1vhx@marketplace.amazon.com"


def test_the_sanitiser_removes_scripts_handlers_and_javascript_urls():
    dirty = (
        '<p onclick="steal()">Hi<script>alert(1)</script></p><img src="x" onerror="alert(2)">'
        '<a href="javascript:alert(3)">a</a><a href="JaVaScRiPt:alert(4)">b</a><a href="data:text/html,x">c</a>'
        '<iframe src="https://evil.example"></iframe><a href="https://www.amazon.com/">ok</a>'
    )
    clean = sanitise_html(dirty)
    for bad in ("<script", "onclick", "onerror", "javascript:", "JaVaScRiPt", "data:", "<iframe", "alert("):
        assert bad not in clean
    assert '<a href="https://www.amazon.com/" rel="noopener noreferrer nofollow">ok</a>' in clean
    assert "<p>Hi</p>" in clean


def test_a_missing_message_id_dedupes_on_the_bytes():
    raw = fixture_bytes("25_not_amazon.eml").replace(b"Message-ID: <pricelist-2025-01@supplier.example>\n", b"")
    assert dedupe_key(raw).startswith("sha:")
    assert dedupe_key(raw) == dedupe_key(bytes(raw))
    assert dedupe_key(raw + b"\n") != dedupe_key(raw)


def test_a_from_header_that_breaks_the_stdlib_header_parser_is_still_read():
    raw = fixture_bytes("01_plain_us_shipping.eml").replace(
        b'"Cathy - Amazon Marketplace" <nxfzwxbkqbx3wv2@marketplace.amazon.com>',
        b"=?utf-8?q?Cathy_-_Amazon_Marketplace?= <nxfzwxbkqbx3wv2@[marketplace.amazon.com>",
    )
    parsed = parse_mail(raw)  # policy.default's address parser raises AttributeError on this one
    assert parsed.from_name == "Cathy - Amazon Marketplace"
    assert parsed.kind == MailKind.OTHER  # "[marketplace.amazon.com" is no relay domain
    assert parsed.amazon_order_id == "114-7863528-5212210"


@pytest.mark.parametrize("charset", ["base64", "utf\x00-8", "x-no-such-charset"])
def test_a_charset_that_is_no_text_encoding_reads_as_utf_8(charset):
    raw = (
        b"From: Ann - Amazon Marketplace <abcdefghijklmno@marketplace.amazon.com>\nSubject: Inquiry\n"
        b"Content-Type: text/plain; charset=" + charset.encode() + b"\n\n"
        b"------------- Begin message -------------\nCaf\xc3\xa9 please\n------------- End message -------------\n"
    )
    assert parse_mail(raw).text == "Café please"


NOTICE_BODY = "Order number: 114-3349021-8876140\n"


@pytest.mark.parametrize(
    ("sender", "subject", "kind"),
    [
        ("atoz-guarantee-no-reply@amazon.de", "Entscheidung über den Garantieantrag", MailKind.ATOZ_CLAIM),
        ("atoz-guarantee-no-reply@amazon.co.uk", "Claim decision on order 114-3349021-8876140", MailKind.ATOZ_CLAIM),
        ("seller-guarantee@amazon.fr", "Réclamation reçue", MailKind.ATOZ_CLAIM),
        ("seller-notification@amazon.com", "Claim decision on order 114-3349021-8876140", MailKind.ATOZ_CLAIM),
        ("seller-notification@amazon.com", "A-to-z Guarantee Claim for Order 114-3349021-8876140", MailKind.ATOZ_CLAIM),
        ("seller-notification@amazon.de", "A-bis-z-Garantieantrag für Bestellung 1", MailKind.ATOZ_CLAIM),
        ("seller-notification@amazon.fr", "Garantie A à Z : réclamation", MailKind.ATOZ_CLAIM),
        ("seller-notification@amazon.es", "Garantía de la A a la Z: reclamación", MailKind.ATOZ_CLAIM),
        ("seller-notification@amazon.it", "Garanzia dalla A alla Z: reclamo", MailKind.ATOZ_CLAIM),
        (
            "cb-seller-query@amazon.com",
            "114-3349021-8876140, Amazon.com Chargeback Dispute Funding Decision",
            MailKind.CHARGEBACK,
        ),
        ("cb-seller-notification@amazon.it", "Notifica", MailKind.CHARGEBACK),
        (
            "payments-messages@amazon.com",
            "Your Immediate Response Required: Charge Dispute Inquiry",
            MailKind.CHARGEBACK,
        ),
        ("payments-messages@amazon.de", "Anfrage zu einer Rückbuchung", MailKind.CHARGEBACK),
        ("payments-messages@amazon.fr", "Demande de rétrofacturation", MailKind.CHARGEBACK),
        ("payments-messages@amazon.es", "Contracargo del pedido", MailKind.CHARGEBACK),
        ("payments-messages@amazon.it", "Storno di addebito per l'ordine", MailKind.CHARGEBACK),
        ("do-not-reply@amazon.com", "Refund initiated for order 114-3349021-8876140", MailKind.AMAZON_OTHER),
        ("billing@bank.example", "Chargeback Dispute", MailKind.OTHER),
        ("k4x9p2m7q1w3e5r@marketplace.amazon.com", "A-to-z Guarantee claim?", MailKind.BUYER_MESSAGE),
    ],
)
def test_claim_and_chargeback_notices_are_told_by_sender_or_subject_in_each_language(sender, subject, kind):
    raw = f"From: Amazon <{sender}>\nSubject: {subject}\nContent-Type: text/plain; charset=UTF-8\n\n{NOTICE_BODY}"
    assert parse_mail(raw.encode()).kind == kind

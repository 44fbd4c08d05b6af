"""A mailbox's host cannot point at the server's own network: "test connection" and the poller would
otherwise probe Redis, PostgreSQL or the cloud's metadata service for anyone who edits a mailbox. A host
resolving to an internal address is refused on the form and again at every connection (DNS rebinding),
unless the operator allowed it by name (MAILBOX_ALLOWED_HOSTS)."""

import socket

import pytest
from django.urls import reverse

from helpdesk.models import Activity
from messaging.models import Mailbox
from messaging.services import MailboxError, mailbox_poll, mailbox_set_password, mailbox_test

from .conftest import mailbox_form

PUBLIC = "93.184.215.14"


@pytest.fixture(autouse=True)
def nothing_allowed(settings):
    settings.MAILBOX_ALLOWED_HOSTS = []


@pytest.fixture
def dns(monkeypatch):
    """A resolver answering for the names a test gives it (and for address literals, as the real one),
    recording every name it is asked."""
    answers: dict[str, list[str]] = {}
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        asked.append(host)
        if host not in answers:
            return real(host, port, *args, **kwargs)
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in answers[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    getaddrinfo.answers, getaddrinfo.asked = answers, asked
    return getaddrinfo


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("localhost", "loopback"),
        ("10.0.0.5", "private"),
        ("192.168.1.20", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-public"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("fd00::6379", "private"),
    ],
)
def test_a_host_on_the_internal_network_is_refused_on_the_form(client, admin_user, account, imap_server, host, kind):
    client.force_login(admin_user)
    response = client.post(
        reverse("messaging:mailboxes"), mailbox_form(imap_server, account=account.id, host=host, port=6379)
    )
    assert response.status_code == 400
    assert f"a {kind} address: a server on the internal network cannot be used here" in response.content.decode()
    assert not Mailbox.objects.exists()


def test_a_name_with_one_internal_address_among_public_ones_is_refused(client, admin_user, account, imap_server, dns):
    dns.answers["mail.seller.example"] = [PUBLIC, "10.1.2.3"]
    client.force_login(admin_user)
    response = client.post(
        reverse("messaging:mailboxes"), mailbox_form(imap_server, account=account.id, host="mail.seller.example")
    )
    assert response.status_code == 400 and "resolves to 10.1.2.3, a private address" in response.content.decode()


def test_a_name_that_turns_internal_after_saving_is_refused_at_connection(account, imap_server, dns):
    """DNS rebinding: public when the form was saved, loopback (where the IMAP server listens) when polled."""
    dns.answers["mail.seller.example"] = [PUBLIC]
    mailbox = mailbox_set_password(
        mailbox=Mailbox(
            account=account, host="mail.seller.example", port=imap_server.port, use_ssl=False, username="seller"
        ),
        password=imap_server.password,
        actor=None,
    )
    dns.answers["mail.seller.example"] = ["127.0.0.1"]
    with pytest.raises(MailboxError, match="resolves to 127.0.0.1, a loopback address"):
        mailbox_test(mailbox=mailbox, actor=None)
    result = mailbox_poll(mailbox=mailbox)
    assert "a loopback address" in result.error and not result.stored
    assert Activity.objects.filter(verb="mailbox.tested", summary__contains="loopback").exists()


def test_an_allowed_host_is_reached_at_the_address_checked_without_a_second_lookup(account, imap_server, dns, settings):
    settings.MAILBOX_ALLOWED_HOSTS = ["Mail.Internal.Example"]
    dns.answers["mail.internal.example"] = ["127.0.0.1"]
    mailbox = mailbox_set_password(
        mailbox=Mailbox(
            account=account, host="mail.internal.example", port=imap_server.port, use_ssl=False, username="seller"
        ),
        password=imap_server.password,
        actor=None,
    )
    dns.asked.clear()
    assert mailbox_test(mailbox=mailbox, actor=None).startswith("Connected")
    assert dns.asked == ["mail.internal.example"]


def test_a_public_host_is_saved(client, admin_user, account, imap_server, dns):
    dns.answers["imap.seller.example"] = [PUBLIC, "2606:2800:220:1::1"]
    client.force_login(admin_user)
    response = client.post(
        reverse("messaging:mailboxes"),
        mailbox_form(imap_server, account=account.id, host="imap.seller.example", port=993),
    )
    assert response.status_code == 302
    assert Mailbox.objects.get().host == "imap.seller.example"

"""Admins set up their accounts' IMAP mailboxes in the product, scoped to their accounts: test the
connection, see the last poll and its errors. A password read from the server's environment comes
only from a variable the operator allowed for that account."""

import pytest
from django.urls import reverse

from helpdesk.models import Activity
from messaging.models import Mailbox
from messaging.services import MailboxError, mailbox_password, mailbox_poll, mailbox_set_password

from .conftest import mailbox_form


@pytest.fixture
def box(account):
    return mailbox_set_password(
        mailbox=Mailbox(account=account, host="imap.example.com", username="acme", use_ssl=True),
        password="hunter2",
        actor=None,
    )


def test_an_admin_adds_a_mailbox_to_their_account_and_its_password_is_stored_encrypted(
    client, admin_user, account, imap_server
):
    client.force_login(admin_user)
    response = client.post(reverse("messaging:mailboxes"), mailbox_form(imap_server, account=account.id))
    assert response.status_code == 302
    mailbox = Mailbox.objects.get(account=account)
    assert mailbox_password(mailbox) == imap_server.password
    assert imap_server.password.encode() not in bytes(mailbox.password_encrypted)
    assert Activity.objects.filter(account=account, verb="mailbox.created").count() == 1


def test_the_mailbox_page_shows_the_last_poll_and_its_error(client, admin_user, box):
    mailbox_set_password(mailbox=box, password="wrong", actor=None)
    Mailbox.objects.filter(pk=box.pk).update(host="127.0.0.1", port=1, use_ssl=False)
    box.refresh_from_db()
    mailbox_poll(mailbox=box)
    client.force_login(admin_user)
    page = client.get(reverse("messaging:mailbox", args=[box.id])).content.decode()
    assert "ConnectionRefusedError" in page and 'data-testid="last-polled"' in page
    listing = client.get(reverse("messaging:mailboxes")).content.decode()
    assert "acme@127.0.0.1/INBOX" in listing and "ConnectionRefusedError" in listing


def test_test_connection_reports_success_and_failure(client, admin_user, account, imap_server):
    box = mailbox_set_password(
        mailbox=Mailbox(
            account=account, host=imap_server.host, port=imap_server.port, use_ssl=False, username="seller"
        ),
        password=imap_server.password,
        actor=None,
    )
    client.force_login(admin_user)
    page = client.post(reverse("messaging:mailbox_test", args=[box.id]), follow=True).content.decode()
    assert "Connected" in page and "INBOX" in page
    mailbox_set_password(mailbox=box, password="wrong", actor=admin_user)
    page = client.post(reverse("messaging:mailbox_test", args=[box.id]), follow=True).content.decode()
    assert "Could not connect" in page
    assert Activity.objects.filter(account=account, verb="mailbox.tested").count() == 2


def test_another_accounts_mailbox_is_404(client, outsider, box):
    client.force_login(outsider)
    assert client.get(reverse("messaging:mailbox", args=[box.id])).status_code == 404
    assert client.post(reverse("messaging:mailbox_test", args=[box.id])).status_code == 404
    assert "acme@imap.example.com" not in client.get(reverse("messaging:mailboxes")).content.decode()


def test_managers_and_agents_do_not_configure_mailboxes(client, manager, agent, box):
    for user in (manager, agent):
        client.force_login(user)
        assert client.get(reverse("messaging:mailbox", args=[box.id])).status_code == 403


def test_an_environment_variable_not_on_the_allow_list_is_refused(client, admin_user, account, imap_server, settings):
    settings.MAILBOX_PASSWORD_ENV = {"acme-us": ["ACME_IMAP_PASSWORD"]}
    client.force_login(admin_user)
    response = client.post(
        reverse("messaging:mailboxes"),
        mailbox_form(
            imap_server, account=account.id, host="attacker.example.com", password="", password_env="SECRET_KEY"
        ),
    )
    assert response.status_code == 400
    assert not Mailbox.objects.exists()


def test_an_allowed_variable_serves_only_the_account_it_is_allowed_for(
    client, admin_user, account, other_account, imap_server, settings, monkeypatch
):
    settings.MAILBOX_PASSWORD_ENV = {"acme-us": ["ACME_IMAP_PASSWORD"], "rival-de": ["RIVAL_IMAP_PASSWORD"]}
    monkeypatch.setenv("ACME_IMAP_PASSWORD", imap_server.password)
    monkeypatch.setenv("RIVAL_IMAP_PASSWORD", "rival-secret")
    client.force_login(admin_user)
    response = client.post(
        reverse("messaging:mailboxes"),
        mailbox_form(imap_server, account=account.id, password="", password_env="RIVAL_IMAP_PASSWORD"),
    )
    assert response.status_code == 400
    response = client.post(
        reverse("messaging:mailboxes"),
        mailbox_form(imap_server, account=account.id, password="", password_env="ACME_IMAP_PASSWORD"),
    )
    assert response.status_code == 302
    assert mailbox_password(Mailbox.objects.get()) == imap_server.password


def test_a_stored_variable_that_is_no_longer_allowed_is_never_read(box, settings, monkeypatch):
    """A mailbox row written before the allow-list (or in Django's admin) cannot send a server secret anywhere."""
    Mailbox.objects.filter(pk=box.pk).update(password_env="SECRET_KEY", password_encrypted=b"")
    box.refresh_from_db()
    settings.MAILBOX_PASSWORD_ENV = {}
    with pytest.raises(MailboxError, match="not allowed"):
        mailbox_password(box)
    assert "not allowed" in mailbox_poll(mailbox=box).error


def test_editing_a_mailbox_keeps_the_stored_password_when_none_is_given(client, admin_user, box):
    client.force_login(admin_user)
    response = client.post(
        reverse("messaging:mailbox", args=[box.id]),
        {"host": "imap2.example.com", "port": 993, "use_ssl": "on", "username": "acme", "folder": "Amazon"},
    )
    assert response.status_code == 302
    box.refresh_from_db()
    assert (box.host, box.folder, box.enabled) == ("imap2.example.com", "Amazon", False)
    assert mailbox_password(box) == "hunter2"
    audit = Activity.objects.get(verb="mailbox.updated")
    assert audit.after == {"host": "imap2.example.com", "folder": "Amazon", "enabled": False}
    assert "hunter2" not in str(audit.before) + str(audit.after)


def test_an_admin_names_the_trusted_mail_server_on_the_mailbox_page_audited(client, admin_user, box):
    """The server whose Authentication-Results prove mail from Amazon (messaging.trust)."""
    client.force_login(admin_user)
    url = reverse("messaging:mailbox", args=[box.id])
    settings_form = {"host": box.host, "port": 993, "use_ssl": "on", "username": "acme", "folder": "INBOX"}
    assert "Trusted mail server" in client.get(url).content.decode()
    refused = client.post(url, {**settings_form, "trusted_servers": "mx.example.com; drop table"})
    assert refused.status_code == 400 and "Not a mail server" in refused.content.decode()

    assert client.post(url, {**settings_form, "trusted_servers": "MX.Google.com, mx2.acme.example"}).status_code == 302
    box.refresh_from_db()
    assert box.trusted_servers == "mx.google.com, mx2.acme.example"
    assert box.trusted_server_ids == ["mx.google.com", "mx2.acme.example"]
    audit = Activity.objects.filter(verb="mailbox.updated").latest("id")
    assert audit.before["trusted_servers"] == "" and audit.after["trusted_servers"] == "mx.google.com, mx2.acme.example"

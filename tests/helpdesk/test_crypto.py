"""The one store for secrets kept in the database: IMAP passwords and SP-API credentials both
survive a SECRET_KEY rotation, and both say so plainly when they cannot be read."""

from dataclasses import asdict

import pytest

from helpdesk.models import AmazonConnection
from helpdesk.spapi.credentials import CredentialsUnreadable, SpApiCredentials, spapi_credentials
from helpdesk.spapi.services import spapi_credentials_update
from messaging.models import Mailbox
from messaging.services import MailboxError, mailbox_password, mailbox_set_password

pytestmark = pytest.mark.django_db

CREDENTIALS = SpApiCredentials(
    refresh_token="Atzr|refresh", client_id="amzn1.application-oa2-client.x", client_secret="cs"
)
# Encrypted by the release before the secrets shared one store, with SECRET_KEY = OLD_KEY.
OLD_KEY = "key-of-the-previous-release"
OLD_PASSWORD_TOKEN = (
    b"gAAAAABrEtkJXeeVl1MCIwyHyYrjqIL083DU9wEKNMP8iMQuLCRsWy3pmAnJ-d6hB1xTlyPscKutKaWg9FzwrznTyjpi-qaFIg=="
)
OLD_REFRESH_TOKEN = (
    "gAAAAABrEtkJiri0SBMpYvFJThyNv23yofDZoBIa754yXbz0TS_aAY0IK_BgAOuetUZIU"
    "ru7nY_KefyMCIT0LYmQvv2C9m2XFfc-65bOiIxWF7WaReQDO_k="
)


@pytest.fixture
def mailbox(account):
    box = Mailbox(account=account, host="imap.example.com", username="orders@example.com")
    return mailbox_set_password(mailbox=box, password="imap-secret", actor=None)


@pytest.fixture
def stored(account, admin_user, mailbox):
    spapi_credentials_update(account=account, actor=admin_user, **asdict(CREDENTIALS))
    return mailbox, AmazonConnection.objects.get(account=account)


def test_both_secrets_still_decrypt_after_a_secret_key_rotation(stored, settings):
    mailbox, connection = stored
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-secret-key", [settings.SECRET_KEY]

    assert mailbox_password(mailbox) == "imap-secret"
    assert spapi_credentials(connection) == CREDENTIALS


def test_a_key_not_among_the_fallbacks_gives_each_callers_error(stored, settings):
    mailbox, connection = stored
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-secret-key", ["some-other-key"]

    with pytest.raises(MailboxError, match="^the stored password cannot be decrypted: was SECRET_KEY changed\\?$"):
        mailbox_password(mailbox)
    with pytest.raises(CredentialsUnreadable, match="cannot be decrypted .* an admin must enter them again"):
        spapi_credentials(connection)


def test_secrets_written_after_the_rotation_need_only_the_new_key(stored, account, admin_user, settings):
    mailbox, _ = stored
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-secret-key", [settings.SECRET_KEY]
    renewed = SpApiCredentials(
        refresh_token="Atzr|refresh-2", client_id="amzn1.application-oa2-client.y", client_secret="cs-2"
    )
    mailbox_set_password(mailbox=mailbox, password="imap-secret-2", actor=None)
    spapi_credentials_update(account=account, actor=admin_user, **asdict(renewed))

    settings.SECRET_KEY_FALLBACKS = []

    assert mailbox_password(Mailbox.objects.get(pk=mailbox.pk)) == "imap-secret-2"
    assert spapi_credentials(AmazonConnection.objects.get(account=account)) == renewed


def test_secrets_stored_by_the_previous_release_still_decrypt_after_a_rotation(account, settings):
    mailbox = Mailbox.objects.create(
        account=account, host="imap.example.com", username="orders@example.com", password_encrypted=OLD_PASSWORD_TOKEN
    )
    connection = AmazonConnection.objects.create(
        account=account,
        refresh_token_encrypted=OLD_REFRESH_TOKEN,
        client_id_encrypted="",
        client_secret_encrypted="",
    )
    settings.SPAPI_CLIENT_ID, settings.SPAPI_CLIENT_SECRET = "id", "secret"
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-secret-key", [OLD_KEY]

    assert mailbox_password(Mailbox.objects.get(pk=mailbox.pk)) == "imap-pass-2019"
    assert spapi_credentials(connection) == SpApiCredentials("Atzr|refresh-2019", "id", "secret")

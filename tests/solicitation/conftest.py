import pytest
from sp_api.auth import access_token_client

from .helpers import credentials_store
from .spapi_server import FakeAmazon


@pytest.fixture(autouse=True)
def no_real_amazon(settings):
    """Whatever the environment holds, these tests never reach Amazon: no credentials,
    and both endpoints on a closed local port unless a test starts the fake one."""
    settings.SPAPI_REFRESH_TOKEN = settings.SPAPI_CLIENT_ID = settings.SPAPI_CLIENT_SECRET = ""
    settings.SPAPI_ENDPOINT = "http://127.0.0.1:9"
    settings.SPAPI_LWA_TOKEN_URL = "http://127.0.0.1:9/auth/o2/token"


@pytest.fixture
def amazon(settings):
    server = FakeAmazon().start()
    settings.SPAPI_ENDPOINT = server.url
    settings.SPAPI_LWA_TOKEN_URL = f"{server.url}/auth/o2/token"
    access_token_client.cache.clear()  # sp_api keeps access tokens per refresh token, process-wide
    yield server
    server.stop()
    access_token_client.cache.clear()


@pytest.fixture
def live_account(account, admin_user, amazon):
    """The account, with SP-API credentials stored, talking to the local fake Amazon."""
    credentials_store(account, admin_user)
    return account

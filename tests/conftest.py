"""Shared fixtures. The suite runs against the real PostgreSQL and Redis, and
refuses to run at all when either is missing: a skipped service is a lie."""

import psycopg
import pytest
import redis
from django.conf import settings
from django.db import connection
from sp_api.auth import access_token_client

from helpdesk.celery import app as celery_app
from tests.factories import AccountFactory, MembershipFactory, UserFactory
from tests.messaging import dns_stub
from tests.spapi import credentials_store
from tests.spapi_server import FakeAmazon


def pytest_configure(config):
    # Real password hashing costs half a second a user; the tests are not about it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if connection.vendor != "postgresql":
        pytest.exit(
            f"The tests need PostgreSQL: DATABASE_URL points at {connection.vendor}. Run `make test`.",
            returncode=3,
        )
    if not settings.REDIS_URL:
        pytest.exit("The tests need Redis: set REDIS_URL. Run `make test`.", returncode=3)
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.exit(f"Redis at {settings.REDIS_URL} is not reachable: {exc}", returncode=3)
    db = settings.DATABASES["default"]
    try:
        psycopg.connect(
            host=db["HOST"],
            port=db["PORT"] or 5432,
            user=db["USER"],
            password=db["PASSWORD"],
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as exc:
        pytest.exit(f"PostgreSQL at {db['HOST']}:{db['PORT']} is not reachable: {exc}", returncode=3)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Files the tests keep (report uploads) go to a folder of their own, not the checkout's var/."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def account(db):
    return AccountFactory(slug="acme-us", name="Acme US", marketplace="US", timezone="America/New_York")


@pytest.fixture
def other_account(db):
    return AccountFactory(slug="rival-de", name="Rival DE", marketplace="DE", timezone="Europe/Berlin")


def _member(account, role, username):
    user = UserFactory(username=username)
    MembershipFactory(user=user, account=account, role=role)
    return user


@pytest.fixture
def agent(account):
    return _member(account, "agent", "alice")


@pytest.fixture
def agent2(account):
    return _member(account, "agent", "bob")


@pytest.fixture
def manager(account):
    return _member(account, "manager", "mona")


@pytest.fixture
def admin_user(account):
    return _member(account, "admin", "adam")


@pytest.fixture
def outsider(other_account):
    return _member(other_account, "admin", "oscar")


@pytest.fixture
def celery_eager():
    """Run Celery tasks in-process, as soon as they are queued (after commit for
    `delay_on_commit`). Set on the Celery app itself: once Celery has read its
    configuration, Django's CELERY_TASK_ALWAYS_EAGER setting is no longer looked at."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


@pytest.fixture(autouse=True)
def no_real_amazon(settings):
    """Whatever the environment holds, no test reaches Amazon: no server-wide SP-API credentials,
    and both endpoints on a closed local port unless a test starts the fake one."""
    settings.SPAPI_REFRESH_TOKEN = settings.SPAPI_CLIENT_ID = settings.SPAPI_CLIENT_SECRET = ""
    settings.SPAPI_ACCOUNT = ""
    settings.SPAPI_ENDPOINT = "http://127.0.0.1:9"
    settings.SPAPI_LWA_TOKEN_URL = "http://127.0.0.1:9/auth/o2/token"


@pytest.fixture
def amazon(settings):
    """A local server answering as Amazon's SP-API and Login with Amazon (tests/spapi_server.py)."""
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


@pytest.fixture
def amazon_dkim():
    """Amazon's DKIM key, for the tests: a fresh key published for amazon.com in the stub DNS.
    `amazon_dkim.sign(raw)` signs a mail as Amazon's servers do; the stub forgets the key afterwards."""
    signer = dns_stub.publish("amazon.com")
    yield signer
    dns_stub.clear()

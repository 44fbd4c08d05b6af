"""The fault tests' fixtures: real Celery workers in subprocesses on the test database and Redis, a
real SMTP server on loopback that can hold a message before accepting it, and a second database
connection that holds a row lock so a worker stops inside its transaction, where the test kills it.

The test database is pytest-django's (`django_db(transaction=True)`: every row the test writes is
committed, so the worker sees it); the worker reaches it by name through DATABASE_URL, under an
application name of its own by which the test finds (and terminates) its PostgreSQL backends."""

import asyncio
import itertools
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from email import message_from_bytes
from urllib.parse import quote

import psycopg
import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from helpdesk.celery import app as celery_app
from tests.outbound.helpers import free_port

WORKER_START_S = 90
_incarnation = itertools.count(1)


def wait_for(predicate: Callable[[], object], *, timeout: float, what: str, worker: "Worker | None" = None):
    """Poll `predicate` until it returns something true; fail the test with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := predicate():
            return found
        time.sleep(0.05)
    log = f"\n--- worker log ---\n{worker.log_tail()}" if worker else ""
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}{log}")


def database_url(application_name: str) -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return (
        f"postgres://{quote(db['USER'], safe='')}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}?application_name={application_name}"
    )


def side_connection() -> psycopg.Connection:
    """A connection of the test's own to the test database, outside Django's."""
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
        autocommit=True,
    )


class Worker:
    """One `celery worker` process (tests/faults/worker.py) on the test's queue."""

    def __init__(self, *, queue: str, env: dict[str, str], log_dir, ahead_s: float):
        n = next(_incarnation)
        self.name = f"faults-{queue[-8:]}-{n}"
        self.hostname = f"{self.name}@{socket.gethostname()}"
        self.log_path = log_dir / f"{self.name}.log"
        self.env = {
            **env,
            "DATABASE_URL": database_url(self.name),
            "FAULTS_HOSTNAME": self.hostname,
            "FAULTS_CLOCK_AHEAD_S": str(ahead_s),
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.faults.worker"],
                env=self.env,
                cwd=settings.BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(self._answers, timeout=WORKER_START_S, what=f"worker {self.name} to start", worker=self)
        return self

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"worker {self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
        return bool(celery_app.control.ping(destination=[self.hostname], timeout=0.5))

    def kill(self) -> None:
        """`kill -9`: no shutdown, no acknowledgement, no rollback but PostgreSQL's own."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        """A warm shutdown (SIGTERM): the task in hand is finished first."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)

    def backends(self, conn: psycopg.Connection) -> list[tuple[int, str | None, str | None]]:
        """(pid, state, wait_event_type) of this worker's PostgreSQL backends."""
        return conn.execute(
            "SELECT pid, state, wait_event_type FROM pg_stat_activity WHERE application_name = %s", [self.name]
        ).fetchall()

    def blocked_on_lock(self, conn: psycopg.Connection) -> bool:
        return any(wait == "Lock" for _, _, wait in self.backends(conn))

    def terminate_backends(self, conn: psycopg.Connection) -> int:
        """What a PostgreSQL restart does to this worker: every connection it holds is cut."""
        return len(
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", [self.name]
            ).fetchall()
        )

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


@pytest.fixture
def queue():
    """A Celery queue of the test's own, for what the test queues here and what its workers queue."""
    name = f"faults-{uuid.uuid4().hex}"
    before = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = name
    yield name
    celery_app.conf.task_default_queue = before


@pytest.fixture
def relay():
    """Amazon's relay as a real SMTP server on loopback, counting what it accepted."""
    handler = Relay()
    handler.port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    handler.release.set()
    controller.stop()


class Relay:
    """An SMTP handler that keeps the Message-ID of every message it accepted (answered 250 to).

    `hold(accept=…)` makes it hold the next message at the end of DATA, before it answers: `held` is
    set while it waits, and on `release` it accepts the message, or with accept=False answers 451 and
    drops it, as a server does with a transaction its client abandoned before the final reply."""

    def __init__(self):
        self.port = 0
        self.accepted: list[str] = []
        self.held = threading.Event()
        self.release = threading.Event()
        self._hold: bool | None = None

    def hold(self, *, accept: bool) -> None:
        self.held.clear()
        self.release.clear()
        self._hold = accept

    async def handle_DATA(self, server, session, envelope):
        message_id = message_from_bytes(envelope.original_content or envelope.content)["Message-ID"] or ""
        if self._hold is not None:
            accept, self._hold = self._hold, None
            self.held.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 120)
            if not accept:
                return "451 4.4.2 Connection lost before the message was accepted"
        self.accepted.append(message_id.strip().strip("<>"))
        return "250 2.0.0 Message accepted for delivery"

    def counts(self) -> Counter:
        return Counter(self.accepted)


@pytest.fixture
def workers(transactional_db, queue, relay, tmp_path):
    queue_name = queue
    """Start workers with `workers.start(ahead_s=…)`; every one still running is killed at the end, and
    its backends cut, before pytest-django empties the tables."""
    started: list[Worker] = []
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DEBUG": "0",
        "REDIS_URL": settings.REDIS_URL,
        "FAULTS_QUEUE": queue,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(relay.port),
        "EMAIL_TIMEOUT": "10",
        "VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    class Workers:
        queue = queue_name

        def start(self, *, ahead_s: float = 0, **extra_env: str) -> Worker:
            worker = Worker(queue=queue, env={**env, **extra_env}, log_dir=tmp_path, ahead_s=ahead_s)
            started.append(worker)
            return worker.start()

    yield Workers()
    with side_connection() as conn:
        for worker in started:
            worker.kill()
            worker.terminate_backends(conn)
    redis.Redis.from_url(settings.REDIS_URL).delete(queue)


@pytest.fixture
def pg():
    """The test's own connection to the test database (autocommit)."""
    with side_connection() as conn:
        yield conn


@contextmanager
def row_locked(table: str, row_id: int):
    """Hold a row lock on one row (as a long transaction elsewhere would) until the block ends."""
    with side_connection() as conn:
        conn.autocommit = False
        conn.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE", [row_id])  # noqa: S608 - a table name of ours
        try:
            yield conn
        finally:
            conn.rollback()

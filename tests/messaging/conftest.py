"""Helpers for the messaging tests: the .eml corpus, and a real IMAP server on loopback."""

import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from imapclient import IMAPClient

from messaging.models import MailSource
from messaging.services import inbound_process, inbound_receive

MAIL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
EXPECTED = json.loads((MAIL_DIR / "expected.json").read_text())
PYMAP = Path(sys.executable).with_name("pymap")


def fixture_bytes(name: str) -> bytes:
    return (MAIL_DIR / name).read_bytes()


def ingest(account, name: str, *, raw: bytes | None = None, source: str = MailSource.UPLOAD):
    """Store and read one corpus mail (or `raw`) for `account`; the stored row after reading."""
    mail, _ = inbound_receive(
        raw=raw if raw is not None else fixture_bytes(name), source=source, account=account, source_ref=name
    )
    return inbound_process(mail_id=mail.pk)


def with_message_id(raw: bytes, old: str, new: str, *, received: str | None = None) -> bytes:
    """Another mail of the same shape: a new Message-ID, and optionally a new Received: time."""
    out = raw.replace(old.encode(), new.encode())
    if received:
        out = out.replace(b"Tue, 14 Jan 2025 15:04:05 +0000", received.encode())
    return out


@dataclass
class ImapServer:
    host: str
    port: int
    username: str
    password: str

    def client(self) -> IMAPClient:
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=10)
        client.login(self.username, self.password)
        return client


def mailbox_form(imap_server, **overrides) -> dict:
    """The mailbox page's form, filled in for the tests' IMAP server (`overrides` change fields)."""
    return {
        "account": "",
        "host": imap_server.host,
        "port": imap_server.port,
        "use_ssl": "",
        "username": imap_server.username,
        "password": imap_server.password,
        "password_env": "",
        "folder": "INBOX",
        "enabled": "on",
        **overrides,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def imap_server():
    """pymap's in-memory IMAP server, a real IMAP4rev1 server speaking over a loopback socket."""
    if not PYMAP.exists():
        pytest.fail(f"The IMAP tests need pymap at {PYMAP}: pip install pymap==0.36.7 (make test installs it).")
    port = _free_port()
    process = subprocess.Popen(
        [
            str(PYMAP),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-tls",
            "dict",
            "--demo-user",
            "seller",
            "--demo-password",
            "imap-secret",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"pymap did not start: {process.stderr.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.1)
    yield ImapServer("127.0.0.1", port, "seller", "imap-secret")
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

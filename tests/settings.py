"""The suite's settings: the application's own, in the embedded run's mode (a laptop's, its own key),
as on a laptop. Tests of production settings run `manage.py` with their own environment."""

import os

os.environ.setdefault("EMBEDDED", "1")

from helpdesk.settings import *  # noqa: E402, F403

# Never real DNS in the tests: DKIM keys come from the stub, which knows only the keys a test published.
MAIL_DKIM_DNS = "tests.messaging.dns_stub.lookup"

# The IMAP tests' server (pymap) listens on loopback: allowed by name, as an operator allows an on-premises server.
# The tests of the guard itself empty the list.
MAILBOX_ALLOWED_HOSTS = ["127.0.0.1"]

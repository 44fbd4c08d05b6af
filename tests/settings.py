"""The suite's settings: the application's own, in the embedded run's mode (a laptop's, its own key),
as on a laptop. Tests of production settings run `manage.py` with their own environment."""

import os

os.environ.setdefault("EMBEDDED", "1")

from helpdesk.settings import *  # noqa: E402, F403

"""Run the whole product on a laptop: the web server and one Celery worker
with embedded beat, as child processes of this command.

The console shows where to go and how to log in, then stays quiet: each child's
output (request lines, the worker's and beat's every few seconds) goes to its own
file under `var/log/`. Ctrl-C or SIGTERM stops them all; if one of them dies, the
others are stopped and the command exits non-zero, naming its log.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEMO_USERS = (
    ("agent", "works the queue: answers buyers, feedback, returns, claims"),
    ("manager", "also the dashboards, imports, flagged messages, review requests and risk"),
    ("admin", "also each account's settings: policies, templates, sender, rules, mailboxes, members"),
)
DEMO_PASSWORD = "demo"
POLL_S = 0.5
STOP_GRACE_S = 15


class Command(BaseCommand):
    help = "Start the web server and a Celery worker with embedded beat; stop them together."

    def handle(self, *args, **options):
        port = int(os.environ.get("PORT", "8000"))
        # Links in notification emails point at the port actually served.
        os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
        self.logs = Path(settings.VAR_DIR) / "log"
        self._create_folders()
        self.signalled = None
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._on_signal)

        manage_py = str(Path(settings.BASE_DIR) / "manage.py")
        children = {
            "web": self._spawn("web", [manage_py, "runserver", f"127.0.0.1:{port}", "--noreload"]),
            # SQLite has one writer at a time: more pool processes only wait on its lock.
            "worker": self._spawn(
                "worker", ["-m", "celery", "-A", "helpdesk", "worker", "--beat", "--loglevel=INFO", "--concurrency=2"]
            ),
        }
        try:
            dead = self._supervise(children, f"http://127.0.0.1:{port}/")
        finally:
            self._stop(children)
        if dead:
            raise CommandError(
                f"The {dead} process exited with code {children[dead].returncode}; stopped the others. "
                f"Its output is in {self._log(dead)}."
            )

    def _create_folders(self) -> None:
        """Beat's schedule file and the filesystem transport need their folders to exist."""
        Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent.mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        for key in ("data_folder_in", "data_folder_out", "processed_folder"):
            if key in options:
                Path(options[key]).mkdir(parents=True, exist_ok=True)

    def _on_signal(self, signum, frame) -> None:
        self.signalled = signum

    def _log(self, name: str) -> Path:
        return self.logs / f"{name}.log"

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        # A session of its own: a terminal's Ctrl-C reaches only this command,
        # which then stops each child once, in order. Its output goes to its log
        # (appended: a second run's follows the first's), opened by the child's own descriptor.
        with self._log(name).open("ab") as log:
            return subprocess.Popen(
                [sys.executable, *argv],
                cwd=settings.BASE_DIR,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                start_new_session=True,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def _supervise(self, children: dict[str, subprocess.Popen], url: str) -> str | None:
        """Wait for a signal (return None) or a dead child (return its name)."""
        announced = False
        while self.signalled is None:
            for name, child in children.items():
                if child.poll() is not None:
                    return name
            if not announced and _answers(url + "healthz"):
                self._banner(url)
                announced = True
            time.sleep(POLL_S)
        return None

    def _banner(self, url: str) -> None:
        logins = "\n".join(f"    {user:<8} / {DEMO_PASSWORD}   {what}" for user, what in DEMO_USERS)
        self.stdout.write(
            self.style.SUCCESS(f"\nSellerdesk is running at {url}\n")
            + f"  Demo logins (`manage.py seed_demo`: accounts demo-us, demo-de and demo-fr):\n{logins}\n"
            + f"  Logs: {self._log('web')} and {self._log('worker')} (worker and beat).\n"
            + "  Press Ctrl-C to stop.\n"
        )
        self.stdout.flush()

    def _stop(self, children: dict[str, subprocess.Popen]) -> None:
        for child in children.values():
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + STOP_GRACE_S
        for child in children.values():
            with suppress(subprocess.TimeoutExpired):
                child.wait(timeout=max(0.0, deadline - time.monotonic()))
        # Whatever is still alive in a child's session (a stuck child, a pool
        # process it left behind) is killed rather than orphaned.
        for child in children.values():
            with suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False

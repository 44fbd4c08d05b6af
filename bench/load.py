"""Load: 50 agents working the queue for 60 s on gunicorn, PostgreSQL, Redis and Celery, while buyer mail
arrives at 20 messages a second and clocks fall due.

Starts everything on loopback from the script: migrates and empties the bench database (its name must
contain "bench"), seeds a seller account, the agents and the buyers' conversations (each a message case
with its 24-hour clock), starts gunicorn (`--web-workers`), a Celery worker and beat, and an SMTP server
standing in for Amazon's relay (in a process of its own). Then, for the duration:

- each simulated agent (a thread with its own login session) opens the queue, opens a case from it,
  types a reply in three bursts, each checked by the composer's live compliance check, sends it,
  and reloads the case, as the browser does after a send;
- a separate process, as the IMAP poll is, stores relay-shaped buyer mail (one mail a row, deduplicated), a
  second's worth at a time, and queues its reading: new buyers, and follow-ups on open conversations;
- clocks of seeded conversations fall due through the run (the beat's sweeper breaches those nobody
  answered in time) and others enter their warning window.

Afterwards it waits for the queued reading and sending to finish, and prints, last:
`requests` (agents' HTTP requests), `errors` (failed or unexpected answers), `p99_ms` (of all requests),
`lost_mail` (mails fed that are not stored and read), `duplicate_sends` (replies the SMTP server got more
than once). `--scale` shrinks the agents, the duration, the mail rate and the seeded data together.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench_load REDIS_URL=redis://127.0.0.1:6379/12 \\
        .venv/bin/python bench/load.py [--scale 0.2] [--web-workers 4]
"""

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import http.client  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from email import message_from_bytes  # noqa: E402
from email.message import Message  # noqa: E402
from email.utils import format_datetime  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

from bench.common import ROOT, figure, percentile, setup  # noqa: E402

os.environ.setdefault("LOG_LEVEL", "WARNING")  # the driver's own log: the SMTP server says every mail

args = setup(
    __doc__,
    arguments=lambda parser: parser.add_argument(
        "--web-workers", type=int, default=4, help="gunicorn worker processes (default 4)"
    ),
)

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from helpdesk.celery import app  # noqa: E402
from helpdesk.models import Case, Deadline, DeadlineState, Membership, SellerAccount  # noqa: E402
from messaging.kinds import MESSAGE_RESPONSE  # noqa: E402
from messaging.models import Conversation, InboundMail, MailSource, MailStatus  # noqa: E402
from messaging.outbound.models import Reply, ReplyStatus  # noqa: E402
from messaging.services import BATCH_SIZE, inbound_process_many, inbound_receive  # noqa: E402
from messaging.tasks import queue_reading  # noqa: E402

SCALE = args.scale
AGENTS = max(2, round(50 * SCALE))
DURATION_S = max(10.0, 60 * SCALE)
MAIL_PER_S = max(1.0, 20 * SCALE)
BUYERS = max(100, round(1500 * SCALE))  # conversations waiting for an answer when the run starts
DUE_IN_RUN = BUYERS // 3  # of which this many have their clock fall due during the run
WARN_IN_RUN = BUYERS // 6  # and this many enter their warning window
FOLLOW_UP_SHARE = 0.3  # of the mail fed: buyers writing again on an open conversation
DRAIN_S = 120
THINK_S = (0.5, 1.5)  # an agent's pause between two steps
# Agents are threads of a few processes: in one interpreter, 50 threads waited on its lock, and their
# timings were partly the driver's own waits, not the server's.
AGENTS_A_PROCESS = 5
REPLY = (
    "Hello {name}, thank you for your message. We have looked into your order and everything is in hand: "
    "you will hear from us again as soon as anything changes. Kind regards"
)
LOG_DIR = ROOT / "var" / "bench" / "load"
FORK = multiprocessing.get_context("fork")

if not settings.REDIS_URL:
    sys.exit("Set REDIS_URL: the benchmark runs real Celery workers on Redis.")
if "bench" not in connection.settings_dict["NAME"]:
    sys.exit("The load benchmark empties its database: DATABASE_URL must name one with 'bench' in its name.")


# --- mail ----------------------------------------------------------------------------------


def buyer_mail(buyer: int, serial: int, *, when: datetime) -> bytes:
    """A buyer's message as Amazon's relay delivers it: relay address, order id, the buyer's words."""
    relay = f"loadbuyer{buyer:06d}@marketplace.amazon.com"
    order_id = f"112-{buyer:07d}-{(buyer * 7919) % 10_000_000:07d}"
    stamp = format_datetime(when)
    return f"""Received: from a8-29.smtp-out.amazonses.com (a8-29.smtp-out.amazonses.com [54.240.8.29])
        by mx.bench-goods.example (Postfix) with ESMTPS id 4TzQ2k0Zs{serial:x}
        for <support@bench-goods.example>; {stamp}
From: "Buyer{buyer} - Amazon Marketplace" <{relay}>
To: support@bench-goods.example
Subject: Shipping inquiry from Amazon customer Buyer{buyer} (Order: {order_id})
Message-ID: <load-{serial}-{buyer}@email.amazonses.com>
Date: {stamp}
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Order ID {order_id}:
1 of Stainless Steel Water Bottle, 750 ml, Matte Black [ASIN: B07QK2SPP4]

------------- Begin message -------------

Hello, my parcel has not arrived yet and the tracking has not moved for three days (message {serial}).
Could you look into it please? Thanks

------------- End message -------------

To mark this message as no response needed, click here:
https://www.amazon.com/gp/communication-manager/no-response-needed.html?msg=A2KX9QZ7Y1B3C4&mp=ATVPDKIKX0DER&v=1
""".replace("\n", "\r\n").encode()


class Relay:
    """Amazon's relay: an SMTP server counting each Message-ID it accepted."""

    def __init__(self):
        self.accepted: Counter = Counter()

    async def handle_DATA(self, server, session, envelope):
        message_id = (message_from_bytes(envelope.original_content or envelope.content)["Message-ID"] or "").strip()
        self.accepted[message_id.strip("<>")] += 1
        return "250 2.0.0 Message accepted for delivery"


def relay_serve(port: int, stop, accepted_out) -> None:
    """The relay, in a process of its own as Amazon's is: its SMTP sessions do not share the agents'
    interpreter. Serves until `stop`, then puts what it accepted ({Message-ID: count}) on `accepted_out`."""
    relay = Relay()
    controller = Controller(relay, hostname="127.0.0.1", port=port)
    controller.start()
    stop.wait()
    controller.stop()
    accepted_out.put(dict(relay.accepted))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- seeding ---------------------------------------------------------------------------------


def seed() -> tuple[SellerAccount, list[str]]:
    call_command("flush", interactive=False, verbosity=0)
    account = SellerAccount.objects.create(
        slug="bench-load", name="Bench Load", merchant_id="ABENCHLOAD0001", marketplace="US", timezone="UTC"
    )
    password = make_password("bench-load")  # hashed once: the login's cost is the server's, at sign-in
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"agent{n:03d}", password=password) for n in range(AGENTS)]
        + [get_user_model()(username="manager", password=password, email="manager@bench-goods.example")]
    )
    Membership.objects.bulk_create(
        [Membership(user=u, account=account, role="manager" if u.username == "manager" else "agent") for u in users]
    )
    # The buyers who wrote in the last hours, read as the worker reads them.
    asked = timezone.now() - timedelta(hours=2)
    ids = [
        inbound_receive(raw=buyer_mail(b, 0, when=asked), source=MailSource.IMAP, account=account)[0].pk
        for b in range(BUYERS)
    ]
    for start in range(0, len(ids), BATCH_SIZE):
        inbound_process_many(mail_ids=ids[start : start + BATCH_SIZE])
    # Each agent holds a share of them: a warning goes to the case's holder.
    agents = [u for u in users if u.username != "manager"]
    for n, case_id in enumerate(Case.objects.filter(account=account).order_by("id").values_list("id", flat=True)):
        Case.objects.filter(pk=case_id).update(assignee=agents[n % len(agents)])
    # Statistics, as autovacuum keeps them in production: planned on an empty database's, the queue's
    # query read every open case of the account instead of the first page's along its index.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return account, [u.username for u in agents]


def clocks_fall_due_during(start: datetime) -> None:
    """Move seeded clocks so that some fall due through the run (as if their buyers wrote 24 hours
    before) and others enter their six-hour warning window through it."""
    clocks = list(Deadline.objects.filter(kind=MESSAGE_RESPONSE, state=DeadlineState.OPEN).order_by("?"))
    due, warn = clocks[:DUE_IN_RUN], clocks[DUE_IN_RUN : DUE_IN_RUN + WARN_IN_RUN]
    for n, clock in enumerate(due):
        clock.due_at = start + timedelta(seconds=2 + n * DURATION_S / max(1, len(due)))
        clock.warn_at, clock.warned_at = clock.due_at - timedelta(hours=6), clock.due_at - timedelta(hours=6)
    for n, clock in enumerate(warn):
        clock.warn_at = start + timedelta(seconds=2 + n * DURATION_S / max(1, len(warn)))
        clock.due_at = clock.warn_at + timedelta(hours=6)
    for clock in due + warn:
        clock.started_at = clock.due_at - timedelta(hours=24)
    Deadline.objects.bulk_update(due + warn, ["due_at", "warn_at", "warned_at", "started_at"], batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE helpdesk_case c SET next_due_at = d.due_at, next_warn_at = d.warn_at
               FROM helpdesk_deadline d WHERE d.case_id = c.id AND d.state = 'open'"""
        )


# --- the processes -----------------------------------------------------------------------


# Background work yields to the agents' requests, as docker-compose.yml's cpu_shares weigh it in production
# (256 against web's 1024: nice 6 weighs about as much against nice 0).
WORKER_NICE = 6
WORKER_NAME = f"bench-load-{os.getpid()}@{socket.gethostname()}"


def start_processes(smtp_port: int, web_port: int, processes: list[subprocess.Popen]) -> None:
    """gunicorn, a Celery worker and beat, each added to `processes` as it starts (the caller stops them)."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "VAR_DIR": str(ROOT / "var" / "bench" / "load"),
        "LOG_LEVEL": "WARNING",
    }
    commands = {
        "web": [
            sys.executable, "-m", "gunicorn", "helpdesk.wsgi", "--bind", f"127.0.0.1:{web_port}",
            "--workers", str(args.web_workers), "--log-level", "warning",
        ],
        "worker": [
            "nice", "-n", str(WORKER_NICE), sys.executable, "-m", "celery", "-A", "helpdesk", "worker",
            "--concurrency", "2", "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
            "--hostname", WORKER_NAME,
        ],
        "beat": [
            "nice", "-n", str(WORKER_NICE), sys.executable, "-m", "celery", "-A", "helpdesk", "beat",
            "--loglevel", "WARNING", "--schedule", str(LOG_DIR / "celerybeat-schedule"),
        ],
    }  # fmt: skip
    for name, command in commands.items():
        with (LOG_DIR / f"{name}.log").open("wb") as log:
            processes.append(subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            probe = http.client.HTTPConnection("127.0.0.1", web_port, timeout=2)
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                break
        except OSError:
            pass
        time.sleep(0.5)
    else:
        sys.exit(f"gunicorn did not start: see {LOG_DIR / 'web.log'}")
    deadline = time.monotonic() + 120
    while not app.control.ping(destination=[WORKER_NAME], timeout=1):
        if time.monotonic() > deadline:
            sys.exit(f"the celery worker did not start: see {LOG_DIR / 'worker.log'}")


# --- the agents ----------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter = Counter()
        self.samples: list[str] = []
        self.refused = 0
        self.sent = 0

    def record(self, kind: str, ms: float, error: str = "") -> None:
        with self.lock:
            self.times[kind].append(ms)
            if error:
                self.errors[kind] += 1
                if len(self.samples) < 5:
                    self.samples.append(f"{kind}: {error}")

    def totals(self) -> tuple:
        """What a process of agents hands back to be merged (`merge`)."""
        return dict(self.times), self.errors, self.samples, self.refused, self.sent

    def merge(self, totals: tuple) -> None:
        times, errors, samples, refused, sent = totals
        for kind, values in times.items():
            self.times[kind].extend(values)
        self.errors.update(errors)
        self.samples.extend(samples[: 5 - len(self.samples)])
        self.refused += refused
        self.sent += sent


COOKIE = re.compile(r"^([^=;\s]+)=([^;]*)")
CASE_LINK = re.compile(r'href="/cases/(\d+)/"')
KEY = re.compile(r'name="key" value="([0-9a-f]{32})"')
SEEN = re.compile(r'name="seen" value="(\d+)"')
NAME = re.compile(r"Reply to ([^<]+)</label>")


@dataclass
class Answer:
    status: int
    headers: Message
    text: str


class Browser:
    """One agent's browser: its session cookies, CSRF token and htmx headers, on HTTP behind the
    TLS-terminating proxy production has (X-Forwarded-Proto), so the production settings apply. The
    standard library's HTTP client: the driver shares the server's two cores, and a heavier client's
    own time would count against the server."""

    def __init__(self, port: int, stats: Stats):
        self.port, self.origin, self.stats, self.cookies = port, f"https://127.0.0.1:{port}", stats, {}
        self.connect()

    def connect(self) -> None:
        """A connection of its own (again, in a forked process: none of the parent's)."""
        self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def call(self, method: str, url: str, *, kind: str, data: dict | None = None, htmx: bool = False, ok=(200,)):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": self.origin + url,
            "Origin": self.origin,
            "X-Forwarded-Proto": "https",
        }
        body = None
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(data or {})
        if htmx:
            headers["HX-Request"] = "true"
        started = time.perf_counter()
        try:
            self.http.request(method, url, body=body, headers=headers)
            response = self.http.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.http.close()
            self.stats.record(kind, (time.perf_counter() - started) * 1000, f"{type(exc).__name__}: {exc}")
            return None
        ms = (time.perf_counter() - started) * 1000
        for raw in response.headers.get_all("Set-Cookie") or []:
            if match := COOKIE.match(raw):
                self.cookies[match[1]] = match[2]
        error = "" if response.status in ok else f"HTTP {response.status} on {method} {url}"
        self.stats.record(kind, ms, error)
        return None if error else Answer(response.status, response.headers, content.decode())

    def login(self, username: str) -> None:
        self.call("GET", "/login/", kind="login")
        response = self.call(
            "POST",
            "/login/",
            kind="login",
            data={"username": username, "password": "bench-load", "next": "/"},
            ok=(302,),
        )
        if response is None or response.headers.get("location") != "/":
            sys.exit(f"{username} could not log in: {self.stats.samples}")

    def warm_up(self, username: str, account_id: int) -> None:
        """Sign in and go once round what an agent does, so every gunicorn worker has loaded its templates."""
        self.login(username)
        self.call("GET", "/", kind="warm_up")
        case = Case.objects.filter(account_id=account_id).order_by("?").values_list("id", flat=True).first()
        self.call("GET", f"/cases/{case}/", kind="warm_up")
        data = {"account": account_id, "text": "Hello", "text_field": "text", "answering": "1"}
        self.call("POST", "/messages/compliance/check", kind="warm_up", htmx=True, data=data)
        connections.close_all()


def agent_work(browser: Browser, account_id: int, stop, rng: random.Random) -> None:
    def pause(shortest: float = THINK_S[0]) -> bool:
        """An agent's pause between two steps: True when the run ended meanwhile, and the agent stops there.
        Going on with the round instead, all 50 fired their remaining steps at the same moment, without a
        pause between them: a burst no team makes, which held most of the run's slowest requests."""
        return stop.wait(rng.uniform(shortest, THINK_S[1]))

    # People do not all click at the same instant: each agent takes its first step within one pause of the
    # run's start. Started together, 50 agents asked for the queue in the same millisecond and the first
    # requests queued behind each other, a burst that recurred, fading, for several rounds.
    if pause(0):
        return
    while True:
        queue = browser.call("GET", f"/?page={rng.randint(1, 3)}", kind="queue")
        cases = CASE_LINK.findall(queue.text) if queue is not None else []
        if not cases:
            if pause():
                return
            continue
        case_id = rng.choice(cases)
        page = browser.call("GET", f"/cases/{case_id}/", kind="case")
        if pause():
            return
        key, seen = (KEY.search(page.text), SEEN.search(page.text)) if page is not None else (None, None)
        if not key or not seen:
            continue
        name = (NAME.search(page.text)[1] if NAME.search(page.text) else "there").strip()
        text = REPLY.format(name=name)
        for cut in (len(text) // 3, 2 * len(text) // 3, len(text)):
            browser.call(
                "POST",
                "/messages/compliance/check",
                kind="live_check",
                htmx=True,
                data={"account": account_id, "text": text[:cut], "text_field": "text", "answering": "1"},
            )
            if pause():
                return
        sent = browser.call(
            "POST",
            f"/messages/outbound/cases/{case_id}/reply",
            kind="reply",
            htmx=True,
            data={"text": text, "key": key[1], "seen": seen[1]},
        )
        if sent is not None:
            with browser.stats.lock:
                if sent.headers.get("hx-refresh") == "true":
                    browser.stats.sent += 1
                else:  # refused: the buyer wrote again meanwhile (the composer shows it); not an error
                    browser.stats.refused += 1
            browser.call("GET", f"/cases/{case_id}/", kind="case")  # htmx's refresh after the send
        if pause():
            return


def agents(browsers: list[Browser], first: int, account_id: int, stop, totals_out) -> None:
    """A process of agents, each a thread with its browser; puts their figures on `totals_out`."""
    stats = Stats()
    threads = []
    for n, browser in enumerate(browsers, start=first):
        browser.stats = stats
        browser.connect()
        threads.append(threading.Thread(target=agent_work, args=(browser, account_id, stop, random.Random(n))))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    totals_out.put(stats.totals())


FEEDERS = 4  # mailboxes polled at once, each storing its share of the rate


def feed_mail(account: SellerAccount, stop, fed: list[int], feeder: int) -> None:
    """One mailbox's share: a second's worth of mail at a time, stored as the IMAP poll stores it
    (a row a mail), and its reading queued."""
    rng = random.Random(-feeder)
    serial, next_new = feeder, BUYERS + feeder
    next_at = time.monotonic()
    try:
        while not stop.is_set():
            batch = []
            for _ in range(round(MAIL_PER_S * (feeder + 1) / FEEDERS) - round(MAIL_PER_S * feeder / FEEDERS)):
                if rng.random() < FOLLOW_UP_SHARE:
                    buyer = rng.randrange(BUYERS)
                else:
                    buyer, next_new = next_new, next_new + FEEDERS
                raw = buyer_mail(buyer, serial, when=timezone.now())
                serial += FEEDERS
                mail, _ = inbound_receive(raw=raw, source=MailSource.IMAP, account=account, source_ref=f"feed:{serial}")
                batch.append(mail.pk)
            fed.extend(batch)
            queue_reading(batch)
            next_at += 1
            stop.wait(max(0.0, next_at - time.monotonic()))
    finally:
        connections.close_all()


def mailboxes(account: SellerAccount, stop, fed_out) -> None:
    """The IMAP poll, in a process of its own as in production: its storing does not share the agents'
    interpreter, so their timings are the server's, not this script's. Puts the ids it fed on `fed_out`."""
    fed: list[int] = []
    feeders = [
        threading.Thread(target=feed_mail, args=(account, stop, fed, feeder), daemon=True) for feeder in range(FEEDERS)
    ]
    for thread in feeders:
        thread.start()
    for thread in feeders:
        thread.join()
    fed_out.put(fed)


# --- the run -------------------------------------------------------------------------------


def main() -> None:
    account, usernames = seed()
    print(f"seeded {BUYERS:,} conversations, {AGENTS} agents; scale {SCALE}", flush=True)
    app.control.purge()
    smtp_port, web_port = free_port(), free_port()
    relay_stop, relay_out = FORK.Event(), FORK.Queue()
    connections.close_all()  # the forked processes must not share this one's database connections
    relay = FORK.Process(target=relay_serve, args=(smtp_port, relay_stop, relay_out))
    relay.start()
    processes: list[subprocess.Popen] = []
    stats = Stats()
    try:
        start_processes(smtp_port, web_port, processes)
        browsers = [Browser(web_port, stats) for _ in usernames]
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda pair: pair[0].warm_up(pair[1], account.id), zip(browsers, usernames, strict=True)))
        stats.times.clear()  # signing in and the first round, on gunicorn workers just started, are not measured
        stats.errors.clear()
        stats.samples.clear()
        print(f"{len(browsers)} agents logged in; running {DURATION_S:.0f}s", flush=True)

        stop, mail_stop, fed_out, totals_out = FORK.Event(), FORK.Event(), FORK.Queue(), FORK.Queue()
        started_at = timezone.now()
        clocks_fall_due_during(started_at)
        load_before = os.getloadavg()[0]
        connections.close_all()  # the forked processes open their own
        poll = FORK.Process(target=mailboxes, args=(account, mail_stop, fed_out))
        poll.start()
        crowds = [
            FORK.Process(
                target=agents, args=(browsers[first : first + AGENTS_A_PROCESS], first, account.id, stop, totals_out)
            )
            for first in range(0, len(browsers), AGENTS_A_PROCESS)
        ]
        for crowd in crowds:
            crowd.start()
        time.sleep(DURATION_S)
        load_during = os.getloadavg()[0]
        stop.set()
        mail_stop.set()
        fed = fed_out.get(timeout=60)
        poll.join(timeout=60)
        for _ in crowds:
            stats.merge(totals_out.get(timeout=60))
        for crowd in crowds:
            crowd.join(timeout=60)

        # Drain: the reading and the sending queued during the run.
        deadline = time.monotonic() + DRAIN_S
        while time.monotonic() < deadline:
            unread = InboundMail.objects.filter(id__in=fed, status=MailStatus.RECEIVED).count()
            pending = Reply.objects.exclude(status__in=[ReplyStatus.SENT, ReplyStatus.FAILED]).count()
            if not unread and not pending:
                break
            time.sleep(1)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        relay_stop.set()
        accepted = relay_out.get(timeout=60)
        relay.join(timeout=60)

    all_times = [ms for times in stats.times.values() for ms in times]
    read = InboundMail.objects.filter(id__in=fed, status=MailStatus.PARSED).count()
    replies = set(Reply.objects.values_list("email_message_id", flat=True))
    delivered = {mid: n for mid, n in accepted.items() if mid in replies}
    breached = Deadline.objects.filter(breached_at__gte=started_at).count()
    for sample in stats.samples:
        print(f"error sample: {sample}")
    figure("agents", AGENTS)
    figure("duration_s", DURATION_S)
    figure("web_workers", args.web_workers)
    figure("machine_load_before", load_before)
    figure("machine_load_during", load_during)
    for kind, times in sorted(stats.times.items()):
        figure(f"{kind}_requests", len(times))
        figure(f"{kind}_p50_ms", round(percentile(times, 50)))
        figure(f"{kind}_p99_ms", round(percentile(times, 99)))
    figure("requests_per_s", len(all_times) / DURATION_S)
    figure("p50_ms", round(percentile(all_times, 50)))
    figure("p95_ms", round(percentile(all_times, 95)))
    figure("mails_fed", len(fed))
    figure("mails_fed_per_s", len(fed) / DURATION_S)
    figure("mail_rate_target_per_s", MAIL_PER_S)
    figure("mails_unread_after_drain", InboundMail.objects.filter(id__in=fed, status=MailStatus.RECEIVED).count())
    figure("conversations", Conversation.objects.count())
    figure("replies_queued", len(replies))
    figure("replies_refused_stale", stats.refused)
    figure("replies_delivered", len(delivered))
    figure("replies_unsent_after_drain", Reply.objects.exclude(status=ReplyStatus.SENT).count())
    figure("clocks_breached", breached)
    figure("requests", len(all_times))
    figure("errors", sum(stats.errors.values()))
    figure("p99_ms", round(percentile(all_times, 99)))
    figure("lost_mail", len(fed) - read)
    figure("duplicate_sends", sum(delivered.values()) - len(delivered))


main()

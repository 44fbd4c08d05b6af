"""Inbound relay mail, end to end through Celery: 10,000 mails of mixed shapes.

Builds the mails from the test corpus (tests/fixtures/mail: plain, HTML-only,
multipart with attachments, ISO-8859-1, Shift_JIS, replies over a quoted
thread, pre-sale questions, follow-ups on open conversations, seller copies,
bounces, A-to-z / chargeback / return notices), each with its own Message-ID,
buyer relay address and order id. Then runs a real `celery worker` (one
process) on Redis against PostgreSQL, as the IMAP poll does:

1. burst: every mail stored as received and its reading queued at once
   (batches of 50 ids a task); `messages_per_s` is mails read per second;
   `cpu_bound_messages_per_s` is the same from the CPU time the worker and its
   PostgreSQL backends spent, i.e. the rate on cores nobody else is using;
2. steady: mails arriving one by one, four a second, each stored and queued
   alone as it arrives (no batching); `p95_arrival_to_queue_s` is from its
   arrival to its case (new, or joined) being in the queue, committed.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench REDIS_URL=redis://127.0.0.1:6379/14 \
        .venv/bin/python bench/ingest.py [--scale 0.05]
"""

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

from bench.common import ROOT, figure, median, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from helpdesk.celery import app  # noqa: E402
from helpdesk.models import Case, Order, SellerAccount  # noqa: E402
from messaging.models import InboundMail, MailSource, MailStatus  # noqa: E402
from messaging.parsing import dedupe_key  # noqa: E402
from messaging.services import BATCH_SIZE  # noqa: E402
from messaging.tasks import read_mail  # noqa: E402

MAILS = max(100, int(10_000 * args.scale))
STEADY = max(50, MAILS // 50)
STEADY_INTERVAL_S = 0.25
TIMEOUT_S = 900
CORPUS = ROOT / "tests" / "fixtures" / "mail"
QUEUE = f"bench-ingest-{os.getpid()}"
if not settings.REDIS_URL:
    sys.exit("Set REDIS_URL: the benchmark runs a real Celery worker on Redis.")

# Shapes, with how many of every hundred mails take each. "follow-up" reuses an earlier buyer and order.
SHAPES = [
    ("01_plain_us_shipping.eml", 30),
    ("follow-up", 15),
    ("02_html_only.eml", 8),
    ("03_multipart_attachment.eml", 5),
    ("23_cancellation_alternative.eml", 6),
    ("08_reply_top_posted_2016.eml", 5),
    ("04_iso8859_1_de.eml", 4),
    ("05_shift_jis_jp.eml", 3),
    ("13_presale_no_order.eml", 6),
    ("14_relay_type_notification.eml", 4),
    ("17_seller_copy.eml", 3),
    ("19_bounce.eml", 2),
    ("20_atoz_claim.eml", 3),
    ("21_chargeback.eml", 3),
    ("22_return_request.eml", 3),
]
assert sum(weight for _, weight in SHAPES) == 100
MESSAGE_ID = re.compile(rb"^Message-ID: <[^>]+>", re.MULTILINE | re.IGNORECASE)


def relay(n: int) -> bytes:
    """A relay local part like Amazon's: 15 lower-case letters and digits, one per buyer."""
    digest = int.from_bytes(hashlib.blake2b(str(n).encode(), digest_size=10).digest(), "big")
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(alphabet[(digest // 36**k) % 36] for k in range(15)).encode()


def order_id(n: int) -> bytes:
    return f"{111 + n % 700:03d}-{n:07d}-{(n * 7919) % 10_000_000:07d}".encode()


def build_mails(count: int, start: int = 0) -> list[bytes]:
    expected = json.loads((CORPUS / "expected.json").read_text())
    templates = {name: (CORPUS / name).read_bytes() for name, _ in SHAPES if name != "follow-up"}
    cycle = [name for name, weight in SHAPES for _ in range(weight)]
    mails = []
    for n in range(start, start + count):
        shape = cycle[(n * 37) % 100]
        buyer = n
        if shape == "follow-up":
            shape, buyer = "01_plain_us_shipping.eml", max(0, n - 97)  # the same buyer and order as an earlier mail
        raw = MESSAGE_ID.sub(f"Message-ID: <bench-{n}@ingest.bench>".encode(), templates[shape], count=1)
        old_relay = (expected[shape].get("relay_address") or "").split("@")[0].split("+")[0].encode()
        if old_relay:
            raw = raw.replace(old_relay, relay(buyer))
        old_order = (expected[shape].get("amazon_order_id") or "").encode()
        if old_order:
            raw = raw.replace(old_order, order_id(buyer))
        mails.append(raw)
    return mails


def reset(account: SellerAccount) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM helpdesk_activity WHERE account_id = %s", [account.id])
        cursor.execute(
            "TRUNCATE messaging_attachment, messaging_message, messaging_conversation, messaging_inboundmail CASCADE"
        )
        cursor.execute("DELETE FROM helpdesk_deadline WHERE account_id = %s", [account.id])
        cursor.execute("DELETE FROM helpdesk_case WHERE account_id = %s", [account.id])
    # Half the buyers' orders are imported already: those cases link to them.
    Order.objects.bulk_create(
        [
            Order(account=account, amazon_order_id=order_id(n).decode(), buyer_name=f"Buyer {n}", status="Shipped")
            for n in range(0, MAILS + STEADY, 2)
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


def store(account: SellerAccount, mails: list[bytes]) -> list[int]:
    """What the IMAP poll does on arrival: keep the bytes, one row a mail, once."""
    now = timezone.now()
    rows = InboundMail.objects.bulk_create(
        [
            InboundMail(account=account, source=MailSource.IMAP, raw=raw, dedupe_key=dedupe_key(raw), arrived_at=now)
            for raw in mails
        ],
        batch_size=1000,
    )
    return [row.pk for row in rows]


def enqueue(ids: list[int]) -> None:
    for start in range(0, len(ids), BATCH_SIZE):
        read_mail.apply_async(args=[ids[start : start + BATCH_SIZE]], queue=QUEUE)


def wait_read(ids: list[int]) -> float:
    """When the last of these mails has been read (polled cheaply: an id range on the unread index)."""
    unread = InboundMail.objects.filter(id__gte=min(ids), id__lte=max(ids), status=MailStatus.RECEIVED)
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if not unread.exists():
            return time.monotonic()
        time.sleep(0.1)
    sys.exit(f"timed out: {unread.count()} mails unread")


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def worker_and_backends(worker_pid: int) -> list[int]:
    """The worker, its pool process, and the PostgreSQL backends serving this database."""
    children = [
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and (p / "stat").exists() and _ppid(p) == worker_pid
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        backends = [row[0] for row in cursor.fetchall()]
    return [worker_pid, *children, *backends]


def _ppid(proc: Path) -> int:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return -1


def latencies(ids: list[int]) -> list[float]:
    return [
        (processed - arrived).total_seconds()
        for arrived, processed in InboundMail.objects.filter(id__in=ids).values_list("arrived_at", "processed_at")
    ]


account, _ = SellerAccount.objects.get_or_create(
    slug="bench-mail", defaults={"name": "Bench mail", "merchant_id": "ABENCHMAIL0001", "marketplace": "US"}
)
reset(account)
burst_mails = build_mails(MAILS)
steady_mails = build_mails(STEADY, start=MAILS)
print(f"built {MAILS:,} + {STEADY:,} mails, {sum(map(len, burst_mails)) / MAILS / 1024:.1f} KiB on average")

env = {**os.environ, "VAR_DIR": str(ROOT / "var" / "bench")}
(ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
worker = subprocess.Popen(
    [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "helpdesk",
        "worker",
        "--concurrency=1",
        "-Q",
        QUEUE,
        "--loglevel=WARNING",
        "--without-gossip",
        "--without-mingle",
        "--hostname",
        f"{QUEUE}@%h",
    ],
    env=env,
    cwd=ROOT,
)
try:
    for _ in range(120):
        if app.control.ping(destination=[f"{QUEUE}@{os.uname().nodename}"], timeout=0.5):
            break
    else:
        sys.exit("the celery worker did not start")

    # 1. Burst, after one batch that warms the worker's connection and caches.
    warm = store(account, burst_mails[:BATCH_SIZE])
    enqueue(warm)
    wait_read(warm)
    ids = store(account, burst_mails[BATCH_SIZE:])
    pids = worker_and_backends(worker.pid)
    cpu_before = cpu_seconds(pids)
    started = time.monotonic()
    enqueue(ids)
    finished = wait_read(ids)
    cpu_per_mail = (cpu_seconds(pids) - cpu_before) / len(ids)
    rate = len(ids) / (finished - started)
    burst = latencies(ids)
    print(f"burst: {len(ids):,} mails read in {finished - started:.1f}s; machine load {os.getloadavg()[0]:.1f}")

    # 2. Steady arrivals, each stored and queued alone (no batching), well below capacity.
    interval = STEADY_INTERVAL_S
    steady_ids = []
    next_at = time.monotonic()
    for raw in steady_mails:
        next_at += interval
        (mail_id,) = store(account, [raw])
        read_mail.apply_async(args=[[mail_id]], queue=QUEUE)
        steady_ids.append(mail_id)
        time.sleep(max(0.0, next_at - time.monotonic()))
    wait_read(steady_ids)
    steady = latencies(steady_ids)
finally:
    worker.terminate()
    worker.wait(timeout=60)

problems = InboundMail.objects.filter(account=account, status=MailStatus.PROBLEM).count()
figure("mails", MAILS + STEADY)
figure("cases", Case.objects.filter(account=account).count())
figure("problems", problems)
figure("burst_p50_arrival_to_queue_s", median(burst))
figure("burst_p95_arrival_to_queue_s", percentile(burst, 95))
figure("steady_rate_per_s", 1 / STEADY_INTERVAL_S)
figure("p50_arrival_to_queue_s", median(steady))
figure("p95_arrival_to_queue_s", percentile(steady, 95))
figure("cpu_ms_per_mail", cpu_per_mail * 1000)
figure("cpu_bound_messages_per_s", 1 / cpu_per_mail)
figure("messages_per_s", rate)

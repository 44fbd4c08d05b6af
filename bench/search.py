"""The header's search at 1,000,000 cases and 3,000,000 messages over 5 seller accounts.

Seeds (in SQL, fast) orders, cases and the search rows the indexer writes for them — the order
id, the buyer (name and relay address), the subject, and three messages a case (buyer, reply,
buyer), in each account's language (English, German, French, Italian) — through the table's
trigger, as production's rows are. Then times the search page server-side through Django's full
request cycle for three kinds of query, each request a different value: a partial order id (its
last seven digits), a buyer's full name, and a two-word phrase from the messages. Prints the
plans of the page's reads of the newest matching rows, then the figures.

    DATABASE_URL=postgres://postgres@127.0.0.1/sellerdesk_bench .venv/bin/python bench/search.py [--scale 0.01]
"""

import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.common import figure, median, orders_insert, percentile, setup  # noqa: E402

args = setup(__doc__)

from django.contrib.auth import get_user_model  # noqa: E402  (Django is set up by setup())
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from helpdesk.models import Case, Membership, SearchDocument, SellerAccount  # noqa: E402
from helpdesk.search import ROWS_READ, search_backend  # noqa: E402

CASES = int(1_000_000 * args.scale)
MESSAGES_PER_CASE = 3
REQUESTS = 40  # per kind of query
MARKETS = ["US", "DE", "GB", "FR", "IT"]
FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph "
    "Jessica Thomas Sarah Charles Karen Lukas Emma Leon Mia Finn Hannah Jonas Lea Elias Lena Louis Chloe Hugo "
    "Camille Jules Manon Luca Giulia Marco Chiara Matteo Sofia Priya Arjun Chen Wei Yuki Haruto Omar Fatima"
).split()
LAST = [
    f"{a}{b}"
    for a in "Ander Bauer Costa Dubois Eriks Fischer Garcia Hoff Ivan Jansen Kowal Lopez Moreau Novak".split()
    for b in ["", "son", "mann", "ini", "ez", "berg", "ton", "ard", "ski", "elli", "ova", "er", "ley", "ich"]
]
WORDS = {
    "english": (
        "order parcel package delivery arrived broken damaged missing late refund return replacement tracking "
        "number box item wrong size colour color zipper handle strap lid bottle tent lamp mat battery charger "
        "cable screen button leak crack scratch dent stain smell noise stopped working instructions manual "
        "warranty invoice receipt address courier driver doorstep neighbour weekend monday friday yesterday "
        "today tomorrow week please thanks hello sorry help asap urgent again still never already soon"
    ).split(),
    "german": (
        "Bestellung Paket Lieferung angekommen kaputt beschädigt fehlt verspätet Rückerstattung Rücksendung "
        "Ersatz Sendungsverfolgung Nummer Karton Artikel falsche Größe Farbe Reißverschluss Griff Deckel Flasche "
        "Zelt Lampe Matte Akku Ladegerät Kabel Knopf undicht Riss Kratzer Delle Fleck Geruch funktioniert nicht "
        "mehr Anleitung Garantie Rechnung Adresse Zusteller Nachbar Wochenende gestern heute morgen bitte danke"
    ).split(),
    "french": (
        "commande colis livraison arrivé cassé endommagé manquant retard remboursement retour remplacement suivi "
        "numéro carton article mauvaise taille couleur fermeture poignée couvercle bouteille tente lampe tapis "
        "batterie chargeur câble bouton fuite fissure rayure tache odeur fonctionne plus notice garantie facture "
        "adresse livreur voisin weekend hier aujourd'hui demain merci bonjour désolé urgent encore toujours"
    ).split(),
    "italian": (
        "ordine pacco consegna arrivato rotto danneggiato mancante ritardo rimborso reso sostituzione tracciamento "
        "numero scatola articolo sbagliata taglia colore cerniera manico coperchio bottiglia tenda lampada "
        "materassino batteria caricatore cavo pulsante perdita crepa graffio macchia odore funziona più manuale "
        "garanzia fattura indirizzo corriere vicino weekend ieri oggi domani grazie ciao scusa urgente ancora"
    ).split(),
}
CONFIG = {"US": "english", "GB": "english", "DE": "german", "FR": "french", "IT": "italian"}
User = get_user_model()


def seed() -> list[int]:
    accounts = [
        SellerAccount.objects.get_or_create(
            slug=f"search-{n}",
            defaults={"name": f"Search {n}", "merchant_id": f"ASEARCH{n:07d}", "marketplace": MARKETS[n]},
        )[0]
        for n in range(len(MARKETS))
    ]
    ids = [a.id for a in accounts]
    me, _ = User.objects.get_or_create(username="bench-search", defaults={"first_name": "Bench"})
    for account in accounts:
        Membership.objects.get_or_create(user=me, account=account, defaults={"role": "manager"})
    if Case.objects.filter(account_id__in=ids).count() >= CASES:
        print(f"reusing {Case.objects.filter(account_id__in=ids).count():,} seeded cases")
        return ids
    started = time.perf_counter()
    with connection.cursor() as cursor:
        orders_insert(cursor, accounts=ids, count=CASES, days=90, prefix="5")
        # Buyers: 50 first names x 196 last names; the order's name becomes the case's.
        cursor.execute(
            """
            UPDATE helpdesk_order SET buyer_name = (%(first)s::text[])[1 + id %% cardinality(%(first)s::text[])]
                || ' ' || (%(last)s::text[])[1 + (id / cardinality(%(first)s::text[])) %% cardinality(%(last)s::text[])]
            WHERE account_id = ANY(%(accounts)s)
            """,
            {"first": FIRST, "last": LAST, "accounts": ids},
        )
        cursor.execute(
            """
            INSERT INTO helpdesk_case (account_id, kind, order_id, amazon_order_id, subject, buyer_name, status,
                priority, opened_at, updated_at)
            SELECT o.account_id, 'message', o.id, o.amazon_order_id, 'Inquiry about order ' || o.amazon_order_id,
                   o.buyer_name, CASE WHEN o.id %% 5 = 0 THEN 'open' ELSE 'closed' END, 1, o.purchase_date, now()
            FROM helpdesk_order o WHERE o.account_id = ANY(%(accounts)s)
            """,
            {"accounts": ids},
        )
        print(f"seeded {CASES:,} orders and cases in {time.perf_counter() - started:.1f}s", flush=True)
        for account in accounts:
            config = CONFIG[account.marketplace]
            cursor.execute(
                """
                INSERT INTO helpdesk_searchdocument (account_id, case_id, source, label, config, text, at)
                SELECT c.account_id, c.id, d.source, d.label, %(config)s, d.text, c.opened_at
                FROM helpdesk_case c JOIN helpdesk_order o ON o.id = c.order_id
                CROSS JOIN LATERAL (VALUES ('order', 'Order', c.amazon_order_id),
                                           ('buyer', 'Buyer', c.buyer_name || ' ' || o.buyer_email),
                                           ('subject', 'Subject', c.subject)) AS d (source, label, text)
                WHERE c.account_id = %(account)s
                """,
                {"config": config, "account": account.id},
            )
            cursor.execute(
                """
                INSERT INTO helpdesk_searchdocument (account_id, case_id, source, label, config, text, at)
                SELECT c.account_id, c.id, CASE WHEN m %% 2 = 0 THEN 'message.out' ELSE 'message.in' END,
                       CASE WHEN m %% 2 = 0 THEN 'Our reply' ELSE 'Buyer message' END, %(config)s,
                       (SELECT string_agg((%(words)s::text[])[1 + ((c.id * 7919 + m * 104729 + w * 15485863)
                                          %% cardinality(%(words)s::text[]))], ' ')
                        FROM generate_series(1, 12 + (c.id + m) %% 20) AS w),
                       c.opened_at + m * interval '3 hours'
                FROM helpdesk_case c CROSS JOIN generate_series(1, %(per_case)s) AS m
                WHERE c.account_id = %(account)s
                """,
                {"config": config, "words": WORDS[config], "per_case": MESSAGES_PER_CASE, "account": account.id},
            )
            print(f"seeded {account.slug}'s messages in {time.perf_counter() - started:.1f}s", flush=True)
        # As autovacuum does after a bulk load: merges the GIN index's pending list and takes statistics.
        cursor.execute("VACUUM ANALYZE helpdesk_searchdocument")
        cursor.execute("ANALYZE helpdesk_case; ANALYZE helpdesk_order")
    print(f"seeded everything in {time.perf_counter() - started:.1f}s", flush=True)
    return ids


account_ids = seed()
me = User.objects.get(username="bench-search")
client = Client(HTTP_HOST="localhost")
client.force_login(me)
rng = random.Random(7)
cases = list(
    Case.objects.filter(account_id__in=account_ids).order_by("?").values_list("amazon_order_id", "buyer_name")[:500]
)
english = WORDS["english"]
QUERIES = {
    "order": [order_id[-7:] for order_id, _ in cases],  # the last seven digits
    "buyer": [name for _, name in cases],
    "phrase": [f"{rng.choice(english)} {rng.choice(english)}" for _ in range(500)],
}

documents = SearchDocument.objects.filter(account_id__in=account_ids)
for kind, values in QUERIES.items():
    with CaptureQueriesContext(connection) as reads:
        search_backend(values[0], account_ids).newest(documents, ROWS_READ + 1)
    for read in reads.captured_queries:
        if not read["sql"].startswith("SELECT") or "helpdesk_searchdocument" not in read["sql"]:
            continue  # the accounts' languages, the parse, the setting around the collecting read
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + read["sql"])
            plan = "\n    ".join(row[0] for row in cursor.fetchall())
        print(f"plan ({kind}: {values[0]!r}):\n    {plan}")

results: dict[str, list[float]] = {}
queries = {}
for kind, values in QUERIES.items():
    client.get("/search/?" + urlencode({"q": values[-1]}), secure=True)  # warm up
    times = []
    for value in values[:REQUESTS]:
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get("/search/?" + urlencode({"q": value}), secure=True)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (value, response.status_code)
        queries[kind] = len(ctx.captured_queries)
    results[kind] = times
    hits = response.content.decode().count('data-testid="search-hit"')
    print(
        f"{kind}: median {median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, {queries[kind]} queries, "
        f"last query {value!r}: {hits} cases shown"
    )

figure("cases", Case.objects.filter(account_id__in=account_ids).count())
figure("search_rows", SearchDocument.objects.filter(account_id__in=account_ids).count())
for kind, times in results.items():
    figure(f"search_p95_ms_{kind}", percentile(times, 95))
figure("search_p95_ms", percentile([t for times in results.values() for t in times], 95))
figure("queries_per_page", max(queries.values()))

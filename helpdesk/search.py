"""The header's search box: cases found by what anyone said or recorded about them.

Reads `helpdesk.SearchDocument` (written by `helpdesk.services.search` from the core and every
app's registered `search` source), scoped to the user's accounts, grouped by case, newest match
first, with the matching words highlighted.

A page costs about the same however many rows match: it reads the newest ROWS_READ matching rows
only, groups them into cases in Python (up to PAGE_SIZE), and its "Older results" link carries the
position of the last row it read (`Position`); the next page reads the older rows of cases not yet
shown. On PostgreSQL the newest rows are read in two steps (`FullTextSearch.newest`): a walk of the
newest WALK_DEPTH rows (`searchdocument_newest`), which finds words that are everywhere in a few
hundred rows; and only when those hold too few matches, every match the GIN (or trigram) index
names, which are then few. The planner does not choose between them: its guess of how many rows
two words share is often far off either way, and a wrong guess reads every match or the whole table.

Two ways of matching, chosen by the database:
- **PostgreSQL** (`FullTextSearch`): each row's `tsv` holds its words stemmed in its account's
  language (`helpdesk.marketplaces.SEARCH_CONFIG`); a query is parsed with every language of the
  user's accounts plus `simple` (names, SKUs and relay addresses as typed), each distinct parse
  matched against the rows of the languages that gave it, the `simple` one against every row
  (`FullTextSearch`). When the words as typed find nothing,
  a one-word query is tried as the start of a word ("Henr" finds "Henrietta": `'henr':*`). Amazon
  order ids, whole or in part (3 characters or more of digits and dashes), match the order rows by
  substring through a trigram index. PostgreSQL's `ts_headline` marks the matches, stems included.
- **Elsewhere** (the embedded SQLite run, `SimpleSearch`): a row matches when it contains every
  word of the query, case-insensitively (ASCII letters only: SQLite's LIKE), which finds a word's
  start too, and the words are marked as written.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import reduce

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchHeadline, SearchQueryField
from django.db import connection, transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, Func, Max, OuterRef, Q, QuerySet, Value, Window
from django.db.models.functions import Cast, RowNumber
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from helpdesk.marketplaces import SEARCH_CONFIG
from helpdesk.models import Case, SearchDocument, SellerAccount
from helpdesk.models.search import ORDER_SOURCE
from helpdesk.roles import Role
from helpdesk.selectors import account_ids_for

PAGE_SIZE = 25
ROWS_READ = PAGE_SIZE  # matching rows read for a page, newest first (and one more: is there an older?)
WALK_DEPTH = 5_000  # newest rows a page walks at most before reading every match the text indexes name
SNIPPETS_PER_CASE = 3
QUERY_MAX = 200  # characters of a query that are read
EXCERPT = 240  # characters of text shown around a match when the database does not choose them
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # never in indexed text (services.search strips them)
ORDER_FRAGMENT = re.compile(r"^[0-9][0-9-]{2,18}$")
WORD = re.compile(r"[^\s\"]+")
WORD_START = re.compile(r"[^\W\d_]\w{2,}")
POSITION = re.compile(r"(\d{1,17})\.(\d{1,18})(\.w)?")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def query_terms(text: str) -> list[str]:
    """The words of a query, as the highlighter and the simple matcher read it: quotes, "or" and
    websearch's "-" (not) dropped."""
    words = WORD.findall(text[:QUERY_MAX])
    return [w for w in words if w.lower() != "or" and not w.startswith("-")][:10]


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, with every case-insensitive occurrence of a term in <mark>."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def from_markers(marked: str) -> SafeString:
    """A headline whose matches are between MARK_OPEN and MARK_CLOSE, escaped, with <mark> tags."""
    out = []
    for i, part in enumerate(re.split(f"[{MARK_OPEN}{MARK_CLOSE}]", marked)):
        out.append(f"<mark>{escape(part)}</mark>" if i % 2 else escape(part))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def excerpt(text: str, terms: list[str], width: int = EXCERPT) -> str:
    """About `width` characters of `text` around its first match."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    hits = [i for i in (lowered.find(t.lower()) for t in terms) if i >= 0]
    start = max(0, min(hits, default=0) - width // 3)
    piece = text[start : start + width]
    return ("… " if start else "") + piece + (" …" if start + width < len(text) else "")


def _order_match(text: str) -> Q | None:
    fragment = text.strip()
    if ORDER_FRAGMENT.match(fragment):
        return Q(source=ORDER_SOURCE, text__contains=fragment)
    return None


def word_start(text: str) -> str:
    """The query when it is one word that may be the start of a longer one (three characters or
    more, the first a letter), else "". Only then is it widened: the text index cannot tell which
    rows hold a word's start, so with other words it reads every row holding those."""
    return text.strip() if WORD_START.fullmatch(text.strip()) else ""


@dataclass(frozen=True)
class Position:
    """Where a page of results stops: its last match read (a page's cases are those whose newest
    match is older), and whether the query was widened to word starts."""

    at: datetime
    id: int
    widened: bool = False

    def __str__(self) -> str:
        micros = (self.at - EPOCH) // timedelta(microseconds=1)
        return f"{micros}.{self.id}{'.w' if self.widened else ''}"

    @classmethod
    def read(cls, value: str) -> "Position | None":
        """The position a `before` link carries, or None (the first page) for anything else."""
        found = POSITION.fullmatch(value or "")
        if found is None:
            return None
        at = EPOCH + timedelta(microseconds=int(found.group(1)))
        return cls(at, int(found.group(2)), bool(found.group(3)))


def after(matches: QuerySet[SearchDocument], before: Position | None) -> QuerySet[SearchDocument]:
    """The matches a page from `before` on may show: older than it, of cases with no match at or
    after it (those were on the pages before)."""
    if before is None:
        return matches
    older = Q(at__lt=before.at) | Q(at=before.at, id__lt=before.id)
    shown = matches.filter(~older, case_id=OuterRef("case_id"))
    return matches.filter(older, at__lte=before.at).exclude(Exists(shown))


def newest(matches: QuerySet[SearchDocument], limit: int) -> list[tuple[int, int, datetime]]:
    """The newest `limit` matches as (id, case id, time), in one query (the embedded run's way)."""
    return list(matches.order_by("-at", "-id").values_list("id", "case_id", "at")[:limit])


def newest_walked(
    matches: QuerySet[SearchDocument], limit: int, before: Position | None = None, *, depth: int = WALK_DEPTH
) -> list[tuple[int, int, datetime]]:
    """The newest `limit` matches among the `depth` newest rows from `before` on (of every account:
    the bound caps the work), read by walking `searchdocument_newest` until `limit` match. The
    rows come from a subquery with its own LIMIT, which the planner cannot turn into a GIN scan
    of every match, whatever it guesses of how many rows match."""
    window = SearchDocument.objects.filter(at__lte=before.at) if before is not None else SearchDocument.objects
    window_sql, window_params = window.order_by("-at", "-id")[:depth].query.sql_with_params()
    sql, params = matches.order_by("-at", "-id").values_list("id", "case_id", "at")[:limit].query.sql_with_params()
    table = f'FROM "{SearchDocument._meta.db_table}"'
    sql = sql.replace(table, f"FROM ({window_sql}) AS {table[5:]}", 1)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*window_params, *params])
        return cursor.fetchall()


def newest_collected(matches: QuerySet[SearchDocument], limit: int) -> list[tuple[int, int, datetime]]:
    """The newest `limit` of every match the GIN and trigram indexes name: for words too rare
    among the newest rows. `OFFSET 0` keeps the planner from walking the newest rows instead, and
    sequential scans are off: taking two common words for often together, it would read the table
    for the few rows that hold both."""
    sql, params = matches.order_by().values_list("id", "case_id", "at").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"SELECT * FROM ({sql} OFFSET 0) AS m ORDER BY 3 DESC, 1 DESC LIMIT %s", [*params, limit])
        rows = cursor.fetchall()
        cursor.execute("RESET enable_seqscan")
    return rows


class SimpleSearch:
    """Any database: every word of the query, contained case-insensitively (so a word's start
    finds it already: nothing to widen)."""

    def __init__(self, text: str) -> None:
        self.terms = query_terms(text)

    def condition(self) -> Q | None:
        return reduce(lambda q, term: q & Q(text__icontains=term), self.terms, Q()) if self.terms else None

    def matching(self, documents: QuerySet[SearchDocument]) -> QuerySet[SearchDocument]:
        condition = self.condition()
        return documents.none() if condition is None else documents.filter(condition)

    def widened(self) -> None:
        return None

    def newest(
        self, documents: QuerySet[SearchDocument], limit: int, before: Position | None = None
    ) -> list[tuple[int, int, datetime]]:
        return newest(after(self.matching(documents), before), limit)

    def snippets(self, documents: QuerySet[SearchDocument]) -> QuerySet[SearchDocument]:
        return documents

    def snippet(self, row: dict) -> SafeString:
        return highlight(excerpt(row["text"], self.terms), self.terms)


class _Matches(Func):
    """`tsv @@ query` for a tsquery given as text."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


# The query parsed in each language (most words parse alike in several languages: each distinct parse
# is matched once), and a one-word query as the start of a word (`'henr':*`), unstemmed: the start
# of a word is no word a stemmer knows.
PARSE = """
SELECT c::text, websearch_to_tsquery(c, %(text)s)::text,
       CASE WHEN %(start)s = '' THEN '' ELSE to_tsquery('simple', %(prefix)s)::text END
FROM unnest(%(configs)s::regconfig[]) AS c
"""


def _either(parses: set[str]) -> str:
    return " | ".join(f"( {p} )" for p in sorted(p for p in parses if p))


@dataclass(frozen=True)
class FullTextSearch:
    """PostgreSQL: the row's language-stemmed words against the query parsed in every language of
    the user's accounts and `simple`. A language's parse is matched against that language's rows
    only: it drops the language's stop words, so elsewhere it would match too much ("Barbara
    Anderer" parsed in German is 'barbara' alone: "anderer" is a German stop word). The `simple`
    parse, the words as typed, is matched against every row."""

    text: str
    parses: tuple[tuple[str, tuple[str, ...]], ...]  # (tsquery, the row languages it is for; () = every row)
    prefixed: str  # a one-word query as the start of a word, or ""

    @classmethod
    def parsed(cls, text: str, configs: list[str]) -> "FullTextSearch":
        text = text[:QUERY_MAX]
        start = word_start(text)
        params = {"text": text, "start": start, "prefix": f"'{start}':*", "configs": configs}
        with connection.cursor() as cursor:
            cursor.execute(PARSE, params)
            rows = cursor.fetchall()
        languages: dict[str, set[str]] = {}
        for config, parse, _ in rows:
            if parse:
                languages.setdefault(parse, set()).add(config)
        parses = tuple(
            (parse, () if "simple" in found else tuple(sorted(found))) for parse, found in sorted(languages.items())
        )
        return cls(text, parses, _either({r[2] for r in rows}))

    @property
    def tsquery(self) -> str:
        """Every parse in one tsquery (for marking the matches): "" when none holds a word."""
        return _either({parse for parse, _ in self.parses})

    def _query(self) -> Cast:
        return Cast(Value(self.tsquery), SearchQueryField())

    def condition(self) -> Q | None:
        conditions = []
        for parse, languages in self.parses:
            matches = Q(_Matches(F("tsv"), Cast(Value(parse), SearchQueryField())))
            conditions.append(matches & Q(config__in=languages) if languages else matches)
        order = _order_match(self.text)
        if order is not None:
            conditions.append(order)
        return reduce(lambda a, b: a | b, conditions) if conditions else None

    def matching(self, documents: QuerySet[SearchDocument]) -> QuerySet[SearchDocument]:
        condition = self.condition()
        return documents.none() if condition is None else documents.filter(condition)

    def widened(self) -> "FullTextSearch | None":
        """A one-word query taken as the start of a word ("Henr" finds "Henrietta"), in every row."""
        return replace(self, parses=((self.prefixed, ()),), prefixed="") if self.prefixed else None

    def newest(
        self, documents: QuerySet[SearchDocument], limit: int, before: Position | None = None
    ) -> list[tuple[int, int, datetime]]:
        """The newest `limit` matches from `before` on, reading about the same rows however many
        match: among the newest rows when enough are there, else from all the index names."""
        matches = after(self.matching(documents), before)
        if matches.query.is_empty():
            return []
        rows = newest_walked(matches, limit, before)
        return rows if len(rows) == limit else newest_collected(matches, limit)

    def snippets(self, documents: QuerySet[SearchDocument]) -> QuerySet[SearchDocument]:
        return documents.annotate(
            headline=SearchHeadline(
                "text",
                self._query(),
                config=F("config"),
                start_sel=MARK_OPEN,
                stop_sel=MARK_CLOSE,
                max_fragments=2,
                min_words=8,
                max_words=30,
                fragment_delimiter=" … ",
            )
        )

    def snippet(self, row: dict) -> SafeString:
        if row["source"] == ORDER_SOURCE:  # a substring match, which ts_headline does not see
            return highlight(row["text"], [self.text.strip()])
        return from_markers(row["headline"])


def search_backend(text: str, account_ids: list[int]) -> SimpleSearch | FullTextSearch:
    """`text` made ready to match on this database, in the languages of these accounts."""
    if connection.vendor != "postgresql":
        return SimpleSearch(text)
    marketplaces = SellerAccount.objects.filter(id__in=account_ids).values_list("marketplace", flat=True)
    configs = {SEARCH_CONFIG.get(m, "simple") for m in marketplaces} | {"simple"}
    return FullTextSearch.parsed(text, sorted(configs))


@dataclass(frozen=True)
class Snippet:
    label: str
    html: SafeString
    at: datetime


@dataclass(frozen=True)
class SearchHit:
    case: Case
    last_at: datetime
    snippets: list[Snippet]


@dataclass(frozen=True)
class SearchPage:
    query: str
    hits: list[SearchHit]
    before: Position | None  # where this page starts (None: the newest)
    more: Position | None  # where the next page starts, when there are older matches


def _page(rows: list[tuple[int, int, datetime]], widened: bool) -> tuple[dict[int, datetime], Position | None]:
    """The cases of a page (up to PAGE_SIZE, each at its newest match) from the rows read, and where
    the next page starts (None: nothing older matches)."""
    cases: dict[int, datetime] = {}
    read = 0
    for _, case_id, at in rows[:ROWS_READ]:
        if case_id not in cases:
            if len(cases) == PAGE_SIZE:
                break
            cases[case_id] = at
        read += 1
    if read == len(rows):
        return cases, None
    last_id, _, last_at = rows[read - 1]
    return cases, Position(last_at, last_id, widened)


def search_cases(user: AbstractBaseUser, text: str, *, before: Position | None = None) -> SearchPage:
    """A page of cases matching `text`, newest match first, from `before` on, each with its newest
    matching texts highlighted, in a few queries whatever the page holds (more when the newest rows
    hold too few matches, and again when nothing matches a one-word query as typed and it is tried
    as the start of a longer word). A page reads at most ROWS_READ matching rows, so it shows fewer
    than PAGE_SIZE cases when they match several times each; the next page goes on from there."""
    text = text.strip()[:QUERY_MAX]
    if not query_terms(text):
        return SearchPage(query=text, hits=[], before=None, more=None)
    account_ids = account_ids_for(user)
    backend = search_backend(text, account_ids)
    documents = SearchDocument.objects.filter(account_id__in=account_ids)
    wider = backend.widened()
    widened = before is not None and before.widened and wider is not None
    if widened:
        backend = wider
    rows = backend.newest(documents, ROWS_READ + 1, before)
    if not rows and before is None and wider is not None:
        backend, widened = wider, True
        rows = backend.newest(documents, ROWS_READ + 1)
    found, more = _page(rows, widened)
    ids = list(found)
    cases = Case.objects.select_related("account", "order", "assignee").in_bulk(ids)
    # Each shown case's newest matches: its rows read by case (the match a column, not a condition,
    # which the planner would serve from the text index and so read every match), matches first.
    hit = ExpressionWrapper(backend.condition() or Q(pk__in=[]), output_field=BooleanField())
    ranked = (
        documents.filter(case_id__in=ids)
        .annotate(hit=hit)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("case_id")], order_by=[F("hit").desc(), F("at").desc(), F("id").desc()]
            )
        )
    )
    shown = backend.snippets(
        SearchDocument.objects.filter(id__in=ranked.filter(rank__lte=SNIPPETS_PER_CASE).values("id")).annotate(hit=hit)
    )
    fields = ["case_id", "source", "label", "at", "text", "hit"]
    if isinstance(backend, FullTextSearch):
        fields.append("headline")
    snippets: dict[int, list[Snippet]] = {}
    for row in shown.values(*fields).order_by("case_id", "-at", "-id"):
        if row["hit"]:
            snippets.setdefault(row["case_id"], []).append(Snippet(row["label"], backend.snippet(row), row["at"]))
    hits = [SearchHit(cases[i], at, snippets.get(i, [])) for i, at in found.items() if i in cases]
    return SearchPage(query=text, hits=hits, before=before, more=more)


def _grouped(matches: QuerySet[SearchDocument]) -> QuerySet:
    """One row per case: its id and its newest match, newest first (every match read: for the export)."""
    return matches.values("case_id").annotate(last_at=Max("at")).order_by("-last_at", "-case_id")


def search_export_rows(user: AbstractBaseUser, text: str, *, chunk_size: int = 2000) -> Iterator[Case]:
    """Every case of the user's managed accounts matching `text` (as the page matches it: a word's
    start when one word as typed finds nothing), newest match first, streamed: one
    query per `chunk_size` cases (the matches are read with a server-side cursor)."""
    text = text.strip()[:QUERY_MAX]
    if not query_terms(text):
        return
    account_ids = account_ids_for(user, min_role=Role.MANAGER)
    backend = search_backend(text, account_ids)
    documents = SearchDocument.objects.filter(account_id__in=account_ids)
    matches = backend.matching(documents)
    wider = backend.widened()
    if wider is not None and not matches.exists():
        matches = wider.matching(documents)
    batch: list[int] = []

    def cases(ids: list[int]) -> Iterator[Case]:
        found = Case.objects.select_related("account", "order", "assignee").in_bulk(ids)
        yield from (found[i] for i in ids if i in found)

    for group in _grouped(matches).iterator(chunk_size=chunk_size):
        batch.append(group["case_id"])
        if len(batch) == chunk_size:
            yield from cases(batch)
            batch = []
    if batch:
        yield from cases(batch)

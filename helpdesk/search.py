"""The header's search box: cases found by what anyone said or recorded about them.

Reads `helpdesk.SearchDocument` (written by `helpdesk.services.search` from the core and every
app's registered `search` source), scoped to the user's accounts, grouped by case, newest match
first, with the matching words highlighted.

Two ways of matching, chosen by the database:
- **PostgreSQL** (`FullTextSearch`): each row's `tsv` holds its words stemmed in its account's
  language (`helpdesk.marketplaces.SEARCH_CONFIG`); a query is parsed with every language of the
  user's accounts plus `simple` (names, SKUs and relay addresses as typed) and the parses are
  OR-ed, so one GIN index scan serves every language. Amazon order ids, whole or in part (3
  characters or more of digits and dashes), match the order rows by substring through a trigram
  index. PostgreSQL's `ts_headline` marks the matches, stems included.
- **Elsewhere** (the embedded SQLite run, `SimpleSearch`): a row matches when it contains every
  word of the query, case-insensitively (ASCII letters only: SQLite's LIKE), and the words are
  marked as written.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import reduce

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import F, Max, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from helpdesk.marketplaces import SEARCH_CONFIG
from helpdesk.models import Case, SearchDocument, SellerAccount
from helpdesk.models.search import ORDER_SOURCE
from helpdesk.roles import Role
from helpdesk.selectors import account_ids_for

PAGE_SIZE = 25
SNIPPETS_PER_CASE = 3
QUERY_MAX = 200  # characters of a query that are read
EXCERPT = 240  # characters of text shown around a match when the database does not choose them
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # never in indexed text (services.search strips them)
ORDER_FRAGMENT = re.compile(r"^[0-9][0-9-]{2,18}$")
WORD = re.compile(r"[^\s\"]+")


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


class SimpleSearch:
    """Any database: every word of the query, contained case-insensitively."""

    def matching(self, documents: QuerySet[SearchDocument], text: str) -> QuerySet[SearchDocument]:
        terms = query_terms(text)
        if not terms:
            return documents.none()
        return documents.filter(reduce(lambda q, term: q & Q(text__icontains=term), terms, Q()))

    def snippets(self, documents: QuerySet[SearchDocument], text: str) -> QuerySet[SearchDocument]:
        return documents

    def snippet(self, row: dict, text: str) -> SafeString:
        terms = query_terms(text)
        return highlight(excerpt(row["text"], terms), terms)


class FullTextSearch:
    """PostgreSQL: the row's language-stemmed words against the query parsed in every language."""

    def __init__(self, configs: list[str]) -> None:
        self.configs = configs

    def tsquery(self, text: str) -> SearchQuery:
        text = text[:QUERY_MAX]
        parses = [SearchQuery(text, config=config, search_type="websearch") for config in self.configs]
        return reduce(lambda a, b: a | b, parses)

    def matching(self, documents: QuerySet[SearchDocument], text: str) -> QuerySet[SearchDocument]:
        if not query_terms(text):
            return documents.none()
        condition = Q(tsv=self.tsquery(text))
        order = _order_match(text)
        return documents.filter(condition | order if order is not None else condition)

    def snippets(self, documents: QuerySet[SearchDocument], text: str) -> QuerySet[SearchDocument]:
        return documents.annotate(
            headline=SearchHeadline(
                "text",
                self.tsquery(text),
                config=F("config"),
                start_sel=MARK_OPEN,
                stop_sel=MARK_CLOSE,
                max_fragments=2,
                min_words=8,
                max_words=30,
                fragment_delimiter=" … ",
            )
        )

    def snippet(self, row: dict, text: str) -> SafeString:
        if row["source"] == ORDER_SOURCE:  # a substring match, which ts_headline does not see
            return highlight(row["text"], [text.strip()])
        return from_markers(row["headline"])


def search_backend(account_ids: list[int]) -> SimpleSearch | FullTextSearch:
    if connection.vendor != "postgresql":
        return SimpleSearch()
    marketplaces = SellerAccount.objects.filter(id__in=account_ids).values_list("marketplace", flat=True)
    configs = {SEARCH_CONFIG.get(m, "simple") for m in marketplaces} | {"simple"}
    return FullTextSearch(sorted(configs))


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
    page: int
    has_next: bool


def search_matches(
    user: AbstractBaseUser, text: str, *, min_role: str = Role.AGENT
) -> tuple[QuerySet[SearchDocument], SimpleSearch | FullTextSearch]:
    """The search rows of the user's accounts that match `text`, and the backend that matched them."""
    account_ids = account_ids_for(user, min_role=min_role)
    backend = search_backend(account_ids)
    documents = SearchDocument.objects.filter(account_id__in=account_ids)
    return backend.matching(documents, text), backend


def _grouped(matches: QuerySet[SearchDocument]) -> QuerySet:
    """One row per case: its id and its newest match, newest first."""
    return matches.values("case_id").annotate(last_at=Max("at")).order_by("-last_at", "-case_id")


def search_cases(user: AbstractBaseUser, text: str, *, page: int = 1) -> SearchPage:
    """One page of cases matching `text`, newest match first, each with its newest matching
    texts highlighted: four queries, whatever the page holds."""
    text = text.strip()[:QUERY_MAX]
    if not query_terms(text):
        return SearchPage(query=text, hits=[], page=1, has_next=False)
    matches, backend = search_matches(user, text)
    start = (page - 1) * PAGE_SIZE
    groups = list(_grouped(matches)[start : start + PAGE_SIZE + 1])
    shown = groups[:PAGE_SIZE]
    ids = [g["case_id"] for g in shown]
    cases = Case.objects.select_related("account", "order", "assignee").in_bulk(ids)
    ranked = backend.snippets(
        matches.filter(case_id__in=ids).annotate(
            rank=Window(RowNumber(), partition_by=[F("case_id")], order_by=[F("at").desc(), F("id").desc()])
        ),
        text,
    ).filter(rank__lte=SNIPPETS_PER_CASE)
    fields = ["case_id", "source", "label", "at", "text"]
    if isinstance(backend, FullTextSearch):
        fields.append("headline")
    snippets: dict[int, list[Snippet]] = {}
    for row in ranked.values(*fields).order_by("case_id", "-at", "-id"):
        snippets.setdefault(row["case_id"], []).append(Snippet(row["label"], backend.snippet(row, text), row["at"]))
    hits = [
        SearchHit(cases[g["case_id"]], g["last_at"], snippets.get(g["case_id"], []))
        for g in shown
        if g["case_id"] in cases
    ]
    return SearchPage(query=text, hits=hits, page=page, has_next=len(groups) > PAGE_SIZE)


def search_export_rows(user: AbstractBaseUser, text: str, *, chunk_size: int = 2000) -> Iterator[Case]:
    """Every case of the user's managed accounts matching `text`, newest match first, streamed:
    one query per `chunk_size` cases (the matches are read with a server-side cursor)."""
    text = text.strip()[:QUERY_MAX]
    if not query_terms(text):
        return
    matches, _ = search_matches(user, text, min_role=Role.MANAGER)
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

"""The header's search box: every field it finds a case by, partial order ids, each account's
language, scoping, highlighting, the SQLite path, the index kept current, and its query count."""

import html
import re
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.services import feedback_create
from helpdesk import search as search_module
from helpdesk.models import Case, SearchDocument, SearchPending
from helpdesk.search import SimpleSearch, from_markers, highlight, search_cases
from helpdesk.services.retention import personal_data_purge
from helpdesk.services.search import search_pending_mark
from helpdesk.tasks import index_search
from messaging.models import Direction
from messaging.outbound.services import entry_add, reply_queue
from tests.factories import OrderFactory
from tests.outbound.helpers import ORDER_ID, RELAY

from .conftest import ask, index


def found(user, text: str) -> list[int]:
    return [hit.case.id for hit in search_cases(user, text).hits]


class TestFields:
    @pytest.fixture
    def case(self, account, order, agent):
        conversation = ask(account, "The flask arrived dented, can I get a replacement please?")
        case = conversation.case
        entry_add(case=case, direction=Direction.NOTE, body="Warehouse confirms a batch of crushed boxes", author=agent)
        first = conversation.messages.get(direction=Direction.IN)
        reply_queue(
            case=case,
            author=agent,
            body="We are sorry, a new flask is on its way to you today.",
            key="k-1",
            seen_message_id=first.id,
        )
        index()
        return case

    @pytest.mark.parametrize(
        "text",
        [
            ORDER_ID,  # the whole order id
            "7863528",  # its middle part
            "114-786",  # its start
            "Cathy Buyer",  # the buyer's name (the order's)
            RELAY,  # the relay address
            "B07QK2SPP4",  # the ASIN
            "BTL-750-BLK",  # the SKU
            "insulated flask",  # words of the product's title
            "dented replacement",  # the buyer's words
            "crushed boxes",  # our note
            "new flask on its way",  # our reply
        ],
    )
    def test_finds_the_case_by(self, agent, case, text):
        assert found(agent, text) == [case.id]

    def test_words_no_text_holds_find_nothing(self, agent, case):
        assert found(agent, "umbrella") == []
        assert found(agent, "99") == []  # two digits are too few for an order id

    def test_a_feedback_comment(self, agent, account):
        OrderFactory(account=account, amazon_order_id="114-1111111-2222222")
        feedback = feedback_create(
            account=account,
            amazon_order_id="114-1111111-2222222",
            date=date.today() - timedelta(days=2),
            rating=1,
            comments="Seller never answered my emails",
        )
        index()

        assert found(agent, "never answered") == [feedback.case_id]


def test_stems_in_the_accounts_language(agent, account, german):
    """A German account's text is stemmed in German: the singular finds the plural. The same words
    in an American account are stemmed in English, and the inflection does not find them."""
    de = ask(german, "Die Rücksendungen sind beschädigt angekommen", order_id="302-1234567-7654321")
    ask(account, "Die Rücksendungen sind beschädigt angekommen", order_id="114-1234567-7654321")
    index()

    assert SearchDocument.objects.filter(case=de.case, source="message.in").get().config == "german"
    assert found(agent, "Rücksendung") == [de.case.id]
    assert len(found(agent, "Rücksendungen")) == 2  # as written, both


def test_a_word_one_language_drops_as_a_stop_word_still_counts_in_the_others(agent, account, german):
    """ "anderer" is a German stop word: parsed in German, "Barbara anderer" is 'barbara' alone, which
    must not find every Barbara of the American account."""
    both = ask(account, "Barbara wants another size, anderer colour too", order_id="114-1000000-0000001")
    ask(account, "Barbara asks where her parcel is", order_id="114-1000000-0000002")
    index()
    assert found(agent, "Barbara anderer") == [both.case.id]


def test_another_accounts_case_is_never_found(agent, account, other_account):
    ask(other_account, "Lamp flickers", name="Cathy", order_id="302-7777777-1111111")
    index()

    assert found(agent, "flickers") == []
    assert found(agent, "302-7777777") == []


def test_newest_match_first_one_row_per_case(agent, account):
    older = ask(account, "The zipper broke", order_id="114-0000001-0000001", ago=300)
    newer = ask(account, "My zipper is stuck", order_id="114-0000002-0000002", ago=5)
    ask(account, "Another zipper question", order_id="114-0000001-0000001", ago=200)
    index()

    assert found(agent, "zipper") == [newer.case.id, older.case.id]


class TestPaging:
    """A page reads the newest matching rows only; "Older results" goes on from where it stopped."""

    @pytest.fixture
    def cases(self, monkeypatch, account):
        monkeypatch.setattr(search_module, "PAGE_SIZE", 2)
        monkeypatch.setattr(search_module, "ROWS_READ", 3)
        made = [ask(account, f"Kettle {n} leaks", order_id=f"114-6000000-{n:07d}", ago=100 - n).case for n in range(5)]
        ask(account, "The kettle still leaks", order_id="114-6000000-0000000", ago=1)  # the oldest case, again
        index()
        return made  # oldest first

    def test_every_case_once_newest_match_first(self, client, agent, cases):
        client.force_login(agent)
        url, seen = reverse("helpdesk:search") + "?" + urlencode({"q": "kettle"}), []
        while url:
            body = client.get(url).content.decode()
            seen += [int(i) for i in re.findall(r'data-testid="search-hit">\s*<h2><a href="/cases/(\d+)/', body)]
            more = re.search(r'href="(\?[^"]*before=[^"]*)" hx-get', body)
            url = reverse("helpdesk:search") + html.unescape(more.group(1)) if more else ""

        newest_first = [cases[0], *reversed(cases[1:])]
        assert seen == [case.id for case in newest_first]

    def test_the_newest_rows_or_the_index_give_the_same_page(self, monkeypatch, agent, cases):
        walked = search_cases(agent, "kettle")
        monkeypatch.setattr(search_module, "WALK_DEPTH", 1)  # the newest row holds too few matches
        collected = search_cases(agent, "kettle")

        assert [h.case.id for h in walked.hits] == [h.case.id for h in collected.hits] == [cases[0].id, cases[4].id]
        assert walked.more == collected.more is not None


class TestWordStarts:
    def test_one_word_as_the_start_of_a_name_when_nothing_matches_it_whole(self, agent, account):
        henrietta = ask(account, "Where is my parcel?", name="Henrietta", order_id="114-7000000-0000001").case
        henry = ask(account, "Hello", name="Henry", order_id="114-7000000-0000002").case
        index()

        assert sorted(found(agent, "Henr")) == sorted([henrietta.id, henry.id])
        assert found(agent, "parc") == [henrietta.id]
        assert found(agent, "Henry") == [henry.id]  # a whole word is not widened
        assert found(agent, "Cathy Henr") == []  # nor is a query of several words

    def test_only_a_word_starting_with_a_letter_is_widened(self):
        assert search_module.word_start(" Henr ") == "Henr"
        assert search_module.word_start("He") == ""
        assert search_module.word_start("-henr") == ""
        assert search_module.word_start("7863528") == ""
        assert search_module.word_start("Cathy Henr") == ""


class TestPage:
    def test_matches_are_highlighted_and_buyer_html_escaped(self, client, agent, account):
        case = ask(
            account, '<script>alert(1)</script> Tom & Jerry <3 the mug "><img src=x onerror=alert(1)> cracked'
        ).case
        index()
        client.force_login(agent)

        body = client.get(reverse("helpdesk:search"), {"q": "cracked mug"}).content.decode()

        assert f'href="{reverse("helpdesk:case", args=[case.id])}"' in body
        assert "<mark>mug</mark>" in body and "<mark>cracked</mark>" in body
        assert "Jerry &lt;3 the <mark>mug</mark>" in body
        assert "&lt;img src=x onerror=alert(1)&gt;" in body
        assert "<script>alert" not in body and "<img" not in body

    def test_says_when_nothing_matches(self, client, agent):
        client.force_login(agent)

        body = client.get(reverse("helpdesk:search"), {"q": "nothing like this"}).content.decode()

        assert "Nothing found for “nothing like this”" in body

    def test_constant_query_count(self, client, agent, account):
        client.force_login(agent)
        ask(account, "The strap snapped", order_id="114-5000000-0000000")
        index()
        url = reverse("helpdesk:search")
        with CaptureQueriesContext(connection) as one:
            assert client.get(url, {"q": "strap"}).content.decode().count('data-testid="search-hit"') == 1
        for n in range(1, 12):
            ask(account, f"Strap number {n} snapped too", order_id=f"114-5000000-{n:07d}")
        index()
        with CaptureQueriesContext(connection) as many:
            assert client.get(url, {"q": "strap"}).content.decode().count('data-testid="search-hit"') == 12

        assert len(many) == len(one)

    def test_htmx_renders_the_results_partial(self, client, agent, account):
        ask(account, "Handle came off")
        index()
        client.force_login(agent)

        full = client.get(reverse("helpdesk:search"), {"q": "handle"}).content.decode()
        partial = client.get(reverse("helpdesk:search"), {"q": "handle"}, headers={"HX-Request": "true"})

        assert "<html" not in partial.content.decode()
        assert partial.content.decode().strip() in full


class TestHighlighting:
    def test_escapes_everything_but_its_marks(self):
        html = highlight('<img src=x onerror="alert(1)"> Mug & cup', ["mug"])

        assert html == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Mug</mark> &amp; cup"

    def test_a_headline_from_the_database_is_escaped_too(self):
        assert from_markers("a <b>\ue000mug\ue001</b>") == "a &lt;b&gt;<mark>mug</mark>&lt;/b&gt;"


class TestSimpleBackend:
    """The embedded SQLite run's way: every word contained, case-insensitively, marked as written."""

    def test_matches_rows_holding_every_word(self, account):
        case = ask(account, "The Thermos LID leaks").case
        index()
        docs = SearchDocument.objects.filter(case=case)

        assert list(SimpleSearch("lid thermos").matching(docs).values_list("source", flat=True)) == ["message.in"]
        assert not SimpleSearch("lid umbrella").matching(docs).exists()
        assert not SimpleSearch('""').matching(docs).exists()

    def test_the_page_searches_with_it(self, monkeypatch, client, agent, account):
        case = ask(account, "The Thermos LID leaks").case
        index()
        monkeypatch.setattr(search_module, "search_backend", lambda text, account_ids: SimpleSearch(text))
        client.force_login(agent)

        body = client.get(reverse("helpdesk:search"), {"q": "thermos lid"}).content.decode()

        assert f"#{case.id}" in body
        assert "The <mark>Thermos</mark> <mark>LID</mark> leaks" in body


class TestIndexKeptCurrent:
    def test_a_note_is_searchable_once_the_beat_task_ran(self, agent, account):
        case = ask(account, "Where is it?").case
        index()
        entry_add(case=case, direction=Direction.NOTE, body="Carrier lost the parcel", author=agent)

        assert SearchPending.objects.filter(case=case).exists()
        assert found(agent, "carrier lost") == []
        index()
        assert found(agent, "carrier lost") == [case.id]
        assert not SearchPending.objects.exists()

    def test_the_beat_task_indexes_every_marked_case_and_a_mark_is_one_row(self, agent, account):
        first = ask(account, "Tent pole snapped", order_id="114-0000001-0000001").case
        second = ask(account, "Tent door torn", order_id="114-0000002-0000002").case
        search_pending_mark(case_ids=[first.id, first.id, second.id])  # marked again: still one row each

        assert SearchPending.objects.count() == 2
        assert index_search() == 2
        assert found(agent, "tent") == [second.id, first.id]
        assert not SearchPending.objects.exists()

    def test_purged_buyer_data_leaves_the_index(self, agent, account, order):
        case = ask(account, "Hello").case
        index()
        assert found(agent, "Cathy Buyer") == [case.id]
        order.purchase_date = timezone.now() - timedelta(days=100)
        order.delivered_at = timezone.now() - timedelta(days=90)
        order.save(update_fields=["purchase_date", "delivered_at"])

        personal_data_purge(account=account)
        index()

        assert found(agent, "Cathy Buyer") == []
        assert Case.objects.get(pk=case.pk).buyer_name == ""


class TestIndexesServeTheQueries:
    """A page's queries have the shapes the indexes serve: the walk of the newest rows, then (the
    newest rows holding too few matches) every match the GIN or trigram index names. The planner
    is kept off sequential scans so a table of a few rows still shows which index it can use."""

    @pytest.fixture
    def plans(self, agent, account):
        ask(account, "The strap snapped")
        index()
        documents = SearchDocument.objects.filter(account_id__in=[account.id])

        def explain(text: str) -> list[str]:
            backend = search_module.search_backend(text, [account.id])
            with CaptureQueriesContext(connection) as captured:
                backend.newest(documents, search_module.ROWS_READ + 1)
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                out = []
                for query in captured:
                    if not query["sql"].startswith("SELECT"):
                        continue  # the savepoint and the planner setting around the collecting read
                    cursor.execute("EXPLAIN " + query["sql"])
                    out.append("\n".join(row[0] for row in cursor.fetchall()))
            return out

        return explain

    def test_words_walk_the_newest_rows_then_use_the_gin_index(self, plans):
        walk, collected = plans("strap snapped")
        assert "searchdocument_newest" in walk and "searchdocument_tsv" not in walk
        assert "searchdocument_tsv" in collected

    def test_order_ids_use_the_trigram_index(self, plans):
        _, collected = plans("7863528")
        assert "searchdocument_order_trgm" in collected


def test_a_query_without_a_word_to_look_for_finds_nothing(client, agent, account):
    ask(account, "Hello!!!")
    index()
    client.force_login(agent)

    assert found(agent, "!!!") == []
    far = {"q": "hello", "before": "99999999999999999.999999999999999999"}  # any position reads, none fails
    assert client.get(reverse("helpdesk:search"), far).status_code == 200

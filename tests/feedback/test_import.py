import gzip
import io
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from feedback.kinds import FEEDBACK_REPORT
from feedback.models import Feedback
from feedback.services import feedback_import
from helpdesk.importing import ReportError, RowError
from helpdesk.marketplaces import MARKETPLACES
from helpdesk.models import Activity, Case, ImportJob
from helpdesk.services.imports import import_job_create, import_job_run
from tests.factories import AccountFactory, OrderFactory

from .conftest import FIXTURES, fixture, report

US_ROW = ["1/13/24", "1", "Arrived late.", "", "112-3456789-0123456", "a@marketplace.amazon.com"]


@pytest.fixture
def jp_account(db):
    return AccountFactory(slug="acme-jp", name="Acme JP", marketplace="JP", timezone="Asia/Tokyo")


@pytest.mark.django_db
class TestLayouts:
    def test_amazons_report_as_delivered(self, account):
        result = feedback_import(account=account, data=fixture("feedback_us.tsv"))

        assert result.summary_line() == "imported: 3, unchanged: 0, rejected: 2"
        assert result.errors == [
            RowError(5, "bad Date '13/1/24': expected M/D/YY"),
            RowError(6, "bad Rating '6': expected a whole number of stars from 1 to 5"),
        ]
        late = Feedback.objects.get(account=account, amazon_order_id="112-3456789-0123456")
        assert (late.date, late.rating, late.rater_email) == (
            date(2024, 1, 13),
            1,
            "x4kq2m9vz1tpl3n@marketplace.amazon.com",
        )
        assert late.comments == "Package arrived three days late and the box was crushed."
        answered = Feedback.objects.get(amazon_order_id="113-1234567-7654321")
        assert answered.response == "We are sorry: a replacement is on its way."
        assert Feedback.objects.get(amazon_order_id="114-2345678-8765432").date == date(2023, 12, 17)

    def test_german_header_is_read_by_position_in_windows_1252(self, other_account):
        result = feedback_import(account=other_account, data=fixture("feedback_de_cp1252.tsv"))

        assert result.summary_line() == "imported: 2, unchanged: 0, rejected: 0"
        broken = Feedback.objects.get(amazon_order_id="302-1234567-1234567")
        assert (broken.date, broken.rating) == (date(2024, 2, 5), 1)
        assert broken.comments == "Verpackung beschädigt, Ware kaputt. Sehr ärgerlich!"
        assert broken.rater_email == "q9@marketplace.amazon.de"
        happy = Feedback.objects.get(amazon_order_id="303-7654321-7654321")
        assert (happy.date, happy.rating, happy.response) == (date(2023, 12, 17), 5, "Vielen Dank!")
        assert happy.comments == "Alles prima, schnelle Lieferung – gerne wieder."

    def test_japanese_header_is_read_by_position_in_windows_31j(self, jp_account):
        result = feedback_import(account=jp_account, data=fixture("feedback_jp_cp932.tsv"))

        assert result.summary_line() == "imported: 2, unchanged: 0, rejected: 0"
        late = Feedback.objects.get(amazon_order_id="503-1234567-1234567")
        assert (late.date, late.rating, late.comments) == (date(2024, 1, 9), 2, "商品が届くのが遅かったです。")
        assert Feedback.objects.get(amazon_order_id="503-7654321-7654321").date == date(2023, 12, 24)

    def test_a_french_header_sharing_the_word_date_is_still_read_by_position(self, db):
        seller = AccountFactory(slug="acme-fr", marketplace="FR", timezone="Europe/Paris")
        header = ["Date", "Évaluation", "Commentaires", "Votre réponse", "Numéro de commande", "E-mail de l'évaluateur"]
        data = report([["5/2/24", "2", "Colis abîmé", "", "402-1234567-1234567", ""]], header=header)

        result = feedback_import(account=seller, data=data)

        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 0"
        assert (Feedback.objects.get().date, Feedback.objects.get().comments) == (date(2024, 2, 5), "Colis abîmé")

    def test_an_english_header_is_read_by_name_in_any_order(self, account):
        header = ["Order ID", "Rater Email", "Rating", "Date", "Your Response", "Comments"]
        data = report([["112-3456789-0123456", "r@x.example", "2", "3/4/24", "Sorry!", "Too small"]], header=header)

        result = feedback_import(account=account, data=data)

        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 0"
        feedback = Feedback.objects.get()
        assert (feedback.date, feedback.rating, feedback.comments, feedback.response, feedback.rater_email) == (
            date(2024, 3, 4),
            2,
            "Too small",
            "Sorry!",
            "r@x.example",
        )

    def test_byte_order_mark_crlf_and_quoted_fields_with_tabs_and_newlines(self, account):
        result = feedback_import(account=account, data=fixture("feedback_quoted.tsv"))

        assert result.summary_line() == "imported: 3, unchanged: 0, rejected: 0"
        comments = dict(Feedback.objects.values_list("amazon_order_id", "comments"))
        assert comments["112-0000001-0000001"] == "Arrived late.\nThen the seller ignored me."
        assert comments["112-0000002-0000002"] == 'Good\tvalue, "as described"'
        # Amazon does not quote: a comment that merely begins with a quote is kept as written.
        assert comments["112-0000003-0000003"] == '"Best seller" they say. Not true.'
        assert Feedback.objects.get(amazon_order_id="112-0000002-0000002").response == "Thanks!"

    def test_an_unclosed_quote_does_not_swallow_the_rows_below(self, account):
        data = report(
            [
                ["1/5/24", "1", '"Never came', "", "112-0000001-0000001", ""],
                ["1/6/24", "2", "Late", "", "112-0000002-0000002", ""],
                ["1/7/24", "3", "Meh", "", "112-0000003-0000003", ""],
            ]
        )

        result = feedback_import(account=account, data=data)

        assert result.summary_line() == "imported: 3, unchanged: 0, rejected: 0"
        assert Feedback.objects.get(amazon_order_id="112-0000001-0000001").comments == '"Never came'

    def test_a_quoted_row_keeps_the_line_numbers_of_the_rows_after_it(self, account):
        data = report(
            [
                ["1/5/24", "1", '"two\nlines"', "", "112-0000001-0000001", ""],
                ["1/6/24", "9", "bad", "", "112-0000002-0000002", ""],
            ]
        )

        result = feedback_import(account=account, data=data)

        assert result.errors == [RowError(4, "bad Rating '9': expected a whole number of stars from 1 to 5")]

    def test_gzip(self, account):
        result = feedback_import(account=account, data=gzip.compress(fixture("feedback_us.tsv")))

        assert result.summary_line() == "imported: 3, unchanged: 0, rejected: 2"

    def test_latin_1(self, account):
        data = report([["1/13/24", "2", "Produit abîmé, très déçu", "", "112-3456789-0123456", ""]]).decode()

        feedback_import(account=account, data=data.encode("latin-1"))

        assert Feedback.objects.get().comments == "Produit abîmé, très déçu"

    def test_a_file_without_header_is_read_from_its_first_line(self, account):
        data = "\n".join("\t".join(cells) for cells in [US_ROW]).encode()

        result = feedback_import(account=account, data=data)

        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 0"


@pytest.mark.django_db
class TestRowsRejected:
    @pytest.mark.parametrize(
        ("cells", "reason"),
        [
            ({0: "2024-01-13"}, "bad Date '2024-01-13': expected M/D/YY"),
            ({0: "1/13/2099"}, "bad Date '1/13/2099': in the future"),
            ({0: ""}, "missing Date"),
            ({1: "five"}, "bad Rating 'five': expected a whole number of stars from 1 to 5"),
            ({1: "0"}, "bad Rating '0': expected a whole number of stars from 1 to 5"),
            ({4: ""}, "missing Order ID"),
            ({4: "112-345"}, "bad Order ID '112-345': expected NNN-NNNNNNN-NNNNNNN"),
        ],
    )
    def test_reason_and_line(self, account, cells, reason):
        bad = [cells.get(i, value) for i, value in enumerate(US_ROW)]
        good = [*US_ROW[:4], "113-1234567-7654321", ""]

        result = feedback_import(account=account, data=report([good, bad]))

        assert result.errors == [RowError(3, reason)]
        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 1"

    def test_the_same_feedback_twice_in_a_file(self, account):
        result = feedback_import(account=account, data=report([US_ROW, US_ROW]))

        assert result.errors == [
            RowError(3, "order 112-3456789-0123456 has feedback dated 2024-01-13 twice (first on line 2)")
        ]

    def test_a_file_of_another_marketplace_is_refused_whole(self, account):
        with pytest.raises(ReportError, match=r"no row has a date in the format of US \(M/D/YY\)"):
            feedback_import(account=account, data=fixture("feedback_de_cp1252.tsv"))

    @pytest.mark.parametrize("data", [b"", b"\n\n", b"Date\tRating\n1/1/24\t1\n"])
    def test_not_a_feedback_report(self, account, data):
        with pytest.raises(ReportError):
            feedback_import(account=account, data=data)
        assert not Feedback.objects.exists()


# The date-format test vectors that airbyte's Amazon connector publishes for this report:
# each input, in its format, is one of the expected dates.
EXPECTED = [date(2017, 1, 13), date(2017, 12, 12), date(2017, 12, 17), date(2011, 12, 13)]
VECTORS = {
    "%Y-%m-%d": ["2017-01-13", "2017-12-12", "2017-12-17", "2011-12-13"],
    "%d.%m.%y": ["13.1.17", "12.12.17", "17.12.17", "13.12.11"],
    "%y/%m/%d": ["17/1/13", "17/12/12", "17/12/17", "11/12/13"],
    "%d/%m/%y": ["13/1/17", "12/12/17", "17/12/17", "13/12/11"],
    "%m/%d/%y": ["1/13/17", "12/12/17", "12/17/17", "12/13/11"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("marketplace", sorted(MARKETPLACES))
def test_each_marketplaces_date_format(marketplace):
    seller = AccountFactory(slug=f"seller-{marketplace.lower()}", marketplace=marketplace)
    inputs = VECTORS[MARKETPLACES[marketplace].feedback_date_format]
    rows = [[value, "1", "", "", f"111-000000{i}-0000000", ""] for i, value in enumerate(inputs)]

    result = feedback_import(account=seller, data=report(rows))

    assert result.summary_line() == "imported: 4, unchanged: 0, rejected: 0"
    assert list(Feedback.objects.order_by("amazon_order_id").values_list("date", flat=True)) == EXPECTED


def test_marketplace_formats_are_the_ones_amazon_uses():
    formats = {code: m.feedback_date_format for code, m in MARKETPLACES.items()}
    assert (formats["US"], formats["DE"], formats["JP"], formats["SE"], formats["GB"]) == (
        "%m/%d/%y",
        "%d.%m.%y",
        "%y/%m/%d",
        "%Y-%m-%d",
        "%d/%m/%y",
    )


@pytest.mark.django_db
class TestIdempotence:
    def test_reimport_changes_nothing(self, account):
        feedback_import(account=account, data=fixture("feedback_us.tsv"))
        before = list(Feedback.objects.order_by("id").values())
        cases = Case.objects.count()

        result = feedback_import(account=account, data=fixture("feedback_us.tsv"))

        assert result.summary_line() == "imported: 0, unchanged: 3, rejected: 2"
        assert list(Feedback.objects.order_by("id").values()) == before
        assert Case.objects.count() == cases

    def test_a_changed_rating_counts_as_imported(self, account):
        feedback_import(account=account, data=report([US_ROW]))
        changed = [US_ROW[0], "2", *US_ROW[2:]]

        result = feedback_import(account=account, data=report([changed]))

        assert result.summary_line() == "imported: 1, unchanged: 0, rejected: 0"
        assert Feedback.objects.get().rating == 2

    def test_an_empty_response_cell_keeps_a_recorded_response(self, account):
        feedback_import(account=account, data=report([[*US_ROW[:3], "We are sorry.", *US_ROW[4:]]]))

        result = feedback_import(account=account, data=report([US_ROW]))

        assert result.unchanged == 1
        assert Feedback.objects.get().response == "We are sorry."

    def test_same_order_on_another_date_is_another_feedback(self, account):
        feedback_import(account=account, data=report([US_ROW, ["1/14/24", *US_ROW[1:]]]))

        assert Feedback.objects.count() == 2

    def test_accounts_are_separate(self, account):
        rival = AccountFactory(slug="rival-us", marketplace="US")
        feedback_import(account=account, data=report([US_ROW]))

        result = feedback_import(account=rival, data=report([US_ROW]))

        assert result.imported == 1
        assert Feedback.objects.filter(amazon_order_id=US_ROW[4]).count() == 2


@pytest.mark.django_db
class TestCases:
    def test_negative_and_neutral_open_a_case_linked_to_the_order(self, account):
        order = OrderFactory(account=account, amazon_order_id="112-3456789-0123456")
        OrderFactory(amazon_order_id="113-1234567-7654321")  # same id, another account: not linked

        feedback_import(account=account, data=fixture("feedback_us.tsv"))

        late = Feedback.objects.get(amazon_order_id="112-3456789-0123456")
        assert (late.order, late.case.order, late.case.kind) == (order, order, "feedback")
        assert late.case.subject.startswith("1★ feedback: Package arrived three days late")
        other = Feedback.objects.get(amazon_order_id="113-1234567-7654321")
        assert (other.order, other.case.order) == (None, None)
        neutral = Feedback.objects.get(amazon_order_id="114-2345678-8765432")
        assert neutral.case is not None

    def test_positive_feedback_opens_no_case(self, other_account):
        feedback_import(account=other_account, data=fixture("feedback_de_cp1252.tsv"))

        assert Feedback.objects.get(rating=5).case is None
        assert Feedback.objects.get(rating=1).case is not None

    def test_an_order_imported_later_is_linked_by_the_next_import(self, account):
        feedback_import(account=account, data=report([US_ROW]))
        order = OrderFactory(account=account, amazon_order_id=US_ROW[4])

        result = feedback_import(account=account, data=report([US_ROW]))

        assert result.imported == 1
        assert Feedback.objects.get().order == order

    def test_the_import_is_audited_once(self, account):
        feedback_import(account=account, data=fixture("feedback_us.tsv"))

        assert list(Activity.objects.filter(verb="feedback.imported").values_list("summary", flat=True)) == [
            "Feedback report: imported: 3, unchanged: 0, rejected: 2"
        ]


@pytest.mark.django_db
def test_progress_is_reported_until_every_row_is_done(account, monkeypatch):
    monkeypatch.setattr("feedback.services.importing.CHUNK_ROWS", 2)
    rows = [[f"1/{day}/24", "5", "Great", "", f"111-{day:07d}-0000000", ""] for day in range(1, 8)]
    calls = []

    feedback_import(account=account, data=report(rows), progress=lambda done, total: calls.append((done, total)))

    assert calls == [(0, 7), (2, 7), (4, 7), (6, 7), (7, 7)]


@pytest.mark.django_db
def test_an_upload_job_runs_the_feedback_importer_and_counts_rows(account):
    job = import_job_create(account=account, kind=FEEDBACK_REPORT, filename="fb.txt", raw=fixture("feedback_us.tsv"))

    job = import_job_run(job_id=job.id)

    job.refresh_from_db()
    assert (job.status, job.summary_line, job.rows_done, job.rows_total) == (
        "done",
        "imported: 3, unchanged: 0, rejected: 2",
        5,
        5,
    )
    assert job.errors == [
        [5, "bad Date '13/1/24': expected M/D/YY"],
        [6, "bad Rating '6': expected a whole number of stars from 1 to 5"],
    ]


@pytest.mark.django_db
class TestCommand:
    def test_summary_line_and_rejected_rows(self, account):
        out, err = io.StringIO(), io.StringIO()

        call_command(
            "import_feedback", "--account", "acme-us", str(FIXTURES / "feedback_us.tsv"), stdout=out, stderr=err
        )

        assert out.getvalue() == "imported: 3, unchanged: 0, rejected: 2\n"
        assert err.getvalue().splitlines() == [
            "line 5: bad Date '13/1/24': expected M/D/YY",
            "line 6: bad Rating '6': expected a whole number of stars from 1 to 5",
        ]
        assert ImportJob.objects.get().kind == "feedback"

    def test_twice_is_unchanged(self, account):
        path = str(FIXTURES / "feedback_us.tsv")
        call_command("import_feedback", "--account", "acme-us", path, stdout=io.StringIO(), stderr=io.StringIO())
        out = io.StringIO()

        call_command("import_feedback", "--account", "acme-us", path, stdout=out, stderr=io.StringIO())

        assert out.getvalue() == "imported: 0, unchanged: 3, rejected: 2\n"

    def test_unknown_account(self, db):
        with pytest.raises(CommandError, match="No seller account with slug 'nope'"):
            call_command("import_feedback", "--account", "nope", str(FIXTURES / "feedback_us.tsv"))

    def test_a_refused_file(self, account, tmp_path):
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")

        with pytest.raises(CommandError, match="was not imported: the file is empty"):
            call_command("import_feedback", "--account", "acme-us", str(path))


@pytest.mark.django_db
class TestUploadPage:
    def test_upload_runs_the_job_and_the_page_shows_the_bar(
        self, client, manager, celery_eager, django_capture_on_commit_callbacks
    ):
        client.force_login(manager)
        upload = io.BytesIO(fixture("feedback_us.tsv"))
        upload.name = "Feedback.txt"

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("feedback:import"), {"account": manager.memberships.get().account_id, "file": upload}
            )

        job = ImportJob.objects.get()
        assert response["Location"] == reverse("helpdesk:import_job", args=[job.id])
        page = client.get(response["Location"])
        assert page.status_code == 200
        html = page.content.decode()
        assert 'max="5" value="5"' in html
        assert "5 of 5 rows · 100 %" in html
        assert "imported: 3, unchanged: 0, rejected: 2" in html
        assert "bad Rating &#x27;6&#x27;" in html

    def test_a_running_job_polls_and_htmx_gets_only_the_bar(self, client, manager, account):
        job = ImportJob.objects.create(
            account=account,
            kind=FEEDBACK_REPORT,
            filename="f.txt",
            status="running",
            lease_until=timezone.now() + timedelta(minutes=5),
            rows_done=250,
            rows_total=1000,
        )
        client.force_login(manager)

        page = client.get(reverse("helpdesk:import_job", args=[job.id])).content.decode()
        partial = client.get(
            reverse("helpdesk:import_job", args=[job.id]), headers={"HX-Request": "true"}
        ).content.decode()

        assert 'hx-trigger="every 1s"' in page
        assert 'max="1000" value="250"' in partial
        assert "250 of 1000 rows · 25 %" in partial
        assert "<html" not in partial

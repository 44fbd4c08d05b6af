"""The ingestion page, problem actions, downloads and the conversation on the case page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from helpdesk.models import Activity, Case
from messaging.models import Attachment, InboundMail, MailSource, MailStatus
from tests.factories import MembershipFactory

from .conftest import fixture_bytes, ingest, with_message_id

FIRST_ID = "0100019464c1a2b3-5f0e8a4c-1d2e-4f3a-9b8c-7d6e5f4a3b2c-000000@email.amazonses.com"


def upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else fixture_bytes(name), content_type="message/rfc822")


def problem_mail(account) -> InboundMail:
    """A mail of `account` that a reader bug left as a problem."""
    return InboundMail.objects.create(
        account=account,
        source=MailSource.UPLOAD,
        raw=fixture_bytes("25_not_amazon.eml"),
        dedupe_key="sha:x",
        status=MailStatus.PROBLEM,
        problem="could not be read: RuntimeError: boom",
    )


def test_the_ingestion_page_lists_recent_mail_problems_and_notices(client, agent, account, other_account):
    ingest(account, "01_plain_us_shipping.eml")
    ingest(account, "20_atoz_claim.eml")
    problem_mail(account)
    ingest(other_account, "22_return_request.eml")
    client.force_login(agent)
    page = client.get(reverse("messaging:inbox")).content.decode()
    assert "Shipping inquiry from Amazon customer Cathy" in page
    assert "Action required: Claim received on order 113-8890123-4456789" in page
    assert "could not be read: RuntimeError: boom" in page
    assert "Return authorisation request" not in page  # another seller's mail
    assert (
        'action="/messages/inbox/' not in page.split('data-testid="problems"')[1].split("</table>")[0]
    )  # agents: no actions
    case = Case.objects.get()
    assert reverse("helpdesk:case", args=[case.id]) in page


def test_managers_get_the_problem_actions(client, manager, account):
    mail = problem_mail(account)
    client.force_login(manager)
    page = client.get(reverse("messaging:inbox")).content.decode()
    assert reverse("messaging:inbox_retry", args=[mail.id]) in page
    assert reverse("messaging:inbox_assign", args=[mail.id]) in page


def test_the_ingestion_page_costs_the_same_queries_for_more_mail(client, manager, account, django_assert_num_queries):
    client.force_login(manager)
    ingest(account, "01_plain_us_shipping.eml")
    ingest(account, "20_atoz_claim.eml")
    problem_mail(account)
    client.get(reverse("messaging:inbox"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("messaging:inbox"))
    for n in range(6):
        ingest(
            account, "", raw=with_message_id(fixture_bytes("03_multipart_attachment.eml"), "attach-0003", f"more-{n}")
        )
        ingest(account, "", raw=with_message_id(fixture_bytes("21_chargeback.eml"), "chargeback-0021", f"cb-{n}"))
    with django_assert_num_queries(len(few)):
        client.get(reverse("messaging:inbox"))


def test_uploading_several_files_stores_and_reads_them_once(client, agent, account):
    client.force_login(agent)
    files = [upload("01_plain_us_shipping.eml"), upload("16_duplicate_of_01.eml"), upload("18_opt_out.eml")]
    response = client.post(reverse("messaging:inbox_upload"), {"account": account.id, "files": files}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("messaging:inbox")
    assert "imported: 2, unchanged: 1, rejected: 0" in response.content.decode()
    assert InboundMail.objects.filter(source=MailSource.UPLOAD, account=account).count() == 2
    # Reading the mail is the system's; the upload is the agent's.
    assert Activity.objects.filter(verb="mail.buyer_message", actor=None).exists()
    assert Activity.objects.get(verb="mail.uploaded").actor == agent


def test_an_upload_goes_to_the_account_on_the_mails_marketplace(client, account, other_account):
    both = MembershipFactory(account=account, role="agent").user
    MembershipFactory(user=both, account=other_account, role="agent")
    client.force_login(both)
    files = [upload("01_plain_us_shipping.eml"), upload("30_de_anfang_ende.eml")]
    response = client.post(reverse("messaging:inbox_upload"), {"account": "", "files": files}, follow=True)
    assert "imported: 2, unchanged: 0, rejected: 0" in response.content.decode()
    assert InboundMail.objects.get(account=account).marketplace_id == "ATVPDKIKX0DER"
    assert InboundMail.objects.get(account=other_account).marketplace_id == "A1PA6795UKMFR9"


def test_a_chosen_account_on_another_marketplace_is_used_with_a_warning(client, account, other_account):
    both = MembershipFactory(account=account, role="agent").user
    MembershipFactory(user=both, account=other_account, role="agent")
    client.force_login(both)
    files = [upload("01_plain_us_shipping.eml")]
    response = client.post(
        reverse("messaging:inbox_upload"), {"account": other_account.id, "files": files}, follow=True
    )
    page = response.content.decode()
    assert "the mail is from amazon.com, but went to Rival DE (amazon.de) as you chose" in page
    assert InboundMail.objects.get().account == other_account


def test_a_mail_naming_none_of_ones_marketplaces_waits_for_a_chosen_account(client, agent, account):
    client.force_login(agent)
    response = client.post(
        reverse("messaging:inbox_upload"), {"account": "", "files": [upload("30_de_anfang_ende.eml")]}, follow=True
    )
    assert (
        "the mail is from amazon.de, where none of your accounts sells: choose the account" in response.content.decode()
    )
    assert not InboundMail.objects.exists()


def test_uploads_to_an_account_one_does_not_work_on_are_refused(client, outsider, account):
    client.force_login(outsider)
    response = client.post(
        reverse("messaging:inbox_upload"), {"account": account.id, "files": [upload("01_plain_us_shipping.eml")]}
    )
    assert response.status_code == 400
    assert not InboundMail.objects.exists()


def test_the_upload_form_needs_its_csrf_token(agent, account):
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent)
    response = client.post(
        reverse("messaging:inbox_upload"), {"account": account.id, "files": [upload("01_plain_us_shipping.eml")]}
    )
    assert response.status_code == 403
    assert not InboundMail.objects.exists()


def test_a_manager_retries_a_problem_with_htmx_and_sees_the_list_again(client, manager, account, monkeypatch):
    monkeypatch.setattr("messaging.services.reading.parse_mail", lambda raw, **kw: 1 / 0)
    mail = ingest(account, "01_plain_us_shipping.eml")
    monkeypatch.undo()
    client.force_login(manager)
    response = client.post(reverse("messaging:inbox_retry", args=[mail.id]), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode() and "No problems" in response.content.decode()
    mail.refresh_from_db()
    assert mail.status == MailStatus.PARSED
    assert Activity.objects.filter(verb="mail.retried", actor=manager).exists()


def test_a_manager_assigns_a_problem_to_one_of_their_accounts(client, manager, account):
    mail = problem_mail(account)
    client.force_login(manager)
    response = client.post(reverse("messaging:inbox_assign", args=[mail.id]), {"account": account.id})
    assert response.status_code == 302
    mail.refresh_from_db()
    assert mail.status == MailStatus.PARSED and mail.kind == "other"


def test_a_problem_cannot_be_assigned_to_an_account_one_does_not_manage(client, manager, account, other_account):
    mail = problem_mail(account)
    client.force_login(manager)
    response = client.post(reverse("messaging:inbox_assign", args=[mail.id]), {"account": other_account.id})
    assert response.status_code == 400
    mail.refresh_from_db()
    assert mail.account == account and mail.status == MailStatus.PROBLEM


def test_attachments_download_for_the_account_and_are_404_for_others(client, agent, outsider, account):
    ingest(account, "03_multipart_attachment.eml")
    attachment = Attachment.objects.get(filename="Rücksendeetikett.pdf")
    client.force_login(agent)
    response = client.get(reverse("messaging:attachment", args=[attachment.id]))
    assert response.status_code == 200
    assert response.content == bytes(attachment.data)
    assert response["Content-Disposition"].startswith("attachment;")
    assert "R%C3%BCcksendeetikett.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(outsider)
    assert client.get(reverse("messaging:attachment", args=[attachment.id])).status_code == 404


def test_the_raw_mail_downloads_exactly_as_received(client, agent, account):
    mail = ingest(account, "05_shift_jis_jp.eml")
    client.force_login(agent)
    response = client.get(reverse("messaging:inbox_raw", args=[mail.id]))
    assert response.content == fixture_bytes("05_shift_jis_jp.eml")


def test_the_case_page_shows_the_new_text_with_the_quoted_thread_folded(client, agent, account):
    ingest(account, "08_reply_top_posted_2016.eml")
    case = Case.objects.get()
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[case.id])).content.decode()
    text = page.split('data-testid="message-text">')[1].split("</div>")[0]
    assert text.strip() == "Yes please, I&#x27;d like to exchange it for the 14/16."
    folded = page.split('<details class="quoted">')[1].split("</details>")[0]
    assert "Unfortunately we don&#x27;t have size L (10/12)." in folded
    assert "B01FCAWEYM" in page.split('data-testid="mail-items"')[1]


def test_buyer_html_reaches_the_page_only_sanitised(client, agent, account):
    ingest(account, "02_html_only.eml")
    client.force_login(agent)
    page = client.get(reverse("helpdesk:case", args=[Case.objects.get().id])).content.decode()
    shown = page.split('data-testid="message-html">')[1].split("</details>")[0]
    assert "<b>large</b>" in shown
    for bad in ("<script", "onerror", "javascript:", "alert("):
        assert bad not in shown


def test_the_case_page_costs_the_same_queries_for_a_longer_thread(client, agent, account, django_assert_num_queries):
    ingest(account, "03_multipart_attachment.eml")
    case = Case.objects.get()
    client.force_login(agent)
    url = reverse("helpdesk:case", args=[case.id])
    client.get(url)
    with CaptureQueriesContext(connection) as short:
        client.get(url)
    for n in range(4):
        ingest(
            account, "", raw=with_message_id(fixture_bytes("03_multipart_attachment.eml"), "attach-0003", f"next-{n}")
        )
    with django_assert_num_queries(len(short)):
        page = client.get(url).content.decode()
    assert page.count('data-testid="message"') == 5
    assert page.count("IMG_2041.jpg") == 5


def test_the_case_page_reads_attachments_only_of_a_thread_with_files(client, agent, account):
    ingest(account, "01_plain_us_shipping.eml")
    case = Case.objects.get()
    client.force_login(agent)
    with CaptureQueriesContext(connection) as page:
        client.get(reverse("helpdesk:case", args=[case.id]))
    assert not [q for q in page.captured_queries if q["sql"].startswith('SELECT "messaging_attachment"')]

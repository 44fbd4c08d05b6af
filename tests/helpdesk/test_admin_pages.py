"""Seller accounts, people and roles, policies, imports and notifications, through the pages."""

from datetime import timedelta
from pathlib import Path

from django.contrib import admin as django_admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from helpdesk.models import Activity, ImportJob, Membership, Notification, Order, OrderDay, Policy, SellerAccount
from helpdesk.registry import registry
from helpdesk.services.deadlines import policy_get
from helpdesk.services.imports import import_job_create
from helpdesk.services.lifecycle import deadline_meet, deadline_start
from tests.factories import CaseFactory, OrderFactory, UserFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "orders"


def test_admin_creates_an_account_and_becomes_its_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("helpdesk:accounts"),
        {
            "name": "Acme UK",
            "slug": "acme-uk",
            "merchant_id": "A1B2C3D4E5F6G7",
            "marketplace": "GB",
            "timezone": "Europe/London",
        },
    )
    account = SellerAccount.objects.get(slug="acme-uk")
    assert response.status_code == 302
    assert Membership.objects.get(account=account, user=admin_user).role == "admin"
    assert Policy.objects.filter(account=account).count() == len(registry.clocks())  # one per kind of clock
    assert account.marketplace_id == "A1F83G8C2ARO7P"
    assert Activity.objects.filter(verb="account.created", account=account, actor=admin_user).exists()


def test_no_admin_takes_the_slug_the_servers_amazon_connection_serves(client, admin_user, account, settings):
    """The server's SP-API refresh token serves the account SPAPI_ACCOUNT names: another tenant's admin may
    neither create an account with that slug nor rename one to it."""
    settings.SPAPI_ACCOUNT = "the-seller"
    client.force_login(admin_user)
    fields = {"name": "Mine", "merchant_id": "A1B2C3D4E5F6G7", "marketplace": "US", "timezone": "UTC"}
    created = client.post(reverse("helpdesk:accounts"), {**fields, "slug": "the-seller"})
    renamed = client.post(
        reverse("helpdesk:account", args=[account.id]),
        {f"account-{k}": v for k, v in {**fields, "slug": "the-seller", "retention_days": "30"}.items()},
    )
    assert created.status_code == renamed.status_code == 200
    assert "reserved for the server&#x27;s Amazon connection" in created.content.decode()
    assert "reserved for the server&#x27;s Amazon connection" in renamed.content.decode()
    assert not SellerAccount.objects.filter(slug="the-seller").exists()


def test_account_form_explains_bad_input(client, admin_user, account):
    client.force_login(admin_user)
    response = client.post(
        reverse("helpdesk:accounts"),
        {"name": "X", "slug": account.slug, "merchant_id": "nope", "marketplace": "US", "timezone": "UTC"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "already exists" in body and "An Amazon seller id looks like" in body


def test_the_last_admin_cannot_be_demoted_or_removed(client, admin_user, account):
    client.force_login(admin_user)
    membership = Membership.objects.get(user=admin_user, account=account)
    response = client.post(reverse("helpdesk:member_role", args=[membership.id]), {"role": "agent"}, follow=True)
    assert "at least one admin" in response.content.decode()
    client.post(reverse("helpdesk:member_remove", args=[membership.id]))
    assert Membership.objects.get(pk=membership.pk).role == "admin"


def test_removing_a_person_unassigns_their_cases(client, admin_user, account, agent):
    case = CaseFactory(account=account, assignee=agent)
    client.force_login(admin_user)
    client.post(reverse("helpdesk:member_remove", args=[Membership.objects.get(user=agent).id]))
    case.refresh_from_db()
    assert case.assignee is None
    assert not Membership.objects.filter(user=agent, account=account).exists()


def _policy_post(**overrides):
    data = {
        "message_response-duration": "12",
        "message_response-duration_unit": "hours",
        "message_response-warn_before": "3",
        "message_response-warn_unit": "hours",
        "message_response-calendar": "calendar",
    }
    data.update({f"message_response-{k}": v for k, v in overrides.items()})
    return data


def test_policy_page_shows_how_many_clocks_a_retime_moves(client, admin_user, account):
    for _ in range(3):
        deadline_start(case=CaseFactory(account=account), kind="message_response")
    client.force_login(admin_user)
    body = client.get(reverse("helpdesk:policies", args=[account.id])).content.decode()
    assert "Also re-time the 3 running clocks of this kind" in body


def test_policy_change_with_retime(client, admin_user, account):
    deadline = deadline_start(case=CaseFactory(account=account), kind="message_response")
    client.force_login(admin_user)
    response = client.post(
        reverse("helpdesk:policy_edit", args=[account.id, "message_response"]), _policy_post(retime="on"), follow=True
    )
    assert "1 running clock re-timed" in response.content.decode()
    deadline.refresh_from_db()
    assert deadline.due_at - deadline.started_at == timedelta(hours=12)
    policy = policy_get(account=account, kind="message_response")
    assert policy.duration == timedelta(hours=12) and policy.warn_before == timedelta(hours=3)
    activity = Activity.objects.get(verb="policy.updated")
    assert activity.before["duration"] == "1 day, 0:00:00" and activity.actor == admin_user


def test_policy_form_explains_bad_input(client, admin_user, account):
    client.force_login(admin_user)
    url = reverse("helpdesk:policy_edit", args=[account.id, "message_response"])
    cases = [
        (_policy_post(duration="-4"), "greater than or equal to 0.01"),
        (_policy_post(warn_before="13"), "The warning must come before the clock is due."),
        (_policy_post(calendar="business", day0="09:00-13:00, 12:00-17:00"), "overlaps"),
        (_policy_post(calendar="business"), "at least one opening interval"),
        (_policy_post(closed_dates="tomorrow"), "is not a date"),
    ]
    for data, message in cases:
        response = client.post(url, data)
        assert response.status_code == 400
        assert message in response.content.decode(), message
    assert policy_get(account=account, kind="message_response").duration == timedelta(hours=24)


def test_business_hours_policy_saved_from_the_form(client, admin_user, account):
    client.force_login(admin_user)
    data = _policy_post(
        calendar="business",
        day0="09:00-17:00",
        day4="09:00-12:00, 13:00-17:00",
        holiday_country="US",
        closed_dates="2026-12-24",
    )
    response = client.post(reverse("helpdesk:policy_edit", args=[account.id, "message_response"]), data)
    assert response.status_code == 302
    policy = policy_get(account=account, kind="message_response")
    assert policy.opening_hours == {"0": [["09:00", "17:00"]], "4": [["09:00", "12:00"], ["13:00", "17:00"]]}
    assert policy.holiday_country == "US" and policy.closed_dates == ["2026-12-24"]


def test_order_upload_is_kept_then_imported_by_the_worker(
    client, manager, account, django_capture_on_commit_callbacks, celery_eager
):
    client.force_login(manager)
    with (FIXTURES / "all_orders_2020.tsv").open("rb") as report, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("helpdesk:order_import"), {"account": account.id, "file": report})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("helpdesk:import_job", args=[job.id])
    assert job.file.read() == (FIXTURES / "all_orders_2020.tsv").read_bytes()
    page = client.get(response["Location"]).content.decode()
    assert job.summary_line.split(",")[0] in page
    job.refresh_from_db()
    assert job.status == "done" and job.imported > 0 and Order.objects.filter(account=account).exists()
    assert job.rows_done == job.rows_total > 0


def test_a_refused_file_is_kept_and_can_be_retried(
    client, manager, account, django_capture_on_commit_callbacks, celery_eager
):
    client.force_login(manager)
    upload = ("junk.txt", b"this is not a report\n")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("helpdesk:order_import"), {"account": account.id, "file": SimpleUploadedFile(*upload)})
    job = ImportJob.objects.get()
    assert job.status == "failed" and job.failure
    page = client.get(reverse("helpdesk:import_job", args=[job.id])).content.decode()
    assert "The file was refused" in page and "Retry" in page


def test_each_upload_page_lists_its_own_kind_of_import_with_links_to_them(client, manager, account):
    orders = import_job_create(account=account, kind="orders", filename="orders.txt", raw=b"x", actor=manager)
    feedback = import_job_create(account=account, kind="feedback", filename="Feedback.txt", raw=b"x", actor=manager)
    client.force_login(manager)

    order_page = client.get(reverse("helpdesk:order_import")).content.decode()
    feedback_page = client.get(reverse("feedback:import")).content.decode()

    assert reverse("helpdesk:import_job", args=[orders.id]) in order_page and "Feedback.txt" not in order_page
    assert reverse("helpdesk:import_job", args=[feedback.id]) in feedback_page and "orders.txt" not in feedback_page
    # One job page for every kind, leading back to the kind's own upload page.
    job_page = client.get(reverse("helpdesk:import_job", args=[feedback.id])).content.decode()
    assert f'href="{reverse("feedback:import")}">Seller feedback report imports<' in job_page


def test_notification_centre_marks_read_with_htmx(client, agent, account):
    case = CaseFactory(account=account)
    first = Notification.objects.create(user=agent, account=account, case=case, kind="assigned", title="First thing")
    Notification.objects.create(user=agent, account=account, case=case, kind="assigned", title="Second thing")
    client.force_login(agent)
    assert 'data-testid="unread">2<' in client.get(reverse("helpdesk:queue")).content.decode()
    response = client.post(reverse("helpdesk:notification_read", args=[first.id]), headers={"HX-Request": "true"})
    assert response.status_code == 200 and "notifications-changed" in response["HX-Trigger"]
    assert "<html" not in response.content.decode()
    first.refresh_from_db()
    assert first.read_at is not None
    client.post(reverse("helpdesk:notifications_read_all"))
    assert not Notification.objects.filter(user=agent, read_at__isnull=True).exists()
    assert 'data-testid="unread"' not in client.get(reverse("helpdesk:notifications_badge")).content.decode()


def test_someone_elses_notification_cannot_be_marked(client, agent, agent2, account):
    note = Notification.objects.create(user=agent, account=account, kind="assigned", title="Mine")
    client.force_login(agent2)
    client.post(reverse("helpdesk:notification_read", args=[note.id]))
    note.refresh_from_db()
    assert note.read_at is None


def test_dashboard_counts_clocks_per_window(client, manager, account):
    on_time = deadline_start(case=CaseFactory(account=account), kind="message_response")
    deadline_meet(deadline=on_time)
    deadline_start(case=CaseFactory(account=account), kind="message_response")
    client.force_login(manager)
    body = client.get(reverse("helpdesk:dashboard"), {"days": 7}).content.decode()
    assert "<th>Buyer message response</th><td>2</td><td>1</td><td>0</td><td>0</td><td>1</td>" in body


def test_every_django_admin_list_opens_and_written_only_rows_are_read_only(client, account):
    """The Django admin (staff): each registered model's list opens; the audit trail and the order counts
    the application keeps cannot be edited there, nor an order's purchase day."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    OrderFactory(account=account)
    client.force_login(staff)

    for model in django_admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
    for model in (Activity, OrderDay, Order):
        assert client.get(reverse(f"admin:helpdesk_{model._meta.model_name}_add")).status_code == 403
    order = Order.objects.get()
    form = client.get(reverse("admin:helpdesk_order_change", args=[order.pk])).content.decode()
    assert 'name="purchase_date' not in form and 'name="status"' in form  # its day stays the importers'


def test_django_admin_is_for_superusers_only(client, account, admin_user):
    """Django's admin is not scoped to accounts: staff who are not superusers, and the accounts' own
    admins, are sent to its login page."""
    staff = UserFactory(username="staffer", is_staff=True)
    for user in (staff, admin_user):
        client.force_login(user)
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login")), user
        assert client.get(reverse("admin:messaging_mailbox_changelist")).status_code == 302
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:index")).status_code == 200

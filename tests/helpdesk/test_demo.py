from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from feedback.models import Feedback
from helpdesk.models import Case, Deadline, Membership, SellerAccount
from helpdesk.registry import case_kind_choices


def test_seed_demo_makes_two_accounts_three_logins_and_every_kind_of_case(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert set(SellerAccount.objects.values_list("slug", "marketplace")) == {("demo-us", "US"), ("demo-de", "DE")}
    for username, role in [("agent", "agent"), ("manager", "manager"), ("admin", "admin")]:
        user = authenticate(RequestFactory().post("/login/"), username=username, password="demo")
        assert user is not None
        assert set(Membership.objects.filter(user=user).values_list("role", flat=True)) == {role}
        # Django's admin is for superusers: the demo admin is an ordinary admin of its accounts.
        assert not user.is_staff and not user.is_superuser
    for account in SellerAccount.objects.all():
        kinds = set(Case.objects.filter(account=account).values_list("kind", flat=True))
        assert kinds == {kind for kind, _ in case_kind_choices()}
        assert account.orders.count() == 40
    assert Deadline.objects.filter(state="met").exists()
    # Negative feedback behind the feedback cases, in each marketplace's language.
    de_comments = Feedback.objects.filter(account__slug="demo-de").values_list("comments", flat=True)
    assert Feedback.objects.filter(case__isnull=False).count() == 4 and "Kam zu spät an" in " ".join(de_comments)

    cases = Case.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Case.objects.count() == cases

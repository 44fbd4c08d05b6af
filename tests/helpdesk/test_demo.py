from datetime import timedelta
from io import StringIO

import time_machine
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from feedback.models import Feedback
from feedback.selectors import feedback_eligibility
from helpdesk.models import Case, Deadline, Membership, SellerAccount
from helpdesk.registry import case_kind_choices
from messaging.models import Attachment, Conversation, Direction, InboundMail, MailKind
from messaging.outbound.models import CannedResponse, OutboundSettings


def test_seed_demo_makes_three_accounts_three_logins_and_every_kind_of_case(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert set(SellerAccount.objects.values_list("slug", "marketplace")) == {
        ("demo-us", "US"),
        ("demo-de", "DE"),
        ("demo-fr", "FR"),
    }
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
        assert CannedResponse.objects.filter(account=account).count() >= 2
        assert OutboundSettings.objects.filter(account=account).exists()
    assert Deadline.objects.filter(state="met").exists()
    assert Deadline.objects.filter(state="breached").exists(), "one clock is breached as soon as the demo is made"
    # Negative feedback behind the feedback cases, in each marketplace's language, with both verdicts.
    de_comments = Feedback.objects.filter(account__slug="demo-de").values_list("comments", flat=True)
    assert "Kam zu spät an" in " ".join(de_comments)
    verdicts = {feedback_eligibility(f).likely for f in Feedback.objects.filter(case__isnull=False)}
    assert verdicts == {True, False}


def test_demo_conversations_are_relay_mail_read_like_a_mailbox(db):
    call_command("seed_demo", stdout=StringIO())
    mails = InboundMail.objects.all()
    assert mails.exists() and not mails.exclude(status="parsed").exists()
    assert mails.filter(kind=MailKind.SELLER_COPY).exists()
    # Every buyer-message case has its conversation and the buyer's words, in several languages.
    for case in Case.objects.filter(kind="message"):
        conversation = Conversation.objects.get(case=case)
        assert conversation.messages.filter(direction=Direction.IN).exclude(body_text="").exists()
        assert conversation.order is not None and conversation.order.tracking_number
    words = " ".join(Conversation.objects.values_list("messages__body_text", flat=True))
    assert "Hola" in words and "Hallo" in words and "Bonjour" in words
    assert Attachment.objects.filter(filename="IMG_2041.jpg").exists()
    # The top-posted reply: the buyer's new words above, the quoted exchange kept apart.
    reply = Conversation.objects.get(account__slug="demo-us", messages__body_text__startswith="Thanks! The cable")
    assert reply.messages.get(body_text__startswith="Thanks! The cable").quoted_text
    assert reply.case.status == "open" and reply.case.deadlines.filter(state="met").exists()


def test_seed_demo_again_renews_the_day_without_duplicating(db):
    call_command("seed_demo", stdout=StringIO())
    cases, mails = Case.objects.count(), InboundMail.objects.count()
    later = timezone.now() + timedelta(days=3)
    with time_machine.travel(later, tick=False):
        out = StringIO()
        call_command("seed_demo", stdout=out)
        assert "renewed" in out.getvalue()
        assert Case.objects.count() == cases and InboundMail.objects.count() == mails
        assert SellerAccount.objects.count() == 3
        # Clocks relative to the new now: the shipping inquiry is two hours old again (mail dates whole seconds).
        inquiry = Case.objects.get(account__slug="demo-us", subject__startswith="Shipping inquiry")
        assert timedelta(hours=2) <= later - inquiry.opened_at < timedelta(hours=2, seconds=1)

"""A buyer's cancellation request as Amazon relays it, read from the mail, opens the order's problem
with the buyer's own reason; other buyer mail does not."""

from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from messaging.models import Message
from messaging.parsing import parse_mail
from problems.models import OrderProblem, ProblemKind
from problems.services import problems_detect
from tests.factories import OrderFactory
from tests.outbound.helpers import receive

pytestmark = pytest.mark.django_db

MAIL = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
CANCELLATIONS = [
    "09_es_cancellation",
    "23_cancellation_alternative",
    "32_cancellation_reason",
    "33_cancellation_new_layout",
]


def relay_mail(subject: str, body: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = '"Lena - Amazon Marketplace" <nxfzwxbkqbx3wv2@marketplace.amazon.de>'
    mail["To"] = "support@acme.example"
    mail["Subject"] = subject
    mail["Message-ID"] = "<cancel-test@email.amazonses.com>"
    mail.set_content(body)
    return bytes(mail)


@pytest.mark.parametrize("name", sorted(p.stem for p in MAIL.glob("*.eml")))
def test_only_the_relayed_cancellation_requests_are_marked(name):
    assert parse_mail((MAIL / f"{name}.eml").read_bytes()).cancellation_request == (name in CANCELLATIONS)


def test_amazons_sentence_alone_marks_it_and_a_reply_in_its_thread_does_not():
    german = relay_mail(
        "Anfrage von Amazon-Kunde Lena (Bestellung: 302-1234567-1234567)",
        "Der Käufer hat die Stornierung dieser Bestellung beantragt.\n\n"
        "------------- Anfang der Nachricht -------------\nFalsche Größe bestellt.\n"
        "------------- Ende der Nachricht -------------\n",
    )
    assert parse_mail(german).cancellation_request
    reply = relay_mail(
        "Re: Order cancellation request from Amazon customer Lena (Order: 302-1234567-1234567)",
        "Thanks, and when will the refund arrive?",
    )
    assert not parse_mail(reply).cancellation_request


def test_a_relayed_request_opens_the_orders_problem_with_the_buyers_reason(account):
    receive(account, (MAIL / "32_cancellation_reason.eml").read_bytes())
    request = Message.objects.get(cancellation_request=True)
    order = OrderFactory(
        account=account,
        amazon_order_id="111-5540921-7730146",
        status="Unshipped",
        ship_date=None,
        latest_ship_date=request.sent_at + timedelta(hours=30),
    )
    problems_detect(account=account, now=request.sent_at + timedelta(hours=1))
    problem = OrderProblem.objects.get(order=order)
    assert problem.kind == ProblemKind.BUYER_CANCEL and problem.request_message == request
    assert "Please cancel before it ships." in request.body_text
    assert "The buyer has requested" not in request.body_text

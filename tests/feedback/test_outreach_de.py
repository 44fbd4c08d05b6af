"""Buyer outreach in German: Amazon's rules on incentives, compensation and removal asks hold for
messages to amazon.de buyers too."""

import uuid

import pytest

from feedback.models import Feedback
from feedback.services import (
    OutreachRefused,
    feedback_outreach_check,
    feedback_outreach_send,
    feedback_resolution_record,
)
from feedback.services.outreach import asks_removal
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

RATER = "p7m2k9x4q1w8e3r@marketplace.amazon.de"
SORRY = "Es tut uns leid, dass die Flasche verbeult ankam. Wir senden Ihnen kostenlos einen Ersatz."
ASK = "Wir freuen uns, dass alles geklärt ist. Würden Sie Ihre Bewertung noch einmal überdenken?"


@pytest.fixture
def agent_de(other_account):
    user = UserFactory(username="greta")
    MembershipFactory(user=user, account=other_account, role="agent")
    return user


@pytest.fixture
def feedback(import_rows, other_account) -> Feedback:
    import_rows(("302-3456789-0123456", 10, 1, "Kam verbeult an."), target=other_account)
    Feedback.objects.update(rater_email=RATER)
    return Feedback.objects.select_related("case", "account").get()


def contact(feedback, agent, *, text, purpose="resolve"):
    return feedback_outreach_send(
        feedback=feedback, text=text, purpose=purpose, key=uuid.uuid4().hex, seen_message_id=0, actor=agent
    )


def resolve(feedback, agent):
    feedback_resolution_record(feedback=feedback, kind="replacement", note="Ersatz verschickt.", actor=agent)


class TestRemovalAsk:
    @pytest.mark.parametrize(
        "text",
        [
            "Könnten Sie Ihre Bewertung noch einmal überdenken?",
            "Bitte löschen Sie Ihre negative Bewertung.",
            "Wäre es möglich, die Bewertung zu entfernen?",
            "Wir würden uns freuen, wenn Sie Ihre 1-Sterne-Bewertung anpassen.",
            "Würden Sie Ihr Feedback ändern?",
            "Vielleicht möchten Sie Ihre Rezension aktualisieren.",
            "Ziehen Sie Ihre Bewertung bitte zurück.",
        ],
    )
    def test_asks(self, text):
        assert asks_removal(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Vielen Dank für Ihre Bewertung.",
            "Bitte entfernen Sie die Schutzfolie vor dem ersten Gebrauch.",
            SORRY,
        ],
    )
    def test_not_an_ask(self, text):
        assert not asks_removal(text)


class TestRules:
    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("Als Dankeschön erhalten Sie einen Gutschein über 10 €.", "Als Dankeschön"),
            ("Gerne senden wir Ihnen einen Rabattcode.", "Rabattcode"),
            ("Dafür bekommen Sie einen Amazon-Gutschein.", "Gutschein"),
            ("Sie erhalten 15 % auf Ihre nächste Bestellung.", "15 % auf Ihre nächste"),
            ("Wir legen ein Gratis-Produkt bei.", "Gratis-Produkt"),
            ("Im Gegenzug würden wir uns über fünf Sterne freuen.", "Im Gegenzug"),
        ],
    )
    def test_an_incentive_is_refused(self, feedback, text, word):
        reason = feedback_outreach_check(feedback=feedback, text=text, purpose="resolve")

        assert reason.startswith(f"The message offers an incentive (“{word}”)")

    def test_a_free_replacement_is_a_resolution_not_an_incentive(self, feedback, agent_de):
        assert feedback_outreach_check(feedback=feedback, text=SORRY, purpose="resolve") is None
        assert contact(feedback, agent_de, text=SORRY).purpose == "resolve"

    def test_the_text_counts_even_when_the_form_says_resolve(self, feedback, agent_de):
        with pytest.raises(OutreachRefused, match="Resolve first"):
            contact(feedback, agent_de, text=ASK, purpose="resolve")

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("Die Rückerstattung ist veranlasst. Würden Sie Ihre Bewertung entfernen?", "Rückerstattung"),
            ("Ein Ersatzgerät ist unterwegs, vielleicht möchten Sie Ihre Bewertung anpassen.", "Ersatzgerät"),
            ("Wir haben Ihnen eine Gutschrift erteilt. Bitte ändern Sie Ihre Bewertung.", "Gutschrift"),
        ],
    )
    def test_a_removal_ask_next_to_compensation_is_refused(self, feedback, agent_de, text, word):
        resolve(feedback, agent_de)

        with pytest.raises(OutreachRefused, match=f"mentions “{word}”: Amazon forbids asking"):
            contact(feedback, agent_de, text=text, purpose="removal_ask")

    def test_after_a_resolution_the_ask_is_allowed_and_recorded_as_an_ask(self, feedback, agent_de):
        resolve(feedback, agent_de)

        recorded = contact(feedback, agent_de, text=ASK, purpose="resolve")

        assert (recorded.purpose, recorded.text, recorded.reply.to_address) == ("removal_ask", ASK, RATER)

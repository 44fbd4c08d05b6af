"""Buyer outreach in French, Spanish and Italian: Amazon's rules on incentives, compensation and
removal asks hold for messages to amazon.fr, amazon.es and amazon.it buyers too."""

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
from tests.factories import AccountFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TIMEZONES = {"FR": "Europe/Paris", "ES": "Europe/Madrid", "IT": "Europe/Rome"}
# A free replacement (a resolution) and, once resolved, a plain ask, in each marketplace's language.
SORRY = {
    "FR": "Désolés que la bouteille soit arrivée cabossée. Nous vous envoyons gratuitement un remplacement.",
    "ES": "Sentimos que la botella llegara abollada. Le enviamos un reemplazo gratuito.",
    "IT": "Ci dispiace che la bottiglia sia arrivata ammaccata. Le inviamo gratuitamente una sostituzione.",
}
ASK = {
    "FR": "Nous sommes ravis que tout soit réglé. Pourriez-vous revoir votre évaluation ?",
    "ES": "Nos alegra que todo esté resuelto. ¿Podría modificar su valoración?",
    "IT": "Siamo felici che tutto sia risolto. Potrebbe modificare la sua recensione?",
}


@pytest.fixture(params=["FR", "ES", "IT"])
def marketplace(request) -> str:
    return request.param


@pytest.fixture
def seller(marketplace):
    return AccountFactory(slug=f"acme-{marketplace.lower()}", marketplace=marketplace, timezone=TIMEZONES[marketplace])


@pytest.fixture
def agent_eu(seller):
    user = UserFactory(username=f"agent-{seller.marketplace.lower()}")
    MembershipFactory(user=user, account=seller, role="agent")
    return user


@pytest.fixture
def feedback(import_rows, seller) -> Feedback:
    import_rows(("402-3456789-0123456", 10, 1, "Bouteille cabossée."), target=seller)
    Feedback.objects.update(rater_email=f"p7m2k9x4q1w8e3r@marketplace.amazon.{seller.marketplace.lower()}")
    return Feedback.objects.select_related("case", "account").get()


def contact(feedback, agent, *, text, purpose="resolve"):
    return feedback_outreach_send(
        feedback=feedback, text=text, purpose=purpose, key=uuid.uuid4().hex, seen_message_id=0, actor=agent
    )


def resolve(feedback, agent):
    feedback_resolution_record(feedback=feedback, kind="replacement", note="Remplacement envoyé.", actor=agent)


class TestRemovalAsk:
    @pytest.mark.parametrize(
        "text",
        [
            "Pourriez-vous supprimer votre avis négatif ?",
            "Serait-il possible de modifier votre évaluation ?",
            "Nous vous serions reconnaissants de revoir votre commentaire.",
            "Accepteriez-vous de retirer vos 1 étoile ?",
            "¿Podría eliminar su valoración negativa?",
            "Le agradeceríamos que modificara su opinión.",
            "¿Sería posible borrar su reseña?",
            "Si lo desea, puede actualizar su comentario.",
            "Potrebbe rimuovere la sua recensione negativa?",
            "Le chiediamo gentilmente di modificare la sua valutazione.",
            "Sarebbe possibile cancellare il suo feedback?",
            "Magari potrebbe aggiornare il suo commento.",
        ],
    )
    def test_asks(self, text):
        assert asks_removal(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Merci pour votre avis. Au revoir et à bientôt.",
            "Merci pour votre avis, au revoir.",
            "Veuillez retirer le film protecteur avant la première utilisation.",
            "Gracias por su valoración.",
            "Por favor, quite el plástico protector antes del primer uso.",
            "Grazie per la sua recensione.",
            "Rimuova la pellicola protettiva prima del primo utilizzo.",
            *SORRY.values(),
        ],
    )
    def test_not_an_ask(self, text):
        assert not asks_removal(text)


class TestRules:
    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("En remerciement, vous recevrez un bon d'achat de 10 €.", "En remerciement"),
            ("Voici un code promo pour votre prochaine commande.", "code promo"),
            ("Nous vous offrons une réduction de 20 %.", "réduction"),
            ("Nous joignons un cadeau gratuit à votre colis.", "cadeau gratuit"),
            ("Como agradecimiento, le enviamos un cupón de 10 €.", "Como agradecimiento"),
            ("Le ofrecemos un descuento del 15 % en su próxima compra.", "descuento"),
            ("Le regalamos una tarjeta regalo de Amazon.", "tarjeta regalo"),
            ("Incluimos un producto gratis para usted.", "producto gratis"),
            ("Come ringraziamento riceverà un buono sconto.", "Come ringraziamento"),
            ("Ecco un codice sconto per il suo prossimo ordine.", "codice sconto"),
            ("Le inviamo un prodotto in omaggio.", "omaggio"),
            ("In cambio di cinque stelle le rimborsiamo la spedizione.", "In cambio di"),
        ],
    )
    def test_an_incentive_is_refused(self, feedback, text, word):
        reason = feedback_outreach_check(feedback=feedback, text=text, purpose="resolve")

        assert reason.startswith(f"The message offers an incentive (“{word}”)")

    def test_a_free_replacement_is_a_resolution_not_an_incentive(self, feedback, agent_eu, marketplace):
        assert feedback_outreach_check(feedback=feedback, text=SORRY[marketplace], purpose="resolve") is None
        assert contact(feedback, agent_eu, text=SORRY[marketplace]).purpose == "resolve"

    def test_the_text_counts_even_when_the_form_says_resolve(self, feedback, agent_eu, marketplace):
        with pytest.raises(OutreachRefused, match="Resolve first"):
            contact(feedback, agent_eu, text=ASK[marketplace], purpose="resolve")

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("Le remboursement est effectué. Pourriez-vous supprimer votre avis ?", "remboursement"),
            ("Un appareil de remplacement est en route, vous pourriez modifier votre évaluation.", "remplacement"),
            ("El reembolso ya está hecho. ¿Podría eliminar su valoración?", "reembolso"),
            ("Le hemos enviado un reemplazo, quizás quiera cambiar su opinión.", "reemplazo"),
            ("Il rimborso è stato effettuato. Potrebbe rimuovere la sua recensione?", "rimborso"),
            ("Abbiamo spedito una sostituzione, potrebbe modificare la sua valutazione.", "sostituzione"),
        ],
    )
    def test_a_removal_ask_next_to_compensation_is_refused(self, feedback, agent_eu, text, word):
        resolve(feedback, agent_eu)

        with pytest.raises(OutreachRefused, match=f"mentions “{word}”: Amazon forbids asking"):
            contact(feedback, agent_eu, text=text, purpose="removal_ask")

    def test_after_a_resolution_the_ask_is_allowed_and_recorded_as_an_ask(self, feedback, agent_eu, marketplace):
        resolve(feedback, agent_eu)

        recorded = contact(feedback, agent_eu, text=ASK[marketplace], purpose="resolve")

        assert (recorded.purpose, recorded.text, recorded.reply.to_address) == (
            "removal_ask",
            ASK[marketplace],
            feedback.rater_email,
        )

"""Each demo account's sender address and canned responses for `seed_demo`, in the marketplace's language.

The templates use the variables the demo orders fill (buyer, order, product, carrier, tracking), so
inserting one into a demo conversation gives a reply ready to send; the compliance guard reads them
as it reads any reply."""

from collections.abc import Iterator
from datetime import datetime

from helpdesk.models import Order, SellerAccount

from .services import canned_response_save, outbound_settings_save

CANNED = {
    "en": [
        (
            "Where is my order",
            "Hello {buyer_name},\n\nthank you for your message about order {order_id}. Your {product_title} "
            "was handed to {carrier} with tracking number {tracking_number}. I have asked {carrier} to check "
            "the shipment and will write again as soon as I hear back.\n\nBest regards,\n{agent_name}, {seller_name}",
        ),
        (
            "Replacement for a damaged item",
            "Hello {buyer_name},\n\nI am sorry your {product_title} arrived damaged. We are sending a "
            "replacement today at no cost to you; you do not need to send the damaged one back.\n\n"
            "Best regards,\n{agent_name}, {seller_name}",
        ),
        (
            "Cancellation",
            "Hello {buyer_name},\n\nas you asked, we have cancelled order {order_id}. You will not be "
            "charged for it.\n\nBest regards,\n{agent_name}, {seller_name}",
        ),
    ],
    "de": [
        (
            "Wo ist meine Bestellung",
            "Hallo {buyer_name},\n\nvielen Dank für Ihre Nachricht zur Bestellung {order_id}. Ihr {product_title} "
            "wurde an {carrier} übergeben, Sendungsnummer {tracking_number}. Ich habe {carrier} gebeten, die "
            "Sendung zu prüfen, und melde mich, sobald ich Antwort habe.\n\nViele Grüße\n{agent_name}, {seller_name}",
        ),
        (
            "Ersatz für beschädigten Artikel",
            "Hallo {buyer_name},\n\nes tut mir leid, dass Ihr {product_title} beschädigt ankam. Wir schicken "
            "Ihnen heute kostenlos Ersatz; den beschädigten Artikel müssen Sie nicht zurücksenden.\n\n"
            "Viele Grüße\n{agent_name}, {seller_name}",
        ),
    ],
    "fr": [
        (
            "Où est ma commande",
            "Bonjour {buyer_name},\n\nmerci pour votre message concernant la commande {order_id}. Votre "
            "{product_title} a été confié à {carrier}, numéro de suivi {tracking_number}. J'ai demandé à {carrier} "
            "de vérifier l'envoi et je reviens vers vous dès que possible.\n\n"
            "Cordialement,\n{agent_name}, {seller_name}",
        ),
        (
            "Remplacement d'un article endommagé",
            "Bonjour {buyer_name},\n\nje suis désolé que votre {product_title} soit arrivé endommagé. Nous vous "
            "envoyons un remplacement aujourd'hui, sans frais ; inutile de renvoyer l'article.\n\n"
            "Cordialement,\n{agent_name}, {seller_name}",
        ),
    ],
}
LANGUAGE = {"US": "en", "GB": "en", "DE": "de", "FR": "fr"}


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    admin = people["admin"]
    outbound_settings_save(
        account=account,
        from_address=f"support@{account.slug}.example",
        display_name=account.name,
        actor=admin,
    )
    for name, body in CANNED[LANGUAGE.get(account.marketplace, "en")]:
        canned_response_save(account=account, name=name, body=body, actor=admin)

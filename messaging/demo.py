"""Demo buyer conversations for `seed_demo`: a working day of relay mail, read the way a mailbox's is.

Each mail is built in the shape Amazon's relay sends (From "<buyer> - Amazon Marketplace" at the
marketplace's relay domain, the order and item lines, the localised Begin/End markers, the footer with
`mp=` and the `[commMgrTok:…]` token), dated relative to now, and goes through `mail_import`: stored
as received, parsed, filed into its conversation, the case opened with its 24-hour clock. So the
demo has what a real mailbox gives: several languages, an attachment, a buyer's top-posted reply to
an answer the seller sent from Seller Central, clocks at every age (one about to warn, one warning,
one breached) and one conversation answered in time.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from helpdesk.models import CaseStatus, Order, SellerAccount
from helpdesk.services.cases import case_assign
from helpdesk.services.lifecycle import case_transition, deadline_meet

from .kinds import MESSAGE_RESPONSE
from .models import Conversation, MailSource
from .services import mail_import

# The relay's template, in the marketplace's language (the buyer may write in another).
LAYOUTS = {
    "en": {
        "order": "Order ID {order}:",
        "item": "1 of {title} [ASIN: {asin}]",
        "begin": "Begin message",
        "end": "End message",
        "subject": "{topic} from Amazon customer {name} (Order: {order})",
        "copy": "Here is a copy of the e-mail that you sent to {name}.",
        "footer": "For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all "
        "messages buyers and sellers send through {site} for two years.",
        "report": "If you believe this message is suspicious, please report it to us here:",
    },
    "de": {
        "order": "Bestellnummer: {order}",
        "item": "1 von {title} [ASIN: {asin}]",
        "begin": "Anfang der Nachricht",
        "end": "Ende der Nachricht",
        "subject": "{topic} von Amazon-Kunde {name} (Bestellung: {order})",
        "copy": "Here is a copy of the e-mail that you sent to {name}.",
        "footer": "Wichtiger Hinweis: Um bei Streitfällen vermitteln zu können, speichern wir alle Nachrichten "
        "zwischen Käufern und Verkäufern, die über {site} versendet werden.",
        "report": "Verdächtige Aktivitäten melden:",
    },
    "fr": {
        "order": "N° de commande {order}:",
        "item": "1 sur {title} [ASIN: {asin}]",
        "begin": "Début du message",
        "end": "Fin du message",
        "subject": "{topic} de la part du client Amazon {name} (Commande : {order})",
        "copy": "Here is a copy of the e-mail that you sent to {name}.",
        "footer": "Important : Afin d'aider au règlement des litiges, nous gardons une copie de tous les courriels "
        "envoyés et reçus par le biais d'{site}.",
        "report": "Signaler un message suspect :",
    },
}
LAYOUT_OF = {"US": "en", "DE": "de", "FR": "fr"}


@dataclass(frozen=True)
class DemoMail:
    topic: str  # the subject's topic, in the layout's language
    text: str  # the buyer's words ({name} is their first name)
    age: timedelta  # received this long ago
    attachment: tuple[str, str, bytes] | None = None  # (filename, content type, bytes)


# A photo of the damage: the smallest JPEG a mail client would send (SOI, JFIF header, EOI).
PHOTO = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")

# Per marketplace: the conversations of the day, each the buyer's first mail. The first of each list is
# held by the agent; ages put the clocks at every stage of the 24-hour window (warned 6 hours before).
DAY: dict[str, list[DemoMail]] = {
    "US": [
        DemoMail(
            "Shipping inquiry",
            "Hi, my order was supposed to arrive yesterday and the tracking hasn't moved in three days.\n"
            "Can you check with the carrier please?\n\nThanks,\n{name}",
            timedelta(hours=2),
        ),
        DemoMail(
            "Inquiry",
            "Hola, ¿la botella se puede lavar en el lavavajillas? La tapa también?\n\nGracias,\n{name}",
            timedelta(hours=17, minutes=40),
        ),
        DemoMail(
            "Inquiry",
            "The item arrived damaged (photo attached): the box was crushed and it does not close properly.\n"
            "I would like a replacement, not a refund.\n\n{name}",
            timedelta(hours=5),
            ("IMG_2041.jpg", "image/jpeg", PHOTO),
        ),
        DemoMail(
            "Order cancellation request",
            "Please cancel this order, I ordered the wrong size by mistake.\n\n{name}",
            timedelta(hours=27),
        ),
    ],
    "DE": [
        DemoMail(
            "Anfrage",
            "Hallo,\n\ndie Lieferung kam ohne Deckel an. Können Sie mir einen Deckel nachschicken?\n\n"
            "Viele Grüße\n{name}",
            timedelta(hours=3),
        ),
        DemoMail(
            "Anfrage",
            "Hello, I live in Munich but do not speak German well. Is the tent waterproof enough for "
            "a week of rain?\n\nBest,\n{name}",
            timedelta(hours=19),
        ),
        DemoMail(
            "Anfrage",
            "Guten Tag,\n\nwo bleibt meine Bestellung? Laut Sendungsverfolgung liegt das Paket seit Tagen im "
            "Verteilzentrum.\n\n{name}",
            timedelta(hours=30),
        ),
    ],
    "FR": [
        DemoMail(
            "Demande de renseignements",
            "Bonjour,\nest-ce que la gourde garde les boissons chaudes pendant 12 heures ?\nMerci d'avance,\n{name}",
            timedelta(hours=8),
        ),
        DemoMail(
            "Demande de renseignements",
            "Bonjour,\nle colis est arrivé abîmé et la lampe ne s'allume pas. Que dois-je faire ?\n\n{name}",
            timedelta(hours=20),
        ),
    ],
}

# A thread the seller answered from Seller Central (Amazon's copy of it comes back through the relay),
# then the buyer answered from their own mail client, above the quoted exchange: per layout,
# (the question, the seller's answer, the buyer's top-posted reply).
THREAD = {
    "en": (
        "Does the head lamp come with a USB-C cable, or do I need my own?\n\n{name}",
        "Hello {name},\nthe lamp comes with a USB-C cable in the box. A full charge takes about three hours.\n"
        "Best regards,\n{seller}",
        "Thanks! The cable was not in the box though, only the lamp. Can you send one?\n\n{name}",
    ),
    "de": (
        "Ist die Stirnlampe mit USB-C-Kabel? Oder brauche ich ein eigenes?\n\n{name}",
        "Hallo {name},\ndas USB-C-Kabel liegt der Lampe bei. Eine volle Ladung dauert etwa drei Stunden.\n"
        "Viele Grüße\n{seller}",
        "Danke! Das Kabel war aber nicht im Karton, nur die Lampe. Können Sie eins schicken?\n\n{name}",
    ),
    "fr": (
        "La lampe frontale est-elle livrée avec un câble USB-C ?\n\n{name}",
        "Bonjour {name},\nle câble USB-C est fourni avec la lampe. Une charge complète prend environ trois heures.\n"
        "Cordialement,\n{seller}",
        "Merci ! Mais le câble n'était pas dans la boîte, seulement la lampe. Pouvez-vous en envoyer un ?\n\n{name}",
    ),
}
THANKS = {
    "en": "Just to say the parcel arrived safely. Thank you!\n\n{name}",
    "de": "Das Paket ist gut angekommen. Vielen Dank!\n\n{name}",
    "fr": "Le colis est bien arrivé. Merci beaucoup !\n\n{name}",
}
TOPIC = {"en": "Inquiry", "de": "Anfrage", "fr": "Demande de renseignements"}


class _Relay:
    """Builds one account's relay mail: the marketplace's layout, ids stable per order and purpose."""

    def __init__(self, account: SellerAccount, now: datetime):
        self.account = account
        self.now = now
        self.words = LAYOUTS[LAYOUT_OF.get(account.marketplace, "en")]
        self.site = account.site.capitalize()

    def token(self, order: Order, purpose: str) -> str:
        return "A" + hashlib.sha1(f"{order.amazon_order_id}:{purpose}".encode()).hexdigest()[:12].upper()

    def template(self, order: Order, body: str, token: str, at: datetime) -> str:
        item = order.items.first()
        w = self.words
        return (
            f"{w['order'].format(order=order.amazon_order_id)}\n"
            f"{w['item'].format(title=item.title, asin=item.asin)}\n\n"
            f"------------- {w['begin']} -------------\n\n{body}\n\n------------- {w['end']} -------------\n\n"
            f"{w['footer'].format(site=self.site)}\n\n"
            f"{w['report']} https://www.{self.account.site}/gp/communication-manager/report.html"
            f"?ft=InappropriateContent&msg={token}&d={int(at.timestamp())}&mp={self.account.marketplace_id}&v=1\n\n"
            f"[commMgrTok:{token}]\n"
        )

    def mail(
        self,
        *,
        order: Order,
        purpose: str,
        topic: str,
        body: str,
        age: timedelta,
        sender: str = "",
        reply: bool = False,
        attachment: tuple[str, str, bytes] | None = None,
        whole: str = "",
    ) -> tuple[str, bytes]:
        """(reference, bytes) of one relay mail about `order`, received `age` ago: `body` inside the
        relay's template, or the `whole` text as it is (a seller copy, a top-posted reply)."""
        at = self.now - age
        name = order.buyer_name
        subject = self.words["subject"].format(topic=topic, name=name, order=order.amazon_order_id)
        message = EmailMessage()
        message["Received"] = (
            f"from a8-29.smtp-out.amazonses.com by mx.{self.account.slug}.example; {format_datetime(at)}"
        )
        message["From"] = f'"{sender or name} - Amazon Marketplace" <{order.buyer_email}>'
        message["To"] = f"support@{self.account.slug}.example"
        message["Subject"] = f"RE: {subject}" if reply else subject
        message["Message-ID"] = f"<{self.token(order, purpose).lower()}@email.amazonses.com>"
        message["Date"] = format_datetime(at)
        message.set_content(whole or self.template(order, body, self.token(order, purpose), at))
        if attachment:
            filename, content_type, data = attachment
            maintype, subtype = content_type.split("/")
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        return f"demo:{order.amazon_order_id}:{purpose}", bytes(message)


def _read(account: SellerAccount, *mails: tuple[str, bytes]) -> None:
    result = mail_import(account=account, mails=list(mails), source=MailSource.UPLOAD)
    if result.rejected:
        raise RuntimeError(f"demo mail not read: {result.problems}")


def _conversation(account: SellerAccount, order: Order) -> Conversation:
    return Conversation.objects.select_related("case").get(account=account, amazon_order_id=order.amazon_order_id)


def seed(*, account: SellerAccount, orders: Iterator[Order], people: dict, now: datetime) -> None:
    relay = _Relay(account, now)
    language = LAYOUT_OF.get(account.marketplace, "en")
    for index, demo in enumerate(DAY.get(account.marketplace, [])):
        order = next(orders)
        first = order.buyer_name.split()[0]
        _read(
            account,
            relay.mail(
                order=order,
                purpose="first",
                topic=demo.topic,
                body=demo.text.format(name=first),
                age=demo.age,
                attachment=demo.attachment,
            ),
        )
        if index == 0:
            case_assign(case=_conversation(account, order).case, assignee=people["agent"], actor=people["manager"])

    # Asked two days ago, answered from Seller Central in time, the buyer's top-posted reply this morning.
    question, answer, follow_up = THREAD[language]
    order = next(orders)
    first = order.buyer_name.split()[0]
    topic = TOPIC[language]
    _read(
        account,
        relay.mail(
            order=order, purpose="question", topic=topic, body=question.format(name=first), age=timedelta(hours=50)
        ),
    )
    seller_words = answer.format(name=first, seller=account.name)
    copy = relay.words["copy"].format(name=order.buyer_name) + "\n\n"
    _read(
        account,
        relay.mail(
            order=order,
            purpose="copy",
            topic=topic,
            body=seller_words,
            age=timedelta(hours=47),
            sender=account.name,
            reply=True,
            whole=copy + relay.template(order, seller_words, relay.token(order, "copy"), now - timedelta(hours=47)),
        ),
    )
    case = _conversation(account, order).case
    deadline_meet(deadline=case.deadlines.get(kind=MESSAGE_RESPONSE), at=now - timedelta(hours=47))
    case_transition(case=case, to=CaseStatus.WAITING, actor=people["agent"])
    quoted = relay.template(order, seller_words, relay.token(order, "copy"), now - timedelta(hours=47))
    top_posted = (
        f"{follow_up.format(name=first)}\n\n-----Original Message-----\n"
        f"From: {account.name} - Amazon Marketplace\nSent: {format_datetime(now - timedelta(hours=47))}\n\n{quoted}"
    )
    _read(
        account,
        relay.mail(
            order=order, purpose="reply", topic=topic, body="", age=timedelta(hours=3), reply=True, whole=top_posted
        ),
    )

    # A thank-you, answered within the hour and resolved.
    order = next(orders)
    body = THANKS[language].format(name=order.buyer_name.split()[0])
    _read(account, relay.mail(order=order, purpose="thanks", topic=topic, body=body, age=timedelta(hours=6)))
    case = _conversation(account, order).case
    deadline_meet(deadline=case.deadlines.get(kind=MESSAGE_RESPONSE), at=now - timedelta(hours=5, minutes=20))
    case_transition(case=case, to=CaseStatus.RESOLVED, actor=people["agent"])

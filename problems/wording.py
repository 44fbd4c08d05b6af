"""The canned messages of order problems, in the marketplace's language (English elsewhere), drafted for
the agent to read and change before sending.

Each says sorry, gives the facts the buyer needs (the new date, or that nothing will be charged), and
offers the alternative without pushing it. None is a shipping or order confirmation, none carries a
link, an address or anything in return for feedback: each passes the compliance guard as a message the
seller starts (tested in tests/problems/test_wording.py, every language)."""

from datetime import date

from .models import ProblemKind

DELAY, MUST_CANCEL, CANCELLED_AS_ASKED, ALREADY_SHIPPED = "delay", "must_cancel", "cancelled", "shipped"

ENGLISH = {
    "greeting": "Dear {buyer},",
    "anonymous": "Dear customer,",
    "item": "your item",
    "date": "{day:%A %d %B}",
    DELAY: "We are sorry: your order {order_id} ({item}) is taking longer to leave us than we promised. "
    "We now expect it to reach you by {new_date}.\n\n"
    "If that date does not suit you, you are welcome to ask us to cancel the order, and you will not be "
    "charged for it. If it does suit you, there is nothing you need to do.\n\n"
    "We apologise for the delay.",
    MUST_CANCEL: "We are very sorry: we are unable to fulfil your order {order_id} ({item}), as the item is out of "
    "stock. We have cancelled the order, so you will not be charged for it.\n\n"
    "If you still need the item, it may be offered by other sellers on Amazon. "
    "We apologise for the inconvenience.",
    CANCELLED_AS_ASKED: "Thank you for your message. We have cancelled your order {order_id} as you asked, "
    "so you will not be charged for it.",
    ALREADY_SHIPPED: "Thank you for your message, and we are sorry: your order {order_id} had already left us when "
    "your request reached us, so we could no longer cancel it. If you do not want it, you can return it from "
    "Your Orders on Amazon once it arrives, and we will refund you when it reaches us.",
}
GERMAN = {
    "greeting": "Hallo {buyer},",
    "anonymous": "Hallo,",
    "item": "Ihr Artikel",
    "date": "{day:%d.%m.%Y}",
    DELAY: "es tut uns leid: Ihre Bestellung {order_id} ({item}) verlässt uns später als zugesagt. "
    "Wir rechnen nun damit, dass sie bis zum {new_date} bei Ihnen ist.\n\n"
    "Wenn Ihnen dieser Termin nicht passt, können Sie uns gerne bitten, die Bestellung zu stornieren; "
    "sie wird Ihnen dann nicht berechnet. Passt er Ihnen, müssen Sie nichts weiter tun.\n\n"
    "Bitte entschuldigen Sie die Verzögerung.",
    MUST_CANCEL: "es tut uns sehr leid: Wir können Ihre Bestellung {order_id} ({item}) nicht ausführen, da der "
    "Artikel nicht vorrätig ist. Wir haben die Bestellung storniert; sie wird Ihnen nicht berechnet.\n\n"
    "Falls Sie den Artikel noch brauchen, bieten ihn vielleicht andere Verkäufer auf Amazon an. "
    "Bitte entschuldigen Sie die Unannehmlichkeiten.",
    CANCELLED_AS_ASKED: "vielen Dank für Ihre Nachricht. Wir haben Ihre Bestellung {order_id} wie gewünscht "
    "storniert; sie wird Ihnen nicht berechnet.",
    ALREADY_SHIPPED: "vielen Dank für Ihre Nachricht, und es tut uns leid: Ihre Bestellung {order_id} war bereits "
    "unterwegs, als uns Ihre Anfrage erreichte, daher konnten wir sie nicht mehr stornieren. Wenn Sie sie nicht "
    "behalten möchten, können Sie sie nach Erhalt über Meine Bestellungen auf Amazon zurücksenden; wir erstatten "
    "Ihnen den Betrag, sobald sie bei uns ist.",
}
FRENCH = {
    "greeting": "Bonjour {buyer},",
    "anonymous": "Bonjour,",
    "item": "votre article",
    "date": "{day:%d/%m/%Y}",
    DELAY: "Nous sommes désolés : votre commande {order_id} ({item}) part de chez nous plus tard que prévu. "
    "Nous pensons désormais qu'elle vous parviendra d'ici le {new_date}.\n\n"
    "Si cette date ne vous convient pas, vous pouvez nous demander d'annuler la commande, qui ne vous sera "
    "alors pas facturée. Si elle vous convient, vous n'avez rien à faire.\n\n"
    "Veuillez nous excuser pour ce retard.",
    MUST_CANCEL: "Nous sommes vraiment désolés : nous ne pouvons pas honorer votre commande {order_id} ({item}), "
    "l'article n'étant plus en stock. Nous avons annulé la commande, qui ne vous sera pas facturée.\n\n"
    "Si vous avez toujours besoin de cet article, d'autres vendeurs le proposent peut-être sur Amazon. "
    "Veuillez nous excuser pour la gêne occasionnée.",
    CANCELLED_AS_ASKED: "Merci pour votre message. Nous avons annulé votre commande {order_id} comme vous l'avez "
    "demandé ; elle ne vous sera pas facturée.",
    ALREADY_SHIPPED: "Merci pour votre message, et nous sommes désolés : votre commande {order_id} était déjà partie "
    "quand votre demande nous est parvenue, nous ne pouvions donc plus l'annuler. Si vous ne souhaitez pas la "
    "garder, vous pourrez la retourner depuis Vos commandes sur Amazon à sa réception ; nous vous rembourserons "
    "dès qu'elle nous sera revenue.",
}
SPANISH = {
    "greeting": "Hola, {buyer}:",
    "anonymous": "Hola:",
    "item": "su artículo",
    "date": "{day:%d/%m/%Y}",
    DELAY: "Lo sentimos: su pedido {order_id} ({item}) está tardando más de lo prometido en salir de nuestro "
    "almacén. Ahora esperamos que le llegue antes del {new_date}.\n\n"
    "Si esa fecha no le conviene, puede pedirnos que cancelemos el pedido y no se le cobrará. "
    "Si le conviene, no tiene que hacer nada.\n\n"
    "Le pedimos disculpas por el retraso.",
    MUST_CANCEL: "Lo sentimos mucho: no podemos completar su pedido {order_id} ({item}) porque el artículo está "
    "agotado. Hemos cancelado el pedido y no se le cobrará.\n\n"
    "Si todavía necesita el artículo, es posible que otros vendedores lo ofrezcan en Amazon. "
    "Le pedimos disculpas por las molestias.",
    CANCELLED_AS_ASKED: "Gracias por su mensaje. Hemos cancelado su pedido {order_id} como nos pidió, "
    "así que no se le cobrará.",
    ALREADY_SHIPPED: "Gracias por su mensaje, y lo sentimos: su pedido {order_id} ya había salido cuando recibimos "
    "su solicitud, así que no pudimos cancelarlo. Si no lo quiere, puede devolverlo desde Mis pedidos en Amazon "
    "cuando lo reciba, y le reembolsaremos en cuanto nos llegue.",
}
ITALIAN = {
    "greeting": "Gentile {buyer},",
    "anonymous": "Gentile cliente,",
    "item": "il suo articolo",
    "date": "{day:%d/%m/%Y}",
    DELAY: "ci scusiamo: il suo ordine {order_id} ({item}) sta partendo più tardi di quanto promesso. "
    "Ora prevediamo che le arrivi entro il {new_date}.\n\n"
    "Se questa data non le va bene, può chiederci di annullare l'ordine, che non le verrà addebitato. "
    "Se le va bene, non deve fare nulla.\n\n"
    "Ci scusiamo per il ritardo.",
    MUST_CANCEL: "siamo davvero spiacenti: non possiamo evadere il suo ordine {order_id} ({item}) perché "
    "l'articolo è esaurito. Abbiamo annullato l'ordine, che non le verrà addebitato.\n\n"
    "Se le serve ancora l'articolo, potrebbe essere offerto da altri venditori su Amazon. "
    "Ci scusiamo per il disagio.",
    CANCELLED_AS_ASKED: "grazie per il suo messaggio. Abbiamo annullato il suo ordine {order_id} come richiesto, "
    "quindi non le verrà addebitato.",
    ALREADY_SHIPPED: "grazie per il suo messaggio, e ci dispiace: il suo ordine {order_id} era già partito quando "
    "abbiamo ricevuto la sua richiesta, quindi non potevamo più annullarlo. Se non lo desidera, può restituirlo "
    "da I miei ordini su Amazon una volta arrivato, e la rimborseremo appena ci sarà tornato.",
}
BY_MARKETPLACE = {"DE": GERMAN, "AT": GERMAN, "FR": FRENCH, "BE": FRENCH, "ES": SPANISH, "IT": ITALIAN}
LANGUAGES = (ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN)


def problem_message(
    *,
    kind: str,
    shipped: bool,
    order_id: str,
    buyer: str,
    item: str,
    seller: str,
    new_date: date | None = None,
    marketplace: str = "",
    words: dict | None = None,
) -> str:
    """The drafted message for a problem of `kind` (a buyer's request: whether the order has shipped), in the
    marketplace's language (or in `words`, one of LANGUAGES)."""
    words = words or BY_MARKETPLACE.get(marketplace, ENGLISH)
    template = {
        ProblemKind.LATE: DELAY,
        ProblemKind.MUST_CANCEL: MUST_CANCEL,
        ProblemKind.BUYER_CANCEL: ALREADY_SHIPPED if shipped else CANCELLED_AS_ASKED,
    }[kind]
    first_name = buyer.split()[0] if buyer.strip() else ""
    greeting = words["greeting"].format(buyer=first_name) if first_name else words["anonymous"]
    body = words[template].format(
        order_id=order_id,
        item=item or words["item"],
        new_date=words["date"].format(day=new_date or date.today()),
    )
    return f"{greeting}\n\n{body}\n\n{seller}"

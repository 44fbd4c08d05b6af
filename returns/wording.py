"""What the decision form proposes to tell the buyer, in the marketplace's language (English
elsewhere). The agent edits it; the composer's compliance check reads what is sent."""

from .models import CloseReason, DecisionKind, LabelChoice

ENGLISH = {
    "greeting": "Hello {name},",
    "greeting_anonymous": "Hello,",
    "sign_off": "Kind regards,\n{seller}",
    DecisionKind.AUTHORISE: "we have authorised the return of your order {order}. {label} Please pack the item "
    "securely with everything that came with it. We will refund you as soon as it is back with us.",
    LabelChoice.AMAZON_PREPAID: "Amazon will send you a prepaid return label: print it and hand the parcel to the "
    "carrier it names.",
    LabelChoice.SELLER_LABEL: "We have added our own prepaid return label to your return request: you can print "
    "it from your orders in your Amazon account.",
    LabelChoice.BUYER_PAYS: "As our returns policy states for this return, the postage is yours to pay: please "
    "send it with a tracked service to the return address shown with your return in your Amazon account.",
    DecisionKind.CLOSE: "we have looked at your return request for order {order} and closed it: {reason}",
    CloseReason.OUTSIDE_WINDOW: "it reached us after the end of the return window for this order.",
    CloseReason.NOT_RETURNABLE: "this item cannot be returned, as its product page states.",
    CloseReason.BUYER_CANCELLED: "you let us know you no longer wish to return it.",
    CloseReason.RESOLVED: "we have resolved the problem together, so no return is needed.",
    CloseReason.ALREADY_REFUNDED: "your order has already been refunded.",
    DecisionKind.RETURNLESS: "there is no need to send the item back: we are refunding your order {order} without "
    "a return. The refund will show in your account within a few days.",
}

GERMAN = {
    "greeting": "Hallo {name},",
    "greeting_anonymous": "Hallo,",
    "sign_off": "Viele Grüße\n{seller}",
    DecisionKind.AUTHORISE: "wir haben die Rücksendung Ihrer Bestellung {order} genehmigt. {label} Bitte verpacken "
    "Sie den Artikel sicher mit allem, was dazugehörte. Sobald er bei uns ist, erstatten wir Ihnen den Betrag.",
    LabelChoice.AMAZON_PREPAID: "Amazon schickt Ihnen ein frankiertes Rücksendeetikett: Drucken Sie es aus und "
    "geben Sie das Paket beim genannten Versanddienst ab.",
    LabelChoice.SELLER_LABEL: "Wir haben unser eigenes frankiertes Rücksendeetikett zu Ihrer Rücksendung "
    "hinzugefügt: Sie können es in Ihrem Amazon-Konto bei Ihren Bestellungen ausdrucken.",
    LabelChoice.BUYER_PAYS: "Wie in unseren Rückgabebedingungen für diese Rücksendung angegeben, tragen Sie das "
    "Porto: Bitte senden Sie den Artikel versichert an die Rücksendeadresse in Ihrem Amazon-Konto.",
    DecisionKind.CLOSE: "wir haben Ihren Rücksendeantrag zur Bestellung {order} geprüft und geschlossen: {reason}",
    CloseReason.OUTSIDE_WINDOW: "er ist nach dem Ende der Rückgabefrist für diese Bestellung eingegangen.",
    CloseReason.NOT_RETURNABLE: "dieser Artikel ist, wie auf der Produktseite angegeben, von der Rückgabe "
    "ausgeschlossen.",
    CloseReason.BUYER_CANCELLED: "Sie haben uns mitgeteilt, dass Sie den Artikel nicht mehr zurücksenden möchten.",
    CloseReason.RESOLVED: "wir haben das Problem gemeinsam gelöst, eine Rücksendung ist nicht nötig.",
    CloseReason.ALREADY_REFUNDED: "Ihre Bestellung wurde bereits erstattet.",
    DecisionKind.RETURNLESS: "Sie müssen den Artikel nicht zurücksenden: Wir erstatten Ihre Bestellung {order} "
    "ohne Rücksendung. Die Erstattung erscheint in wenigen Tagen in Ihrem Konto.",
}

BY_MARKETPLACE = {"DE": GERMAN}


def decision_message(
    *, marketplace: str, kind: str, order_id: str, buyer_name: str, seller: str, label: str = "", reason: str = ""
) -> str:
    words = BY_MARKETPLACE.get(marketplace, ENGLISH)
    first_name = buyer_name.split()[0] if buyer_name.strip() else ""
    greeting = words["greeting"].format(name=first_name) if first_name else words["greeting_anonymous"]
    body = words[kind].format(
        order=order_id,
        label=words.get(label, words[LabelChoice.AMAZON_PREPAID]) if kind == DecisionKind.AUTHORISE else "",
        reason=words.get(reason, "") if kind == DecisionKind.CLOSE else "",
    )
    return f"{greeting}\n\n{body}\n\n{words['sign_off'].format(seller=seller)}"

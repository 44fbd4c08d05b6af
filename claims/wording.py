"""How Amazon words its A-to-z and chargeback notices, in the marketplaces' languages.

Each language lists the phrases that tell one thing apart: what the notice is
(a new claim, a request for more information, a decision), what the decision
was, what the buyer or card holder complained of, and the labels before the
reason and the shipping address. Phrases are matched case- and accent-
insensitively (`fold`), anywhere in the subject or the text, so a reworded
sentence around them still reads.
"""

import re
import unicodedata
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower case without accents, runs of spaces as one: what the phrases are matched against."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class Wording:
    language: str
    information: tuple[str, ...]  # Amazon or the card issuer asks for more
    decision: tuple[str, ...]  # the notice is a decision
    withdrawn: tuple[str, ...]
    granted_amazon: tuple[str, ...]  # granted, but Amazon pays
    granted_seller: tuple[str, ...]  # granted or lost, charged to the seller
    denied: tuple[str, ...]  # decided in the seller's favour
    not_received: tuple[str, ...]
    not_as_described: tuple[str, ...]
    refund_not_made: tuple[str, ...]
    unauthorised: tuple[str, ...]
    refused: tuple[str, ...]  # the buyer refused the parcel
    reason_labels: tuple[str, ...]  # "Reason:" and the like, before the reason
    address_labels: tuple[str, ...]  # "Shipping address:" and the like
    refund_promise: tuple[str, ...]  # what a seller writes when promising a refund
    digital: tuple[str, ...]  # item titles of digital goods, which the A-to-z Guarantee does not cover
    services: tuple[str, ...]  # item titles of services, not covered either
    valuables: tuple[str, ...]  # watches, jewellery, collectibles, fine art: covered only once returned


ENGLISH = Wording(
    language="en",
    information=("more information", "additional information", "further information", "need information"),
    decision=("claim decision", "funding decision", "we have granted", "we granted", "has been decided", "decided"),
    withdrawn=("withdrawn", "withdrew", "cancelled the claim", "canceled the claim"),
    granted_amazon=(
        "covered the cost",
        "not be held responsible",
        "not responsible for this",
        "amazon-funded",
        "at amazon's expense",
        "amazon will cover",
        "amazon has covered",
    ),
    granted_seller=(
        "debited",
        "charged to your account",
        "responsible for this chargeback",
        "seller-funded",
        "deducted from your",
        "at your expense",
    ),
    denied=("in your favor", "in your favour", "denied", "rejected the claim", "was declined", "reversed"),
    not_received=(
        "not received",
        "never received",
        "did not receive",
        "didn't receive",
        "did not arrive",
        "non-receipt",
        "undelivered",
        "not delivered",
    ),
    not_as_described=(
        "not as described",
        "materially different",
        "damaged",
        "defective",
        "wrong item",
        "different from",
        "counterfeit",
        "not working",
    ),
    refund_not_made=(
        "refund not received",
        "refund not issued",
        "refund was not",
        "promised refund",
        "credit not processed",
        "refund not processed",
    ),
    unauthorised=(
        "unauthorized",
        "unauthorised",
        "not authorized",
        "not authorised",
        "did not authorize",
        "did not authorise",
        "fraud",
        "does not recognize",
        "does not recognise",
        "not recognized",
        "not recognised",
    ),
    refused=("refused", "rejected the delivery", "declined the delivery"),
    reason_labels=("reason", "claim reason", "dispute reason", "chargeback reason"),
    address_labels=("shipping address", "ship to", "delivery address"),
    refund_promise=(
        "will refund",
        "we'll refund",
        "issue a refund",
        "issue you a refund",
        "refund you",
        "full refund",
        "refund will be",
        "process a refund",
        "refund has been",
        "i'll refund",
    ),
    digital=(
        "digital code",
        "download",
        "e-book",
        "ebook",
        "e-gift card",
        "egift",
        "digital edition",
        "license key",
        "licence key",
        "online code",
        "subscription",
        "mp3",
    ),
    services=(
        "installation service",
        "assembly service",
        "repair service",
        "service plan",
        "setup service",
        "consultation",
        "warranty service",
    ),
    valuables=(
        "watch",
        "wristwatch",
        "jewelry",
        "jewellery",
        "necklace",
        "bracelet",
        "earrings",
        "ring",
        "pendant",
        "diamond",
        "collectible",
        "collectable",
        "fine art",
        "oil painting",
        "sculpture",
        "limited edition print",
    ),
)

GERMAN = Wording(
    language="de",
    information=("weitere informationen", "zusatzliche informationen", "mehr informationen", "benotigen informationen"),
    decision=("entscheidung", "wir haben entschieden", "stattgegeben"),
    withdrawn=("zuruckgezogen", "zuruckgenommen"),
    granted_amazon=("kosten ubernommen", "nicht verantwortlich", "auf kosten von amazon", "amazon ubernimmt"),
    granted_seller=(
        "belastet",
        "in rechnung gestellt",
        "abgebucht",
        "verantwortlich fur diese ruckbuchung",
        "auf ihre kosten",
    ),
    denied=("zu ihren gunsten", "abgelehnt"),
    not_received=("nicht erhalten", "nicht angekommen", "nicht zugestellt", "nie erhalten", "nicht geliefert"),
    not_as_described=(
        "nicht wie beschrieben",
        "beschadigt",
        "defekt",
        "falscher artikel",
        "wesentlich anders",
        "erheblich von der beschreibung",
    ),
    refund_not_made=(
        "erstattung nicht erhalten",
        "erstattung nicht erfolgt",
        "zugesagte erstattung",
        "gutschrift nicht",
    ),
    unauthorised=(
        "nicht autorisiert",
        "nicht autorisierte",
        "nicht autorisierten",
        "nicht genehmigt",
        "nicht genehmigte",
        "betrug",
        "nicht erkannt",
        "nicht veranlasst",
    ),
    refused=("annahme verweigert", "verweigert"),
    reason_labels=("grund", "antragsgrund", "reklamationsgrund"),
    address_labels=("lieferadresse", "versandadresse", "lieferanschrift"),
    refund_promise=(
        "erstatten ihnen",
        "erstattung veranlassen",
        "volle erstattung",
        "erstatten wir",
        "ruckerstattung veranlasst",
        "werden erstatten",
        "erstattung wird",
    ),
    digital=("download", "digitaler code", "e-book", "ebook", "online-code", "lizenzschlussel", "abonnement"),
    services=("installationsservice", "montageservice", "montage-service", "dienstleistung", "reparaturservice"),
    valuables=(
        "armbanduhr",
        "uhr",
        "schmuck",
        "halskette",
        "armband",
        "ohrringe",
        "ring",
        "anhanger",
        "sammlerstuck",
        "sammlerobjekt",
        "gemalde",
        "kunstdruck",
        "skulptur",
    ),
)

FRENCH = Wording(
    language="fr",
    information=(
        "informations supplementaires",
        "plus d'informations",
        "complement d'information",
        "informations complementaires",
    ),
    decision=("decision", "nous avons accorde", "nous avons tranche"),
    withdrawn=("retiree", "retire", "annulee par l'acheteur"),
    granted_amazon=(
        "pris en charge le cout",
        "pris en charge par amazon",
        "pas etre tenu responsable",
        "aux frais d'amazon",
        "amazon prend en charge",
    ),
    granted_seller=(
        "debite",
        "preleve",
        "a votre charge",
        "responsable de cette retrofacturation",
        "impute a votre compte",
    ),
    denied=("en votre faveur", "rejetee", "refusee"),
    not_received=("non recu", "pas recu", "jamais recu", "pas ete livre", "non livre", "pas arrive"),
    not_as_described=(
        "non conforme",
        "endommage",
        "defectueux",
        "mauvais article",
        "sensiblement different",
        "different de la description",
    ),
    refund_not_made=("remboursement non recu", "remboursement non effectue", "remboursement promis"),
    unauthorised=(
        "non autorise",
        "non autorisee",
        "fraude",
        "pas reconnu",
        "pas reconnue",
        "non reconnue",
        "non reconnu",
    ),
    refused=("refuse", "refus du colis"),
    reason_labels=("motif", "raison", "motif de la reclamation"),
    address_labels=("adresse de livraison", "adresse d'expedition"),
    refund_promise=(
        "vous rembourser",
        "rembourserons",
        "remboursement integral",
        "proceder au remboursement",
        "remboursement sera",
    ),
    digital=("telechargement", "code numerique", "livre numerique", "e-book", "cle de licence", "abonnement"),
    services=("service d'installation", "service de montage", "prestation", "service de reparation"),
    valuables=(
        "montre",
        "bijou",
        "bijoux",
        "collier",
        "bracelet",
        "boucles d'oreilles",
        "bague",
        "pendentif",
        "objet de collection",
        "tableau",
        "peinture a l'huile",
        "sculpture",
    ),
)

SPANISH = Wording(
    language="es",
    information=("informacion adicional", "mas informacion"),
    decision=("decision", "hemos concedido", "hemos resuelto"),
    withdrawn=("retirado", "retirada", "cancelado la reclamacion"),
    granted_amazon=(
        "cubierto el coste",
        "cubierto el costo",
        "no se le considerara responsable",
        "a cargo de amazon",
        "amazon asumira",
    ),
    granted_seller=(
        "cargado en su cuenta",
        "debitado",
        "cargo en su cuenta",
        "responsable de este contracargo",
        "a su cargo",
    ),
    denied=("a su favor", "denegada", "rechazada"),
    not_received=("no recibido", "no ha recibido", "nunca recibio", "no entregado", "no ha llegado"),
    not_as_described=(
        "no coincide con la descripcion",
        "danado",
        "defectuoso",
        "articulo equivocado",
        "sustancialmente diferente",
    ),
    refund_not_made=("reembolso no recibido", "reembolso prometido", "reembolso no realizado"),
    unauthorised=("no autorizado", "no autorizada", "fraude", "no reconoce"),
    refused=("rechazado el paquete", "rechazo la entrega", "rehusado"),
    reason_labels=("motivo", "razon"),
    address_labels=("direccion de envio", "direccion de entrega"),
    refund_promise=("le reembolsaremos", "reembolso completo", "procesaremos el reembolso", "reembolsarle"),
    digital=("descarga", "codigo digital", "libro electronico", "e-book", "clave de licencia", "suscripcion"),
    services=("servicio de instalacion", "servicio de montaje", "servicio de reparacion"),
    valuables=(
        "reloj",
        "joya",
        "joyeria",
        "collar",
        "pulsera",
        "pendientes",
        "anillo",
        "colgante",
        "coleccionable",
        "cuadro",
        "pintura al oleo",
        "escultura",
    ),
)

ITALIAN = Wording(
    language="it",
    information=("ulteriori informazioni", "informazioni aggiuntive", "maggiori informazioni"),
    decision=("decisione", "abbiamo accolto", "abbiamo deciso"),
    withdrawn=("ritirato", "ritirata", "annullato il reclamo"),
    granted_amazon=("coperto il costo", "non sara ritenuto responsabile", "a carico di amazon", "amazon ha coperto"),
    granted_seller=("addebitato", "addebitata", "a suo carico", "responsabile di questo chargeback", "trattenuto dal"),
    denied=("a suo favore", "respinto", "respinta"),
    not_received=("non ricevuto", "mai ricevuto", "non consegnato", "non e arrivato"),
    not_as_described=(
        "non conforme alla descrizione",
        "danneggiato",
        "difettoso",
        "articolo sbagliato",
        "sostanzialmente diverso",
    ),
    refund_not_made=("rimborso non ricevuto", "rimborso promesso", "rimborso non effettuato"),
    unauthorised=("non autorizzato", "non autorizzata", "frode", "non riconosce"),
    refused=("rifiutato il pacco", "rifiutato la consegna", "respinto alla consegna"),
    reason_labels=("motivo", "motivazione"),
    address_labels=("indirizzo di spedizione", "indirizzo di consegna"),
    refund_promise=("la rimborseremo", "rimborso completo", "procederemo al rimborso", "rimborsarla"),
    digital=("download", "codice digitale", "e-book", "ebook", "chiave di licenza", "abbonamento"),
    services=("servizio di installazione", "servizio di montaggio", "servizio di riparazione"),
    valuables=(
        "orologio",
        "gioiello",
        "gioielli",
        "collana",
        "bracciale",
        "orecchini",
        "anello",
        "ciondolo",
        "da collezione",
        "dipinto",
        "quadro",
        "scultura",
    ),
)

LANGUAGES = (ENGLISH, GERMAN, FRENCH, SPANISH, ITALIAN)


def phrases(name: str) -> tuple[str, ...]:
    """One field of every language's wording, folded: what a notice in any of them may say."""
    return tuple(fold(phrase) for wording in LANGUAGES for phrase in getattr(wording, name))


def phrase_pattern(name: str) -> re.Pattern[str]:
    """A pattern for one field's phrases in every language, on word boundaries, over folded text."""
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases(name), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""French, Spanish and Italian messages kept out of the tuning of those languages' rules.

Each batch was scored once, and the misses then fixed through look-alikes in the tuned sets, so both
now score 1.000 and the figures below, not bench/compliance.py's, are the honest ones:
- the first batch, written before any French, Spanish or Italian rule: French precision 0.833 (the
  English insult "retard" fired on the French word for a delay), Spanish recall 0.800 ("le hemos
  devuelto el importe" was not read as compensation), Italian 1.000/1.000;
- the second batch, written after the rules were tuned: precision 1.000 in all three, recall French
  0.800 ("nous ferons bloquer votre compte": only "faire bloquer" was known), Spanish 0.600 ("no es más
  que un estafador" read as a negation, "denunciarle" with its pronoun joined on), Italian 1.000.
bench/compliance.py reports both batches together (`holdout_precision_fr`, `holdout_recall_es`, ...).
A new batch should be written before the next change to these rules; from now on a miss here is listed
in KNOWN_MISSES with its reason rather than fitted. (One author wrote the rules and these messages, so
this is not a blind test.)
"""

from functools import partial

from .item import BLOCK, ES, FR, HOLDOUT, IT, PASS, Labelled

_fr = partial(Labelled, language=FR, split=HOLDOUT)
_es = partial(Labelled, language=ES, split=HOLDOUT)
_it = partial(Labelled, language=IT, split=HOLDOUT)

MESSAGES: list[Labelled] = [
    # --- the first batch, written before any French, Spanish or Italian rule --------------
    # --- French -----------------------------------------------------------------------
    _fr(
        BLOCK,
        "Bonjour Madame Martin, si vous nous laissez un avis 5 étoiles, nous vous offrons un bon d'achat de 10 €.",
        "incentive: voucher for a five-star review",
    ),
    _fr(
        BLOCK,
        "Nous vous avons remboursé la totalité. Pourriez-vous maintenant supprimer votre commentaire négatif ?",
        "removal ask in the same message as a refund",
    ),
    _fr(
        BLOCK,
        "Retrouvez toute notre gamme à prix réduits sur notre site internet.",
        "off-Amazon promotion: our website",
    ),
    _fr(
        BLOCK,
        "Pour l'envoi en Corse, merci de nous régler un supplément de 15 € par virement.",
        "extra payment by bank transfer",
    ),
    _fr(BLOCK, "Vous êtes vraiment un menteur, le colis a été livré en parfait état.", "liar"),
    _fr(
        PASS,
        "Bonjour, votre remboursement de 24,90 € a été effectué aujourd'hui. Il apparaîtra sur votre compte sous 3 à 5 jours.",
        "refund with no feedback in sight",
    ),
    _fr(
        PASS,
        "Nous vous envoyons un nouvel article sans frais supplémentaires, il vous suffit de garder l'ancien.",
        "negated extra charge",
    ),
    _fr(
        PASS,
        "Votre numéro de suivi Colissimo est 6A12345678901, la commande 305-1234567-8912345 arrivera jeudi.",
        "tracking number and order id",
    ),
    _fr(
        PASS,
        "Désolés pour ce retard. Le transporteur nous indique une livraison demain avant 13:00.",
        "apology for a delay with a time",
    ),
    _fr(
        PASS,
        "Pouvez-vous nous envoyer une photo du produit endommagé afin que nous puissions vous aider ?",
        "asks for a photo, no contact details",
    ),
    _fr(
        PASS,
        "Aucun frais ne vous sera demandé pour le retour : l'étiquette prépayée est jointe à ce message.",
        "no charge for the return",
    ),
    _fr(
        PASS,
        "Merci pour votre message. La taille M correspond à un tour de poitrine de 96 à 100 cm.",
        "answers a sizing question",
    ),
    _fr(
        PASS,
        "Si vous le souhaitez, vous pouvez partager votre expérience en laissant un avis sur Amazon.",
        "neutral review request",
    ),
    # --- Spanish ----------------------------------------------------------------------
    _es(
        BLOCK,
        "Hola Carlos, si nos dejas una valoración de 5 estrellas te enviamos un cupón de 10 € para tu próxima compra.",
        "incentive: coupon for five stars",
    ),
    _es(
        BLOCK,
        "Ya le hemos devuelto el importe completo. ¿Podría ahora eliminar su opinión negativa?",
        "removal ask in the same message as a refund",
    ),
    _es(
        BLOCK,
        "Compre directamente en nuestra tienda online y ahorre un 15 % en todos nuestros productos.",
        "off-Amazon promotion: our online shop",
    ),
    _es(
        BLOCK,
        "Para envíos a Canarias debe abonar 12 € adicionales mediante transferencia bancaria.",
        "extra payment by bank transfer",
    ),
    _es(BLOCK, "Es usted un mentiroso, la caja llegó perfectamente cerrada.", "liar"),
    _es(
        PASS,
        "Buenos días, le hemos reembolsado 19,99 € hoy mismo. Lo verá en su cuenta en 3-5 días hábiles.",
        "refund with no feedback in sight",
    ),
    _es(
        PASS,
        "Le enviamos una unidad nueva sin coste adicional, no hace falta que nos devuelva la defectuosa.",
        "negated extra charge",
    ),
    _es(
        PASS,
        "Su número de seguimiento de Correos es PQ4B6C0123456789 y el pedido 171-2345678-9012345 sale mañana.",
        "tracking number and order id",
    ),
    _es(
        PASS,
        "Sentimos mucho el retraso. El transportista nos confirma la entrega para el jueves por la mañana.",
        "apology for a delay",
    ),
    _es(
        PASS,
        "¿Podría enviarnos una foto de la etiqueta del paquete? Así podremos abrir una reclamación con la agencia.",
        "asks for a photo",
    ),
    _es(
        PASS,
        "La devolución es gratuita: no tendrá que pagar nada, la etiqueta prepagada está adjunta.",
        "free return, no payment asked",
    ),
    _es(
        PASS,
        "Gracias por su mensaje. El cargador es compatible con todos los modelos de 2019 en adelante.",
        "answers a compatibility question",
    ),
    _es(
        PASS,
        "Si lo desea, puede compartir su opinión sobre el producto en Amazon. ¡Gracias por su compra!",
        "neutral review request",
    ),
    # --- Italian ----------------------------------------------------------------------
    _it(
        BLOCK,
        "Gentile cliente, se ci lascia una recensione a 5 stelle le regaliamo un buono sconto di 10 €.",
        "incentive: voucher for five stars",
    ),
    _it(
        BLOCK,
        "Le abbiamo rimborsato l'intero importo. Potrebbe gentilmente rimuovere il suo feedback negativo?",
        "removal ask in the same message as a refund",
    ),
    _it(
        BLOCK,
        "Visiti il nostro sito per scoprire tutte le offerte riservate ai clienti più fedeli.",
        "off-Amazon promotion: our website",
    ),
    _it(
        BLOCK,
        "Per la spedizione in Sardegna deve pagarci un supplemento di 9 € con bonifico.",
        "extra payment by bank transfer",
    ),
    _it(BLOCK, "Lei è un bugiardo, il pacco è stato consegnato integro.", "liar"),
    _it(
        PASS,
        "Buongiorno, abbiamo effettuato il rimborso di 29,90 € oggi. Lo vedrà sul conto entro 3-5 giorni lavorativi.",
        "refund with no feedback in sight",
    ),
    _it(
        PASS,
        "Le spediamo un nuovo articolo senza costi aggiuntivi, non serve rispedire quello difettoso.",
        "negated extra charge",
    ),
    _it(
        PASS,
        "Il numero di tracciamento BRT è 123456789012 e l'ordine 402-3456789-0123456 arriverà venerdì.",
        "tracking number and order id",
    ),
    _it(
        PASS,
        "Ci scusiamo per il ritardo. Il corriere ci conferma la consegna per domani mattina.",
        "apology for a delay",
    ),
    _it(
        PASS,
        "Può inviarci una foto del prodotto danneggiato? Così potremo aiutarla al più presto.",
        "asks for a photo",
    ),
    _it(
        PASS,
        "Il reso è gratuito: non dovrà pagare nulla, l'etichetta prepagata è allegata a questo messaggio.",
        "free return, no payment asked",
    ),
    _it(
        PASS,
        "Grazie per il messaggio. La borraccia è adatta sia per bevande calde che fredde, tiene fino a 12 ore.",
        "answers a product question",
    ),
    _it(
        PASS,
        "Se lo desidera, può condividere la sua esperienza lasciando una recensione su Amazon.",
        "neutral review request",
    ),
    # --- the second batch, written after the rules were tuned and scored once ------------------
    _fr(
        BLOCK,
        "Petit geste de notre part : une carte cadeau Amazon de 5 € vous attend dès que votre évaluation est en ligne.",
        "incentive: gift card once the review is online",
    ),
    _fr(BLOCK, "Un avis positif nous aiderait énormément, merci d'avance !", "positive review asked for"),
    _fr(
        BLOCK,
        "Commandez directement chez nous la prochaine fois, c'est 10 % moins cher.",
        "off-Amazon: order from us directly",
    ),
    _fr(BLOCK, "Vous n'êtes qu'un escroc qui veut un deuxième article gratuit.", "liar: swindler"),
    _fr(BLOCK, "Nous ferons bloquer votre compte si vous continuez.", "threat"),
    _fr(
        PASS,
        "Le code de réduction affiché sur la page était réservé aux membres Prime, nous en sommes désolés.",
        "a discount code explained, no review",
    ),
    _fr(
        PASS,
        "Nous avons remboursé les frais de douane que vous avez payés au livreur.",
        "customs refunded to the buyer",
    ),
    _fr(PASS, "Le colis 1Z999AA10123456784 est en cours de livraison selon UPS.", "UPS tracking number"),
    _fr(PASS, "Aucun supplément ne sera demandé pour l'échange de taille.", "negated surcharge"),
    _fr(
        PASS,
        "Nous ne pouvons pas accepter le retour d'un article personnalisé, mais nous pouvons le réparer.",
        "declines a return politely",
    ),
    _fr(
        PASS,
        "Le mode d'emploi indique de charger la batterie 4 heures avant la première utilisation.",
        "product advice",
    ),
    _fr(
        PASS,
        "Votre avis compte : si quelque chose ne va pas, répondez simplement à ce message.",
        "invites a reply, not a review",
    ),
    _es(
        BLOCK,
        "Como agradecimiento por su reseña le enviaremos gratis un segundo cargador.",
        "incentive: a free charger for a review",
    ),
    _es(BLOCK, "Una opinión positiva nos ayudaría muchísimo, ¡gracias de antemano!", "positive review asked for"),
    _es(
        BLOCK,
        "La próxima vez compre directamente con nosotros y le sale un 10 % más barato.",
        "off-Amazon: buy from us directly",
    ),
    _es(BLOCK, "No es más que un estafador que quiere otro artículo gratis.", "liar: swindler"),
    _es(BLOCK, "Vamos a denunciarle a la policía si sigue así.", "threat"),
    _es(
        PASS,
        "El código de descuento de la página era solo para clientes Prime, lo sentimos.",
        "a discount code explained, no review",
    ),
    _es(PASS, "Le hemos reembolsado los gastos de aduana que pagó al repartidor.", "customs refunded to the buyer"),
    _es(PASS, "El paquete 1Z999AA10123456784 está en reparto según UPS.", "UPS tracking number"),
    _es(PASS, "No se cobra ningún suplemento por el cambio de talla.", "negated surcharge"),
    _es(
        PASS,
        "No podemos aceptar la devolución de un artículo personalizado, pero podemos repararlo.",
        "declines a return politely",
    ),
    _es(PASS, "El manual indica que hay que cargar la batería 4 horas antes del primer uso.", "product advice"),
    _es(PASS, "Su opinión nos importa: si algo no va bien, responda a este mensaje.", "invites a reply, not a review"),
    _it(
        BLOCK,
        "Come ringraziamento per la sua recensione le spediremo gratis un secondo caricatore.",
        "incentive: a free charger for a review",
    ),
    _it(BLOCK, "Una recensione positiva ci aiuterebbe moltissimo, grazie in anticipo!", "positive review asked for"),
    _it(
        BLOCK,
        "La prossima volta ordini direttamente da noi, costa il 10 % in meno.",
        "off-Amazon: order from us directly",
    ),
    _it(BLOCK, "Lei è solo un truffatore che vuole un secondo articolo gratis.", "liar: swindler"),
    _it(BLOCK, "La denunceremo ai carabinieri se continua così.", "threat"),
    _it(
        PASS,
        "Il codice sconto della pagina era riservato ai clienti Prime, ci scusiamo.",
        "a discount code explained, no review",
    ),
    _it(PASS, "Le abbiamo rimborsato i dazi doganali pagati al corriere.", "customs refunded to the buyer"),
    _it(PASS, "Il pacco 1Z999AA10123456784 è in consegna secondo UPS.", "UPS tracking number"),
    _it(PASS, "Non è previsto alcun supplemento per il cambio taglia.", "negated surcharge"),
    _it(
        PASS,
        "Non possiamo accettare il reso di un articolo personalizzato, ma possiamo ripararlo.",
        "declines a return politely",
    ),
    _it(PASS, "Il manuale indica di caricare la batteria per 4 ore prima del primo utilizzo.", "product advice"),
    _it(
        PASS,
        "La sua opinione conta: se qualcosa non va, risponda semplicemente a questo messaggio.",
        "invites a reply, not a review",
    ),
]

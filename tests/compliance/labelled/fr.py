# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""French messages, as sellers on amazon.fr write to their buyers; the French rules are tuned to these.

The must-pass messages hold the French look-alikes: negated charges ("sans frais supplémentaires",
"aucun frais"), refunds with no feedback in sight, "retard" (a delay, not the English insult), "bonne
note" (noted), numéros de suivi and de commande, and neutral review requests.
"""

from functools import partial

from .item import BLOCK, FR, PASS, Labelled

_fr = partial(Labelled, language=FR)

MESSAGES: list[Labelled] = [
    # --- must be refused ---------------------------------------------------------------
    _fr(
        BLOCK,
        "Pour tout avis 5 étoiles, nous vous offrons un bon d'achat de 15 € sur Amazon.",
        "incentive: voucher for five stars",
    ),
    _fr(BLOCK, "Laissez-nous un commentaire et recevez un code promo de 20 % !", "incentive: promo code for a review"),
    _fr(
        BLOCK,
        "En échange d'un avis honnête, nous vous remboursons 30 % du prix d'achat.",
        "incentive: partial refund in return",
    ),
    _fr(
        BLOCK,
        "Si vous publiez votre évaluation, nous vous enverrons un petit cadeau avec la prochaine livraison.",
        "incentive: a gift",
    ),
    _fr(
        BLOCK,
        "Le remboursement a été effectué. Pourriez-vous maintenant retirer votre avis négatif ?",
        "removal ask with a refund",
    ),
    _fr(
        BLOCK,
        "Nous vous proposons une réduction de 10 € si vous acceptez de modifier votre commentaire.",
        "removal ask with a discount",
    ),
    _fr(BLOCK, "Nous serions ravis si vous pouviez nous laisser une note de 5 étoiles.", "positive review asked for"),
    _fr(
        BLOCK,
        "Si vous êtes satisfait de votre achat, merci de laisser un avis sur Amazon.",
        "review only from satisfied buyers",
    ),
    _fr(BLOCK, "En cas de problème, contactez-nous avant de laisser un avis négatif.", "diverting unhappy buyers"),
    _fr(
        BLOCK,
        "Découvrez toute notre gamme sur notre site web, avec des prix encore plus bas.",
        "off-Amazon: our website",
    ),
    _fr(BLOCK, "Suivez-nous sur Instagram pour découvrir nos nouveautés.", "off-Amazon channel and promotion"),
    _fr(
        BLOCK,
        "Profitez de 15 % de réduction sur votre prochaine commande avec le code MERCI15.",
        "promotion: discount on the next order",
    ),
    _fr(
        BLOCK,
        "Pour la livraison express, merci de nous régler la différence de 8 € par virement.",
        "extra payment by bank transfer",
    ),
    _fr(
        BLOCK,
        "Confirmation d'expédition : votre colis a été expédié aujourd'hui avec Colissimo.",
        "shipping confirmation header",
    ),
    _fr(BLOCK, "Bonne nouvelle : votre commande a été expédiée ce matin !", "shipping notice"),
    _fr(BLOCK, "Vous êtes un menteur, le colis a été remis en main propre.", "liar"),
    _fr(BLOCK, "Arrêtez de nous faire chier avec vos réclamations, espèce de con.", "profanity"),
    _fr(BLOCK, "Vous êtes vraiment incompétent, lisez la notice.", "insult"),
    _fr(BLOCK, "Si vous ne retirez pas cette réclamation, nous engagerons des poursuites judiciaires.", "threat"),
    _fr(BLOCK, "Les gens comme vous ne devraient pas commander sur Internet.", "discrimination"),
    _fr(
        BLOCK,
        "Envoyez-nous votre numéro de portable pour que le technicien vous appelle.",
        "asks for the buyer's phone number",
    ),
    _fr(
        BLOCK, "Nous allons faire fermer votre compte Amazon si vous persistez.", "threat: a conjugated 'faire fermer'"
    ),
    # --- must pass ---------------------------------------------------------------------
    _fr(
        PASS,
        "Bonjour, nous vous avons remboursé 19,90 € aujourd'hui. Le montant apparaîtra sous 3 à 5 jours.",
        "refund, no feedback",
    ),
    _fr(PASS, "Nous vous envoyons un article de remplacement sans frais supplémentaires.", "negated extra charge"),
    _fr(PASS, "Aucun frais de retour ne vous sera facturé, l'étiquette est prépayée.", "no return charge"),
    _fr(PASS, "Les frais de port supplémentaires ne vous seront pas facturés.", "charge settled after the noun"),
    _fr(PASS, "Vous n'aurez rien à payer : le supplément est à notre charge.", "negated payment"),
    _fr(PASS, "Désolés pour ce retard, le transporteur a eu un problème sur son réseau.", "'retard' is a delay"),
    _fr(
        PASS,
        "Nous avons pris bonne note de votre demande, merci de patienter jusqu'à lundi.",
        "'bonne note' is 'noted'",
    ),
    _fr(
        PASS,
        "Votre numéro de suivi est 6A23456789012 ; la commande 402-9876543-1234567 arrive demain.",
        "tracking number and order id",
    ),
    _fr(PASS, "Le numéro de commande 171-5555555-1234567 correspond bien à la taille 42.", "order id"),
    _fr(
        PASS,
        "Merci pour votre commande ! Pour votre question : la housse se lave à 30 °C.",
        "thanks then a real answer",
    ),
    _fr(PASS, "Merci pour votre avis 5 étoiles, toute l'équipe est ravie.", "thanks for a review already left"),
    _fr(PASS, "Si vous le souhaitez, vous pouvez laisser un avis sur la page du produit.", "neutral review request"),
    _fr(PASS, "Vous pouvez retourner l'article gratuitement sous 30 jours via votre compte Amazon.", "free return"),
    _fr(PASS, "Le remboursement sera effectué dès réception du colis retourné.", "refund on return"),
    _fr(
        PASS,
        "Nous vous offrons un geste commercial de 5 € pour le retard de livraison.",
        "compensation without any review",
    ),
    _fr(
        PASS,
        "N'hésitez pas à nous écrire via la messagerie Amazon si vous avez une question.",
        "n'hésitez pas, Amazon messaging",
    ),
    _fr(PASS, "La lampe est livrée avec une ampoule, sans câble USB.", "product answer with 'sans'"),
    _fr(PASS, "Pouvez-vous nous envoyer une photo de l'étiquette du colis ?", "asks for a photo"),
    _fr(PASS, "Nous ne vous demanderons jamais de payer en dehors de la plateforme.", "negated payment request"),
    _fr(
        PASS,
        "Le câble fait 2 mètres et le chargeur est compatible avec tous les téléphones récents.",
        "'téléphones' in a product answer",
    ),
    _fr(
        PASS,
        "La réduction affichée a été appliquée automatiquement lors du paiement sur Amazon.",
        "a discount already applied, no review",
    ),
    _fr(
        PASS,
        "Nous sommes désolés : l'article est en rupture de stock, nous vous avons donc remboursé.",
        "refund for an out-of-stock item",
    ),
    _fr(PASS, "Il n'y a aucun supplément pour la livraison en Corse.", "negated surcharge"),
    _fr(PASS, "Le modèle noir mesure 40 cm de haut et pèse 1,2 kg.", "product dimensions"),
    _fr(PASS, "Avez-vous bien reçu le colis de remplacement ? Tenez-nous au courant.", "follow-up question"),
    _fr(PASS, "La garantie couvre les défauts de fabrication pendant deux ans.", "warranty answer"),
    _fr(
        PASS,
        "Nous avons bien reçu votre retour, le remboursement est en cours de traitement.",
        "return received, refund under way",
    ),
    _fr(
        PASS,
        "Le transporteur passera entre 9:00 et 12:00 ; pas besoin d'être présent, le colis sera déposé en point relais.",
        "delivery time window",
    ),
    _fr(PASS, "Pas de problème, nous vous renvoyons la pièce manquante cette semaine.", "pas de problème"),
    _fr(PASS, "Vous trouverez la notice en français dans la boîte, sous le plateau.", "where the manual is"),
    _fr(
        PASS,
        "Votre colis est bloqué au dépôt ; nous avons ouvert une enquête auprès du transporteur.",
        "status of a problem, not a notice",
    ),
]

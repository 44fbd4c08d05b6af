"""The eligibility rules for French comments (amazon.fr)."""

import re

from messaging.vocabulary import en, fr

from .rules import any_of, obscenity, rules_from

# --- a full name -------------------------------------------------------------

_UPPER, _LOWER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ", "a-zàâäçéèêëîïôöùûüÿœ"
_PART = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_NAME = rf"({_PART}\s+{_PART})"
_NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:je m['’]appelle|mon nom est|signé|parlé (?:avec|à)|au téléphone|monsieur|madame|mademoiselle"
    r"|mme|mlle|m|responsable|gérante?|conseill(?:er|ère))\b\.?,?:?\s+(?:(?:monsieur|madame|mademoiselle)\s+)?)" + _NAME
)

# --- obscenity -------------------------------------------------------------

# French obscene words, and English ones: buyers swear in English whatever their language.
_OBSCENITY = obscenity(*fr.OBSCENE, *en.OBSCENE)

# --- what the comment is about --------------------------------------------

_ITEM = r"(?:article|produit|taille|pointure|couleur|modèle|référence|version|livre|pièce|coloris|objet)s?"
_SELLER_FAULT = any_of(
    rf"mauvaise?s? {_ITEM}\b",
    rf"{_ITEM} (?:erroné|incorrect|différent)\w*",
    r"(?:pas|non) conforme\w*",
    r"ne correspond (?:pas|plus|en rien)",
    r"(?:pas|rien) (?:à voir avec|ce que j['’]ai commandé|celui (?:commandé|de la photo))",
    r"différente?s? (?:de|du|des) (?:la |l['’])?(?:photo|description|image|annonce|fiche)",
    r"(?:sur|dans|selon) (?:la |l['’])(?:photo|description|annonce|fiche)",
    r"autre (?:modèle|produit|article|couleur|marque|taille)",
    r"contrefaçon\w*",
    r"fake\b",
    r"(?:pas|non) (?:un )?(?:original|authentique)",
    r"d['’]occasion",
    r"(?:déjà|clairement|visiblement) (?:ouvert|utilisé|porté|servi|déballé)\w*",
    r"usagé\w*",
    r"reconditionné\w*",
    r"périmé\w*",
    r"date (?:de péremption|limite)",
    r"dluo",
    r"dlc\b",
    r"il manqu\w*",
    r"manqu(?:e|ent|ait|aient)\b",
    r"incomplet\w*",
    r"(?:pas|non) (?:inclus|fourni|livré avec)\w*",
    r"facture",
    r"annulé\w*",
    r"(?:pour|contre) (?:\d|cinq) étoiles",
)
_SELLER_CONTACT = any_of(
    # the seller refusing or blaming: their own service, whatever the product did
    r"(?:vendeu(?:r|se)|marchand|boutique|commerçant|magasin|société)\w*\b[^.!?]{0,40}"
    r"\b(?:refus|rejet|nie|accus|blâm|renvoie vers le fabricant)\w*",
    r"ne veu(?:t|lent) (?:pas en entendre parler|rien (?:savoir|entendre))",
    r"(?:vendeu(?:r|se)|marchand|boutique|commerçant|magasin|société)\w*\b[^.!?]{0,40}"
    r"\b(?:répond|réagi|ignor|injoignable|impoli|rappel)\w*",
    r"(?:aucune|pas de|sans|jamais de) (?:réponse|nouvelles)",
    r"ne (?:\w+ )?(?:répond|réagi|rappel)\w* (?:\w+ )?(?:pas|jamais|plus)",
    r"(?:jamais|pas) (?:répondu|rappelé)",
    r"injoignable\w*",
    r"ignoré\w*",
    r"impoli\w*",
    r"(?:mauvaise|aucune) communication",
)
_DELIVERY = any_of(
    r"(?:arrivée?|reçue?|livrée?) (?:déjà )?(?:ouvert|éventré|déchiré)e?",
    r"rien (?:dedans|à l'intérieur)",
    r"livr\w*",
    r"expédi\w*",
    r"envoi\b",
    r"en retard",
    r"retard\w*",
    r"délai\w*",
    r"(?:jamais|pas|toujours pas) (?:été )?(?:reçu|arrivé|livré)\w*",
    r"colis",
    r"paquet\w*",
    r"carton\w*",
    r"emball\w*",
    r"abîmé\w*",
    r"endommagé\w*",
    r"écrasé\w*",
    r"mouillé\w*",
    r"enveloppe",
    r"suivi\b",
    r"perdu\w*",
    r"transporteur\w*",
    r"facteur",
    r"coursier",
    r"chronopost",
    r"colissimo",
    r"la poste",
    r"mondial relay",
    r"(?:point )?relais",
    r"dpd",
    r"gls",
    r"ups\b",
    r"dhl",
    r"boîte aux lettres",
    r"devant (?:la|ma) porte",
    r"voisins?",
    r"mauvaise adresse",
    r"prime\b",
)
_AMAZON_SERVICE = any_of(
    r"service (?:client|après[- ]vente)",
    r"sav\b",
    r"support\b",
    r"rembours\w*",
    r"retour(?:né|ner)?\b",
    r"renvoy\w*",
)
# Price words in another sense: read past them before looking for a pricing complaint.
_PRICE_IDIOM = any_of(
    r"à (?:tout|n'importe quel) prix",
    r"coûte que coûte",
    r"(?:m'a|nous a) coûté (?:une|un|des|toute|tout|deux|trois|\d+) (?:la )?(?:soirée|journée|heures?|week-end|nuit"
    r"|temps|après-midi|jours?)",
    r"ne coûte rien",
)
_PRICE = any_of(
    r"prix",
    r"(?:(?:trop|très|bien|si|plus|moins|hyper|super) )?ch(?:er|ère)s?\b",
    r"hors de prix",
    r"coût\w*",
    r"arnaque",
    r"\d+(?:[.,]\d+)?\s?(?:€|euros?\b|eur\b)",
    r"€\s?\d",
)
_PRODUCT = any_of(
    r"qualité",
    r"finition\w*",
    r"cass\w*",
    r"fonctionn\w*",
    r"marche (?:pas|plus)",
    r"défectueu\w*",
    r"en panne",
    r"batterie\w*",
    r"piles?\b",
    r"chargeur",
    r"taille\w*",
    r"pointure",
    r"trop (?:petit|grand|large|serré|court|long|lourd|fin|bruyant|dur|mou)\w*",
    r"tissu",
    r"matière\w*",
    r"plastique",
    r"couleur\w*",
    r"bruit\w*",
    r"bruyant\w*",
    r"chauff\w*",
    r"odeur\w*",
    r"goût",
    r"notice",
    r"montage",
    r"(?:in)?confortable\w*",
    r"fragile",
    r"fermeture éclair",
    r"poignée",
    r"couvercle",
    r"fui(?:t|te|tes)\b",
    r"rouill\w*",
    r"inutil\w*",
    r"produit\w*",
    r"appareil\w*",
    r"médiocre",
    r"gratte",
    r"déchir\w*",
    r"décousu\w*",
    r"écran",
    r"design",
)


RULES = rules_from(globals())

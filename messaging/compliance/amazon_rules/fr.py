"""The wording rules in French (sellers on amazon.fr, and French messages to any marketplace).

The patterns are written with their accents and compiled by `words`, so "réduction" also matches the
folded "reduction" and the unaccented spelling a buyer's keyboard gives. French negates around the verb
("vous n'aurez pas à payer") and after a charge ("les frais ne vous seront pas facturés"), so the gaps
between words skip no negation (`_GAP`) and a charge is also settled by a negation after it. "Con" and
"sale" are French only in phrases ("espèce de con", "sale menteur"): alone they are Spanish and Italian;
"négro" is left out, since it folds to the Spanish "negro" (black).
"""

from messaging.vocabulary.fr import (
    CHANGE,
    COMPENSATION,
    GIFTS,
    MONEY,
    PERKS,
    PROFANE,
    PROFANE_DISGUISED,
    REVIEW,
    VALUE,
)

from .wording import leet, wording_from, words

# One word and the space after it, that is not a negation ("vous n'aurez rien à payer").
_GAP = r"(?:(?!(?:pas|sans|aucun\w*|jamais|rien|ni)\b)[\w'-]+\s+)"
_BAD = r"(?:négati\w*|mauvais\w*|défavorable\w*|critique\w*|neutre\w*|[1-3] étoiles?)"

# --- reviews and feedback ----------------------------------------------------------

_INCENTIVE = words(*VALUE)
_PERK = words(*PERKS)
_GIFT = words(*GIFTS)
_COMPENSATION = words(*COMPENSATION)
# "Votre remboursement a été effectué", "nous vous avons remboursé"
_MADE = words(
    r"(?:a|ont) été (?:\w+ )?(?:effectuée?s?|remboursée?s?|envoyée?s?|traitée?s?|versée?s?|créditée?s?|validée?s?"
    r"|faite?s?)",
    r"(?:avons|ai) (?:\w+ ){0,3}?(?:remboursé|effectué|envoyé|versé|crédité|remplacé)",
    r"est (?:\w+ )?(?:fait|effectué|terminé|réglé|validé)",
)
_DELETION = words(r"supprim\w*|retir\w*|effac\w*|annul\w*")
_REMOVAL_ASK = words(
    # "supprimer votre avis négatif", "modifier votre évaluation"
    rf"{CHANGE}(?:-le|-la)?\s+{_GAP}{{0,2}}?(?:votre|vos|ce|cet|cette|le|la|les)\s+{_GAP}{{0,1}}?{REVIEW}",
    rf"{CHANGE}\s+{REVIEW}",
    # "votre avis ... le modifier"
    rf"{REVIEW}\s+{_GAP}{{0,4}}?(?:le |la )?{CHANGE}",
)
_WRITE = (
    r"(?:laiss\w*|écri\w*|rédig\w*|publi\w*|donn\w*|partag\w*|post\w*|dépos\w*|mett\w*|attribu\w*)(?:-(?:nous|moi))?"
)
_REVIEW_ASK = words(
    rf"{_WRITE}\s+{_GAP}{{0,4}}?{REVIEW}",
    r"(?:nous |l'|le |la )?(?:évaluer|évaluez|noter|notez)(?:-nous|-le|-la)?",
    rf"(?:en échange|contre|moyennant|en contrepartie|en remerciement|pour remercier)\s+(?:de |d'|pour )?{_GAP}{{0,3}}?"
    rf"{REVIEW}",
    rf"(?:pour|après|dès|contre)\s+(?:un|une|chaque|votre|tout|toute)\s+{_GAP}{{0,2}}?{REVIEW}",
    rf"(?:dès que|une fois que|lorsque|quand)\s+{_GAP}{{0,5}}?{REVIEW}",
    rf"{REVIEW}\s+(?:positi\w*|favorable\w*|élogieu\w*|excellent\w*|honnête)",
    _REMOVAL_ASK.pattern,
)
_POSITIVE = words(
    rf"{REVIEW}\s+(?:très\s+)?(?:positi\w*|favorable\w*|élogieu\w*|excellent\w*|parfait\w*)",
    # not "bonne note" alone: "nous avons pris bonne note" is "we have noted"
    r"(?:bon|bonne|excellent\w*|meilleur\w*|super|très bon\w*)\s+(?:avis|évaluations?|commentaires?)",
    r"(?:excellente|meilleure|très bonne) note",
    r"(?:5|cinq)[- ]?étoiles?",
    r"5/5|5 sur 5|la note maximale|(?:la )?meilleure note|note (?:maximale|parfaite)",
)
# A top rating described rather than asked for: a test, a lab, a hotel, the energy label, the buyer's own.
_DESCRIBED = words(
    r"test\w*|laboratoire\w*|hôtel\w*|énergétique\w*|sécurité|magazine\w*|revue\w*|certifi\w*|récompens\w*",
    r"vous (?:nous )?(?:avez|aviez) (?:\w+ )?(?:donné|laissé|attribué|mis)|merci pour votre",
)
_ASK = words(
    r"merci de|pourriez|pouvez-vous|pourrais|voudriez|auriez|s'il vous pla[iî]t|svp|veuillez",
    r"n'hésitez pas|n'oubliez pas|ne manquez pas|nous serions|je serais|ça nous aiderait|cela nous aiderait"
    r"|nous aiderait|ce serait|nous espérons|j'espère|nous comptons sur|nous vous invitons|laissez|donnez|mettez",
)
_THANKS_FOR = words(r"^\W*(?:[\w,]+\s+){0,3}?merci(?: beaucoup| infiniment)?\s+(?:pour|d'avoir)\b(?!.*\bd'avance\b)")
_SELECTIVE = words(
    rf"si\s+vous\s+(?:êtes|étiez|etes)\s+{_GAP}{{0,2}}?(?:satisfait|content|ravi|heureu)\w*",
    rf"si\s+{_GAP}{{0,3}}?vous\s+(?:plaît|plait|a plu|convient|satisfait)",
    r"(?:clients?|acheteurs?) (?:satisfaits?|contents?|ravis?)",
)
_DIVERT = words(
    rf"avant de\s+{_GAP}{{0,4}}?{REVIEW}",
    r"avant de nous (?:évaluer|noter)",
    rf"(?:au lieu|plutôt que) de\s+{_GAP}{{0,3}}?{REVIEW}",
    rf"ne\s+(?:nous\s+)?(?:laissez|mettez|donnez|écrivez|publiez)\s+pas\s+(?:d'|de\s+|un\s+|une\s+)?{_GAP}{{0,1}}?"
    rf"(?:{REVIEW}\s+)?{_BAD}",
    rf"évitez\s+(?:de\s+\w+\s+)?{_GAP}{{0,2}}?{REVIEW}\s+{_BAD}",
)

# --- off Amazon, promotion, payment --------------------------------------------------

_OFF_AMAZON = words(
    r"(?:notre|nos|mon|ma)\s+(?:propre\s+)?(?:site(?:\s+(?:web|internet|officiel|marchand))?|site-web"
    r"|boutique (?:en ligne|web|officielle|physique)|e-?shop|magasin (?:en ligne|physique)|page facebook"
    r"|réseaux sociaux)(?! amazon)",
    r"(?:en dehors|hors) d'amazon|hors amazon|sans passer par amazon",
    rf"(?:command|achet)\w*\s+{_GAP}{{0,3}}?directement\s+(?:chez|auprès de)\s+(?:nous|moi)",
    r"(?:suivez|retrouvez|contactez|rejoignez|écrivez)-(?:nous|moi)\s+(?:aussi\s+|directement\s+)?(?:sur|via|par)"
    r"\s+(?!amazon|la messagerie|le biais|cette|ce\b)[a-z]\w*",
    r"(?:envoyez|donnez|communiquez|transmettez|indiquez)-(?:nous|moi)\s+(?:votre|vos)\s+(?:numéro(?: de (?:téléphone"
    r"|portable|mobile|whatsapp)|(?! de (?:carte|compte|commande|suivi)))"
    r"|adresse (?:e-?mail|mail|électronique)|e-?mail|mail|coordonnées)",
    r"(?:nous|je)\s+(?:vous\s+)?(?:appellerons|appellerai|rappellerons|téléphonerons)",
    r"appelez-(?:nous|moi)",
)
_PROMOTION = words(
    r"(?:découvrez|visitez|consultez|parcourez|explorez)\s+(?:aussi\s+|également\s+|vite\s+|dès maintenant\s+)?"
    r"(?:toute?s?\s+)?(?:notre|nos)\s+(?:[\w-]+\s+){0,2}?(?:autres|nouve\w*|gamme|collection\w*|produits|articles"
    r"|boutique|catalogue|offres|promotions|nouveautés|best-?sellers)",
    r"jetez un (?:coup d'|œil|oeil)\s*(?:œil|oeil)?\s+à\s+(?:notre|nos)",
    r"offres? (?:spéciale|exclusive|limitée|promotionnelle)s?|promotions? exclusives?|vente privée",
    r"pour une durée limitée|dans la limite des stocks(?: disponibles)?|jusqu'à épuisement des stocks",
    rf"(?:\d+\s?%|réduction|remise|codes? promo\w*|livraison gratuite)\s+{_GAP}{{0,3}}?sur\s+(?:votre|vos|la|le|les)\s+"
    r"(?:prochaine?s?|futur\w*|procha\w*)\s+(?:commandes?|achats?)",
    r"(?:inscrivez|abonnez)-vous",
    r"nouveautés?|nouvelle collection",
)
_PAY = r"(?:payer|payez|régler|réglez|verser|versez|virer|virez|acquitter|acquittez|rajouter|ajouter)"
_EXTRA_PAYMENT = words(
    rf"{_PAY}\s+(?:nous\s+|-nous\s+)?{_GAP}{{0,3}}?(?:un |le |la |les |des |une )?(?:supplément|complément|différence"
    r"|reste|solde|montant|somme|frais|surcoût|\d|€)",
    r"(?:notre|mon|nos)\s+(?:rib|iban|compte bancaire|coordonnées bancaires)",
    r"(?:par|en)\s+(?:virement|mandat cash|espèces|chèque)\s+(?:bancaire\s+)?(?:sur|à|au)\s+(?:notre|mon)",
    r"(?:paiement|règlement|virement) (?:complémentaire|supplémentaire|additionnel)",
)
_EXTRA_CHARGE = words(
    r"(?:frais|coûts?|montants?|sommes?)\s+(?:de\s+\w+\s+)?(?:supplémentaires?|additionnels?|complémentaires?)",
    r"suppléments?|surcoûts?|surtaxes?|complément de prix|différence de prix|frais de douane|droits de douane",
    r"virement",
    rf"{MONEY}\s+(?:de plus|supplémentaires?|en plus)",
)
_PAYER = words(
    r"merci de|veuillez|vous devez|vous devrez|vous devriez|il vous faudra|nous vous demandons|à votre charge"
    r"|à régler|à payer|à verser|factur\w*|exigibles?|demandée?s?|s'applique\w*|s'ajoute\w*|payez|réglez|versez"
    r"|virez|reste dû|restant dû",
)
_SETTLED = words(
    r"(?:ne|n')\s*(?:\w+\s+){0,3}?(?:pas|plus|jamais|rien)",
    r"offert\w*|gratuit\w*|(?:à|a) notre charge|pris en charge|inclus\w*|remboursé\w*",
)
_CARD_DATA = (
    r"(?:numéro de (?:carte|compte)|carte bancaire|carte de crédit|cryptogramme|code (?:pin|de sécurité|secret)"
    r"|mot de passe|rib|iban|coordonnées bancaires)"
)
_CARD_REQUEST = words(
    rf"(?:envoyez|donnez|communiquez|transmettez|indiquez|confirmez)-(?:nous|moi)\s+(?:votre|vos)\s+{_CARD_DATA}",
    rf"(?:merci de|veuillez)\s+(?:nous\s+)?(?:envoyer|donner|communiquer|transmettre|indiquer|confirmer)\s+"
    rf"(?:votre|vos)\s+{_CARD_DATA}",
    r"(?:envoyez|donnez|communiquez|transmettez|indiquez|confirmez)-(?:nous|moi)\s+(?:le numéro|les données|le code"
    r"|les coordonnées)\s+de\s+votre\s+(?:carte|compte)",
)

# --- order and shipping confirmations ------------------------------------------------

_SHIPMENT = r"(?:commande|colis|article|envoi|paquet|achat)"
_SENT = r"(?:expédiée?s?|envoyée?s?|confirmée?s?|remise?s? au transporteur|préparée?s?|traitée?s?|en route|en chemin)"
_STATUS = words(
    rf"(?:votre|vos)\s+{_SHIPMENT}s?(?:\s+[\w-]+){{0,2}}?\s+(?:a été|ont été|est|sont|vient d'être)\s+"
    rf"(?:(?:bien|déjà|aujourd'hui|désormais)\s+)*{_SENT}",
    rf"nous avons (?:bien )?(?:reçu|expédié|envoyé) votre {_SHIPMENT}",
    rf"votre\s+{_SHIPMENT}\s+a quitté notre entrepôt",
)
# "Nous vous confirmons la réception de votre commande"
_NOTICE = words(
    r"nous vous confirmons (?:la (?:bonne )?réception|l'expédition|l'envoi|votre commande|que votre commande)",
    r"(?:votre|la) commande (?:est|a été) (?:bien )?confirmée",
    r"(?:ce|le présent) (?:message|e-?mail|courriel) (?:vous )?confirme",
)
# What shows the message answers the buyer, so news of the order, even confirmed, is no notification.
_ANSWER = words(
    r"votre (?:question|demande|message)|(?:comme|ainsi que) (?:vous )?(?:nous )?(?:l'avez |l'aviez )?demandé",
    r"suite à votre|en réponse|nous avons vérifié|après vérification",
)
# What shows the message sorts out a problem, so news of the order is no notification.
_TROUBLE = words(
    r"désolé\w*|excus\w*|malheureusement|retard\w*|perdu\w*|manquant\w*|endommagé\w*|cassé\w*|erreur|remplacement"
    r"|remplac\w*|renvoy\w*|réexpédi\w*|à nouveau|de nouveau|rembours\w*|retour\w*|annul\w*|échange\w*",
)
# A header line ("Confirmation d'expédition : ...", "Objet : Confirmation de commande").
_CONFIRMATION_HEADER = words(
    r"(?:confirmation|avis|notification) (?:de |d')(?:commande|expédition|envoi|livraison)(?=\s*(?:[:\n-]|$))",
)

# --- profanity, insults, liar, threats, discrimination --------------------------------

_PROFANITY = words(*PROFANE, *map(leet, PROFANE_DISGUISED))
_INSULT = words(
    r"idiote?s?|imbéciles?|crétin\w*|abruti\w*|débiles?|andouilles?|guignols?|minables?|pauvre type",
    rf"vous\s+êtes\s+{_GAP}{{0,2}}?(?:un |une )?(?:stupide|idiot\w*|nul(?:le)?|ridicule|incapable|incompétent\w*|bête"
    r"|ignorant\w*|fou|folle|malhonnête|pénible|lourd\w*|gamin\w*|clown)",
    r"(?:savez|sachez)-vous lire|vous ne savez (?:donc )?pas lire|apprenez à lire|êtes-vous aveugle",
    r"taisez-vous|fermez-la|dégagez|allez vous faire voir",
    r"sale (?:client|type|individu)\w*|question (?:idiote|stupide|débile)",
)
_LIAR = words(
    r"menteu(?:r|rs|se|ses)",
    r"vous (?:nous )?mentez|vous (?:nous )?avez menti|mentez-vous",
    r"(?:c'est|c'était|ceci est|votre \w+ est)\s+(?:un |une |du |un pur |une pure )?(?:mensonge|faux|inventé\w*"
    r"|escroquerie|arnaque|fraude|bobard)",
    r"mensonges?|escroc\w*|arnaqueu\w*|voleu(?:r|rs|se|ses)|fraudeu\w*",
    rf"vous\s+(?:essayez|voulez|cherchez)\s+(?:de\s+|à\s+)?(?:nous\s+)?{_GAP}{{0,1}}?(?:arnaquer|escroquer|voler|tromper"
    r"|rouler|berner)",
    r"nous ne vous croyons pas|malhonnête\w*",
)
_THREAT = words(
    r"poursuites? (?:judiciaires?|en justice)|action en justice|(?:porter|porterons|porterai|déposer|déposerons)"
    r" plainte|plainte contre vous",
    r"(?:notre|mon)\s+avocat|(?:au|devant le) tribunal|en justice",
    r"vous (?:le )?regretterez|vous allez (?:le )?regretter",
    r"nous allons vous signaler|nous signalerons (?:votre|vous)|(?:nous )?vous signalerons"
    r"|(?:faire|ferons|ferai|fera) (?:bloquer|suspendre|fermer) votre compte",
    r"recouvrement|huissier",
    r"(?:engager|engagerons|engagerai|intenter|intenterons|lancer|lancerons) (?:des |une )?(?:poursuites|procédure"
    r"|action)",
    rf"votre compte (?:amazon |client )?(?:sera|serait|va être|pourrait être|risque d'être)\s+{_GAP}{{0,1}}?"
    r"(?:bloqué|suspendu|fermé|supprimé|banni|désactivé)",
    rf"(?:publier|publierons|publierai|afficher|afficherons|diffuser|diffuserons)\s+{_GAP}{{0,2}}?votre (?:nom|adresse"
    r"|identité|photo)",
    r"liste noire|(?:prévenir|avertir|informer) les autres vendeurs",
    r"(?:des |de )?conséquences pour vous",
)
_DISCRIMINATION = words(
    r"bougnoule\w*|nègres?|youpins?|pédés?|tapettes?|bicots?|bamboulas?|sous-hommes?",
    r"(?:des |les )?gens comme vous|vous autres",
    r"retournez (?:dans votre pays|chez vous|d'où vous venez)",
    r"parce que vous êtes (?:une femme|un étranger|une étrangère|étranger\w*|arabe|noir\w*|juif\w*|juive"
    r"|musulman\w*|vieux|vieille|handicapé\w*|homosexuel\w*|gay)",
)

# --- disparaging others, false claims --------------------------------------------------

_SELLERS = (
    r"(?:les |d')?autres (?:vendeurs|marchands|boutiques|marques|revendeurs)|(?:nos |les )?concurrents?|la concurrence"
)
_RIVALS = rf"(?:{_SELLERS})|amazon\w*"
_RUN_DOWN = (
    r"contrefa\w*|copies|imitations?|camelote|arnaque\w*|escroc\w*|voleurs?|nuls?|nulle|incompétent\w*|incapables?"
    r"|négligent\w*|catastroph\w*|une blague|bons? à rien|de mauvaise qualité|avis (?:achetés|payés|faux|bidon)"
    r"|s'en fiche\w*|s'en moque\w*|menteurs?"
)
# Products run down before the sellers they are pinned on.
_FAKES = r"contrefa\w*|copies|imitations?|camelote"
_DISPARAGEMENT = words(
    rf"(?:{_RIVALS})[^.!?\n]{{0,60}}?(?<!\w)(?:{_RUN_DOWN})",
    rf"(?:{_FAKES})[^.!?\n]{{0,30}}?(?<!\w)(?:{_SELLERS})",
)
_REVIEWISH = rf"(?:{REVIEW}|noter|évaluer|notez|évaluez|noté|évalué)"
_OBLIGED = words(
    r"(?:vous (?:oblige\w*|impose\w*|contraint)|vous (?:devez|devrez|êtes (?:obligée?s?|tenue?s?)|avez l'obligation)"
    r"|(?:les )?acheteurs (?:doivent|sont (?:obligés|tenus))|exige (?:que vous|des acheteurs)|obligatoire\w*"
    r"|impose (?:aux acheteurs|que vous))"
    rf"(?!\w)[^.!?\n]{{0,60}}?(?<!\w){_REVIEWISH}",
)

WORDING = wording_from(globals(), review=words(REVIEW))

"""French: the words more than one rule set reads, written with their accents (the messaging rules also
read them without)."""

# --- reviews, and asking to change them ------------------------------------------------

REVIEW = (
    r"(?:[ld]')?(?:avis|évaluations?|commentaires?|feedbacks?|notes?|notations?|(?:\d|cinq|quatre)[- ]?étoiles?"
    r"|étoiles)"
)
CHANGE = (
    r"(?:supprim\w*|retir\w*|modifi\w*|chang\w*|mettre à jour|mettiez à jour|revoir|revoyiez|révis\w*|reconsidér\w*"
    r"|corrig\w*|amélior\w*|effac\w*|annul\w*)"
)

# --- what a seller offers --------------------------------------------------------------

# A sum of euros. A number starts where its run of digits and separators starts: from each digit of a long run
# the rest would be read again.
MONEY = r"(?:(?<![\d.,])\d[\d.,]*\s?(?:€|euros?\b|eur\b)|€\s?\d[\d.,]*)"
# Anything of value, as the messaging rules read an offer made next to a review ask (an incentive).
VALUE = (
    r"rembours\w*",
    r"bons? d'achat",
    r"bons? de réduction",
    r"codes? (?:promo\w*|de réduction|de remise)",
    r"réductions?",
    r"remises?",
    r"ristournes?",
    r"cadeaux?",
    r"(?:carte|chèque)s? cadeaux?",
    r"offert\w*|offrons|offrir|offre",
    r"gratuit\w*",
    r"geste commercial",
    r"dédommag\w*|indemnis\w*|compensation",
    r"échantillons? gratuits?",
    r"\d+\s?(?:%|pour ?cent)",
    MONEY,
)
# As in English, compensation, which makes good the problem ("gratuitement un remplacement"), apart from
# gifts, given over and above or in return; both apart from VALUE.
COMPENSATION = (
    r"rembours\w*",
    r"remplac\w*",
    r"dédommag\w*",
    r"indemni\w*",
    r"geste commercial",
    r"gratuit\w*",
    r"sans frais",
)
# Value that is not money, given for a review as much as money is: prize draws, points, early access, clubs.
PERKS = (
    r"tirages? au sort",
    r"jeux?[- ]concours",
    r"concours",
    r"loterie",
    r"tombola",
    r"chances? de gagner",
    r"(?:pour |et )?gagner (?:un|une|des|le|la)",
    r"gagnez",
    r"points? (?:de )?fidélité",
    r"points? (?:bonus|cadeaux?|de récompense)",
    r"\d+ points",
    r"accès (?:anticipé|en avant-première|prioritaire|exclusif)",
    r"en avant-première",
    r"(?:le |la |les )?premi(?:er|ère|ers|ères) à (?:tester|essayer|découvrir|recevoir)",
    r"club \w+|club",
    r"vip",
    r"membres?",
    r"garantie (?:prolongée|étendue)|extension de (?:la )?garantie",
    r"plant\w* (?:un |des |\d+ )?arbres?",
)
GIFTS = (
    *PERKS,
    r"bons? d'achat",
    r"chèques?[- ]cadeaux?",
    r"cartes?[- ]cadeaux?",
    r"codes?[- ]promo\w*",
    r"codes? de réduction",
    r"réductions?",
    r"(?:produit|article|échantillon|cadeau)s? (?:gratuit|offert)e?s?",
    r"(?:un )?(?:petit )?cadeau pour vous",
    r"en échange d(?:e|'\w+)",
    r"en (?:guise de )?remerciement",
    r"remboursement supplémentaire",
)

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain, mild words too ("bordel"). "Con" only in a phrase: the messaging
# rules read every language in every message, and alone it is Spanish and Italian for "with".
PROFANE = (
    r"merde\w*|emmerd\w*|putain\w*|bordel|connard\w*|connasse\w*|salope\w*|salaud\w*|encul\w*|foutre|foutez"
    r"|fous-(?:moi|toi)|chier|chiant\w*|nique|niquer|ta gueule|fermez votre gueule|bâtard\w*|pute\w*",
    r"(?:espèce de|pauvre|gros|sale|quel|vous êtes (?:un |une )?)\s*(?:con|conne|cons)",
)
# Of those, the words the messaging rules also read disguised (m3rde, p.u.t.a.i.n).
PROFANE_DISGUISED = ("merde", "putain")
# What Amazon removes a buyer's feedback for: obscene and profane words, mild swearing too ("bordel",
# "foutu"), "con" alone too (a French comment is read as French). Rude words that swear at nothing ("nul",
# "arnaque", "escroc", "idiot") are no ground.
OBSCENE = (
    r"\w*merd\w*",  # merde, merdique, emmerdé
    r"putain\w*",
    r"putes?",
    r"fdp",
    r"connard\w*",
    r"connasse\w*",
    r"con(?:ne)?s?",
    r"encul\w*",
    r"salop\w*",
    r"niqu\w*",
    r"ntm",
    r"couilles?",
    r"chier",
    r"chiant\w*",
    r"ta gueule",
    r"bordel\w*",
    r"foutu\w*",
)

# --- contact details spelled out ---------------------------------------------------------

DOT = "point"


# --- a buyer asking to send something back (read by messaging.intents: the composer offers to open a return) ---

RETURN_ASK = (
    r"\bretourn(?:er|e|é|ée|ez)\b",
    r"\brenvo(?:yer|ie|yé)\b",
    r"\b(?:un|le|mon|du) retour\b",
    r"\b[ée]tiquette de retour\b",
    r"\b[ée]chang(?:er|e)\b",
)

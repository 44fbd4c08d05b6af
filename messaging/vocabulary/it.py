"""Italian: the words more than one rule set reads, written with their accents (the messaging rules also
read them without)."""

# --- reviews, and asking to change them ------------------------------------------------

REVIEW = (
    r"(?:[l]')?(?:recension[ei]|valutazion[ei]|feedbacks?|commenti?|commento|giudiz(?:io|i)|opinion[ei]"
    r"|(?:\d|cinque|quattro)\s?stelle|stelle|stelline)"
)
CHANGE = (
    r"(?:rimuov\w*|rimoss\w*|elimin\w*|cancell\w*|modific\w*|cambi\w*|aggiorn\w*|rived\w*|rivist\w*|ritir\w*"
    r"|corregg\w*|miglior\w*|riconsider\w*)"
)

# --- what a seller offers --------------------------------------------------------------

# A sum of euros. A number starts where its run of digits and separators starts: from each digit of a long run
# the rest would be read again.
MONEY = r"(?:(?<![\d.,])\d[\d.,]*\s?(?:€|euros?\b|eur\b)|€\s?\d[\d.,]*)"
# Anything of value, as the messaging rules read an offer made next to a review ask (an incentive).
VALUE = (
    r"rimbors\w*",
    r"buon[oi] (?:sconto|regalo|acquisto|omaggio)",
    r"codic[ei] (?:sconto|promo\w*)",
    r"scont[oi]",
    r"omaggi(?:o)?",
    r"regal[oi]|regaliamo|regalarle|regalarti|le regaleremo",
    r"gratis|gratuit\w*",
    r"carte? regalo|gift card",
    r"risarciment\w*|compensazion[ei]|indennizz\w*",
    r"\d+\s?(?:%|per ?cento)",
    MONEY,
)
# As in English, compensation, which makes good the problem ("gratuitamente una sostituzione"), apart from
# gifts, given over and above or in return; both apart from VALUE.
COMPENSATION = (
    r"rimbors\w*",
    r"sostitu\w*",
    r"indennizz\w*",
    r"risarci\w*",
    r"senza costi",
    r"a costo zero",
    r"nota di credito",
)
# Value that is not money, given for a review as much as money is: prize draws, points, early access, clubs.
PERKS = (
    r"estrazion[ei] a premi",
    r"concors[oi] a premi",
    r"concorso",
    r"lotteria",
    r"sorteggi[oi]",
    r"premi in palio|in palio",
    r"(?:per |e )?vincere (?:un|una|uno|il|la|dei)",
    r"punti (?:fedeltà|bonus|premio|extra)",
    r"\d+ punti",
    r"accesso (?:anticipato|esclusivo|prioritario)",
    r"in anteprima",
    r"prima di tutti",
    r"(?:il |la |i |le )?prim[oaie] a (?:provare|ricevere|scoprire|testare)",
    r"club \w+|club",
    r"vip",
    r"membri|membro",
    r"garanzia (?:estesa|prolungata)|estensione (?:della )?garanzia",
    r"piant\w* (?:un |\d+ )?alber\w*",
    r"donazion\w*",
)
GIFTS = (
    *PERKS,
    r"buon[oi] (?:sconto|regalo|acquisto)",
    r"codic[ei] (?:sconto|promo\w*)",
    r"scont[oi]",
    r"carte? regalo",
    r"omaggi[oi]",
    r"(?:prodott|articol|campion)[oi] (?:gratuit[oi]|gratis|in regalo)",
    r"(?:un )?regalo per lei",
    r"in cambio (?:di|della|del)",
    r"come ringraziamento",
    r"per ringraziarla",
    r"rimborso (?:extra|aggiuntivo)",
)

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain.
PROFANE = (
    r"cazz\w*|stronz\w*|vaffanculo|fanculo|merda\w*|minchia\w*|coglion\w*|porca (?:puttana|miseria|troia)|puttan\w*"
    r"|troia|fottut\w*|fottiti|incazz\w*|bastard\w*|porco dio|sticazzi",
)
# Of those, the words the messaging rules also read disguised (c4zzo, s.t.r.o.n.z.o).
PROFANE_DISGUISED = ("cazzo", "stronzo")
# What Amazon removes a buyer's feedback for: obscene and profane words, mild swearing too ("dannato",
# "maledetto"), ("con" is "with" and "fine" is "end" here). Rude words that swear at nothing ("schifo",
# "fa schifo", "pessimo", "truffa", "idiota", "cretino") are no ground.
OBSCENE = (
    r"\w*cazz\w*",  # cazzo, cazzata, incazzato
    r"stronz\w*",
    r"\w*fancul\w*",  # vaffanculo, fanculo
    r"merd\w*",
    r"minchi\w*",
    r"coglion\w*",
    r"puttan\w*",
    r"troi[ae]",
    r"bastard\w*",
    r"fottut\w*",
    r"fott(?:e|i|iti|ere)\b",
    r"mortacci\w*",
    r"porco ?dio",
    r"porca (?:puttana|troia)",
    r"dannat[oaie]",
    r"maledett[oaie]",
)

# --- contact details spelled out ---------------------------------------------------------

DOT = "punto"


# --- a buyer asking to send something back (read by messaging.intents: the composer offers to open a return) ---

RETURN_ASK = (
    r"\brestitu(?:ire|irlo|irla|isco|zione)\b",
    r"\breso\b",
    r"\b(?:rimandare|rispedire|rimandarlo|rispedirlo)\b",
    r"\betichetta di reso\b",
    r"\bsostitu(?:ire|zione)\b",
)

"""German: the words more than one rule set reads, written with umlauts and ß (the messaging rules also
read them as ae, oe, ue and ss)."""

# One word and the space after it, that is not a negation ("Sie müssen nichts extra zahlen").
GAP = r"(?:(?!(?:nicht|nichts|kein\w*|nie|niemals|ohne|weder)\b)[\w'-]+\s+)"

# --- reviews, and asking to change them ------------------------------------------------

# A compound's first part is bounded, so that a long run of word characters costs no more than a word.
REVIEW = (
    r"(?:[\w-]{0,30}bewertung(?:en)?|[\w-]{0,30}rezension(?:en)?|[\w-]{0,30}feedback|(?:[\w-]{0,30}-)?sternen?"
    r"|erfahrungsbericht\w*)"
)
CHANGE = (
    r"(?:ändern|änderst|ändert|geändert|abändern|abzuändern|entfern\w*|lösch\w*|gelöscht|zurückzu?ziehen"
    r"|zurückgezogen|zurückzu?nehmen|zurückgenommen|anpass\w*|angepasst|anzupassen|überdenk\w*|überdacht|aktualisier\w*"
    r"|korrigier\w*|revidier\w*|überarbeit\w*|verbesser\w*|anheb\w*|angehoben|anzuheben|hochstuf\w*|hochzustufen"
    r"|nachbesser\w*|erhöh\w*)"
)

# --- what a seller offers --------------------------------------------------------------

# A sum of euros. A number starts where its run of digits and separators starts: from each digit of a long run
# the rest would be read again.
MONEY = r"(?:(?<![\d.,])\d[\d.,]*\s?(?:€|euros?\b|eur\b)|€\s?\d[\d.,]*)"
# Anything of value, as the messaging rules read an offer made next to a review ask (an incentive).
VALUE = (
    r"(?:rück|zurück|teil)?erstatt\w*",
    r"geld(?:-| )zurück\w*",
    rf"(?:(?:bekommen|erhalten|kriegen)\s+sie|sie\s+(?:bekommen|erhalten|kriegen))\s+{GAP}{{0,4}}?zurück",
    r"zurück(?:bekommen|erhalten)",
    r"\w*gutschein\w*",
    r"\w*rabatt\w*",
    r"\w*gutschrift\w*|gutschreiben|gutzuschreiben|gutgeschrieben",
    r"(?:preis)?nachlass\w*",
    r"\w*geschenk\w*",
    r"schenken|schenke|schenkt",
    r"präsent\w*",
    r"kleine[nrs]? aufmerksamkeit",
    r"als (?:kleines )?dankeschön",
    r"gratis\w*",
    r"kostenlos\w*",
    r"umsonst",
    r"belohn\w*",
    r"prämie\w*",
    r"bonus\w*",
    r"cash-?back",
    r"guthaben",
    r"entschädig\w*",
    r"kompensation|kompensier\w*",
    r"rückzahlung|zurückzahl\w*|zurückgezahlt",
    r"\d+\s?(?:%|prozent)",
    MONEY,
)
# As in English, compensation, which makes good the problem ("kostenlos" on its own is how a replacement is
# sent), apart from gifts, given over and above or in return; both apart from VALUE.
COMPENSATION = (
    r"(?:rück|teil|zurück)?erstatt\w*",
    r"ersatz\w*",
    r"ersetz\w*",
    r"\w*gutschrift\w*",
    r"geld zurück",
    r"(?:preis)?nachlass",
    r"entschädig\w*",
    r"rückzahlung",
    r"zurückgezahlt",
    r"umtausch\w*",
    r"austausch\w*",
    r"neulieferung",
    r"kulanz\w*",
    r"kostenlos\w*",
    r"gratis",
)
# Value that is not money, given for a review as much as money is: prize draws, points, early access, clubs.
PERKS = (
    r"\w*gewinnspiel\w*",
    r"\w*verlos\w*",
    r"tombola",
    r"lotterie",
    r"(?:ein|jedes|als) los",
    r"preisausschreiben",
    r"gewinnchance\w*",
    r"(?:zu|und) gewinnen",
    r"gewinnen sie",
    r"\w*(?:treue|bonus|prämien|extra)punkte\w*",
    r"(?:doppelte|dreifache|extra) punkte",
    r"punkte (?:sammeln|gutgeschrieben|gutschreiben)",
    r"\d+ punkte",
    r"vorab(?:-| )?zugang",
    r"(?:frühzeitig|frühere|exklusive)\w* zugang",
    r"zugang vorab",
    r"als erste\w* (?:testen|probieren|erhalten|sehen|bekommen)",
    r"\w*tester-?club\w*|produkttester\w*",
    r"vip\w*",
    r"\w*club\w*",
    r"mitglied\w*",
    r"garantieverlängerung\w*|verlängerte\w* garantie",
    r"bäume? pflanzen|pflanzen (?:wir )?(?:einen |\d+ )?bäume?",
    r"spende\w*|spenden",
)
GIFTS = (
    *PERKS,
    r"\w*gutschein\w*",
    r"\w*rabatt\w*",
    r"\w*guthaben",
    r"belohnung\w*",
    r"prämie\w*",
    r"\w*geschenkkarte\w*",
    r"(?:gratis|kostenlose[nsrm]?)[- ]?(?:geschenk|produkt|artikel|probe|muster|zugabe)\w*",
    r"(?:kleine[sn]? )?(?:geschenk|aufmerksamkeit) für sie",
    r"als (?:kleines )?(?:dankeschön|geschenk|belohnung)",
    r"im gegenzug",
    r"als gegenleistung",
    r"zusätzliche[nr]? (?:rück)?erstattung",
    r"(?:\d+\s?(?:%|prozent|€|euro)|(?:gratis|kostenlose[rn]?) versand) (?:auf|bei|für) (?:ihre[mnr]?|die|den|der)"
    r" nächsten?",
)

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain, mild words too ("verdammt", "Mist").
PROFANE = (
    r"\w*schei(?:ß|s|\*+)e?\w*",
    r"sch\*+e",
    r"beschiss\w*",
    r"arsch\w*",
    r"(?:voll|riesen|dumm|geizig)arsch\w*",
    r"(?:ge|ver)?fick(?:en|t|te|ter|e|er|dich|st)?",
    r"wichser\w*|hurensohn\w*|huren(?:sohn|bock|kind)|hure|fotze\w*|schlampe\w*",
    r"miststück\w*|mistkerl\w*|dreckskerl\w*|drecks(?:laden|firma|teil|ding|verein|kunde)\w*",
    r"verpiss\w*|angepisst|pisser|pisse|kack\w*",
    r"verdammt\w*|verflucht\w*|zum teufel|leck mich",
    r"(?:so ein|so einen|was für ein|verdammter) mist|mist(?:ding|teil|laden)\w*",
)
# Of those, the words the messaging rules also read disguised (sch3isse, a.r.s.c.h.l.o.c.h).
PROFANE_DISGUISED = ("scheisse", "arschloch", "wichser")
# What Amazon removes a buyer's feedback for: obscene and profane words, mild swearing too ("verdammt",
# "Kacke"), wherever a compound puts them ("Scheißladen", "Vollarschloch"). Rude words that swear at nothing
# ("Mist", "Dreck", "Schrott", "verarscht", "Idiot") are no ground.
OBSCENE = (
    r"\w*sch[e3]i(?:ß|ss|s|\*+)\w*",  # Scheiße, Scheiss, Schei*e, Scheißladen, Riesenscheiß
    r"sch\*+e",
    r"beschiss\w*",
    r"\w*arschl(?:ö|oe|o)ch\w*",
    r"arsch\w*",
    r"\w*wichser\w*",
    r"(?:ge)?fick\w*",
    r"\w*fotze\w*",
    r"\w*hurensohn\w*",
    r"huren?\w*",
    r"\w*schlampe\w*",
    r"miststück\w*",
    r"verpiss\w*",
    r"angepisst\w*",
    r"verdammt\w*",
    r"verflucht\w*",
    r"\w*kacke\w*|kack\w*",
)

# --- contact details spelled out ("klaus punkt weber ät gmx punkt de") --------------------

DOT = "punkt"
AT = "ät"


# --- a buyer asking to send something back (read by messaging.intents: the composer offers to open a return) ---

RETURN_ASK = (
    r"\bzur[üu]ck(?:zu)?(?:senden|schicken|geben)\b",
    r"\bzur[üu]ck(?:sende|schicke|gebe)\b",
    r"\br[üu]cksendung\w*",
    r"\bretour\w*",
    r"\bumtausch\w*",
    r"\bumtauschen\b",
    r"\bwiderruf\w*",
)

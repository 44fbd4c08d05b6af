"""German: the words more than one rule set reads, written with umlauts and ß (the messaging rules also
read them as ae, oe, ue and ss)."""

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
# What Amazon removes a buyer's feedback for: the obscene words only, wherever a compound puts them
# ("Scheißladen", "Vollarschloch"). Milder words ("Mist", "Dreck", "Schrott", "verdammt", "verarscht",
# "Idiot") are rude but not grounds for removal.
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
)

# --- contact details spelled out ("klaus punkt weber ät gmx punkt de") --------------------

DOT = "punkt"
AT = "ät"

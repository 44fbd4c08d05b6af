"""French: the words more than one rule set reads, written with their accents (the messaging rules also
read them without)."""

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
# What Amazon removes a buyer's feedback for: the obscene words only, "con" alone too (a French comment is
# read as French). Milder words ("nul", "bordel", "foutu", "arnaque", "escroc", "idiot") are rude but not
# grounds for removal.
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
)

# --- contact details spelled out ---------------------------------------------------------

DOT = "point"

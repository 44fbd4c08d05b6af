"""Italian: the words more than one rule set reads, written with their accents (the messaging rules also
read them without)."""

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain.
PROFANE = (
    r"cazz\w*|stronz\w*|vaffanculo|fanculo|merda\w*|minchia\w*|coglion\w*|porca (?:puttana|miseria|troia)|puttan\w*"
    r"|troia|fottut\w*|fottiti|incazz\w*|bastard\w*|porco dio|sticazzi",
)
# Of those, the words the messaging rules also read disguised (c4zzo, s.t.r.o.n.z.o).
PROFANE_DISGUISED = ("cazzo", "stronzo")
# What Amazon removes a buyer's feedback for: the obscene words only ("con" is "with" and "fine" is "end"
# here). Milder words ("schifo", "fa schifo", "pessimo", "truffa", "idiota", "cretino") are rude but not
# grounds for removal.
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
)

# --- contact details spelled out ---------------------------------------------------------

DOT = "punto"

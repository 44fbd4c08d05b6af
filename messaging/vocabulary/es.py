"""Spanish: the words more than one rule set reads, written with their accents (the messaging rules also
read them without)."""

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain.
PROFANE = (
    r"mierda\w*|joder|jodid\w*|jódete|hostias?|coño|gilipollas|cabr(?:ón|ona|ones)|put[ao]s?|hij[oa]s? de puta|hijoputa"
    r"|carajo|chingad\w*|cojones|me cago|capull\w*|mam(?:ón|ona)",
)
# Of those, the words the messaging rules also read disguised (m1erda, j.o.d.e.r).
PROFANE_DISGUISED = ("mierda", "joder")
# What Amazon removes a buyer's feedback for: the obscene words only ("con" is "with" here, not the French
# insult). Milder words ("porquería", "basura", "timo", "idiota", "imbécil", "maldito") are rude but not
# grounds for removal.
OBSCENE = (
    r"\w*mierd\w*",
    r"gilipoll\w*",
    r"cabr[oó]n\w*",
    r"cabrona\w*",
    r"jod(?:er|ido|ida|idos|idas|an|e)",
    r"put[ao]s?",
    r"putada\w*",
    r"hdp",
    r"coñ[oa]",
    r"cojon\w*",
    r"capull\w*",
    r"pendej\w*",
    r"chingad\w*",
    r"verga",
    r"zorra\w*",
    r"maric[oó]n\w*",
    r"me cago en",
)

# --- contact details spelled out ---------------------------------------------------------

DOT = "punto"

"""English: the words more than one rule set reads."""

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain, mild words too: each stem with the endings it takes (the
# messaging rules also read it disguised, f*ck, sh1t), then the phrases and short forms.
PROFANE_STEMS = {
    "fuck": r"(?:s|ed|er|ers|ing|in|off|face|head|wit)?",
    "motherfuck": r"(?:er|ers|ing)?",
    "shit": r"(?:s|ty|head|hole|ting|e)?",
    "bullshit": "",
    "horseshit": "",
    "crap": r"(?:py|s)?",
    "damn": r"(?:ed|it)?",
    "goddamn": r"(?:ed|it)?",
    "dammit": "",
    "bitch": r"(?:es|y|ing)?",
    "bastard": r"s?",
    "asshole": r"s?",
    "arsehole": r"s?",
    "dickhead": r"s?",
    "cunt": r"s?",
    "twat": r"s?",
    "wanker": r"s?",
    "bollocks": "",
    "douche": r"(?:bag|bags)?",
    "piss": r"(?:ed|ing)?",
}
PROFANE = (
    r"wtf",
    r"stfu",
    r"ffs",
    r"fck",
    r"fk",
    r"fuk",
    r"fcking",
    r"sh\*t",
    r"(?:dumb|jack|smart|lazy)ass",
    r"kiss my (?:ass|arse)",
    r"screw you",
    r"bloody hell",
    r"the hell",
    r"go to hell",
    r"hell no",
    r"(?:you|a|such a) (?:dick|prick|ass|arse)",
)
# What Amazon removes a buyer's feedback for: the obscene words only, as buyers disguise them in a comment
# read as written (f*ck, f u c k). Milder words ("damn", "crap", "stupid", "sucks") are rude but not grounds
# for removal. Buyers swear in English whatever their language: every language's feedback is read for these.
OBSCENE = (
    r"f[\W_]*[u*@#!]+[\W_]*[c*]+[\W_]*k+\w*",  # f*ck, f**k, f u c k, fucking
    r"f[*#@]+[kg]\w*",
    r"fck\w*",
    r"fuk\w*",
    r"wtf",
    r"stfu",
    r"sh[i!1*]+t\w*",
    r"bullsh[i!1*]t\w*",
    r"ass\s*holes?",
    r"a[s$]{2}hole\w*",
    r"a\*+hole\w*",
    r"b[i!1*]tch\w*",
    r"bastards?",
    r"piss\w*",
    r"c[u*]nts?",
    r"mother\s*f\w+",
    r"whores?",
    r"slut\w*",
    r"dumbass\w*",
    r"jackass\w*",
)
# Obscene in English feedback only: "dick" is German for "thick".
OBSCENE_IN_ENGLISH = r"dick(?:head)?s?"

# --- contact details spelled out ("tom at example dot com") --------------------------------

DOT = "dot"
AT = "at"

"""English: the words more than one rule set reads."""

# --- reviews, and asking to change them ------------------------------------------------

REVIEW = r"(?:reviews?|feedback|ratings?|stars?|testimonials?)"
CHANGE = (
    r"(?:updat|chang|remov|delet|revis|edit|amend|withdraw|retract|reconsider|modif|upgrad|improv|rais|bump"
    r"|take down|taking down)\w*"
)

# --- what a seller offers --------------------------------------------------------------

MONEY = r"[$€£]\s?\d+|\b\d+\s?(?:dollars|euros?|pounds|usd|eur|gbp)\b"
# Anything of value, as the messaging rules read an offer made next to a review ask (an incentive).
VALUE = (
    r"refund(?:s|ed|ing)?",
    r"reimburs\w*",
    r"money back",
    r"cash ?back",
    r"rebates?",
    r"discount(?:s|ed)?",
    r"\d+ ?% ?off",
    r"coupons?",
    r"vouchers?",
    r"promo(?:tion(?:al)?)? ?codes?",
    r"gift ?cards?",
    r"gift certificates?",
    r"gifts?",
    r"presents?",
    r"freebies?",
    r"(?:free|complimentary|bonus)\s+(?:[\w'-]+\s+){0,2}?(?:products?|items?|samples?|units?|bottles?|ones?"
    r"|replacements?|upgrades?|accessor(?:y|ies)|cases?|packs?|kits?|sets?)",
    r"store credit",
    r"credit(?! card)",
    r"compensat\w*",
    r"rewards?",
    r"pay you",
    r"at no (?:cost|charge)",
    r"for free",
    r"free of charge",
    r"(?:your )?money back",
    r"on the house",
)
# A message about the buyer's feedback tells two kinds of value apart, since it may carry the resolution:
# compensation makes good the problem (allowed on its own, never next to an ask to change the feedback);
# gifts are given over and above, or in return (an incentive even with no ask). A free replacement is
# compensation, a free thing to keep a gift. Kept apart from VALUE, which is tuned on the labelled messages:
# joining the lists would change what either rule blocks.
COMPENSATION = (
    r"refund\w*",
    r"replacement",
    r"replac(?:e|ed|ing)",
    r"reimburs\w*",
    r"money back",
    r"compensat\w*",
    r"credit\w*",
    r"free of charge",
    r"at no (?:extra )?cost",
)
# Value that is not money, given for a review as much as money is: prize draws, points, early access, clubs,
# a longer warranty, a good deed in the buyer's name.
PERKS = (
    r"prize[- ]?draws?",
    r"prizes?",
    r"raffles?",
    r"sweepstakes?",
    r"giveaways?",
    r"lotter(?:y|ies)",
    r"lucky draws?",
    r"(?:a |the |your )?chances? (?:to|of) win(?:ning)?",
    r"(?:be |get |are |is )?entered (?:in|into|to win)",
    r"entr(?:y|ies) (?:in|into|to|for)",
    r"win (?:a|an|one|our|the)",
    r"(?:loyalty|reward|rewards|bonus|extra|double|triple|vip|member(?:ship)?|store) points",
    r"\d+x? (?:reward |bonus |loyalty )?points",
    r"[2-5]x points",
    r"early access",
    r"(?:be )?(?:the )?first to (?:try|test|see|get|hear|know)",
    r"before (?:anyone|everyone|anybody) else",
    r"sneak (?:peek|preview)s?",
    r"exclusive (?:access|preview|deals?|offers?)",
    r"members?[- ]only",
    r"(?:vip|members?|testers?'?|insiders?|loyalty|rewards?)[- ](?:club|programme|program|list|group|community|status)",
    r"priority (?:support|service|shipping|handling|access)",
    r"(?:extended|extra|longer|lifetime|free) (?:\w+ )?warrant(?:y|ies)",
    r"warranty extension",
    r"free (?:express |priority |expedited |next[- ]day )?(?:shipping|delivery) (?:on|for) (?:your|the) next",
    r"upgrade (?:your|you) (?:next )?(?:delivery|shipping|order)",
    r"plant(?:s|ed|ing)? (?:a |one |\d+ |\w+ )?trees?",
    r"donat(?:e|es|ed|ion)",
)
GIFTS = (
    *PERKS,
    r"gift ?cards?",
    r"vouchers?",
    r"coupons?",
    r"discount(?: codes?)?",
    r"promo(?:tion(?:al)?)? codes?",
    r"rewards?",
    r"cash ?back",
    r"bonus",
    r"free (?:gifts?|products?|items?|samples?|units?|shipping on your next)",
    r"in exchange for",
    r"in return for",
    r"as a thank[- ]you",
    r"extra refund",
    r"store credit",
    r"paypal",
)

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
# What Amazon removes a buyer's feedback for: obscene and profane words, mild swearing too ("damn", "crap"), as
# buyers disguise them in a comment read as written (f*ck, f u c k). Rude words that swear at nothing ("stupid",
# "sucks") are no ground. Buyers swear in English whatever their language: every language's feedback is read
# for these.
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
    r"(?:god ?)?damn\w*",
    r"dammit",
    r"crap\w*",
    r"bloody",
)
# Profane in English feedback only: "dick" is German for "thick", "hell" for "bright".
OBSCENE_IN_ENGLISH = r"dick(?:head)?s?|hell"

# --- contact details spelled out ("tom at example dot com") --------------------------------

DOT = "dot"
AT = "at"


# --- a buyer asking to send something back (read by messaging.intents: the composer offers to open a return) ---

RETURN_ASK = (
    r"\breturn (?:it|this|them|these|the (?:item|product|order|parcel|package)|my order)\b",
    r"\b(?:want|like|need|wish|going|have) to return\b",
    r"\bsend (?:it|this|them|these|the (?:item|product)) back\b",
    r"\breturn (?:label|authori[sz]ation|request)\b",
    r"\bhow (?:do|can|should) i return\b",
    r"\bcan i return\b",
    r"\bexchange (?:it|this|them|the (?:item|product))\b",
    r"\b(?:request|start|open)(?:ing)? a return\b",
)

"""The eligibility rules for English comments."""

import re

from messaging.vocabulary.en import OBSCENE, OBSCENE_IN_ENGLISH

from .rules import any_of, rules_from

# --- a full name -------------------------------------------------------------

_NAME = r"([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)"
# A full name right after words that introduce a person.
_NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:my name is|name is|named|spoke (?:to|with)|talked (?:to|with)|addressed to|signed"
    r"|owner|manager|rep|representative|agent|mr|mrs|ms|miss|dr)\b\.?,?:?\s+)" + _NAME
)

# --- obscenity -------------------------------------------------------------

_OBSCENITY = re.compile(r"(?<![a-z])(?:" + "|".join([*OBSCENE, OBSCENE_IN_ENGLISH]) + r")(?![a-z])", re.IGNORECASE)

# --- what the comment is about --------------------------------------------

# The seller's own doing, whoever fulfilled the order: the listing, the stock, the seller's conduct.
_SELLER_FAULT = any_of(
    r"wrong (?:item|size|colou?r|model|product|one|thing|version|book|part)s?\b",
    r"not (?:as|what) (?:described|pictured|advertised|shown|listed|i ordered)",
    r"not the (?:same|one) (?:as )?(?:pictured|shown|advertised)",
    r"(?:completely |totally )?different (?:model|item|product|colou?r|brand)",
    r"counterfeit",
    r"fake\b",
    r"knock[- ]?off",
    r"not (?:the )?genuine",
    r"not authentic",
    r"(?:was|been|is|clearly|obviously|already|previously) used\b",
    r"used (?:item|product|one|unit)",
    r"opened and (?:used|worn|resealed|re-?packaged|re-?wrapped)",
    r"(?:item|product|bottle|jar|contents?|it) (?:had|has) (?:clearly |obviously )?been (?:opened|used)",
    r"refurbished",
    r"expired",
    r"best before",
    r"past (?:its|the) date",
    r"missing\b",
    r"only (?:received|got) (?:\d|one|two|three|half)",
    r"not included",
    r"invoice",
    r"cancell?ed my order",
    r"promised",
    r"asking for (?:\d|five|a) ?(?:stars?|reviews?)",
    r"listing",
    r"description (?:is|was|says)",
)
# The seller not answering or being rude: the seller's service even on an FBA order.
_SELLER_CONTACT = any_of(
    r"(?:seller|merchant|vendor|company|they|he|she)\b[^.!?]{0,40}"
    r"\b(?:respond|repl|answer|get back|ignor|rude|messag|email|contact|hung up)",
    r"(?:no|never|without|didn.?t get an?|zero) (?:response|reply|answer|communication)",
    # the seller refusing, blaming or brushing off: their own service, whatever the product did
    r"(?:seller|merchant|vendor|company|shop|store)(?:'s)?\b[^.!?]{0,40}"
    r"\b(?:refus|declin|deni|reject|argu|blam|insist|told me|said (?:it|that)|won.?t|wouldn.?t|unhelpful|useless"
    r"|no help|not help|ghost|stonewall|excuse|runaround|my fault|charg|restocking|honou?r|brush|fob"
    r"|wants? nothing to do)",
    r"ignored my",
    r"poor communication",
    r"never (?:responded|replied|answered|got back)",
    r"won.?t (?:respond|reply|answer)",
    r"unresponsive",
    r"rude",
)
_DELIVERY = any_of(
    # what came, or did not: an empty or opened parcel, nothing at all
    r"empty (?:box|package|parcel|envelope|bag|carton)",
    r"(?:box|package|parcel|envelope|bag|carton)\b[^.!?]{0,20}\bempty\b",
    r"(?:box|package|parcel|envelope|bag|carton|seal)\b[^.!?]{0,30}\b(?:opened|open|ripped|torn|tampered)\b",
    r"(?:arrived|came|got here|showed up) (?:already |all )?(?:opened|open|ripped open|torn open|tampered)",
    r"(?:ripped|torn) open",
    r"nothing (?:inside|in it|in the box|in there)",
    r"no item (?:in|inside)",
    r"nothing (?:has |have )?(?:come|arrived|shown up|turned up)",
    r"never (?:arrived|showed up|turned up|got here|made it)",
    r"still (?:waiting|not here)",
    r"(?:says|claims|shows|marked)\b[^.!?]{0,20}\b(?:handed|delivered|left)\b",
    r"inside (?:is|was) gone",
    r"soaking wet|soaked",
    r"ship(?:ping|ped|ment|s)?\b",
    r"deliver\w*",
    r"arriv\w*",
    r"late\b",
    r"never (?:received|came|got|showed)",
    r"not received",
    r"didn.?t (?:receive|arrive|come|get)",
    r"package\w*",
    r"pack(?:ed|ing)\b",
    r"parcel",
    r"crushed",
    r"damaged",
    r"envelope",
    r"padding",
    r"tracking",
    r"transit",
    r"lost\b",
    r"driver",
    r"courier",
    r"carrier",
    r"ups\b",
    r"usps",
    r"fedex",
    r"dhl",
    r"porch",
    r"doorstep",
    r"at my door",
    r"mailbox",
    r"prime\b",
    r"in the rain",
    r"wrong address",
    r"neighbou?r",
    r"showed up",
    r"came in a",
    r"box (?:was|came) \w+",
)
# On an FBA order Amazon runs returns, refunds and the customer service.
_AMAZON_SERVICE = any_of(
    r"customer service",
    r"customer support",
    r"support\b",
    r"refund\w*",
    r"return(?:ed|ing|s)?\b",
    r"money back",
)
# Price words in another sense: read past them before looking for a pricing complaint.
_PRICE_IDIOM = any_of(
    r"at (?:all|any) costs?",
    r"at any price",
    r"no matter (?:the|what the) (?:cost|price)",
    r"whatever the (?:cost|price)",
    r"(?:paid|pay|paying) the price",
    r"priceless",
    r"(?:expensive|costly|pricey) (?:lesson|mistake|error)",
    r"the cost of (?:this|that|my|the) (?:mistake|error|lesson)",
    r"costs? nothing to",
    r"cost(?:s|ed)? (?:me|us|him|her) (?:a |an |the |my |our |two |three |several |\d+ )?(?:whole |entire |full )?"
    r"(?:days?|weekends?|evenings?|hours?|afternoons?|nights?|weeks?|time|sleep|nerves|patience|sanity|carpet|job)",
    r"not worth (?:the |my |your )?(?:hassle|trouble|effort|time|headache|risk|aggravation|frustration)",
)
_PRICE = any_of(
    r"price\w*",
    r"overpriced",
    r"pricing",
    r"expensive",
    r"costs?\b",
    r"costly",
    r"cheaper",
    r"gouging",
    r"worth the money",
    r"not worth",
    r"rip[- ]?off",
    r"[$€£]\s?\d",
    r"\d+ (?:dollars|euros|pounds)",
    r"twice as much",
    r"half the price",
)
_PRODUCT = any_of(
    r"quality",
    r"broke\b",
    r"broken",
    r"snapped",
    r"cracked",
    r"stopped working",
    r"doesn.?t work",
    r"does not work",
    r"didn.?t work",
    r"won.?t (?:turn|work|charge|start)",
    r"wont (?:turn|work|charge|start)",
    r"defective",
    r"faulty",
    r"fits?\b",
    r"fitting",
    r"runs (?:small|large|big)",
    r"too (?:small|big|large|tight|loose|short|long|heavy|thin)",
    r"small\b",
    r"tight\b",
    r"loose\b",
    r"colou?r",
    r"fabric",
    r"material",
    r"flimsy",
    r"cheaply",
    r"cheap\b",
    r"durable",
    r"battery",
    r"charge\b",
    r"charger",
    r"leak\w*",
    r"smell\w*",
    r"taste\w*",
    r"flavou?r",
    r"sound",
    r"bass\b",
    r"volume",
    r"screen",
    r"instructions",
    r"assembl\w*",
    r"comfortable",
    r"uncomfortable",
    r"heavy",
    r"zipper",
    r"straps?\b",
    r"handle",
    r"\blid\b",
    r"wheels?\b",
    r"squeak\w*",
    r"paint",
    r"chipped",
    r"bubbles?",
    r"works\b",
    r"working\b",
    r"product",
    r"design",
    r"buttons?\b",
    r"noisy",
    r"loud",
    r"weak",
    r"clasp",
    r"band\b",
    r"skin",
    r"itch\w*",
    r"scratchy",
    r"rust\w*",
    r"hold a charge",
    r"lasts?\b",
    r"sealing",
    r"useless",
    r"fad(?:ed|es|ing)\b",
    r"flicker\w*",
    r"dead\b",
    r"dull\w*",
    r"burn(?:ed|t|s)? out",
    r"motor",
    r"bent\b",
    r"sparks?\b",
)


RULES = rules_from(globals())

"""The wording rules in English."""

import re

from messaging.vocabulary.en import CHANGE, COMPENSATION, GIFTS, MONEY, PERKS, PROFANE, PROFANE_STEMS, REVIEW, VALUE

from .wording import leet, wording_from

_W = r"(?:[\w'-]+\s+)"  # one word and the space after it

# --- reviews and feedback ----------------------------------------------------------

_INCENTIVE = re.compile(rf"\b(?:{'|'.join(VALUE)})\b|{MONEY}")
_PERK = re.compile(rf"\b(?:{'|'.join(PERKS)})\b")
_GIFT = re.compile(rf"\b(?:{'|'.join(GIFTS)})\b")
_COMPENSATION = re.compile(rf"\b(?:{'|'.join(COMPENSATION)})\b")
_MADE = re.compile(
    r"\b(?:has|have|had) (?:now |already |just )?(?:been|gone) (?:\w+ )?(?:issued|processed|completed|made|sent|paid"
    r"|credited|refunded|approved|through|out)\b|\b(?:was|were|is|are) (?:now |already )?(?:\w+ )?(?:issued|processed"
    r"|completed|made|sent|paid|credited|refunded|approved|done|complete|through)\b"
    r"|\b(?:went|gone) (?:through|out)\b|\b(?:has|have) (?:landed|arrived|cleared)\b"
    r"|\b(?:we|i)(?:'ve| have)? (?:already |just |now )?(?:refunded|issued|sent|credited|reimbursed|processed|paid"
    r"|replaced|covered)\b"
)
_REMOVAL_ASK = re.compile(
    rf"\b{CHANGE}\s+{_W}{{0,4}}?{REVIEW}\b"
    rf"|\b{REVIEW}\s+{_W}{{0,3}}?(?:removed|deleted|changed|updated|revised|edited|amended|upgraded|taken down"
    r"|withdrawn|retracted|modified)\b"
)
_DELETION = re.compile(r"\b(?:remov|delet|withdraw|retract|take down|taking down|taken down)")
_REVIEW_ASK = re.compile(
    rf"\b(?:leav|writ|post|giv|submit|add|shar)\w*\s+{_W}{{0,4}}?{REVIEW}\b"
    rf"|\b(?:in exchange|in return|as a thank you|as thanks)\s+for\s+{_W}{{0,3}}?{REVIEW}\b"
    r"|\brate\s+(?:us|our|the (?:product|item|seller)|this (?:product|item))\b"
    r"|\b(?:rate|review)\s+(?:us|it|your (?:purchase|order|experience|item|product))\b"
    rf"|\b(?:for|per)\s+(?:each|every|a|one)\s+(?:[\w-]+\s+)?{REVIEW}\b|\b(?:each|every)\s+(?:[\w-]+\s+)?{REVIEW}\b"
    r"|\breviewers?\b|\b(?:who|that)\s+(?:leaves?|posts?|writes?|submits?|reviews?|rates?)\b"
    rf"|\b(?:once|when|after|as soon as)\s+(?:you(?:'ve| have)?\s+)?{_W}{{0,3}}?{REVIEW}\b"
    rf"|\b(?:positive|good|great|glowing|excellent|favou?rable|stellar|perfect|honest|[1-5]|one|two|three|four|five)"
    rf"[- ]?(?:star\s+)?{REVIEW}\b"
    rf"|{_REMOVAL_ASK.pattern}"
)
_POSITIVE = re.compile(
    r"\b(?:positive|good|great|glowing|excellent|nice|favou?rable|stellar|perfect|top|high(?:est)?|best|rave|outstanding"
    r"|amazing|awesome|fantastic|5-star|five-star)\s+"
    r"(?:seller\s+|product\s+)?(?:reviews?|feedback|ratings?|marks|scores?|grades?|comments?|testimonials?)\b"
    r"|\b(?:5|five|full)[- ]?stars?\b|\bfifth star\b|\b(?:star ){4}star\b|\b5/5\b|\b10/10\b"
    r"|\b(?:5|five) out of (?:5|five)\b|\b(?:10|ten) out of (?:10|ten)\b"
    r"|\b(?:top|perfect|full|maximum|highest|best)\s+(?:possible\s+)?(?:marks?|score|rating|grade)\b"
    r"|\brate\s+(?:us|it|the \w+)\s+(?:highly|well|positively|5|five)\b"
    r"|\brat(?:e|ed|ing)\s+(?:[\w']+\s+){0,3}?(?:as\s+)?['\"]?(?:excellent|outstanding|perfect|highly)\b"
    r"|\b(?:tell|show|let) (?:everyone|others|other (?:buyers|customers|shoppers)|the world|people|your friends)"
    r"(?: know)? how (?:much you (?:love|like|enjoy)d?|great|good|happy|amazing)\b"
)
# A top rating described rather than asked for: what a lab, a magazine or a label gave the product, a hotel's
# stars, a rating the buyer gave.
_DESCRIBED = re.compile(
    r"\b(?:test(?:s|ed|ing)?|lab(?:s|oratory)?|magazines?|hotels?|resorts?|restaurants?|energy|safety|crash|certified"
    r"|awarded|awards?|independent|reviewers at|critics?|rated by|rating from)\b"
    r"|\byou (?:left|gave|posted|wrote|rated)\b|\bthank(?:s| you)(?: so much| very much)? for (?:the|your)\b"
)
_ASK = re.compile(
    r"\b(?:please|kindly|leave|leaving|give|giving|write|post|consider|appreciate|would you|could you|can you"
    r"|will you|hope|hoping|need|help us|mind|ask|request|rate|remember|forget|would love|would mean|mean the world"
    r"|grateful|would help|count on|encourage|change|update|upgrade|in advance|we'd love|would really)\b"
)
_THANKS_FOR = re.compile(r"^\W*(?:thanks?|thank you)(?: \w+)? for\b(?!.*\bin advance\b)")
_SELECTIVE = re.compile(
    r"\bif\s+(?:you(?:'re| are| were)?\s+(?:[\w%]+\s+)?(?:happy|satisfied|pleased|delighted|thrilled|enjoy\w*|lov\w*"
    r"|lik\w*)"
    r"|(?:happy|satisfied|pleased))\b"
)
_DIVERT = re.compile(
    rf"\b(?:before|instead of)\s+(?:you\s+)?(?:leav|post|writ|giv|submit)\w*\s+{_W}{{0,3}}?{REVIEW}\b"
    rf"|\b(?:do not|don't|dont|never)\s+(?:leave|post|write|give)\s+{_W}{{0,2}}?"
    rf"(?:negative|bad|poor|low|neutral|[1-3][- ]?star|one[- ]?star|two[- ]?star)\s+{REVIEW}\b"
)

# --- off Amazon, promotion, payment --------------------------------------------------

_OFF_AMAZON = re.compile(
    r"\b(?:our|my) (?:own )?(?:website|web ?site|web ?shop|online (?:shop|store)|home ?page|blog|social media)\b"
    r"|\b(?:outside|off|away from) (?:of )?amazon\b"
    r"|\b(?:buy|order|purchase|shop)\s+(?:it\s+|them\s+|one\s+|more\s+|again\s+)?directly\s+(?:from|through|with"
    r"|via)\s+"
    r"(?:us|me|our|my)\b|\bdirectly from (?:us|our (?:website|site|shop|store))\b"
    r"|\b(?:find|follow|like|add|join|message|contact|reach|dm|text|chat with)\s+(?:us|me)\s+on\s+"
    r"(?!amazon|here\b|this\b|the\b|your\b)[a-z]\w*"
    r"|\b(?:send|give|share|tell)\s+(?:me|us)\s+your\s+(?:phone|mobile|cell|whatsapp|e-?mail|personal|private|home)?\s*"
    r"(?:number|address|details)\b|\b(?:i|we)(?:'ll| will) (?:call|phone|ring|text) you\b"
    r"|\b(?:search|google|look)\s+(?:for\s+)?\w+\s+on\s+(?:google|bing)\b"
)
_PROMOTION = re.compile(
    r"\b(?:check out|take a look at|have a look at|browse|explore|discover|visit)\s+(?:\w+\s+){0,2}?(?:our|my)\s+"
    r"(?:\w+\s+){0,2}?(?:other|new|latest|full|whole|entire|related|similar|range|products?|items?|collections?"
    r"|catalog(?:ue)?|store(?:front)?|shop|brand|line|listings?|bestsellers?)\b"
    r"(?:\s+(?:products?|items?|collections?|range|models?|listings?|store(?:front)?|shop))?"
    r"|\byou (?:may|might|will|would) also (?:like|love|enjoy|be interested in)\b(?! to\b)"
    r"|\byou (?:may|might|will|would) (?:like|love|enjoy|be interested in) (?:our|these|other)\b"
    r"|\b(?:just|newly|recently) launched\b|\bgrab yours\b"
    r"|\bwhile (?:stocks?|supplies|the \w+ (?:offer|deal|sale)) lasts?\b"
    r"|\b(?:limited[- ]time|special|exclusive|vip|launch) (?:offers?|deals?|discounts?|promotions?|sales?|prices?)\b"
    r"|\b(?:\d+ ?% off|discount|coupon|voucher|promo(?:tion(?:al)?)? ?code|deal|code \w+)\s+(?:(?:on|for|with|off)\s+)?"
    r"(?:your\s+)?(?:next|future|another|second|subsequent)\s+(?:orders?|purchases?|buys?)\b"
    r"|\b(?:sign up|subscribe|join)\s+(?:\w+\s+){0,3}?(?:newsletter|mailing list|club|vip|community|group"
    r"|program(?:me)?"
    r"|channel)\b|\bnewsletter\b|\bmailing list\b"
    r"|\bnew (?:arrivals|products|collection|releases)\b|\bout now\b"
    r"|\b(?:our|the) (?:brand[- ])?new \w+(?: \w+)? (?:is|are) (?:out|available|here|live|launched|in stock)\b"
    rf"|\b(?:buy|order|purchase|get)\s+(?:\d+|one|two|three|another|a second)\s+(?:more\s+)?{_W}{{0,5}}?"
    r"(?:\d+ ?% off|discount|save|deal|for free|free)\b"
)
_EXTRA_PAYMENT = re.compile(
    r"\bpay\s+(?:us\s+|me\s+)?(?:an?\s+|the\s+)?(?:additional|extra|difference|more|balance|remaining|rest|remainder"
    r"|deposit|customs|surcharge|fee)\b"
    r"|\bpay\s+(?:us|me)\b"
    r"|\b(?:send|transfer|wire|remit)\s+(?:us|me)\s+(?:the\s+)?(?:\w+\s+)?(?:money|payment|funds|balance|amount|fee"
    r"|deposit"
    r"|[$€£]\s?\d)|\b(?:send|transfer|wire|remit)\s+(?:the\s+)?(?:\w+\s+)?(?:money|payment|funds|balance|amount|fee"
    r"|deposit)\s+to\s+(?:us|me|our|my)\b"
    r"|\b(?:bank|wire|money) transfer\b|\b(?:our|my) bank (?:account|details)\b|\bswift(?:/bic| code)\b"
    r"|\bbic code\b|\bsort code\b"
    r"|\brouting number\b|\bpayment link\b"
    r"|\b(?:remaining|outstanding) (?:balance|amount|payment)\b"
    r"|\byou (?:will )?(?:need|have) to pay\b(?! for (?:the )?return)|\byou must pay\b(?! for (?:the )?return)"
)
_EXTRA_CHARGE = re.compile(
    r"\b(?:additional|extra|further|separate)\s+(?:[\w$€£]+\s+){0,2}?(?:payments?|fees?|charges?|costs?|amount)\b"
)
_PAYER = re.compile(
    r"\b(?:please|need|needs|must|require[sd]?|ask|send|pay|transfer|cost you|charge you|will be|would be|owe|due)\b"
)
_CARD_REQUEST = re.compile(
    r"\b(?:send|give|share|tell|provide|confirm|text|email)\s+(?:us\s+|me\s+)?your\s+(?:full\s+)?(?:credit\s+"
    r"|debit\s+|bank\s+)?"
    r"(?:card(?:\s+(?:details|number|info\w*|data))?|bank (?:details|account)|account (?:details|number)|cvv|cvc"
    r"|security code|pin|password|login)\b"
)

# --- order and shipping confirmations ------------------------------------------------

_ORDER_NOUN = r"(?:order|package|parcel|shipment|items?|purchase|delivery|goods)"
_STATUS = re.compile(
    rf"\byour {_ORDER_NOUN}(?:\s+[\w-]+){{0,3}}?\s+(?:has|have|was|were|is|are)"
    r"\s+(?:(?:now|just|been|successfully|already)\s+)*(?:confirmed|received|placed|processed|being processed|shipped"
    r"|dispatched|sent|on (?:its|their|the) way|out for delivery|ready|packed|being packed|in transit"
    r"|handed (?:over )?to|left (?:our|the) (?:warehouse|depot|facility))\b"
    r"|\byour (?:[\w-]+\s+){0,2}?(?:shipped|dispatched|left (?:our|the) (?:warehouse|depot|facility))\b"
    r"|\b(?:it|they) (?:(?:has|have|is|are|was|were) )?(?:(?:now|just|been)\s+)*(?:shipped|dispatched|on its way"
    r"|in transit|sent out)\b"
    r"|\bshipped (?:today|this (?:morning|afternoon|evening)|via|with|by)\b"
    r"|\b(?:order|package|parcel|item|shipment) (?:shipped|dispatched)\b"
    r"|\bwe(?:'ve| have)? (?:just )?(?:(?:received|processed|packed|picked) and )?(?:received|confirmed|shipped"
    r"|dispatched|sent out|processed|packed) your (?:order"
    r"|package|parcel|items?|purchase)\b"
)
# The words of a confirmation, which make one of any message.
_NOTICE = re.compile(
    r"\bthis (?:e-?mail|message|note|letter) (?:is (?:just )?to )?confirms?\b"
    r"|\b(?:writing|happy|pleased|glad|delighted) to confirm (?:that )?(?:we(?:'ve| have)? (?:received|got)|your"
    r" (?:order|purchase|payment))\b"
    r"|\b(?:just |this is (?:just )?(?:a )?(?:quick )?)?confirm(?:ing|ation) (?:that |of )?"
    r"(?:we(?:'ve| have)? (?:received|got)|your (?:order|purchase))\b"
    r"|\b(?:order|purchase) (?:is |has been )?confirmed\b"
    r"|\bwe (?:hereby )?confirm (?:the )?(?:receipt|your (?:order|purchase)|that we(?:'ve| have) (?:received|got))\b"
    r"|\bthis is (?:your|the|a) (?:order|shipping|shipment|dispatch|delivery) (?:confirmation|notification|notice)\b"
)
# What shows the message answers the buyer, so news of the order, even confirmed, is no notification.
_ANSWER = re.compile(
    r"\b(?:you asked|your (?:question|message|request|enquiry|inquiry|email)|as (?:you )?requested|as promised"
    r"|following up|thanks? (?:you )?for (?:reaching out|(?:your|the) (?:message|question|patience|email)"
    r"|letting us know|asking|getting in touch|contacting)|to answer|in answer|regarding"
    r"|(?:i|we)(?:'ve| have)? (?:checked|looked into))\b"
)
# What shows the message sorts out a problem, so news of the order is no notification.
_TROUBLE = re.compile(
    r"\b(?:sorry|apolog\w*|unfortunately|delay\w*|late|lost|missing|damaged|broken|mix-?up|mistake|replacement|replac(?:e|ed)"
    r"|re-?sen[dt]|resend\w*|re-?ship\w*|again|refund\w*|return\w*|cancel\w*|exchange)\b"
)
_CONFIRMATION_HEADER = re.compile(
    r"(?:^|\n)[ \t]*(?:order|shipping|shipment|dispatch|delivery) (?:confirmation|notification|notice|update)s?"
    r"(?=\s*(?:[:\n-]|$))"
)

# --- profanity, insults, liar, threats, discrimination --------------------------------

_PROFANITY = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(leet(stem) + suffix for stem, suffix in PROFANE_STEMS.items())
    + r")(?![a-z])"
    + rf"|\b(?:{'|'.join(PROFANE)})\b"
)
_INSULT = re.compile(
    r"\b(?:idiot(?:s|ic)?|moron(?:s|ic)?|imbeciles?|dimwit|halfwit|nitwit|cretins?|retarded)\b"
    # "retard" alone is French for a delay ("désolés pour ce retard")
    r"|\b(?:you|you're a|you are a|such a|what a|complete|total|absolute)\s+retards?\b"
    r"|\b(?:you(?:'re| are)?|are you|such an?|what an?)\s+(?:so |such an? |an? |being |really |just |complete "
    r"|absolute "
    r"|total )*(?:stupid|dumb|clown|loser|fool|pathetic|ignorant|useless|incompetent|clueless|rude|crazy|insane"
    r"|unreasonable|ridiculous|annoying|impossible|greedy|cheap|delusional|joke)\b"
    r"|\bstupid (?:question|request|buyer|customer|complaint|people|person|claim)s?\b|\bwe know your type\b"
    r"|\b(?:can't|cannot|can not) you read\b|\blearn (?:how )?to read\b|\bare you blind\b|\buse your (?:brain|head"
    r"|eyes)\b"
    r"|\bshut up\b|\bget lost\b|\bgrow up\b|\bnobody cares\b"
)
_LIAR = re.compile(
    r"\bliars?\b|\b(?:you(?:'re| are)?|you've been|you have been|stop|keep|are you)\s+lying\b|\byou lied\b"
    r"|\byou(?:'re| are)\s+not\s+(?:telling|being)\s+(?:us\s+)?(?:the\s+)?(?:truth|honest|truthful)\b|\bdishonest\b"
    r"|\byou (?:made|are making|'re making) (?:this|it|that|the \w+) up\b|\b(?:don't|do not) believe (?:a word|you)\b"
    r"|\b(?:your|this|the) (?:claim|complaint|story|return|excuse) is (?:a )?(?:lie|fake|false|fraud(?:ulent)?|made up"
    r"|bogus)\b|\byou(?:'re| are)?\s+(?:\w+\s+)?(?:trying|tried|try) to (?:scam|cheat|rip us off)\b"
    r"|\byou(?:'re| are)\s+(?:a |an )?(?:scammer|fraud|fraudster|thief|cheat|crook)\b|\b(?:scammers|thieves"
    r"|crooks) like you\b"
    r"|\byou stole\b"
)
_ACCOUNT = r"(?:your|his|her|the buyer's) (?:(?:amazon|buyer|customer|prime)\s+)?account"
_SHUT = r"(?:banned|suspended|closed|blocked|terminated|deleted|locked|restricted|shut down|deactivated|flagged)"
_THREAT = re.compile(
    r"\b(?:we|i)(?:'ll| will| shall| are going to|'re going to| am going to|'m going to)\s+(?:\w+\s+){0,2}?"
    r"(?:sue (?:you|for|over)|take legal action|take you to court|report you|come after you|hunt you down|hurt you"
    r"|destroy you|ruin you|make you pay|expose you|blacklist you|ban you|press charges|get you banned)\b"
    r"|\blegal action\b|\blawsuit\b|\b(?:our|my) (?:lawyers?|attorneys?|solicitors?|legal team)\b|\bsue you\b"
    r"|\bsee you in court\b|\btake you to court\b|\bpress charges\b|\breport you to\b"
    r"|\byou(?:'ll| will)? (?:regret|be sorry|pay for (?:this|that|it))\b|\bor else\s*[!.?]*(?=\s*$)"
    r"|\bwatch (?:your|ur) back\b|\bwe know where you live\b|\b(?:kill|hurt) you\b"
    # debt collectors, credit agencies, the police
    r"|\bdebt[- ]?collect\w*|\bcollections?\s+(?:agency|agencies|firm|company|team|department|proceedings|partner)\b"
    r"|\bbailiffs?\b|\bcredit (?:bureaus?|agenc(?:y|ies)|reference agenc(?:y|ies)|report(?:ing)? agenc(?:y|ies))\b"
    r"|\b(?:call|notify|inform|involve|contact) the police\b|\breport(?:ed)? (?:you )?to the (?:police|authorities)\b"
    # legal steps and consequences
    r"|\blegal (?:steps|proceedings|consequences|department|measures)\b|\btake (?:this|it|the matter|things) further\b"
    r"|\b(?:there will be|face|expect|have) (?:the )?(?:serious |legal |severe )?consequences\b"
    r"|\bconsequences for you\b"
    # the buyer reported, published, blacklisted, banned
    r"|\b(?:report|flag|expose|blacklist|name and shame)(?:ed|ing)? you\b"
    r"|\byou(?:'ll| will)? (?:be|get) (?:reported|banned|blocked|blacklisted|flagged|sued|prosecuted)\b"
    r"|\b(?:publish|post|expose|leak|put)(?:ed|ing)?\s+(?:[\w']+\s+){0,2}?your\s+(?:full\s+)?(?:name|details|address"
    r"|identity|photo|personal)"
    r"|\b(?:notify|tell|inform|alert|contact) your (?:bank|employer|card issuer)\b"
    r"|\bblack[- ]?list\w*|\blist of (?:bad |problem |difficult )?(?:buyers|customers)\b"
    r"|\b(?:warn|tell|inform|notify|share (?:it|this|the list|your \w+) with) (?:all )?other sellers\b"
    rf"|\b{_ACCOUNT}\s+(?:will|would|could|can|may|might|is going to|shall)\s+(?:\w+\s+)?(?:be|get)\s+{_SHUT}"
    rf"|\b(?:get|have|make|see)\s+{_ACCOUNT}\s+{_SHUT}|\bget {_ACCOUNT} (?:\w+ )?{_SHUT}"
    r"|\b(?:amazon|we|i|they)(?:'ll| will| would| can| could| may| might)\s+(?:\w+\s+)?(?:close|ban|suspend|block"
    rf"|terminate|delete|lock|deactivate|shut down|restrict)\s+{_ACCOUNT}\b"
    # the negation is the threat here: "we'll make sure you never buy on Amazon again"
    r"|\b(?:make sure (?:that )?you|you(?:'ll| will))"
    r"(?= (?:never|not|can't|cannot|won't) (?:be able to )?(?:buy|shop|order|purchase|sell) (?:on|from|at) amazon)"
)
_DISCRIMINATION = re.compile(
    r"\b(?:nigg(?:er|a|az|ers|as)|f[a@]gg?(?:ot|ots|y)|trann(?:y|ies)|spics?|kikes?|wetbacks?|ragheads?|towelheads?"
    r"|gooks?|pakis?)\b"
    r"|\byou people\b|\bpeople like you\b|\bgo back to (?:your|where)\b|\bwhere you came from\b"
    r"|\b(?:people|buyers|customers) (?:from|of) your (?:country|race|religion)\b"
    r"|\bbecause you(?:'re| are) (?:a |an )?(?:woman|girl|female|black|asian|indian|chinese|mexican|muslim|jewish"
    r"|gay|lesbian|trans|old|elderly|foreign(?:er)?|immigrant|disabled)\b"
)

# --- disparaging others, false claims --------------------------------------------------

_SELLERS = (
    r"\b(?:(?:other|those|these|rival|competing|some|cheap|cheaper)\s+(?:\w+\s+)?(?:sellers?|vendors?|merchants?|shops?"
    r"|stores?|brands?)|competitors?|the competition)\b"
)
_RIVALS = (
    rf"(?:{_SELLERS}|\bamazon(?:'s)?(?:\s+(?:own|warehouse|delivery|logistics|customer|support|service|staff|drivers?"
    r"|couriers?|employees?|people|team|workers?))*\b)"
)
_RUN_DOWN = (
    r"\b(?:counterfeits?|fakes?|fake (?:reviews?|products?|goods|items?)|knock-?offs?|copycats?|cheap copies"
    r"|imitations?|junk|rubbish|garbage|trash|crap|scam\w*|frauds?|fraudulent|thie(?:f|ves)|crooks?|cheats?|clueless|useless"
    r"|incompetent|careless|lazy|terrible|awful|horrible|hopeless|pathetic|a joke|dangerous|inferior|shoddy|dodgy"
    r"|shady|dishonest|liars?|paid (?:for|reviews?)|bought reviews?|(?:don't|do not|doesn't|does not|couldn't) care"
    r"|los(?:e|es|ing) (?:parcels|packages|orders)|used items? as new|cop(?:y|ies|ied|ying) (?:our|my))\b"
)
# Products run down before the sellers they are pinned on: "the cheap knock-offs other sellers push".
_FAKES = r"\b(?:counterfeits?|fakes?|knock-?offs?|copycats?|cheap copies|imitations?|junk|rubbish|garbage|trash)\b"
_DISPARAGEMENT = re.compile(
    rf"{_RIVALS}[^.!?\n]{{0,60}}?{_RUN_DOWN}|{_FAKES}[^.!?\n]{{0,30}}?{_SELLERS}"
    r"|\b(?:don't|do not|never) (?:buy|order|shop) (?:from|at) (?!us\b|me\b|amazon\b|here\b)[a-z]\w*"
    r"|\b(?:don't|do not) trust (?:the )?(?:reviews|ratings) (?:on|of|for)\b"
)
_REVIEWISH = rf"(?:{REVIEW}|rat(?:e|ing)|review(?:ing)?)\b"
_OBLIGED = re.compile(
    r"\b(?:(?:you|buyers?|customers?|shoppers?|everyone)\s+(?:are\s+|is\s+)?(?:(?:also|always)\s+)?(?:must|have to"
    r"|has to|need to|needs to|(?:are|is) (?:obliged|required|obligated|supposed|expected|bound))"
    r"|(?:requires?|required|obliges?|forces?|expects?|demands?|wants?|asks?|tells?)"
    r" (?:you|buyers?|customers?|everyone)"
    r"|(?:you're|you are) (?:required|obliged|obligated|expected)|mandatory|compulsory|obligatory"
    r"|required by amazon|(?:it is|it's) required"
    rf"|(?:charge|fine|penali[sz]e|bill) you)\b[^.!?\n]{{0,60}}?\b{_REVIEWISH}"
)

WORDING = wording_from(globals(), review=re.compile(rf"\b{REVIEW}\b"))

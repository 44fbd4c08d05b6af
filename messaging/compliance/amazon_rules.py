"""Amazon's buyer-messaging rules as patterns and detectors over a normalised message.

Each detector reads a `Context` (the original text and its normalised views) and yields `Finding`s with
offsets into the original text. `checker.check_text` runs them all; tune the rules here, and add every
message they get wrong to tests/compliance/labelled.py.
"""

import re
from collections.abc import Callable, Iterable, Iterator

from .findings import ADVISORY, RULES, Finding
from .normalise import View, deobfuscate

# --- the context every rule reads ---------------------------------------------


class Context:
    def __init__(self, text: str, allowed_domains: Iterable[str]):
        self.original = text
        self.plain = View.of(text)  # normalised; obfuscations kept
        self.clear = deobfuscate(self.plain, text)  # normalised and de-obfuscated
        self.allowed = {d.strip().lower().removeprefix("www.") for d in allowed_domains if d.strip()}
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(self.clear.text)]
        self.protected = [self.plain.span(m.start(), m.end()) for p in _PROTECTED for m in p.finditer(self.plain.text)]

    def finding(self, view: View, rule: str, start: int, end: int, explanation: str = "") -> Finding:
        a, b = view.span(start, end)
        return Finding(
            rule=rule,
            start=a,
            end=b,
            text=self.original[a:b],
            explanation=explanation or RULES[rule][1],
            blocking=rule not in ADVISORY,
        )

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.clear.text)

    def negated(self, pos: int) -> bool:
        """A negation shortly before `pos`, in the same sentence ("no extra fee", "we won't ask you to pay")."""
        start = max(self.sentence_of(pos)[0], pos - 40)
        clause = max(self.clear.text.rfind(",", start, pos), self.clear.text.rfind(" - ", start, pos))
        return bool(_NEGATION.search(self.clear.text, max(start, clause + 1), pos))

    def is_protected(self, span: tuple[int, int]) -> bool:
        return any(span[0] < end and start < span[1] for start, end in self.protected)


_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+(?=\s|$)|[.!?;]+|\n+|$)|[.!?;\n]+")
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|nothing|cannot|unable|neither|nor)\b|n't\b(?! (?:forget|hesitate|miss))"
)

# Identifiers and quantities that look like phone or card numbers but are not.
_PROTECTED = [
    re.compile(r"\b\d{3}-\d{7}-\d{7}\b"),  # Amazon order id
    re.compile(r"\b1z[0-9a-z]{16}\b"),  # UPS
    re.compile(r"\btba\d{9,12}\b"),  # Amazon Logistics
    re.compile(r"\b9[1-5]\d{2}(?: ?\d{4}){4} ?\d{2}\b"),  # USPS
    re.compile(r"\bb0[0-9a-z]{8}\b"),  # ASIN
    re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"),  # dates
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),  # times
    re.compile(r"[$€£]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:usd|eur|gbp|[$€£])"),  # prices
    # a number right after the word that names it: "tracking 7489 1234 5678", "SN 4829-1147-2200"
    re.compile(
        r"\b(?:tracking|track|waybill|shipment|parcel|package|reference|ref|invoice|serial|sn|lot|part|model|sku|asin"
        r"|isbn|upc|ean|order|case|rma|claim|authori[sz]ation)(?:\s*(?:number|no\.?|num|#|id"
        r"|code))?\s*[:#]?\s*(?:(?:is|was|reads)\s+)?"
        r"(?:[a-z]*\d[a-z0-9]*(?:[ -](?=[a-z]*\d)|(?![ -]?[a-z]*\d))){1,6}"
    ),
]


# --- links and email addresses ------------------------------------------------

_TLDS = (
    "com net org info biz shop store online site website xyz top club app dev io co uk de fr es nl ch pl se dk fi ie "
    "pt gr cz hu ro ru ua cn jp kr au nz ca mx br ar cl eu tv ly gl ws cc ai gg sh link click live life world space "
    "tech page blog news email buzz fun guru today vip deals sale market ltd gmbh asia mobi pro name xxx"
).split()
# TLDs that are also words a sentence starts with ("delay.It", "sorted.Today"): only with www, a scheme or a path.
_WORD_TLDS = set("it in is at be to me us no so do go am as my by on or an one now".split())
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"']+|\bwww\d{0,3}\.[^\s<>\"']+")
_DOMAIN = re.compile(rf"(?<![\w@.-])((?:{_LABEL}\.)+([a-z]{{2,24}}))(?![\w-])((?:[/?#][^\s<>\"']*)?)")
_WWW_SPACED = re.compile(rf"\bwww\s+{_LABEL}\s+(?:{'|'.join(_TLDS)})\b")
_EMAIL = re.compile(rf"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{{0,63}}\s*@\s*(?:{_LABEL}\.)+[a-z]{{2,24}}(?![\w-])")
_EMAIL_AT_WORD = re.compile(
    rf"(?<![\w.+-])([a-z0-9][a-z0-9._%+-]{{0,63}})\s+at\s+(?:{_LABEL}\.)+(?:{'|'.join(_TLDS)})(?![\w-])"
)
# "tom at acme.com" is an address when it looks like a mailbox ("t.baker", "tom2"), is at a mail provider, or
# follows a word like "email" or "contact"; "listed at acme.com" and "contact us at acme.com" are links.
_MAILBOX_CUE = re.compile(r"\b(?:e-?mail|mail|write|contact|reach|address|send)\b")
_MAIL_PROVIDERS = re.compile(
    r"@?(?:gmail|googlemail|yahoo|outlook|hotmail|icloud|aol|gmx|web|proton|protonmail|live|msn|mail|yandex|t-online)\."
)
_NOT_MAILBOXES = set("it us me them him her you this that here there".split())
_TRAILING = ".,;:!?)]}'\""


def _host(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split("?")[0].split("#")[0].split(":")[0]
    return host.removeprefix("www.")


def _allowed(host: str, allowed: set[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in allowed)


def _sentence_join(ctx: Context, start: int, end: int) -> bool:
    """ "wait.Store it" is two sentences with the space missing: a lowercase word, a dot, a capitalised word."""
    a, b = ctx.clear.span(start, end)
    before, _, after = ctx.original[a:b].rpartition(".")
    return before.islower() and after[:1].isupper() and after[1:].islower()


def _emails(ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    for m in _EMAIL.finditer(text):
        yield ctx.finding(ctx.clear, "email", m.start(), m.end())
    for m in _EMAIL_AT_WORD.finditer(text):
        local, domain = m.group(1), text[m.end(1) :].split(" at ", 1)[1]
        if local in _NOT_MAILBOXES:
            continue
        if (
            re.search(r"[\d._+]", local)
            or _MAIL_PROVIDERS.match(domain)
            or _MAILBOX_CUE.search(text, max(0, m.start() - 25), m.start())
        ):
            yield ctx.finding(ctx.clear, "email", m.start(), m.end())


def _links(ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    taken: list[tuple[int, int]] = []

    def report(start: int, end: int, host: str) -> Iterator[Finding]:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        if not _allowed(host, ctx.allowed):
            yield ctx.finding(ctx.clear, "link", start, end)

    for m in _URL.finditer(text):
        yield from report(m.start(), m.end(), _host(m.group()))
    for m in _WWW_SPACED.finditer(text):
        yield from report(m.start(), m.end(), "")
    for m in _DOMAIN.finditer(text):
        host, tld, path = m.group(1), m.group(2), m.group(3)
        if tld not in _TLDS:
            continue
        if tld in _WORD_TLDS and not path and host.count(".") < 2:
            continue
        if not re.search(r"[a-z]", host.rsplit(".", 1)[0]):  # only numbers before the tld
            continue
        if not path and host.count(".") == 1 and _sentence_join(ctx, m.start(1), m.end(1)):
            continue
        yield from report(m.start(), m.end(), host.removeprefix("www."))


# --- phone and card numbers ----------------------------------------------------

_PHONES = [
    # international: +44 7700 900123, 0049 30 1234567
    re.compile(r"(?<![\w+])(?<!\d[ .-])(?:\+|00)\s?[1-9]\d{0,3}(?:[\s.-]?\(?\d{1,5}\)?){1,6}(?![\w])(?![ .-]?\d)"),
    # North American: (555) 123-4567, 555.123.4567, 1-800-555-0199
    re.compile(
        r"(?<![\w+-])(?<!\d[ .])(?:1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])(?![.,]\d)(?![ .]\d)"
    ),
    # vanity: 1-800-FIX-TOOL
    re.compile(r"(?<![\w-])(?:1[\s.-])?8(?:00|33|44|55|66|77|88)[\s.-][a-z0-9]{3}[\s.-]?[a-z0-9]{4}(?![\w-])"),
    # national with a trunk zero: 020 7946 0958, 030/1234567, 01 23 45 67 89
    re.compile(r"(?<![\w+./-])0\d{1,4}(?:[\s/-]\(?\d{2,8}\)?){1,4}(?![\w/-])(?![.,]\d)"),
    # spaced out, one digit at a time: 5 5 5 1 2 3 4
    re.compile(r"(?<![\w])\d(?:[ .-]\d){6,14}(?![\w])(?![ .-]\d)"),
]
_PHONE_CUE = re.compile(
    r"\b(?:call|phone|tel|telephone|mobile|cell|text|sms|whatsapp|viber|fax|dial|ring|hotline|number is|reach (?:us"
    r"|me) (?:at|on))\b"
    r"([^.!?\n\d]{0,30}?)(\+?\(?\d(?:[\s().-]{0,2}\d){6,14})(?![\w-])"
)
_NOT_PHONE_CONTEXT = re.compile(r"\b(?:tracking|track|order|invoice|reference|ref|case|serial|model|part|sku|asin)\b")
_NUMBER_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_PHONE_WORDS = re.compile(rf"\b{_NUMBER_WORD}(?:[\s,.-]+{_NUMBER_WORD}\b){{6,}}")
_CARD = re.compile(r"(?<!\d)(?<!\d[ -])(?:\d[ -]?){12,18}\d(?![ -]?\d)")
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5)|35)")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


_CARD_REQUEST = re.compile(
    r"\b(?:send|give|share|tell|provide|confirm|text|email)\s+(?:us\s+|me\s+)?your\s+(?:full\s+)?(?:credit\s+"
    r"|debit\s+|bank\s+)?"
    r"(?:card(?:\s+(?:details|number|info\w*|data))?|bank (?:details|account)|account (?:details|number)|cvv|cvc"
    r"|security code|pin|password|login)\b"
)


def _cards(ctx: Context) -> Iterator[Finding]:
    for m in _CARD_REQUEST.finditer(ctx.clear.text):
        yield ctx.finding(ctx.clear, "card", m.start(), m.end())
    for m in _CARD.finditer(ctx.plain.text):
        number = _digits(m.group())
        if 13 <= len(number) <= 19 and _CARD_PREFIX.match(number) and _luhn(number):
            if not ctx.is_protected(ctx.plain.span(m.start(), m.end())):
                yield ctx.finding(ctx.plain, "card", m.start(), m.end())


def _phones(ctx: Context) -> Iterator[Finding]:
    text = ctx.plain.text
    spans = []
    for pattern in _PHONES:
        for m in pattern.finditer(text):
            if 7 <= len(_digits(m.group())) <= 15 or not m.group()[-1].isdigit():
                spans.append((m.start(), m.end()))
    for m in _PHONE_CUE.finditer(text):
        if 7 <= len(_digits(m.group(2))) <= 15 and not _NOT_PHONE_CONTEXT.search(m.group(1)):
            spans.append(m.span(2))
    for m in _PHONE_WORDS.finditer(text):
        spans.append(m.span())
    for start, end in spans:
        if not ctx.is_protected(ctx.plain.span(start, end)):
            yield ctx.finding(ctx.plain, "phone", start, end)


# --- wording rules -------------------------------------------------------------

_W = r"(?:[\w'-]+\s+)"  # one word and the space after it
_REVIEW = r"(?:reviews?|feedback|ratings?|stars?|testimonials?)"
_INCENTIVE = re.compile(
    r"\b(?:refund(?:s|ed|ing)?|reimburs\w*|money back|cash ?back|rebates?|discount(?:s|ed)?|\d+ ?% ?off|coupons?"
    r"|vouchers?|promo(?:tion(?:al)?)? ?codes?|gift ?cards?|gift certificates?|gifts?|presents?|freebies?"
    r"|(?:free|complimentary|bonus)\s+" + _W + r"{0,2}?(?:products?|items?|samples?|units?|bottles?|ones?"
    r"|replacements?|upgrades?|accessor(?:y|ies)|cases?|packs?|kits?|sets?)"
    r"|store credit|credit(?! card)|compensat\w*|rewards?|pay you|at no (?:cost|charge)|for free|free of charge"
    r"|(?:your )?money back|on the house)\b"
    r"|[$€£]\s?\d+|\b\d+\s?(?:dollars|euros?|pounds|usd|eur|gbp)\b"
)
_CHANGE_VERBS = (
    r"(?:updat|chang|remov|delet|revis|edit|amend|withdraw|retract|reconsider|modif|upgrad|improv|rais|bump"
    r"|take down|taking down)\w*"
)
_REMOVAL_ASK = re.compile(
    rf"\b{_CHANGE_VERBS}\s+{_W}{{0,4}}?{_REVIEW}\b"
    rf"|\b{_REVIEW}\s+{_W}{{0,3}}?(?:removed|deleted|changed|updated|revised|edited|amended|upgraded|taken down"
    r"|withdrawn|retracted|modified)\b"
)
_REVIEW_ASK = re.compile(
    rf"\b(?:leav|writ|post|giv|submit|add|shar)\w*\s+{_W}{{0,4}}?{_REVIEW}\b"
    rf"|\b(?:in exchange|in return|as a thank you|as thanks)\s+for\s+{_W}{{0,3}}?{_REVIEW}\b"
    r"|\brate\s+(?:us|our|the (?:product|item|seller)|this (?:product|item))\b"
    rf"|\b(?:positive|good|great|glowing|excellent|favou?rable|stellar|perfect|honest|[1-5]|one|two|three|four|five)"
    rf"[- ]?(?:star\s+)?{_REVIEW}\b"
    rf"|{_REMOVAL_ASK.pattern}"
)
_POSITIVE = re.compile(
    r"\b(?:positive|good|great|glowing|excellent|nice|favou?rable|stellar|perfect|top|high(?:est)?|best)\s+"
    r"(?:seller\s+|product\s+)?(?:reviews?|feedback|ratings?|marks|scores?)\b"
    r"|\b(?:5|five|full)[- ]?stars?\b|\b5/5\b|\brate\s+(?:us|it|the \w+)\s+(?:highly|well|5|five)\b"
)
_ASK = re.compile(
    r"\b(?:please|kindly|leave|leaving|give|giving|write|post|consider|appreciate|would you|could you|can you"
    r"|will you|hope|need|help us|mind|ask|request|rate|remember|forget|would love|would mean|mean the world"
    r"|grateful|would help|count on|encourage|change|update|upgrade|in advance)\b"
)
_THANKS_FOR = re.compile(r"^\W*(?:thanks?|thank you)(?: \w+)? for\b(?!.*\bin advance\b)")
_SELECTIVE = re.compile(
    r"\bif\s+(?:you(?:'re| are| were)?\s+(?:[\w%]+\s+)?(?:happy|satisfied|pleased|delighted|thrilled|enjoy\w*|lov\w*"
    r"|lik\w*)"
    r"|(?:happy|satisfied|pleased))\b"
)
_DIVERT = re.compile(
    rf"\b(?:before|instead of)\s+(?:you\s+)?(?:leav|post|writ|giv|submit)\w*\s+{_W}{{0,3}}?{_REVIEW}\b"
    rf"|\b(?:do not|don't|dont|never)\s+(?:leave|post|write|give)\s+{_W}{{0,2}}?"
    rf"(?:negative|bad|poor|low|neutral|[1-3][- ]?star|one[- ]?star|two[- ]?star)\s+{_REVIEW}\b"
)


def _phrases(pattern: re.Pattern, rule: str, *, negatable: bool = True) -> Callable[[Context], Iterator[Finding]]:
    def detect(ctx: Context) -> Iterator[Finding]:
        for m in pattern.finditer(ctx.clear.text):
            if not (negatable and ctx.negated(m.start())):
                yield ctx.finding(ctx.clear, rule, m.start(), m.end())

    return detect


def _reviews(ctx: Context) -> Iterator[Finding]:
    """Incentives, feedback changes with compensation, positive and selective review requests."""
    text = ctx.clear.text
    incentives = [m for m in _INCENTIVE.finditer(text) if not ctx.negated(m.start())]
    removals = [m for m in _REMOVAL_ASK.finditer(text) if not ctx.negated(m.start())]
    for start, end in ctx.sentences:
        asks = [m for m in _REVIEW_ASK.finditer(text, start, end) if not ctx.negated(m.start())]
        offers = [m for m in incentives if start <= m.start() < end]
        if asks and offers:
            first = min(asks[0].start(), offers[0].start())
            last = max(asks[-1].end(), offers[-1].end())
            yield ctx.finding(ctx.clear, "incentive", first, last)
        sentence = text[start:end]
        if not _THANKS_FOR.search(sentence.strip()):
            for m in _POSITIVE.finditer(text, start, end):
                if _ASK.search(sentence) and not ctx.negated(m.start()):
                    yield ctx.finding(ctx.clear, "positive_review", m.start(), m.end())
        selective = _SELECTIVE.search(text, start, end)
        review = re.compile(rf"\b{_REVIEW}\b").search(text, start, end)
        if selective and review:
            first, last = sorted([selective.span(), review.span()])
            yield ctx.finding(ctx.clear, "positive_review", first[0], last[1])
    for m in _DIVERT.finditer(text):
        yield ctx.finding(ctx.clear, "positive_review", m.start(), m.end())
    for m in removals:
        if incentives:
            yield ctx.finding(ctx.clear, "feedback_compensation", m.start(), m.end())
        else:
            yield ctx.finding(ctx.clear, "feedback_removal", m.start(), m.end())
    if removals:
        for m in incentives:
            yield ctx.finding(ctx.clear, "feedback_compensation", m.start(), m.end())


_OFF_AMAZON = re.compile(
    r"\b(?:instagram|insta|facebook|fb|twitter|tiktok|tik tok|youtube|pinterest|snapchat|linkedin|whatsapp|whats app"
    r"|telegram|wechat|viber|discord|reddit|skype|imessage|ebay|etsy|shopify|walmart|aliexpress|alibaba|temu"
    r"|google shopping)\b"
    r"|\b(?:our|my) (?:own )?(?:website|web ?site|web ?shop|online (?:shop|store)|home ?page|blog|social media)\b"
    r"|\b(?:outside|off|away from) (?:of )?amazon\b"
    r"|\b(?:buy|order|purchase|shop)\s+(?:it\s+|them\s+|one\s+|more\s+|again\s+)?directly\s+(?:from|through|with"
    r"|via)\s+"
    r"(?:us|me|our|my)\b|\bdirectly from (?:us|our (?:website|site|shop|store))\b"
    r"|\b(?:find|follow|like|add|join|message|contact|reach|dm|text|chat with)\s+(?:us|me)\s+on\s+"
    r"(?!amazon|here\b|this\b|the\b|your\b)[a-z]\w*"
    r"|\b(?:send|give|share|tell)\s+(?:me|us)\s+your\s+(?:phone|mobile|cell|whatsapp|e-?mail|personal|private|home)?\s*"
    r"(?:number|address|details)\b|\b(?:i|we)(?:'ll| will) (?:call|phone|ring|text) you\b"
    r"|\b(?:search|google|look)\s+(?:for\s+)?\w+\s+on\s+(?:google|bing)\b"
    r"|(?<![\w.@])@[a-z][a-z0-9_.]{2,}"
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
    r"\b(?:additional|extra|further|separate)\s+(?:[\w$€£]+\s+){0,2}?(?:payments?|fees?|charges?|costs?|amount)\b"
    r"|\bpay\s+(?:us\s+|me\s+)?(?:an?\s+|the\s+)?(?:additional|extra|difference|more|balance|remaining|rest|remainder"
    r"|deposit|customs|surcharge|fee)\b"
    r"|\bpay\s+(?:us|me)\b"
    r"|\b(?:send|transfer|wire|remit)\s+(?:us|me)\s+(?:the\s+)?(?:\w+\s+)?(?:money|payment|funds|balance|amount|fee"
    r"|deposit"
    r"|[$€£]\s?\d)|\b(?:send|transfer|wire|remit)\s+(?:the\s+)?(?:\w+\s+)?(?:money|payment|funds|balance|amount|fee"
    r"|deposit)\s+to\s+(?:us|me|our|my)\b"
    r"|\b(?:bank|wire|money) transfer\b|\b(?:our|my) bank (?:account|details)\b|\biban\b|\bswift(?:/bic| code)\b"
    r"|\bbic code\b|\bsort code\b"
    r"|\brouting number\b|\bpayment link\b"
    r"|\b(?:paypal|venmo|zelle|cash ?app|western union|moneygram|bitcoin|crypto)\b"
    r"|\b(?:remaining|outstanding) (?:balance|amount|payment)\b"
    r"|\byou (?:will )?(?:need|have) to pay\b(?! for (?:the )?return)|\byou must pay\b(?! for (?:the )?return)"
)
# "additional/extra ... fee" only counts when the buyer is asked to pay it ("we refunded the extra fee" is fine).
_PAYER = re.compile(
    r"\b(?:please|need|needs|must|require[sd]?|ask|send|pay|transfer|cost you|charge you|will be|would be|owe|due)\b"
)
_STATUS = re.compile(
    r"\b(?:your|the) (?:order|package|parcel|shipment|items?|purchase|delivery)(?:\s+[\w-]+){0,3}?\s+(?:has|have|was"
    r"|were|is|are)"
    r"\s+(?:(?:now|just|been|successfully|already)\s+)*(?:confirmed|received|placed|processed|being processed|shipped"
    r"|dispatched|sent|on (?:its|their|the) way|out for delivery|ready|packed)\b"
    r"|\bit (?:has|is|was) (?:(?:now|just|been)\s+)*(?:shipped|dispatched|on its way)\b"
    r"|\bwe(?:'ve| have)? (?:just )?(?:received|confirmed|shipped|dispatched|sent out|processed|packed) your (?:order"
    r"|package"
    r"|parcel|items?|purchase)\b"
)
_FRAMING = re.compile(
    r"\b(?:good|great) news\b"
    r"|\b(?:happy|pleased|glad|excited|delighted) to (?:let you know|inform you|confirm|tell you|announce|share)\b"
    r"|\bthis (?:message|email|note|is) (?:is )?(?:just )?to (?:confirm|let you know|inform you|notify you)\b"
    r"|\b(?:we|i) (?:just )?wanted to (?:let you know|confirm|inform you)\b"
    r"|\bjust (?:a (?:quick )?note )?to (?:let you "
    r"know|confirm)\b|\bwe(?:'d| would) like to (?:confirm|let you know|inform you)\b"
    r"|\bthanks? (?:you )?for (?:your order|your purchase|shopping|ordering|buying)\b"
)
_CONFIRMATION_HEADER = re.compile(r"\b(?:order|shipping|shipment|dispatch) (?:confirmation|notification)\b")


_IBAN = re.compile(r"\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?\b")


def _iban_valid(candidate: str) -> bool:
    code = candidate.replace(" ", "").upper()
    number = "".join(str(int(ch, 36)) for ch in code[4:] + code[:4])
    return 15 <= len(code) <= 34 and int(number) % 97 == 1


def _payment(ctx: Context) -> Iterator[Finding]:
    for m in _IBAN.finditer(ctx.plain.text):
        if _iban_valid(m.group()):
            yield ctx.finding(ctx.plain, "extra_payment", m.start(), m.end(), RULES["extra_payment"][1])
    text = ctx.clear.text
    for m in _EXTRA_PAYMENT.finditer(text):
        start, end = ctx.sentence_of(m.start())
        generic = m.group().split()[0] in {"additional", "extra", "further", "separate"}
        if ctx.negated(m.start()) or (generic and not _PAYER.search(text, start, end)):
            continue
        yield ctx.finding(ctx.clear, "extra_payment", m.start(), m.end())


def _confirmation(ctx: Context) -> Iterator[Finding]:
    text = ctx.clear.text
    headers = list(_CONFIRMATION_HEADER.finditer(text))
    statuses = [m for m in _STATUS.finditer(text) if not ctx.negated(m.start())]
    if headers or (statuses and _FRAMING.search(text)):
        for m in headers or statuses:
            yield ctx.finding(ctx.clear, "confirmation", m.start(), m.end())


def _leet(word: str) -> str:
    """A pattern for `word` also written f*ck, sh1t, b!tch, f.u.c.k."""
    classes = {
        "a": "[a@4*]",
        "e": "[e3*]",
        "i": "[i1!|*]",
        "o": "[o0*]",
        "u": "[uv*]",
        "s": "[s$5]",
        "t": "[t7+]",
        "l": "[l1|]",
        "c": "[c*]",
        "k": "[k*]",
        "h": "h",
        "g": "[g9]",
    }
    parts = [re.escape(word[0])] + [classes.get(ch, re.escape(ch)) for ch in word[1:]]
    return r"[._-]?".join(parts)


_PROFANE_STEMS = {
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
_PROFANITY = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(_leet(stem) + suffix for stem, suffix in _PROFANE_STEMS.items())
    + r")(?![a-z])"
    + r"|\b(?:wtf|stfu|ffs|fck|fk|fuk|fcking|sh\*t|(?:dumb|jack|smart|lazy)ass|kiss my (?:ass|arse)|screw you"
    r"|bloody hell"
    r"|the hell|go to hell|hell no|(?:you|a|such a) (?:dick|prick|ass|arse))\b"
)
_INSULT = re.compile(
    r"\b(?:idiot(?:s|ic)?|moron(?:s|ic)?|imbeciles?|dimwit|halfwit|nitwit|cretins?|retard(?:ed|s)?)\b"
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
_THREAT = re.compile(
    r"\b(?:we|i)(?:'ll| will| shall| are going to|'re going to| am going to|'m going to)\s+(?:\w+\s+){0,2}?"
    r"(?:sue (?:you|for|over)|take legal action|take you to court|report you|come after you|hunt you down|hurt you"
    r"|destroy you|ruin you|make you pay|expose you|blacklist you|ban you|press charges|get you banned)\b"
    r"|\blegal action\b|\blawsuit\b|\b(?:our|my) (?:lawyers?|attorneys?|solicitors?|legal team)\b|\bsue you\b"
    r"|\bsee you in court\b|\btake you to court\b|\bpress charges\b|\breport you to\b"
    r"|\byou(?:'ll| will)? (?:regret|be sorry|pay for (?:this|that|it))\b|\bor else\s*[!.?]*(?=\s*$)"
    r"|\bwatch (?:your|ur) back\b|\bwe know where you live\b|\b(?:kill|hurt) you\b"
)


def _threats(ctx: Context) -> Iterator[Finding]:
    # "If you don't close the claim we'll sue you" is still a threat: only "we will not sue", "no legal action" negate.
    text = ctx.clear.text
    for m in _THREAT.finditer(text):
        if not _NEGATION.search(text, max(0, m.start() - 12), m.end()):
            yield ctx.finding(ctx.clear, "threat", m.start(), m.end())


_DISCRIMINATION = re.compile(
    r"\b(?:nigg(?:er|a|az|ers|as)|f[a@]gg?(?:ot|ots|y)|trann(?:y|ies)|spics?|kikes?|wetbacks?|ragheads?|towelheads?"
    r"|gooks?|pakis?)\b"
    r"|\byou people\b|\bpeople like you\b|\bgo back to (?:your|where)\b|\bwhere you came from\b"
    r"|\b(?:people|buyers|customers) (?:from|of) your (?:country|race|religion)\b"
    r"|\bbecause you(?:'re| are) (?:a |an )?(?:woman|girl|female|black|asian|indian|chinese|mexican|muslim|jewish"
    r"|gay|lesbian|trans|old|elderly|foreign(?:er)?|immigrant|disabled)\b"
)

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK"
    "|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
# Addresses are found in the original text: street names are capitalised.
_ADDRESSES = [
    re.compile(
        r"\b\d{1,5}[A-Za-z]?(?:-\d{1,5})?\s+(?:(?:[NSEW]|North|South|East|West)\.?\s+)?(?:(?:[A-Z][A-Za-z'.-]*"
        r"|\d+(?:st|nd|rd|th))\s+){1,3}"
        r"(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Way|Place|Terrace|Circle|Highway|Parkway|Square|Crescent"
        r"|Close|Gardens|Grove|Mews)\b|(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Sq)\b\.?)"
        r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?\s*#?\w+)?"
    ),
    re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|damm)\s+\d{1,4}[a-z]?\b"),
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d(?!GB|TB)[ABD-HJLNP-UW-Z]{2}\b"),  # UK postcode, not "M4 8GB"
    re.compile(rf",\s*(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"),  # "Springfield, OR 97403"
    re.compile(r"\b(?:P\.?\s?O\.?\s+Box|Postfach)\s+\d+\b", re.IGNORECASE),
]


def _addresses(ctx: Context) -> Iterator[Finding]:
    for pattern in _ADDRESSES:
        for m in pattern.finditer(ctx.original):
            start, end = m.span()
            if ctx.original[start] == ",":
                start = m.start() + len(m.group()) - len(m.group().lstrip(", \t"))
            yield Finding("address", start, end, ctx.original[start:end], RULES["address"][1], True)


DETECTORS: list[Callable[[Context], Iterable[Finding]]] = [
    _emails,
    _links,
    _cards,
    _phones,
    _reviews,
    _phrases(_OFF_AMAZON, "off_amazon"),
    _phrases(_PROMOTION, "promotion"),
    _payment,
    _confirmation,
    _phrases(_PROFANITY, "profanity", negatable=False),
    _phrases(_INSULT, "insult"),
    _phrases(_LIAR, "liar"),
    _threats,
    _phrases(_DISCRIMINATION, "discrimination", negatable=False),
    _addresses,
]

# When two rules flag overlapping text, the more specific one explains it.
SHADOWED_BY = {
    "link": {"email"},
    "phone": {"card", "address", "extra_payment"},
    "off_amazon": {"email", "link"},
    "feedback_compensation": {"incentive"},
}

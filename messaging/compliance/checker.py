"""Amazon's buyer-messaging rules as a pure function: `check_text(text) -> [Finding]`.

No database and no Django: the services add each account's allow-list and custom rules; the command
line and the bench call it directly. The rules themselves are in `amazon_rules`, the normalisation
that maps every finding back to the original offsets in `normalise`.
"""

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, groupby

import re2

from helpdesk.linear import NOT_WORD, InvalidLinearPattern, LinearPattern

from .amazon_rules import DETECTORS, SHADOWED_BY, WORDINGS, Context
from .findings import PHRASE, REGEX, RULES, CustomRule, Finding, rule_label
from .normalise import fold

__all__ = [
    "PHRASE",
    "REGEX",
    "RULES",
    "CustomRule",
    "Finding",
    "MAX_CHARS",
    "InvalidPattern",
    "Segment",
    "check_feedback_contact",
    "check_text",
    "compile_custom",
    "is_blocked",
    "rule_label",
    "segments",
]


# How much of a message the checker reads by default (the setting COMPLIANCE_MAX_CHARS decides in the app): the
# composer's own limit.
MAX_CHARS = 20_000


class InvalidPattern(ValueError):
    """A custom rule's pattern that cannot be used; the message says why, for a form error."""


# --- custom rules ----------------------------------------------------------------

# A phrase's words, whole: no letter or digit of any alphabet before or after (read as part of the match and
# left out of the finding's span, which is the phrase alone).
_PHRASE_BEFORE, _PHRASE_AFTER = rf"(?:^|{NOT_WORD})", rf"(?:{NOT_WORD}|$)"


def compile_custom(kind: str, pattern: str) -> LinearPattern:
    """The compiled form of a custom rule's pattern, on RE2 (linear in the text, whatever the admin wrote);
    raises InvalidPattern with a message for the admin."""
    if not pattern.strip():
        raise InvalidPattern("Enter a phrase or a regular expression.")
    if kind == PHRASE:
        words = fold(pattern).split()
        if not words:
            raise InvalidPattern("Enter a phrase with at least one letter or digit.")
        phrase = f"{NOT_WORD}+".join(re2.escape(w) for w in words)
        return LinearPattern(f"{_PHRASE_BEFORE}({phrase}){_PHRASE_AFTER}")
    if kind != REGEX:
        raise InvalidPattern(f"Unknown rule kind {kind!r}.")
    try:
        compiled = LinearPattern(pattern, ignore_case=True)
    except InvalidLinearPattern as exc:
        raise InvalidPattern(
            f"This regular expression is not valid here: {exc}. Rules run on RE2, which has no look-arounds "
            r"(?=…) (?<!…) and no back-references \1."
        ) from exc
    if compiled.matches_empty():
        raise InvalidPattern("This regular expression matches empty text, so it would flag every message.")
    return compiled


def _custom(ctx: Context, rule: CustomRule) -> Iterator[Finding]:
    try:
        compiled = compile_custom(rule.kind, rule.pattern)
    except InvalidPattern as exc:
        # A rule saved before rules ran on RE2: say so on every check rather than drop it unseen.
        yield Finding(
            rule.name, 0, 0, "", f"This account's rule {rule.pattern!r} cannot run: {exc} An admin must edit it.", False
        )
        return
    if rule.kind == PHRASE:
        for a, b in compiled.spans(ctx.plain.text, group=1):
            start, end = ctx.plain.span(a, b)
            yield Finding(rule.name, start, end, ctx.original[start:end], rule.message, rule.blocking)
    else:
        for start, end in compiled.spans(ctx.original):
            yield Finding(rule.name, start, end, ctx.original[start:end], rule.message, rule.blocking)


# --- the checker --------------------------------------------------------------


def _order_id(ctx: Context, order_id: str) -> Iterator[Finding]:
    if order_id.strip() and re.sub(r"\s", "", order_id) not in re.sub(r"\s", "", ctx.original):
        yield Finding("order_id", 0, 0, "", RULES["order_id"][1].format(order_id=order_id.strip()), False)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop exact repeats, a finding inside a longer one of the same rule, and one a more specific rule explains.

    In O(n log n): a message can hold thousands of findings ("liar liar liar …"), and comparing each with every
    other would take seconds."""
    unique = list(dict.fromkeys(findings))
    by_rule: dict[str, list[Finding]] = {}
    for f in unique:
        by_rule.setdefault(f.rule, []).append(f)
    overlaps = {rule: _Spans(found) for rule, found in by_rule.items()}
    inside = {id(f) for found in by_rule.values() for f in _contained(found)}
    return [
        f
        for f in unique
        if id(f) not in inside
        and not any(rule in overlaps and overlaps[rule].overlap(f.start, f.end) for rule in SHADOWED_BY.get(f.rule, ()))
    ]


class _Spans:
    """Whether any of some findings overlaps a span: their starts sorted, with the furthest end up to each."""

    def __init__(self, found: list[Finding]):
        spans = sorted((f.start, f.end) for f in found)
        self.starts = [start for start, _ in spans]
        self.furthest = list(accumulate((end for _, end in spans), max))

    def overlap(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)
        return before > 0 and self.furthest[before - 1] > start


def _contained(found: list[Finding]) -> Iterator[Finding]:
    """The findings (of one rule) inside another one's longer span."""
    ordered = sorted(found, key=lambda f: (f.start, -f.end))
    furthest = -1  # the furthest end of the spans before the current one
    for _, group in groupby(ordered, key=lambda f: (f.start, f.end)):
        group = list(group)
        if furthest >= group[0].end:
            yield from group
        furthest = max(furthest, group[0].end)


def _too_long(text: str, max_chars: int) -> list[Finding]:
    """A blocking finding over what lies past the cap: what the guard did not read is never sent unread."""
    if len(text) <= max_chars:
        return []
    explanation = RULES["too_long"][1].format(max_chars=f"{max_chars:,}")
    return [Finding("too_long", max_chars, len(text), text[max_chars:], explanation, True)]


def check_text(
    text: str,
    *,
    allowed_domains: Iterable[str] = (),
    extra_rules: Iterable[CustomRule] = (),
    order_id: str | None = None,
    answering: bool = False,
    max_chars: int = MAX_CHARS,
) -> list[Finding]:
    """Every finding in `text`, sorted by where it starts; offsets index the text as given.
    A blank text has nothing to find (not even a missing order id). `answering`: the message is sent in answer
    to a buyer's message, so news of the order ("it shipped yesterday") answers them and confirms nothing.
    Without it, the text alone decides. Only the first `max_chars` characters are read; a longer text is
    blocked ("too_long")."""
    if not text.strip():
        return []
    too_long = _too_long(text, max_chars)
    text = text[:max_chars]
    ctx = Context(text, allowed_domains, answering=answering)
    findings = [f for detect in DETECTORS for f in detect(ctx)]
    for rule in extra_rules:
        findings.extend(_custom(ctx, rule))
    if order_id:
        findings.extend(_order_id(ctx, order_id))
    return sorted(_dedupe(findings), key=lambda f: (f.start, f.end, f.rule)) + too_long


def check_feedback_contact(text: str, *, asks_removal: bool = False, max_chars: int = MAX_CHARS) -> list[Finding]:
    """The findings of Amazon's rules on contacting a buyer about their feedback, beyond `check_text`'s:
    "incentive", each gift offered (a voucher, "as a thank you"), with or without a review ask next to it since the
    message is about the feedback; "feedback_removal", each ask to change or remove the feedback; and, when the text
    asks that or the sender says it does (`asks_removal`), "feedback_compensation", each mention of compensation (a
    refund, a replacement), which on its own is the resolution and no finding. A negation does not excuse the words:
    a message about feedback had better not name a voucher at all."""
    if not text.strip():
        return []
    too_long = _too_long(text, max_chars)
    text = text[:max_chars]
    ctx = Context(text, ())

    def found(rule: str, patterns: Iterable[re.Pattern]) -> list[Finding]:
        return [ctx.finding(ctx.clear, rule, m.start(), m.end()) for p in patterns for m in p.finditer(ctx.clear.text)]

    removals = found("feedback_removal", (w.removal_ask for w in WORDINGS))
    findings = [*found("incentive", (w.gift for w in WORDINGS)), *removals]
    if removals or asks_removal:
        findings.extend(found("feedback_compensation", (w.compensation for w in WORDINGS)))
    return sorted(_dedupe(findings), key=lambda f: (f.start, f.end, f.rule)) + too_long


def is_blocked(findings: Iterable[Finding]) -> bool:
    return any(f.blocking for f in findings)


# --- highlighting -------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of the text and the findings covering it (none: plain text)."""

    text: str
    findings: tuple[Finding, ...] = ()

    @property
    def blocking(self) -> bool:
        return any(f.blocking for f in self.findings)

    @property
    def title(self) -> str:
        return " ".join(dict.fromkeys(f.explanation for f in self.findings))


def segments(text: str, findings: Iterable[Finding]) -> list[Segment]:
    """Cut `text` at every finding's edges, so a template can wrap the flagged pieces in <mark>."""
    spans = [f for f in findings if f.end > f.start]
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    pieces = []
    # The findings covering each piece, kept as the cuts go by rather than looked for among all of them.
    waiting = sorted(range(len(spans)), key=lambda i: spans[i].start, reverse=True)
    active: list[int] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while waiting and spans[waiting[-1]].start <= a:
            active.append(waiting.pop())
        active = sorted(i for i in active if b <= spans[i].end)
        covering = tuple(spans[i] for i in active)
        if pieces and not covering and not pieces[-1].findings:
            pieces[-1] = Segment(pieces[-1].text + text[a:b])
        else:
            pieces.append(Segment(text[a:b], covering))
    return pieces

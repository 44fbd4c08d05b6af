"""Every built-in regular expression that reads mail, a message, a comment or a notice runs in time linear in
the text: the property that lets them stay on Python's backtracking `re` (they need look-arounds, which RE2 has
not) while whatever an admin writes runs on RE2 (helpdesk.linear).

Each pattern is run over long repeats of every unit of the hostile corpus and, by hypothesis, of pieces of its
own source (its literal words and separators, where backtracking bites): a pattern that reads a run again from
each of its characters takes seconds over 8,000 characters, a linear one milliseconds. A new pattern in these
modules is found and checked without being listed here.
"""

import dataclasses
import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from messaging import intents
from tests.hostile import UNITS, run, timed

MODULES = [
    "messaging.parsing.amazon",
    "messaging.parsing.mime",
    "messaging.compliance.normalise",
    "messaging.compliance.checker",
    "messaging.compliance.services",
    "messaging.compliance.amazon_rules.context",
    "messaging.compliance.amazon_rules.contact",
    "messaging.compliance.amazon_rules.wording",
    *(f"messaging.compliance.amazon_rules.{language}" for language in ("en", "de", "fr", "es", "it")),
    "feedback.eligibility",
    "feedback.eligibility.rules",
    *(f"feedback.eligibility.{language}" for language in ("en", "de", "fr", "es", "it")),
    "messaging.trust",
    "messaging.intents",
    "messaging.forms",
    "messaging.outbound.attachments",
    "messaging.outbound.canned",
    "claims.notices",
    "claims.wording",
    "returns.mailtext",
    "returns.reports",
    "feedback.services.feedback",
    "feedback.services.importing",
    "helpdesk.buyers",
    "helpdesk.importing",
    "helpdesk.calendars",
    "helpdesk.services.orders",
]
# Patterns only ever matched at one place (`.match` at a given position, on a piece of bounded length), where a
# scan from every position is not how they run: checked with `match` at the start of the text.
MATCHED_AT_ONE_PLACE = {
    "messaging.parsing.amazon.QUANTITY_RE",  # at the start of an item line's prefix, at most ITEM_LINE_MAX long
    "messaging.parsing.amazon.ITEM_ROW_RE",  # at the start of each item-table row
}
LENGTH = 8_000
LIMIT = 0.1  # CPU seconds for 8,000 characters: a linear pattern takes a few milliseconds
# A pattern over LIMIT is timed again over twice the text: a linear one takes twice as long (a slow machine, or one
# that tries 30 characters at each place, can pass LIMIT and still be linear), a quadratic one four times.
GROWTH = 3
CEILING = 1.0  # CPU seconds for 8,000 characters that no pattern may take, linear or not


def _collect(value: object, name: str, found: dict[str, re.Pattern], depth: int = 0) -> None:
    if isinstance(value, re.Pattern):
        if all(value is not seen for seen in found.values()):
            found[name] = value
    elif depth < 3 and isinstance(value, list | tuple):
        for i, item in enumerate(value):
            _collect(item, f"{name}[{i}]", found, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            _collect(item, f"{name}[{key!r}]", found, depth + 1)
    elif depth < 3 and dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _collect(getattr(value, field.name), f"{name}.{field.name}", found, depth + 1)


def _patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if not name.startswith("__"):
                _collect(value, f"{module_name}.{name}", found)
    return found


PATTERNS = _patterns() | {"messaging.intents._return_ask()": intents._return_ask()}


def _time(name: str, text: str) -> float:
    pattern = PATTERNS[name]
    if name in MATCHED_AT_ONE_PLACE:
        return timed(lambda: pattern.match(text))[0]
    took, _ = timed(lambda: (sum(1 for _ in pattern.finditer(text)), pattern.search(text, 1)))
    return took


def _slow(name: str, unit: str) -> float | None:
    """The time `name` takes over LENGTH characters of `unit` repeated, if that is too long: over CEILING, or
    over LIMIT and growing faster than the text."""
    took = _time(name, run(unit, LENGTH))
    if took < LIMIT:
        return None
    if took >= CEILING or _time(name, run(unit, 2 * LENGTH)) >= GROWTH * took:
        return took
    return None


def test_the_patterns_of_every_rule_set_are_found():
    assert len(PATTERNS) > 250
    assert {
        "messaging.parsing.amazon.RELAY_ADDRESS_RE",
        "messaging.compliance.amazon_rules.context.NEGATION",
        "feedback.eligibility._SPELLED_EMAIL",
        "messaging.compliance.checker.WORDINGS[1].incentive",
        "feedback.eligibility._RULES['de'].obscenity",
    } <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_pattern_reads_every_hostile_run_in_linear_time(name):
    slow = {}
    for unit_name, unit in UNITS.items():
        if (took := _slow(name, unit)) is not None:
            slow[unit_name] = round(took, 2)
    assert not slow, f"{name} is slow over runs of {slow}"


@st.composite
def pattern_and_unit(draw) -> tuple[str, str]:
    """A pattern, and a unit to repeat: a piece of the pattern's own source (the words and separators it looks
    for), with or without whitespace of any kind around it."""
    name = draw(st.sampled_from(sorted(PATTERNS)))
    source = re.sub(r"\\[a-zA-Z]|[()\[\]{}?*+|^$]", " ", PATTERNS[name].pattern)
    start = draw(st.integers(0, max(0, len(source) - 1)))
    piece = source[start : start + draw(st.integers(1, 8))] or "a"
    space = draw(st.sampled_from(["", " ", "\n", "\xa0", "\u3000", "\t"]))
    unit = draw(st.sampled_from([piece, piece + space, space + piece, piece.upper(), piece * 2 + space]))
    return name, unit


@settings(max_examples=400, deadline=None)
@given(case=pattern_and_unit())
def test_any_pattern_reads_repeats_of_its_own_words_in_linear_time(case):
    name, unit = case
    took = _slow(name, unit)
    assert took is None, f"{name} took {took:.2f} s over {unit!r} repeated"

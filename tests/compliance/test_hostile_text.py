"""Text crafted to stall the checker: every run of the hostile corpus, alone and inside a message, is checked in
under a second, and so is anything hypothesis makes up. Admins' own patterns run on RE2."""

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from messaging.compliance.checker import (
    CustomRule,
    InvalidPattern,
    check_feedback_contact,
    check_text,
    compile_custom,
    is_blocked,
    segments,
)
from messaging.compliance.services import compliance_check
from tests.hostile import CORPUS, FLAGGED, UNITS, run, timed

SECOND = 1.0


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_run_is_checked_in_under_a_second(name):
    text = CORPUS[name]
    took, _ = timed(lambda: check_text(text, answering=True))
    assert took < SECOND, f"{name}: {took:.2f} s"
    took, _ = timed(lambda: check_feedback_contact(text, asks_removal=True))
    assert took < SECOND, f"{name} (feedback contact): {took:.2f} s"


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_hostile_run_inside_a_message_is_checked_in_under_a_second(name):
    text = f"Hallo, bitte bewerten Sie uns mit 5 Sternen. {run(UNITS[name] if name in UNITS else '(', 9_000)} Danke."
    took, _ = timed(lambda: check_text(text))
    assert took < SECOND, f"{name}: {took:.2f} s"


@pytest.mark.parametrize("phrase", FLAGGED)
def test_thousands_of_findings_are_checked_and_highlighted_in_under_a_second(phrase):
    text = run(phrase)
    took, findings = timed(lambda: check_text(text))
    assert findings
    took_cut, pieces = timed(lambda: segments(text, findings))
    assert "".join(piece.text for piece in pieces) == text
    assert took + took_cut < SECOND, f"{phrase!r}: {took:.2f} s + {took_cut:.2f} s"
    took, _ = timed(lambda: check_feedback_contact(text, asks_removal=True))
    assert took < SECOND, f"{phrase!r} (feedback contact): {took:.2f} s"


def test_german_review_wording_over_digit_dashes_is_checked_in_under_a_second():
    text = "Bewertung " + "1-" * 10_000
    took, _ = timed(lambda: check_text(text))
    assert took < SECOND, f"{took:.2f} s"


def test_a_text_over_the_cap_is_refused_and_the_rest_still_checked():
    text = "Call me at 555-123-4567. " + "x" * 200
    findings = check_text(text, max_chars=100)
    assert [f.rule for f in findings] == ["phone", "too_long"]
    assert is_blocked(findings)
    too_long = findings[-1]
    assert "100 characters" in too_long.explanation
    assert (too_long.start, too_long.end, too_long.text) == (100, len(text), "x" * (len(text) - 100))
    assert [f.rule for f in check_feedback_contact("x" * 150, max_chars=100)] == ["too_long"]


def test_the_guard_reads_as_much_as_the_setting_says(account):
    text = "Thanks for your order. " * 10
    with override_settings(COMPLIANCE_MAX_CHARS=100):
        assert [f.rule for f in compliance_check(text=text, account=account)] == ["too_long"]
    assert compliance_check(text=text, account=account) == []


# --- admins' patterns ---------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(a|aa)+b", r"(x+x+)+y", r"(\w+\s?)+!", r"^(([a-z])+.)+[A-Z]([a-z])+$", r"(.*a){20}"],
)
def test_a_catastrophic_custom_regex_runs_in_linear_time(pattern):
    rule = CustomRule(name="custom-9", kind="regex", pattern=pattern, message="m")
    text = "a" * 30_000 + "\u3000" + "x" * 30_000
    took, findings = timed(lambda: check_text(text, extra_rules=[rule]))
    assert took < SECOND, f"{pattern}: {took:.2f} s"


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"(?<!un)happy", "look-arounds"),
        (r"refund(?= now)", "look-arounds"),
        (r"(\w)\1", "back-references"),
        (r"(?>a+)", "not valid"),
    ],
)
def test_a_custom_regex_re2_cannot_run_is_refused_with_a_reason(pattern, why):
    with pytest.raises(InvalidPattern, match=why):
        compile_custom("regex", pattern)


def test_a_custom_phrase_keeps_whole_words_in_any_alphabet_on_re2():
    rule = CustomRule(name="custom-1", kind="phrase", pattern="Outlet", message="m")
    found = [f.text for f in check_text("Outlet, outlet outlet; éoutlet outletж дoutlet OUTLET", extra_rules=[rule])]
    assert found == ["Outlet", "outlet", "outlet", "OUTLET"]


def test_a_stored_rule_re2_cannot_run_is_reported_not_dropped():
    rule = CustomRule(name="custom-3", kind="regex", pattern=r"(?<!un)happy", message="m")
    [finding] = check_text("We are happy to help.", extra_rules=[rule])
    assert finding.rule == "custom-3"
    assert "cannot run" in finding.explanation and "look-arounds" in finding.explanation


# --- anything at all ------------------------------------------------------------------

_HOSTILE_UNITS = st.sampled_from(sorted(set(UNITS.values())))


@st.composite
def hostile_texts(draw) -> str:
    """Ordinary words, hostile runs of random length and any characters, in any order."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.text(max_size=40),
                st.sampled_from(["review", "Bewertung", "refund", "1-", "call", "www", "@", ".com", "not", "5 stars"]),
                st.builds(lambda unit, n: unit * n, _HOSTILE_UNITS, st.integers(1, 3_000)),
            ),
            max_size=8,
        )
    )
    return " ".join(pieces)


@settings(max_examples=150, deadline=None)
@given(text=hostile_texts())
def test_any_text_is_checked_without_error_in_bounded_time(text):
    took, findings = timed(lambda: check_text(text))
    assert took < SECOND, f"{took:.2f} s"
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
    took, _ = timed(lambda: check_feedback_contact(text))
    assert took < SECOND, f"{took:.2f} s"

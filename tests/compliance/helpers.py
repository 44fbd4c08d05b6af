"""What the checker tests share: the findings of a text as (rule, original words)."""

from messaging.compliance.checker import check_text


def found(text: str, **kwargs) -> list[tuple[str, str]]:
    """(rule, the exact original text of the span) for each finding; also checks the offsets agree."""
    findings = check_text(text, **kwargs)
    for f in findings:
        assert f.text == text[f.start : f.end]
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    return [(f.rule, f.text) for f in findings]


def rules(text: str, **kwargs) -> set[str]:
    return {rule for rule, _ in found(text, **kwargs)}

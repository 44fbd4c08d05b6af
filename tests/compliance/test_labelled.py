"""The checker on the labelled set: precision and recall per language and on each holdout, and every
message on its own."""

import pytest

from messaging.compliance.checker import check_text, is_blocked
from tests.compliance.labelled import BLOCK, DE, DEV, EN, ES, FR, HOLDOUT, IT, KNOWN_MISSES, LABELLED, PASS

THRESHOLD = 0.95
# The holdout was never tuned to: a lower bar, so that a new miss there is listed rather than fitted.
HOLDOUT_RECALL = 0.85


def _blocked(item) -> bool:
    return is_blocked(check_text(item.text, allowed_domains=item.allowed_domains))


def _part(language: str, split: str) -> list:
    return [item for item in LABELLED if item.language == language and item.split == split]


def _precision_recall(items) -> tuple[float, float]:
    tp = fp = fn = 0
    for item in items:
        blocked, must = _blocked(item), item.label == BLOCK
        tp += blocked and must
        fp += blocked and not must
        fn += must and not blocked
    return tp / (tp + fp), tp / (tp + fn)


def test_the_set_is_labelled_consistently():
    assert {item.label for item in LABELLED} == {BLOCK, PASS}
    assert {(item.language, item.split) for item in LABELLED} == {
        (EN, DEV),
        (DE, DEV),
        (DE, HOLDOUT),
        *((language, split) for language in (FR, ES, IT) for split in (DEV, HOLDOUT)),
    }
    assert all(item.note.strip() for item in LABELLED)
    cases = [(item.text, item.allowed_domains) for item in LABELLED]
    assert len(cases) == len(set(cases)), "a message is labelled twice"
    assert set(KNOWN_MISSES) <= {item.text for item in LABELLED}, "a known miss that is not in the set"


@pytest.mark.parametrize(
    ("language", "split", "size", "block_share"),
    [
        (EN, DEV, 150, (0.3, 0.6)),
        (DE, DEV, 80, (0.3, 0.5)),
        (DE, HOLDOUT, 30, (0.3, 0.5)),
        *((language, DEV, 40, (0.35, 0.45)) for language in (FR, ES, IT)),
        *((language, HOLDOUT, 12, (0.3, 0.5)) for language in (FR, ES, IT)),
    ],
)
def test_each_part_is_big_and_balanced_enough(language, split, size, block_share):
    labels = [item.label for item in _part(language, split)]
    assert len(labels) >= size
    low, high = block_share
    assert low <= labels.count(BLOCK) / len(labels) <= high


@pytest.mark.parametrize("language", [EN, DE, FR, ES, IT])
def test_precision_and_recall_on_the_tuned_messages(language):
    precision, recall = _precision_recall(_part(language, DEV))
    assert precision >= THRESHOLD, f"precision {precision:.3f}"
    assert recall >= THRESHOLD, f"recall {recall:.3f}"


@pytest.mark.parametrize("language", [DE, FR, ES, IT])
def test_precision_and_recall_on_the_holdout(language):
    precision, recall = _precision_recall(_part(language, HOLDOUT))
    assert precision >= THRESHOLD, f"precision {precision:.3f}"
    assert recall >= HOLDOUT_RECALL, f"recall {recall:.3f}"


@pytest.mark.parametrize(
    "item",
    [i for i in LABELLED if i.text not in KNOWN_MISSES],
    ids=lambda i: f"{i.language}-{i.split}-{i.note[:40]}",
)
def test_each_message(item):
    findings = check_text(item.text, allowed_domains=item.allowed_domains)
    assert is_blocked(findings) == (item.label == BLOCK), [(f.rule, f.text) for f in findings]


def test_known_misses_are_still_missed():
    """When a known miss starts working, take it off the list."""
    fixed = [i.text for i in LABELLED if i.text in KNOWN_MISSES and _blocked(i) == (i.label == BLOCK)]
    assert fixed == []

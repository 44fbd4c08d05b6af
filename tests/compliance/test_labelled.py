"""The checker on the labelled set: precision and recall per language and on each holdout, per category of
the guard's former blind spots, and every message on its own."""

import pytest

from messaging.compliance.checker import check_text, is_blocked
from tests.compliance.labelled import (
    BLOCK,
    CATEGORIES,
    DE,
    DEV,
    EN,
    ES,
    FR,
    HOLDOUT,
    IT,
    KNOWN_MISSES,
    LABELLED,
    MUST_PASS,
    PASS,
)

THRESHOLD = 0.95
# The holdout was never tuned to: a lower bar, so that a new miss there is listed rather than fitted.
HOLDOUT_RECALL = 0.85
# Of the legitimate messages written to look like a category's forbidden ones, the share that may be blocked.
FALSE_BLOCKS = 0.02


def _blocked(item) -> bool:
    return is_blocked(check_text(item.text, allowed_domains=item.allowed_domains))


def _part(language: str, split: str, *, category: str | None = None) -> list:
    """The messages of one language and split; of one category, or of none when `category` is ""."""
    return [
        item
        for item in LABELLED
        if item.language == language and item.split == split and category in (None, item.category)
    ]


def _category(category: str, split: str) -> list:
    return [item for item in LABELLED if item.category == category and item.split == split]


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
        (language, split) for language in (EN, DE, FR, ES, IT) for split in (DEV, HOLDOUT)
    }
    assert {item.category for item in LABELLED} == {"", *CATEGORIES}
    assert {item.label for item in LABELLED if item.category == MUST_PASS} == {PASS}
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
    labels = [item.label for item in _part(language, split, category="")]
    assert len(labels) >= size
    low, high = block_share
    assert low <= labels.count(BLOCK) / len(labels) <= high


@pytest.mark.parametrize("language", [EN, DE, FR, ES, IT])
def test_precision_and_recall_on_the_tuned_messages(language):
    precision, recall = _precision_recall(_part(language, DEV))
    assert precision >= THRESHOLD, f"precision {precision:.3f}"
    assert recall >= THRESHOLD, f"recall {recall:.3f}"


@pytest.mark.parametrize("language", [EN, DE, FR, ES, IT])
def test_precision_and_recall_on_the_holdout(language):
    precision, recall = _precision_recall(_part(language, HOLDOUT))
    assert precision >= THRESHOLD, f"precision {precision:.3f}"
    assert recall >= HOLDOUT_RECALL, f"recall {recall:.3f}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_big_in_every_language_with_hard_negatives(category):
    tuned, holdout = _category(category, DEV), _category(category, HOLDOUT)
    assert len(tuned) + len(holdout) >= 30
    assert {item.language for item in tuned} == {item.language for item in holdout} == {EN, DE, FR, ES, IT}
    assert sum(item.language in (EN, DE) for item in tuned) >= 20
    if category != MUST_PASS:
        for items in (tuned, holdout):
            assert {item.label for item in items} == {BLOCK, PASS}, "the forbidden ones and their look-alikes"


def _catches_and_false_blocks(items) -> tuple[float, float]:
    must = [item for item in items if item.label == BLOCK]
    legitimate = [item for item in items if item.label == PASS]
    caught = sum(_blocked(item) for item in must) / len(must) if must else 1.0
    return caught, sum(_blocked(item) for item in legitimate) / len(legitimate)


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_caught_without_false_blocks(category):
    caught, false_blocks = _catches_and_false_blocks(_category(category, DEV))
    assert caught >= THRESHOLD, f"caught {caught:.3f}"
    assert false_blocks <= FALSE_BLOCKS, f"false blocks {false_blocks:.3f}"
    caught, false_blocks = _catches_and_false_blocks(_category(category, HOLDOUT))
    assert caught >= HOLDOUT_RECALL, f"holdout caught {caught:.3f}"
    assert false_blocks <= FALSE_BLOCKS, f"holdout false blocks {false_blocks:.3f}"


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
